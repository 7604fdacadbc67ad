"""Properties of the engine over generated inputs (hypothesis).

Any valid network, regularization, optimizer, learning rate and data train to a
finite history or stop with TrainingDiverged — a NaN never reaches the history the
plots draw. Anything invalid is a ValueError, raised before any training.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regviz.core import MLP, Regularization, Trainer, TrainingDiverged

SETTINGS = settings(deadline=None, max_examples=100,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

ACTIVATIONS = ("relu", "tanh", "sigmoid", "leaky_relu")
INITS = ("course", "nnfs", "he")
OPTIMIZERS = ("sgd", "momentum", "adam")

lambdas = st.floats(0.0, 50.0)
keep_probs = st.floats(0.0, 1.0, exclude_min=True)  # down to 5e-324: 1/keep_prob = inf
moderate_keep_probs = st.floats(0.05, 1.0)  # the range the window and --set allow
learning_rates = st.floats(1e-4, 1e3)  # up to absurd: divergence must be caught


@st.composite
def networks(draw):
    """(sizes, n_classes): 1–4 inputs, 0–3 hidden layers, a sigmoid or 2–4 softmax outputs."""
    inputs = draw(st.integers(1, 4))
    hidden = draw(st.lists(st.integers(1, 10), max_size=3))
    outputs = draw(st.sampled_from([1, 2, 3, 4]))
    return [inputs, *hidden, outputs], (2 if outputs == 1 else outputs)


def per_layer(values, n: int):
    """One number for every layer, or a list with one per layer."""
    return st.one_of(values, st.lists(values, min_size=n, max_size=n))


@st.composite
def regularizations(draw, n_layers: int, keep=keep_probs):
    return Regularization(
        l2=draw(per_layer(lambdas, n_layers)), l1=draw(per_layer(lambdas, n_layers)),
        l2_bias=draw(per_layer(lambdas, n_layers)), l1_bias=draw(per_layer(lambdas, n_layers)),
        keep_prob=draw(per_layer(keep, n_layers - 1)) if n_layers > 1 else 1.0,
        divide_by_2m=draw(st.booleans()))


@st.composite
def datasets(draw, n_inputs: int, n_classes: int):
    """Train and test points: finite coordinates from all equal to ±1e12 (the
    largest the engine accepts), labels in range; both parts non-empty."""
    n_train, n_test = draw(st.integers(1, 40)), draw(st.integers(1, 20))
    seed = draw(st.integers(0, 2**32 - 1))
    scale = draw(st.sampled_from([0.0, 1e-3, 1.0, 30.0, 1e3, 1e11]))
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n_train + n_test, n_inputs)) * scale
    y = rng.integers(0, n_classes, n_train + n_test)
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


@st.composite
def runs(draw):
    sizes, n_classes = draw(networks())
    net = MLP(sizes, activation=draw(st.sampled_from(ACTIVATIONS)),
              init=draw(st.sampled_from(INITS)), seed=draw(st.integers(0, 1000)))
    data = draw(datasets(sizes[0], n_classes))
    batch = draw(st.one_of(st.none(), st.integers(1, len(data[1]) + 5)))
    trainer_args = dict(
        reg=draw(regularizations(net.n_layers)), optimizer=draw(st.sampled_from(OPTIMIZERS)),
        learning_rate=draw(learning_rates), lr_decay=draw(st.sampled_from([0.0, 1e-3, 1.0])),
        batch_size=batch, seed=draw(st.integers(0, 1000)),
        record_every=draw(st.sampled_from([None, 1, 3])))
    return net, data, trainer_args, draw(st.integers(1, 40))


def assert_history_finite(trainer: Trainer) -> None:
    history = trainer.history.as_dict()
    for key, series in history.items():
        assert np.all(np.isfinite(series)), f"history[{key!r}] has {series}"
    assert len(history["step"]) >= 1


@SETTINGS
@given(runs())
def test_training_gives_a_finite_history_or_the_divergence_exception(run):
    net, (X, y, X_test, y_test), trainer_args, steps = run
    trainer = Trainer(net, X, y, X_test, y_test, **trainer_args)
    try:
        trainer.step(steps)
    except TrainingDiverged as exc:
        assert exc.step <= steps and str(exc).startswith("training diverged at step")
    else:
        assert trainer.step_count == steps
        assert math.isfinite(trainer.last.data_loss)
    # Diverged or not, the network is usable: finite parameters, finite predictions.
    assert np.all(np.isfinite(net.params))
    assert_history_finite(trainer)
    probs = net.predict_proba(X_test)
    assert np.all(np.isfinite(probs)) and np.all((probs >= 0) & (probs <= 1))


@SETTINGS
@given(runs(), st.data())
def test_live_changes_between_steps_keep_the_history_finite(run, data):
    """The teacher drags λ, keep_prob and the learning rate while it trains."""
    net, (X, y, X_test, y_test), trainer_args, steps = run
    trainer = Trainer(net, X, y, X_test, y_test, **trainer_args)
    try:
        for _ in range(3):
            trainer.step(steps // 3 + 1)
            trainer.regularization = data.draw(regularizations(net.n_layers))
            trainer.learning_rate = data.draw(learning_rates)
    except TrainingDiverged:
        pass
    assert np.all(np.isfinite(net.params))
    assert_history_finite(trainer)


@SETTINGS
@given(networks(), st.data())
def test_loss_and_gradients_are_finite_or_flagged(network, data):
    """The notebook API: one pass has no divergence exception to hide behind, so
    with the settings the window allows and moderate data it is finite."""
    sizes, n_classes = network
    net = MLP(sizes, activation=data.draw(st.sampled_from(ACTIVATIONS)), seed=0)
    X, y, _, _ = data.draw(datasets(sizes[0], n_classes))
    X = np.clip(X, -30, 30)
    reg = data.draw(regularizations(net.n_layers, moderate_keep_probs))
    out = net.loss_and_gradients(X, y, reg, rng=np.random.default_rng(0))
    assert math.isfinite(out.data_loss) and math.isfinite(out.penalty)
    for g in (*out.grad_weights, *out.grad_biases):
        assert np.all(np.isfinite(g))


def test_an_unstable_weight_decay_is_divergence_not_nan():
    """Found by the property above: SGD with 2·λ·lr ≫ 2 multiplies every weight by
    about −19,000 a step while one training point's loss stays near 0; the far-off
    test points' loss overflowed into the history and predictions became NaN."""
    net = MLP([2, 4, 4, 1], init="he", seed=0)  # weights under which the point's loss stays ~0
    X, y = np.array([[0.1, -0.1]]), np.array([0])
    X_test = np.random.default_rng(0).standard_normal((5, 2)) * 50
    y_test = np.array([1, 1, 0, 1, 1])
    trainer = Trainer(net, X, y, X_test, y_test, Regularization(l2=38.0),
                      learning_rate=256.0, seed=0)
    with pytest.raises(TrainingDiverged, match="weights grew beyond|test loss became"):
        trainer.step(40)
    assert_history_finite(trainer)
    assert np.all(np.isfinite(net.predict_proba(X_test)))


# -- invalid input: ValueError, never training --------------------------------------------

bad_lambdas = st.one_of(st.floats(max_value=0.0, exclude_max=True, allow_infinity=True),
                        st.just(float("nan")), st.just(float("inf")))
bad_keep_probs = st.one_of(st.floats(max_value=0.0), st.floats(1.0, exclude_min=True),
                           st.just(float("nan")))


@SETTINGS
@given(st.sampled_from(["l2", "l1", "l2_bias", "l1_bias"]), bad_lambdas, st.booleans())
def test_a_bad_lambda_is_a_value_error_naming_it(name, value, as_list):
    with pytest.raises(ValueError, match=name):
        Regularization(**{name: [0.1, value] if as_list else value})


@SETTINGS
@given(bad_keep_probs, st.booleans())
def test_a_keep_prob_outside_0_1_is_a_value_error(value, as_list):
    with pytest.raises(ValueError, match=r"keep_prob.*\(0, 1\]"):
        Regularization(keep_prob=[0.5, value] if as_list else value)


@SETTINGS
@given(networks(), st.sampled_from(["l2", "l1", "l2_bias", "l1_bias", "keep_prob"]),
       st.integers(0, 6))
def test_a_list_of_the_wrong_length_is_a_value_error(network, name, length):
    sizes, n_classes = network
    net = MLP(sizes, seed=0)
    right = net.n_layers - 1 if name == "keep_prob" else net.n_layers
    if length == right:
        length += 1
    value = [0.5] * length
    X, y = np.zeros((3, sizes[0])), np.zeros(3, dtype=int)
    with pytest.raises(ValueError, match=name):
        Trainer(net, X, y, X, y, Regularization(**{name: value}))
    trainer = Trainer(net, X, y, X, y)
    before = net.params.copy()
    with pytest.raises(ValueError, match=name):
        trainer.regularization = Regularization(**{name: value})
    trainer.step(1)  # still trains, with the old settings
    assert trainer.regularization == Regularization() and trainer.step_count == 1
    assert not np.array_equal(before, net.params) or not np.any(before)


bad_sizes = st.one_of(
    st.lists(st.integers(1, 5), max_size=1),                       # fewer than 2 layers
    st.lists(st.integers(-5, 5), min_size=2, max_size=5).filter(lambda s: min(s) < 1),
    st.lists(st.sampled_from([1.5, 2.25, float("nan"), float("inf"), "a", None]),
             min_size=2, max_size=4),
    st.just("2,3,1"),
)


@SETTINGS
@given(bad_sizes)
def test_bad_layer_sizes_are_a_value_error(sizes):
    with pytest.raises(ValueError, match="sizes"):
        MLP(sizes)


@SETTINGS
@given(networks(), st.integers(1, 100), st.booleans())
def test_labels_out_of_range_are_a_value_error(network, beyond, negative):
    sizes, n_classes = network
    net = MLP(sizes, seed=0)
    X = np.zeros((4, sizes[0]))
    y = np.array([0, 1, 0, -beyond if negative else n_classes - 1 + beyond])
    with pytest.raises(ValueError, match="labels"):
        Trainer(net, X, y, X, np.zeros(4, dtype=int))
    with pytest.raises(ValueError, match="labels"):
        Trainer(net, X, np.zeros(4, dtype=int), X, y)


@SETTINGS
@given(networks(), st.one_of(st.sampled_from([float("nan"), float("inf"), -float("inf")]),
                             st.floats(1.0000001e12, 1e308).map(lambda v: -v),
                             st.floats(1.0000001e12, 1e308)),
       st.booleans())
def test_non_finite_or_huge_coordinates_are_a_value_error(network, value, in_test):
    """At 1e308 the first forward pass overflows and the history's first point
    would be infinite: such data is refused, not trained on."""
    sizes, n_classes = network
    net = MLP(sizes, seed=0)
    X = np.zeros((4, sizes[0]))
    bad = X.copy()
    bad[2, 0] = value
    y = np.zeros(4, dtype=int)
    with pytest.raises(ValueError, match="finite"):
        Trainer(net, X, y, bad, y) if in_test else Trainer(net, bad, y, X, y)


@SETTINGS
@given(st.one_of(st.floats(max_value=0.0), st.just(float("nan")), st.just(float("inf"))))
def test_a_bad_learning_rate_is_a_value_error(lr):
    net = MLP([2, 3, 1], seed=0)
    X, y = np.zeros((3, 2)), np.zeros(3, dtype=int)
    with pytest.raises(ValueError, match="learning_rate"):
        Trainer(net, X, y, X, y, learning_rate=lr)
    trainer = Trainer(net, X, y, X, y, learning_rate=0.1)
    with pytest.raises(ValueError, match="learning_rate"):
        trainer.learning_rate = lr
    assert trainer.learning_rate == 0.1
