# ruff: noqa: NPY002  (the course's own np.random.seed/randn calls, replayed on purpose)
"""The course notebook's own published test values, reproduced by the engine.

The course stores W as (n_out, n_in) and X as (features, samples); we transpose
into our row layout. Its parameters and dropout masks come from numpy's legacy
Mersenne Twister seeded with 1: ``np.random.RandomState(1)`` draws exactly what
the notebook's ``np.random.seed(1); np.random.randn(...)`` draws, without
touching the global generator.
"""

import json
import os

import numpy as np
import pytest
import scipy.io

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


def test_course_init_draws_the_course_initial_weights():
    """The course's initialize_parameters([2, 20, 3, 1]) after np.random.seed(3), written
    as the course writes it (W (n_out, n_in), b = 0), transposed into our layout."""
    saved = np.random.get_state()
    try:
        np.random.seed(3)
        course = [np.random.randn(20, 2) / np.sqrt(2), np.random.randn(3, 20) / np.sqrt(20),
                  np.random.randn(1, 3) / np.sqrt(3)]
    finally:
        np.random.set_state(saved)
    before = np.random.get_state()[1].copy()
    net = MLP([2, 20, 3, 1], init="course", seed=3)
    assert np.array_equal(np.random.get_state()[1], before)  # the global RNG is untouched
    for ours, theirs in zip(net.weights, course, strict=True):
        assert ours.shape == theirs.T.shape
        assert np.array_equal(ours, theirs.T)
    assert all(not b.any() for b in net.biases)
    assert not np.array_equal(MLP([2, 20, 3, 1], init="course", seed=1).weights[0],
                              net.weights[0])


def test_course_preset_starts_from_the_course_initial_weights():
    """The course preset (seed 3) builds exactly the course's starting network."""
    from regviz.config import load_preset
    from regviz.experiment import Experiment

    config = load_preset("course")
    assert (config.init, config.seed, config.hidden) == ("course", 3, (20, 3))
    legacy = np.random.RandomState(3)
    expected = [legacy.randn(20, 2) / np.sqrt(2), legacy.randn(3, 20) / np.sqrt(20),
                legacy.randn(1, 3) / np.sqrt(3)]
    net = Experiment(config).net
    for ours, theirs in zip(net.weights, expected, strict=True):
        assert np.array_equal(ours, theirs.T)


# -- the course's data.mat -----------------------------------------------------------

def course_first_cost(X, Y):
    """The course's forward_propagation and compute_cost (column layout, W (n_out, n_in))
    from its initial weights (seed 3) on X (2, m), Y (1, m)."""
    legacy = np.random.RandomState(3)
    W1, W2, W3 = (legacy.randn(20, 2) / np.sqrt(2), legacy.randn(3, 20) / np.sqrt(20),
                  legacy.randn(1, 3) / np.sqrt(3))
    A1 = np.maximum(0, W1 @ X)
    A2 = np.maximum(0, W2 @ A1)
    A3 = 1 / (1 + np.exp(-(W3 @ A2)))
    logprobs = np.multiply(-np.log(A3), Y) + np.multiply(-np.log(1 - A3), 1 - Y)
    return 1.0 / X.shape[1] * np.nansum(logprobs)


def test_course_preset_on_a_file_shaped_like_the_course_data_mat(tmp_path):
    """A file with the real data.mat's structure (X (211, 2) float64, y (211, 1) uint8,
    Xval (200, 2), yval (200, 1)): the course preset trains on exactly its points and
    starts at the course's own first cost for them."""
    from regviz.config import load_preset
    from regviz.core import datasets
    from regviz.experiment import Experiment

    X, y = datasets.make("field", n_samples=411, seed=5)
    path = tmp_path / "data.mat"
    scipy.io.savemat(path, {"X": X[:211], "y": y[:211, None].astype(np.uint8),
                            "Xval": X[211:], "yval": y[211:, None].astype(np.uint8)})
    experiment = Experiment(load_preset("course").with_values(data_file=str(path)))
    data = experiment.data
    assert np.array_equal(data.X_train, X[:211]) and np.array_equal(data.y_train, y[:211])
    assert np.array_equal(data.X_test, X[211:]) and np.array_equal(data.y_test, y[211:])
    expected = course_first_cost(X[:211].T, y[None, :211])
    assert experiment.trainer.history.train_data_loss[0] == pytest.approx(expected, rel=1e-12)
    # and through the command line's --data
    from regviz.cli import main

    history = tmp_path / "h.csv"
    assert main(["--preset", "course", "--data", str(path), "--steps", "0",
                 "--history", str(history)]) == 0
    first = history.read_text().splitlines()[1].split(",")
    assert float(first[1]) == pytest.approx(expected, rel=1e-12)


REAL_DATA_MAT = os.environ.get("REGVIZ_COURSE_DATA_MAT")


@pytest.mark.skipif(not REAL_DATA_MAT, reason="set REGVIZ_COURSE_DATA_MAT to the course's "
                    "data.mat (regviz does not ship it) to check the notebook's table")
@pytest.mark.parametrize("sets, train, test", [([], 94.8, 91.5), (["l2=0.7"], 93.8, 93.0)])
def test_course_table_on_the_real_data_mat(tmp_path, sets, train, test):
    """The notebook's published results, through the command line, and its first cost."""
    from regviz.cli import main

    args = ["--preset", "course", "--data", REAL_DATA_MAT, "--steps", "30000",
            "--report", str(tmp_path / "r.json"), "--history", str(tmp_path / "h.csv")]
    for assignment in sets:
        args += ["--set", assignment]
    assert main(args) == 0
    report = json.loads((tmp_path / "r.json").read_text())
    assert 100 * report["train"]["accuracy"] == pytest.approx(train, abs=0.5)
    assert 100 * report["test"]["accuracy"] == pytest.approx(test, abs=0.5)
    first = (tmp_path / "h.csv").read_text().splitlines()[1].split(",")
    assert float(first[1]) == pytest.approx(0.6557412523481002, rel=1e-12)
