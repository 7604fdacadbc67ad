"""Finite-difference checks of every gradient the engine computes."""

import itertools

import numpy as np
import pytest

from regviz.core import MLP, Regularization

EPS = 1e-6


def numeric_gradient(net, X, y, reg, masks):
    """Central differences of the total loss, parameter by parameter."""
    grads = np.zeros_like(net.params)
    for i in range(net.params.size):
        old = net.params[i]
        net.params[i] = old + EPS
        up = net.loss_and_gradients(X, y, reg, masks=masks).total
        net.params[i] = old - EPS
        down = net.loss_and_gradients(X, y, reg, masks=masks).total
        net.params[i] = old
        grads[i] = (up - down) / (2 * EPS)
    return grads


def flat(arrays_w, arrays_b):
    return np.concatenate([np.concatenate([w.ravel(), b.ravel()])
                           for w, b in zip(arrays_w, arrays_b, strict=True)])


def problem(sizes, activation, seed=0, m=7):
    rng = np.random.default_rng(seed)
    net = MLP(sizes, activation=activation, init="course", seed=seed)
    for b in net.biases:  # non-zero biases so bias penalties are exercised
        b[...] = rng.normal(0, 0.3, b.shape)
    X = rng.normal(size=(m, sizes[0]))
    k = 2 if sizes[-1] == 1 else sizes[-1]
    y = rng.integers(0, k, m)
    return net, X, y


def away_from_kinks(net, X):
    """ReLU-type units and |w| are not differentiable at 0: skip draws near it."""
    A = X
    for W, b in zip(net.weights[:-1], net.biases[:-1], strict=True):
        Z = A @ W + b
        if np.min(np.abs(Z)) < 1e-3:
            return False
        A = np.maximum(Z, 0)
    return all(np.min(np.abs(p)) > 1e-3 for p in net.weights + net.biases)


REGULARIZERS = {
    "none": dict(),
    "l2": dict(l2=0.3),
    "l1": dict(l1=0.2),
    "l2_bias": dict(l2_bias=0.4),
    "l1_bias": dict(l1_bias=0.25),
    "all": dict(l2=0.3, l1=0.2, l2_bias=0.1, l1_bias=0.05),
    "per_layer": dict(l2=[0.5, 0.0, 0.2], l1=[0.0, 0.1, 0.0], l2_bias=[0.3, 0.0, 0.0]),
}


@pytest.mark.parametrize(
    "reg_name, divide_by_2m, activation, sizes, dropout",
    [
        (r, d, a, s, dr)
        for r, d, a, s, dr in itertools.product(
            REGULARIZERS, [False, True], ["relu", "tanh", "sigmoid", "leaky_relu"],
            [(3, 5, 4, 1), (2, 6, 4, 3)], [False, True])
        # the full product for one activation, every activation on the "all" case
        if a == "tanh" or r in ("all", "per_layer")
    ],
)
def test_gradients_match_finite_differences(reg_name, divide_by_2m, activation, sizes, dropout):
    for seed in range(20):
        net, X, y = problem(sizes, activation, seed)
        if away_from_kinks(net, X):
            break
    reg = Regularization(**REGULARIZERS[reg_name], divide_by_2m=divide_by_2m,
                         keep_prob=0.6 if dropout else 1.0)
    masks = None
    if dropout:
        mrng = np.random.default_rng(seed + 100)
        masks = [mrng.random((len(y), n)) < 0.6 for n in sizes[1:-1]]
    out = net.loss_and_gradients(X, y, reg, masks=masks)
    if dropout:
        assert all(np.array_equal(a, b) for a, b in zip(out.masks, masks, strict=True))
    analytic = flat(out.grad_weights, out.grad_biases)
    numeric = numeric_gradient(net, X, y, reg, masks)
    # Central differences of a float64 loss carry ~1e-10 absolute noise (a
    # dropped unit's weights have an exact 0 gradient), hence the small atol;
    # gradients themselves are 1e-3..1, so rtol 1e-5 is the real test.
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_a_wrong_gradient_is_caught():
    """The check above can fail: perturb the analytic gradient and it must."""
    net, X, y = problem((3, 5, 4, 1), "tanh", 1)
    reg = Regularization(l2=0.3)
    out = net.loss_and_gradients(X, y, reg)
    analytic = flat(out.grad_weights, out.grad_biases)
    analytic[3] *= 1.001
    numeric = numeric_gradient(net, X, y, reg, None)
    with pytest.raises(AssertionError):
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_penalty_formulas_both_conventions():
    net, X, y = problem((2, 4, 1), "relu", 3, m=10)
    W1, W2 = net.weights
    b1, b2 = net.biases
    book = net.loss_and_gradients(X, y, Regularization(l2=0.1, l1=0.2, l2_bias=0.3,
                                                       l1_bias=0.4))
    expected = sum(0.1 * (W**2).sum() + 0.2 * np.abs(W).sum() for W in (W1, W2)) + sum(
        0.3 * (b**2).sum() + 0.4 * np.abs(b).sum() for b in (b1, b2))
    assert book.penalty == pytest.approx(expected, rel=1e-12)
    course = net.loss_and_gradients(X, y, Regularization(l2=0.7, divide_by_2m=True))
    assert course.penalty == pytest.approx(0.7 / (2 * 10) * ((W1**2).sum() + (W2**2).sum()))
    assert course.total == pytest.approx(course.data_loss + course.penalty)
    plain = net.loss_and_gradients(X, y)
    np.testing.assert_allclose(course.grad_weights[1] - plain.grad_weights[1], 0.7 / 10 * W2)
