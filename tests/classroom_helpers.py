"""Shared by the classroom tests (shortcuts, points, sessions, presentation)."""

from gui_helpers import at_full_speed
from PySide6.QtWidgets import QMessageBox

from regviz.gui.app import create_application
from regviz.gui.windows.main_window import MainWindow


def open_window(qtbot, preset="overfit", size=(1600, 1000)):
    """A shown MainWindow with its training thread running and one snapshot drawn."""
    create_application(deterministic=True)
    window = MainWindow(config=at_full_speed(preset))
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.latest is not None, timeout=5000)
    return window


def close_window(window):
    window.close()
    assert window.controller.thread.isFinished()


def wait_for_step(qtbot, window, step):
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == step,
                    timeout=10000)


def wait_for_worker_and_window(qtbot, window):
    """Every request sent to the worker before has run, and the snapshot it sends
    after them is the one the window shows: a fixed wait, as an event."""
    snapshot = window.controller.run_steps_blocking(0)
    qtbot.waitUntil(lambda: window.latest is snapshot, timeout=10000)
    return snapshot


def run_zero_timers(qtbot):
    """What the window queued for "as soon as the event loop turns" (single-shot
    zero timers) has run: a zero timer started now runs after them."""
    from PySide6.QtCore import QTimer

    ran = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True], timeout=5000)


class ErrorDialogs:
    """Replaces QMessageBox.critical: records (title, text) instead of blocking."""

    def __init__(self, monkeypatch):
        self.shown = []
        monkeypatch.setattr(QMessageBox, "critical",
                            lambda parent, title, text, *a, **k: self.shown.append(
                                (title, text)))


def worker_state(window):
    """What the training thread trains on, read while it is paused (tests only)."""
    e = window.controller.experiment
    return {"experiment": e, "config": e.config, "data": e.data, "step": e.step_count,
            "weights": [w.copy() for w in e.net.weights]}


def assert_unchanged(window, before):
    now = worker_state(window)
    assert now["experiment"] is before["experiment"]
    assert now["config"] == before["config"] and window.config == before["config"]
    assert now["data"] is before["data"]
    assert now["step"] == before["step"]
    for a, b in zip(now["weights"], before["weights"], strict=True):
        assert (a == b).all()
