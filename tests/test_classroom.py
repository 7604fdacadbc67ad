"""Keyboard shortcuts, help, tooltips and editing the points, driven like a class would."""

import numpy as np
import pytest
from classroom_helpers import (
    run_zero_timers,
    wait_for_step,
    wait_for_worker_and_window,
    worker_state,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QShortcut, QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QLineEdit

from regviz.config import FIELDS, preset_names
from regviz.gui.actions.help_dialogs import VIEW_TITLES
from regviz.gui.actions.shortcuts import PRESET_KEYS, SHORTCUTS, keys_text

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def press(qtbot, w, key, modifier=NONE):
    qtbot.keyClick(w, key, modifier)


# -- every shortcut ------------------------------------------------------------------
def check_space(qtbot, w, tmp_path, monkeypatch):
    press(qtbot, w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.controller.worker.running, timeout=3000)
    press(qtbot, w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)


def check_step(key):
    def check(qtbot, w, tmp_path, monkeypatch):
        start = w.latest.step
        press(qtbot, w, key)
        wait_for_step(qtbot, w, start + 1)
        press(qtbot, w, key)
        wait_for_step(qtbot, w, start + 2)
    return check


def check_reset(qtbot, w, tmp_path, monkeypatch):
    w.controller.run_steps_blocking(25)
    wait_for_step(qtbot, w, 25)
    press(qtbot, w, Qt.Key.Key_R)
    wait_for_step(qtbot, w, 0)


def check_speed_keys(presses):
    """Each key in ``presses`` (Qt key, the speed it should set)."""
    def check(qtbot, w, tmp_path, monkeypatch):
        w.set_value("speed", 200)
        for key, speed in presses:
            press(qtbot, w, key)
            assert w.config.speed == speed, key
        qtbot.waitUntil(lambda: w.controller.experiment.config.speed == presses[-1][1],
                        timeout=3000)
    return check


def check_presets(qtbot, w, tmp_path, monkeypatch):
    names = preset_names()
    assert len(names) >= 2
    for i, name in list(enumerate(names[:9], start=1))[::-1]:
        press(qtbot, w, getattr(Qt.Key, f"Key_{i}"))
        assert w.config.preset == name and w.preset_box.currentText() == name
        qtbot.waitUntil(lambda n=name: w.controller.experiment.config.preset == n,
                        timeout=5000)


def check_undo(qtbot, w, tmp_path, monkeypatch):
    w.controller.run_steps_blocking(30)
    wait_for_step(qtbot, w, 30)
    before = [a.copy() for a in w.latest.weights]
    press(qtbot, w, Qt.Key.Key_R)
    wait_for_step(qtbot, w, 0)
    press(qtbot, w, Qt.Key.Key_Z, CTRL)
    wait_for_step(qtbot, w, 30)
    assert all((a == b).all() for a, b in zip(before, w.latest.weights, strict=True))


def check_screenshot(qtbot, w, tmp_path, monkeypatch):
    target = tmp_path / "shot.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    press(qtbot, w, Qt.Key.Key_S, CTRL)
    image = QImage(str(target))
    assert not image.isNull() and (image.width(), image.height()) == (w.width(), w.height())


def check_export(qtbot, w, tmp_path, monkeypatch):
    press(qtbot, w, Qt.Key.Key_E, CTRL)
    dialog = w.findChild(QDialog, "export_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def check_open_session(qtbot, w, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: asked.append(a[1]) or ("", ""))
    press(qtbot, w, Qt.Key.Key_O, CTRL)
    assert asked == ["Open session"]


def check_save_session(qtbot, w, tmp_path, monkeypatch):
    target = tmp_path / "lesson.regviz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    press(qtbot, w, Qt.Key.Key_S, CTRL | SHIFT)
    assert target.is_file()


def check_load_data(qtbot, w, tmp_path, monkeypatch):
    csv = tmp_path / "mine.csv"
    csv.write_text("".join(f"{np.cos(i)},{np.sin(i)},{i % 2}\n" for i in range(40)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    press(qtbot, w, Qt.Key.Key_L, CTRL)
    assert w.config.data_file == str(csv)
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) + len(w.latest.data.y_test) == 40,
                    timeout=5000)


def check_edit_points(qtbot, w, tmp_path, monkeypatch):
    press(qtbot, w, Qt.Key.Key_D, CTRL)
    assert w.point_editor.editing and w.point_editor.bar.isVisible()
    press(qtbot, w, Qt.Key.Key_D, CTRL)
    assert not w.point_editor.editing and not w.point_editor.bar.isVisible()


def check_presentation(qtbot, w, tmp_path, monkeypatch):
    press(qtbot, w, Qt.Key.Key_F11)
    assert w.presenting and w.isFullScreen()
    press(qtbot, w, Qt.Key.Key_F11)
    assert not w.presenting and not w.isFullScreen()


def check_escape(qtbot, w, tmp_path, monkeypatch):
    press(qtbot, w, Qt.Key.Key_F11)
    assert w.presenting
    press(qtbot, w, Qt.Key.Key_Escape)
    assert not w.presenting and not w.isFullScreen()


def check_escape_closes_the_drawer_first(qtbot, w, tmp_path, monkeypatch):
    press(qtbot, w, Qt.Key.Key_F11)
    press(qtbot, w, Qt.Key.Key_C)
    assert w.adaptive_layout.drawer_open and w.sidebar.isVisible()
    press(qtbot, w, Qt.Key.Key_Escape)
    assert w.presenting and not w.sidebar.isVisible()
    press(qtbot, w, Qt.Key.Key_Escape)
    assert not w.presenting


def check_panel_key(qtbot, w, tmp_path, monkeypatch):
    assert w.adaptive_layout.arrangement.panel == "docked" and w.sidebar.isVisible()
    press(qtbot, w, Qt.Key.Key_C)  # hides the docked panel: the bar holds the demo's controls
    assert not w.sidebar.isVisible() and w.bar.isVisible()
    assert w.bar.isAncestorOf(w.play_button)
    press(qtbot, w, Qt.Key.Key_C)
    assert w.sidebar.isVisible() and not w.bar.isVisible()


def check_help(qtbot, w, tmp_path, monkeypatch):
    press(qtbot, w, Qt.Key.Key_F1)
    dialog = w.findChild(QDialog, "explanations_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.close()


def check_quit(qtbot, w, tmp_path, monkeypatch):
    press(qtbot, w, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=3000)
    assert w.controller.thread.isFinished()


def check_next_scene(qtbot, w, tmp_path, monkeypatch):
    from regviz.gui.actions.lesson_mode import lesson_mode
    from regviz.lesson import load_lesson

    mode = lesson_mode(w)
    mode.start(load_lesson("overfitting_and_l2"))
    press(qtbot, w, Qt.Key.Key_PageDown)
    assert mode.index == 1
    press(qtbot, w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert mode.index == 2
    w.pause()


def check_previous_scene(qtbot, w, tmp_path, monkeypatch):
    from regviz.gui.actions.lesson_mode import lesson_mode
    from regviz.lesson import load_lesson

    mode = lesson_mode(w)
    mode.start(load_lesson("overfitting_and_l2"), 2)
    press(qtbot, w, Qt.Key.Key_PageUp)
    assert mode.index == 1
    press(qtbot, w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert mode.index == 0
    w.pause()


CHECKS = {
    ("Space",): check_space,
    ("PgDown", "Alt+Right"): check_next_scene,
    ("PgUp", "Alt+Left"): check_previous_scene,
    ("S", "Right"): None,  # both keys: see below
    ("R",): check_reset,
    ("]", "+", "="): check_speed_keys([(Qt.Key.Key_BracketRight, 400), (Qt.Key.Key_Plus, 800),
                                       (Qt.Key.Key_Equal, 1600)]),
    ("[", "-"): check_speed_keys([(Qt.Key.Key_BracketLeft, 100), (Qt.Key.Key_Minus, 50)]),
    ("M",): check_speed_keys([(Qt.Key.Key_M, 0), (Qt.Key.Key_M, 200)]),
    PRESET_KEYS: check_presets,
    ("Ctrl+Z",): check_undo,
    ("Ctrl+S",): check_screenshot,
    ("Ctrl+E",): check_export,
    ("Ctrl+O",): check_open_session,
    ("Ctrl+Shift+S",): check_save_session,
    ("Ctrl+L",): check_load_data,
    ("Ctrl+D",): check_edit_points,
    ("F11",): check_presentation,
    ("Escape",): check_escape,
    ("C",): check_panel_key,
    ("F1",): check_help,
    ("Ctrl+Q",): check_quit,
}
CASES = [(keys, check) for keys, check in CHECKS.items() if check is not None] + [
    (("S",), check_step(Qt.Key.Key_S)), (("Right",), check_step(Qt.Key.Key_Right)),
    (("Escape", "drawer"), check_escape_closes_the_drawer_first)]


def test_every_shortcut_in_the_table_has_a_test():
    assert {s.keys for s in SHORTCUTS} == set(CHECKS)


@pytest.mark.parametrize("keys,check", CASES, ids=[" ".join(k[:2]) for k, _ in CASES])
def test_shortcut_does_its_thing(window, qtbot, tmp_path, monkeypatch, keys, check):
    check(qtbot, window(), tmp_path, monkeypatch)


def test_letter_shortcuts_do_not_fire_while_typing(window, qtbot):
    w = window()
    w.controller.run_steps_blocking(5)
    wait_for_step(qtbot, w, 5)
    field = w.control_panel.widget("hidden")
    assert isinstance(field, QLineEdit)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    speed = w.config.speed
    for key in (Qt.Key.Key_S, Qt.Key.Key_R, Qt.Key.Key_Space, Qt.Key.Key_2, Qt.Key.Key_M,
                Qt.Key.Key_BracketLeft, Qt.Key.Key_Minus):
        qtbot.keyClick(field, key)
    assert field.text().endswith("sr 2m[-")
    assert w.config.speed == speed
    wait_for_worker_and_window(qtbot, w)  # the keys' requests, had any been sent
    assert w.latest.step == 5 and not w.controller.worker.running
    assert w.config.preset == "overfit"


def test_enter_applies_a_typed_value_and_hands_the_keys_back(window, qtbot):
    """After typing a value and Enter, Space, R and the digits did nothing until the
    teacher clicked elsewhere."""
    w = window()
    w.controller.run_steps_blocking(5)
    wait_for_step(qtbot, w, 5)
    for name, text, expected in (("l2", "0.4", 0.4), ("n_samples", "300", 300)):
        field = w.control_panel.widget(name)
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=2000)
        field.selectAll()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        assert getattr(w.config, name) == expected
        qtbot.waitUntil(lambda f=field: not f.hasFocus(), timeout=2000)
    w.controller.run_steps_blocking(7)
    wait_for_step(qtbot, w, 7)
    press(qtbot, w, Qt.Key.Key_R)
    wait_for_step(qtbot, w, 0)
    press(qtbot, w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.controller.worker.running, timeout=3000)
    press(qtbot, w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)
    press(qtbot, w, Qt.Key.Key_2)
    assert w.config.preset == preset_names()[1]


def test_a_refused_value_keeps_the_focus_to_be_corrected(window, qtbot):
    w = window()
    field = w.control_panel.widget("l2")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    field.selectAll()
    qtbot.keyClicks(field, "-3")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    run_zero_timers(qtbot)  # where an accepted value hands the keys back
    assert field.hasFocus() and w.control_panel.message_for("l2")


def test_only_keys_of_existing_presets_are_listed(window, qtbot):
    """Keys 8 and 9 were listed with seven presets and did nothing."""
    w = window()
    names = preset_names()
    assert PRESET_KEYS == tuple(str(i) for i in range(1, min(9, len(names)) + 1))
    registered = {s.objectName() for s in w.findChildren(QShortcut)}
    for i in range(1, 10):
        assert (f"shortcut_{i}" in registered) == (i <= len(names))
    w.findChild(type(w.menus["help"].actions()[0]), "keyboard_shortcuts").trigger()
    text = plain_text(w.findChild(QDialog, "shortcuts_dialog").findChild(QLabel).text())
    preset_keys = next(s for s in SHORTCUTS if s.keys == PRESET_KEYS)
    assert keys_text(preset_keys) == f"1 … {min(9, len(names))}" and keys_text(preset_keys) in text


def plain_text(html):
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


# -- help ------------------------------------------------------------------------------
def test_shortcut_help_is_generated_from_the_table(window, qtbot):
    w = window()
    w.findChild(type(w.menus["help"].actions()[0]), "keyboard_shortcuts").trigger()
    dialog = w.findChild(QDialog, "shortcuts_dialog")
    assert dialog.isVisible() and not dialog.isModal()
    text = plain_text(dialog.findChild(QLabel).text())
    for shortcut in SHORTCUTS:
        assert keys_text(shortcut) in text and shortcut.description in text


def test_what_am_i_looking_at_explains_every_view(window, qtbot):
    w = window()
    w.findChild(type(w.menus["help"].actions()[0]), "what_am_i_looking_at").trigger()
    text = plain_text(w.findChild(QDialog, "explanations_dialog").findChild(QLabel).text())
    for view in w.views:
        assert view.EXPLANATION and view.EXPLANATION in text
        assert VIEW_TITLES[view.objectName()] in text


def test_every_control_says_what_it_does_to_the_loss(window):
    w = window()
    for f in FIELDS:
        tip = w.control_panel.widget(f.name).toolTip()
        assert f.help in tip and "loss" in f.help.lower(), f.name
        first_sentence = f.help.split(". ")[0]
        assert len(first_sentence) < 200, f.name


# -- your own points ---------------------------------------------------------------------
def click_plot(qtbot, w, x, y, button=Qt.MouseButton.LeftButton, modifier=NONE):
    view = w.boundary_view
    scene_point = view.plot.vb.mapViewToScene(QPointF(x, y))
    pixel = view.plot_widget.mapFromScene(scene_point)
    qtbot.mouseClick(view.plot_widget.viewport(), button, modifier, pixel)


def test_click_adds_a_point_of_the_chosen_class_and_training_continues(window, qtbot):
    w = window()
    w.controller.run_steps_blocking(30)
    wait_for_step(qtbot, w, 30)
    before = worker_state(w)
    n_train, n_test = len(before["data"].y_train), len(before["data"].y_test)
    w.point_editor.set_editing(True)
    w.point_editor.set_class(1)
    click_plot(qtbot, w, 0.1, 0.2)
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) == n_train + 1, timeout=5000)
    trainer = w.controller.experiment.trainer
    # The worker trains on the edited points, with the weights it had.
    assert len(trainer.y_train) == n_train + 1 and trainer.y_train[-1] == 1
    np.testing.assert_allclose(trainer.X_train[-1], [0.1, 0.2], atol=0.02)
    assert len(trainer.y_test) == n_test
    assert w.latest.step == 30
    for a, b in zip(w.latest.weights, before["weights"], strict=True):
        np.testing.assert_array_equal(a, b)
    w.step_once()
    wait_for_step(qtbot, w, 31)
    assert len(w.latest.data.y_train) == n_train + 1


def test_right_click_removes_the_nearest_point(window, qtbot):
    w = window()
    data = w.latest.data
    n_train, n_test = len(data.y_train), len(data.y_test)
    target = data.X_train[7].copy()
    w.point_editor.set_editing(True)
    click_plot(qtbot, w, target[0] + 0.002, target[1], Qt.MouseButton.RightButton)
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) == n_train - 1, timeout=5000)
    X = w.controller.experiment.trainer.X_train
    assert len(X) == n_train - 1 and not np.any(np.all(X == target, axis=1))
    assert len(w.latest.data.y_test) == n_test


def test_plain_click_selects_instead_of_adding_unless_editing_or_shift(window, qtbot):
    w = window()
    n_train = len(w.latest.data.y_train)
    click_plot(qtbot, w, 0.0, 0.0)
    wait_for_worker_and_window(qtbot, w)
    assert len(w.controller.experiment.data.y_train) == n_train
    assert len(w.latest.data.y_train) == n_train
    click_plot(qtbot, w, 0.0, 0.0, modifier=SHIFT)
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) == n_train + 1, timeout=5000)


def test_points_can_be_added_to_the_test_set(window, qtbot):
    w = window()
    n_train, n_test = len(w.latest.data.y_train), len(w.latest.data.y_test)
    w.point_editor.set_editing(True)
    assert "training" in w.point_editor.target_box.currentText()  # train by default
    w.point_editor.target_box.setCurrentIndex(w.point_editor.target_box.findData("test"))
    click_plot(qtbot, w, 0.3, -0.3)
    qtbot.waitUntil(lambda: len(w.latest.data.y_test) == n_test + 1, timeout=5000)
    assert len(w.controller.experiment.trainer.y_test) == n_test + 1
    assert len(w.latest.data.y_train) == n_train


def test_class_picker_offers_every_class_of_the_network(window, qtbot):
    w = window()
    w.point_editor.set_editing(True)
    assert w.point_editor.class_box.count() == 2
    w.load_preset("overfit")
    w.set_value("dataset", "spiral")
    w.set_value("classes", 4)
    qtbot.waitUntil(lambda: w.latest.n_classes == 4, timeout=5000)
    assert w.point_editor.class_box.count() == 4
    w.point_editor.set_class(3)
    w.point_editor.add_point(0.0, 0.0)
    qtbot.waitUntil(lambda: w.latest.data.y_train[-1] == 3, timeout=5000)


def test_clear_all_then_new_points_train_on_only_those(window, qtbot):
    w = window()
    w.play()
    qtbot.waitUntil(lambda: w.controller.worker.running, timeout=3000)
    w.findChild(type(w.menus["teach"].actions()[0]), "clear_points").trigger()
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)
    assert len(w.point_editor.data().y_train) == 0
    assert len(w.boundary_view.train_scatter.data) == 0
    w.point_editor.add_point(-0.5, 0.5, label=0)
    assert "two classes" in w.statusBar().currentMessage()
    w.point_editor.add_point(0.5, -0.5, label=1)
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) == 2, timeout=5000)
    trainer = w.controller.experiment.trainer
    np.testing.assert_array_equal(trainer.y_train, [0, 1])
    assert len(trainer.y_test) == 0
    step = w.latest.step
    w.step_once()
    wait_for_step(qtbot, w, step + 1)
