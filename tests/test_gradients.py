"""Finite-difference checks of every gradient the engine computes.

Central differences of the total loss (data + penalty) in float64, parameter by
parameter, against ``loss_and_gradients``: every regularizer alone and all
together, per-layer λ, both scalings, dropout with fixed masks, binary and
3-class outputs, every hidden activation. The functions are not differentiable
where a ReLU-type pre-activation or an L1-penalized parameter is 0, so problems
are drawn until nothing is within ``KINK_MARGIN`` of such a point.
"""

import itertools

import numpy as np
import pytest

from regviz.core import MLP, Regularization

EPS = 1e-6
KINK_MARGIN = 1e-3  # ≫ EPS·|x|: a perturbation cannot cross a kink
ACTIVATIONS = ("relu", "tanh", "sigmoid", "leaky_relu")
SHAPES = {"binary": (3, 5, 4, 1), "3-class": (2, 6, 4, 3)}
REGULARIZERS = {
    "none": dict(),
    "l2": dict(l2=0.3),
    "l1": dict(l1=0.2),
    "l2_bias": dict(l2_bias=0.4),
    "l1_bias": dict(l1_bias=0.25),
    "all": dict(l2=0.3, l1=0.2, l2_bias=0.1, l1_bias=0.05),
    "per_layer": dict(l2=[0.5, 0.0, 0.2], l1=[0.0, 0.1, 0.0], l2_bias=[0.3, 0.0, 0.0],
                      l1_bias=[0.0, 0.0, 0.15]),
}


def flat(weights, biases):
    return np.concatenate([np.concatenate([W.ravel(), b.ravel()])
                           for W, b in zip(weights, biases, strict=True)])


def numeric_gradient(net, X, y, reg, masks):
    """Central differences of ``total`` with respect to every parameter, in the
    order of ``flat``."""
    grads = []
    for array in [a for pair in zip(net.weights, net.biases, strict=True) for a in pair]:
        g = np.zeros(array.shape)
        for index in np.ndindex(array.shape):
            old = array[index]
            array[index] = old + EPS
            up = net.loss_and_gradients(X, y, reg, masks=masks).total
            array[index] = old - EPS
            down = net.loss_and_gradients(X, y, reg, masks=masks).total
            array[index] = old
            g[index] = (up - down) / (2 * EPS)
        grads.append(g.ravel())
    return np.concatenate(grads)


def draw_problem(sizes, activation, seed, keep=None, m=7):
    """A network with non-zero biases (so bias penalties matter), inputs, labels
    and, if ``keep`` lists keep probabilities, fixed dropout masks; redrawn until
    no kink of the (masked) pass is within KINK_MARGIN."""
    for attempt in range(200):
        rng = np.random.default_rng(1000 * seed + attempt)
        net = MLP(list(sizes), activation=activation, init="course", seed=int(rng.integers(1e9)))
        for b in net.biases:
            b[...] = rng.normal(0, 0.3, b.shape)
        X = rng.normal(size=(m, sizes[0]))
        k = 2 if sizes[-1] == 1 else sizes[-1]
        y = rng.integers(0, k, m)
        masks = None
        if keep is not None:
            masks = [rng.random((m, n)) < p for n, p in zip(sizes[1:-1], keep, strict=True)]
            for D in masks:  # at least one unit dropped and one kept per layer
                D[0, 0], D[0, 1] = False, True
        if len(set(y.tolist())) < k:
            continue
        params_clear = min(np.abs(p).min() for p in net.weights + net.biases) > KINK_MARGIN
        if params_clear and kinks_clear(net, X, masks, keep):
            return net, X, y, masks
    raise AssertionError("no kink-free problem found")


def kinks_clear(net, X, masks=None, keep=None):
    """No hidden pre-activation of the pass within KINK_MARGIN of 0."""
    A = X
    for l, (W, b) in enumerate(zip(net.weights[:-1], net.biases[:-1], strict=True)):
        Z = A @ W + b
        if np.abs(Z).min() <= KINK_MARGIN:
            return False
        A = {"relu": np.maximum(Z, 0), "leaky_relu": np.where(Z > 0, Z, 0.01 * Z),
             "tanh": np.tanh(Z), "sigmoid": 1 / (1 + np.exp(-Z))}[net.activation]
        if masks is not None:
            A = A * masks[l] / keep[l]
    return True


def relative_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-12)


CASES = [
    (reg, div, act, out, drop)
    for reg, div, act, out, drop in itertools.product(
        REGULARIZERS, [False, True], ACTIVATIONS, SHAPES, [False, True])
    # the full product for tanh and relu, every activation on "all" and "per_layer"
    if act in ("tanh", "relu") or reg in ("all", "per_layer")
]


@pytest.mark.parametrize("reg_name, divide_by_2m, activation, output, dropout", CASES)
def test_gradients_match_finite_differences(reg_name, divide_by_2m, activation, output,
                                            dropout):
    sizes = SHAPES[output]
    seed = CASES.index((reg_name, divide_by_2m, activation, output, dropout))
    keep = [0.6, 0.8] if dropout else None
    net, X, y, masks = draw_problem(sizes, activation, seed, keep)
    reg = Regularization(**REGULARIZERS[reg_name], divide_by_2m=divide_by_2m,
                         keep_prob=keep or 1.0)
    out = net.loss_and_gradients(X, y, reg, masks=masks)
    if dropout:
        assert all(np.array_equal(a, b) for a, b in zip(out.masks, masks, strict=True))
    else:
        assert out.masks == [None, None]
    analytic = flat(out.grad_weights, out.grad_biases)
    numeric = numeric_gradient(net, X, y, reg, masks)
    assert relative_error(analytic, numeric) < 1e-7
    # Elementwise too; a dropped unit's weights have an exact 0 gradient, and
    # central differences carry ~1e-10 absolute noise, hence the small atol.
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_a_wrong_gradient_is_caught():
    """The check can fail: a 0.1% error in one gradient entry must trip it."""
    net, X, y, _ = draw_problem(SHAPES["binary"], "tanh", 12345)
    reg = Regularization(l2=0.3)
    out = net.loss_and_gradients(X, y, reg)
    analytic = flat(out.grad_weights, out.grad_biases)
    numeric = numeric_gradient(net, X, y, reg, None)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)
    analytic[3] *= 1.001
    with pytest.raises(AssertionError):
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_a_mask_that_is_ignored_is_caught():
    """Dropout must use the given masks: other masks give other gradients."""
    net, X, y, _ = draw_problem(SHAPES["binary"], "relu", 777)
    reg = Regularization(keep_prob=0.5)
    ones = [np.ones((len(y), n), dtype=bool) for n in SHAPES["binary"][1:-1]]
    half = [D.copy() for D in ones]
    half[0][:, ::2] = False
    a = net.loss_and_gradients(X, y, reg, masks=ones)
    b = net.loss_and_gradients(X, y, reg, masks=half)
    assert not np.allclose(flat(a.grad_weights, a.grad_biases),
                           flat(b.grad_weights, b.grad_biases))
    # all-ones masks with keep_prob 0.5 are the plain net with activations doubled
    plain = net.loss_and_gradients(X, y)
    assert a.data_loss != pytest.approx(plain.data_loss)


def test_outputs_have_the_documented_shapes():
    for output, sizes in SHAPES.items():
        net, X, y, _ = draw_problem(sizes, "relu", 5)
        out = net.loss_and_gradients(X, y, Regularization(keep_prob=0.7),
                                     rng=np.random.default_rng(0))
        assert out.probs.shape == ((7,) if output == "binary" else (7, sizes[-1]))
        assert [g.shape for g in out.grad_weights] == [W.shape for W in net.weights]
        assert [g.shape for g in out.grad_biases] == [b.shape for b in net.biases]
        assert [D.shape for D in out.masks] == [(7, n) for n in sizes[1:-1]]
        assert all(D.dtype == bool for D in out.masks)
        assert isinstance(out.data_loss, float) and isinstance(out.penalty, float)
        assert isinstance(out.total, float)
        # the probabilities are those of the pass: with dropout, not predict_proba's
        if output == "3-class":
            np.testing.assert_allclose(out.probs.sum(axis=1), 1.0)


def reference_forward(net, X, masks=None, keep=None):
    """The forward pass written out with each activation's formula."""
    f = {"relu": lambda z: np.maximum(z, 0.0), "tanh": np.tanh,
         "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
         "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z)}[net.activation]
    A = X
    for l, (W, b) in enumerate(zip(net.weights[:-1], net.biases[:-1], strict=True)):
        A = f(A @ W + b)
        if masks is not None:
            A = A * masks[l] / keep[l]  # inverted dropout
    Z = A @ net.weights[-1] + net.biases[-1]
    if Z.shape[1] == 1:
        return 1.0 / (1.0 + np.exp(-Z[:, 0]))
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("output", SHAPES)
def test_forward_values_are_the_formulas(activation, output):
    """Gradient checks cannot see a wrong forward pass (it is differentiated
    consistently), so the outputs are checked against the formulas, with and
    without inverted dropout."""
    keep = [0.6, 0.8]
    net, X, y, masks = draw_problem(SHAPES[output], activation, 99, keep)
    plain = net.loss_and_gradients(X, y)
    np.testing.assert_allclose(plain.probs, reference_forward(net, X), rtol=1e-12)
    np.testing.assert_allclose(net.predict_proba(X), reference_forward(net, X), rtol=1e-12)
    dropped = net.loss_and_gradients(X, y, Regularization(keep_prob=keep), masks=masks)
    expected = reference_forward(net, X, masks, keep)
    np.testing.assert_allclose(dropped.probs, expected, rtol=1e-12)
    if expected.ndim == 1:
        p_true = np.where(y == 1, expected, 1 - expected)
    else:
        p_true = expected[np.arange(len(y)), y]
    assert dropped.data_loss == pytest.approx(-np.log(p_true).mean(), rel=1e-12)
