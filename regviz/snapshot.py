"""A copied, self-contained picture of an experiment at one step.

The training worker makes these in its own thread and hands them to the GUI, so
the views never touch arrays the trainer is still writing. Everything heavy that a
view needs (the decision-boundary grid, the dropout ensemble, the weight
histograms, the constraint picture) is computed or copied here, off the GUI
thread. Pure numpy: no Qt.
"""

from __future__ import annotations

import dataclasses
import threading
import time
import weakref
from dataclasses import dataclass, field

import numpy as np

from .boundary_palette import BoundaryPalette
from .config import Config
from .constraint_picture import ConstraintPicture, NoPicture, WeightPair, constraint_picture
from .contour import contour_segments
from .core.dropout_ensemble import prediction_spread, thinned_probabilities
from .core.history import WeightHistograms
from .core.mlp import layer_views
from .experiment import ChangeEvent, Experiment, TrainTestData

GRID_RESOLUTION = 96  # rows of the boundary grid; columns follow PLANE_ASPECT
# While training, 30 snapshots a second: the grid is most of a snapshot's cost
# (3.4 ms at 96 rows, under 1 ms at 56), and a moving picture hides the coarser cells.
LIVE_GRID_RESOLUTION = 56
# Width / height of the boundary view's plot area in the default 1600×1000 window.
PLANE_ASPECT = 1.25
# The dropout ensemble is drawn on a coarser grid with few members: it is only
# computed while a teacher has it switched on, but then at every snapshot.
ENSEMBLE_RESOLUTION = 48
ENSEMBLE_SIZE = 12
# While training, a new ensemble is computed at most once per this many times its
# own cost (the previous one is shown meanwhile), so even a big network spends at
# most ~1/ENSEMBLE_BUDGET of the worker's time on it.
ENSEMBLE_BUDGET = 5.0
# The constraint picture (a 64×64 grid of data losses) likewise: while training, at
# most once per CONSTRAINT_BUDGET times its cost and at most CONSTRAINT_RATE times a
# second, the previous one shown meanwhile.
CONSTRAINT_BUDGET = 5.0
CONSTRAINT_RATE = 4.0


@dataclass(frozen=True)
class EnsembleRequest:
    """Which parts of the dropout ensemble snapshots should carry (both off by
    default: they cost K forward passes over a grid per snapshot)."""

    thinned: bool = False  # the boundaries of the thinned networks
    uncertainty: bool = False  # the Monte-Carlo spread map

    @property
    def any(self) -> bool:
        return self.thinned or self.uncertainty


_ensemble_lock = threading.Lock()
_ensemble_request = EnsembleRequest()


def request_ensemble(request: EnsembleRequest) -> None:
    """What the next snapshots (taken in any thread) should include; the boundary
    view's check boxes set this from the GUI thread."""
    global _ensemble_request
    with _ensemble_lock:
        _ensemble_request = request


def ensemble_request() -> EnsembleRequest:
    with _ensemble_lock:
        return _ensemble_request


@dataclass(frozen=True)
class DropoutEnsemble:
    """K thinned networks (random dropout masks, kept units scaled by
    1/keep_prob) evaluated on a coarse grid over the data.

    ``boundaries`` are the decision boundaries of all K thinned networks as
    segment pairs (see :func:`regviz.contour.contour_segments`), drawn alike,
    empty unless requested;
    ``spread`` (ny, nx) is the Monte-Carlo dropout uncertainty (standard deviation
    of the predictions over the K networks), None unless requested."""

    xs: np.ndarray
    ys: np.ndarray
    keep_prob: float
    size: int
    boundaries: np.ndarray
    spread: np.ndarray | None

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])


@dataclass(frozen=True)
class BoundaryGrid:
    """The evaluation-mode output over the data range.

    ``probs`` is (ny, nx) of p(class 1) for a binary net, (ny, nx, k) otherwise;
    row j is y = ys[j], column i is x = xs[i]."""

    xs: np.ndarray
    ys: np.ndarray
    probs: np.ndarray
    # The decision boundary as line segments in data coordinates ((2n, 2), pairs
    # of ends): p = ½ for a binary net, where the top two classes tie otherwise.
    # Traced here so the GUI thread only draws it.
    lines: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    # (ny, nx, 3) uint8: ``probs`` coloured with ``palette`` (in the worker's
    # thread), or None when the snapshot was taken without a palette.
    rgb: np.ndarray | None = None
    palette: BoundaryPalette | None = None

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])

    def coloured(self, palette: BoundaryPalette) -> np.ndarray:
        """The map in ``palette``'s colours (the worker's picture when it used the
        same palette; coloured now otherwise, e.g. just after a theme change)."""
        if self.rgb is not None and self.palette == palette:
            return self.rgb
        return palette.colour(self.probs)


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
    # Per-layer weight histograms over the steps (a copy), None if not recorded.
    weight_histograms: WeightHistograms | None = None
    # Only with keep_prob < 1 and the ensemble requested (see request_ensemble).
    dropout_ensemble: DropoutEnsemble | None = None
    # The settings at step 0 (``events`` say what changed since) and why rerunning
    # them would not give this run ("" if it would): what an exported script needs.
    start_config: Config | None = None
    rerun_caveat: str = ""
    # The run's checkpoints (shared, never modified: see regviz/checkpoints.py), for
    # the scrubber's timeline and saved sessions.
    checkpoints: tuple = ()
    # Set when this snapshot shows the network as it was at an earlier step (the
    # scrubber): that step, and the step the run itself has reached. The history
    # and events are still the whole run's.
    cursor_step: int | None = None
    run_step: int | None = None

    @property
    def live_step(self) -> int:
        """The step the run has reached (``step`` unless scrubbed back)."""
        return self.step if self.run_step is None else self.run_step
    # Per regularized weight (flat, layer by layer), the share of its value L2 and
    # weight decay take per step now (Trainer.shrink_per_step); None without either.
    shrink: np.ndarray | None = None
    # Only when a pair of weights was asked for (take_snapshot's ``constraint``);
    # NoPicture says why there is none (a pair too costly in a big network).
    constraint: ConstraintPicture | NoPicture | None = None


def data_bounds(data: TrainTestData, margin: float = 0.1,
                aspect: float = PLANE_ASPECT) -> tuple[float, float, float, float]:
    """x0, x1, y0, y1 covering every point with a margin (a share of the span),
    widened on the short side to ``aspect`` (width / height). The boundary view
    keeps x and y at the same scale (a circle stays round), so a plane of the
    view's own shape fills it instead of leaving blank bands beside the data."""
    pts = np.concatenate([data.X_train, data.X_test])
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    pad = np.maximum(hi - lo, 1e-9) * margin
    (x0, y0), (x1, y1) = lo - pad, hi + pad
    width, height = x1 - x0, y1 - y0
    if width < aspect * height:
        extra = (aspect * height - width) / 2
        x0, x1 = x0 - extra, x1 + extra
    else:
        extra = (width / aspect - height) / 2
        y0, y1 = y0 - extra, y1 + extra
    return float(x0), float(x1), float(y0), float(y1)


def boundary_grid(experiment: Experiment, resolution: int = GRID_RESOLUTION,
                  palette: BoundaryPalette | None = None) -> BoundaryGrid:
    return _evaluated(experiment, resolution, palette)[0]


def _evaluated(experiment: Experiment, resolution: int, palette: BoundaryPalette | None
               ) -> tuple[BoundaryGrid, np.ndarray, np.ndarray]:
    """The boundary grid and the labels of the train and test points, from one
    forward pass over the grid and the points together (three passes cost twice
    as much in a snapshot, most of it Python's per-call overhead)."""
    data, net = experiment.data, experiment.net
    x0, x1, y0, y1 = data_bounds(data)
    xs = np.linspace(x0, x1, round(resolution * PLANE_ASPECT))  # square cells
    ys = np.linspace(y0, y1, resolution)
    gx, gy = np.meshgrid(xs, ys)
    n_grid, n_train = gx.size, len(data.X_train)
    Z = net.logits(np.concatenate([np.column_stack([gx.ravel(), gy.ravel()]),
                                   data.X_train, data.X_test]))
    probs = net.probabilities(Z[:n_grid])
    labels = net.labels(Z[n_grid:])
    shape = (len(ys), len(xs)) if probs.ndim == 1 else (len(ys), len(xs), -1)
    probs = probs.reshape(shape)
    lines = contour_segments(np.stack(boundary_fields(probs, probs.ndim == 2)), xs, ys)
    rgb = palette.colour(probs) if palette is not None else None
    grid = BoundaryGrid(xs, ys, probs, lines, rgb, palette)
    return grid, labels[:n_train], labels[n_train:]


def boundary_fields(probs: np.ndarray, binary: bool) -> list[np.ndarray]:
    """Scalar fields whose 0-level lines are the decision boundaries: p − ½ for a
    binary net; per class c, p_c − (the largest other class's p) otherwise."""
    if binary:
        return [probs - 0.5]
    fields = []
    for c in range(probs.shape[-1]):
        others = np.delete(probs, c, axis=-1).max(axis=-1)
        fields.append(probs[..., c] - others)
    return fields


def dropout_ensemble(experiment: Experiment, request: EnsembleRequest,
                     resolution: int = ENSEMBLE_RESOLUTION,
                     size: int = ENSEMBLE_SIZE) -> DropoutEnsemble | None:
    """The thinned networks' boundaries and MC spread over the data, or None when
    nothing is requested or the config has no dropout. The masks are seeded by
    the step, so the same run shows the same ensemble at the same step."""
    keep_prob = experiment.config.keep_prob
    net = experiment.net
    if not request.any or keep_prob >= 1.0 or net.n_layers < 2:
        return None
    x0, x1, y0, y1 = data_bounds(experiment.data)
    xs = np.linspace(x0, x1, resolution)
    ys = np.linspace(y0, y1, resolution)
    gx, gy = np.meshgrid(xs, ys)
    rng = np.random.default_rng([experiment.config.seed, experiment.step_count])
    probs = thinned_probabilities(net, np.column_stack([gx.ravel(), gy.ravel()]),
                                  keep_prob, size, rng)
    shape = (size, resolution, resolution) + probs.shape[2:]
    probs = probs.reshape(shape)
    boundaries = np.zeros((0, 2))
    if request.thinned:
        boundaries = contour_segments(np.stack(boundary_fields(probs, net.binary)), xs, ys)
    spread = prediction_spread(probs, net.binary) if request.uncertainty else None
    return DropoutEnsemble(xs, ys, float(keep_prob), size, boundaries, spread)


class _EnsembleThrottle:
    """The latest ensemble per trainer, and when it may be replaced."""

    def __init__(self):
        self._latest: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, experiment: Experiment, request: EnsembleRequest) -> DropoutEnsemble | None:
        trainer = experiment.trainer
        key = (request, experiment.config.keep_prob, experiment.step_count)
        now = time.perf_counter()
        with self._lock:
            entry = self._latest.get(trainer)
        if entry is not None:
            old_key, computed_at, took, ensemble = entry
            # The same step and settings (paused): nothing to compute. Training: reuse
            # it until its budget allows another, unless the settings changed. (The
            # budget is read now, not when it was computed: a test can set it.)
            if old_key == key or (old_key[:2] == key[:2]
                                  and now < computed_at + ENSEMBLE_BUDGET * took):
                return ensemble
        ensemble = dropout_ensemble(experiment, request)
        took = time.perf_counter() - now
        with self._lock:
            self._latest[trainer] = (key, now, took, ensemble)
        return ensemble


_ensemble_throttle = _EnsembleThrottle()


def take_snapshot(experiment: Experiment, resolution: int = GRID_RESOLUTION,
                  ensemble: EnsembleRequest | None = None,
                  palette: BoundaryPalette | None = None,
                  constraint: WeightPair | None = None, now: bool = False,
                  shrink: bool = False) -> Snapshot:
    """Copy everything the views need from ``experiment`` at its current step.

    ``ensemble``: which parts of the dropout ensemble to compute, now (None: what
    the GUI last asked for with :func:`request_ensemble`, at most as often as its
    cost allows — see ``ENSEMBLE_BUDGET``). ``palette``: colour the boundary map
    here, so the GUI thread need not. ``constraint``: the pair of weights
    whose constraint picture to include (None: none), recomputed at most as often
    as ``CONSTRAINT_BUDGET`` and ``CONSTRAINT_RATE`` allow unless ``now``.
    ``shrink``: include each regularized weight's shrink per step (compare mode)."""
    trainer = experiment.trainer
    grid, train_predictions, test_predictions = _evaluated(experiment, resolution, palette)
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
        grid=grid,
        n_classes=experiment.data.n_classes,
        events=tuple(experiment.events),
        diverged=str(experiment.diverged) if experiment.diverged else "",
        train_predictions=train_predictions,
        test_predictions=test_predictions,
        weight_histograms=_histograms(trainer),
        dropout_ensemble=(dropout_ensemble(experiment, ensemble) if ensemble is not None
                          else _ensemble_throttle.get(experiment, ensemble_request())),
        start_config=experiment.start_config,
        rerun_caveat=experiment.rerun_caveat,
        checkpoints=tuple(experiment.checkpoints.checkpoints),
        shrink=weight_shrink(experiment) if shrink else None,
        constraint=(None if constraint is None
                    else _constraint_throttle.get(experiment, constraint, now)),
    )


def weight_shrink(experiment: Experiment) -> np.ndarray | None:
    """The regularized weights' shrink per step (see ``Trainer.shrink_per_step``),
    biases and unregularized weights left out; None when nothing shrinks them."""
    trainer = experiment.trainer
    if not hasattr(trainer, "shrink_per_step"):
        return None
    net = experiment.net
    rates = layer_views(trainer.shrink_per_step(), net.sizes)
    shrink = np.concatenate([r[:-1].ravel() for r in rates])  # the W rows, not b
    covered = (shrink > 0) | np.isnan(shrink)
    return shrink[covered] if covered.any() else None


def constraint_for(experiment: Experiment, pair: WeightPair,
                   resolution: int | None = None) -> ConstraintPicture | NoPicture:
    """The constraint picture of ``pair`` at ``experiment``'s current weights, with
    the path the pair took (the history's parameter trail)."""
    net, data = experiment.net, experiment.data
    trail = experiment.trainer.history.parameter_trail
    path = trail.values(pair.flat_indices(net.sizes)) if trail is not None else None
    return constraint_picture(net, data.X_train, data.y_train,
                              experiment.config.regularization(), pair, path=path,
                              resolution=resolution, step=experiment.step_count)


class _ConstraintThrottle:
    """The latest constraint picture per trainer, and when it may be replaced: a
    new pair or new settings at once, a new step once the budget allows."""

    def __init__(self):
        self._latest: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, experiment: Experiment, pair: WeightPair,
            now: bool) -> ConstraintPicture | NoPicture:
        trainer = experiment.trainer
        settings = (pair, experiment.config.regularization(), id(experiment.data))
        start = time.perf_counter()
        with self._lock:
            entry = self._latest.get(trainer)
        if entry is not None and not now:
            old_settings, step, not_before, picture = entry
            if old_settings == settings and (step == experiment.step_count
                                             or start < not_before):
                return picture
        picture = constraint_for(experiment, pair)
        took = time.perf_counter() - start
        wait = max(CONSTRAINT_BUDGET * took, 1.0 / CONSTRAINT_RATE)
        with self._lock:
            self._latest[trainer] = (settings, experiment.step_count, start + wait, picture)
        return picture


_constraint_throttle = _ConstraintThrottle()



class _AtCheckpoint:
    """An experiment as it was at a checkpoint, for ``take_snapshot``: the
    checkpoint's parameters and settings, the live run's history and events."""

    def __init__(self, experiment: Experiment, checkpoint):
        self.net = experiment.net.copy()
        np.copyto(self.net.params, checkpoint.params)
        self.config = checkpoint.config
        self.data = experiment.data
        self.step_count = checkpoint.step
        self.events = experiment.events
        self.diverged = None
        self.start_config = experiment.start_config
        self.rerun_caveat = experiment.rerun_caveat
        self.checkpoints = experiment.checkpoints
        self.trainer = _HistoryOnly(experiment.trainer.history)


class _HistoryOnly:
    def __init__(self, history):
        self.history = history
        self.last = None  # no dropout masks: no step is being shown


def take_checkpoint_snapshot(experiment: Experiment, step: int,
                             resolution: int = GRID_RESOLUTION,
                             constraint: WeightPair | None = None) -> Snapshot:
    """The network as it was at the checkpoint nearest ``step`` (the scrubber snaps
    to it): its boundary, weights, predictions and (for ``constraint``) constraint
    picture, with the whole run's history and ``cursor_step`` set to the
    checkpoint's step."""
    checkpoint = experiment.checkpoints.nearest(step)
    snapshot = take_snapshot(_AtCheckpoint(experiment, checkpoint), resolution,
                             constraint=constraint, now=True)
    return dataclasses.replace(snapshot, cursor_step=checkpoint.step,
                               run_step=experiment.step_count)


def _histograms(trainer) -> WeightHistograms | None:
    recorder = getattr(trainer.history, "weight_histograms", None)
    return recorder.copy() if recorder is not None and len(recorder) else None
