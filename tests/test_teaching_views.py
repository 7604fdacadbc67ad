"""Issue 5's teaching views: weight histograms over time, dropout as an ensemble
(thinned nets, MC-dropout uncertainty), the early-stopping marker, and the
formula in use."""

import numpy as np
import pytest
from fake_snapshot import fake_snapshot
from PySide6.QtWidgets import QApplication

from regviz.config import Config, load_preset
from regviz.contour import contour_segments
from regviz.core import MLP, Regularization, datasets
from regviz.core.dropout_ensemble import (
    predict_proba_with_masks,
    prediction_spread,
    sample_unit_masks,
    thinned_probabilities,
)
from regviz.core.history import History, WeightHistograms
from regviz.experiment import Experiment
from regviz.formula import formula, formula_text
from regviz.gui.app import create_application
from regviz.gui.controls.control_panel import ControlPanel
from regviz.gui.theme import Theme
from regviz.gui.views.cost_view import CostView, early_stop_index
from regviz.gui.views.decision_boundary_view import DecisionBoundaryView
from regviz.gui.views.weight_histogram_view import (
    WeightHistogramView,
    histogram_image,
    step_ticks,
)
from regviz.snapshot import (
    EnsembleRequest,
    dropout_ensemble,
    ensemble_request,
    request_ensemble,
    take_snapshot,
)

BOTH = EnsembleRequest(thinned=True, uncertainty=True)


@pytest.fixture(autouse=True)
def no_ensemble_request():
    """The ensemble request is process-wide (the GUI sets it for the worker):
    every test starts and ends with nothing requested."""
    request_ensemble(EnsembleRequest())
    yield
    request_ensemble(EnsembleRequest())


def trained(config: Config, steps: int) -> Experiment:
    experiment = Experiment(config)
    experiment.step(steps)
    return experiment


# -- weight histograms ---------------------------------------------------------------

def zero_spike(histograms: WeightHistograms, layer: int) -> tuple[float, float]:
    """(share of the newest column in the bin at 0, that share ÷ its neighbours' mean)."""
    mid = histograms.bins // 2
    c = histograms.counts[-1, layer]
    return float(c[mid]), float(c[mid] / max(0.5 * (c[mid - 1] + c[mid + 1]), 1e-9))


def histogram_std(histograms: WeightHistograms, layer: int) -> float:
    shares = histograms.counts[-1, layer]
    return float(np.sqrt((shares * histograms.bin_centres(layer) ** 2).sum()))


def test_l1_piles_weights_in_a_spike_at_zero_that_l2_lacks():
    l1 = load_preset("l1")  # book form, λ₁ = 0.003
    l2 = l1.with_values(l1=0.0, l2=l1.l1)  # the same λ as L2, nothing else changed
    l1_hist = trained(l1, 1500).trainer.history.weight_histograms
    l2_hist = trained(l2, 1500).trainer.history.weight_histograms
    l1_share, l1_ratio = zero_spike(l1_hist, 0)
    l2_share, l2_ratio = zero_spike(l2_hist, 0)
    assert l1_share > 0.8 and l1_ratio > 20
    assert l2_share < 0.5 and l2_ratio < 4
    # At step 0 both started from the same bell: the spike was made by training.
    first_share = l1_hist.counts[0, 0, l1_hist.bins // 2]
    assert first_share == l2_hist.counts[0, 0, l2_hist.bins // 2] and first_share < 0.2


def test_l2_narrows_the_spread_of_the_weights():
    with_l2 = load_preset("l2")
    without = with_l2.with_values(l2=0.0)
    narrow = trained(with_l2, 1500)
    wide = trained(without, 1500)
    for layer in (0, 1):
        assert histogram_std(narrow.trainer.history.weight_histograms, layer) < \
            0.8 * histogram_std(wide.trainer.history.weight_histograms, layer)
    # The histogram's spread is the weights' own (to within a bin).
    h = narrow.trainer.history.weight_histograms
    rms = float(np.sqrt(np.mean(narrow.net.weights[0] ** 2)))
    assert abs(histogram_std(h, 0) - rms) < h.bin_width(0)


def test_histograms_are_bounded_and_span_the_whole_run():
    rng = np.random.default_rng(0)
    h = WeightHistograms(2, bins=11, capacity=16, stride=10)
    weights = [rng.normal(size=(4, 5)), rng.normal(size=(5, 1))]
    for step in range(0, 5001, 10):
        h.record(step, weights)
    assert len(h) <= 16 and h.counts.shape[1:] == (2, 11)
    assert h.steps[0] == 0 and h.steps[-1] >= 5000 - h.stride
    assert np.allclose(h.counts.sum(axis=2), 1.0)
    assert not h.record(h.steps[-1] + 1, weights)  # not due: nothing recorded


def test_histogram_range_widens_exactly_when_weights_grow():
    h = WeightHistograms(1, bins=9, stride=1)
    h.record(0, [np.array([[0.0, 1.0, -1.0, 0.2]])])  # range ±1.25, bin width 0.278
    before = h.counts[0, 0].copy()
    h.record(1, [np.array([[0.0, 3.0, -3.0, 0.2]])])  # beyond: range ×3
    assert h.half_range[0] == pytest.approx(3.75)
    # The old column, merged 3 bins into 1: 0 and 0.2 share the middle bin now.
    assert h.counts[0, 0].sum() == pytest.approx(1.0)
    assert h.counts[0, 0, 4] == pytest.approx(before[3:6].sum()) == pytest.approx(0.5)
    assert h.counts[1, 0, 4] == pytest.approx(0.5)  # 0 and 0.2 in the new column
    assert h.counts[1, 0, [0, 8]] == pytest.approx([0.25, 0.25])  # ±3 at the edges


def test_history_load_starts_the_histograms_again():
    history = History(2)
    history.record_weights(0, [np.ones((2, 2)), np.ones((2, 1))])
    assert len(history.weight_histograms) == 1
    history.load({"step": np.arange(3.0)})
    assert len(history.weight_histograms) == 0


def test_snapshot_carries_a_copy_of_the_histograms():
    experiment = trained(load_preset("l2"), 200)
    snapshot = take_snapshot(experiment)
    h = snapshot.weight_histograms
    assert h is not None and len(h) == len(experiment.trainer.history.weight_histograms)
    experiment.step(300)
    assert len(h) < len(experiment.trainer.history.weight_histograms)  # a copy


def test_histogram_view_draws_one_image_per_layer(make_view):
    view = make_view(WeightHistogramView)
    snapshot = take_snapshot(trained(load_preset("l1"), 1000))
    view.show_snapshot(snapshot)
    assert len(view.images) == 3
    h = snapshot.weight_histograms
    for l, image in enumerate(view.images):
        assert image.image.shape == (h.bins, len(h))
        rect = image.mapRectToParent(image.boundingRect())
        assert rect.top() == pytest.approx(-h.half_range[l])
        assert rect.left() == pytest.approx(0.0)
    # The L1 spike is the darkest row of layer 1's newest column.
    newest = histogram_image(h, 0)[:, -1]
    assert int(np.argmax(newest)) == h.bins // 2 and newest.max() == pytest.approx(1.0)


def test_histogram_step_ticks_are_short():
    assert step_ticks(4000.0) == [(0.0, "0"), (2000.0, "2k")]
    assert step_ticks(300.0) == [(0.0, "0"), (150.0, "150")]
    assert step_ticks(15000.0)[1] == (7500.0, "7.5k")


def test_hidden_histogram_view_draws_when_shown(make_view):
    view = make_view(WeightHistogramView)
    view.hide()
    snapshot = take_snapshot(trained(load_preset("l2"), 300))
    view.show_snapshot(snapshot)
    assert not view.images  # nothing drawn while nobody sees it
    view.show()
    assert len(view.images) == 3 and view.images[0].image is not None


# -- dropout as an ensemble ----------------------------------------------------------

def small_net(seed=0) -> MLP:
    return MLP([2, 8, 5, 1], seed=seed)


def test_masks_all_kept_give_the_evaluation_network():
    net = small_net()
    X = np.random.default_rng(1).normal(size=(30, 2))
    masks = [np.ones((4, 8), bool), np.ones((4, 5), bool)]
    probs = predict_proba_with_masks(net, X, 1.0, masks)
    assert probs.shape == (4, 30)
    assert np.allclose(probs, net.predict_proba(X)[None])


def test_a_thinned_network_is_training_forward_pass_with_that_mask():
    """Inverted dropout: the same mask for every point, kept units ×1/keep_prob,
    exactly as ``loss_and_gradients`` applies training masks."""
    net = small_net(3)
    rng = np.random.default_rng(2)
    X = rng.normal(size=(25, 2))
    y = (X[:, 0] > 0).astype(int)
    masks = sample_unit_masks(net, 0.6, 3, rng)
    probs = predict_proba_with_masks(net, X, 0.6, masks)
    for i in range(3):
        tiled = [np.broadcast_to(D[i], (25, D.shape[1])) for D in masks]
        training = net.loss_and_gradients(X, y, Regularization(keep_prob=0.6), masks=tiled)
        assert np.allclose(probs[i], training.probs)


def test_multiclass_thinned_probabilities_sum_to_one():
    net = MLP([2, 6, 3], seed=0)
    probs = thinned_probabilities(net, np.zeros((7, 2)) + 0.3, 0.5, 5,
                                  np.random.default_rng(0))
    assert probs.shape == (5, 7, 3) and np.allclose(probs.sum(axis=-1), 1.0)
    assert prediction_spread(probs, binary=False).shape == (7,)


def test_mc_dropout_spread_is_zero_at_keep_prob_1_and_positive_below():
    net = small_net()
    X = np.random.default_rng(4).normal(size=(200, 2))
    at_one = prediction_spread(thinned_probabilities(net, X, 1.0, 8,
                                                     np.random.default_rng(0)), binary=True)
    below = prediction_spread(thinned_probabilities(net, X, 0.7, 8,
                                                    np.random.default_rng(0)), binary=True)
    assert np.all(at_one == 0.0)
    assert below.mean() > 0.01 and np.all(below >= 0)


def test_thinned_net_contours_exist_only_with_dropout():
    with_dropout = trained(load_preset("dropout"), 500)
    ensemble = dropout_ensemble(with_dropout, BOTH)
    assert ensemble is not None and ensemble.keep_prob < 1
    assert len(ensemble.boundaries) > 100 and len(ensemble.boundaries) % 2 == 0
    assert ensemble.spread.shape == (len(ensemble.ys), len(ensemble.xs))
    assert ensemble.spread.max() > 0.05
    # Every segment end lies inside the grid.
    x0, x1, y0, y1 = ensemble.extent
    assert np.all((ensemble.boundaries[:, 0] >= x0) & (ensemble.boundaries[:, 0] <= x1))
    assert np.all((ensemble.boundaries[:, 1] >= y0) & (ensemble.boundaries[:, 1] <= y1))
    no_dropout = trained(load_preset("dropout").with_values(keep_prob=1.0), 50)
    assert dropout_ensemble(no_dropout, BOTH) is None
    assert take_snapshot(no_dropout, ensemble=BOTH).dropout_ensemble is None


def test_ensemble_is_computed_only_when_requested():
    experiment = trained(load_preset("dropout"), 100)
    assert take_snapshot(experiment).dropout_ensemble is None  # nothing requested
    only_spread = take_snapshot(experiment, ensemble=EnsembleRequest(uncertainty=True))
    assert only_spread.dropout_ensemble.spread is not None
    assert len(only_spread.dropout_ensemble.boundaries) == 0
    request_ensemble(EnsembleRequest(thinned=True))
    assert ensemble_request().thinned
    assert len(take_snapshot(experiment).dropout_ensemble.boundaries) > 0


def test_ensemble_is_recomputed_only_as_often_as_its_cost_allows(monkeypatch):
    import regviz.snapshot as snapshot_module

    experiment = trained(load_preset("dropout"), 100)
    request_ensemble(BOTH)
    first = take_snapshot(experiment).dropout_ensemble
    assert take_snapshot(experiment).dropout_ensemble is first  # same step: reused
    monkeypatch.setattr(snapshot_module, "ENSEMBLE_BUDGET", 1e6)
    experiment.step(1)
    assert take_snapshot(experiment).dropout_ensemble is first  # within its budget
    monkeypatch.setattr(snapshot_module, "ENSEMBLE_BUDGET", 0.0)
    request_ensemble(EnsembleRequest(thinned=True))  # other settings: at once
    only_lines = take_snapshot(experiment).dropout_ensemble
    assert only_lines is not first and only_lines.spread is None
    experiment.step(1)  # no budget to wait for: a new step, a new ensemble
    assert take_snapshot(experiment).dropout_ensemble is not only_lines


def test_contour_segments_trace_the_level_line():
    xs = np.linspace(-1, 1, 21)
    ys = np.linspace(-1, 1, 11)
    gx, gy = np.meshgrid(xs, ys)
    segments = contour_segments(gx - 0.33, xs, ys)
    assert len(segments) == 2 * (len(ys) - 1)  # one segment per row of cells
    assert np.allclose(segments[:, 0], 0.33)
    circle = contour_segments(gx ** 2 + gy ** 2, xs, ys, level=0.5)
    assert np.allclose(np.hypot(circle[:, 0], circle[:, 1]), np.sqrt(0.5), atol=0.03)
    assert len(contour_segments(gx + 5, xs, ys)) == 0
    saddle = np.array([[1.0, -1.0], [-1.0, 1.0]])
    assert contour_segments(saddle, np.array([0.0, 1.0]), np.array([0.0, 1.0])).shape == (4, 2)
    stacked = contour_segments(np.stack([gx - 0.33, gx + 0.5]), xs, ys)
    assert len(stacked) == 4 * (len(ys) - 1)


def test_boundary_view_draws_the_ensemble_when_toggled(make_view):
    view = make_view(DecisionBoundaryView)
    request_ensemble(BOTH)
    snapshot = take_snapshot(trained(load_preset("dropout"), 500))
    view.show_snapshot(snapshot)
    assert view.ensemble_row.isVisible()
    assert view.ensemble.segment_count == 0 and not view.ensemble.thinned.isVisible()
    view.show_thinned.setChecked(True)
    view.show_uncertainty.setChecked(True)
    assert ensemble_request() == BOTH  # the boxes asked the worker for it
    assert view.ensemble.segment_count == len(snapshot.dropout_ensemble.boundaries) // 2
    assert view.ensemble.thinned.isVisible() and view.ensemble.spread_image.isVisible()
    assert view.ensemble_caption.text().startswith("largest spread")
    # Pixel coordinates of the map's image: inside its width × height.
    x, y = view.ensemble.thinned.getData()
    ny, nx = snapshot.grid.probs.shape[:2]
    assert 0 <= x.min() and x.max() <= nx and 0 <= y.min() and y.max() <= ny
    view.show_thinned.setChecked(False)
    assert ensemble_request() == EnsembleRequest(uncertainty=True)
    assert not view.ensemble.thinned.isVisible()


def test_boundary_view_hides_the_ensemble_without_dropout(make_view):
    view = make_view(DecisionBoundaryView)
    view.show_snapshot(take_snapshot(trained(load_preset("dropout"), 100), ensemble=BOTH))
    view.show_thinned.setChecked(True)
    assert view.ensemble_row.isVisible() and view.ensemble.segment_count > 0
    view.show_snapshot(take_snapshot(trained(load_preset("l2"), 100), ensemble=BOTH))
    assert not view.ensemble_row.isVisible()
    assert view.ensemble.segment_count == 0 and not view.ensemble.thinned.isVisible()


# -- early stopping ------------------------------------------------------------------

def test_early_stop_marker_sits_at_the_lowest_test_loss(make_view):
    view = make_view(CostView)
    snapshot = fake_snapshot(step=1000, n_history=50)
    h = snapshot.history
    h["test_loss"][:] = 0.5 + (np.arange(50) - 31) ** 2 / 400  # a U, lowest at point 31
    h["test_loss"][10] = np.nan  # a missing point does not count
    view.show_snapshot(snapshot)
    x, y = view.early_stop_marker.getData()
    assert x[0] == pytest.approx(h["step"][31]) and y[0] == pytest.approx(0.5)
    assert view.early_stop_step == int(h["step"][31])
    text = view.early_stop_label.toPlainText()
    assert f"step {int(h['step'][31]):,}" in text
    assert f"train {100 * h['train_accuracy'][31]:.0f}%" in text
    assert f"test {100 * h['test_accuracy'][31]:.0f}%" in text
    assert view.early_stop_label.isVisible()


def test_early_stop_marker_on_a_real_overfitting_run(make_view):
    view = make_view(CostView)
    snapshot = take_snapshot(trained(load_preset("overfit").with_values(log_steps=False), 2000))
    view.show_snapshot(snapshot)
    h = snapshot.history
    i = int(np.nanargmin(h["test_loss"]))
    assert early_stop_index(h) == i
    assert view.early_stop_marker.getData()[0][0] == h["step"][i]
    view.log_y_box.setChecked(True)  # the marker follows the log axis
    view.show_snapshot(snapshot)
    assert view.early_stop_label.pos().y() == pytest.approx(np.log10(h["test_loss"][i]))


def test_no_early_stop_marker_without_test_loss(make_view):
    view = make_view(CostView)
    snapshot = fake_snapshot()
    snapshot.history["test_loss"][:] = np.nan
    view.show_snapshot(snapshot)
    assert view.early_stop_step is None and not view.early_stop_label.isVisible()


def test_cost_axis_keeps_its_scale_after_a_theme_change(make_view):
    """Losses of 0.2 must not read 200 (pyqtgraph re-scaled the axis when the theme
    was applied to a plot already showing data)."""
    view = make_view(CostView)
    view.show_snapshot(fake_snapshot())
    view.apply_theme(Theme.dark().scaled(1.3))
    view.show_snapshot(fake_snapshot())
    assert view.plot.getAxis("left").autoSIPrefixScale == 1.0
    assert view.plot.getAxis("bottom").autoSIPrefixScale == 1.0


def test_histogram_caption_follows_the_theme(make_view):
    view = make_view(WeightHistogramView)
    assert "darker = more weights" in view.caption.text()
    view.apply_theme(Theme.dark())
    assert "brighter = more weights" in view.caption.text()


# -- the formula ---------------------------------------------------------------------

def test_formula_course_form_l2():
    f = formula(Config(l2=0.7, divide_by_2m=True))
    assert f.loss == "J = cross-entropy + 0.7/(2m)·Σₗ‖Wₗ‖²"
    assert f.gradient == "∂J/∂W += 0.7/m·W"
    assert "layers 1–3" in f.where and "m = N = 200 training points" in f.where  # 400 × ½
    assert f.dropout == ""


def test_formula_book_form_with_biases_on_one_layer():
    f = formula(Config(l2=0.5, divide_by_2m=False, regularize_biases=True,
                       regularized_layers=(1,)))
    assert f.loss == "J = cross-entropy + 0.5·Σw² + 0.5·Σb²"
    assert f.gradient == "∂J/∂W += 2·0.5·W\n∂J/∂b += 2·0.5·b"
    assert f.where == "penalty on layer 1 only"


def test_formula_l1_in_both_forms_and_chosen_layers():
    book = formula(Config(l1=0.003, divide_by_2m=False, hidden=(8, 8, 8),
                          regularized_layers=(1, 3)))
    assert book.loss == "J = cross-entropy + 0.003·Σ|w|"
    assert book.gradient.splitlines() == [
        "∂J/∂W += 0.003·sign W", "L1 as a soft-threshold step: weights can stop at exactly 0"]
    assert book.where == "penalty on layers 1, 3"
    course = formula(Config(l1=0.1, divide_by_2m=True, batch_size=32))
    assert course.loss == "J = cross-entropy + 0.1/(2m)·Σₗ|Wₗ|"
    assert course.gradient.startswith("∂J/∂W += 0.1/(2m)·sign W\n")
    assert course.where.endswith("m = N = 200 training points, whatever the batch (32)")


@pytest.mark.parametrize("n_samples, test_fraction, n_train", [
    (400, 0.5, 200), (411, 0.487, 211), (300, 0.3, 210), (21, 0.5, 11)])
def test_formula_names_the_number_of_training_points(n_samples, test_fraction, n_train):
    """m = N, the training points the split leaves (counted here from the split itself),
    or the number the caller knows (a data file's)."""
    config = Config(l2=0.7, n_samples=n_samples, test_fraction=test_fraction)
    X, y = datasets.make("field", n_samples=n_samples, seed=0)
    assert len(datasets.split(X, y, test_fraction, seed=0)[1]) == n_train
    assert formula(config).where.endswith(f"m = N = {n_train} training points")
    from_file = config.with_values(data_file="points.csv")
    assert formula(from_file).where.endswith("m = N training points")
    assert formula(from_file, n_train=57).where.endswith("m = N = 57 training points")
    assert "m = N" not in formula(config.with_values(divide_by_2m=False)).where


def test_formula_both_penalties_on_weights_and_biases():
    f = formula(Config(l2=0.7, l1=0.01, regularize_biases=True, divide_by_2m=True))
    assert f.loss == ("J = cross-entropy + 0.7/(2m)·Σₗ‖Wₗ‖² + 0.7/(2m)·Σₗ‖bₗ‖² "
                      "+ 0.01/(2m)·Σₗ|Wₗ| + 0.01/(2m)·Σₗ|bₗ|")
    assert f.gradient.splitlines()[:2] == ["∂J/∂W += 0.7/m·W + 0.01/(2m)·sign W",
                                           "∂J/∂b += 0.7/m·b + 0.01/(2m)·sign b"]


def test_formula_without_penalty_and_with_dropout():
    f = formula(Config(keep_prob=0.86))
    assert f.loss == "J = cross-entropy   (no penalty)" and f.gradient == "" and f.where == ""
    assert f.dropout.startswith("Dropout: each hidden unit kept with p = 0.86")
    assert "×1/0.86" in f.dropout
    assert formula_text(Config()) == "J = cross-entropy   (no penalty)"


def test_formula_matches_the_penalty_the_engine_computes():
    """The text's scale is the engine's: λ/(2m)·Σ‖W‖² in the course form."""
    config = Config(l2=0.7, divide_by_2m=True, hidden=(4,))
    rng = np.random.default_rng(0)
    weights = [rng.normal(size=(2, 4)), rng.normal(size=(4, 1))]
    biases = [np.zeros(4), np.zeros(1)]
    m = 50
    expected = 0.7 / (2 * m) * sum(float((w ** 2).sum()) for w in weights)
    assert config.regularization().penalty(weights, biases, m) == pytest.approx(expected)
    assert "0.7/(2m)·Σₗ‖Wₗ‖²" in formula_text(config)


def test_control_panel_formula_follows_the_controls(qtbot):
    create_application(deterministic=True)
    panel = ControlPanel(Config())
    qtbot.addWidget(panel)
    assert panel.formula_text() == formula_text(Config())
    assert panel.set_value("l2", 0.7)
    assert "0.7/(2m)·Σₗ‖Wₗ‖²" in panel.formula_text()
    assert panel.set_value("divide_by_2m", False)
    assert "0.7·Σw²" in panel.formula_text() and "2·0.7·W" in panel.formula_text()
    assert panel.set_value("regularize_biases", True)
    assert "0.7·Σb²" in panel.formula_text()
    assert panel.set_value("keep_prob", 0.5)
    assert "p = 0.5" in panel.formula_text()
    assert not panel.set_value("l2", -1)  # refused: the formula keeps the old value
    assert "0.7·Σw²" in panel.formula_text()
    panel.show_config(Config(l1=0.01))
    assert panel.formula_text() == formula_text(Config(l1=0.01))


# -- in the window -------------------------------------------------------------------

def test_window_has_histogram_tab_that_updates(qtbot):
    from regviz.gui.screenshot import render_window

    window = render_window(load_preset("l1"), 600,
                           prepare=lambda w: w.lower_tabs.setCurrentIndex(1))
    try:
        view = window.weight_histogram_view
        assert window.lower_tabs.tabText(1) == "Weight histograms"
        assert view.isVisible() and len(view.images) == 3
        shown = view.images[0].image.shape[1]
        window.experiment.step(400)
        window.show_snapshot(take_snapshot(window.experiment))
        assert view.images[0].image.shape[1] > shown
    finally:
        window.close()


def test_toggling_the_ensemble_while_paused_brings_a_fresh_snapshot(qtbot):
    from regviz.gui.windows.main_window import MainWindow

    create_application(deterministic=True)
    window = MainWindow(config=load_preset("dropout"))
    qtbot.addWidget(window)
    try:
        window.show()
        qtbot.waitUntil(lambda: window.latest is not None)
        assert window.latest.dropout_ensemble is None
        window.boundary_view.show_thinned.setChecked(True)
        qtbot.waitUntil(lambda: window.latest.dropout_ensemble is not None)
        assert window.boundary_view.ensemble.segment_count > 0
    finally:
        window.shutdown()


# -- screenshots ---------------------------------------------------------------------

def test_histogram_view_screenshot(make_view, assert_screenshot):
    view = make_view(WeightHistogramView, size=(760, 360))
    view.show_snapshot(take_snapshot(trained(load_preset("l1"), 1500)))
    for _ in range(3):  # layout, then the deferred repaints (as the window renderer does)
        QApplication.processEvents()
    assert_screenshot("weight_histograms_l1", view.grab().toImage())


def test_dropout_ensemble_screenshot(make_view, assert_screenshot):
    view = make_view(DecisionBoundaryView, size=(700, 600))
    view.show_thinned.setChecked(True)
    view.show_uncertainty.setChecked(True)
    view.show_snapshot(take_snapshot(trained(load_preset("dropout"), 1500)))
    for _ in range(3):  # layout, then the deferred repaints (as the window renderer does)
        QApplication.processEvents()
    assert_screenshot("dropout_ensemble", view.grab().toImage())
