"""A batch size typed into the window really trains in mini-batches: the weights
the window shows after a few steps of its training thread are, bit for bit, those
of the engine run headless with the same config and seed, and that run is the
numpy reference's step by step (tests/numpy_reference.py)."""

import numpy as np
from numpy_reference import assert_same_parameters, batch_order, course_penalty, sgd_step

from regviz.config import load_preset
from regviz.experiment import Experiment
from regviz.gui.app import create_application
from regviz.gui.windows.main_window import MainWindow

BATCH = 32
STEPS = 5  # overfit's 100 points: 32, 32, 32, a short 4, then a new epoch


def test_a_window_with_a_batch_size_trains_in_mini_batches(qtbot):
    full_batch = load_preset("overfit").with_values(l2=0.7, speed=0)
    create_application(deterministic=True)
    w = MainWindow(config=full_batch)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.latest is not None, timeout=5000)
    try:
        # As a teacher types it: the control panel, the worker's restart.
        w.set_value("batch_size", BATCH)
        qtbot.waitUntil(lambda: w.latest.config.batch_size == BATCH and w.latest.step == 0,
                        timeout=5000)
        w.controller.step_requested.emit(STEPS)
        qtbot.waitUntil(lambda: w.latest.step == STEPS, timeout=5000)
        shown = w.latest
    finally:
        w.close()
    assert w.controller.thread.isFinished()

    config = full_batch.with_values(batch_size=BATCH)
    headless = Experiment(config)
    d = headless.data
    weights = [W.copy() for W in headless.net.weights]
    biases = [b.copy() for b in headless.net.biases]
    penalty = course_penalty(0.7, 0.0, headless.net.n_layers, len(d.y_train))
    batches = batch_order(config.seed, len(d.y_train), STEPS, BATCH)
    assert [len(rows) for rows in batches] == [32, 32, 32, 4, 32]
    for step, rows in enumerate(batches, start=1):
        weights, biases, _ = sgd_step(weights, biases, d.X_train[rows], d.y_train[rows],
                                      config.learning_rate, penalty)
        headless.step(1)
        assert_same_parameters(headless.net.weights, headless.net.biases, weights, biases,
                               f"headless step {step}:")

    for W_shown, W in zip(shown.weights, headless.net.weights, strict=True):
        assert np.array_equal(W_shown, W)
    for b_shown, b in zip(shown.biases, headless.net.biases, strict=True):
        assert np.array_equal(b_shown, b)
    assert np.array_equal(shown.mask_rows, batches[-1])  # the step's own rows reach the window
