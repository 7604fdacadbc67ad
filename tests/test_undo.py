"""Edit → Undo (Ctrl+Z): a reset, a preset switch, a setting that restarts training,
loading points or a session, and clearing the points can all be taken back — the
run returns with its weights, history, step and points (an 84,000-step run was once
lost to one key). And points edited by hand never leak into another preset."""

import numpy as np
from classroom_helpers import wait_for_step
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from regviz import session as sessions
from regviz.config import load_preset
from regviz.experiment import Experiment, make_data
from regviz.gui.actions import session_actions
from regviz.gui.actions.undo_actions import UNDO_LEVELS, UndoStack


def run_state(w):
    """The training's whole run, read in its thread (copies)."""
    snapshot = w.controller.run_steps_blocking(0)
    return {"step": snapshot.step, "config": snapshot.config,
            "weights": [a.copy() for a in snapshot.weights],
            "history": {k: v.copy() for k, v in snapshot.history.items()},
            "X_train": snapshot.data.X_train.copy(), "y_train": snapshot.data.y_train.copy()}


def assert_same_run(a, b):
    assert a["step"] == b["step"] and a["config"] == b["config"]
    assert a["config"].preset == b["config"].preset
    for x, y in zip(a["weights"], b["weights"], strict=True):
        assert np.array_equal(x, y)
    assert a["history"].keys() == b["history"].keys()
    for k in a["history"]:
        assert np.array_equal(a["history"][k], b["history"][k], equal_nan=True), k
    assert np.array_equal(a["X_train"], b["X_train"])
    assert np.array_equal(a["y_train"], b["y_train"])


def trained(qtbot, w, steps):
    w.controller.run_steps_blocking(steps)
    wait_for_step(qtbot, w, steps)
    return run_state(w)


def undo_with_the_key(qtbot, w, step):
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_for_step(qtbot, w, step)


def test_reset_is_undone(window, qtbot):
    w = window()
    before = trained(qtbot, w, 230)
    qtbot.keyClick(w, Qt.Key.Key_R)
    wait_for_step(qtbot, w, 0)
    assert "230" in w.findChild(type(w.menus["edit"].actions()[0]), "undo").text()
    undo_with_the_key(qtbot, w, 230)
    assert_same_run(run_state(w), before)
    assert not w.controller.worker.running  # back, paused: the teacher looks first


def test_the_undone_run_trains_on_as_if_nothing_happened(window, qtbot):
    w = window("dropout")
    trained(qtbot, w, 120)
    twin = Experiment(load_preset("dropout"))  # the same run, never reset
    twin.step(120)
    qtbot.keyClick(w, Qt.Key.Key_R)
    wait_for_step(qtbot, w, 0)
    undo_with_the_key(qtbot, w, 120)
    w.controller.run_steps_blocking(80)
    twin.step(80)
    wait_for_step(qtbot, w, 200)
    for a, b in zip(w.latest.weights, twin.net.weights, strict=True):
        assert np.array_equal(a, b)  # same dropout masks, same everything


def test_a_preset_switch_is_undone_with_the_edited_points(window, qtbot):
    w = window()
    trained(qtbot, w, 50)
    w.point_editor.add_point(0.4, -0.7, label=0, test=False)
    qtbot.waitUntil(lambda: w.latest.extra.get("data_edited"), timeout=5000)
    before = run_state(w)
    qtbot.keyClick(w, Qt.Key.Key_2)
    wait_for_step(qtbot, w, 0)
    assert w.config.preset == "l2"
    undo_with_the_key(qtbot, w, 50)
    assert_same_run(run_state(w), before)
    assert w.preset_box.currentText() == "overfit" and w.windowTitle().startswith(
        "regviz — overfit")
    assert w.control_panel.config == before["config"]


def test_loading_points_and_a_structural_change_are_undone(window, qtbot, tmp_path):
    w = window()
    before = trained(qtbot, w, 40)
    csv = tmp_path / "mine.csv"
    csv.write_text("".join(f"{np.cos(i)},{np.sin(i)},{i % 2}\n" for i in range(40)))
    assert session_actions.load_data(w, str(csv))
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) + len(w.latest.data.y_test) == 40,
                    timeout=5000)
    w.controller.run_steps_blocking(15)
    wait_for_step(qtbot, w, 15)
    on_file = run_state(w)
    w.set_value("hidden", "8")
    assert w.config.hidden == (8,)
    wait_for_step(qtbot, w, 0)
    w.undo()
    wait_for_step(qtbot, w, 15)
    assert_same_run(run_state(w), on_file)
    w.undo()
    wait_for_step(qtbot, w, 40)
    assert_same_run(run_state(w), before)
    assert w.control_panel.config.data_file == ""


def test_opening_a_session_is_undone(window, qtbot, tmp_path, monkeypatch):
    w = window()
    other = Experiment(load_preset("l1"))
    other.step(70)
    path = tmp_path / "other.regviz"
    sessions.save(sessions.Session.from_experiment(other), path)
    before = trained(qtbot, w, 90)
    assert session_actions.open_session(w, str(path))
    wait_for_step(qtbot, w, 70)
    w.undo()
    wait_for_step(qtbot, w, 90)
    assert_same_run(run_state(w), before)


def test_clearing_all_points_is_undone(window, qtbot):
    w = window()
    before = trained(qtbot, w, 30)
    w.point_editor.clear_all()
    w.undo()
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) == len(before["y_train"]),
                    timeout=5000)
    assert_same_run(run_state(w), before)


def test_edited_points_do_not_follow_into_a_preset(window, qtbot):
    """The data a run uses is the data the window names: a preset brings its own
    points back; Reset keeps edited points and the window says they are yours."""
    w = window()
    generated = run_state(w)
    w.point_editor.add_point(0.1, 0.1, label=1, test=False)
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) == len(generated["y_train"]) + 1,
                    timeout=5000)
    qtbot.keyClick(w, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: w.data_note.isVisible(), timeout=5000)
    assert len(w.latest.data.y_train) == len(generated["y_train"]) + 1
    assert "your edited points" in w.windowTitle()
    qtbot.keyClick(w, Qt.Key.Key_2)  # l2: the same data settings as overfit
    qtbot.waitUntil(lambda: not w.data_note.isVisible(), timeout=5000)
    now = run_state(w)
    assert np.array_equal(now["X_train"], generated["X_train"])
    assert np.array_equal(now["y_train"], generated["y_train"])
    expected = make_data(load_preset("l2"))  # and they are the preset's own
    assert np.array_equal(now["X_train"], expected.X_train)
    assert "your edited points" not in w.windowTitle()


def test_cancelled_file_dialogs_push_nothing(window, qtbot, monkeypatch):
    w = window()
    trained(qtbot, w, 20)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert not session_actions.load_data(w) and not session_actions.open_session(w)
    assert len(w.undo_actions.stack) == 0


# -- the stack alone ----------------------------------------------------------------
class FakeState:
    def __init__(self, step, data_edited=False):
        self.step, self.data_edited = step, data_edited


def test_the_stack_keeps_a_few_levels_and_nothing_empty():
    stack = UndoStack()
    assert not stack.push("Reset", FakeState(0), now=0.0)  # nothing to lose
    assert stack.push("Reset", FakeState(0, data_edited=True), now=0.0)
    for i in range(1, 10):
        assert stack.push(f"Preset {i}", FakeState(100 * i), now=10.0 * i)
    assert len(stack) == UNDO_LEVELS
    assert [stack.pop().state.step for _ in range(UNDO_LEVELS)] == [900, 800, 700, 600, 500]
    assert stack.pop() is None


def test_a_burst_of_the_same_action_keeps_the_run_before_it():
    """A slider dragged through a setting that restarts training: the first state
    (the long run) stays, not the many short ones in between."""
    stack = UndoStack()
    assert stack.push("Noise changed", FakeState(84_000), now=100.0)
    for i in range(1, 20):
        assert not stack.push("Noise changed", FakeState(30 * i), now=100.0 + 0.06 * i)
    assert len(stack) == 1 and stack.top.state.step == 84_000
    assert stack.push("Noise changed", FakeState(500), now=110.0)  # a later, separate change
