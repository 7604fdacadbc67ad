"""The README's commands work as written on a fresh machine: they run the venv's
``regviz`` (the system's ``python`` has no PySide6: ``python main.py`` was a
ModuleNotFoundError traceback for a newcomer), and the examples run."""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
VENV_BIN = ".venv/bin/"


def code_lines() -> list[str]:
    """Every command of the README's indented code blocks."""
    return [line.strip() for line in README.splitlines() if line.startswith("    ")
            and not line.strip().startswith(("|", "-", "#"))]


def commands_in(section: str) -> list[str]:
    body = README.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return [line.strip() for line in body.splitlines() if line.startswith("    ")]


def test_every_command_runs_the_venv_not_the_system_python():
    prose = re.sub(r"```.*?```", "", README, flags=re.DOTALL)  # not the Python example
    inline = [" ".join(span.split()) for span in re.findall(r"`([^`]+ [^`]+)`", prose)]
    commands = code_lines() + inline
    runs = [c for c in commands if re.match(r"\S*(python3?|regviz|main\.py)( |$)", c)]
    assert len(runs) >= 6
    for command in runs:
        for part in re.split(r"&&", command):
            words = part.split()
            if not words:
                continue
            program = words[0]
            if program == "python3" and words[1:3] == ["-m", "venv"]:
                continue  # the one command the system's Python runs: making the venv
            assert program.startswith(VENV_BIN), command


def test_setup_is_two_commands():
    assert [c for c in commands_in("Set-up: two commands") if c] == [
        line for line in code_lines()
        if line.startswith("python3 -m venv .venv")]
    assert len(commands_in("Set-up: two commands")) == 2


@pytest.mark.parametrize("index", [1, 2, 3])
def test_the_command_line_examples_run_as_written(tmp_path, index):
    """``.venv/bin/regviz`` is the test's own venv's command (CI runs the README's
    test command, which installs it there)."""
    command = commands_in("Command line")[index]
    assert command.startswith(VENV_BIN + "regviz ")
    program = Path(sys.executable).parent / "regviz"
    assert program.exists(), f"{program}: the set-up did not install the command"
    args = shlex.split(command)[1:]
    out = subprocess.run([str(program), *args], capture_output=True, text=True,
                         cwd=tmp_path, timeout=600,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    for arg in args:
        if arg.endswith((".png", ".json", ".csv")):
            assert (tmp_path / arg).stat().st_size > 0, arg
