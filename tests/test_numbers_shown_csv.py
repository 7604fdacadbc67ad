"""The history CSV that File → Export writes (issue 18), read back with the csv
module: every column, per-layer ones in layer order, against the window's history
and against a run scored at every recorded step by tests/independent_numbers.py."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from independent_numbers import (
    accuracy,
    book_l1,
    course_l2,
    cross_entropy,
    trained_run,
)

from regviz.config import load_preset
from regviz.gui.actions import export_actions
from regviz.gui.screenshot import render_window

SCALARS = ("step", "train_data_loss", "train_penalty", "train_total", "test_loss",
           "train_accuracy", "test_accuracy")
PER_LAYER = ("weight_norm", "weight_l1", "zero_fraction")


def expected_columns(points, d, penalty) -> dict[str, list[float]]:
    """Every column, recomputed from each recorded step's weights."""
    columns: dict[str, list[float]] = {}

    def put(name, value):
        columns.setdefault(name, []).append(float(value))

    for p in points:
        W, b = p.weights, p.biases
        data_loss = cross_entropy(W, b, d.X_train, d.y_train)
        put("step", p.step)
        put("train_data_loss", data_loss)
        put("train_penalty", penalty(W, len(d.y_train)))
        put("train_total", data_loss + penalty(W, len(d.y_train)))
        put("test_loss", cross_entropy(W, b, d.X_test, d.y_test))
        put("train_accuracy", accuracy(W, b, d.X_train, d.y_train))
        put("test_accuracy", accuracy(W, b, d.X_test, d.y_test))
        for layer, weights in enumerate(W, start=1):
            put(f"weight_norm_{layer}", np.sqrt(np.sum(weights ** 2)))
            put(f"weight_l1_{layer}", np.sum(np.abs(weights)))
            put(f"zero_fraction_{layer}", np.mean(weights == 0.0))
    return columns


@pytest.mark.parametrize("preset, steps, penalty", [
    ("l2", 300, lambda W, m: course_l2(W, 0.7, m)),
    ("l1", 300, lambda W, m: book_l1(W, 0.003)),
], ids=["course-l2", "book-l1"])
def test_the_exported_history_is_the_run_column_by_column(tmp_path, preset, steps, penalty):
    config = load_preset(preset)
    window = render_window(config, steps)
    path = tmp_path / "history.csv"
    try:
        assert export_actions.export(window, export_actions.HISTORY, str(path))
        history = window.latest.history
    finally:
        window.close()
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    written = {name: [float(row[name]) for row in rows] for name in rows[0]}

    points, d = trained_run(config, steps)
    assert config.activation == "relu"
    expected = expected_columns(points, d, penalty)
    n_layers = len(points[0].weights)
    assert set(written) == set(expected) == set(SCALARS) | {
        f"{name}_{layer}" for name in PER_LAYER for layer in range(1, n_layers + 1)}
    for name, values in written.items():
        # Written exactly as held (repr round-trips a float) ...
        if name in history:
            held = history[name]
        else:
            series, layer = name.rsplit("_", 1)
            held = history[series][:, int(layer) - 1]
        assert values == held.tolist(), name
        # ... and what the weights of that step give.
        assert values == pytest.approx(expected[name], rel=1e-9, abs=1e-12), name
    # Reversed layers, train and test swapped, a constant column: each must show.
    last = {name: values[-1] for name, values in expected.items()}
    norms = [last[f"weight_norm_{l}"] for l in range(1, n_layers + 1)]
    assert len(set(norms)) == n_layers
    assert any(a != b for a, b in zip(expected["train_accuracy"], expected["test_accuracy"],
                                      strict=True))
    assert expected["step"][-1] == steps and last["train_penalty"] > 0
    if preset == "l1":
        assert max(last[f"zero_fraction_{l}"] for l in range(1, n_layers + 1)) > 0
