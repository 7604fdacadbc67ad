"""Decoupled weight decay against L2: the same under SGD, different under Adam, each
update equal to a direct numpy implementation written here, and the setting
carried by presets, sessions and --set."""

import json

import numpy as np
import pytest

from regviz import session
from regviz.compare import COMPARISONS, Comparison, run_label
from regviz.config import Config, load_preset
from regviz.core import MLP, Regularization, Trainer, datasets
from regviz.experiment import Experiment
from regviz.formula import formula

LR = 0.05


def field_problem(n=120, seed=0):
    X, y = datasets.make("field", n_samples=n, seed=seed)
    return datasets.split(X, y, 0.5, seed=seed)


def twin_trainers(reg_a, reg_b, optimizer="sgd", sizes=(2, 8, 3, 1), **kw):
    """Two trainers on the same data from the same initial weights."""
    Xtr, ytr, Xte, yte = field_problem()
    out = []
    for reg in (reg_a, reg_b):
        net = MLP(list(sizes), init="course", seed=4)
        out.append(Trainer(net, Xtr, ytr, Xte, yte, reg, optimizer=optimizer,
                           learning_rate=kw.get("learning_rate", LR),
                           lr_decay=kw.get("lr_decay", 0.0), seed=4))
    return out


# -- SGD: weight decay is L2 ------------------------------------------------------------

@pytest.mark.parametrize("lr_decay", [0.0, 0.02])
def test_under_sgd_weight_decay_2_lambda_is_the_l2_run(lr_decay):
    lam = 0.03
    with_l2, with_decay = twin_trainers(Regularization(l2=lam),
                                        Regularization(weight_decay=2 * lam),
                                        learning_rate=0.5, lr_decay=lr_decay)
    for _ in range(4):
        with_l2.step(100)
        with_decay.step(100)
        np.testing.assert_allclose(with_decay.net.params, with_l2.net.params, rtol=0, atol=1e-12)
    # The weights shrank: the comparison is not between two unregularized runs.
    plain, _ = twin_trainers(Regularization(), Regularization(), learning_rate=0.5,
                             lr_decay=lr_decay)
    plain.step(400)
    assert np.linalg.norm(with_decay.net.weights[0]) < 0.9 * np.linalg.norm(plain.net.weights[0])


def test_the_equivalence_holds_for_the_config_s_layers_and_biases():
    """weight_decay covers what the penalty covers: only layer 2, biases included."""
    base = Config(hidden=(8, 3), n_samples=120, divide_by_2m=False, learning_rate=0.5,
                  regularize_biases=True, regularized_layers=(2,))
    with_l2 = Experiment(base.with_values(l2=0.04))
    with_decay = Experiment(base.with_values(weight_decay=0.08))
    without_biases = Experiment(base.with_values(weight_decay=0.08, regularize_biases=False))
    for experiment in (with_l2, with_decay, without_biases):
        experiment.step(300)
    np.testing.assert_allclose(with_decay.net.params, with_l2.net.params, rtol=0, atol=1e-12)
    # Decaying the biases matters here, so the line above did test that they are covered.
    assert np.abs(without_biases.net.biases[1] - with_l2.net.biases[1]).max() > 1e-4


def test_the_history_s_penalty_leaves_weight_decay_out():
    with_l2, with_decay = twin_trainers(Regularization(l2=0.03), Regularization(weight_decay=0.06),
                                        learning_rate=0.5)
    with_l2.step(200)
    with_decay.step(200)
    h_l2, h_wd = with_l2.history, with_decay.history
    np.testing.assert_array_equal(h_wd.train_penalty, 0.0)
    np.testing.assert_array_equal(h_wd.train_total, h_wd.train_data_loss)
    # the same weights, so the same data loss; only L2 puts a penalty on top
    np.testing.assert_allclose(h_wd.train_data_loss, h_l2.train_data_loss, rtol=1e-10)
    squares = sum(float((W ** 2).sum()) for W in with_l2.net.weights)
    assert h_l2.train_penalty[-1] > 0
    assert h_l2.step[-1] == 200  # the newest point describes these weights
    assert h_l2.train_penalty[-1] == pytest.approx(0.03 * squares, rel=1e-12)


# -- Adam: they differ, and each is its textbook update --------------------------------

def forward_backward(W1, b1, W2, b2, X, y):
    """Gradient of the mean binary cross-entropy of a 2-H-1 ReLU/sigmoid network,
    written out (independent of regviz)."""
    Z1 = X @ W1 + b1
    A1 = np.maximum(Z1, 0.0)
    z2 = (A1 @ W2 + b2)[:, 0]
    p = 1.0 / (1.0 + np.exp(-z2))
    dz2 = ((p - y) / len(y))[:, None]
    gW2, gb2 = A1.T @ dz2, dz2.sum(axis=0)
    dZ1 = (dz2 @ W2.T) * (Z1 > 0)
    gW1, gb1 = X.T @ dZ1, dZ1.sum(axis=0)
    return [gW1, gb1, gW2, gb2]


def adam_reference(params, X, y, lr, steps, l2=0.0, weight_decay=0.0):
    """Adam (β₁ 0.9, β₂ 0.999, ε 1e-7, bias-corrected) on [W1, b1, W2, b2].
    ``l2``: coupled, 2λW added to the weights' gradients (book scale).
    ``weight_decay``: AdamW, θ ← θ − lr·(m̂/(√v̂ + ε) + wd·θ) on the weights."""
    params = [p.copy() for p in params]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for t in range(1, steps + 1):
        grads = forward_backward(*params, X, y)
        for k in (0, 2):  # weights, not biases
            grads[k] = grads[k] + 2.0 * l2 * params[k]
        for k, g in enumerate(grads):
            m[k] = 0.9 * m[k] + 0.1 * g
            v[k] = 0.999 * v[k] + 0.001 * g * g
            m_hat = m[k] / (1 - 0.9 ** t)
            v_hat = v[k] / (1 - 0.999 ** t)
            decay = weight_decay * params[k] if k in (0, 2) else 0.0
            params[k] = params[k] - lr * (m_hat / (np.sqrt(v_hat) + 1e-7) + decay)
    return params, v, steps


def regviz_adam(reg, steps, lr=0.02):
    Xtr, ytr, _, _ = field_problem()
    net = MLP([2, 6, 1], init="course", seed=2)
    start = [net.weights[0].copy(), net.biases[0].copy(), net.weights[1].copy(),
             net.biases[1].copy()]
    trainer = Trainer(net, Xtr, ytr, Xtr, ytr, reg, optimizer="adam", learning_rate=lr)
    trainer.step(steps)
    got = [net.weights[0], net.biases[0], net.weights[1], net.biases[1]]
    return start, got, trainer, (Xtr, ytr)


@pytest.mark.parametrize("kind", ["l2", "weight_decay"])
def test_adam_with_l2_and_adamw_each_match_their_update(kind):
    reg = Regularization(**{kind: 0.4})
    start, got, _, (X, y) = regviz_adam(reg, 6)
    expected, _, _ = adam_reference(start, X, y, 0.02, 6, **{kind: 0.4})
    for a, b in zip(got, expected, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-13)


def test_under_adam_l2_and_weight_decay_differ():
    _, with_l2, _, _ = regviz_adam(Regularization(l2=0.2), 300)
    _, with_decay, _, _ = regviz_adam(Regularization(weight_decay=0.4), 300)
    _, plain, _, _ = regviz_adam(Regularization(), 300)
    gap = max(float(np.abs(a - b).max()) for a, b in zip(with_l2, with_decay, strict=True))
    effect = max(float(np.abs(a - b).max()) for a, b in zip(with_decay, plain, strict=True))
    assert gap > 1e-2 and effect > 1e-3


def test_shrink_per_step_is_one_value_for_adamw_and_per_weight_for_adam_l2():
    lam, wd, lr, steps = 0.2, 0.4, 0.02, 40
    start, _, adamw, (X, y) = regviz_adam(Regularization(weight_decay=wd), steps, lr)
    shrink = adamw.shrink_per_step()
    n0 = 2 * 6
    covered = np.r_[shrink[:n0], shrink[n0 + 6:n0 + 6 + 6]]
    np.testing.assert_allclose(covered, lr * wd, rtol=1e-15)
    np.testing.assert_array_equal(shrink[n0:n0 + 6], 0.0)  # biases are not covered

    _, _, coupled, _ = regviz_adam(Regularization(l2=lam), steps, lr)
    _, v, t = adam_reference(start, X, y, lr, steps, l2=lam)
    expected = [lr * 2 * lam / (np.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-7) for k in (0, 2)]
    shrink = coupled.shrink_per_step()
    np.testing.assert_allclose(shrink[:n0], expected[0].ravel(), rtol=1e-6)
    np.testing.assert_allclose(shrink[n0 + 6:n0 + 12], expected[1].ravel(), rtol=1e-6)
    assert shrink[:n0].max() > 3 * shrink[:n0].min()  # each weight its own


def test_shrink_per_step_under_sgd_and_before_adam_s_first_step():
    sgd, _ = twin_trainers(Regularization(l2=0.03, weight_decay=0.1), Regularization(),
                           learning_rate=0.5, lr_decay=0.1)
    sgd.step(10)
    lr_now = 0.5 / (1 + 0.1 * 10)
    weights = sgd.shrink_per_step()[: 2 * 8]
    np.testing.assert_allclose(weights, lr_now * (2 * 0.03 + 0.1), rtol=1e-14)
    Xtr, ytr, _, _ = field_problem()
    fresh = Trainer(MLP([2, 6, 1], seed=0), Xtr, ytr, Xtr, ytr, Regularization(l2=0.1),
                    optimizer="adam", learning_rate=0.01)
    assert np.isnan(fresh.shrink_per_step()[:12]).all()


# -- the comparison preset ----------------------------------------------------------------

def test_adam_l2_vs_adamw_differ_only_in_where_the_same_strength_acts():
    configs = COMPARISONS["adam_l2_vs_adamw"].configs(Config())
    coupled, decoupled = configs
    assert [run_label(c) for c in configs] == ["Adam + L2 λ=0.005", "AdamW wd=0.01"]
    assert decoupled.changed_fields(coupled) == ["l2", "weight_decay"]
    assert coupled.optimizer == "adam" and not coupled.divide_by_2m
    assert decoupled.weight_decay == 2 * coupled.l2  # the SGD-equivalent strength
    comparison = Comparison(configs)
    comparison.step(300)
    lr = coupled.learning_rate
    n_weights = [W.size for W in comparison.experiments[0].net.weights]
    first_layer = slice(0, n_weights[0])
    coupled_shrink = comparison.experiments[0].trainer.shrink_per_step()[first_layer]
    decoupled_shrink = comparison.experiments[1].trainer.shrink_per_step()[first_layer]
    np.testing.assert_allclose(decoupled_shrink, lr * 0.01, rtol=1e-14)
    assert coupled_shrink.max() > 10 * coupled_shrink.min()
    # The same two runs under plain SGD are one run.
    sgd = Comparison([c.with_values(optimizer="sgd", learning_rate=0.3) for c in configs])
    sgd.step(300)
    first, second = (e.net.params for e in sgd.experiments)
    np.testing.assert_allclose(second, first, rtol=0, atol=1e-12)


def test_formula_tells_the_coupled_and_the_decoupled_kind_apart():
    f = formula(Config(l2=0.005, weight_decay=0.01, divide_by_2m=False, optimizer="adam"))
    assert f.loss == "J = cross-entropy + 0.005·Σw²"  # only L2 is in the loss
    assert f.gradient == "∂J/∂W += 2·0.005·W"
    # no-break spaces keep "W −= lr·0.01·W" on one line
    assert f.decay == ("Weight decay (not in J): each step also W\u00a0−=\u00a0lr·0.01·W, "
                       "outside the optimizer")
    assert f.where == "penalty and decay on layers 1–3"
    alone = formula(Config(weight_decay=0.2, regularize_biases=True, regularized_layers=(2,)))
    assert alone.loss == "J = cross-entropy   (no penalty)"
    assert "b\u00a0−=\u00a0lr·0.2·b" in alone.decay and alone.where == "decay on layer 2 only"


# -- the setting everywhere ---------------------------------------------------------------

def test_weight_decay_is_a_live_checked_setting():
    config = Config().with_assignments(["weight_decay=0.05"])
    assert config.weight_decay == 0.05
    assert not config.needs_reset(Config())
    with pytest.raises(ValueError, match=r"weight_decay=.*\[0, 100\]"):
        Config().with_assignments(["weight_decay=-1"])
    reg = Config(hidden=(8,), weight_decay=0.05, regularized_layers=(2,)).regularization()
    assert list(reg.weight_decay) == [0.0, 0.05] and list(reg.weight_decay_bias) == [0.0, 0.0]
    assert list(Config(weight_decay=0.05, regularize_biases=True).regularization()
                .weight_decay_bias) == [0.05] * 3


def test_live_weight_decay_applies_at_the_next_step():
    experiment = Experiment(Config(hidden=(8,), n_samples=120, learning_rate=0.5))
    experiment.step(20)
    before = experiment.net.params.copy()
    twin = Experiment(experiment.config)
    twin.net.params[...] = before
    twin.trainer.step_count = experiment.step_count
    experiment.apply(experiment.config.with_values(weight_decay=0.2))
    experiment.step(1)
    twin.step(1)
    weights_now, plain = experiment.net.weights[0], twin.net.weights[0]
    np.testing.assert_allclose(weights_now, plain - 0.5 * 0.2 * before[: 2 * 8].reshape(2, 8),
                               rtol=1e-12, atol=1e-15)
    assert [e.name for e in experiment.events] == ["weight_decay"]


def test_weight_decay_round_trips_through_presets_sessions_and_set(tmp_path):
    preset = load_preset("adamw")
    assert preset.weight_decay > 0 and preset.optimizer == "adam"
    assert Config.from_dict(json.loads(preset.to_json())) == preset
    experiment = Experiment(preset.with_values(weight_decay=0.125))
    experiment.step(30)
    path = session.save(session.Session.from_experiment(experiment), tmp_path / "wd.regviz")
    assert session.load(path).config.weight_decay == 0.125


def test_weight_decay_on_the_command_line(tmp_path):
    from regviz.cli import main

    assert main(["--preset", "adamw", "--set", "weight_decay=0.3", "--steps", "20",
                 "--report", str(tmp_path / "r.json")]) == 0
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["config"]["weight_decay"] == 0.3
    assert report["train"]["penalty"] == 0.0  # decay is not part of the loss
