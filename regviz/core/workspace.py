"""Preallocated buffers for forward and backward passes over batches of m samples.

This is the engine's hot path. On the small networks regviz trains, a step costs
a few dozen numpy calls on arrays of a few thousand numbers, so what matters is
how many calls there are and that none of them allocates or strides badly:

* The public API is row layout (X is samples × features) but the buffers here are
  column layout (features × samples), as the course writes it. Each layer's input
  is stored with a row of ones under it, and every layer's parameters are stored
  as [W; b] (the flat parameter buffer keeps each layer's W rows followed by b), so
  Z = [W; b]ᵀ·[A; 1] is one matrix product with no bias add, and the gradient
  [A; 1]·dZᵀ of [W; b] is one product with no separate bias sum. In column layout
  the activations A sit contiguously above their row of ones.
* Every hidden layer keeps a *gate*, the local derivative f'(Z) with dropout's
  mask and 1/keep_prob folded in, so the backward pass through a hidden layer is
  one product and one multiply: dZ = (W·dZ_next) ∘ gate.
* The output gradient can be pre-multiplied by any factor (``grad_scale``): the
  trainer folds 1/m and, for SGD, the learning rate into it for free.
* Products are written with the array method ``a.dot(b, out=c)``, never ``np.dot``:
  the book's ``nnfs.init()``, which a teacher may run in the same notebook, replaces
  ``np.dot`` with a wrapper that copies its arguments and returns a float32 copy.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import activations


def with_ones_row(X: np.ndarray) -> np.ndarray:
    """Row-layout (m, n) samples as the column-layout (n + 1, m) input of layer 1."""
    X = np.asarray(X, dtype=np.float64)
    out = np.ones((X.shape[1] + 1, X.shape[0]))
    out[:-1] = X.T
    return out


class Workspace:
    """Buffers and passes for one network shape and one batch size ``m``.

    Targets are set once per batch with :meth:`set_targets`; then
    :meth:`forward_backward` (training) or :meth:`forward` (evaluation) may run
    any number of times. Results live in the buffers until the next pass."""

    def __init__(self, sizes: Sequence[int], activation: str, m: int):
        activations.check_name(activation)
        self.sizes = list(sizes)
        self.activation = activation
        self.m = m
        self.n_layers = len(sizes) - 1
        hidden = self.sizes[1:-1]
        k = self.sizes[-1]
        self.binary = k == 1
        # inputs[l] is layer l's input [A; 1]; inputs[0] is the caller's X.
        self.inputs = [None] + [np.ones((n + 1, m)) for n in hidden]
        self.acts = [a[:-1] for a in self.inputs[1:]]
        self.pre = [np.empty((n, m)) for n in self.sizes[1:]]
        self.gates = [np.empty((n, m)) for n in hidden]
        self.grad_acts = [np.empty((n, m)) for n in hidden]
        self._uniform = [None] * len(hidden)   # dropout's random draws, made on first use
        self._bool = [None] * len(hidden)      # relu & mask scratch
        self.grad_out = np.empty((k, m))
        if self.binary:
            self._t, self._softplus, self._wrong = np.empty(m), np.empty(m), np.empty(m)
        else:
            self._max, self._den = np.empty(m), np.empty(m)
            self._shifted = np.empty((k, m))
        self._y = None
        self._scaled_for = None

    # -- targets ----------------------------------------------------------------
    def set_targets(self, y: np.ndarray) -> None:
        """Labels (m,) of the samples the next passes run on (checked by the caller)."""
        y = np.asarray(y)
        self._y = y
        m = self.m
        if self.binary:
            # With s = ±1 for labels 1/0 the loss is softplus(−s·z), its gradient −s·σ(−s·z).
            self._neg_sign = 1.0 - 2.0 * y
            self._positive = y == 1
        else:
            k = self.sizes[-1]
            self._onehot = np.zeros((k, m), dtype=np.float64)
            self._onehot[y, np.arange(m)] = 1.0
            self._pick = y * m + np.arange(m)  # flat index of Z[y_i, i]
        self._scaled_for = None

    # -- passes -------------------------------------------------------------------
    def forward_backward(self, weights_t: Sequence[np.ndarray], weights: Sequence[np.ndarray],
                         grads: Sequence[np.ndarray], X: np.ndarray,
                         keep_probs: Sequence[float], rng: np.random.Generator | None,
                         masks: Sequence[np.ndarray | None] | None,
                         grad_scale: float) -> tuple[float, list[np.ndarray | None]]:
        """One training pass. Writes ``grad_scale``·m·dL/d[W; b] (so 1/m gives the
        gradient of the mean loss) into ``grads`` ((n_in + 1, n_out) arrays) and
        returns (mean data loss, masks used).

        ``weights_t[l]`` is [W; b]ᵀ, ``weights[l]`` is W; ``X`` is the (n₀ + 1, m)
        input with its row of ones. ``masks`` (column layout, (n_l, m) bool, or
        None per layer) are used as given; otherwise a layer with keep_prob < 1
        draws a fresh mask from ``rng``. Returned masks are row layout (m, n_l)
        views of fresh arrays, None where a layer had no dropout."""
        name = self.activation
        relu = name == "relu"
        used: list[np.ndarray | None] = []
        A = X
        for l in range(self.n_layers - 1):
            Z, H, gate = self.pre[l], self.acts[l], self.gates[l]
            weights_t[l].dot(A, out=Z)
            D = masks[l] if masks is not None else None
            keep = keep_probs[l]
            if D is None and keep < 1.0:
                uniform = self._uniform[l]
                if uniform is None:
                    uniform = self._uniform[l] = np.empty_like(Z)
                rng.random(out=uniform)
                D = uniform < keep
            if D is None:
                activations.forward_with_gate(name, Z, H, gate)
                used.append(None)
                A = self.inputs[l + 1]
                continue
            # Inverted dropout: H·D/keep_prob, and the same factor on the way back.
            if relu:
                kept = self._bool[l]
                if kept is None:
                    kept = self._bool[l] = np.empty(Z.shape, dtype=bool)
                np.greater(Z, 0.0, out=kept)
                np.logical_and(kept, D, out=kept)
                np.multiply(kept, 1.0 / keep, out=gate)
                np.multiply(Z, gate, out=H)
            else:
                activations.forward_with_gate(name, Z, H, gate)
                scaled = self.grad_acts[l]  # free until the backward pass
                np.multiply(D, 1.0 / keep, out=scaled)
                H *= scaled
                gate *= scaled
            used.append(D.T)
            A = self.inputs[l + 1]
        weights_t[-1].dot(A, out=self.pre[-1])
        loss = self._loss(grad_scale)
        dZ = self.grad_out
        for l in range(self.n_layers - 1, 0, -1):
            self.inputs[l].dot(dZ.T, out=grads[l])
            dA = self.grad_acts[l - 1]
            weights[l].dot(dZ, out=dA)
            np.multiply(dA, self.gates[l - 1], out=dA)
            dZ = dA
        X.dot(dZ.T, out=grads[0])
        return loss, used

    def forward(self, weights_t: Sequence[np.ndarray], X: np.ndarray) -> np.ndarray:
        """Evaluation-mode pass (no dropout); returns the output logits (k, m)."""
        A = X
        for l in range(self.n_layers - 1):
            weights_t[l].dot(A, out=self.pre[l])
            activations.forward_into(self.activation, self.pre[l], self.acts[l])
            A = self.inputs[l + 1]
        weights_t[-1].dot(A, out=self.pre[-1])
        return self.pre[-1]

    # -- reading the last pass ----------------------------------------------------
    def data_loss(self) -> float:
        """Mean cross-entropy of the last pass's logits (no gradient)."""
        return self._loss(None)

    def count_correct(self) -> int:
        """How many of the last pass's predictions equal the labels (binary: p ≥ ½
        means class 1, as ``MLP.predict``)."""
        Z = self.pre[-1]
        if self.binary:
            return int(np.count_nonzero(np.greater_equal(Z[0], 0.0) == self._positive))
        return int(np.count_nonzero(Z.argmax(axis=0) == self._y))

    def probabilities(self) -> np.ndarray:
        """Row-layout output of the last pass: (m,) p(class 1) or (m, k)."""
        Z = self.pre[-1]
        if self.binary:
            return activations.sigmoid(Z[0])
        return np.ascontiguousarray(activations.softmax(Z, axis=0).T)

    # -- loss ---------------------------------------------------------------------
    def _loss(self, grad_scale: float | None) -> float:
        """Cross-entropy from the logits (log-sum-exp form, exact for confident
        outputs and unbounded when a run blows up), and if ``grad_scale`` is given
        grad_scale·(p − y) into ``grad_out``."""
        m = self.m
        if self.binary:
            z = self.pre[-1][0]
            t, softplus = self._t, self._softplus
            np.multiply(z, self._neg_sign, out=t)
            np.logaddexp(0.0, t, out=softplus)
            loss = float(np.add.reduce(softplus)) / m
            if grad_scale is None:
                return loss
            wrong = self._wrong  # σ(t) = e^(t − softplus t): the probability of the other class
            np.subtract(t, softplus, out=wrong)
            np.exp(wrong, out=wrong)
            if self._scaled_for != grad_scale:
                self._neg_sign_scaled = self._neg_sign * grad_scale
                self._scaled_for = grad_scale
            np.multiply(wrong, self._neg_sign_scaled, out=self.grad_out[0])
            return loss
        Z, top, den, shifted = self.pre[-1], self._max, self._den, self._shifted
        np.maximum.reduce(Z, axis=0, out=top)
        np.subtract(Z, top, out=shifted)
        P = self.grad_out
        np.exp(shifted, out=P)
        np.add.reduce(P, axis=0, out=den)
        if grad_scale is not None:
            P /= den
        np.log(den, out=den)
        loss = (float(np.add.reduce(den)) - float(np.add.reduce(shifted.take(self._pick)))) / m
        if grad_scale is not None:
            P -= self._onehot
            P *= grad_scale
        return loss
