"""Closing under load, as a real process: the window is closed while it trains,
a compare run trains beside it and a λ sweep has worker processes busy. The
process must exit with code 0, print no warning, and leave no process behind.

A subprocess, not an in-process test, because what is checked is what the user
sees at exit: Qt's "QThread: Destroyed while thread is still running" abort,
warnings printed during interpreter shutdown, and orphaned sweep workers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import uuid

import psutil
import pytest

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from regviz.config import load_preset
    from regviz.gui.app import create_application
    from regviz.gui.launch import build_window
    from regviz.gui.actions.teach_actions import TeachActions

    app = create_application()
    window = build_window(load_preset("overfit"))
    window.show()
    teach = window.findChild(TeachActions)

    def load_it():
        window.play()
        if "compare" in sys.argv:
            teach.open_compare().play()
        if "sweep" in sys.argv:
            sweep = teach.open_sweep()
            sweep.steps.setValue(50_000)  # far more than fits before the close
            assert sweep.start()
        print("loaded", flush=True)

    QTimer.singleShot(300, load_it)
    QTimer.singleShot(2500, window.close)  # the teacher closes the window mid-lesson
    code = app.exec()
    window.shutdown()
    print("exited", flush=True)
    sys.exit(code)
""")


def processes_marked(mark: str) -> list[psutil.Process]:
    """Every process (orphans included) whose environment carries ``mark``."""
    found = []
    for p in psutil.process_iter():
        try:
            if p.environ().get("REGVIZ_TEST_MARK") == mark:
                found.append(p)
        except (psutil.AccessDenied, psutil.NoSuchProcess, psutil.ZombieProcess):
            continue
    return found


@pytest.mark.parametrize("load", [("train",), ("train", "compare"), ("train", "compare", "sweep")],
                         ids="+".join)
def test_closing_under_load_exits_cleanly(load):
    mark = uuid.uuid4().hex
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REGVIZ_TEST_MARK": mark,
           "PYTHONFAULTHANDLER": "1"}
    out = subprocess.run([sys.executable, "-c", CHILD, *load], env=env, capture_output=True,
                         text=True, timeout=120)
    stderr = "\n".join(line for line in out.stderr.splitlines()
                       if "propagateSizeHints" not in line)  # the offscreen plugin's note
    assert out.returncode == 0, (out.returncode, stderr)
    assert "loaded" in out.stdout and "exited" in out.stdout, out.stdout
    assert stderr.strip() == "", stderr
    # Sweep workers are the process's children: none may survive it (give the
    # kernel a moment to reap what has just exited).
    deadline = time.monotonic() + 5
    while processes_marked(mark) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_marked(mark) == []
