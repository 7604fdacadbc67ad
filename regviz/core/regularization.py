"""What is added to the data loss, and how dropout thins the hidden layers.

Two conventions, both from the source documents:

* the book's (``divide_by_2m=False``): per layer λ₂·Σw² + λ₁·Σ|w| on the weights
  and the same on the biases with their own λ; gradients 2λ₂w and λ₁·sign(w);
* the course's (``divide_by_2m=True``): every term divided by 2m, m the number of
  samples in the batch, so L2 is λ/(2m)·Σ‖W‖² with gradient λ/m·W.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Lambda = float | Sequence[float]


@dataclass
class Regularization:
    """Penalty strengths (a scalar for every layer, or one value per weight layer)
    and dropout's keep probability (a scalar, or one value per hidden layer)."""

    l2: Lambda = 0.0
    l1: Lambda = 0.0
    l2_bias: Lambda = 0.0
    l1_bias: Lambda = 0.0
    keep_prob: Lambda = 1.0
    divide_by_2m: bool = False

    def __post_init__(self) -> None:
        for name in ("l2", "l1", "l2_bias", "l1_bias"):
            for v in _values(getattr(self, name), name):
                if not (np.isfinite(v) and v >= 0):
                    raise ValueError(f"{name}={v!r} is out of range: a λ must be a finite "
                                     "number ≥ 0")
        for v in _values(self.keep_prob, "keep_prob"):
            if not (0.0 < v <= 1.0):
                raise ValueError(f"keep_prob={v!r} is out of range: allowed (0, 1]")

    def per_layer(self, n_layers: int) -> ResolvedRegularization:
        """Every setting expanded to one value per layer (ValueError on wrong lengths)."""
        return ResolvedRegularization(
            l2=_expand(self.l2, n_layers, "l2", "weight layers"),
            l1=_expand(self.l1, n_layers, "l1", "weight layers"),
            l2_bias=_expand(self.l2_bias, n_layers, "l2_bias", "weight layers"),
            l1_bias=_expand(self.l1_bias, n_layers, "l1_bias", "weight layers"),
            keep_prob=_expand(self.keep_prob, n_layers - 1, "keep_prob", "hidden layers"),
            divide_by_2m=bool(self.divide_by_2m),
        )


@dataclass(frozen=True)
class ResolvedRegularization:
    l2: tuple[float, ...]
    l1: tuple[float, ...]
    l2_bias: tuple[float, ...]
    l1_bias: tuple[float, ...]
    keep_prob: tuple[float, ...]
    divide_by_2m: bool

    def scale(self, m: int) -> float:
        """The factor in front of every penalty term for a batch of ``m`` samples."""
        return 1.0 / (2.0 * m) if self.divide_by_2m else 1.0

    @property
    def has_l1(self) -> bool:
        return any(self.l1) or any(self.l1_bias)

    def penalty(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray],
                m: int) -> float:
        total = 0.0
        for l, (W, b) in enumerate(zip(weights, biases, strict=True)):
            if self.l2[l]:
                total += self.l2[l] * float(np.vdot(W, W))
            if self.l1[l]:
                total += self.l1[l] * float(np.abs(W).sum())
            if self.l2_bias[l]:
                total += self.l2_bias[l] * float(np.vdot(b, b))
            if self.l1_bias[l]:
                total += self.l1_bias[l] * float(np.abs(b).sum())
        return self.scale(m) * total

    def add_gradient(self, weights, biases, grad_weights, grad_biases, m: int,
                     include_l1: bool = True) -> None:
        """Add the penalty's gradient to the data-loss gradients in place. The
        trainer leaves L1 out (``include_l1=False``) and applies it as a proximal
        shrink instead, which is what lets weights land exactly on 0."""
        s = self.scale(m)
        for l, (W, b, gW, gb) in enumerate(zip(weights, biases, grad_weights, grad_biases,
                                               strict=True)):
            if self.l2[l]:
                gW += (2.0 * s * self.l2[l]) * W
            if self.l2_bias[l]:
                gb += (2.0 * s * self.l2_bias[l]) * b
            if include_l1:
                if self.l1[l]:
                    gW += (s * self.l1[l]) * np.sign(W)
                if self.l1_bias[l]:
                    gb += (s * self.l1_bias[l]) * np.sign(b)


def _values(value: Lambda, name: str) -> list[float]:
    if np.isscalar(value):
        try:
            return [float(value)]
        except (TypeError, ValueError):
            raise ValueError(f"{name}={value!r} must be a number or a list of numbers") from None
    try:
        return [float(v) for v in value]
    except (TypeError, ValueError):
        raise ValueError(f"{name}={value!r} must be a number or a list of numbers") from None


def _expand(value: Lambda, n: int, name: str, what: str) -> tuple[float, ...]:
    values = _values(value, name)
    if np.isscalar(value):
        return tuple(values * n)
    if len(values) != n:
        raise ValueError(f"{name} has {len(values)} values but the network has {n} {what}; "
                         f"give one value per layer or a single number")
    return tuple(values)
