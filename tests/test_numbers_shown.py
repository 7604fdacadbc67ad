"""Numbers the class reads off the window, checked against an independent
computation (issue 18): here the status bar's train and test accuracy and their gap,
recomputed from the snapshot's weights by a forward pass written out in numpy (ReLU
hidden layers, class 1 where the output logit is ≥ 0), not by the engine."""

from __future__ import annotations

import re

import pytest
from independent_numbers import accuracy

from regviz.config import load_preset
from regviz.gui.screenshot import render_window


def independent_accuracy(weights, biases, X, y) -> float:
    return 100.0 * accuracy(weights, biases, X, y)


@pytest.mark.parametrize("preset, steps", [("overfit", 3000), ("l2", 800)])
def test_the_status_bar_shows_train_and_test_accuracy_of_the_drawn_weights(preset, steps):
    """A bar with train and test swapped ("train 79.0 % · test 85.0 %" on the overfit
    preset) differed from its screenshot baseline by less than the tolerance; this
    reads the numbers themselves."""
    window = render_window(load_preset(preset), steps, size=(1600, 1000))
    try:
        snapshot = window.latest
        assert snapshot.config.activation == "relu" and snapshot.step == steps
        data = snapshot.data
        train = independent_accuracy(snapshot.weights, snapshot.biases, data.X_train,
                                     data.y_train)
        test = independent_accuracy(snapshot.weights, snapshot.biases, data.X_test,
                                    data.y_test)
        assert train != test  # the swap must show
        shown = [float(v) for v in re.findall(r"-?\d+\.\d", window.gap_label.text())]
        assert shown == pytest.approx([train, test, train - test], abs=0.051)
    finally:
        window.close()
