"""A live change of λ, keep_prob or the learning rate, made in the running window,
is exactly what its change marker says: the engine run headless with the setting
swapped at the marker's step gives the window's parameters and history bit for
bit; and the step right after the swap is the numpy reference's step with the new
value (tests/numpy_reference.py), so the swap cannot be a no-op both runs share.
Mini-batches, dropout and L2 are on, so the batch order, the masks' random
numbers and the cached L2 factor must all line up."""

import numpy as np
import pytest
from numpy_reference import assert_same_parameters, course_penalty, sgd_step

from regviz.config import load_preset
from regviz.experiment import Experiment
from regviz.gui.app import create_application
from regviz.gui.windows.main_window import MainWindow

BEFORE = dict(l2=0.7, keep_prob=0.8, learning_rate=0.3)
MIN_STEPS = 60  # trained before the change, and after it


def start_config():
    return load_preset("overfit").with_values(batch_size=32, speed=0, **BEFORE)


def run_in_window(qtbot, name, value):
    """The window trains, the setting is typed mid-run; the run's state once paused."""
    create_application(deterministic=True)
    w = MainWindow(config=start_config())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.latest is not None, timeout=5000)
    try:
        w.play()
        qtbot.waitUntil(lambda: w.latest.step > MIN_STEPS, timeout=10000)
        w.set_value(name, value)

        def change():
            return next((e for e in w.latest.events if e.name == name), None)

        qtbot.waitUntil(lambda: change() is not None
                        and w.latest.step > change().step + MIN_STEPS, timeout=10000)
        w.pause()
        qtbot.waitUntil(lambda: not w.latest.extra["running"], timeout=5000)
        return w.controller.capture_state()
    finally:
        w.close()


@pytest.mark.parametrize("name, value", [("l2", 3.0), ("keep_prob", 0.6),
                                         ("learning_rate", 0.05)])
def test_a_live_change_replays_bit_for_bit_from_its_marker(qtbot, name, value):
    state = run_in_window(qtbot, name, value)
    [event] = state.events
    assert (event.name, event.value, event.provisional) == (name, value, False)
    assert state.start_config == start_config()
    assert MIN_STEPS < event.step < state.step - MIN_STEPS

    replay = Experiment(start_config())
    replay.step(event.step)
    net, d = replay.net, replay.data
    weights, biases = [W.copy() for W in net.weights], [b.copy() for b in net.biases]
    replay.apply(replay.config.with_values(**{name: value}))
    replay.step(1)
    after = {**BEFORE, name: value}
    last = replay.trainer.last
    rows = last.batch_indices
    penalty = course_penalty(after["l2"], 0.0, net.n_layers, len(d.y_train))
    ref_w, ref_b, _ = sgd_step(weights, biases, d.X_train[rows], d.y_train[rows],
                               after["learning_rate"], penalty, after["keep_prob"],
                               last.masks)
    assert_same_parameters(net.weights, net.biases, ref_w, ref_b, f"the step after {name}:")
    replay.step(state.step - event.step - 1)

    assert replay.step_count == state.step
    assert np.array_equal(replay.net.params, state.trainer.params)
    window_history, replay_history = state.trainer.history.as_dict(), \
        replay.trainer.history.as_dict()
    assert window_history.keys() == replay_history.keys()
    for series, values in window_history.items():
        assert np.array_equal(values, replay_history[series], equal_nan=True), series
    assert replay.events == [event]
