"""A copied, self-contained picture of an experiment at one step.

The training worker makes these in its own thread and hands them to the GUI, so
the views never touch arrays the trainer is still writing. Everything heavy that a
view needs (the decision-boundary grid) is computed here, off the GUI thread.
Pure numpy: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .config import Config
from .experiment import ChangeEvent, Experiment, TrainTestData

GRID_RESOLUTION = 96


@dataclass(frozen=True)
class BoundaryGrid:
    """The evaluation-mode output over the data range.

    ``probs`` is (ny, nx) of p(class 1) for a binary net, (ny, nx, k) otherwise;
    row j is y = ys[j], column i is x = xs[i]."""

    xs: np.ndarray
    ys: np.ndarray
    probs: np.ndarray

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])


@dataclass(frozen=True)
class Snapshot:
    step: int
    config: Config
    history: dict[str, np.ndarray]
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    # Dropout masks of the latest training step, one bool (batch, units) array per
    # hidden layer (None where keep_prob is 1); row r belongs to training point
    # mask_rows[r].
    masks: list[np.ndarray | None]
    mask_rows: np.ndarray
    data: TrainTestData  # shared, read-only; a new object whenever the points change
    grid: BoundaryGrid
    n_classes: int
    events: tuple[ChangeEvent, ...] = ()
    diverged: str = ""  # the divergence message, empty while training is healthy
    # Evaluation-mode labels the network gives the train and test points now.
    train_predictions: np.ndarray | None = None
    test_predictions: np.ndarray | None = None
    extra: dict = field(default_factory=dict)


def data_bounds(data: TrainTestData, margin: float = 0.1) -> tuple[float, float, float, float]:
    """x0, x1, y0, y1 covering every point with a margin (a share of the span)."""
    pts = np.concatenate([data.X_train, data.X_test])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = np.maximum(hi - lo, 1e-9) * margin
    return lo[0] - pad[0], hi[0] + pad[0], lo[1] - pad[1], hi[1] + pad[1]


def boundary_grid(experiment: Experiment, resolution: int = GRID_RESOLUTION) -> BoundaryGrid:
    x0, x1, y0, y1 = data_bounds(experiment.data)
    xs = np.linspace(x0, x1, resolution)
    ys = np.linspace(y0, y1, resolution)
    gx, gy = np.meshgrid(xs, ys)
    probs = experiment.net.predict_proba(np.column_stack([gx.ravel(), gy.ravel()]))
    shape = (resolution, resolution) if probs.ndim == 1 else (resolution, resolution, -1)
    return BoundaryGrid(xs, ys, probs.reshape(shape))


def take_snapshot(experiment: Experiment, resolution: int = GRID_RESOLUTION) -> Snapshot:
    """Copy everything the views need from ``experiment`` at its current step."""
    trainer = experiment.trainer
    last = getattr(trainer, "last", None)
    masks = [None if m is None else m.copy() for m in (last.masks if last else [])]
    rows = last.batch_indices if last else None
    if rows is None:
        n = masks[0].shape[0] if masks and masks[0] is not None else len(experiment.data.y_train)
        rows = np.arange(n)
    return Snapshot(
        step=experiment.step_count,
        config=experiment.config,
        history=trainer.history.as_dict(),
        weights=[w.copy() for w in experiment.net.weights],
        biases=[b.copy() for b in experiment.net.biases],
        masks=masks,
        mask_rows=np.array(rows, copy=True),
        data=experiment.data,
        grid=boundary_grid(experiment, resolution),
        n_classes=experiment.data.n_classes,
        events=tuple(experiment.events),
        diverged=str(experiment.diverged) if experiment.diverged else "",
        train_predictions=experiment.net.predict(experiment.data.X_train),
        test_predictions=experiment.net.predict(experiment.data.X_test),
    )
