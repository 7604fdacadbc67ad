"""Hidden-layer non-linearities.

Training writes each layer's activation H = f(Z) together with its *gate*, the
local derivative f'(Z): the backward pass then is one multiply, dZ = dA·gate, for
every activation, and dropout folds into the same gate (see ``workspace``).
"""

from __future__ import annotations

import numpy as np

LEAKY_SLOPE = 0.01
NAMES = ("relu", "tanh", "sigmoid", "leaky_relu")


def check_name(name: str) -> None:
    if name not in NAMES:
        raise ValueError(f"activation={name!r} is not known; allowed: {', '.join(NAMES)}")


def forward(name: str, Z: np.ndarray) -> np.ndarray:
    """f(Z) as a new array (evaluation mode)."""
    if name == "relu":
        return np.maximum(Z, 0.0)
    if name == "tanh":
        return np.tanh(Z)
    if name == "sigmoid":
        return sigmoid(Z)
    if name == "leaky_relu":
        return np.where(Z > 0, Z, LEAKY_SLOPE * Z)
    check_name(name)
    raise AssertionError("unreachable")


def forward_into(name: str, Z: np.ndarray, out: np.ndarray) -> None:
    """f(Z) into ``out`` (evaluation mode, no gate)."""
    if name == "relu":
        np.maximum(Z, 0.0, out=out)
    elif name == "tanh":
        np.tanh(Z, out=out)
    elif name == "sigmoid":
        _sigmoid_into(Z, out)
    elif name == "leaky_relu":
        # max(z, a·z) is z for z > 0 and a·z below, as the slope a is < 1
        np.multiply(Z, LEAKY_SLOPE, out=out)
        np.maximum(Z, out, out=out)
    else:
        check_name(name)


def forward_with_gate(name: str, Z: np.ndarray, out: np.ndarray, gate: np.ndarray) -> None:
    """f(Z) into ``out`` and f'(Z) into ``gate`` (all the same shape; ``gate`` is
    float64). ReLU's derivative at 0 is taken as 0."""
    if name == "relu":
        np.greater(Z, 0.0, out=gate)
        np.multiply(Z, gate, out=out)
    elif name == "tanh":
        np.tanh(Z, out=out)
        np.multiply(out, out, out=gate)
        np.subtract(1.0, gate, out=gate)
    elif name == "sigmoid":
        _sigmoid_into(Z, out)
        np.subtract(1.0, out, out=gate)
        gate *= out
    elif name == "leaky_relu":
        np.greater(Z, 0.0, out=gate)
        gate *= 1.0 - LEAKY_SLOPE
        gate += LEAKY_SLOPE
        np.multiply(Z, gate, out=out)
    else:
        check_name(name)


def sigmoid(Z: np.ndarray) -> np.ndarray:
    out = np.empty(np.shape(Z))
    _sigmoid_into(np.asarray(Z, dtype=np.float64), out)
    return out


def _sigmoid_into(Z: np.ndarray, out: np.ndarray) -> None:
    # exp(-Z) overflows to inf for very negative Z, which still gives exactly 0.
    with np.errstate(over="ignore"):
        np.negative(Z, out=out)
        np.exp(out, out=out)
        out += 1.0
        np.reciprocal(out, out=out)


def softmax(Z: np.ndarray, axis: int = -1) -> np.ndarray:
    E = np.exp(Z - Z.max(axis=axis, keepdims=True))
    E /= E.sum(axis=axis, keepdims=True)
    return E
