"""One SGD training step written out in plain numpy, as the source documents write
it: the oracle the mini-batch, dropout and live-change tests check the engine
against. Row layout (X is samples × features), ReLU hidden layers, a sigmoid output
with binary cross-entropy or softmax with categorical cross-entropy. Nothing here
imports regviz: a bug in the engine cannot leak into its own oracle."""

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Penalty:
    """Per weight layer: λ₂ and λ₁ on the weights and on the biases, and the
    factor in front of the whole penalty (1/(2N) in the course's form, 1 in the
    book's)."""

    l2: tuple
    l1: tuple
    l2_bias: tuple
    l1_bias: tuple
    scale: float


def course_penalty(l2, l1, n_layers, n_train):
    """The course: λ/(2m)·Σ‖W‖² (and λ/(2m)·Σ|W|) over every layer's weights, no
    biases, m = N the training set's size whatever the batch (README, 'The penalty
    with mini-batches')."""
    zero = (0.0,) * n_layers
    return Penalty((l2,) * n_layers, (l1,) * n_layers, zero, zero, 1.0 / (2.0 * n_train))


def book_penalty(l2, l1, layers, n_layers):
    """The book: λ·Σw² and λ·Σ|w| on the weights AND biases of the chosen layers
    (1 = first), unscaled."""
    l2s = tuple(l2 if l + 1 in layers else 0.0 for l in range(n_layers))
    l1s = tuple(l1 if l + 1 in layers else 0.0 for l in range(n_layers))
    return Penalty(l2s, l1s, l2s, l1s, 1.0)


def sgd_step(weights, biases, X, y, lr, penalty, keep_prob=1.0, masks=None):
    """(new weights, new biases, mean data loss of the batch) after one step on
    (X, y). ``masks``: one bool (m, units) array per hidden layer, the units kept
    (inverted dropout, ×1/keep_prob); None for no dropout.

    L2 enters the gradient; L1 is the engine's stated proximal step after the
    update, θ ← sign(θ)·max(|θ| − lr·s·λ₁, 0), which equals the subgradient step
    λ₁·sign(θ) wherever a weight does not reach 0."""
    m = len(y)
    n_layers = len(weights)
    inputs, pre, gates = [], [], []
    A = X
    for l in range(n_layers - 1):
        inputs.append(A)
        Z = A @ weights[l] + biases[l]
        pre.append(Z)
        gate = (Z > 0).astype(float)
        if masks is not None:
            gate = gate * masks[l] / keep_prob
        gates.append(gate)
        A = Z * gate  # relu(Z)·D/keep_prob
    inputs.append(A)
    Z = A @ weights[-1] + biases[-1]
    if weights[-1].shape[1] == 1:
        z = Z[:, 0]
        p = 1.0 / (1.0 + np.exp(-z))
        loss = float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))
        dZ = ((p - y) / m)[:, None]
    else:
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        loss = float(np.mean(-np.log(P[np.arange(m), y])))
        onehot = np.eye(Z.shape[1])[y]
        dZ = (P - onehot) / m
    grad_w, grad_b = [None] * n_layers, [None] * n_layers
    for l in range(n_layers - 1, -1, -1):
        grad_w[l] = inputs[l].T @ dZ
        grad_b[l] = dZ.sum(axis=0)
        if l:
            dZ = (dZ @ weights[l].T) * gates[l - 1]
    s = penalty.scale
    new_w, new_b = [], []
    for l in range(n_layers):
        W = weights[l] - lr * (grad_w[l] + 2 * s * penalty.l2[l] * weights[l])
        b = biases[l] - lr * (grad_b[l] + 2 * s * penalty.l2_bias[l] * biases[l])
        W = np.sign(W) * np.maximum(np.abs(W) - lr * s * penalty.l1[l], 0.0)
        b = np.sign(b) * np.maximum(np.abs(b) - lr * s * penalty.l1_bias[l], 0.0)
        new_w.append(W)
        new_b.append(b)
    return new_w, new_b, loss


def batch_order(seed, n_train, steps, batch_size):
    """The rows of each of ``steps`` mini-batches without dropout: epoch by epoch
    a fresh permutation from ``np.random.default_rng(seed)`` (the seed field's
    help: it seeds 'the mini-batch order'), cut into batches, the last one of an
    epoch short when N is not a multiple of the batch size."""
    rng = np.random.default_rng(seed)
    batches, order, cursor = [], None, n_train
    for _ in range(steps):
        if cursor >= n_train:
            order, cursor = rng.permutation(n_train), 0
        batches.append(order[cursor:cursor + batch_size])
        cursor += batch_size
    return batches


def assert_same_parameters(weights, biases, ref_weights, ref_biases, what=""):
    """Equal to rounding: the engine folds lr and 1/m into other products."""
    for l, (W, W_ref) in enumerate(zip(weights, ref_weights, strict=True)):
        np.testing.assert_allclose(W, W_ref, rtol=1e-11, atol=1e-14,
                                   err_msg=f"{what} weights of layer {l + 1}")
    for l, (b, b_ref) in enumerate(zip(biases, ref_biases, strict=True)):
        np.testing.assert_allclose(b, b_ref, rtol=1e-11, atol=1e-14,
                                   err_msg=f"{what} biases of layer {l + 1}")
