"""Update rules over the network's flat parameter buffer, in place.

Updates write into ``params`` itself (never rebind it), so the network's weight
and bias views — and any reference the GUI holds — stay valid.

SGD and momentum take their gradient already multiplied by the learning rate
(``lr_in_gradient``): the trainer folds lr into the output layer's gradient, where
it costs nothing, instead of multiplying every parameter's gradient by it.
"""

from __future__ import annotations

import numpy as np

NAMES = ("sgd", "momentum", "adam")


class SGD:
    """θ ← θ − lr·g."""

    lr_in_gradient = True

    def __init__(self, size: int):
        pass

    def update(self, params: np.ndarray, lr_grads: np.ndarray, lr: float) -> None:
        params -= lr_grads


class Momentum:
    """Heavy-ball momentum as in the book: v ← μ·v − lr·g; θ ← θ + v."""

    lr_in_gradient = True

    def __init__(self, size: int, mu: float = 0.9):
        self.mu = mu
        self.velocity = np.zeros(size, dtype=np.float64)

    def update(self, params: np.ndarray, lr_grads: np.ndarray, lr: float) -> None:
        self.velocity *= self.mu
        self.velocity -= lr_grads
        params += self.velocity


class Adam:
    """Adam as in the book (nnfs): β₁ 0.9, β₂ 0.999, ε 1e-7, bias-corrected;
    θ ← θ − lr·m̂/(√v̂ + ε) with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)."""

    lr_in_gradient = False

    def __init__(self, size: int, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-7):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = np.zeros(size, dtype=np.float64)
        self.v = np.zeros(size, dtype=np.float64)
        self.t = 0
        self._tmp = np.empty(size)

    def update(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        b1, b2, tmp = self.beta1, self.beta2, self._tmp
        self.m *= b1
        np.multiply(grads, 1.0 - b1, out=tmp)
        self.m += tmp
        self.v *= b2
        np.multiply(grads, grads, out=tmp)
        tmp *= 1.0 - b2
        self.v += tmp
        # lr·m̂/(√v̂ + ε) with both bias corrections folded into scalars
        np.sqrt(self.v, out=tmp)
        tmp *= 1.0 / np.sqrt(1.0 - b2 ** self.t)
        tmp += self.eps
        np.divide(self.m, tmp, out=tmp)
        tmp *= lr / (1.0 - b1 ** self.t)
        params -= tmp


def make(name: str, size: int) -> SGD | Momentum | Adam:
    """The optimizer called ``name`` for ``size`` parameters."""
    if name == "sgd":
        return SGD(size)
    if name == "momentum":
        return Momentum(size)
    if name == "adam":
        return Adam(size)
    raise ValueError(f"optimizer={name!r} is not known; allowed: {', '.join(NAMES)}")
