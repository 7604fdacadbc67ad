"""What is added to the data loss, decoupled weight decay, and how dropout thins
the hidden layers.

Two conventions, both from the source documents:

* the book's (``divide_by_2m=False``, nnfs): per layer λ₂·Σw² + λ₁·Σ|w| on the
  weights and the same on the biases with their own λ; gradients 2λ₂w and λ₁·sign(w);
* the course's (``divide_by_2m=True``, deeplearning.ai): every term divided by 2m,
  m the number of training points, so L2 is λ/(2m)·Σ‖W‖² with gradient λ/m·W
  and L1 is λ/(2m)·Σ|W| with gradient λ/(2m)·sign(W). The trainer takes m = N, the
  whole training set, also when it steps on mini-batches (the objective the course
  states), so the same λ means the same at every batch size.

Decoupled weight decay (``weight_decay``, ``weight_decay_bias``) is not a penalty:
it adds nothing to the loss or its gradient. The trainer shrinks the parameters
directly, θ ← θ − lr·wd·θ (see :mod:`regviz.core.trainer`), outside the
optimizer's moments — AdamW's decay (Loshchilov & Hutter, arXiv:1711.05101). Under
plain SGD it is the same as L2 with wd = 2λ (book scale); under Adam it is not.

(The course notes' code writes ``lambd * (1 / 2 * m)``, which multiplies by m/2, and
squares W2 twice and W3 never; the formula they state, used here, is λ/(2m)·Σ over
every layer.)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

Lambda = float | Sequence[float]
PENALTY_NAMES = ("l2", "l1", "l2_bias", "l1_bias")
DECAY_NAMES = ("weight_decay", "weight_decay_bias")


@dataclass
class Regularization:
    """Penalty strengths, decoupled weight decay and dropout's keep probability.

    Each λ (``l2``, ``l1``, ``l2_bias``, ``l1_bias``) and each decay rate
    (``weight_decay``, ``weight_decay_bias``) is one number for every weight layer or
    a list with one value per weight layer (the book regularizes layer by layer);
    ``keep_prob`` is one number for every hidden layer or one per hidden layer
    (1 = no dropout). ``divide_by_2m`` picks the course's scaling of the penalty;
    it does not touch the weight decay, which is not part of the loss.

    Bad values raise ValueError naming the argument and its allowed range, here for
    the values and in :meth:`per_layer` for list lengths (which depend on the net).
    """

    l2: Lambda = 0.0
    l1: Lambda = 0.0
    l2_bias: Lambda = 0.0
    l1_bias: Lambda = 0.0
    keep_prob: Lambda = 1.0
    divide_by_2m: bool = False
    weight_decay: Lambda = 0.0
    weight_decay_bias: Lambda = 0.0

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """ValueError if any value is out of range (the fields are plain attributes,
        so this runs again whenever the settings are resolved for a network)."""
        for name in PENALTY_NAMES:
            for where, v in _values(getattr(self, name), name):
                if not (math.isfinite(v) and v >= 0):
                    raise ValueError(f"{name}{where}={v!r} is out of range: a λ must be a "
                                     "finite number ≥ 0")
        for name in DECAY_NAMES:
            for where, v in _values(getattr(self, name), name):
                if not (math.isfinite(v) and v >= 0):
                    raise ValueError(f"{name}{where}={v!r} is out of range: a decay rate "
                                     "must be a finite number ≥ 0")
        for where, v in _values(self.keep_prob, "keep_prob"):
            if not (0.0 < v <= 1.0):
                raise ValueError(f"keep_prob{where}={v!r} is out of range: allowed (0, 1]")

    def per_layer(self, n_layers: int) -> ResolvedRegularization:
        """Every setting expanded to one value per layer for a network with
        ``n_layers`` weight layers (ValueError on out-of-range values or lists of
        the wrong length)."""
        self.validate()
        return ResolvedRegularization(
            l2=_expand(self.l2, n_layers, "l2", "weight layers"),
            l1=_expand(self.l1, n_layers, "l1", "weight layers"),
            l2_bias=_expand(self.l2_bias, n_layers, "l2_bias", "weight layers"),
            l1_bias=_expand(self.l1_bias, n_layers, "l1_bias", "weight layers"),
            keep_prob=_expand(self.keep_prob, n_layers - 1, "keep_prob", "hidden layers"),
            divide_by_2m=bool(self.divide_by_2m),
            weight_decay=_expand(self.weight_decay, n_layers, "weight_decay", "weight layers"),
            weight_decay_bias=_expand(self.weight_decay_bias, n_layers, "weight_decay_bias",
                                      "weight layers"),
        )

    def penalty(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray],
                m: int) -> float:
        """The penalty of these parameters with ``m`` training points (÷2m form)."""
        return self.per_layer(len(weights)).penalty(weights, biases, m)


@dataclass(frozen=True)
class ResolvedRegularization:
    """A :class:`Regularization` resolved for one network: one value per layer."""

    l2: tuple[float, ...]
    l1: tuple[float, ...]
    l2_bias: tuple[float, ...]
    l1_bias: tuple[float, ...]
    keep_prob: tuple[float, ...]
    divide_by_2m: bool
    weight_decay: tuple[float, ...]
    weight_decay_bias: tuple[float, ...]

    def scale(self, m: int) -> float:
        """The factor in front of every penalty term with ``m`` training points."""
        return 1.0 / (2.0 * m) if self.divide_by_2m else 1.0

    @property
    def has_l1(self) -> bool:
        return any(self.l1) or any(self.l1_bias)

    @property
    def has_weight_decay(self) -> bool:
        return any(self.weight_decay) or any(self.weight_decay_bias)

    @property
    def has_dropout(self) -> bool:
        return any(kp < 1.0 for kp in self.keep_prob)

    def penalty(self, weights: Sequence[np.ndarray], biases: Sequence[np.ndarray],
                m: int) -> float:
        """λ-weighted Σw², Σ|w| (and the same for biases) times :meth:`scale`."""
        sums = [(float(np.vdot(W, W)), float(np.abs(W).sum()),
                 float(np.vdot(b, b)), float(np.abs(b).sum()))
                for W, b in zip(weights, biases, strict=True)]
        return self.penalty_from_sums(sums, m)

    def penalty_from_sums(self, sums: Sequence[tuple[float, float, float, float]],
                          m: int) -> float:
        """The penalty from per-layer (Σw², Σ|w|, Σb², Σ|b|), so a caller that has
        the sums already (the trainer's history) does not compute them twice."""
        total = 0.0
        for l, (w_sq, w_abs, b_sq, b_abs) in enumerate(sums):
            total += (self.l2[l] * w_sq + self.l1[l] * w_abs
                      + self.l2_bias[l] * b_sq + self.l1_bias[l] * b_abs)
        return self.scale(m) * total

    def add_gradient(self, weights, biases, grad_weights, grad_biases, m: int,
                     include_l1: bool = True) -> None:
        """Add the penalty's gradient to the data-loss gradients in place
        (L1 as λ₁·sign(w), its subgradient with 0 at 0)."""
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


def _values(value: Lambda, name: str) -> list[tuple[str, float]]:
    """(position text, value) pairs: ``[("", v)]`` for a scalar, ``[("[i]", v)...]``
    for a list, so messages can point at the offending element."""
    bad = ValueError(f"{name}={value!r} must be a number or a list of numbers")
    if isinstance(value, str):
        raise bad
    if np.isscalar(value) or (isinstance(value, np.ndarray) and value.ndim == 0):
        try:
            return [("", float(value))]
        except (TypeError, ValueError):
            raise bad from None
    try:
        return [(f"[{i}]", float(v)) for i, v in enumerate(value)]
    except (TypeError, ValueError):
        raise bad from None


def _expand(value: Lambda, n: int, name: str, what: str) -> tuple[float, ...]:
    values = [v for _, v in _values(value, name)]
    if np.isscalar(value) or (isinstance(value, np.ndarray) and value.ndim == 0):
        return tuple(values * n)
    if len(values) != n:
        raise ValueError(f"{name} has {len(values)} values but the network has {n} {what}; "
                         f"allowed: one value per layer ({n}) or a single number")
    return tuple(values)
