"""The course notebook's own published test values, reproduced by our engine.

The course stores W as (n_out, n_in) and X as (features, samples); we transpose
into our row layout. Its legacy global RNG is used here only to rebuild its
parameters and masks exactly."""

import numpy as np

from regviz.core import MLP, Regularization


def course_case():
    np.random.seed(1)
    X = np.random.randn(3, 5)
    params = [(np.random.randn(2, 3), np.random.randn(2, 1)),
              (np.random.randn(3, 2), np.random.randn(3, 1)),
              (np.random.randn(1, 3), np.random.randn(1, 1))]
    net = MLP([3, 2, 3, 1])
    for (W, b), ours_w, ours_b in zip(params, net.weights, net.biases, strict=True):
        ours_w[...] = W.T
        ours_b[...] = b[:, 0]
    return net, X.T


def test_l2_backward_reproduces_published_dW():
    net, X = course_case()
    y = np.array([1, 1, 0, 1, 0])
    out = net.loss_and_gradients(X, y, Regularization(l2=0.7, divide_by_2m=True))
    dW1 = [[-0.25604646, 0.12298827, -0.28297129], [-0.17706303, 0.34536094, -0.4410571]]
    dW2 = [[0.79276486, 0.85133918], [-0.0957219, -0.01720463], [-0.13100772, -0.03750433]]
    dW3 = [[-1.77691347, -0.11832879, -0.09397446]]
    for ours, published in zip(out.grad_weights, (dW1, dW2, dW3), strict=True):
        np.testing.assert_allclose(ours.T, published, atol=1e-8)


def test_the_documents_defects_would_not_reproduce_them():
    """The notes' λ·(1/2·m) and W2-twice penalty give other numbers: the
    published values pin down λ/(2m)·Σ‖W‖² over all three layers."""
    net, X = course_case()
    y = np.array([1, 1, 0, 1, 0])
    m = 5
    right = net.loss_and_gradients(X, y, Regularization(l2=0.7, divide_by_2m=True))
    squares = [float((W**2).sum()) for W in net.weights]
    assert np.isclose(right.penalty, 0.7 / (2 * m) * sum(squares), rtol=1e-14)
    wrong = 0.7 * (1 / 2 * m) * (squares[0] + squares[1] + squares[1])
    assert not np.isclose(right.penalty, wrong)


def test_dropout_forward_reproduces_published_A3():
    net, X = course_case()
    np.random.seed(1)
    D1 = np.random.rand(2, 5) < 0.7
    D2 = np.random.rand(3, 5) < 0.7
    out = net.loss_and_gradients(X, np.zeros(5, dtype=int), Regularization(keep_prob=0.7),
                                 masks=[D1.T, D2.T])
    np.testing.assert_allclose(out.probs,
                               [0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721],
                               atol=1e-8)
