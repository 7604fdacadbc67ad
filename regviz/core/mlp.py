"""A fully connected network in row layout (X is (samples, features)).

Hidden layers share one activation; the output is sigmoid + binary cross-entropy
when the last size is 1 and softmax + categorical cross-entropy otherwise.

All parameters live in one flat float64 buffer, ``net.params``: layer l's weights
(n_in, n_out) followed by its biases (n_out,), which is the (n_in + 1, n_out)
matrix [W; b]. ``weights``, ``biases`` and ``augmented`` are views into it, so an
optimizer updates every parameter with a few numpy calls and anything holding a
view sees the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import activations
from .regularization import Regularization
from .workspace import Workspace, with_ones_row

INITS = ("course", "nnfs", "he")


# Beyond this even the first forward pass of a finite network can overflow, so the
# history's first point would already be infinite; real 2-D data is nowhere near it.
MAX_COORDINATE = 1e12


@dataclass
class LossAndGradients:
    """One forward and backward pass (see :meth:`MLP.loss_and_gradients`)."""

    data_loss: float
    """Mean cross-entropy over the samples, under the dropout masks used."""
    penalty: float
    """The regularization penalty of the current parameters, m = the samples given."""
    probs: np.ndarray
    """The output under the masks used: (m,) p(class 1) if binary, else (m, k)."""
    grad_weights: list[np.ndarray]
    """d(total)/dW per layer, (n_in, n_out), penalty included (L1 as λ·sign w)."""
    grad_biases: list[np.ndarray]
    """d(total)/db per layer, (n_out,)."""
    masks: list[np.ndarray | None]
    """One bool (m, n_units) array per hidden layer; None where there was no dropout."""

    @property
    def total(self) -> float:
        """Data loss plus penalty: what gradient descent minimises."""
        return self.data_loss + self.penalty


class MLP:
    """``MLP([2, 20, 3, 1])``: layer sizes from the inputs to the outputs.

    ``activation`` (hidden layers): relu, tanh, sigmoid or leaky_relu. ``init``:
    ``"course"`` randn/√n_in, ``"nnfs"`` 0.01·randn, ``"he"`` randn·√(2/n_in);
    biases start at 0. ``"course"`` draws exactly what the course's
    ``initialize_parameters`` draws after ``np.random.seed(seed)``: from a legacy
    ``np.random.RandomState(seed)``, layer by layer, ``randn(n_out, n_in)/√n_in`` in
    the course's (n_out, n_in) layout, transposed into ours, so the course's own
    initial weights (seed 3) and therefore its published results are reproduced.
    ``"nnfs"`` and ``"he"`` draw from ``np.random.default_rng(seed)``. Numpy's
    global generator is never used or disturbed.

    ``weights[l]`` is (n_in, n_out) and ``biases[l]`` is (n_out,): live float64
    views, so writing into them changes the network."""

    def __init__(self, sizes: Sequence[int], activation: str = "relu", init: str = "course",
                 seed: int | None = None):
        try:
            sizes = [_whole(s) for s in sizes] if not isinstance(sizes, str) else None
        except (TypeError, ValueError, OverflowError):  # OverflowError: int(inf)
            sizes = None
        if sizes is None:
            raise ValueError("sizes must be a list of whole numbers, e.g. [2, 20, 3, 1]")
        if len(sizes) < 2:
            raise ValueError(f"sizes={sizes!r}: need at least 2 sizes (inputs and outputs)")
        if any(s < 1 for s in sizes):
            raise ValueError(f"sizes={sizes!r}: every layer size must be a whole number ≥ 1")
        activations.check_name(activation)
        if init not in INITS:
            raise ValueError(f"init={init!r} is not known; allowed: {', '.join(INITS)}")
        self.sizes = sizes
        self.activation = activation
        self.init = init
        # float64 spelled out everywhere: nnfs.init(), which the book's notebooks run
        # first, makes a bare np.zeros return float32.
        n_params = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
        self.params = np.zeros(n_params, dtype=np.float64)
        self._make_views()
        if init == "course":
            legacy = np.random.RandomState(seed)
            for W in self.weights:
                n_in, n_out = W.shape
                W[...] = (legacy.randn(n_out, n_in) / np.sqrt(n_in)).T
            return
        rng = np.random.default_rng(seed)
        for W in self.weights:
            n_in = W.shape[0]
            scale = 0.01 if init == "nnfs" else np.sqrt(2.0 / n_in)
            W[...] = rng.standard_normal(W.shape) * scale

    def _make_views(self) -> None:
        self.augmented = layer_views(self.params, self.sizes)
        self.weights = [Wb[:-1] for Wb in self.augmented]
        self.biases = [Wb[-1] for Wb in self.augmented]
        # [W; b]ᵀ, what the column-layout passes multiply by
        self.augmented_t = [Wb.T for Wb in self.augmented]

    # -- shape facts --------------------------------------------------------
    @property
    def n_layers(self) -> int:
        """Number of weight layers (hidden layers + 1)."""
        return len(self.sizes) - 1

    @property
    def n_classes(self) -> int:
        """2 for a single sigmoid output, else the number of outputs."""
        return 2 if self.sizes[-1] == 1 else self.sizes[-1]

    @property
    def binary(self) -> bool:
        return self.sizes[-1] == 1

    # -- copies -------------------------------------------------------------
    def get_params(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Copies of (weights, biases)."""
        return [W.copy() for W in self.weights], [b.copy() for b in self.biases]

    def set_params(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        """Copy these values into the live parameters (shapes must match)."""
        for live, new in zip(self.weights + self.biases, list(weights) + list(biases),
                             strict=True):
            live[...] = new

    def copy(self) -> MLP:
        """An independent network with the same sizes, activation and parameters."""
        other = MLP.__new__(MLP)
        other.sizes, other.activation, other.init = list(self.sizes), self.activation, self.init
        other.params = self.params.copy()
        other._make_views()
        return other

    # -- evaluation ---------------------------------------------------------
    def logits(self, X: np.ndarray) -> np.ndarray:
        """Evaluation-mode (no dropout) output pre-activations, (m, k)."""
        A = np.asarray(X, dtype=np.float64)
        for W, b in zip(self.weights[:-1], self.biases[:-1], strict=True):
            A = activations.forward(self.activation, A @ W + b)
        return A @ self.weights[-1] + self.biases[-1]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Evaluation mode (no dropout): (m,) p(class 1) if binary, else (m, k)."""
        return self._output(self.logits(X))

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Evaluation-mode labels (binary: class 1 where p ≥ ½)."""
        return self.labels(self.logits(X))

    def probabilities(self, Z: np.ndarray) -> np.ndarray:
        """``predict_proba`` from logits already computed (one pass, two uses)."""
        return self._output(Z)

    def labels(self, Z: np.ndarray) -> np.ndarray:
        """``predict`` from logits already computed."""
        return (Z[:, 0] >= 0).astype(np.int64) if self.binary else Z.argmax(axis=1)

    def evaluate(self, X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
        """Evaluation-mode probabilities and mean cross-entropy on (X, y)."""
        Z = self.logits(X)
        y = np.asarray(y)
        return self._output(Z), cross_entropy(Z, y) if len(y) else float("nan")

    def _output(self, Z: np.ndarray) -> np.ndarray:
        return activations.sigmoid(Z[:, 0]) if self.binary else activations.softmax(Z)

    # -- training -----------------------------------------------------------
    def loss_and_gradients(self, X: np.ndarray, y: np.ndarray, reg: Regularization | None = None,
                           masks: Sequence[np.ndarray | None] | None = None,
                           rng: np.random.Generator | None = None) -> LossAndGradients:
        """Forward and backward pass on (X, y) under ``reg``.

        Inverted dropout (H·D/keep_prob) applies to hidden layers only. ``masks``,
        one bool (m, n_units) array or None per hidden layer, are reused exactly
        (scaled by that layer's 1/keep_prob); a hidden layer with keep_prob < 1 and
        no given mask draws one from ``rng`` — or, when ``rng`` is None, from a
        fresh ``np.random.default_rng()`` (unseeded: pass a Generator for
        repeatable masks). The gradients include every penalty term (L1 as
        λ·sign(w)); the trainer applies L1 as a proximal step instead."""
        X, y = self.check_data(X, y)
        reg = reg if reg is not None else Regularization()
        resolved = reg.per_layer(self.n_layers)
        m = len(y)
        if m == 0:
            raise ValueError("X is empty: need at least one sample")
        column_masks = self._check_masks(masks, m)
        needs_rng = any(kp < 1.0 and (column_masks is None or column_masks[l] is None)
                        for l, kp in enumerate(resolved.keep_prob))
        if needs_rng and rng is None:
            rng = np.random.default_rng()
        grads = np.zeros_like(self.params)
        grads_augmented = layer_views(grads, self.sizes)
        ws = Workspace(self.sizes, self.activation, m)
        ws.set_targets(y)
        with np.errstate(over="ignore", invalid="ignore"):
            data_loss, used = ws.forward_backward(
                self.augmented_t, self.weights, grads_augmented, with_ones_row(X),
                resolved.keep_prob, rng, column_masks, 1.0 / m)
            probs = ws.probabilities()
        grad_weights = [g[:-1] for g in grads_augmented]
        grad_biases = [g[-1] for g in grads_augmented]
        resolved.add_gradient(self.weights, self.biases, grad_weights, grad_biases, m)
        penalty = resolved.penalty(self.weights, self.biases, m)
        return LossAndGradients(data_loss, penalty, probs, grad_weights, grad_biases, used)

    def _check_masks(self, masks, m: int) -> list[np.ndarray | None] | None:
        if masks is None:
            return None
        hidden = self.sizes[1:-1]
        masks = list(masks)
        if len(masks) != len(hidden):
            raise ValueError(f"masks has {len(masks)} entries; expected {len(hidden)}, "
                             "one per hidden layer (None for no dropout)")
        column = []
        for l, (D, n) in enumerate(zip(masks, hidden, strict=True)):
            if D is None:
                column.append(None)
                continue
            D = np.asarray(D)
            if D.shape != (m, n):
                raise ValueError(f"masks[{l}] has shape {D.shape}; expected ({m}, {n})")
            column.append(D.astype(bool, copy=False).T)
        return column

    def check_data(self, X, y) -> tuple[np.ndarray, np.ndarray]:
        """(X as float64, y as int64), or ValueError naming what does not fit."""
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"X has shape {X.shape}; expected (samples, {self.sizes[0]})")
        if X.size and not np.abs(X).max() <= MAX_COORDINATE:  # also catches NaN
            raise ValueError(f"X holds NaN, infinite or huge coordinates; every coordinate must "
                             f"be a finite number of size at most {MAX_COORDINATE:g}")
        if y.shape != (X.shape[0],):
            raise ValueError(f"y has shape {y.shape}; expected ({X.shape[0]},) to match X")
        if y.size and not np.issubdtype(y.dtype, np.integer):
            if y.dtype == bool:
                y = y.astype(np.int64)
            elif not (np.issubdtype(y.dtype, np.number) and np.all(np.mod(y, 1) == 0)):
                raise ValueError("y must hold whole-number class labels")
        y = y.astype(np.int64)
        if y.size and (y.min() < 0 or y.max() >= self.n_classes):
            raise ValueError(f"y has labels {int(y.min())}..{int(y.max())}; allowed 0.."
                             f"{self.n_classes - 1} for this network's output")
        return X, y


def cross_entropy(Z: np.ndarray, y: np.ndarray) -> float:
    """Mean cross-entropy from row-layout output logits: binary (m, 1) via
    log(1 + e^z) − y·z, k classes via logsumexp(z) − z_y. Exact where clipping
    probabilities (as the book does, at 1e-7) would cap the loss."""
    if Z.shape[1] == 1:
        z = Z[:, 0]
        losses = np.logaddexp(0.0, z)
        losses -= y * z
        return float(losses.sum()) / len(y)
    top = Z.max(axis=1)
    lse = np.log(np.exp(Z - top[:, None]).sum(axis=1)) + top
    return float((lse - Z[np.arange(len(y)), y]).sum()) / len(y)


def layer_views(flat: np.ndarray, sizes: Sequence[int]) -> list[np.ndarray]:
    """Per-layer (n_in + 1, n_out) views [W; b] of a flat parameter-shaped buffer."""
    views, at = [], 0
    for a, b in zip(sizes[:-1], sizes[1:], strict=True):
        views.append(flat[at:at + (a + 1) * b].reshape(a + 1, b))
        at += (a + 1) * b
    return views


def layer_boundaries(sizes: Sequence[int]) -> np.ndarray:
    """Start offsets of W₀, b₀, W₁, b₁, … in the flat buffer (for ``np.add.reduceat``)."""
    starts, at = [], 0
    for a, b in zip(sizes[:-1], sizes[1:], strict=True):
        starts += [at, at + a * b]
        at += (a + 1) * b
    return np.array(starts, dtype=np.intp)


def _whole(value) -> int:
    as_int = int(value)
    if as_int != value:
        raise ValueError(value)
    return as_int
