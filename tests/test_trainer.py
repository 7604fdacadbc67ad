"""Training: each update against its textbook formula, determinism, live changes,
divergence, the history's meaning and its bounded memory, argument checking."""

import numpy as np
import pytest

from regviz.core import MLP, History, Regularization, Trainer, TrainingDiverged, datasets


def field_data(n=400):
    X, y = datasets.make("field", n_samples=n, seed=0)
    return datasets.split(X, y, 0.5, seed=0)


def field_trainer(reg=None, seed=1, sizes=(2, 20, 3, 1), **kw):
    Xtr, ytr, Xte, yte = field_data()
    net = MLP(list(sizes), init="course", seed=seed)
    kw.setdefault("learning_rate", 0.3)
    return Trainer(net, Xtr, ytr, Xte, yte, reg or Regularization(), seed=seed, **kw)


def small_problem(sizes=(2, 5, 4, 1), m=12, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(m, sizes[0]))
    k = 2 if sizes[-1] == 1 else sizes[-1]
    y = rng.integers(0, k, m)
    return MLP(list(sizes), seed=seed), X, y


def flat_gradient(out):
    return np.concatenate([np.concatenate([gW.ravel(), gb.ravel()])
                           for gW, gb in zip(out.grad_weights, out.grad_biases, strict=True)])


# -- each update is its formula --------------------------------------------------------

@pytest.mark.parametrize("reg", [
    Regularization(),
    Regularization(l2=0.7, divide_by_2m=True),
    Regularization(l2=[0.1, 0.0, 0.3], l2_bias=0.2),
])
@pytest.mark.parametrize("sizes", [(2, 5, 4, 1), (2, 5, 4, 3)])
def test_sgd_step_is_theta_minus_lr_times_the_gradient(reg, sizes):
    net, X, y = small_problem(sizes)
    reference = net.copy()
    trainer = Trainer(net, X, y, X, y, reg, learning_rate=0.4)
    for _ in range(3):
        g = flat_gradient(reference.loss_and_gradients(X, y, reg))
        reference.params -= 0.4 * g
        trainer.step(1)
        np.testing.assert_allclose(net.params, reference.params, rtol=1e-12, atol=1e-14)


def test_dropout_step_uses_the_masks_it_reports():
    net, X, y = small_problem()
    reg = Regularization(l2=0.1, keep_prob=[0.5, 0.8])
    trainer = Trainer(net, X, y, X, y, reg, learning_rate=0.4, seed=3)
    for _ in range(3):
        before = net.copy()
        trainer.step(1)
        masks = trainer.last.masks
        assert [D.shape for D in masks] == [(12, 5), (12, 4)]
        out = before.loss_and_gradients(X, y, reg, masks=masks)
        assert trainer.last.data_loss == pytest.approx(out.data_loss, rel=1e-12)
        np.testing.assert_allclose(net.params, before.params - 0.4 * flat_gradient(out),
                                   rtol=1e-12, atol=1e-14)


def test_mini_batch_steps_use_the_reported_rows_and_cover_each_epoch():
    net, X, y = small_problem(m=10)
    trainer = Trainer(net, X, y, X, y, learning_rate=0.4, batch_size=4, seed=5)
    seen = []
    for _ in range(3):  # one epoch: batches of 4, 4, 2
        before = net.copy()
        trainer.step(1)
        rows = trainer.last.batch_indices
        seen += list(rows)
        out = before.loss_and_gradients(X[rows], y[rows])
        np.testing.assert_allclose(net.params, before.params - 0.4 * flat_gradient(out),
                                   rtol=1e-12, atol=1e-14)
    assert sorted(seen) == list(range(10))


@pytest.mark.parametrize("divide_by_2m, l2", [(True, 0.7), (False, 0.01)])
def test_mini_batch_weight_decay_per_step_is_the_full_batch_one(divide_by_2m, l2):
    """200 training points in batches of 32 (six of them, then a short one of 8):
    every step, the short one too, shrinks the weights by the same λ/N·W (÷2m form,
    N the training set's size, the objective the course states) or 2λ·W (the book's),
    as a full-batch step does. Seen as the difference between a step with λ and the
    same step (same parameters, same batch) without it."""
    Xtr, ytr, Xte, yte = field_data()
    N, lr = len(ytr), 0.3
    assert N == 200
    reg = Regularization(l2=l2, divide_by_2m=divide_by_2m)
    per_weight = lr * (l2 / N if divide_by_2m else 2 * l2)  # −lr·∂penalty/∂w ÷ w

    def trainer(reg, batch_size):
        return Trainer(MLP([2, 20, 3, 1], seed=1), Xtr, ytr, Xte, yte, reg,
                       learning_rate=lr, batch_size=batch_size, seed=4)

    for batch_size in (32, None):
        with_l2, without = trainer(reg, batch_size), trainer(Regularization(), batch_size)
        sizes = []
        for _ in range(9):  # more than one epoch of batches
            without.net.params[...] = with_l2.net.params
            weights = [W.copy() for W in with_l2.net.weights]
            with_l2.step(1)
            without.step(1)
            assert np.array_equal(with_l2.last.batch_indices, without.last.batch_indices)
            sizes.append(len(with_l2.last.batch_indices))
            for W, W_l2, W_plain in zip(weights, with_l2.net.weights, without.net.weights,
                                        strict=True):
                np.testing.assert_allclose(W_l2 - W_plain, -per_weight * W,
                                           rtol=1e-9, atol=1e-15)
            for b_l2, b_plain in zip(with_l2.net.biases, without.net.biases, strict=True):
                np.testing.assert_allclose(b_l2, b_plain, rtol=1e-12, atol=1e-15)
        assert sizes == ([32] * 6 + [8, 32, 32] if batch_size else [N] * 9)


def test_mini_batch_penalty_curve_uses_one_m_and_has_no_jumps():
    """The recorded penalty is λ/(2N)·Σ‖W‖² at every step, N = 200 training points,
    whether the step's batch had 32 rows, 8 (the end of an epoch) or was step 0."""
    Xtr, ytr, Xte, yte = field_data()
    N = len(ytr)
    t = Trainer(MLP([2, 20, 3, 1], seed=1), Xtr, ytr, Xte, yte,
                Regularization(l2=0.7, divide_by_2m=True), learning_rate=0.3,
                batch_size=32, seed=4, record_every=1)
    expected = [0.7 / (2 * N) * sum(float((W**2).sum()) for W in t.net.weights)]
    for _ in range(20):
        t.step(1)
        expected.append(0.7 / (2 * N) * sum(float((W**2).sum()) for W in t.net.weights))
    penalty = t.history.train_penalty  # points for steps 0..20 (the last where it stopped)
    assert list(t.history.step) == list(range(21))
    np.testing.assert_allclose(penalty, expected, rtol=1e-12)
    assert np.max(np.abs(np.diff(penalty)) / penalty[:-1]) < 0.02  # a smooth curve


def nnfs_reference(net, X, y, reg, optimizer, lr, decay, steps):
    """The book's optimizers, written as the book writes them, on flat arrays."""
    params = net.params.copy()
    first, second = np.zeros_like(params), np.zeros_like(params)
    for iterations in range(steps):
        current_lr = lr * (1.0 / (1.0 + decay * iterations))
        net.params[...] = params
        g = flat_gradient(net.loss_and_gradients(X, y, reg))
        if optimizer == "momentum":
            updates = 0.9 * first - current_lr * g
            first = updates
            params = params + updates
        else:
            first = 0.9 * first + (1 - 0.9) * g
            corrected = first / (1 - 0.9 ** (iterations + 1))
            second = 0.999 * second + (1 - 0.999) * g**2
            cache = second / (1 - 0.999 ** (iterations + 1))
            params = params - current_lr * corrected / (np.sqrt(cache) + 1e-7)
    return params


@pytest.mark.parametrize("optimizer", ["momentum", "adam"])
@pytest.mark.parametrize("decay", [0.0, 0.1])
def test_momentum_and_adam_match_the_book(optimizer, decay):
    net, X, y = small_problem(sizes=(2, 6, 3))
    reg = Regularization(l2=[5e-3, 0], l2_bias=[5e-3, 0])
    expected = nnfs_reference(net.copy(), X, y, reg, optimizer, 0.05, decay, 6)
    trainer = Trainer(net, X, y, X, y, reg, optimizer=optimizer, learning_rate=0.05,
                      lr_decay=decay)
    trainer.step(6)
    np.testing.assert_allclose(net.params, expected, rtol=1e-10, atol=1e-13)


# -- determinism -------------------------------------------------------------------

@pytest.mark.parametrize("optimizer, batch", [("sgd", None), ("adam", 32), ("momentum", 50)])
def test_same_seed_gives_bit_identical_history(optimizer, batch):
    runs = []
    for _ in range(2):
        t = field_trainer(Regularization(l2=0.3, l1=0.01, keep_prob=0.8), optimizer=optimizer,
                          batch_size=batch, learning_rate=0.05, record_every=7)
        t.step(700)
        runs.append((t.history.as_dict(), t.net.params.copy(), t.last.masks))
    (h1, p1, m1), (h2, p2, m2) = runs
    assert h1.keys() == h2.keys() and len(h1["step"]) == 101  # steps 0, 7, …, 700
    for k in h1:
        assert np.array_equal(h1[k], h2[k], equal_nan=True), k
    assert np.array_equal(p1, p2)
    assert all(np.array_equal(a, b) for a, b in zip(m1, m2, strict=True))
    other = field_trainer(Regularization(l2=0.3, l1=0.01, keep_prob=0.8), seed=2,
                          optimizer=optimizer, batch_size=batch, learning_rate=0.05,
                          record_every=7)
    other.step(700)
    assert not np.array_equal(other.history.train_data_loss, h1["train_data_loss"])


def test_the_global_random_state_is_neither_used_nor_disturbed():
    # the legacy global generator is looked at only to prove the engine leaves it alone
    state = np.random.get_state()[1].copy()  # noqa: NPY002
    t = field_trainer(Regularization(keep_prob=0.8), batch_size=16)
    t.step(50)
    assert np.array_equal(np.random.get_state()[1], state)  # noqa: NPY002


# -- live changes --------------------------------------------------------------------

def test_new_regularization_applies_at_the_next_step_without_reset():
    net, X, y = small_problem()
    trainer = Trainer(net, X, y, X, y, Regularization(), optimizer="momentum",
                      learning_rate=0.2)
    trainer.step(5)
    velocity = trainer._optimizer.velocity.copy()
    reg = Regularization(l2=2.0, divide_by_2m=True)
    trainer.regularization = reg
    assert trainer.regularization is reg
    before = net.params.copy()
    g = flat_gradient(net.loss_and_gradients(X, y, reg))
    trainer.step(1)
    assert trainer.step_count == 6  # no reset
    np.testing.assert_allclose(net.params, before + 0.9 * velocity - 0.2 * g,
                               rtol=1e-12, atol=1e-14)


def test_new_learning_rate_applies_at_the_next_step():
    net, X, y = small_problem()
    trainer = Trainer(net, X, y, X, y, Regularization(l2=0.1), learning_rate=0.2)
    trainer.step(5)
    trainer.learning_rate = 1.5
    assert trainer.learning_rate == 1.5
    before = net.params.copy()
    g = flat_gradient(net.loss_and_gradients(X, y, Regularization(l2=0.1)))
    trainer.step(1)
    np.testing.assert_allclose(net.params, before - 1.5 * g, rtol=1e-12, atol=1e-14)


def test_live_l2_shrinks_the_weights_and_live_dropout_draws_masks():
    t = field_trainer()
    t.step(2000)
    norm_before = np.linalg.norm(np.concatenate([W.ravel() for W in t.net.weights]))
    t.step(1)
    assert t.last.masks == [None, None]
    t.regularization = Regularization(l2=50.0, divide_by_2m=True, keep_prob=0.5)
    t.step(1)
    masks = t.last.masks
    assert masks[0].shape == (len(t.y_train), 20) and 0.4 < masks[0].mean() < 0.6
    t.step(1)
    assert not np.array_equal(t.last.masks[0], masks[0])  # fresh every step …
    assert masks[0].shape == (len(t.y_train), 20)  # … and the old ones stay as they were
    t.step(1999)
    norm_after = np.linalg.norm(np.concatenate([W.ravel() for W in t.net.weights]))
    assert norm_after < 0.7 * norm_before
    assert t.history.last("train_penalty") > 0


# -- divergence --------------------------------------------------------------------

def test_divergence_raises_and_keeps_the_last_finite_parameters():
    t = field_trainer(learning_rate=50.0)
    seen = [t.net.params.copy()]
    with pytest.raises(TrainingDiverged) as info:
        for _ in range(5000):
            t.step(1)
            seen.append(t.net.params.copy())
    diverged_at = info.value.step
    assert diverged_at == t.step_count == len(seen) - 1 < 5000
    assert not info.value.loss < 1e4  # inf, NaN or absurd
    # the parameters whose loss was the last finite one: those before the step
    # that produced the bad ones
    assert np.array_equal(t.net.params, seen[diverged_at - 1])
    assert np.all(np.isfinite(t.net.params))
    assert "diverged" in str(info.value) and "learning rate" in str(info.value)
    assert isinstance(info.value, Exception)
    assert np.all(np.isfinite(t.history.train_data_loss))


def test_a_non_finite_parameter_is_caught_and_rolled_back():
    net, X, y = small_problem()
    trainer = Trainer(net, X, y, X, y, learning_rate=0.1)
    trainer.step(3)
    good = trainer._backup.copy()
    net.biases[0][1] = -np.inf  # a dead unit: nothing downstream needs to become NaN
    with pytest.raises(TrainingDiverged):
        trainer.step(1)
    assert np.all(np.isfinite(net.params))
    assert np.array_equal(net.params, good)


# -- history -----------------------------------------------------------------------

def test_a_history_point_describes_the_parameters_after_that_many_steps():
    t = field_trainer(Regularization(l2=0.7, divide_by_2m=True), record_every=5)
    assert list(t.history.step) == [0]
    for k in (1, 2, 3):
        t.step(5 * k - t.step_count)
        net = t.net.copy()
        t.step(1)  # recorded when step() stopped on 5k; this step adds no point
        h = t.history
        assert h.step[-1] == 5 * k
        p_train, train_loss = net.evaluate(t.X_train, t.y_train)
        p_test, test_loss = net.evaluate(t.X_test, t.y_test)
        assert h.train_data_loss[-1] == pytest.approx(train_loss, rel=1e-12)
        assert h.test_loss[-1] == pytest.approx(test_loss, rel=1e-12)
        assert h.train_accuracy[-1] == np.mean((p_train >= 0.5) == t.y_train)
        assert h.test_accuracy[-1] == np.mean((p_test >= 0.5) == t.y_test)
        m = len(t.y_train)
        penalty = 0.7 / (2 * m) * sum((W**2).sum() for W in net.weights)
        assert h.train_penalty[-1] == pytest.approx(penalty, rel=1e-12)
        assert h.train_total[-1] == pytest.approx(train_loss + penalty, rel=1e-12)
        np.testing.assert_allclose(h.weight_norm[-1], [np.linalg.norm(W) for W in net.weights])
        np.testing.assert_allclose(h.weight_l1[-1], [np.abs(W).sum() for W in net.weights])


def numpy_relu_sigmoid_eval(net, X, y):
    """Evaluation-mode mean cross-entropy and accuracy of a ReLU net with one sigmoid
    output, written out in numpy (independent of the engine's workspaces)."""
    A = X
    for W, b in zip(net.weights[:-1], net.biases[:-1], strict=True):
        A = np.maximum(A @ W + b, 0.0)
    p = 1.0 / (1.0 + np.exp(-(A @ net.weights[-1] + net.biases[-1])[:, 0]))
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    return loss, np.mean((p >= 0.5) == y)


def test_the_history_reaches_the_step_a_run_stops_at():
    """``--steps 10 --history`` once held only step 0: the point for step t was
    measured by step t + 1, which a finished run never takes."""
    t = field_trainer(record_every=10)
    t.step(10)
    assert list(t.history.step) == [0, 10]
    for stop in (13, 14):  # between recording steps: record_current adds the last one
        t.step(stop - t.step_count)
        assert t.history.step[-1] < stop
        t.record_current()
        assert t.history.step[-1] == stop
        t.record_current()  # already there: nothing added
        assert list(t.history.step[-2:]) != [stop, stop]
        train_loss, train_acc = numpy_relu_sigmoid_eval(t.net, t.X_train, t.y_train)
        test_loss, test_acc = numpy_relu_sigmoid_eval(t.net, t.X_test, t.y_test)
        assert t.history.train_data_loss[-1] == pytest.approx(train_loss, rel=1e-10)
        assert t.history.test_loss[-1] == pytest.approx(test_loss, rel=1e-10)
        assert t.history.train_accuracy[-1] == train_acc
        assert t.history.test_accuracy[-1] == test_acc
    t.step(6)
    assert list(t.history.step) == [0, 10, 13, 14, 20]


@pytest.mark.parametrize("batch", [None, 32])
def test_cutting_a_run_into_calls_changes_nothing(batch):
    """The point for a stopping step is measured with the next step's batch and
    dropout masks, and the generator put back: the same run, however it is cut
    into calls (as the window's worker cuts it), trains and records identically."""
    reg = Regularization(l2=0.3, keep_prob=0.8)
    whole = field_trainer(reg, batch_size=batch, learning_rate=0.05, record_every=5)
    whole.step(61)
    cut = field_trainer(reg, batch_size=batch, learning_rate=0.05, record_every=5)
    for n in (5, 7, 3, 10, 15, 20, 1):  # several calls end on a recording step
        cut.step(n)
    a, b = whole.history.as_dict(), cut.history.as_dict()
    assert list(a["step"]) == list(range(0, 61, 5))
    for k in a:
        assert np.array_equal(a[k], b[k], equal_nan=True), k
    assert np.array_equal(whole.net.params, cut.net.params)


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid", "leaky_relu"])
@pytest.mark.parametrize("outputs", [1, 3])
def test_history_evaluation_matches_evaluate_for_every_activation(activation, outputs):
    rng = np.random.default_rng(4)
    X, Xt = rng.normal(size=(30, 2)), rng.normal(size=(20, 2))
    k = max(outputs, 2)
    y, yt = rng.integers(0, k, 30), rng.integers(0, k, 20)
    net = MLP([2, 6, 5, outputs], activation=activation, seed=2)
    t = Trainer(net, X, y, Xt, yt, Regularization(keep_prob=0.7), learning_rate=0.1)
    p_train, train_loss = net.evaluate(X, y)  # the point at step 0: evaluation mode
    p_test, test_loss = net.evaluate(Xt, yt)
    predict = (lambda p: p >= 0.5) if outputs == 1 else (lambda p: p.argmax(axis=1))
    assert t.history.train_data_loss[0] == pytest.approx(train_loss, rel=1e-12)
    assert t.history.test_loss[0] == pytest.approx(test_loss, rel=1e-12)
    assert t.history.train_accuracy[0] == np.mean(predict(p_train) == y)
    assert t.history.test_accuracy[0] == np.mean(predict(p_test) == yt)
    np.testing.assert_array_equal(net.predict(Xt), predict(p_test))


@pytest.mark.parametrize("batch_size", [None, 50])
def test_history_with_dropout_measures_accuracy_in_evaluation_mode(batch_size):
    t = field_trainer(Regularization(keep_prob=0.5), batch_size=batch_size, record_every=4)
    t.step(8)
    net = t.net.copy()
    t.step(1)
    assert t.history.step[-1] == 8
    p_test, test_loss = net.evaluate(t.X_test, t.y_test)
    assert t.history.test_loss[-1] == pytest.approx(test_loss, rel=1e-12)
    p_train, train_loss = net.evaluate(t.X_train, t.y_train)
    assert t.history.train_accuracy[-1] == np.mean((p_train >= 0.5) == t.y_train)
    # the train data loss is what the step optimised: under dropout, on its batch
    assert t.history.train_data_loss[-1] == t.last.data_loss != train_loss


def test_history_memory_stays_bounded_over_200k_steps():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(16, 2))
    y = (X[:, 0] > 0).astype(int)
    t = Trainer(MLP([2, 2, 1], seed=0), X, y, X, y, learning_rate=0.1, record_every=1)
    nbytes = sum(a.nbytes for a in t.history._data.values())
    t.step(200_000)
    h = t.history
    assert len(h) <= 10_000 and len(h.step) == len(h.test_loss) == len(h.weight_norm)
    assert sum(a.nbytes for a in h._data.values()) == nbytes  # preallocated, never grown
    steps = h.step
    assert steps[0] == 0 and steps[-1] >= 200_000 - h.stride
    assert np.all(np.diff(steps) == h.stride)  # evenly spaced over the whole run


def test_history_decimation_keeps_every_other_point():
    h = History(n_layers=1, capacity=8, stride=1)
    for s in range(8):
        h.append(step=s, weight_norm=[s])
    h.append(step=8, weight_norm=[8])
    assert list(h.step) == [0, 2, 4, 6, 8] and h.stride == 2
    assert list(h.weight_norm[:, 0]) == [0, 2, 4, 6, 8]
    assert np.isnan(h.test_loss).all()  # not given: NaN


def test_history_copies_are_independent():
    t = field_trainer(record_every=10)
    t.step(100)
    d = t.history.as_dict()
    c = t.history.copy()
    assert set(d) == set(t.history.keys()) and "weight_norm" in t.history
    assert d["weight_norm"].shape == (len(t.history), 3)
    last_loss = t.history.last("test_loss")
    assert isinstance(last_loss, float) and last_loss == d["test_loss"][-1]
    t.step(100)
    assert len(d["step"]) == len(c) == 11 < len(t.history)  # steps 0, 10, …, 100
    np.testing.assert_array_equal(c.step, d["step"])


def test_automatic_recording_interval():
    assert field_trainer().history.stride == 10
    # small batches and many points to evaluate: record less often
    assert field_trainer(batch_size=8).history.stride >= 100


def test_restore_continues_a_saved_history():
    t = field_trainer(record_every=10)
    t.step(95)
    saved_step, saved = t.step_count, t.history.as_dict()
    fresh = field_trainer(record_every=10)
    fresh.restore(saved_step, saved)
    fresh.step(20)
    assert list(fresh.history.step[-3:]) == [90, 100, 110]


def test_set_data_keeps_the_weights_and_trains_on_the_new_points():
    t = field_trainer()
    t.step(10)
    params = t.net.params.copy()
    X, y = datasets.make("moons", n_samples=60, seed=3)
    t.set_data(X[:40], y[:40], X[40:], y[40:])
    assert np.array_equal(t.net.params, params)
    t.step(1)
    assert t.last.masks == [None, None] and len(t.last.batch_indices) == 40


def test_nnfs_chapter_14_setup_trains():
    """The book's per-layer L2 on weights and biases with Adam (2000 of its 10,001 epochs)."""
    X, y = datasets.make("spiral", n_samples=300, classes=3, seed=0)
    Xv, yv = datasets.make("spiral", n_samples=300, classes=3, seed=1)
    net = MLP([2, 64, 3], init="nnfs", seed=0)
    reg = Regularization(l2=[5e-4, 0], l2_bias=[5e-4, 0])
    t = Trainer(net, X, y, Xv, yv, reg, optimizer="adam", learning_rate=0.02, lr_decay=5e-7,
                seed=0)
    t.step(2000)
    assert t.history.last("train_accuracy") > 0.8
    assert t.history.last("test_accuracy") > 0.6
    assert t.history.last("train_penalty") > 0


# -- argument checking ----------------------------------------------------------------

@pytest.mark.parametrize("kwargs, pattern", [
    (dict(sizes=[2]), r"need at least 2 sizes"),
    (dict(sizes=[2, 0, 1]), r"every layer size must be a whole number ≥ 1"),
    (dict(sizes=[2, 2.5, 1]), r"sizes must be a list of whole numbers"),
    (dict(sizes=[2, 1], activation="swish"), r"activation='swish' is not known; allowed: relu"),
    (dict(sizes=[2, 1], init="xavier"), r"init='xavier' is not known; allowed: course"),
])
def test_bad_network_arguments(kwargs, pattern):
    with pytest.raises(ValueError, match=pattern):
        MLP(**kwargs)


@pytest.mark.parametrize("kwargs, pattern", [
    (dict(learning_rate=0), r"learning_rate=0\.0 is out of range: allowed a number > 0"),
    (dict(learning_rate=float("nan")), r"learning_rate=nan is out of range"),
    (dict(optimizer="rmsprop"), r"optimizer='rmsprop' is not known; allowed: sgd, momentum"),
    (dict(batch_size=0), r"batch_size=0 is out of range: allowed a whole number ≥ 1"),
    (dict(lr_decay=-1.0), r"lr_decay=-1\.0 is out of range: allowed a number ≥ 0"),
    (dict(record_every=0), r"record_every=0 is out of range"),
])
def test_bad_trainer_arguments(kwargs, pattern):
    net, X, y = small_problem()
    with pytest.raises(ValueError, match=pattern):
        Trainer(net, X, y, X, y, **kwargs)


def test_bad_data():
    net, X, y = small_problem()  # 2 inputs, binary
    with pytest.raises(ValueError, match=r"X has shape \(12, 3\); expected \(samples, 2\)"):
        net.loss_and_gradients(np.zeros((12, 3)), y)
    with pytest.raises(ValueError, match=r"y has shape \(11,\); expected \(12,\) to match X"):
        Trainer(net, X, y[:11], X, y)
    with pytest.raises(ValueError, match=r"y has labels 0\.\.2; allowed 0\.\.1"):
        net.loss_and_gradients(X, np.arange(12) % 3)
    with pytest.raises(ValueError, match=r"y has labels -1\.\.1"):
        Trainer(net, X, y, X, y - 1 + (y > 0))
    with pytest.raises(ValueError, match=r"masks\[1\] has shape \(12, 3\); expected \(12, 4\)"):
        net.loss_and_gradients(X, y, masks=[np.ones((12, 5), bool), np.ones((12, 3), bool)])
    trainer = Trainer(net, X, y, X, y)
    with pytest.raises(ValueError, match="learning_rate"):
        trainer.learning_rate = -0.1
    assert trainer.learning_rate == 0.01


@pytest.mark.parametrize("optimizer, batch", [("sgd", None), ("adam", 32), ("momentum", 50)])
def test_a_saved_state_continues_bit_for_bit(optimizer, batch):
    """Undo and branching restore a run from a TrainerState: the restored trainer
    must train on exactly as the original did (same masks, batches, moments)."""
    reg = Regularization(l2=0.3, l1=0.01, keep_prob=0.8)
    original = field_trainer(reg, optimizer=optimizer, batch_size=batch, learning_rate=0.05,
                             record_every=7)
    original.step(53)
    state = original.save_state()
    original.step(60)
    for _ in range(2):  # the same state can be loaded twice
        other = field_trainer(reg, seed=9, optimizer=optimizer, batch_size=batch,
                              learning_rate=0.05, record_every=7)
        other.load_state(state)
        assert other.step_count == 53
        other.step(60)
        assert other.step_count == original.step_count == 113
        assert np.array_equal(other.net.params, original.net.params)
        a, b = original.history.as_dict(), other.history.as_dict()
        for k in a:
            assert np.array_equal(a[k], b[k], equal_nan=True), k
        assert np.array_equal(original.history.weight_histograms.counts,
                              other.history.weight_histograms.counts)
    assert state.params is not original.net.params and state.nbytes > 0


def test_a_state_does_not_fit_another_network():
    state = field_trainer().save_state()
    with pytest.raises(ValueError, match="do not fit"):
        field_trainer(sizes=(2, 5, 1)).load_state(state)
