"""The controls generated from FIELDS: names, labels, tooltips, checking, throttling."""

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSlider, QSpinBox

from regviz.config import FIELDS, Config, load_preset
from regviz.gui.app import create_application
from regviz.gui.controls.control_panel import (
    DRAG_UPDATE_MS,
    ControlPanel,
    SliderScale,
    editor_name,
)


@pytest.fixture
def panel(qtbot):
    create_application(deterministic=True)
    p = ControlPanel(load_preset("overfit"))
    qtbot.addWidget(p)
    p.show()
    sent = []
    p.config_changed.connect(sent.append)
    p.sent = sent
    return p


def test_every_field_has_a_named_labelled_explained_widget(panel):
    kinds = {"choice": QComboBox, "bool": QCheckBox, "int": QSpinBox, "float": QLineEdit,
             "int_list": QLineEdit, "path": QLineEdit}
    for f in FIELDS:
        widget = panel.findChild(kinds[f.kind], editor_name(f.name))
        assert widget is not None, f.name
        assert f.help in widget.toolTip() and f.allowed() in widget.toolTip()
        assert panel.findChild(QLabel, f"{f.name}_label").text() == f.label
    assert editor_name("l2") == "l2_lambda" and editor_name("l1") == "l1_lambda"
    assert panel.findChild(QSlider, "l2_lambda_slider") is not None
    assert panel.findChild(object, "data_file_browse") is not None


def test_widgets_show_the_config(panel):
    assert panel.widget("hidden").text() == "20,3"
    assert panel.widget("dataset").currentText() == "field"
    assert panel.widget("divide_by_2m").isChecked()
    assert panel.widget("batch_size").text() == "full batch"
    assert panel.widget("learning_rate").text() == "0.3"


def test_typed_value_is_checked_and_announced(panel):
    assert panel.set_value("l2", "7e-1")
    assert panel.config.l2 == 0.7 and panel.widget("l2").text() == "0.7"
    assert panel.sent[-1].l2 == 0.7


@pytest.mark.parametrize("name, text, words", [
    ("hidden", "20,x", "hidden"),
    ("hidden", "0", "hidden"),
    ("l2", "-1", "l2"),
    ("learning_rate", "0", "learning_rate"),
    ("keep_prob", "1.5", "keep_prob"),
    ("data_file", "/no/such/file.csv", "no such file"),
])
def test_bad_input_leaves_the_config_and_says_why(panel, name, text, words):
    before = panel.config
    assert not panel.set_value(name, text)
    assert panel.config == before and not panel.sent
    assert words in panel.message_for(name)
    assert panel.findChild(QLabel, f"{name}_error").isVisible()


def test_log_slider_reaches_zero_and_round_values():
    l2 = next(f for f in FIELDS if f.name == "l2")
    lr = next(f for f in FIELDS if f.name == "learning_rate")
    s = SliderScale(l2)
    assert s.value(0) == 0.0 and s.position(0.0) == 0
    assert s.value(1000) == 100.0
    assert s.value(s.position(0.7)) == 0.7
    assert SliderScale(lr).value(0) > 0  # the learning rate may not be 0
    kp = SliderScale(next(f for f in FIELDS if f.name == "keep_prob"))
    assert kp.value(kp.position(0.86)) == 0.86


def test_slider_drag_previews_a_bounded_number_of_values_and_sends_one_change(panel, qtbot):
    previews, order, marks = [], [], []
    panel.config_previewed.connect(previews.append)
    panel.config_previewed.connect(lambda c: order.append("preview"))
    panel.config_changed.connect(lambda c: order.append("change"))
    scale = SliderScale(next(f for f in FIELDS if f.name == "l2"))
    slider = panel.findChild(QSlider, "l2_lambda_slider")
    slider.setSliderDown(True)
    # 200 moves faster than the throttle's interval (no event loop between them):
    # the first value at once, then nothing until the throttle's timer runs.
    for position in range(1, 201):
        slider.setValue(position)
    assert [c.l2 for c in previews] == [scale.value(1)]
    # Then the newest value, once, whatever the number of moves in between.
    qtbot.waitUntil(lambda: len(previews) == 2, timeout=5000)
    assert previews[-1].l2 == scale.value(200)
    for position in range(201, 401):
        slider.setValue(position)
    assert panel.sent == []  # nothing final while the slider is held
    slider.setSliderDown(False)  # released, with moves still waiting in the throttle
    assert [c.l2 for c in panel.sent] == [scale.value(400)]
    # A preview still in the throttle must not follow the release. Showing that
    # something does not happen needs a wait: until a timer started after the
    # throttle's, and twice as long, has fired (Qt runs timers in order of due time).
    QTimer.singleShot(2 * DRAG_UPDATE_MS, lambda: marks.append("later"))
    qtbot.waitUntil(lambda: marks == ["later"], timeout=5000)
    assert order[-1] == "change" and order.count("change") == 1
    assert len(previews) <= 3


def test_new_points_draws_the_next_data_seed(panel, qtbot):
    panel.findChild(object, "regenerate").click()
    after = load_preset("overfit").data_seed + 1
    assert panel.config.data_seed == after and panel.sent[-1].data_seed == after


def test_replacing_the_config_updates_every_widget(panel):
    panel.set_config(load_preset("nnfs"))
    assert panel.widget("dataset").currentText() == "spiral"
    assert panel.widget("optimizer").currentText() == "adam"
    assert panel.widget("hidden").text() == "64"
    assert panel.sent[-1] == load_preset("nnfs")


def test_config_defaults_round_trip_through_the_widgets(panel):
    panel.set_config(Config())
    for control in panel.controls.values():
        if isinstance(control.editor, QLineEdit):
            control._text_entered()  # as if the teacher pressed Enter in each box
    assert panel.config == Config()


# -- controls that would change nothing are disabled, and say why -----------------------
def enabled(panel, name):
    return panel.controls[name].isEnabled() and panel.widget(name).isEnabled()


def test_classes_is_disabled_for_a_two_class_dataset(panel):
    """"Classes" showed 3 for the two-class field dataset and changing it only reset."""
    assert panel.config.dataset == "field"
    assert not enabled(panel, "classes")
    assert "always has 2 classes" in panel.widget("classes").toolTip()
    assert not panel.findChild(QLabel, "classes_label").isEnabled()
    panel.set_value("dataset", "spiral")
    assert enabled(panel, "classes")
    assert "always has 2 classes" not in panel.widget("classes").toolTip()


def points_file(tmp_path, n=300, with_test=False):
    import numpy as np

    X = np.random.default_rng(0).normal(size=(n, 2))
    y = (X[:, 0] > 0).astype(int)
    if with_test:
        path = tmp_path / "split.npz"
        np.savez(path, X=X[:200], y=y[:200], X_test=X[200:], y_test=y[200:])
    else:
        path = tmp_path / "points.csv"
        path.write_text("".join(f"{a},{b},{c}\n" for (a, b), c in zip(X, y, strict=True)))
    return path


GENERATOR_SETTINGS = ("dataset", "n_samples", "noise", "classes")


def test_with_a_file_the_generator_settings_are_disabled(panel, tmp_path):
    """With a file loaded, Dataset, Points (400 for a 300-point file), Noise and Data
    seed stayed enabled, and changing Noise reset the run to the same points."""
    path = points_file(tmp_path)
    assert panel.set_value("data_file", str(path))
    for name in GENERATOR_SETTINGS:
        assert not enabled(panel, name), name
        tip = panel.widget(name).toolTip()
        assert path.name in tip and "300 points" in tip, (name, tip)
    assert not panel.regenerate_button.isEnabled()
    # A file without its own test points is split by the seed and the share: they apply.
    assert enabled(panel, "test_fraction") and enabled(panel, "data_seed")
    assert panel.set_value("data_file", "")
    for name in GENERATOR_SETTINGS[:3]:
        assert enabled(panel, name), name
    assert panel.regenerate_button.isEnabled()


def test_a_file_with_its_own_split_disables_the_split_settings(panel, tmp_path):
    path = points_file(tmp_path, with_test=True)
    assert panel.set_value("data_file", str(path))
    for name in ("test_fraction", "data_seed"):
        assert not enabled(panel, name)
        assert "own train/test split" in panel.widget(name).toolTip()
    for name in ("l2", "keep_prob", "learning_rate", "hidden"):
        assert enabled(panel, name)
