"""Penalties in both conventions, L1's exact zeros, and argument checking."""

import numpy as np
import pytest

from regviz.core import MLP, Regularization, Trainer, datasets


def small_problem(sizes=(2, 4, 3, 1), m=10, seed=3):
    rng = np.random.default_rng(seed)
    net = MLP(list(sizes), seed=seed)
    for b in net.biases:
        b[...] = rng.normal(0, 0.5, b.shape)
    X = rng.normal(size=(m, sizes[0]))
    y = rng.integers(0, 2 if sizes[-1] == 1 else sizes[-1], m)
    return net, X, y


# -- penalty values -----------------------------------------------------------------

def test_book_penalty_is_unscaled_per_layer_sum_over_weights_and_biases():
    net, X, y = small_problem()
    l2, l1, l2b, l1b = [0.1, 0.0, 0.3], [0.2, 0.05, 0.0], [0.0, 0.4, 0.1], [0.3, 0.0, 0.2]
    out = net.loss_and_gradients(X, y, Regularization(l2=l2, l1=l1, l2_bias=l2b, l1_bias=l1b))
    expected = sum(l2[i] * (W**2).sum() + l1[i] * np.abs(W).sum()
                   + l2b[i] * (b**2).sum() + l1b[i] * np.abs(b).sum()
                   for i, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)))
    assert out.penalty == pytest.approx(expected, rel=1e-13)
    assert out.total == pytest.approx(out.data_loss + expected, rel=1e-13)


def test_course_penalty_divides_every_term_by_2m():
    net, X, y = small_problem(m=10)
    reg = Regularization(l2=0.7, l1=0.2, l2_bias=0.3, l1_bias=0.1, divide_by_2m=True)
    out = net.loss_and_gradients(X, y, reg)
    raw = sum(0.7 * (W**2).sum() + 0.2 * np.abs(W).sum() + 0.3 * (b**2).sum()
              + 0.1 * np.abs(b).sum() for W, b in zip(net.weights, net.biases, strict=True))
    assert out.penalty == pytest.approx(raw / (2 * 10), rel=1e-13)
    # m is the batch's size: half the samples, twice the penalty
    half = net.loss_and_gradients(X[:5], y[:5], reg)
    assert half.penalty == pytest.approx(raw / (2 * 5), rel=1e-13)


def test_scalar_lambda_means_every_layer_and_penalty_helpers_agree():
    net, X, y = small_problem()
    scalar = Regularization(l2=0.2, l1_bias=0.1)
    listed = Regularization(l2=[0.2] * 3, l1_bias=[0.1] * 3)
    assert scalar.per_layer(3).l2 == listed.per_layer(3).l2 == (0.2, 0.2, 0.2)
    a = net.loss_and_gradients(X, y, scalar).penalty
    assert a == net.loss_and_gradients(X, y, listed).penalty
    assert a == pytest.approx(scalar.penalty(net.weights, net.biases, len(y)), rel=1e-14)


# -- penalty gradients ----------------------------------------------------------------

@pytest.mark.parametrize("divide_by_2m", [False, True])
def test_penalty_gradients_are_the_documented_formulas(divide_by_2m):
    net, X, y = small_problem(m=8)
    m = len(y)
    s = 1 / (2 * m) if divide_by_2m else 1.0
    plain = net.loss_and_gradients(X, y)
    lam = dict(l2=[0.5, 0.0, 0.2], l1=[0.0, 0.3, 0.1], l2_bias=[0.2, 0.1, 0.0],
               l1_bias=[0.4, 0.0, 0.3])
    out = net.loss_and_gradients(X, y, Regularization(**lam, divide_by_2m=divide_by_2m))
    for i, (W, b) in enumerate(zip(net.weights, net.biases, strict=True)):
        # course: λ/m·W and λ/(2m)·sign W; book: 2λW and λ·sign W
        expected_w = s * (2 * lam["l2"][i] * W + lam["l1"][i] * np.sign(W))
        expected_b = s * (2 * lam["l2_bias"][i] * b + lam["l1_bias"][i] * np.sign(b))
        np.testing.assert_allclose(out.grad_weights[i] - plain.grad_weights[i], expected_w,
                                   rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(out.grad_biases[i] - plain.grad_biases[i], expected_b,
                                   rtol=1e-10, atol=1e-14)


def test_nnfs_setup_regularizes_only_the_first_layer():
    """The book's chapter 14: L2 5e-4 on layer 1's weights and biases only."""
    net, X, y = small_problem(sizes=(2, 8, 3), m=12)
    reg = Regularization(l2=[5e-4, 0], l2_bias=[5e-4, 0])
    out = net.loss_and_gradients(X, y, reg)
    plain = net.loss_and_gradients(X, y)
    W1, b1 = net.weights[0], net.biases[0]
    assert out.penalty == pytest.approx(5e-4 * ((W1**2).sum() + (b1**2).sum()), rel=1e-13)
    np.testing.assert_array_equal(out.grad_weights[1], plain.grad_weights[1])
    np.testing.assert_array_equal(out.grad_biases[1], plain.grad_biases[1])
    assert not np.array_equal(out.grad_weights[0], plain.grad_weights[0])


# -- L1 in the trainer: proximal step, exact zeros, revival ---------------------------

@pytest.mark.parametrize("divide_by_2m", [False, True])
def test_one_sgd_step_with_l1_is_the_soft_threshold_of_the_smooth_step(divide_by_2m):
    net, X, y = small_problem(m=10)
    before = net.copy()
    reg = Regularization(l2=0.1, l1=0.05, l1_bias=0.02, divide_by_2m=divide_by_2m)
    lr = 0.5
    trainer = Trainer(net, X, y, X, y, reg, learning_rate=lr)
    trainer.step(1)
    smooth = Regularization(l2=0.1, divide_by_2m=divide_by_2m)
    out = before.loss_and_gradients(X, y, smooth)
    s = 1 / (2 * len(y)) if divide_by_2m else 1.0
    for l in range(net.n_layers):
        for theta, g, lam, after in ((before.weights[l], out.grad_weights[l], 0.05,
                                      net.weights[l]),
                                     (before.biases[l], out.grad_biases[l], 0.02,
                                      net.biases[l])):
            z = theta - lr * g
            expected = np.sign(z) * np.maximum(np.abs(z) - lr * s * lam, 0.0)
            np.testing.assert_allclose(after, expected, rtol=1e-12, atol=1e-15)


def test_a_weight_at_zero_leaves_it_when_its_gradient_beats_lambda():
    net, X, y = small_problem(m=10)
    trainer = Trainer(net, X, y, X, y, Regularization(l1=1e-6), learning_rate=0.5)
    net.weights[0][0, 0] = 0.0
    g = net.loss_and_gradients(X, y).grad_weights[0][0, 0]
    assert abs(g) > 1e-3  # the data gradient dwarfs λ₁
    trainer.step(1)
    assert net.weights[0][0, 0] != 0.0
    assert np.sign(net.weights[0][0, 0]) == -np.sign(g)


def test_l1_makes_exact_zeros_and_lowering_it_revives_some():
    X, y = datasets.make("field", n_samples=400, seed=0)
    Xtr, ytr, Xte, yte = datasets.split(X, y, 0.5, seed=0)
    net = MLP([2, 40, 20, 1], seed=1)
    trainer = Trainer(net, Xtr, ytr, Xte, yte, Regularization(l1=0.003), learning_rate=0.1,
                      seed=1)
    trainer.step(3000)
    zeros = net.weights[0] == 0.0
    assert zeros.mean() >= 0.30, zeros.mean()
    # the history sees it too (its last point is at most one stride old)
    assert trainer.history.last("zero_fraction")[0] >= 0.25
    assert trainer.history.last("train_penalty") > 0
    trainer.regularization = Regularization()
    trainer.step(2000)
    revived = zeros & (net.weights[0] != 0.0)
    assert revived.any()
    assert trainer.history.last("train_penalty") == 0.0


@pytest.mark.parametrize("optimizer, l1", [("momentum", 0.03), ("adam", 0.3)])
def test_l1_makes_exact_zeros_with_momentum_and_adam(optimizer, l1):
    """The same shrink after their own update. It is decoupled from Adam's
    per-weight step sizes, so Adam needs a larger λ₁ for the same sparsity."""
    X, y = datasets.make("field", n_samples=400, seed=0)
    net = MLP([2, 40, 20, 1], seed=1)
    trainer = Trainer(net, X, y, X, y, Regularization(l1=l1), optimizer=optimizer,
                      learning_rate=0.01, seed=1)
    trainer.step(1500)
    assert (net.weights[0] == 0.0).mean() >= 0.30
    assert trainer.history.last("train_accuracy") > 0.75  # still learning


def test_l2_alone_makes_no_exact_zeros():
    X, y = datasets.make("field", n_samples=200, seed=0)
    net = MLP([2, 20, 3, 1], seed=1)
    trainer = Trainer(net, X, y, X, y, Regularization(l2=0.7, divide_by_2m=True),
                      learning_rate=0.3, seed=1)
    trainer.step(1000)
    assert not any((W == 0).any() for W in net.weights)


# -- argument checking ----------------------------------------------------------------

@pytest.mark.parametrize("kwargs, pattern", [
    (dict(l2=-0.1), r"l2=-0\.1 is out of range: a λ must be a finite number ≥ 0"),
    (dict(l1=float("nan")), r"l1=nan is out of range"),
    (dict(l1_bias=float("inf")), r"l1_bias=inf is out of range"),
    (dict(l2_bias=[0.1, -1]), r"l2_bias\[1\]=-1\.0 is out of range"),
    (dict(keep_prob=0.0), r"keep_prob=0\.0 is out of range: allowed \(0, 1\]"),
    (dict(keep_prob=1.2), r"keep_prob=1\.2 is out of range: allowed \(0, 1\]"),
    (dict(keep_prob=[0.5, -0.5]), r"keep_prob\[1\]=-0\.5 is out of range"),
    (dict(l2="big"), r"l2='big' must be a number or a list of numbers"),
    (dict(l1=[0.1, None]), r"l1=\[0\.1, None\] must be a number"),
])
def test_bad_values_name_the_argument_and_range(kwargs, pattern):
    with pytest.raises(ValueError, match=pattern):
        Regularization(**kwargs)


def test_list_lengths_are_checked_against_the_network():
    net, X, y = small_problem()  # 3 weight layers, 2 hidden
    with pytest.raises(ValueError, match=r"l2 has 2 values but the network has 3 weight "
                                         r"layers; allowed: one value per layer \(3\)"):
        net.loss_and_gradients(X, y, Regularization(l2=[0.1, 0.2]))
    with pytest.raises(ValueError, match=r"keep_prob has 3 values but the network has 2 "
                                         r"hidden layers"):
        Trainer(net, X, y, X, y, Regularization(keep_prob=[0.5, 0.5, 0.5]))
    trainer = Trainer(net, X, y, X, y)
    with pytest.raises(ValueError, match="l1_bias has 1 values"):
        trainer.regularization = Regularization(l1_bias=[0.1])
    assert trainer.regularization == Regularization()  # the bad setting was not taken


def test_values_changed_after_construction_are_checked_when_used():
    reg = Regularization(l2=0.1)
    reg.l2 = -1.0
    net, X, y = small_problem()
    with pytest.raises(ValueError, match="l2=-1.0 is out of range"):
        net.loss_and_gradients(X, y, reg)
