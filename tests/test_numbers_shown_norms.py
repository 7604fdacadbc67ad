"""The weight-norm view's numbers against the weights themselves (issue 18): each
curve's last point is ‖W_l‖ of the drawn weights, and L1's read-out under the plot —
the share of each layer's weights that are exactly 0 and Σ|W_l| — is what numpy
counts and sums in those weights (the view reads them from the history)."""

from __future__ import annotations

import re

import numpy as np
import pytest

from regviz.config import load_preset
from regviz.gui.screenshot import render_window


@pytest.mark.parametrize("preset, steps", [("l1", 1500), ("l1", 400)])
def test_l1_readout_counts_the_exact_zeros_and_sums_the_drawn_weights(preset, steps):
    window = render_window(load_preset(preset), steps, size=(1600, 1000))
    try:
        snapshot = window.latest
        assert snapshot.step == steps
        weights = [np.asarray(W) for W in snapshot.weights]
        zeros = [100 * float(np.mean(W == 0.0)) for W in weights]
        sums = [float(np.abs(W).sum()) for W in weights]
        assert any(z > 0 for z in zeros)  # L1 has made exact zeros to count
        text = window.weight_norms_view.l1_label.text()
        shown_zeros = [int(v) for v in re.findall(r"W\d+ (\d+)%", text)]
        assert shown_zeros == [round(z) for z in zeros], text
        shown_sums = [v.strip() for v in text.split("Σ|W|:")[1].split(",")]
        assert shown_sums == [f"{s:.3g}" for s in sums], text  # shown to 3 digits
        view = window.weight_norms_view
        for l, W in enumerate(weights):
            curve = view.curves[f"norm_{l}"]
            assert curve.xData[-1] == steps
            assert curve.yData[-1] == pytest.approx(np.sqrt(np.sum(W * W)), rel=1e-9)
    finally:
        window.close()
