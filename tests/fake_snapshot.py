"""Hand-built Snapshots with known contents: the view tests check the views
against numbers they chose, without training anything."""

from __future__ import annotations

import numpy as np

from regviz.config import Config
from regviz.experiment import ChangeEvent, TrainTestData
from regviz.snapshot import BoundaryGrid, Snapshot


def fake_snapshot(step=100, sizes=(2, 6, 3, 1), keep_prob=1.0, n_points=40, n_history=50,
                  events=(), n_classes=2, l1=0.0, seed=0) -> Snapshot:
    """A binary (or k-class) snapshot whose boundary is the vertical line x = 0:
    p(class 1) is 0.05 left of it and 0.95 right of it.

    Training points alternate left/right, labelled by side; with keep_prob < 1 the
    masks drop hidden unit u for training point r exactly when (u + r) % 3 == 0."""
    rng = np.random.default_rng(seed)
    X = np.column_stack([np.where(np.arange(n_points) % 2 == 0, -0.5, 0.5),
                         rng.uniform(-0.8, 0.8, n_points)])
    y = (X[:, 0] > 0).astype(np.int64)
    data = TrainTestData(X[: n_points // 2], y[: n_points // 2],
                         X[n_points // 2:], y[n_points // 2:])
    xs = np.linspace(-1, 1, 64)
    ys = np.linspace(-1, 1, 64)
    right = np.broadcast_to(xs[None, :] > 0, (64, 64))
    if n_classes == 2:
        probs = np.where(right, 0.95, 0.05)
    else:
        probs = np.zeros((64, 64, n_classes))
        probs[..., 0] = np.where(right, 0.05, 0.95)
        probs[..., 1] = 1 - probs[..., 0]
    weights = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    biases = [np.zeros(b) for b in sizes[1:]]
    n_train = len(data.y_train)
    if keep_prob < 1:
        masks = []
        for units in sizes[1:-1]:
            u, r = np.meshgrid(np.arange(units), np.arange(n_train))
            masks.append((u + r) % 3 != 0)
    else:
        masks = [None] * (len(sizes) - 2)
    steps = np.linspace(0, step, n_history)
    n_layers = len(weights)
    decay = np.exp(-steps / max(step, 1))
    history = {
        "step": steps,
        "train_data_loss": 0.2 + 0.5 * decay,
        "train_penalty": np.full(n_history, 0.01),
        "train_total": 0.21 + 0.5 * decay,
        "test_loss": 0.3 + 0.4 * decay,
        "train_accuracy": 1 - 0.4 * decay,
        "test_accuracy": 0.95 - 0.4 * decay,
        "weight_norm": np.column_stack([1 + l + steps / max(step, 1) for l in range(n_layers)]),
        "weight_l1": np.column_stack([3 + l + steps / max(step, 1) for l in range(n_layers)]),
        "zero_fraction": np.column_stack([np.full(n_history, 0.1 * (l + 1))
                                          for l in range(n_layers)]),
    }
    config = Config(hidden=tuple(sizes[1:-1]), keep_prob=keep_prob, l1=l1)
    return Snapshot(
        step=step, config=config, history=history, weights=weights, biases=biases,
        masks=masks, mask_rows=np.arange(n_train), data=data,
        grid=BoundaryGrid(xs, ys, probs), n_classes=n_classes,
        events=tuple(ChangeEvent(s, n, v) for s, n, v in events),
        train_predictions=data.y_train.copy(), test_predictions=data.y_test.copy(),
    )
