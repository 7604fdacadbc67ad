"""Compare mode: runs share data and initial weights, train off the GUI thread, and
the window's table and plots show what the snapshots say."""

import numpy as np
import pytest

from regviz.compare import Comparison, default_configs, run_label
from regviz.config import load_preset
from regviz.gui.actions.teach_actions import TeachActions
from regviz.gui.app import create_application
from regviz.gui.windows.compare_window import CompareWindow, render_compare_image
from regviz.gui.windows.main_window import MainWindow


def weight_norm(snapshot_or_net):
    return float(np.sqrt(sum(np.sum(w ** 2) for w in snapshot_or_net.weights)))


# -- the pure comparison ------------------------------------------------------------------
def test_default_runs_are_the_course_experiments():
    configs = default_configs(load_preset("overfit"))
    assert [run_label(c) for c in configs] == ["none", "L2 λ=0.7", "dropout 0.86"]
    assert [c.l2 for c in configs] == [0.0, 0.7, 0.0]
    assert [c.keep_prob for c in configs] == [1.0, 1.0, 0.86]


def test_runs_start_from_identical_weights_and_data():
    comparison = Comparison(default_configs(load_preset("overfit"), 4))
    first = comparison.experiments[0]
    for other in comparison.experiments[1:]:
        assert other.data is first.data
        for a, b in zip(first.net.weights + first.net.biases,
                        other.net.weights + other.net.biases, strict=True):
            np.testing.assert_array_equal(a, b)
    comparison.step(200)
    comparison.reset()
    for other in comparison.experiments[1:]:
        np.testing.assert_array_equal(first.net.params, other.net.params)
        assert other.step_count == 0


def test_runs_may_differ_only_in_regularization():
    base = load_preset("overfit")
    with pytest.raises(ValueError, match="run 2 differs from run 1 in seed"):
        Comparison([base, base.with_values(seed=7)])
    with pytest.raises(ValueError, match="2 to 4"):
        Comparison([base])


def test_l2_shrinks_the_weights_and_narrows_the_gap():
    comparison = Comparison(default_configs(load_preset("overfit")))
    comparison.step(4000)
    none, l2, _ = comparison.experiments
    assert weight_norm(l2.net) < 0.8 * weight_norm(none.net)
    summaries = comparison.summaries()
    assert summaries[1].gap < summaries[0].gap
    assert all(s.step == 4000 for s in summaries)


# -- the window ----------------------------------------------------------------------------
@pytest.fixture
def compare_window(qtbot):
    create_application(deterministic=True)
    made = []

    def make(**kwargs):
        # A linear step axis: the plots' data are then the steps themselves.
        w = CompareWindow(load_preset("overfit").with_values(log_steps=False), **kwargs)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitUntil(lambda: w.latest is not None, timeout=5000)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
        assert w.controller.thread.isFinished()


def test_window_runs_share_initial_weights(compare_window):
    w = compare_window()
    first, *others = w.latest
    assert first.step == 0 and len(others) == 2
    for other in others:
        for a, b in zip(first.weights, other.weights, strict=True):
            np.testing.assert_array_equal(a, b)
    assert [c.isVisible() for c in w.columns] == [True, True, True, False]
    assert w.cost_view.legend_labels() == ["none", "L2 λ=0.7", "dropout 0.86"]


def test_training_shrinks_l2_weights_and_the_plots_follow(compare_window, qtbot):
    # The table's numbers are checked against a forward pass written in numpy in
    # test_numbers_shown_compare.py (here they were once checked against the
    # window's own run_accuracies: a circular oracle).
    w = compare_window()
    snapshots = w.controller.run_steps_blocking(3000)
    assert [s.step for s in snapshots] == [3000] * 3
    assert weight_norm(snapshots[1]) < 0.8 * weight_norm(snapshots[0])
    qtbot.waitUntil(lambda: w.latest is snapshots, timeout=5000)
    assert [r[0] for r in w.table_rows()] == ["■ none", "■ L2 λ=0.7", "■ dropout 0.86"]
    # The shared plots hold every run's history up to the same step.
    for i, snapshot in enumerate(snapshots):
        curve = w.cost_view.curves[f"test_{i}"]
        # The data held, not what is drawn (thinned to the plot's width, which
        # depends on the screen the window opened on).
        x, y = curve.xData, curve.yData
        assert x[-1] == snapshot.history["step"][-1]
        assert y[-1] == pytest.approx(snapshot.history["test_loss"][-1])
    assert w.step_counter.text() == "step 3,000"


def test_play_trains_every_run_in_lock_step_then_pause(compare_window, qtbot):
    w = compare_window()
    w.play()
    qtbot.waitUntil(lambda: w.latest[0].step > 300, timeout=20000)
    assert len({s.step for s in w.latest}) == 1
    w.pause()
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=3000)
    w.reset()
    qtbot.waitUntil(lambda: w.latest[0].step == 0, timeout=3000)


def test_editing_a_column_changes_only_that_run(compare_window, qtbot):
    w = compare_window()
    w.set_run_value(2, "keep_prob", 0.5)
    qtbot.waitUntil(lambda: w.latest[2].config.keep_prob == 0.5, timeout=3000)
    assert [s.config.keep_prob for s in w.latest[:2]] == [1.0, 1.0]
    assert w.columns[2].header.text() == "dropout 0.5"
    assert w.accuracy_view.legend_labels()[2] == "dropout 0.5"


def test_four_runs(compare_window, qtbot):
    w = compare_window()
    w.run_count.setValue(4)
    qtbot.waitUntil(lambda: w.latest is not None and len(w.latest) == 4, timeout=5000)
    assert all(c.isVisible() for c in w.columns)
    assert len(w.cost_view.legend_labels()) == 4 and len(w.table_rows()) == 4
    w.run_count.setValue(2)
    qtbot.waitUntil(lambda: w.latest is not None and len(w.latest) == 2, timeout=5000)
    assert w.cost_view.legend_labels() == ["none", "L2 λ=0.7"]


def test_teach_menu_opens_compare_and_main_window_close_stops_it(qtbot):
    create_application(deterministic=True)
    main = MainWindow(preset="overfit")
    qtbot.addWidget(main)
    names = [a.objectName() for a in main.menus["teach"].actions()]
    assert "compare_runs" in names and "lambda_sweep" in names
    teach = main.findChild(TeachActions)
    teach.compare_action.trigger()
    compare = teach.compare_window
    assert compare.isVisible()
    qtbot.waitUntil(lambda: compare.latest is not None, timeout=5000)
    compare.play()
    qtbot.waitUntil(lambda: compare.latest[0].step > 0, timeout=10000)
    main.close()
    assert not compare.isVisible()
    assert compare.controller.thread.isFinished()
    assert main.controller.thread.isFinished()


def test_compare_screenshot(assert_screenshot):
    assert_screenshot("compare_window", render_compare_image(load_preset("overfit"), 3000))
