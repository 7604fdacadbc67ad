"""Hidden-layer non-linearities: the forward map and the chain-rule step back.

Derivatives are written in terms of the pre-activation ``Z`` and the activation
``H`` (before dropout), whichever is cheaper, so no extra arrays are kept."""

from __future__ import annotations

import numpy as np

LEAKY_SLOPE = 0.01
NAMES = ("relu", "tanh", "sigmoid", "leaky_relu")


def forward(name: str, Z: np.ndarray) -> np.ndarray:
    if name == "relu":
        return np.maximum(Z, 0.0)
    if name == "tanh":
        return np.tanh(Z)
    if name == "sigmoid":
        return sigmoid(Z)
    if name == "leaky_relu":
        return np.where(Z > 0, Z, LEAKY_SLOPE * Z)
    raise ValueError(f"activation={name!r} is not known; allowed: {', '.join(NAMES)}")


def backward(name: str, dH: np.ndarray, Z: np.ndarray, H: np.ndarray) -> np.ndarray:
    """dL/dZ from dL/dH; may overwrite ``dH``."""
    if name == "relu":
        dH *= Z > 0
        return dH
    if name == "tanh":
        return np.multiply(dH, 1.0 - H * H, out=dH)
    if name == "sigmoid":
        return np.multiply(dH, H * (1.0 - H), out=dH)
    if name == "leaky_relu":
        return np.multiply(dH, np.where(Z > 0, 1.0, LEAKY_SLOPE), out=dH)
    raise ValueError(f"activation={name!r} is not known; allowed: {', '.join(NAMES)}")


def sigmoid(Z: np.ndarray) -> np.ndarray:
    # exp(-Z) overflows to inf for very negative Z, which still gives exactly 0.
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-Z))


def softmax(Z: np.ndarray) -> np.ndarray:
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    E /= E.sum(axis=1, keepdims=True)
    return E
