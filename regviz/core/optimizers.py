"""Update rules over one flat parameter buffer (a few numpy calls per step)."""

from __future__ import annotations

import numpy as np

NAMES = ("sgd", "momentum", "adam")


class SGD:
    def __init__(self, size: int):
        self._tmp = np.empty(size)

    def update(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        np.multiply(grads, lr, out=self._tmp)
        params -= self._tmp


class Momentum:
    """Heavy-ball momentum: v ← μv − lr·g; θ ← θ + v."""

    def __init__(self, size: int, mu: float = 0.9):
        self.mu = mu
        self.velocity = np.zeros(size)
        self._tmp = np.empty(size)

    def update(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.velocity *= self.mu
        np.multiply(grads, lr, out=self._tmp)
        self.velocity -= self._tmp
        params += self.velocity


class Adam:
    """Adam as in the book (β₁ 0.9, β₂ 0.999, ε 1e-7, bias-corrected)."""

    def __init__(self, size: int, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-7):
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m = np.zeros(size)
        self.v = np.zeros(size)
        self.t = 0
        self._tmp = np.empty(size)

    def update(self, params: np.ndarray, grads: np.ndarray, lr: float) -> None:
        self.t += 1
        b1, b2 = self.beta1, self.beta2
        self.m *= b1
        self.m += (1.0 - b1) * grads
        self.v *= b2
        np.multiply(grads, grads, out=self._tmp)
        self._tmp *= 1.0 - b2
        self.v += self._tmp
        # lr·m̂/(√v̂+ε) with the bias corrections folded into scalars
        np.sqrt(self.v, out=self._tmp)
        self._tmp *= 1.0 / np.sqrt(1.0 - b2 ** self.t)
        self._tmp += self.eps
        np.divide(self.m, self._tmp, out=self._tmp)
        self._tmp *= lr / (1.0 - b1 ** self.t)
        params -= self._tmp


def make(name: str, size: int):
    if name == "sgd":
        return SGD(size)
    if name == "momentum":
        return Momentum(size)
    if name == "adam":
        return Adam(size)
    raise ValueError(f"optimizer={name!r} is not known; allowed: {', '.join(NAMES)}")
