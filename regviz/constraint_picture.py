"""The constraint picture on the network in front of the class: two weights, every
other parameter held where it is, and over a grid of values for the pair

* the data loss (mean cross-entropy on the training points, no dropout),
* the penalty exactly as configured (L2's circles, L1's diamonds, ÷2m with m the
  number of training points or not, each weight's own layer's λ),
* the minimum of their sum, the training objective J, on the grid,
* and the path the pair took during training (from the history's parameter trail).

It is the textbook figure (The Elements of Statistical Learning, Fig. 3.11) drawn
for this network: the minimum of J sits where a data-loss contour touches a penalty
contour, and for L1 that is often a corner of the diamond, on an axis, where one of
the weights is exactly 0. Decoupled weight decay is not a penalty (it is not part
of J) and is not drawn.

The grid's data loss is evaluated for all grid points at once: layers before the
pair's first layer are computed once; in that layer only the two units the pair
feeds change, so they are carried as per-grid-point columns beside one shared
base, and the network is batched over the grid only from the next layer on (in
chunks that bound the memory). Pure numpy: no Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from .contour import contour_segments
from .core import activations
from .core.mlp import MLP
from .core.regularization import Regularization, ResolvedRegularization

RESOLUTION = 64  # grid points per side, at most
MIN_RESOLUTION = 16  # fewer would not show a contour's shape
# A picture costs at most this many multiply-adds (about 0.2 s of the training
# thread here): a pair deep in a wide network gets a coarser grid, down to
# MIN_RESOLUTION, and beyond that no picture (``NoPicture``) rather than a stall.
MAX_MULTIPLY_ADDS = 200_000_000
# Batched activations are computed for at most this many numbers at a time (8 MB).
CHUNK_ELEMENTS = 1_000_000
DATA_LEVELS = (0.02, 0.08, 0.18, 0.32, 0.5, 0.7, 0.9)  # data-loss contours: grid quantiles
PENALTY_LEVELS = (0.04, 0.15, 0.35, 0.6)  # penalty contours: quantiles of its grid
MIN_SPAN = 0.2  # the grid's side is at least this, in weight units
MARGIN = 0.3  # share of the span left around the origin, the pair and its path

Weight = tuple[int, int, int]  # (layer, i, j): weights[layer][i, j], unit i → unit j


@dataclass(frozen=True)
class WeightPair:
    """Two weights of the network, each (layer, i, j) with 0-based layer: the link
    from unit i of layer ``layer`` to unit j of the next layer."""

    first: Weight
    second: Weight

    def check(self, sizes) -> None:
        """ValueError naming a weight the network ``sizes`` does not have."""
        for name, (l, i, j) in (("first", self.first), ("second", self.second)):
            n_layers = len(sizes) - 1
            if not (0 <= l < n_layers and 0 <= i < sizes[l] and 0 <= j < sizes[l + 1]):
                raise ValueError(
                    f"the {name} weight {(l, i, j)} is not in a {'-'.join(map(str, sizes))} "
                    f"network: allowed layer 0..{n_layers - 1}, i below that layer's size, "
                    "j below the next layer's size")
        if self.first == self.second:
            raise ValueError(f"the pair names the same weight twice: {self.first}")

    def flat_indices(self, sizes) -> tuple[int, int]:
        """Where the two weights sit in the network's flat parameter buffer
        (each layer: its W rows, then its biases)."""
        offsets = np.cumsum([0] + [(a + 1) * b for a, b in zip(sizes[:-1], sizes[1:],
                                                              strict=True)])
        return tuple(int(offsets[l] + i * sizes[l + 1] + j)
                     for l, i, j in (self.first, self.second))

    def label(self, weight: Weight) -> str:
        """"w₁[3→2]": layer (1-based, as the control panel counts), from unit, to unit."""
        l, i, j = weight
        return f"W{l + 1}[{i + 1}→{j + 1}]"


def default_pair(weights) -> WeightPair:
    """The output layer's two strongest links into its first unit: on fixed hidden
    features the output layer is a logistic regression, so its data loss is convex
    and the picture is the textbook's, and the strongest links are the ones the
    network uses. ``weights``: the network's weight matrices, (n_in, n_out) each."""
    last = len(weights) - 1
    column = np.abs(np.asarray(weights[last])[:, 0])
    if len(column) >= 2:
        i, j = sorted(np.argsort(-column, kind="stable")[:2].tolist())
        return WeightPair((last, i, 0), (last, j, 0))
    if np.asarray(weights[last]).shape[1] >= 2:  # one input: its links to two outputs
        return WeightPair((last, 0, 0), (last, 0, 1))
    return WeightPair((last - 1, 0, 0), (last, 0, 0))


@dataclass(frozen=True)
class NoPicture:
    """Why there is no picture for ``pair`` (it would cost too much)."""

    pair: WeightPair
    reason: str


def cost_per_grid_point(sizes, n_points: int, pair: WeightPair) -> int:
    """Multiply-adds one grid point costs (see the module docstring): two columns in
    the pair's first layer, the two units they feed into the next layer, and every
    layer after that in full, for each training point."""
    first = min(pair.first[0], pair.second[0])
    after = sum(a * b for a, b in zip(sizes[first + 2:-1], sizes[first + 3:], strict=True))
    feed = 2 * sizes[first + 2] if first + 2 < len(sizes) else 0
    return n_points * (2 + feed + after + sizes[-1])


def affordable_resolution(sizes, n_points: int, pair: WeightPair,
                          wanted: int = RESOLUTION) -> int | None:
    """The finest grid (at most ``wanted`` per side) within MAX_MULTIPLY_ADDS, or
    None if even MIN_RESOLUTION would cost more."""
    side = int(math.sqrt(MAX_MULTIPLY_ADDS / max(1, cost_per_grid_point(sizes, n_points,
                                                                         pair))))
    if side >= wanted:
        return wanted
    return side if side >= MIN_RESOLUTION else None


@dataclass(frozen=True)
class ConstraintPicture:
    """The picture's numbers: ``data_loss``, ``penalty`` and ``total`` are (ny, nx)
    with row r at second weight = ys[r], column c at first weight = xs[c].
    ``penalty`` is the whole configured penalty with the pair at the grid's values
    (the other parameters' part is a constant), so ``total`` is J itself.
    ``coefficients`` are the pair's own effective (L2, L1) factors: the penalty
    varies over the grid as c₂·w² + c₁·|w| for each weight."""

    pair: WeightPair
    xs: np.ndarray
    ys: np.ndarray
    data_loss: np.ndarray
    penalty: np.ndarray
    current: np.ndarray  # (2,) the pair's values now
    path: np.ndarray  # (n, 2) the pair's values over the run, oldest first, ending now
    coefficients: tuple[tuple[float, float], tuple[float, float]]
    step: int = 0
    # Level lines traced in the worker (pairs of ends, see contour_segments).
    data_lines: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    penalty_lines: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    touching_data_line: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    touching_penalty_line: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))

    @property
    def total(self) -> np.ndarray:
        return self.data_loss + self.penalty

    @property
    def extent(self) -> tuple[float, float, float, float]:
        return float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])

    @property
    def has_penalty(self) -> bool:
        return any(c > 0 for pair in self.coefficients for c in pair)

    @property
    def penalty_kind(self) -> str:
        """"L2", "L1", "L1 + L2" or "none": what the penalty on this pair is."""
        l2 = any(c2 > 0 for c2, _ in self.coefficients)
        l1 = any(c1 > 0 for _, c1 in self.coefficients)
        return {(True, False): "L2", (False, True): "L1", (True, True): "L1 + L2"}.get(
            (l2, l1), "none")

    def minimum(self, which: str = "total") -> tuple[float, float]:
        """The grid point where ``total`` (J) or ``data_loss`` is lowest."""
        grid = self.total if which == "total" else self.data_loss
        r, c = np.unravel_index(int(np.nanargmin(grid)), grid.shape)
        return float(self.xs[c]), float(self.ys[r])


# -- the data loss over the grid ---------------------------------------------------------

def data_loss_grid(net: MLP, X: np.ndarray, y: np.ndarray, pair: WeightPair,
                   xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """Mean cross-entropy of ``net`` on (X, y), no dropout, with the pair's weights
    set to (xs[c], ys[r]) and everything else as it is: a (len(ys), len(xs)) grid."""
    pair.check(net.sizes)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    a, b = np.meshgrid(np.asarray(xs, float), np.asarray(ys, float))
    values = np.column_stack([a.ravel(), b.ravel()])
    widest = max(net.sizes[1:])
    chunk = max(1, CHUNK_ELEMENTS // max(1, len(y) * widest))
    losses = np.empty(len(values))
    with np.errstate(over="ignore", invalid="ignore"):
        for start in range(0, len(values), chunk):
            part = values[start:start + chunk]
            losses[start:start + len(part)] = _losses(net, X, y, pair, part)
    return losses.reshape(a.shape)


class _Activations:
    """A layer's output over the grid: ``base`` (N, n), shared by every grid point,
    except the columns in ``columns`` ({unit: (G, N)}) — or, once the change has
    spread to every unit, ``dense`` (G, N, n)."""

    def __init__(self, base, columns=None, dense=None):
        self.base, self.columns, self.dense = base, columns or {}, dense

    def column(self, unit: int) -> np.ndarray:
        """Unit ``unit``'s values, (G, N) or (N,) when shared."""
        if self.dense is not None:
            return self.dense[:, :, unit]
        return self.columns.get(unit, self.base[:, unit])


def _losses(net: MLP, X, y, pair: WeightPair, values: np.ndarray) -> np.ndarray:
    """Data losses for the grid points ``values`` (G, 2)."""
    changes: dict[int, list[tuple[int, int, np.ndarray]]] = {}
    for (l, i, j), v in zip((pair.first, pair.second), values.T, strict=True):
        changes.setdefault(l, []).append((i, j, v))
    first_layer = min(changes)
    name = net.activation
    A = X
    for l in range(first_layer):  # untouched by the pair: computed once
        A = activations.forward(name, A @ net.weights[l] + net.biases[l])
    acts = _Activations(A)
    for l in range(first_layer, net.n_layers):
        W, bias = net.weights[l], net.biases[l]
        if acts.dense is not None:
            g, n, k = acts.dense.shape  # one 2-D product, not G small ones
            Z = _Activations(None, dense=(acts.dense.reshape(g * n, k) @ W + bias)
                             .reshape(g, n, -1))
        elif acts.columns:
            # Z = base·W + (the changed inputs' values − their base)·W[those rows]
            units = list(acts.columns)
            moved = np.stack([acts.columns[u] - acts.base[:, u] for u in units], axis=-1)
            g, n, _ = moved.shape
            dense = (moved.reshape(g * n, len(units)) @ W[units]).reshape(g, n, -1)
            dense += acts.base @ W + bias
            Z = _Activations(None, dense=dense)
        else:
            Z = _Activations(acts.base @ W + bias)
        for i, j, v in changes.get(l, ()):
            # The weight i → j is v instead of W[i, j]: column j moves by (v − W[i, j])·input i.
            shift = (v - W[i, j])[:, None] * acts.column(i)
            if Z.dense is not None:
                Z.dense[:, :, j] += shift
            else:
                Z.columns[j] = Z.columns.get(j, Z.base[:, j]) + shift
        if l == net.n_layers - 1:
            return _mean_cross_entropy(Z, y, len(values))
        if Z.dense is not None:
            acts = _Activations(None, dense=activations.forward(name, Z.dense))
        else:
            acts = _Activations(activations.forward(name, Z.base),
                                {u: activations.forward(name, c) for u, c in Z.columns.items()})
    raise AssertionError("unreachable")


def _mean_cross_entropy(Z: _Activations, y: np.ndarray, g: int) -> np.ndarray:
    if Z.dense is None:
        dense = np.broadcast_to(Z.base, (g, *Z.base.shape)).copy()
        for unit, col in Z.columns.items():
            dense[:, :, unit] = col
    else:
        dense = Z.dense
    if dense.shape[2] == 1:
        z = dense[:, :, 0]
        return (np.logaddexp(0.0, z) - y * z).mean(axis=1)
    top = dense.max(axis=2, keepdims=True)
    lse = np.log(np.exp(dense - top).sum(axis=2)) + top[:, :, 0]
    picked = np.take_along_axis(dense, y[None, :, None], axis=2)[:, :, 0]
    return (lse - picked).mean(axis=1)


# -- the penalty over the grid -------------------------------------------------------------

def pair_coefficients(resolved: ResolvedRegularization, pair: WeightPair,
                      m: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Per weight of the pair, (c₂, c₁) with which its value enters the penalty:
    c₂·w² + c₁·|w|, its layer's λ times the form's scale (1, or 1/(2m))."""
    s = resolved.scale(m)
    return tuple((s * resolved.l2[l], s * resolved.l1[l]) for l, _, _ in (pair.first,
                                                                          pair.second))


def penalty_grid(reg: Regularization | ResolvedRegularization, net: MLP, pair: WeightPair,
                 xs: np.ndarray, ys: np.ndarray, m: int) -> np.ndarray:
    """The configured penalty with the pair at (xs[c], ys[r]), the other parameters
    as they are, for ``m`` samples (the training set's size): (len(ys), len(xs))."""
    pair.check(net.sizes)
    resolved = reg.per_layer(net.n_layers) if isinstance(reg, Regularization) else reg
    weights = [W.copy() for W in net.weights]
    for l, i, j in (pair.first, pair.second):
        weights[l][i, j] = 0.0
    rest = resolved.penalty(weights, net.biases, m)
    (a2, a1), (b2, b1) = pair_coefficients(resolved, pair, m)
    a = np.asarray(xs, float)[None, :]
    b = np.asarray(ys, float)[:, None]
    return rest + (a2 * a * a + a1 * np.abs(a)) + (b2 * b * b + b1 * np.abs(b))


# -- the picture -------------------------------------------------------------------------

def picture_bounds(points: np.ndarray) -> tuple[float, float, float, float]:
    """A square window (x0, x1, y0, y1) holding the origin and ``points`` (n, 2) with
    a margin. Its side is a "nice" number (1, 1.5, 2, 3, 5, 7 × 10ᵏ) and its centre
    sits on a grid of side/8, so it changes in steps, not every frame."""
    pts = np.vstack([np.zeros((1, 2)), np.asarray(points, float).reshape(-1, 2)])
    pts = pts[np.isfinite(pts).all(axis=1)]
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = max(float((hi - lo).max()) * (1 + 2 * MARGIN), MIN_SPAN)
    power = 10.0 ** math.floor(math.log10(span))
    side = next(k * power for k in (1, 1.5, 2, 3, 5, 7, 10) if k * power >= span * (1 - 1e-12))
    centre = np.round((lo + hi) / 2 / (side / 8)) * (side / 8)
    # Rounding the centre may leave a point outside: widen by one step if so.
    if ((np.abs(pts - centre) > side / 2).any()):
        side *= 1.25
    (cx, cy) = centre
    return cx - side / 2, cx + side / 2, cy - side / 2, cy + side / 2


def grid_through_zero(lo: float, hi: float, n: int) -> np.ndarray:
    """``n`` evenly spaced values spanning about lo … hi, shifted by less than half a
    step so that 0 is one of them: the axes, where L1 puts its exact zeros (the
    diamond's corners), lie on the grid."""
    step = (hi - lo) / (n - 1)
    return (round(lo / step) + np.arange(n)) * step


def constraint_picture(net: MLP, X_train: np.ndarray, y_train: np.ndarray,
                       reg: Regularization | ResolvedRegularization, pair: WeightPair,
                       path: np.ndarray | None = None, resolution: int | None = None,
                       bounds: tuple[float, float, float, float] | None = None,
                       step: int = 0) -> ConstraintPicture | NoPicture:
    """The picture for ``pair`` at ``net``'s current parameters. ``path`` (n, 2): the
    pair's earlier values (oldest first); the current values are appended. The
    penalty's m is the number of training points. ``resolution`` defaults to the
    finest grid the cost bound allows (:func:`affordable_resolution`; a
    :class:`NoPicture` if none). ``bounds`` default to :func:`picture_bounds` of the
    origin, the path and the current values."""
    pair.check(net.sizes)
    if resolution is None:
        resolution = affordable_resolution(net.sizes, len(y_train), pair)
        if resolution is None:
            return NoPicture(pair, (
                "A picture of this pair would cost too much in a network this size: "
                "every grid point runs the training points through "
                f"{net.n_layers - min(pair.first[0], pair.second[0]) - 1} more layers. "
                "Pick links nearer the output."))
    resolved = reg.per_layer(net.n_layers) if isinstance(reg, Regularization) else reg
    current = np.array([net.weights[l][i, j] for l, i, j in (pair.first, pair.second)])
    path = np.zeros((0, 2)) if path is None else np.asarray(path, float).reshape(-1, 2)
    path = np.vstack([path, current[None, :]])
    x0, x1, y0, y1 = bounds if bounds is not None else picture_bounds(path)
    xs, ys = grid_through_zero(x0, x1, resolution), grid_through_zero(y0, y1, resolution)
    m = len(y_train)
    data = data_loss_grid(net, X_train, y_train, pair, xs, ys)
    penalty = penalty_grid(resolved, net, pair, xs, ys, m)
    picture = ConstraintPicture(pair, xs, ys, data, penalty, current, path,
                                pair_coefficients(resolved, pair, m), step)
    return _with_lines(picture)


def _with_lines(picture: ConstraintPicture) -> ConstraintPicture:
    """Trace the contours: data-loss and penalty levels at quantiles of their grids
    (evenly spread over the window), and the two lines that meet at J's minimum
    (the data-loss contour and the penalty contour through it)."""
    xs, ys = picture.xs, picture.ys
    data = picture.data_loss
    finite = data[np.isfinite(data)]
    if not finite.size:
        return picture
    levels = np.quantile(finite, DATA_LEVELS)
    data_lines = contour_segments(data[None] - levels[:, None, None], xs, ys)
    best = picture.minimum("total")
    c = int(np.argmin(np.abs(xs - best[0])))
    r = int(np.argmin(np.abs(ys - best[1])))
    touching_data = contour_segments(data, xs, ys, float(data[r, c]))
    penalty_lines = touching_penalty = np.zeros((0, 2))
    if picture.has_penalty:
        # Only the pair's own part varies: c₂·w² + c₁·|w| per weight, 0 at the origin.
        (a2, a1), (b2, b1) = picture.coefficients
        a, b = xs[None, :], ys[:, None]
        rel = (a2 * a * a + a1 * np.abs(a)) + (b2 * b * b + b1 * np.abs(b))
        penalty_levels = np.quantile(rel, PENALTY_LEVELS)
        penalty_lines = contour_segments(rel[None] - penalty_levels[:, None, None], xs, ys)
        # J's minimum away from the penalty's own (the origin): the penalty contour
        # through it, which the data-loss contour there touches.
        if rel[r, c] > 0:
            touching_penalty = contour_segments(rel, xs, ys, float(rel[r, c]))
    return ConstraintPicture(
        picture.pair, xs, ys, data, picture.penalty, picture.current, picture.path,
        picture.coefficients, picture.step, data_lines, penalty_lines, touching_data,
        touching_penalty)
