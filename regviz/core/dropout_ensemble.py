"""Dropout seen as an ensemble: each dropout mask picks a *thinned network* (the
units it keeps), and training with dropout trains all of them at once with shared
weights. Evaluating without dropout approximates their average; how much they
disagree at a point (Monte-Carlo dropout) is a measure of uncertainty there.

A thinned network keeps the same units for every input, and scales its kept
units by 1/keep_prob, as training's inverted dropout does.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import activations
from .mlp import MLP
from .regularization import Regularization


def sample_unit_masks(net: MLP, keep_prob: float | Sequence[float], k: int,
                      rng: np.random.Generator) -> list[np.ndarray | None]:
    """One bool (k, units) array per hidden layer: row i is the units thinned
    network i keeps (each kept with probability keep_prob); None for a hidden
    layer whose keep_prob is 1."""
    if k < 1:
        raise ValueError(f"k={k} is out of range: allowed a whole number ≥ 1")
    kept = Regularization(keep_prob=keep_prob).per_layer(net.n_layers).keep_prob
    return [None if kp >= 1.0 else rng.random((k, units)) < kp
            for kp, units in zip(kept, net.sizes[1:-1], strict=True)]


def predict_proba_with_masks(net: MLP, X: np.ndarray, keep_prob: float | Sequence[float],
                             masks: Sequence[np.ndarray | None]) -> np.ndarray:
    """The outputs of the thinned networks ``masks`` picks (see
    :func:`sample_unit_masks`) on ``X``: (k, m) p(class 1) for a binary net,
    (k, m, classes) otherwise. Kept units are scaled by 1/keep_prob (inverted
    dropout), so with every unit kept this is ``net.predict_proba``."""
    X = np.asarray(X, dtype=np.float64)
    kept = Regularization(keep_prob=keep_prob).per_layer(net.n_layers).keep_prob
    k = next((len(D) for D in masks if D is not None), 1)
    A = np.broadcast_to(X, (k, *X.shape))
    for l, (W, b) in enumerate(zip(net.weights[:-1], net.biases[:-1], strict=True)):
        A = activations.forward(net.activation, A @ W + b)
        D = masks[l]
        if D is not None:
            A = A * (D[:, None, :] / kept[l])
    Z = A @ net.weights[-1] + net.biases[-1]
    if net.binary:
        return activations.sigmoid(Z[..., 0])
    return activations.softmax(Z, axis=-1)


def thinned_probabilities(net: MLP, X: np.ndarray, keep_prob: float | Sequence[float],
                          k: int, rng: np.random.Generator) -> np.ndarray:
    """The outputs of ``k`` randomly thinned networks on ``X`` (see
    :func:`predict_proba_with_masks`)."""
    return predict_proba_with_masks(net, X, keep_prob, sample_unit_masks(net, keep_prob, k, rng))


def prediction_spread(probs: np.ndarray, binary: bool) -> np.ndarray:
    """Monte-Carlo dropout uncertainty: the standard deviation over the thinned
    networks (axis 0) of p(class 1) when ``binary``, else (classes on the last
    axis) the largest per-class standard deviation. 0 where they all agree."""
    spread = probs.std(axis=0)
    return spread if binary else spread.max(axis=-1)
