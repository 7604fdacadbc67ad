"""The weight-decay and constraint views in the window: picking the pair by clicking
links, the picture computed in the training thread only while its tab is shown
(and at a bounded rate), the cost legend, the compare preset with each run's
shrink per step, and their screenshots."""

import threading
from dataclasses import replace

import numpy as np
import pytest
from classroom_helpers import close_window, open_window
from fake_snapshot import fake_snapshot
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

import regviz.snapshot as snapshot_module
from regviz.config import load_preset
from regviz.constraint_picture import NoPicture, WeightPair, default_pair
from regviz.experiment import Experiment
from regviz.gui.screenshot import render_window
from regviz.gui.views.cost_view import CostView
from regviz.gui.views.network_diagram_view import NetworkDiagramView
from regviz.gui.views.shrink_view import EDGES, shrink_histogram, shrink_summary
from regviz.gui.windows.compare_window import CompareWindow, render_compare_image
from regviz.snapshot import take_snapshot


def click_link(qtbot, view, layer, i, j):
    """Click a link a quarter of the way along: its middle may be where two cross."""
    x, y = view.link_view_point(layer, i, j, along=0.25)
    pixel = view.graphics.mapFromScene(view.diagram_box.mapViewToScene(QPointF(x, y)))
    qtbot.mouseClick(view.graphics.viewport(), Qt.MouseButton.LeftButton, pos=pixel)


# -- picking the pair -------------------------------------------------------------------

def test_a_click_on_a_link_names_that_link(make_view, qtbot):
    view = make_view(NetworkDiagramView, size=(800, 500))
    view.show_snapshot(fake_snapshot(sizes=(2, 6, 3, 1)))
    clicked = []
    view.link_clicked.connect(lambda *link: clicked.append(link))
    for link in [(0, 1, 4), (1, 5, 2), (2, 2, 0), (0, 0, 0)]:
        click_link(qtbot, view, *link)
    assert clicked == [(0, 1, 4), (1, 5, 2), (2, 2, 0), (0, 0, 0)]
    x, y = view.unit_position(1, 3)
    assert view.link_at(x - 0.5, 1.05) is None  # blank space above the links


def test_two_clicked_links_become_the_pair_and_are_highlighted(qtbot):
    window = render_window(load_preset("l2"), 50)
    qtbot.addWidget(window)
    diagram, constraint = window.network_diagram_view, window.constraint_view
    click_link(qtbot, diagram, 0, 1, 7)
    assert constraint.pair is None  # one link is not a pair
    click_link(qtbot, diagram, 1, 7, 2)
    assert constraint.pair == WeightPair((0, 1, 7), (1, 7, 2))
    assert diagram.pair == ((0, 1, 7), (1, 7, 2))
    x, y = diagram.pair_links.getData()
    np.testing.assert_allclose(x[:2], [diagram.unit_position(0, 1)[0],
                                       diagram.unit_position(1, 7)[0]])
    assert all(label.isVisible() for label in diagram.pair_labels)
    click_link(qtbot, diagram, 2, 1, 0)  # the last two clicked
    assert constraint.pair == WeightPair((1, 7, 2), (2, 1, 0))
    window.close()


# -- the picture in the window --------------------------------------------------------------

def test_the_tab_asks_for_the_picture_only_while_shown_and_off_the_gui_thread(
        qtbot, monkeypatch):
    computed_in = []
    real = snapshot_module.constraint_for

    def recording(*args, **kwargs):
        computed_in.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(snapshot_module, "constraint_for", recording)
    window = open_window(qtbot, "l2")
    try:
        worker = window.controller.worker
        window.play()
        qtbot.waitUntil(lambda: window.latest.step > 200, timeout=10000)
        assert computed_in == [] and window.latest.constraint is None
        assert window.latest.shrink is None  # only compare mode asks for it
        window.lower_tabs.setCurrentIndex(2)
        qtbot.waitUntil(lambda: window.latest.constraint is not None, timeout=10000)
        first = window.latest.constraint
        assert first.pair == window.constraint_view.pair
        assert window.constraint_view.pair.first[0] == 2  # the default: output layer
        qtbot.waitUntil(lambda: window.latest.constraint.step > first.step, timeout=10000)
        assert "Penalty L2 λ=0.7 ÷2m on layer 3: circles" in window.constraint_view.caption.text()
        window.lower_tabs.setCurrentIndex(0)
        qtbot.waitUntil(lambda: worker.constraint_pair is None, timeout=5000)
        qtbot.waitUntil(lambda: window.latest.constraint is None, timeout=5000)
        window.pause()
        assert computed_in and not any(computed_in)  # every grid in the training thread
    finally:
        close_window(window)


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_pictures_are_rate_limited_while_training_and_fresh_for_a_new_pair(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(snapshot_module.time, "perf_counter", clock)
    made = []
    real = snapshot_module.constraint_for
    monkeypatch.setattr(snapshot_module, "constraint_for",
                        lambda *a, **k: made.append(1) or real(*a, **k))
    experiment = Experiment(load_preset("l2"))
    pair = default_pair(experiment.net.weights)

    def picture(**kwargs):
        return take_snapshot(experiment, constraint=pair, **kwargs).constraint

    assert picture().step == 0 and len(made) == 1
    assert picture().step == 0 and len(made) == 1  # same step: the same picture
    experiment.step(5)
    clock.now += 0.5 / snapshot_module.CONSTRAINT_RATE
    assert picture().step == 0 and len(made) == 1  # too soon: the last one, stale
    clock.now += 0.6 / snapshot_module.CONSTRAINT_RATE
    assert picture().step == 5 and len(made) == 2
    other = WeightPair(pair.second, pair.first)
    assert take_snapshot(experiment, constraint=other).constraint.pair == other  # at once
    experiment.step(5)
    assert picture(now=True).step == 10  # now: whatever the clock says
    assert take_snapshot(experiment).constraint is None
    # A picture that took 0.2 s waits CONSTRAINT_BUDGET times that before the next.
    def slow(*args, **kwargs):
        made.append(1)
        clock.now += 0.2
        return real(*args, **kwargs)

    monkeypatch.setattr(snapshot_module, "constraint_for", slow)
    experiment.step(5)
    clock.now += 10
    assert picture().step == 15
    experiment.step(5)
    clock.now += 0.9 * 0.2 * snapshot_module.CONSTRAINT_BUDGET - 0.2
    assert picture().step == 15  # within 5 × 0.2 s of the last start
    clock.now += 0.2 * 0.2 * snapshot_module.CONSTRAINT_BUDGET
    assert picture().step == 20


def test_constraint_view_waits_for_its_pair_s_picture(make_view):
    from regviz.gui.views.constraint_view import ConstraintView

    view = make_view(ConstraintView, size=(700, 360))
    experiment = Experiment(load_preset("l1"))
    experiment.step(300)
    requests = []
    view.request_changed.connect(requests.append)
    view.show_snapshot(take_snapshot(experiment))
    pair = default_pair(experiment.net.weights)
    assert requests == [pair] and view.pair == pair
    assert "Computing" in view.caption.text()
    view.show_snapshot(take_snapshot(experiment, constraint=pair, now=True))
    assert view.caption.text().startswith("Penalty L1 λ=0.003 on layer 3: diamonds.")
    assert len(view.penalty_lines.getData()[0]) > 100
    too_costly = replace(take_snapshot(experiment), constraint=NoPicture(pair, "Too costly."))
    view.show_snapshot(too_costly)
    assert view.caption.text() == "Too costly."
    view.hide()
    assert requests[-1] is None


# -- cost legend, compare preset ----------------------------------------------------------

def legend_texts(plot):
    return [label.text for _, label in plot.legend.items]


def test_the_cost_legend_says_weight_decay_is_not_in_the_penalty(make_view):
    view = make_view(CostView)
    snapshot = fake_snapshot()
    view.show_snapshot(snapshot)
    assert "penalty" in legend_texts(view)
    decaying = replace(snapshot, config=snapshot.config.with_values(weight_decay=0.1))
    view.show_snapshot(decaying)
    assert "penalty (weight decay not in it)" in legend_texts(view)
    assert "penalty" not in legend_texts(view)


def test_shrink_histogram_and_summary():
    assert shrink_summary(None) == "nothing shrinks the weights"
    assert shrink_summary(np.full(5, np.nan)) == "known after the first step"
    same = np.full(40, 1e-4)
    assert shrink_summary(same) == "every weight loses 0.01% per step"
    heights = shrink_histogram(same)
    assert heights.sum() == pytest.approx(100) and heights.max() == pytest.approx(100)
    # bin of log10(1e-4) = -4
    assert EDGES[np.argmax(heights)] <= -4 < EDGES[np.argmax(heights) + 1]
    spread = np.array([1e-5, 1e-3, 0.2, 3.0, np.nan])
    heights = shrink_histogram(spread)
    assert heights.sum() == pytest.approx(100) and heights[-1] == pytest.approx(25)
    assert shrink_summary(spread) == ("each weight loses 0.001% to 100%+ per step, by its own "
                                      "gradients; 25% of them held at about 0")


def test_compare_preset_adam_l2_vs_adamw_shows_each_run_s_shrink(qtbot):
    window = CompareWindow(load_preset("overfit"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.latest is not None, timeout=5000)
    assert not window.columns[0].shrink_view.isVisible()  # the course's runs
    index = window.comparison_box.findData("adam_l2_vs_adamw")
    window.comparison_box.setCurrentIndex(index)
    window.comparison_box.activated.emit(index)
    assert [c.optimizer for c in window.run_configs] == ["adam", "adam"]
    assert window.run_count.value() == 2
    assert [window.columns[i].shrink_view.isVisible() for i in range(3)] == [True, True, False]
    assert window.columns[1].editors["weight_decay"].value() == 0.01
    window.controller.run_steps_blocking(200)
    qtbot.waitUntil(lambda: window.latest is not None and len(window.latest) == 2
                    and window.latest[0].step == 200, timeout=10000)
    coupled, decoupled = (window.columns[i].shrink_view.summary.text() for i in range(2))
    assert decoupled == "every weight loses 0.01% per step"  # lr 0.01 × wd 0.01
    assert coupled.startswith("each weight loses")
    assert [row[0] for row in window.table_rows()] == ["■ Adam + L2 λ=0.005", "■ AdamW wd=0.01"]
    window.set_run_count(3)  # a third run joins on the same optimizer
    assert window.run_configs[2].optimizer == "adam"
    window.close()
    assert window.controller.thread.isFinished()


# -- screenshots ------------------------------------------------------------------------------

def constraint_tab(window) -> None:
    window.lower_tabs.setCurrentIndex(2)


def l1_corner_pair(window) -> None:
    """Input 1 → hidden unit 1 and input 2 → the same unit: by step 2,000 L1 has set
    the second to exactly 0 (checked below), so the pair sits on an axis."""
    window.constraint_view.choose_link(0, 0, 0)
    window.constraint_view.choose_link(0, 1, 0)
    constraint_tab(window)


@pytest.mark.parametrize("preset, prepare", [("l2", constraint_tab), ("l1", l1_corner_pair)])
def test_constraint_view_screenshot(assert_screenshot, preset, prepare):
    window = render_window(load_preset(preset), 2000, prepare=prepare)
    try:
        picture = window.latest.constraint
        assert picture is not None and picture.penalty_kind == preset.upper()
        if preset == "l1":
            assert picture.current[1] == 0.0 and picture.current[0] != 0.0
        image = window.constraint_view.grab().toImage()
        assert image.width() > 400 and image.height() > 200
        assert_screenshot(f"constraint_{preset}", image)
    finally:
        window.close()


def test_compare_adam_l2_vs_adamw_screenshot(assert_screenshot):
    QApplication.processEvents()
    assert_screenshot("compare_adam_l2_vs_adamw",
                      render_compare_image(load_preset("overfit"), 3000,
                                           comparison="adam_l2_vs_adamw"))
