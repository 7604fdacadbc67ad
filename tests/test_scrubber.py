"""Rewinding the run: checkpoints (regviz/checkpoints.py), branching
(Experiment.branch), the scrubber in the window (gui/actions/scrubbing.py) and
checkpoints in saved sessions."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from regviz import checkpoints, session
from regviz.config import FIELDS_BY_NAME, MAX_HIDDEN_LAYERS, load_preset
from regviz.experiment import Experiment
from regviz.gui.actions.scrubbing import scrubbing
from regviz.gui.views.history_plot import HistoryPlot

MB = 2**20


# -- an independent forward pass -----------------------------------------------------

def relu_net_probabilities(weights, biases, X):
    """p(class 1) of a ReLU network with a sigmoid output, written out directly."""
    A = X
    for W, b in zip(weights[:-1], biases[:-1], strict=True):
        A = np.maximum(A @ W + b, 0.0)
    z = (A @ weights[-1] + biases[-1])[:, 0]
    return 1.0 / (1.0 + np.exp(-z))


def split_params(flat, sizes):
    weights, biases, at = [], [], 0
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
        block = flat[at:at + (n_in + 1) * n_out].reshape(n_in + 1, n_out)
        weights.append(block[:-1])
        biases.append(block[-1])
        at += (n_in + 1) * n_out
    return weights, biases


# -- the store --------------------------------------------------------------------------

def test_memory_bound_holds_for_the_largest_network_the_config_allows():
    """Every hidden layer at its widest, the most classes and points, Adam and
    mini-batches: the store filled past its capacity stays under 50 MB."""
    width = int(FIELDS_BY_NAME["hidden"].maximum)
    config = load_preset("nnfs").with_values(
        hidden=",".join([str(width)] * MAX_HIDDEN_LAYERS),
        classes=int(FIELDS_BY_NAME["classes"].maximum),
        n_samples=int(FIELDS_BY_NAME["n_samples"].maximum), test_fraction=0.05,
        optimizer="adam", batch_size=1, learning_rate=1e-4)
    experiment = Experiment(config)
    store = experiment.checkpoints
    experiment.step(40)
    assert len(store) == store.capacity  # full: the thinning has been at work
    held = sum(c.params.nbytes + sum(a.nbytes for a in c.optimizer_state.values())
               + (c.batch_order.nbytes if c.batch_order is not None else 0)
               for c in store.checkpoints)
    n_params = experiment.net.params.size
    assert n_params == 3 * width + (MAX_HIDDEN_LAYERS - 1) * (width + 1) * width \
        + (width + 1) * 6
    assert held <= 50 * MB, f"{held / MB:.1f} MB of checkpoints"
    assert checkpoints.worst_case_megabytes() <= 50
    # each one is a complete state: parameters and Adam's two moment arrays
    assert all(set(c.optimizer_state) == {"m", "v"} for c in store.checkpoints)


def test_checkpoints_are_dense_near_the_start_and_near_now():
    experiment = Experiment(load_preset("overfit"))
    run = 40_000
    experiment.step(run)
    store = experiment.checkpoints
    steps = store.steps
    assert len(steps) <= store.capacity
    assert steps[0] == 0 and run - steps[-1] <= max(1, run * checkpoints.SPACING
                                                    // store.capacity)
    gaps, at = np.diff(steps), steps[1:]

    def median_gap(low, high):  # over the checkpoints in that share of the run
        chosen = gaps[(at > low * run) & (at <= high * run)]
        assert len(chosen) >= 5, (low, high)
        return np.median(chosen)

    start, middle, end = median_gap(0, 0.05), median_gap(0.4, 0.6), median_gap(0.95, 1)
    assert start < middle / 10 and end < middle / 3, (start, middle, end)


def test_checkpoint_holds_the_parameters_of_its_step():
    """Against independent runs trained exactly that many steps."""
    experiment = Experiment(load_preset("dropout"))
    experiment.step(3000)
    for step in experiment.checkpoints.steps[[3, 150, -40]]:
        fresh = Experiment(load_preset("dropout"))
        fresh.trainer.step(int(step))
        np.testing.assert_array_equal(experiment.checkpoints.at(int(step)).params,
                                      fresh.net.params)


def test_nearest_snaps_to_the_closest_checkpoint():
    store = checkpoints.CheckpointStore(1000)
    for step in (0, 10, 30, 100):
        store.add(checkpoints.Checkpoint(step, np.zeros(1), {}, 0, {}, None, 0,
                                         load_preset("overfit")))
    assert [store.nearest(s).step for s in (0, 4, 5, 6, 19, 21, 64, 66, 10**6)] == \
        [0, 0, 0, 10, 10, 30, 30, 100, 100]


# -- branching --------------------------------------------------------------------------

@pytest.mark.parametrize("preset, values", [
    ("dropout", {}),
    ("overfit", {"optimizer": "adam", "learning_rate": 0.01, "batch_size": 32,
                 "keep_prob": 0.8}),
    ("nnfs", {"optimizer": "momentum", "learning_rate": 0.05, "batch_size": 100}),
])
def test_branching_with_the_same_settings_retraces_the_run_exactly(preset, values):
    original = Experiment(load_preset(preset).with_values(**values))
    original.step(3000)
    at = int(original.checkpoints.steps[len(original.checkpoints) // 2])
    branch = original.branch(at)
    assert branch.step_count == at and branch.trainer.history.step[-1] <= at
    branch.step(3000 - at)
    np.testing.assert_array_equal(branch.net.params, original.net.params)
    assert branch.report()["train"] == original.report()["train"]


def test_branching_with_new_settings_equals_changing_them_at_that_step():
    original = Experiment(load_preset("overfit"))
    original.step(2000)
    at = int(original.checkpoints.steps[-60])
    branch = original.branch(at, original.config.with_values(l2=0.7, keep_prob=0.9))
    branch.step(500)
    straight = Experiment(load_preset("overfit"))
    straight.step(at)
    straight.apply(straight.config.with_values(l2=0.7, keep_prob=0.9))
    straight.step(500)
    np.testing.assert_array_equal(branch.net.params, straight.net.params)
    assert [(e.step, e.name) for e in branch.events] == [(at, "l2"), (at, "keep_prob")]
    assert original.step_count == 2000  # the run it left is untouched


def test_branch_refuses_a_structural_change():
    experiment = Experiment(load_preset("overfit"))
    experiment.step(100)
    with pytest.raises(ValueError, match="hidden"):
        experiment.branch(50, experiment.config.with_values(hidden=(5,)))


def test_sessions_keep_the_checkpoints(tmp_path):
    experiment = Experiment(load_preset("overfit").with_values(optimizer="adam",
                                                               learning_rate=0.01,
                                                               batch_size=40))
    experiment.step(1500)
    path = tmp_path / "run.regviz"
    session.save(session.Session.from_experiment(experiment), path)
    opened = session.load(path).to_experiment()
    np.testing.assert_array_equal(opened.checkpoints.steps, experiment.checkpoints.steps)
    at = int(experiment.checkpoints.steps[-100])
    a, b = experiment.branch(at), opened.branch(at)
    a.step(300)
    b.step(300)
    np.testing.assert_array_equal(a.net.params, b.net.params)
    no_weights = tmp_path / "settings.regviz"
    session.save(session.Session.from_experiment(experiment, include_weights=False),
                 no_weights)
    assert len(session.load(no_weights).to_experiment().checkpoints) == 1  # step 0 only


def test_a_damaged_checkpoint_in_a_session_is_refused(tmp_path):
    experiment = Experiment(load_preset("overfit"))
    experiment.step(300)
    path = tmp_path / "run.regviz"
    session.save(session.Session.from_experiment(experiment), path)
    with np.load(path) as archive:
        arrays = dict(archive)
    arrays["checkpoint_params"] = arrays["checkpoint_params"][:, :-1]
    with open(tmp_path / "bad.regviz", "wb") as out:
        np.savez(out, **arrays)
    with pytest.raises(ValueError, match="bad.regviz.*checkpoint"):
        session.load(tmp_path / "bad.regviz")


# -- the window -------------------------------------------------------------------------

def history_plots(w):
    return [v for v in w.views if isinstance(v, HistoryPlot)]


def test_scrubbing_shows_the_checkpoint_exactly_and_play_returns_to_now(window, qtbot):
    w = window()
    w.controller.run_steps_blocking(3000)
    live = w.controller.run_steps_blocking(0)
    steps = np.array([c.step for c in live.checkpoints])
    scrub = scrubbing(w)
    wanted = 1234
    expected = steps[np.argmin(np.abs(steps - wanted))]
    scrub.show_step(wanted)
    qtbot.waitUntil(lambda: w.latest.cursor_step == expected, timeout=10000)
    shown = w.latest
    checkpoint = next(c for c in live.checkpoints if c.step == expected)
    weights, biases = split_params(checkpoint.params, [2, 20, 3, 1])
    for a, b in zip(shown.weights + shown.biases, weights + biases, strict=True):
        np.testing.assert_array_equal(a, b)
    # The boundary the view draws is a fresh evaluation of those weights.
    grid = w.boundary_view._snapshot.grid
    gx, gy = np.meshgrid(grid.xs, grid.ys)
    fresh = relu_net_probabilities(weights, biases, np.column_stack([gx.ravel(),
                                                                     gy.ravel()]))
    np.testing.assert_allclose(grid.probs, fresh.reshape(grid.probs.shape), rtol=0,
                               atol=1e-12)
    assert shown.step == expected and shown.live_step == 3000
    assert len(shown.history["step"]) == len(live.history["step"])  # the whole run
    assert scrub.cursor_positions() == [expected] * len(scrub.cursor_positions())
    assert len(scrub.cursor_positions()) >= len(history_plots(w))
    assert w.step_counter.text() == f"step {expected:,}"
    assert not w.controller.worker.running
    # Play: back to the live end, cursors gone.
    w.play()
    qtbot.waitUntil(lambda: w.latest.cursor_step is None and w.latest.step > 3000,
                    timeout=10000)
    w.pause()
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=5000)
    assert all(p is None for p in scrub.cursor_positions())


def test_formula_shows_the_settings_of_the_scrubbed_step(window, qtbot):
    w = window()
    w.controller.run_steps_blocking(500)
    w.set_value("l2", 0.7)
    qtbot.waitUntil(lambda: w.controller.experiment.config.l2 == 0.7, timeout=5000)
    w.controller.run_steps_blocking(1500)
    assert "0.7" in w.control_panel.formula_text()
    scrubbing(w).show_step(100)
    qtbot.waitUntil(lambda: w.latest.cursor_step is not None, timeout=10000)
    assert "no penalty" in w.control_panel.formula_text()
    assert w.control_panel.config.l2 == 0.7  # the controls keep the current settings


def test_continue_from_here_branches_and_ctrl_z_brings_the_run_back(window, qtbot):
    w = window()
    w.controller.run_steps_blocking(2000)
    before = w.controller.run_steps_blocking(0)
    scrub = scrubbing(w)
    scrub.show_step(800)
    qtbot.waitUntil(lambda: w.latest.cursor_step is not None, timeout=10000)
    at = w.latest.cursor_step
    assert scrub.scrubber.continue_button.isEnabled()
    scrub.scrubber.continue_button.click()
    qtbot.waitUntil(lambda: w.latest.cursor_step is None and w.latest.step == at,
                    timeout=10000)
    assert w.latest.history["step"][-1] <= at
    assert max(c.step for c in w.latest.checkpoints) == at
    branched = w.controller.run_steps_blocking(2000 - at)
    np.testing.assert_array_equal(branched.weights[0], before.weights[0])  # same settings
    # The generic undo (Edit → Undo, Ctrl+Z) brings back the run the branch left:
    # its later history, and the checkpoints the timeline scrubs through.
    assert "Continue from step" in w.undo_actions.action.text()
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.latest.step == 2000 and w.latest.cursor_step is None,
                    timeout=10000)
    restored = w.controller.run_steps_blocking(0)
    np.testing.assert_array_equal(restored.history["step"], before.history["step"])
    assert [c.step for c in restored.checkpoints] == [c.step for c in before.checkpoints]
    np.testing.assert_array_equal(restored.weights[0], before.weights[0])


def test_scrubber_fits_at_1280_by_720(window, qtbot):
    w = window(size=(1280, 720))
    bar = scrubbing(w).scrubber
    qtbot.waitUntil(bar.isVisible, timeout=5000)
    assert bar.timeline.width() >= 300
    assert bar.geometry().bottom() <= bar.parentWidget().height()
    label = bar.label
    assert label.width() >= label.sizeHint().width() - 2
