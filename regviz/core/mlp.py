"""A fully connected network in row layout (X is (samples, features)).

Hidden layers use one activation; the output is sigmoid + binary cross-entropy when
the last size is 1 and softmax + categorical cross-entropy otherwise. All weights
and biases are views into one flat float64 buffer, so an optimizer can update every
parameter with a handful of numpy calls (the training step is dominated by call
overhead on small networks).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import activations
from .regularization import Regularization, ResolvedRegularization

INITS = ("course", "nnfs", "he")
# Cross-entropy is computed from the logits (log-sum-exp), not from clipped
# probabilities: it stays exact for confident predictions and grows without bound
# when a run blows up, so divergence is visible instead of capped at -log(1e-7).
DIVERGED_LOSS = 1e4  # a mean cross-entropy this large means logits of ±10⁴: blown up


@dataclass
class LossAndGradients:
    """One forward and backward pass: losses, output, gradients and the masks used."""

    data_loss: float
    penalty: float
    probs: np.ndarray
    grad_weights: list[np.ndarray]
    grad_biases: list[np.ndarray]
    masks: list[np.ndarray | None]

    @property
    def total(self) -> float:
        return self.data_loss + self.penalty


class MLP:
    """``MLP([2, 20, 3, 1])``: sizes from the input to the output layer.

    ``weights[l]`` is (n_in, n_out) and ``biases[l]`` is (n_out,): live arrays, so
    writing into them changes the network."""

    def __init__(self, sizes: Sequence[int], activation: str = "relu", init: str = "course",
                 seed: int | None = None):
        sizes = [int(s) for s in sizes] if _is_sequence(sizes) else []
        if len(sizes) < 2:
            raise ValueError(f"sizes={sizes!r}: need at least 2 sizes (inputs and outputs)")
        if any(s < 1 for s in sizes):
            raise ValueError(f"sizes={sizes!r}: every layer size must be a whole number ≥ 1")
        if activation not in activations.NAMES:
            raise ValueError(f"activation={activation!r} is not known; allowed: "
                             f"{', '.join(activations.NAMES)}")
        if init not in INITS:
            raise ValueError(f"init={init!r} is not known; allowed: {', '.join(INITS)}")
        self.sizes = sizes
        self.activation = activation
        self.init = init
        shapes = [(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
        n_params = sum(a * b + b for a, b in shapes)
        self.params = np.zeros(n_params)
        self.weights, self.biases = _views(self.params, shapes)
        rng = np.random.default_rng(seed)
        for W in self.weights:
            n_in = W.shape[0]
            scale = {"course": 1.0 / np.sqrt(n_in), "nnfs": 0.01, "he": np.sqrt(2.0 / n_in)}
            W[...] = rng.standard_normal(W.shape) * scale[init]

    # -- shape facts --------------------------------------------------------
    @property
    def n_layers(self) -> int:
        return len(self.sizes) - 1

    @property
    def n_classes(self) -> int:
        return 2 if self.sizes[-1] == 1 else self.sizes[-1]

    @property
    def binary(self) -> bool:
        return self.sizes[-1] == 1

    def new_flat_like(self) -> tuple[np.ndarray, list[np.ndarray], list[np.ndarray]]:
        """A zeroed flat buffer with per-layer views shaped like the parameters."""
        flat = np.zeros_like(self.params)
        w, b = _views(flat, [W.shape for W in self.weights])
        return flat, w, b

    # -- copies -------------------------------------------------------------
    def get_params(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        return [W.copy() for W in self.weights], [b.copy() for b in self.biases]

    def set_params(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray]) -> None:
        for live, new in zip(self.weights + self.biases, list(weights) + list(biases),
                             strict=True):
            live[...] = new

    def copy(self) -> MLP:
        other = MLP.__new__(MLP)
        other.sizes, other.activation, other.init = list(self.sizes), self.activation, self.init
        other.params = self.params.copy()
        other.weights, other.biases = _views(other.params, [W.shape for W in self.weights])
        return other

    # -- evaluation ---------------------------------------------------------
    def logits(self, X: np.ndarray) -> np.ndarray:
        """Evaluation mode (no dropout) pre-activations of the output layer."""
        A = np.asarray(X, dtype=np.float64)
        for W, b in zip(self.weights[:-1], self.biases[:-1], strict=True):
            A = activations.forward(self.activation, A @ W + b)
        return A @ self.weights[-1] + self.biases[-1]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Evaluation mode (no dropout): (m,) p(class 1) if binary, else (m, k)."""
        return self._output(self.logits(X))

    def evaluate(self, X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
        """Evaluation-mode probabilities and mean cross-entropy on (X, y)."""
        Z = self.logits(X)
        return self._output(Z), cross_entropy(Z, y) if len(y) else float("nan")

    def predict(self, X: np.ndarray) -> np.ndarray:
        p = self.predict_proba(X)
        return (p >= 0.5).astype(np.int64) if p.ndim == 1 else p.argmax(axis=1)

    def _output(self, Z: np.ndarray) -> np.ndarray:
        return activations.sigmoid(Z[:, 0]) if self.binary else activations.softmax(Z)

    # -- training -----------------------------------------------------------
    def loss_and_gradients(self, X: np.ndarray, y: np.ndarray, reg: Regularization | None = None,
                           masks: Sequence[np.ndarray | None] | None = None,
                           rng: np.random.Generator | None = None) -> LossAndGradients:
        """Forward and backward pass on (X, y) under ``reg``.

        Dropout masks are drawn from ``rng`` (a fresh ``default_rng()`` if None)
        unless ``masks`` is given, which is reused exactly. The gradients include
        every penalty term (L1 as λ·sign(w))."""
        X, y = self.check_data(X, y)
        resolved = (reg or Regularization()).per_layer(self.n_layers)
        _, gw, gb = self.new_flat_like()
        probs, data_loss, used = self.forward_backward(X, y, resolved, gw, gb, masks, rng)
        m = len(y)
        resolved.add_gradient(self.weights, self.biases, gw, gb, m, include_l1=True)
        penalty = resolved.penalty(self.weights, self.biases, m)
        return LossAndGradients(data_loss, penalty, probs, gw, gb, used)

    def check_data(self, X, y) -> tuple[np.ndarray, np.ndarray]:
        X = np.asarray(X, dtype=np.float64)
        y = np.asarray(y)
        if X.ndim != 2 or X.shape[1] != self.sizes[0]:
            raise ValueError(f"X has shape {X.shape}; expected (samples, {self.sizes[0]})")
        if y.shape != (X.shape[0],):
            raise ValueError(f"y has shape {y.shape}; expected ({X.shape[0]},) to match X")
        if y.size and not np.issubdtype(y.dtype, np.integer):
            if not np.all(np.mod(y, 1) == 0):
                raise ValueError("y must hold whole-number class labels")
        y = y.astype(np.int64)
        if y.size and (y.min() < 0 or y.max() >= self.n_classes):
            raise ValueError(f"labels must be in [0, {self.n_classes - 1}] for this network's "
                             f"output; found {int(y.min())}..{int(y.max())}")
        return X, y

    def forward_backward(self, X: np.ndarray, y: np.ndarray, reg: ResolvedRegularization,
                         grad_weights: list[np.ndarray], grad_biases: list[np.ndarray],
                         masks: Sequence[np.ndarray | None] | None = None,
                         rng: np.random.Generator | None = None,
                         ) -> tuple[np.ndarray, float, list[np.ndarray | None]]:
        """The data-loss pass: writes dL_data/dparams into the given arrays and
        returns (probs, data loss, masks used). Inputs are trusted (checked by the
        caller); this is the trainer's hot path."""
        m = X.shape[0]
        act = self.activation
        n_hidden = self.n_layers - 1
        if masks is not None and len(masks) != n_hidden:
            raise ValueError(f"masks has {len(masks)} entries; expected {n_hidden}, "
                             "one per hidden layer")
        relu = act == "relu"
        inputs = [X]  # what each layer multiplies (after dropout)
        pre = []  # pre-activations Z
        post = []  # activations H before dropout
        gates = []  # relu: (Z > 0) & D / keep_prob as floats: one multiply each way
        used: list[np.ndarray | None] = []
        A = X
        weights, biases = self.weights, self.biases
        for l in range(n_hidden):
            Z = A @ weights[l]
            Z += biases[l]
            kp = reg.keep_prob[l]
            if masks is not None and masks[l] is not None:
                D = np.asarray(masks[l], dtype=bool)
                if D.shape != Z.shape:
                    raise ValueError(f"masks[{l}] has shape {D.shape}; expected {Z.shape}")
            elif kp < 1.0:
                if rng is None:
                    rng = np.random.default_rng()
                D = rng.random(Z.shape) < kp
            else:
                D = None
            if relu:
                # The ReLU's derivative and the dropout mask act alike (zero or a
                # constant per element), so they merge into one gate.
                G = Z > 0
                if D is not None:
                    G &= D
                    G = np.multiply(G, 1.0 / kp)
                A = Z * G
                H = None
            else:
                H = activations.forward(act, Z)
                if D is not None:
                    A = H * D
                    A *= 1.0 / kp
                else:
                    A = H
                G = None
            pre.append(Z)
            post.append(H)
            gates.append(G)
            used.append(D)
            inputs.append(A)
        Z = A @ weights[-1]
        Z += biases[-1]
        if self.binary:
            # softplus(z) = log(1 + e^z) gives both the loss and p = e^(z − softplus z)
            z = Z[:, 0]
            softplus = np.logaddexp(0.0, z)
            data_loss = (float(softplus.sum()) - float(np.dot(y, z))) / m
            p = np.exp(z - softplus)
            dZ = (p - y)[:, None]
        else:
            data_loss = cross_entropy(Z, y)
            p = activations.softmax(Z)
            dZ = p.copy()
            dZ[np.arange(m), y] -= 1.0
        dZ *= 1.0 / m
        for l in range(self.n_layers - 1, -1, -1):
            np.dot(inputs[l].T, dZ, out=grad_weights[l])
            np.sum(dZ, axis=0, out=grad_biases[l])
            if l == 0:
                break
            dA = dZ @ weights[l].T
            if relu:
                dA *= gates[l - 1]
                dZ = dA
                continue
            D = used[l - 1]
            if D is not None:
                dA *= D
                dA *= 1.0 / reg.keep_prob[l - 1]
            dZ = activations.backward(act, dA, pre[l - 1], post[l - 1])
        return p, data_loss, used


def cross_entropy(Z: np.ndarray, y: np.ndarray) -> float:
    """Mean cross-entropy from output logits: binary (m, 1) via log(1 + e^z) − y·z,
    k classes via logsumexp(z) − z_y."""
    if Z.shape[1] == 1:
        z = Z[:, 0]
        losses = np.logaddexp(0.0, z)
        losses -= y * z
        return float(losses.sum()) / len(y)
    top = Z.max(axis=1)
    lse = np.log(np.exp(Z - top[:, None]).sum(axis=1)) + top
    return float((lse - Z[np.arange(len(y)), y]).sum()) / len(y)


def _views(flat: np.ndarray, shapes) -> tuple[list[np.ndarray], list[np.ndarray]]:
    weights, biases, at = [], [], 0
    for a, b in shapes:
        weights.append(flat[at:at + a * b].reshape(a, b))
        at += a * b
        biases.append(flat[at:at + b])
        at += b
    return weights, biases


def _is_sequence(x) -> bool:
    try:
        iter(x)
    except TypeError:
        return False
    return not isinstance(x, str)
