"""The course notebook's own published test values, reproduced by the engine.

The course stores W as (n_out, n_in) and X as (features, samples); we transpose
into our row layout. Its parameters and dropout masks come from numpy's legacy
Mersenne Twister seeded with 1: ``np.random.RandomState(1)`` draws exactly what
the notebook's ``np.random.seed(1); np.random.randn(...)`` draws, without
touching the global generator.
"""

import numpy as np
import pytest

from regviz.core import MLP, Regularization

Y = np.array([1, 1, 0, 1, 0])
PUBLISHED_DW = (
    [[-0.25604646, 0.12298827, -0.28297129], [-0.17706303, 0.34536094, -0.4410571]],
    [[0.79276486, 0.85133918], [-0.0957219, -0.01720463], [-0.13100772, -0.03750433]],
    [[-1.77691347, -0.11832879, -0.09397446]],
)
PUBLISHED_A3 = [0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721]
# The published values are rounded to 8 decimals.
ROUNDING = 5e-9


def course_case():
    """The notebook's test case: X (3, 5) and a 3-2-3-1 network's parameters."""
    legacy = np.random.RandomState(1)
    X = legacy.randn(3, 5)
    params = [(legacy.randn(2, 3), legacy.randn(2, 1)),
              (legacy.randn(3, 2), legacy.randn(3, 1)),
              (legacy.randn(1, 3), legacy.randn(1, 1))]
    net = MLP([3, 2, 3, 1])
    for (W, b), ours_w, ours_b in zip(params, net.weights, net.biases, strict=True):
        ours_w[...] = W.T
        ours_b[...] = b[:, 0]
    return net, X.T


def test_l2_backward_reproduces_published_dW():
    net, X = course_case()
    out = net.loss_and_gradients(X, Y, Regularization(l2=0.7, divide_by_2m=True))
    for ours, published in zip(out.grad_weights, PUBLISHED_DW, strict=True):
        np.testing.assert_allclose(ours.T, published, rtol=0, atol=ROUNDING)


def test_the_published_dW_pin_down_the_l2_gradient():
    """Without L2 the values are not reproduced; the L2 part is exactly λ/m·W; and
    the book's scaling with λ' = λ/(2m) (gradient 2λ'W) is the same update."""
    net, X = course_case()
    m = len(Y)
    plain = net.loss_and_gradients(X, Y)
    assert not np.allclose(plain.grad_weights[2].T, PUBLISHED_DW[2], atol=1e-3)
    course = net.loss_and_gradients(X, Y, Regularization(l2=0.7, divide_by_2m=True))
    for g, g0, W in zip(course.grad_weights, plain.grad_weights, net.weights, strict=True):
        np.testing.assert_allclose(g - g0, 0.7 / m * W, rtol=1e-12, atol=1e-15)
    book = net.loss_and_gradients(X, Y, Regularization(l2=0.7 / (2 * m)))
    for ours, published in zip(book.grad_weights, PUBLISHED_DW, strict=True):
        np.testing.assert_allclose(ours.T, published, rtol=0, atol=ROUNDING)
    assert book.penalty == pytest.approx(course.penalty, rel=1e-14)


def test_the_notes_defective_cost_would_differ():
    """The notes' ``lambd * (1 / 2 * m)`` and W2-twice sum give another penalty;
    ours is λ/(2m)·Σ over all three layers."""
    net, X = course_case()
    m = len(Y)
    ours = net.loss_and_gradients(X, Y, Regularization(l2=0.7, divide_by_2m=True))
    squares = [float((W**2).sum()) for W in net.weights]
    assert ours.penalty == pytest.approx(0.7 / (2 * m) * sum(squares), rel=1e-14)
    defective = 0.7 * (1 / 2 * m) * (squares[0] + squares[1] + squares[1])
    assert not np.isclose(ours.penalty, defective)


def course_masks():
    """D1 = rand(2,5) < 0.7, D2 = rand(3,5) < 0.7 after seed 1, in that order,
    transposed to our (samples, units)."""
    legacy = np.random.RandomState(1)
    D1 = legacy.rand(2, 5) < 0.7
    D2 = legacy.rand(3, 5) < 0.7
    return [D1.T, D2.T]


def test_dropout_forward_reproduces_published_A3():
    net, X = course_case()
    masks = course_masks()
    out = net.loss_and_gradients(X, Y, Regularization(keep_prob=0.7), masks=masks)
    np.testing.assert_allclose(out.probs, PUBLISHED_A3, rtol=0, atol=ROUNDING)
    assert all(np.array_equal(a, b) for a, b in zip(out.masks, masks, strict=True))


def test_other_masks_would_not_reproduce_A3():
    """The A3 check really depends on the masks (and on the 1/keep_prob scaling)."""
    net, X = course_case()
    masks = course_masks()
    for reg, used in ((Regularization(keep_prob=0.7), [~masks[0], masks[1]]),
                      (Regularization(keep_prob=0.8), masks)):
        out = net.loss_and_gradients(X, Y, reg, masks=used)
        assert not np.allclose(out.probs, PUBLISHED_A3, atol=1e-4)
