"""The wheel: built without a single warning, with every module and every resource
file, including the resource folders still to come (lessons, translations).

Building takes a clean environment (as pip does), a quarter of a minute."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def test_the_wheel_builds_without_warnings_and_ships_everything(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("regviz", "resources"):
        shutil.copytree(ROOT / folder, source / folder, ignore=IGNORED)
    # Resource folders other work adds next must ship without touching pyproject.
    (source / "resources" / "lessons").mkdir(exist_ok=True)
    (source / "resources" / "lessons" / "a_teachers_own.json").write_text("{}")
    (source / "resources" / "translations").mkdir(exist_ok=True)
    (source / "resources" / "translations" / "regviz_de.qm").write_bytes(b"\x3c\xb8")
    # Byte-compiling switched off in the environment makes setuptools warn too.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir",
                          str(tmp_path / "dist"), str(source)],
                         capture_output=True, text=True, env=env, timeout=600)
    log = out.stdout + out.stderr
    assert out.returncode == 0, log[-3000:]
    warnings = [line for line in log.splitlines() if "warning" in line.lower()]
    assert warnings == [], "\n".join(warnings)
    (wheel,) = (tmp_path / "dist").glob("regviz-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"regviz/{p.relative_to(source / 'regviz').as_posix()}"
                for p in (source / "regviz").rglob("*.py")}
    expected |= {f"regviz/resources/{p.relative_to(source / 'resources').as_posix()}"
                 for p in (source / "resources").rglob("*") if p.is_file()}
    assert sorted(expected - shipped) == []
