"""Change markers stay readable: one marker per slider drag, at the step its final
value took effect, labelled once ("L2 λ = 0.7"); labels never overlap each other
or the legend, and many changes collapse into a few labels."""

import itertools

import pytest
from gui_helpers import at_full_speed
from PySide6.QtWidgets import QSlider

from regviz.config import FIELDS_BY_NAME, load_preset
from regviz.experiment import ChangeEvent, Experiment
from regviz.gui.app import create_application
from regviz.gui.controls.control_panel import SliderScale
from regviz.gui.views.marker_layout import LANES, layout_labels
from regviz.gui.windows.main_window import MainWindow

# -- the experiment's log of changes ---------------------------------------------------


def test_a_drag_leaves_one_event_at_the_step_its_final_value_took_effect():
    experiment = Experiment(load_preset("overfit"))
    config = experiment.config
    for i, value in enumerate((0.1, 0.2, 0.4, 0.7)):
        experiment.step(10)
        config = config.with_values(l2=value)
        experiment.apply(config, provisional=True)
        if value == 0.7:
            took_effect = experiment.step_count
        assert len(experiment.events) == 1 and experiment.events[0].provisional, i
    experiment.step(25)
    experiment.apply(config)  # the release: the same value, now final
    assert experiment.events == [ChangeEvent(took_effect, "l2", 0.7)]
    assert experiment.events[0].label == "L2 λ = 0.7"
    # The training really followed the drag: λ is 0.7 now.
    assert experiment.trainer.regularization.l2[0] == 0.7


def test_separate_changes_stay_separate_and_speed_is_no_change_to_mark():
    experiment = Experiment(load_preset("overfit"))
    experiment.apply(experiment.config.with_values(l2=0.7))
    experiment.step(10)
    experiment.apply(experiment.config.with_values(l2=0.3, speed=50, log_steps=True))
    experiment.step(10)
    experiment.apply(experiment.config.with_values(keep_prob=0.8))
    assert [(e.step, e.name, e.value) for e in experiment.events] == [
        (0, "l2", 0.7), (10, "l2", 0.3), (20, "keep_prob", 0.8)]
    assert experiment.config.speed == 50 and experiment.config.log_steps


# -- where labels go -----------------------------------------------------------------


def events_at(steps, name="l2"):
    return [(float(x), [ChangeEvent(int(x), name, round(0.1 * i, 2))])
            for i, x in enumerate(steps)]


def overlapping(a, b) -> bool:
    return a.lane == b.lane and a.left < b.left + b.width and b.left < a.left + a.width


def test_labels_do_not_overlap_and_stay_in_the_plot():
    width = 600.0
    markers = events_at([20, 40, 45, 300, 310, 590])
    placed = layout_labels(markers, width, lambda text: 7.0 * len(text))
    for a, b in itertools.combinations(placed, 2):
        assert not overlapping(a, b), (a, b)
    for p in placed:
        assert 0 <= p.left and p.left + p.width <= width and 0 <= p.lane < LANES
    # Every marker is spoken for by exactly one label.
    spoken = sorted(x for p in placed for x in p.marker_xs)
    assert spoken == [m[0] for m in markers]


def test_many_changes_collapse_into_readable_labels():
    width = 500.0
    markers = events_at(range(100, 400, 6))  # 50 changes 6 px apart
    placed = layout_labels(markers, width, lambda text: 7.0 * len(text))
    assert 1 <= len(placed) < 10
    for a, b in itertools.combinations(placed, 2):
        assert not overlapping(a, b)
    merged = max(placed, key=lambda p: len(p.marker_xs))
    assert "changes)" in merged.text and merged.text.startswith("L2 λ → ")
    assert sorted(x for p in placed for x in p.marker_xs) == [m[0] for m in markers]


# -- the window: a simulated drag --------------------------------------------------


@pytest.fixture
def window(qtbot):
    create_application(deterministic=True)
    w = MainWindow(config=at_full_speed("overfit"))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.latest is not None, timeout=5000)
    yield w
    w.close()


def drag(qtbot, window, slider: QSlider, name, positions, moves_per_preview=10):
    """Drag through ``positions``; after each ``moves_per_preview`` moves, wait
    until training runs with the value the slider is at (the throttled preview has
    reached the worker): a drag whose values reach the training while it is held,
    however fast the machine."""
    scale = SliderScale(FIELDS_BY_NAME[name])
    positions = list(positions)
    slider.setSliderDown(True)
    for start in range(0, len(positions), moves_per_preview):
        chunk = positions[start:start + moves_per_preview]
        for position in chunk:
            slider.setValue(position)
        value = scale.value(chunk[-1])
        qtbot.waitUntil(lambda v=value: getattr(window.latest.config, name) == v,
                        timeout=10000)
    slider.setSliderDown(False)  # the release


def test_a_slider_drag_while_training_leaves_one_marker_with_one_label(window, qtbot):
    w = window
    w.play()
    qtbot.waitUntil(lambda: w.latest.step > 300, timeout=20000)
    slider = w.findChild(QSlider, "l2_lambda_slider")
    final = SliderScale(FIELDS_BY_NAME["l2"]).value(800)
    drag(qtbot, w, slider, "l2", range(400, 801, 4))  # ten previews, then the release
    qtbot.waitUntil(lambda: any(e.name == "l2" and not e.provisional
                                for e in w.latest.events), timeout=10000)
    events = [e for e in w.latest.events if e.name == "l2"]
    assert len(events) == 1 and events[0].value == final
    # The cost plot draws less often than the label: it catches up within a frame.
    qtbot.waitUntil(lambda: w.cost_view.event_labels() == [f"L2 λ = {final:g}"],
                    timeout=5000)
    # The other plots draw the line and leave the naming to the cost plot.
    for view in (w.accuracy_view, w.weight_norms_view):
        qtbot.waitUntil(lambda view=view: len(view._event_lines) == 1, timeout=5000)
        assert view.event_labels() == []
    w.pause()
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)
    legend = w.cost_view.legend.sceneBoundingRect()
    for left, top, right, bottom in w.cost_view.event_label_boxes():
        assert right <= legend.left() or left >= legend.right() or \
            bottom <= legend.top() or top >= legend.bottom()


def test_typed_changes_are_each_marked(window, qtbot):
    w = window
    w.play()
    qtbot.waitUntil(lambda: w.latest.step > 100, timeout=20000)
    w.set_value("l2", 0.3)
    qtbot.waitUntil(lambda: any(e.name == "l2" for e in w.latest.events), timeout=10000)
    w.set_value("l2", 0.7)
    qtbot.waitUntil(lambda: len([e for e in w.latest.events if e.name == "l2"]) == 2,
                    timeout=10000)
    assert not any(e.provisional for e in w.latest.events)
    w.pause()
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)
    qtbot.waitUntil(lambda: len(w.cost_view.event_labels()) > 0, timeout=3000)
    assert all(label.startswith("L2 λ") for label in w.cost_view.event_labels())
