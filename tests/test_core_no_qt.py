"""regviz.core is pure numpy: importing it must not pull in any Qt binding or
plotting library, and no core source may import one."""

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import regviz.core

CORE = Path(regviz.core.__file__).parent
QT_PREFIXES = ("PySide", "PyQt", "pyqtgraph", "shiboken", "superqt", "qtpy")


def is_qt(module_name: str) -> bool:
    return module_name.split(".")[0].startswith(QT_PREFIXES)


def core_modules() -> list[str]:
    return ["regviz.core"] + [f"regviz.core.{m.name}" for m in pkgutil.iter_modules([str(CORE)])]


def modules_loaded_by_importing(names: list[str]) -> list[str]:
    """sys.modules of a fresh interpreter after importing ``names``."""
    code = ("import importlib, json, sys\n"
            f"for name in {names!r}: importlib.import_module(name)\n"
            "print(json.dumps(sorted(sys.modules)))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=CORE.parent.parent, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_importing_every_core_module_loads_no_qt():
    names = core_modules()
    assert {"regviz.core.trainer", "regviz.core.mlp", "regviz.core.datasets"} <= set(names)
    loaded = modules_loaded_by_importing(names)
    assert set(names) <= set(loaded)
    assert [m for m in loaded if is_qt(m)] == []


def test_the_subprocess_check_would_see_qt():
    """The check above can fail: importing a Qt binding shows up in sys.modules."""
    pytest.importorskip("PySide6")
    loaded = modules_loaded_by_importing(["regviz.core", "PySide6.QtCore"])
    assert any(is_qt(m) for m in loaded)


def imported_names(source: str) -> list[str]:
    """Modules a source imports: import statements and importlib/__import__ calls
    with a literal name."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.append(node.module)
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Name) and node.func.id == "__import__")
                   or (isinstance(node.func, ast.Attribute)
                       and node.func.attr == "import_module"))):
            names.append(node.args[0].value)
    return names


def test_no_core_source_imports_qt():
    sources = sorted(CORE.rglob("*.py"))
    assert len(sources) >= 8
    for path in sources:
        for name in imported_names(path.read_text(encoding="utf-8")):
            assert not is_qt(name), f"{path.name} imports {name}"


def test_the_static_scan_would_see_qt():
    for source in ("import PySide6.QtCore", "from PyQt5 import QtWidgets",
                   "import pyqtgraph as pg", "from shiboken6 import isValid",
                   "importlib.import_module('PySide6')", "__import__('PyQt6.QtGui')"):
        assert any(is_qt(n) for n in imported_names(source)), source
    assert not any(is_qt(n) for n in imported_names("import numpy\nfrom . import mlp"))
