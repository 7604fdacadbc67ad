"""Sessions, loading data, export and remembered settings, through the window."""

import numpy as np
import pytest
from classroom_helpers import (
    ErrorDialogs,
    assert_unchanged,
    close_window,
    wait_for_step,
    worker_state,
)
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QFileDialog, QPushButton

from regviz import session as sessions
from regviz.config import load_preset
from regviz.gui.actions import export_actions, session_actions
from regviz.gui.launch import restore_window
from regviz.gui.screenshot import render_window
from regviz.gui.settings import app_settings, last_preset


def trained(qtbot, w, steps):
    w.controller.run_steps_blocking(steps)
    wait_for_step(qtbot, w, steps)
    return w


# -- sessions --------------------------------------------------------------------------
def test_save_then_open_reproduces_config_data_weights_and_picture(window, qtbot, tmp_path):
    first = trained(qtbot, window("overfit"), 120)
    first.set_value("l2", 0.5)  # a live change: the saved config is the one in use
    qtbot.waitUntil(lambda: first.controller.experiment.config.l2 == 0.5, timeout=5000)
    saved = first.controller.run_steps_blocking(0)
    path = tmp_path / "lesson.regviz"
    assert session_actions.save_session(first, str(path))

    second = window("underfit")
    assert session_actions.open_session(second, str(path))
    qtbot.waitUntil(lambda: second.latest.step == 120 and second.latest.config.l2 == 0.5,
                    timeout=5000)
    shown = second.latest
    assert second.config == saved.config and second.config.preset == "overfit"
    assert second.control_panel.config == saved.config
    assert second.preset_box.currentText() == "overfit"
    for name in ("X_train", "y_train", "X_test", "y_test"):
        np.testing.assert_array_equal(getattr(shown.data, name), getattr(saved.data, name))
    for a, b in zip(shown.weights + shown.biases, saved.weights + saved.biases, strict=True):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(shown.grid.probs, saved.grid.probs)  # the same boundary
    for key, values in saved.history.items():
        np.testing.assert_array_equal(shown.history[key], values)
    np.testing.assert_array_equal(second.boundary_view.image_item.image,
                                  first.boundary_view.image_item.image)
    second.step_once()  # and it trains on from there
    wait_for_step(qtbot, second, 121)


def test_session_without_weights_starts_at_step_zero_on_the_same_points(window, qtbot,
                                                                        tmp_path):
    first = trained(qtbot, window("l2"), 50)
    path = tmp_path / "points.regviz"
    assert session_actions.save_session(first, str(path), include_weights=False)
    second = window("overfit")
    assert session_actions.open_session(second, str(path))
    qtbot.waitUntil(lambda: second.latest.config.preset == "l2", timeout=5000)
    assert second.latest.step == 0
    np.testing.assert_array_equal(second.latest.data.X_train, first.latest.data.X_train)


def test_save_session_menu_asks_for_a_file_and_adds_the_suffix(window, qtbot, tmp_path,
                                                               monkeypatch):
    w = window()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "my lesson"), ""))
    w.findChild(QAction, "save_session").trigger()
    assert sessions.load(tmp_path / "my lesson.regviz").config == w.config


def test_failed_save_leaves_the_old_file_and_says_so(window, qtbot, tmp_path, monkeypatch):
    w = window()
    errors = ErrorDialogs(monkeypatch)
    path = tmp_path / "keep.regviz"
    path.write_bytes(b"the earlier session")

    def disk_fills_up(fh, **arrays):
        # The disk fills up half-way through writing the archive.
        fh.write(b"half a sess")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sessions.np, "savez_compressed", disk_fills_up)
    assert not session_actions.save_session(w, str(path))
    assert path.read_bytes() == b"the earlier session"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.regviz"]
    assert len(errors.shown) == 1 and str(path) in errors.shown[0][1]
    assert "No space left" in errors.shown[0][1]


def test_unwritable_place_gets_a_message(window, qtbot, tmp_path, monkeypatch):
    w = window()
    errors = ErrorDialogs(monkeypatch)
    missing = tmp_path / "no such folder" / "x.regviz"
    assert not session_actions.save_session(w, str(missing))
    assert not export_actions.save_screenshot(w, str(tmp_path))  # a folder, not a file
    assert len(errors.shown) == 2
    assert str(missing) in errors.shown[0][1] and str(tmp_path) in errors.shown[1][1]
    assert not missing.parent.exists()


# -- bad files -------------------------------------------------------------------------
def garbage_csv(folder):
    path = folder / "garbage.csv"
    path.write_text("hello,world\nthis is, not, a, point\n")
    return path


def truncated_npz(folder):
    path = folder / "points.npz"
    X = np.random.default_rng(0).normal(size=(50, 2))
    np.savez(path, X_train=X, y_train=(X[:, 0] > 0).astype(int))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def bad_mat(folder):
    path = folder / "data.mat"
    path.write_bytes(b"MATLAB 5.0 MAT-file" + bytes(range(256)) * 3)
    return path


def garbage_session(folder):
    path = folder / "lesson.regviz"
    path.write_bytes(b"PK\x03\x04 not really a zip" * 10)
    return path


def wrong_session(folder):
    path = folder / "other.regviz"
    np.savez(path.with_suffix(".npz"), something=np.arange(3))
    path.with_suffix(".npz").rename(path)
    return path


@pytest.mark.parametrize("make_file,load", [
    (garbage_csv, session_actions.load_data),
    (truncated_npz, session_actions.load_data),
    (bad_mat, session_actions.load_data),
    (garbage_session, session_actions.open_session),
    (wrong_session, session_actions.open_session),
], ids=["garbage csv", "truncated npz", "bad mat", "garbage session", "wrong session"])
def test_bad_file_gets_an_error_dialog_and_changes_nothing(window, qtbot, tmp_path,
                                                           monkeypatch, make_file, load):
    w = trained(qtbot, window("l2"), 40)
    errors = ErrorDialogs(monkeypatch)
    path = make_file(tmp_path)
    before = worker_state(w)
    panel_before = w.control_panel.config
    assert not load(w, str(path))
    assert len(errors.shown) == 1
    title, text = errors.shown[0]
    assert path.name in text and ("load" in title.lower() or "open" in title.lower())
    assert len(text.split(str(path), 1)[-1].strip()) > 10  # the problem, not just the name
    w.controller.run_steps_blocking(0)
    assert_unchanged(w, before)
    assert w.control_panel.config == panel_before and w.config.data_file == ""
    assert w.windowTitle() == "regviz — l2"


def test_load_data_menu_trains_on_the_file(window, qtbot, tmp_path, monkeypatch):
    w = window()
    errors = ErrorDialogs(monkeypatch)
    path = tmp_path / "points.npz"
    rng = np.random.default_rng(1)
    X_train, X_test = rng.normal(size=(30, 2)), rng.normal(size=(12, 2))
    np.savez(path, X=X_train, y=(X_train[:, 1] > 0).astype(int),
             X_test=X_test, y_test=(X_test[:, 1] > 0).astype(int))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    w.findChild(QAction, "load_data").trigger()
    assert errors.shown == []
    qtbot.waitUntil(lambda: len(w.latest.data.y_train) == 30, timeout=5000)
    np.testing.assert_array_equal(w.controller.experiment.trainer.X_train, X_train)
    assert w.control_panel.config.data_file == str(path)


def test_load_data_menu_reads_the_course_data_mat_as_shipped(window, qtbot, tmp_path,
                                                              monkeypatch):
    """The course's own data.mat layout (points as rows, uint8 labels): the course preset
    trains on its 211 points and the formula box counts them as m."""
    import scipy.io

    w = window("course")
    w.set_value("l2", 0.7)
    errors = ErrorDialogs(monkeypatch)
    path = tmp_path / "data.mat"
    rng = np.random.default_rng(2)
    X, X_val = rng.uniform(-0.6, 0.3, size=(211, 2)), rng.uniform(-0.6, 0.3, size=(200, 2))
    scipy.io.savemat(path, {"X": X, "y": (X[:, 1] > X[:, 0]).astype(np.uint8)[:, None],
                            "Xval": X_val,
                            "yval": (X_val[:, 1] > X_val[:, 0]).astype(np.uint8)[:, None]})
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    w.findChild(QAction, "load_data").trigger()
    assert errors.shown == []
    # (the preset's own look-alike has 211 training points too: wait for the file's)
    qtbot.waitUntil(lambda: np.array_equal(w.latest.data.X_train, X), timeout=5000)
    np.testing.assert_array_equal(w.controller.experiment.trainer.X_train, X)
    np.testing.assert_array_equal(w.controller.experiment.trainer.X_test, X_val)
    qtbot.waitUntil(lambda: "m = N = 211 training points" in w.control_panel.formula_text(),
                    timeout=5000)


# -- export ----------------------------------------------------------------------------
def test_export_history_csv_and_every_plot_as_png_and_svg(window, qtbot, tmp_path,
                                                          monkeypatch):
    w = trained(qtbot, window(), 300)
    errors = ErrorDialogs(monkeypatch)
    csv = tmp_path / "history.csv"
    assert export_actions.export(w, export_actions.HISTORY, str(csv))
    lines = csv.read_text().splitlines()
    header = lines[0].split(",")
    assert header[0] == "step" and "test_loss" in header
    assert len(lines) - 1 == len(w.latest.history["step"])
    assert float(lines[-1].split(",")[0]) == w.latest.history["step"][-1]
    for view in w.views:
        png, svg = tmp_path / f"{view.objectName()}.png", tmp_path / f"{view.objectName()}.svg"
        assert export_actions.export(w, view.objectName(), str(png))
        assert export_actions.export(w, view.objectName(), str(svg))
        image = QImage(str(png))
        assert not image.isNull() and image.width() > 100 and image.height() > 100
        assert "<svg" in svg.read_text()[:2000]
    assert export_actions.export(w, export_actions.WINDOW, str(tmp_path / "all.png"))
    assert QImage(str(tmp_path / "all.png")).width() == w.width()
    assert errors.shown == []
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_export_dialog_offers_everything(window, qtbot, tmp_path, monkeypatch):
    w = window()
    errors = ErrorDialogs(monkeypatch)
    dialog = export_actions.show_export_dialog(w)
    what = dialog.findChild(type(w.preset_box), "export_what")
    keys = [what.itemData(i) for i in range(what.count())]
    assert keys == ["history", "window"] + [v.objectName() for v in w.views]
    what.setCurrentIndex(keys.index("cost_view"))
    target = tmp_path / "cost"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "SVG drawing (*.svg)"))
    dialog.findChild(QPushButton, "export_save").click()
    assert errors.shown == []
    assert "<svg" in (tmp_path / "cost.svg").read_text()[:2000]


def test_export_as_python_script_reruns_the_window_run_with_its_live_changes(
        window, qtbot, tmp_path, monkeypatch):
    """File → Export as Python script…: the settings at step 0, the slider change the
    teacher made at step 150, the points and the step count; the script, run on its
    own, ends with the window's weights (their norms) and losses."""
    import json
    import subprocess
    import sys

    w = trained(qtbot, window("overfit"), 150)
    w.set_value("l2", 0.7)
    qtbot.waitUntil(lambda: w.controller.experiment.config.l2 == 0.7, timeout=5000)
    w.controller.run_steps_blocking(100)
    shown = w.controller.run_steps_blocking(0)
    errors = ErrorDialogs(monkeypatch)
    target = tmp_path / "run"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "Python script (*.py)"))
    w.findChild(QAction, "export_script").trigger()
    assert errors.shown == []
    script = tmp_path / "run.py"
    assert "(150, 'l2', 0.7)" in script.read_text()
    out = subprocess.run([sys.executable, "-I", str(script), "--report", "r.json"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["steps"] == shown.step == 250
    expected = [float(np.linalg.norm(W)) for W in shown.weights]
    np.testing.assert_allclose(report["weight_norms"], expected, rtol=0, atol=1e-9)
    last_penalty = shown.config.regularization().penalty(
        shown.weights, shown.biases, len(shown.data.y_train))
    assert abs(report["train"]["penalty"] - last_penalty) <= 1e-9


# -- remembered settings ---------------------------------------------------------------
def test_settings_are_remembered_across_windows(window, qtbot):
    app_settings().clear()
    first = window("overfit")
    restore_window(first)
    first.load_preset("l2")
    first.dark_theme_action.trigger()
    first.resize(1000, 700)
    close_window(first)
    assert last_preset() == "l2"

    second = window("overfit", size=(1600, 1000))
    assert not second.dark_theme  # a window nobody restored stays as built
    restore_window(second)
    assert second.dark_theme and second.dark_theme_action.isChecked()
    assert second.theme.is_dark and second.cost_view.theme.is_dark
    # The offscreen test screen is narrower than 1000 px; Qt fits the width to it.
    assert second.height() == 700 and second.width() < 1600


def test_screenshots_ignore_remembered_settings(qtbot, tmp_path):
    settings = app_settings()
    settings.clear()
    settings.setValue("theme", "dark")
    settings.setValue("last_preset", "dropout")
    settings.sync()
    before = (tmp_path / "x").exists()
    w = render_window(load_preset("l2"), 10, size=(800, 600))
    try:
        assert not w.dark_theme and not w.theme.is_dark
        assert w.config.preset == "l2" and (w.width(), w.height()) == (800, 600)
    finally:
        w.close()
    assert app_settings().value("last_preset") == "dropout" and not before


def test_save_screenshot_writes_the_format_its_suffix_names(window, tmp_path, monkeypatch):
    w = window()
    errors = ErrorDialogs(monkeypatch)
    assert export_actions.save_screenshot(w, str(tmp_path / "board.jpg"))
    assert (tmp_path / "board.jpg").read_bytes()[:3] == b"\xff\xd8\xff"  # JPEG's signature
    assert not export_actions.save_screenshot(w, str(tmp_path / "board.gif"))
    assert ".gif" in errors.shown[-1][1] and not (tmp_path / "board.gif").exists()
