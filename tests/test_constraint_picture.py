"""The constraint picture's numbers: the data-loss grid against a forward pass
written here, the penalty against its formula, L2's circles and L1's diamonds,
the minimum of J, the window, and the path from the parameter trail."""

import numpy as np
import pytest

from regviz.config import Config
from regviz.constraint_picture import (
    WeightPair,
    constraint_picture,
    data_loss_grid,
    default_pair,
    penalty_grid,
    picture_bounds,
)
from regviz.core import MLP, Regularization, Trainer, datasets
from regviz.core.history import ParameterTrail
from regviz.experiment import Experiment


def problem(sizes, activation="relu", seed=0, n=60):
    k = 2 if sizes[-1] == 1 else sizes[-1]
    X, y = datasets.make("spiral" if k > 2 else "field", n_samples=n, seed=seed,
                         **({"classes": k} if k > 2 else {}))
    net = MLP(list(sizes), activation=activation, init="he", seed=seed)
    net.biases[0][...] = np.linspace(-0.3, 0.3, sizes[1])
    return net, X, y


def direct_loss(weights, biases, X, y, activation):
    """Mean cross-entropy, the forward pass written out."""
    f = {"relu": lambda z: np.maximum(z, 0), "tanh": np.tanh}[activation]
    A = X
    for W, b in zip(weights[:-1], biases[:-1], strict=True):
        A = f(A @ W + b)
    Z = A @ weights[-1] + biases[-1]
    if Z.shape[1] == 1:
        p = 1 / (1 + np.exp(-Z[:, 0]))
        return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    P = np.exp(Z - Z.max(axis=1, keepdims=True))
    P /= P.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(P[np.arange(len(y)), y])))


def with_pair(net, pair, a, b):
    weights = [W.copy() for W in net.weights]
    for (l, i, j), v in ((pair.first, a), (pair.second, b)):
        weights[l][i, j] = v
    return weights


PAIRS = [
    ((2, 6, 4, 1), "relu", WeightPair((0, 0, 2), (0, 1, 2))),  # one unit, both inputs
    ((2, 6, 4, 1), "relu", WeightPair((0, 0, 1), (0, 1, 3))),  # two units of one layer
    ((2, 6, 4, 1), "relu", WeightPair((1, 2, 3), (0, 1, 2))),  # two layers, later one first
    ((2, 6, 4, 1), "relu", WeightPair((2, 0, 0), (2, 3, 0))),  # the output layer
    ((2, 6, 4, 1), "relu", WeightPair((0, 1, 2), (2, 2, 0))),  # first and last layer
    ((2, 5, 3), "tanh", WeightPair((0, 0, 4), (1, 4, 2))),  # 3 classes, feeding weight
]


@pytest.mark.parametrize("sizes, activation, pair", PAIRS)
def test_data_loss_grid_is_the_loss_at_every_grid_point(sizes, activation, pair):
    net, X, y = problem(sizes, activation)
    xs, ys = np.linspace(-2.0, 1.5, 9), np.linspace(-1.0, 2.5, 7)
    grid = data_loss_grid(net, X, y, pair, xs, ys)
    assert grid.shape == (7, 9)
    for r in range(7):
        for c in range(9):
            expected = direct_loss(with_pair(net, pair, xs[c], ys[r]), net.biases, X, y,
                                   activation)
            assert grid[r, c] == pytest.approx(expected, rel=1e-12, abs=1e-14), (r, c)


def test_a_big_grid_in_chunks_matches_sampled_points(monkeypatch):
    import regviz.constraint_picture as module

    monkeypatch.setattr(module, "CHUNK_ELEMENTS", 5000)  # many chunks
    net, X, y = problem((2, 6, 4, 1))
    pair = WeightPair((0, 0, 2), (1, 2, 1))
    xs, ys = np.linspace(-1, 1, 64), np.linspace(-2, 2, 64)
    grid = data_loss_grid(net, X, y, pair, xs, ys)
    rng = np.random.default_rng(0)
    for r, c in rng.integers(0, 64, (12, 2)):
        expected = direct_loss(with_pair(net, pair, xs[c], ys[r]), net.biases, X, y, "relu")
        assert grid[r, c] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("divide_by_2m", [True, False])
def test_penalty_grid_is_the_configured_penalty(divide_by_2m):
    """Each weight with its own layer's λ, ÷2m with m = the training points, biases in."""
    net, X, y = problem((2, 6, 4, 1))
    config = Config(hidden=(6, 4), l2=0.3, l1=0.05, regularize_biases=True,
                    regularized_layers=(1, 3), divide_by_2m=divide_by_2m)
    pair = WeightPair((0, 1, 2), (1, 3, 0))  # layer 2 is not penalized
    xs, ys = np.linspace(-1, 2, 5), np.linspace(-3, 1, 4)
    grid = penalty_grid(config.regularization(), net, pair, xs, ys, m=len(y))
    s = 1 / (2 * len(y)) if divide_by_2m else 1.0
    for r in range(4):
        for c in range(5):
            weights = with_pair(net, pair, xs[c], ys[r])
            expected = s * sum(0.3 * (np.sum(W ** 2) + np.sum(b ** 2))
                               + 0.05 * (np.sum(np.abs(W)) + np.sum(np.abs(b)))
                               for l, (W, b) in enumerate(zip(weights, net.biases,
                                                                strict=True)) if l != 1)
            assert grid[r, c] == pytest.approx(expected, rel=1e-12)


def picture_for(config, pair=None, steps=300):
    experiment = Experiment(config)
    experiment.step(steps)
    d = experiment.data
    return constraint_picture(experiment.net, d.X_train, d.y_train,
                              config.regularization(), pair or default_pair(experiment.net.weights))


def radii(points, norm):
    return np.linalg.norm(points, ord=norm, axis=1)


@pytest.mark.parametrize("penalty, norm, other", [("l2", 2, 1), ("l1", 1, 2)])
def test_penalty_contours_are_circles_for_l2_and_diamonds_for_l1(penalty, norm, other):
    config = Config(hidden=(8,), n_samples=120, divide_by_2m=False, **{penalty: 0.01})
    picture = picture_for(config)
    lines = picture.penalty_lines.reshape(-1, 2, 2)  # segments
    assert len(lines) > 100
    # Each segment lies on one level of ‖w‖₂ (a circle) or ‖w‖₁ (a diamond): its two
    # ends have the same norm…
    r = radii(lines.reshape(-1, 2), norm).reshape(-1, 2)
    assert np.abs(r[:, 0] - r[:, 1]).max() < 0.01 * r.mean()
    # …and there are four such levels, the grid's penalty quantiles.
    levels = np.sort(np.unique(np.round(r.ravel() / r.max(), 3)))
    groups = np.split(levels, np.flatnonzero(np.diff(levels) > 0.02) + 1)
    assert len(groups) == 4
    # The other norm varies along a level (√2 between an axis and a diagonal).
    outer = lines.reshape(-1, 2)[radii(lines.reshape(-1, 2), norm) > 0.98 * r.max()]
    spread = radii(outer, other)
    assert spread.max() > 1.2 * spread.min()


def test_the_minimum_of_j_is_the_grid_s_lowest_data_loss_plus_penalty():
    config = Config(hidden=(6,), n_samples=80, l2=2.0, divide_by_2m=False)
    experiment = Experiment(config)
    experiment.step(200)
    net, d = experiment.net, experiment.data
    pair = WeightPair((0, 0, 1), (1, 1, 0))
    picture = constraint_picture(net, d.X_train, d.y_train, config.regularization(), pair,
                                 resolution=12)
    direct = np.empty((12, 12))
    for r in range(12):
        for c in range(12):
            weights = with_pair(net, pair, picture.xs[c], picture.ys[r])
            direct[r, c] = direct_loss(weights, net.biases, d.X_train, d.y_train, "relu") \
                + 2.0 * sum(np.sum(W ** 2) for W in weights)
    np.testing.assert_allclose(picture.total, direct, rtol=1e-12)
    r, c = np.unravel_index(np.argmin(direct), direct.shape)
    assert picture.minimum() == (picture.xs[c], picture.ys[r])
    r, c = np.unravel_index(np.argmin(picture.data_loss), direct.shape)
    assert picture.minimum("data") == (picture.xs[c], picture.ys[r])


def test_no_penalty_no_penalty_lines_and_the_kind_is_named():
    picture = picture_for(Config(hidden=(8,), n_samples=120, weight_decay=0.01))
    assert picture.penalty_kind == "none" and not picture.has_penalty
    assert len(picture.penalty_lines) == 0 and len(picture.data_lines) > 0
    np.testing.assert_array_equal(picture.penalty, 0.0)  # weight decay is not a penalty
    assert picture_for(Config(hidden=(8,), n_samples=120, l2=0.1, l1=0.1)).penalty_kind \
        == "L1 + L2"


def test_window_holds_origin_path_and_current_values_and_is_square():
    points = np.array([[0.3, -0.2], [0.9, 0.4], [1.1, 0.35]])
    x0, x1, y0, y1 = picture_bounds(points)
    assert x1 - x0 == pytest.approx(y1 - y0)
    for px, py in np.vstack([points, [[0, 0]]]):
        assert x0 < px < x1 and y0 < py < y1
    side = x1 - x0
    mantissa = side / 10 ** np.floor(np.log10(side))
    assert min(abs(mantissa - k) for k in (1, 1.25, 1.5, 1.875, 2, 2.5, 3, 3.75, 5, 6.25, 7,
                                           8.75, 10)) < 1e-9
    # A small move of the points leaves the window where it was.
    assert picture_bounds(points * 1.01) == (x0, x1, y0, y1)
    tiny = picture_bounds(np.zeros((1, 2)))
    assert tiny[1] - tiny[0] >= 0.2


def test_the_grid_runs_through_both_axes():
    """L1's exact zeros lie on the axes: the grid must hold them, not straddle them."""
    picture = picture_for(Config(hidden=(8,), n_samples=120, l1=0.01, divide_by_2m=False))
    assert 0.0 in picture.xs and 0.0 in picture.ys
    step = np.diff(picture.xs)
    np.testing.assert_allclose(step, step[0])
    x0, x1, _, _ = picture_bounds(picture.path)
    assert abs(picture.xs[0] - x0) <= step[0] / 2 + 1e-12


def test_the_path_is_the_pair_s_values_at_the_trail_s_steps():
    config = Config(hidden=(6,), n_samples=80, l1=0.5)
    experiment = Experiment(config)
    experiment.step(500)
    trail = experiment.trainer.history.parameter_trail
    pair = WeightPair((0, 1, 3), (1, 2, 0))
    picture = constraint_picture(experiment.net, experiment.data.X_train,
                                 experiment.data.y_train, config.regularization(), pair,
                                 path=trail.values(pair.flat_indices(experiment.net.sizes)))
    twin = Experiment(config)
    expected = []
    for step in trail.steps:
        twin.step(int(step) - twin.step_count)
        expected.append([twin.net.weights[0][1, 3], twin.net.weights[1][2, 0]])
    np.testing.assert_array_equal(picture.path[:-1], expected)
    np.testing.assert_array_equal(picture.path[-1], picture.current)
    assert picture.current[0] == experiment.net.weights[0][1, 3]


def test_parameter_trail_is_bounded_and_spans_the_run():
    trail = ParameterTrail(3, stride=10, capacity=8)
    for step in range(0, 1000, 10):
        trail.record(step, np.full(3, float(step)))
    assert len(trail) <= 8 and trail.steps[0] == 0 and trail.steps[-1] >= 1000 - trail.stride
    np.testing.assert_array_equal(trail.values([2]), trail.steps[:, None])
    assert np.all(np.diff(trail.steps) == trail.stride)
    big = ParameterTrail(2_000_000)
    assert big.capacity * 2_000_000 * 8 <= 4 * 2_000_000 * 8  # the minimum, not more


def test_trainer_keeps_a_trail_and_a_loaded_history_starts_one_afresh():
    X, y = datasets.make("field", n_samples=60, seed=0)
    trainer = Trainer(MLP([2, 4, 1], seed=0), X, y, X, y, Regularization(), learning_rate=0.1)
    trainer.step(100)
    trail = trainer.history.parameter_trail
    assert list(trail.steps) == list(range(0, 101, 10))  # up to the step it stopped at
    trainer.restore(100, trainer.history.as_dict())
    assert trainer.history.parameter_trail is None


def test_pair_checks_and_flat_indices():
    net = MLP([2, 5, 3, 1], seed=0)
    pair = WeightPair((1, 4, 2), (2, 0, 0))
    for (l, i, j), index in zip((pair.first, pair.second), pair.flat_indices(net.sizes),
                                strict=True):
        net.params[index] = 123.0
        assert net.weights[l][i, j] == 123.0
    with pytest.raises(ValueError, match=r"second weight \(2, 3, 0\) is not in a 2-5-3-1"):
        WeightPair((0, 0, 0), (2, 3, 0)).check(net.sizes)
    with pytest.raises(ValueError, match="same weight twice"):
        WeightPair((0, 0, 0), (0, 0, 0)).check(net.sizes)
    # The default: the output layer's two strongest links (a logistic regression on
    # the last hidden features: a convex slice).
    net.weights[2][:, 0] = [0.1, -2.0, 0.5]
    assert default_pair(net.weights) == WeightPair((2, 1, 0), (2, 2, 0))
    assert default_pair([np.ones((2, 1))]) == WeightPair((0, 0, 0), (0, 1, 0))
    assert pair.label(pair.first) == "W2[5→3]"


def test_the_grid_coarsens_for_costly_pairs_and_a_picture_too_costly_is_refused():
    """Bounded cost: the multiply-adds of a grid point are counted (two columns of the
    pair's layer, the two units they feed onward, every later layer in full, for each
    training point) and the grid shrinks to stay within MAX_MULTIPLY_ADDS."""
    from regviz.constraint_picture import (
        MAX_MULTIPLY_ADDS,
        NoPicture,
        affordable_resolution,
        cost_per_grid_point,
    )

    sizes = [2, 5, 4, 3]
    assert cost_per_grid_point(sizes, 10, WeightPair((0, 0, 1), (0, 1, 2))) == \
        10 * (2 + 2 * 4 + 4 * 3 + 3)
    assert cost_per_grid_point(sizes, 10, WeightPair((2, 0, 1), (1, 1, 2))) == \
        10 * (2 + 2 * 3 + 0 + 3)
    wide = [2, 64, 64, 1]
    first_layer = WeightPair((0, 0, 0), (0, 1, 0))
    assert affordable_resolution(wide, 200, first_layer) == 64
    coarse = affordable_resolution(wide, 2500, first_layer)
    assert 16 <= coarse < 64
    assert coarse ** 2 * cost_per_grid_point(wide, 2500, first_layer) <= MAX_MULTIPLY_ADDS
    net = MLP([2, 256, 256, 256, 1], seed=0)
    X, y = datasets.make("field", n_samples=400, seed=0)
    refused = constraint_picture(net, X, y, Regularization(l2=0.1), first_layer)
    assert isinstance(refused, NoPicture) and "nearer the output" in refused.reason
    near_output = constraint_picture(net, X, y, Regularization(l2=0.1),
                                     WeightPair((3, 0, 0), (3, 1, 0)))
    assert near_output.data_loss.shape == (64, 64)
    config = Config(hidden=(64, 64), n_samples=5000, l2=0.1)
    experiment = Experiment(config)
    picture = constraint_picture(experiment.net, experiment.data.X_train,
                                 experiment.data.y_train, config.regularization(), first_layer)
    assert picture.data_loss.shape == (coarse, coarse)
