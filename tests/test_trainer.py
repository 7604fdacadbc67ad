"""Training: determinism, live changes, L1 zeros, divergence, bounded history."""

import numpy as np
import pytest

from regviz.core import MLP, History, Regularization, Trainer, TrainingDiverged, datasets


def field_trainer(reg=None, seed=1, sizes=(2, 20, 3, 1), **kw):
    X, y = datasets.make("field", n_samples=400, seed=0)
    Xtr, ytr, Xte, yte = datasets.split(X, y, 0.5, seed=0)
    net = MLP(list(sizes), init="course", seed=seed)
    kw.setdefault("learning_rate", 0.3)
    return Trainer(net, Xtr, ytr, Xte, yte, reg or Regularization(), seed=seed, **kw)


@pytest.mark.parametrize("optimizer, batch", [("sgd", None), ("adam", 32), ("momentum", 50)])
def test_same_seed_gives_bit_identical_history(optimizer, batch):
    runs = []
    for _ in range(2):
        t = field_trainer(Regularization(l2=0.3, l1=0.01, keep_prob=0.8), optimizer=optimizer,
                          batch_size=batch, learning_rate=0.05)
        t.step(700)
        runs.append((t.history.as_dict(), t.net.params.copy()))
    (h1, p1), (h2, p2) = runs
    assert h1.keys() == h2.keys()
    for k in h1:
        assert np.array_equal(h1[k], h2[k], equal_nan=True), k
    assert np.array_equal(p1, p2)
    other = field_trainer(Regularization(l2=0.3, keep_prob=0.8), seed=2, optimizer=optimizer,
                          batch_size=batch, learning_rate=0.05)
    other.step(700)
    assert not np.array_equal(other.net.params, p1)


def test_live_lambda_change_applies_next_step_without_reset():
    t = field_trainer()
    t.step(2000)
    norm_before = t.history.last("weight_norm").sum()
    step_before = t.step_count
    t.regularization = Regularization(l2=50.0, divide_by_2m=True)
    t.step(1)
    assert t.step_count == step_before + 1  # no reset
    t.step(1999)
    assert t.history.last("weight_norm").sum() < 0.7 * norm_before
    assert t.history.last("train_penalty") > 0


def test_live_learning_rate_and_keep_prob():
    t = field_trainer()
    t.step(10)
    assert t.last.masks == [None, None]
    t.regularization = Regularization(keep_prob=0.5)
    t.step(1)
    masks = t.last.masks
    assert masks[0].shape == (len(t.y_train), 20) and 0.3 < masks[0].mean() < 0.7
    before = t.net.params.copy()
    t.learning_rate = 1e-9
    t.step(1)
    assert np.abs(t.net.params - before).max() < 1e-6


def test_l1_makes_exact_zeros_and_lowering_it_revives_some():
    t = field_trainer(Regularization(l1=0.003), sizes=(2, 40, 20, 1), learning_rate=0.1)
    t.step(3000)
    zeros = t.net.weights[0] == 0.0
    assert zeros.mean() >= 0.30, zeros.mean()
    assert t.history.last("zero_fraction")[0] >= 0.30
    t.regularization = Regularization()
    t.step(2000)
    revived = zeros & (t.net.weights[0] != 0.0)
    assert revived.any()


def test_l2_alone_makes_no_exact_zeros():
    t = field_trainer(Regularization(l2=0.5, divide_by_2m=True))
    t.step(1000)
    assert not any((W == 0).any() for W in t.net.weights)


def test_divergence_raises_and_keeps_last_finite_params():
    t = field_trainer(learning_rate=80.0)
    with pytest.raises(TrainingDiverged) as info:
        t.step(5000)
    assert np.all(np.isfinite(t.net.params))
    assert info.value.step == t.step_count < 5000
    assert "diverged" in str(info.value)


def test_history_memory_stays_bounded():
    t = field_trainer(record_every=1, history_capacity=1000)
    t.step(20_000)
    assert len(t.history) <= 1000
    steps = t.history.step
    assert steps[0] == 0 and steps[-1] >= 19_000 - 32
    assert np.all(np.diff(steps) > 0)


def test_history_decimation_keeps_every_other_point():
    h = History(n_layers=1, capacity=8, stride=1)
    for s in range(8):
        h.append(step=s, weight_norm=[s])
    h.append(step=8, weight_norm=[8])
    assert list(h.step) == [0, 2, 4, 6, 8] and h.stride == 2


@pytest.mark.parametrize("kwargs, name", [
    (dict(l2=-0.1), "l2"), (dict(l1=float("nan")), "l1"), (dict(keep_prob=0.0), "keep_prob"),
    (dict(keep_prob=1.2), "keep_prob"), (dict(l2_bias=[0.1, -1]), "l2_bias"),
])
def test_bad_regularization_names_the_argument(kwargs, name):
    with pytest.raises(ValueError, match=name):
        Regularization(**kwargs)


def test_bad_shapes_and_labels():
    with pytest.raises(ValueError, match="at least 2 sizes"):
        MLP([2])
    with pytest.raises(ValueError, match="sizes"):
        MLP([2, 0, 1])
    with pytest.raises(ValueError, match="activation"):
        MLP([2, 1], activation="swish")
    net = MLP([2, 3, 1])
    with pytest.raises(ValueError, match="l2 has 3 values"):
        net.loss_and_gradients(np.zeros((4, 2)), np.zeros(4, int), Regularization(l2=[1, 2, 3]))
    with pytest.raises(ValueError, match="labels must be in"):
        net.loss_and_gradients(np.zeros((4, 2)), np.array([0, 1, 2, 0]))
    with pytest.raises(ValueError, match="keep_prob has 3 values"):
        Trainer(net, np.zeros((4, 2)), np.zeros(4, int), np.zeros((2, 2)), np.zeros(2, int),
                Regularization(keep_prob=[0.5, 0.5, 0.5]))
    with pytest.raises(ValueError, match="learning_rate"):
        Trainer(net, np.zeros((4, 2)), np.zeros(4, int), np.zeros((2, 2)), np.zeros(2, int),
                learning_rate=0)
    with pytest.raises(ValueError, match="optimizer"):
        Trainer(net, np.zeros((4, 2)), np.zeros(4, int), np.zeros((2, 2)), np.zeros(2, int),
                optimizer="rmsprop")


def test_nnfs_setup_per_layer_l2_on_weights_and_biases():
    """The book's chapter 14 setup trains (shortened: 2000 of its 10,001 epochs)."""
    X, y = datasets.make("spiral", n_samples=300, classes=3, seed=0)
    Xv, yv = datasets.make("spiral", n_samples=300, classes=3, seed=1)
    net = MLP([2, 64, 3], init="nnfs", seed=0)
    reg = Regularization(l2=[5e-4, 0], l2_bias=[5e-4, 0])
    t = Trainer(net, X, y, Xv, yv, reg, optimizer="adam", learning_rate=0.02, lr_decay=5e-7,
                seed=0)
    t.step(2000)
    assert t.history.last("train_accuracy") > 0.8
    assert t.history.last("train_penalty") > 0
    expected = 5e-4 * ((net.weights[0] ** 2).sum() + (net.biases[0] ** 2).sum())
    assert t.regularization.per_layer(2).penalty(net.weights, net.biases, 300) == \
        pytest.approx(expected)
