"""regviz.core is pure numpy: importing it must not pull in any Qt binding."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import regviz.core

QT_ROOTS = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph", "superqt",
            "qtpy")
CORE = Path(regviz.core.__file__).parent


def test_importing_every_core_module_loads_no_qt():
    modules = [f"regviz.core.{m.name}" for m in pkgutil.iter_modules([str(CORE)])]
    assert "regviz.core.trainer" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {QT_ROOTS!r})\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_no_core_source_imports_qt():
    for path in CORE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in QT_ROOTS, f"{path.name} imports {name}"
