"""The main window, driven the way a teacher (or an automation script) drives it."""

import numpy as np
import pytest
from classroom_helpers import wait_for_worker_and_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from regviz.gui.app import create_application
from regviz.gui.windows.main_window import MainWindow, banner_text


def step_of(w):
    return int(w.findChild(QLabel, "step_counter").text().split()[-1].replace(",", ""))


def click(qtbot, w, name):
    qtbot.mouseClick(w.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_builds_without_showing():
    create_application(deterministic=True)
    w = MainWindow(preset="overfit")
    assert not w.isVisible()
    assert w.windowTitle() == "regviz — overfit"
    w.close()
    assert w.controller.thread.isFinished()


def test_required_object_names_exist(window):
    w = window()
    for name in ("play", "step", "reset", "preset", "dataset", "l2_lambda", "l1_lambda",
                 "keep_prob", "learning_rate", "step_counter", "decision_boundary_view",
                 "cost_view", "accuracy_view", "weight_norms_view", "network_diagram_view"):
        assert w.findChild(object, name) is not None, name


def test_play_trains_and_every_view_updates(window, qtbot):
    w = window()
    image_before = w.boundary_view.image_item.image.copy()
    click(qtbot, w, "play")
    assert w.play_button.text().endswith("Pause")
    qtbot.waitUntil(lambda: step_of(w) > 1500, timeout=20000)
    qtbot.waitUntil(lambda: w.latest.step > 1500, timeout=5000)
    # The cost plot draws less often than the label: wait for a frame of its own.
    def drawn_points():
        x, _ = w.cost_view.curves["test_loss"].getData()
        return 0 if x is None else len(x)

    qtbot.waitUntil(lambda: drawn_points() > 20, timeout=5000)
    x, y = w.cost_view.curves["test_loss"].getData()
    assert np.all(np.isfinite(y))
    assert not np.array_equal(w.boundary_view.image_item.image, image_before)
    assert "gap" in w.gap_label.text()
    qtbot.waitUntil(lambda: "steps/s" in w.rate_label.text(), timeout=5000)
    click(qtbot, w, "play")
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)
    qtbot.waitUntil(lambda: w.rate_label.text() == "paused", timeout=3000)


def test_space_toggles_play(window, qtbot):
    w = window()
    qtbot.keyClick(w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: w.controller.worker.running, timeout=3000)
    qtbot.keyClick(w, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)


def test_step_button_advances_exactly_one(window, qtbot):
    w = window()
    click(qtbot, w, "step")
    qtbot.waitUntil(lambda: step_of(w) == 1, timeout=3000)
    qtbot.keyClick(w, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: step_of(w) == 2, timeout=3000)


def test_keep_prob_shows_dropped_units_for_the_selected_sample(window, qtbot):
    w = window()
    assert w.network_diagram_view.dropped_units() == set()
    w.set_value("keep_prob", 0.5)
    w.boundary_view.sample_selected.emit(7)
    w.play()
    qtbot.waitUntil(lambda: w.latest.step > 20 and w.latest.masks[0] is not None, timeout=10000)
    w.pause()
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)
    snapshot = wait_for_worker_and_window(qtbot, w)  # the paused one, drawn
    row = int(np.flatnonzero(snapshot.mask_rows == 7)[0])
    expected = {(1, int(u)) for u in np.flatnonzero(~snapshot.masks[0][row])} | \
        {(2, int(u)) for u in np.flatnonzero(~snapshot.masks[1][row])}
    assert expected and w.network_diagram_view.dropped_units() == expected
    assert "training point #7" in w.network_diagram_view.caption.text()


def test_large_lambda_shrinks_the_weights_live(window, qtbot):
    w = window()
    w.play()
    qtbot.waitUntil(lambda: w.latest.step > 2000, timeout=20000)
    norm = w.latest.history["weight_norm"][-1].sum()
    w.set_value("l2", 50.0)
    assert w.findChild(object, "l2_lambda").text() == "50"

    def change():
        return next((e for e in w.latest.events if e.name == "l2"), None)

    # The change lands at the worker's next step (ahead of the picture), no reset.
    qtbot.waitUntil(lambda: change() is not None, timeout=10000)
    assert change().step > 2000 and change().value == 50.0
    qtbot.waitUntil(lambda: w.latest.step > change().step + 2000, timeout=20000)
    assert w.latest.history["weight_norm"][-1].sum() < 0.8 * norm
    # The cost plot is drawn less often than the step label (and, on a busy machine,
    # slowed first): its marker label comes with its next frame.
    qtbot.waitUntil(lambda: any(label.startswith("L2 λ = 50")
                                for label in w.cost_view.event_labels()), timeout=5000)


def test_divergence_message_pauses_and_reset_recovers(window, qtbot):
    w = window()
    w.set_value("learning_rate", 80)
    w.play()
    qtbot.waitUntil(lambda: w.banner.isVisible(), timeout=15000)
    assert "diverged" in w.banner.text() and "press Reset" in w.banner.text()
    qtbot.waitUntil(lambda: not w.play_button.isChecked(), timeout=3000)
    assert w.play_button.text().endswith("Play")
    w.set_value("learning_rate", 0.3)
    click(qtbot, w, "reset")
    qtbot.waitUntil(lambda: w.latest.step == 0 and not w.latest.diverged, timeout=5000)
    assert not w.banner.isVisible()
    w.play()
    qtbot.waitUntil(lambda: w.latest.step > 200, timeout=10000)
    assert not w.banner.isVisible()


def test_after_divergence_the_status_and_play_tell_the_truth(window, qtbot):
    """The status bar kept the history's last accuracies while the boundary showed
    one class, and Play did nothing without saying why."""
    w = window()
    w.set_value("learning_rate", 80)
    w.play()
    qtbot.waitUntil(lambda: w.latest is not None and bool(w.latest.diverged), timeout=15000)
    qtbot.waitUntil(lambda: not w.play_button.isChecked(), timeout=3000)
    snapshot = w.latest
    # The accuracies of the weights the plot shows: the network's own predictions.
    net_weights = list(zip(snapshot.weights, snapshot.biases, strict=True))
    A = snapshot.data.X_train
    for W, b in net_weights[:-1]:
        A = np.maximum(A @ W + b, 0.0)
    W, b = net_weights[-1]
    predicted = (A @ W + b)[:, 0] > 0  # sigmoid(z) ≥ ½
    train = 100 * np.mean(predicted == snapshot.data.y_train)
    assert f"train {train:.1f}%" in w.gap_label.text()
    assert "diverged" in w.gap_label.text()
    w.play_button.click()
    assert not w.play_button.isChecked()
    assert "Play cannot go on" in w.banner.text() and "Reset" in w.banner.text()
    wait_for_worker_and_window(qtbot, w)  # a snapshot drawn after the refusal
    assert "Play cannot go on" in w.banner.text()


def test_banner_text_reads_well_from_the_back_row():
    text = banner_text("training diverged at step 812 (the loss became 27213.340348634367); "
                       "lower the learning rate and reset")
    assert text == ("Training diverged at step 812 (the loss became 27,213) — "
                    "lower the learning rate and press Reset.")
    assert banner_text("training diverged at step 3 (the loss became inf)").endswith(
        "(the loss became inf) — lower the learning rate and press Reset.")


def test_bad_typed_value_is_refused_with_a_message(window, qtbot):
    w = window()
    before = w.config
    w.set_value("keep_prob", "0")
    assert w.config == before and w.control_panel.config == before
    message = w.control_panel.message_for("keep_prob")
    assert "keep_prob" in message and "0.05" in message
    assert w.findChild(QLabel, "keep_prob_error").isVisible()
    w.set_value("keep_prob", "0.8")
    assert w.config.keep_prob == 0.8 and not w.control_panel.message_for("keep_prob")


def test_preset_switch_restarts_on_that_preset(window, qtbot):
    w = window()
    w.play()
    qtbot.waitUntil(lambda: w.latest.step > 100, timeout=10000)
    w.load_preset("nnfs")
    qtbot.waitUntil(lambda: w.latest.config.preset == "nnfs" and w.latest.n_classes == 3,
                    timeout=10000)
    assert w.latest.grid.probs.ndim == 3
    assert w.windowTitle() == "regviz — nnfs"
    assert w.findChild(object, "dataset").currentText() == "spiral"


def test_preset_tooltips_are_the_descriptions_as_wrapping_rich_text(window):
    """Qt wraps only rich-text tooltips; the course's description is a paragraph."""
    import html
    import re

    from PySide6.QtGui import Qt as QtGui

    from regviz.config import preset_description, preset_names

    box = window().preset_box
    for i, name in enumerate(preset_names()):
        tip = box.itemData(i, Qt.ItemDataRole.ToolTipRole)
        assert QtGui.mightBeRichText(tip)
        assert html.unescape(re.sub(r"<[^>]+>", "", tip)) == preset_description(name)
    assert "np.random.seed(1)" in preset_description("course")


def test_preset_with_only_live_differences_still_restarts(window, qtbot):
    w = window()
    w.controller.step_requested.emit(300)
    qtbot.waitUntil(lambda: w.latest.step == 300, timeout=10000)
    w.load_preset("l2")  # same data and network as overfit; only λ differs
    qtbot.waitUntil(lambda: w.latest.step == 0 and w.latest.config.l2 == 0.7, timeout=10000)
    assert not w.latest.events


def test_closing_during_training_is_clean(window, qtbot):
    w = window()
    w.play()
    qtbot.waitUntil(lambda: w.latest.step > 100, timeout=10000)
    w.close()
    assert w.controller.thread.isFinished() and not w.controller.thread.isRunning()


def test_screenshot_is_deterministic_and_sized(tmp_path):
    from PySide6.QtGui import QImage

    from regviz.config import load_preset
    from regviz.gui.screenshot import render_window_image, render_window_png

    config = load_preset("dropout")
    first = render_window_image(config, 300)
    second = render_window_image(config, 300)
    assert (first.width(), first.height()) == (1600, 1000)
    assert first == second  # same state, identical pixels
    path = render_window_png(config, 300, tmp_path / "shot.png")
    assert QImage(str(path)).size() == first.size()
    assert [p.name for p in tmp_path.iterdir()] == ["shot.png"]  # no temp file left


def test_screenshot_shows_the_divergence_banner():
    from regviz.config import load_preset
    from regviz.gui.screenshot import render_window

    w = render_window(load_preset("overfit").with_values(learning_rate=80), 50)
    try:
        assert w.banner.isVisible() and "diverged" in w.banner.text()
    finally:
        w.close()


def test_screenshot_to_a_missing_folder_names_the_path(tmp_path):
    from regviz.config import load_preset
    from regviz.gui.screenshot import render_window_png

    target = tmp_path / "no-such-folder" / "shot.png"
    with pytest.raises(OSError, match="no-such-folder"):
        render_window_png(load_preset("overfit"), 5, target)


def test_failed_screenshot_keeps_the_previous_file(tmp_path, monkeypatch):
    from PySide6.QtGui import QImage

    from regviz.config import load_preset
    from regviz.gui.screenshot import render_window_png

    target = tmp_path / "shot.png"
    target.write_bytes(b"previous picture")
    monkeypatch.setattr(QImage, "save", lambda *args: False)
    with pytest.raises(OSError, match="shot.png"):
        render_window_png(load_preset("overfit"), 5, target)
    assert target.read_bytes() == b"previous picture"
    assert [p.name for p in tmp_path.iterdir()] == ["shot.png"]
