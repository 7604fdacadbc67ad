"""Files regviz writes: atomic, and with the permissions any program would give them
(mkstemp's 0600 once leaked into every report, screenshot and session)."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from regviz.atomic_file import write_atomically

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def umask():
    """``umask(value)`` sets this process's umask for the test; put back after."""
    original = os.umask(0o022)
    os.umask(original)
    yield lambda value: os.umask(value)
    os.umask(original)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077, 0o027])
def test_a_new_file_gets_0666_less_the_umask(tmp_path, umask, mask):
    umask(mask)
    path = write_atomically(tmp_path / "report.json",
                            lambda tmp: Path(tmp).write_text("{}"))
    assert mode(path) == 0o666 & ~mask
    assert path.read_text() == "{}"


def test_a_replaced_file_keeps_its_mode(tmp_path, umask):
    umask(0o022)
    path = tmp_path / "history.csv"
    path.write_text("old")
    os.chmod(path, 0o640)
    write_atomically(path, lambda tmp: Path(tmp).write_text("new"))
    assert path.read_text() == "new" and mode(path) == 0o640


def test_the_command_line_respects_the_umask(tmp_path):
    script = ("import os, sys; os.umask(0o002); from regviz.cli import main; "
              f"sys.exit(main(['--steps', '1', '--report', r'{tmp_path / 'r.json'}']))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert mode(tmp_path / "r.json") == 0o664
