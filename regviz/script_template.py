"""A regviz experiment as a standalone script: numpy only, no regviz needed.

    python THIS_FILE.py                          # train, print the final numbers
    python THIS_FILE.py --report report.json     # ... and write them as JSON
    python THIS_FILE.py --steps 5000             # train a different number of steps

It trains the same network on the same points with the same initial weights,
penalty, dropout masks, optimizer, learning-rate schedule and mini-batch order as
regviz did, and its numbers are regviz's ``--report`` numbers (to 1e-9 or better).

Conventions (regviz's engine, written out plainly):
  * column layout, as the course writes it: a layer's input A is (units, m), one
    column per sample; each layer keeps its weights and biases as one matrix
    [W; b] of shape (n_in + 1, n_out), biases in the last row, so that
    Z = [W; b]ᵀ·[A; 1] = Wᵀ·A + b is one matrix product;
  * hidden layers share one activation; the output is a sigmoid (2 classes) or a
    softmax (more), and the data loss is the mean cross-entropy;
  * the initial weights come from the seed (the course's legacy RandomState for
    init "course", np.random.default_rng otherwise); a generator
    np.random.default_rng(seed) draws the mini-batch order and the dropout masks,
    in the order the steps ask for them;
  * every operation is done in the same order as regviz's engine: in a chaotic run
    (Adam at a high learning rate, say) a difference in the last bit of one sum
    grows until it is visible, so "the same formula" is not enough.
"""
# regviz:header  (regviz replaces this line with what the exported run is)

from __future__ import annotations

import argparse
import json
import math

import numpy as np

# regviz:settings-begin
# The experiment. regviz writes these values; change them and re-run to explore.
SETTINGS = {
    "hidden": [20, 3],
    "activation": "relu",
    "init": "course",
    "seed": 1,
    "optimizer": "sgd",
    "learning_rate": 0.3,
    "lr_decay": 0.0,
    "batch_size": 0,
    "l2": 0.0,
    "l1": 0.0,
    "weight_decay": 0.0,
    "regularize_biases": False,
    "divide_by_2m": True,
    "regularized_layers": [],
    "keep_prob": 1.0,
}
STEPS = 100
# Settings changed while the run was live: (before step, setting, new value).
CHANGES: list[tuple[int, str, object]] = []
# regviz:settings-end

# regviz:data-begin
# The points (exactly regviz's, train and test); labels are 0..k-1.
X_TRAIN = np.array([[-0.5, -0.5], [0.5, 0.5], [-0.4, 0.3], [0.2, -0.6]])
Y_TRAIN = np.array([0, 1, 0, 1])
X_TEST = np.array([[-0.3, -0.2], [0.4, 0.1]])
Y_TEST = np.array([0, 1])
N_CLASSES = 2
# regviz:data-end

# Adam's and momentum's constants (the book's, nnfs).
MOMENTUM = 0.9
ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON = 0.9, 0.999, 1e-7
LEAKY_SLOPE = 0.01


# -- the network ----------------------------------------------------------------

def layer_sizes(settings: dict, n_classes: int) -> list[int]:
    """2 inputs, the hidden layers, then 1 sigmoid output (2 classes) or k softmax outputs."""
    return [2, *settings["hidden"], 1 if n_classes == 2 else n_classes]


def initial_parameters(sizes: list[int], init: str, seed: int) -> list[np.ndarray]:
    """One [W; b] matrix per layer, biases 0, weights drawn layer by layer:

    course: exactly the course's initialize_parameters after np.random.seed(seed):
            W = randn(n_out, n_in)/√n_in from a legacy RandomState, in the course's
            (n_out, n_in) layout, transposed into ours;
    nnfs:   0.01·randn(n_in, n_out);  he: √(2/n_in)·randn(n_in, n_out), from
            np.random.default_rng(seed)."""
    params = []
    if init == "course":
        legacy = np.random.RandomState(seed)
        for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
            Wb = np.zeros((n_in + 1, n_out))
            Wb[:-1] = (legacy.randn(n_out, n_in) / np.sqrt(n_in)).T
            params.append(Wb)
        return params
    rng = np.random.default_rng(seed)
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
        scale = 0.01 if init == "nnfs" else np.sqrt(2.0 / n_in)
        Wb = np.zeros((n_in + 1, n_out))
        Wb[:-1] = rng.standard_normal((n_in, n_out)) * scale
        params.append(Wb)
    return params


def with_ones_row(A: np.ndarray) -> np.ndarray:
    """[A; 1]: the row of ones that multiplies the biases in [W; b]ᵀ·[A; 1]
    (a fresh row-major array: the matrix products must see the engine's layout)."""
    out = np.ones((A.shape[0] + 1, A.shape[1]))
    out[:-1] = A
    return out


def activation(name: str, Z: np.ndarray) -> np.ndarray:
    """The hidden units' non-linearity f(Z) (evaluation mode)."""
    if name == "relu":
        return np.maximum(Z, 0.0)
    if name == "tanh":
        return np.tanh(Z)
    if name == "sigmoid":
        return sigmoid(Z)
    if name == "leaky_relu":
        return np.maximum(Z, LEAKY_SLOPE * Z)  # z above 0, 0.01·z below
    raise ValueError(f"unknown activation {name!r}")


def activation_and_slope(name: str, Z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Training: H = f(Z) and its slope f'(Z), which backpropagation multiplies by.
    ReLU's slope at 0 is taken as 0; ReLU and leaky ReLU are written as H = Z·f'(Z)."""
    if name == "relu":
        slope = (Z > 0).astype(float)
        return Z * slope, slope
    if name == "tanh":
        H = np.tanh(Z)
        return H, 1.0 - H * H
    if name == "sigmoid":
        H = sigmoid(Z)
        return H, (1.0 - H) * H
    if name == "leaky_relu":
        slope = (Z > 0).astype(float) * (1.0 - LEAKY_SLOPE) + LEAKY_SLOPE
        return Z * slope, slope
    raise ValueError(f"unknown activation {name!r}")


def sigmoid(Z: np.ndarray) -> np.ndarray:
    """1/(1 + e^−z); e^−z overflowing to inf still gives exactly 0."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-Z))


def output_logits(params: list[np.ndarray], X: np.ndarray, activation_name: str) -> np.ndarray:
    """Evaluation mode (no dropout): the output layer's Z, (k, m), for points X (m, 2)."""
    A = with_ones_row(X.T)
    for Wb in params[:-1]:
        A = with_ones_row(activation(activation_name, np.dot(Wb.T, A)))
    return np.dot(params[-1].T, A)


def cross_entropy(Z: np.ndarray, y: np.ndarray) -> float:
    """Mean cross-entropy from the logits Z (k, m), without clipping probabilities:
    2 classes: log(1 + e^z) − y·z;  k classes: log Σ e^z − z_y."""
    if Z.shape[0] == 1:
        z = Z[0]
        return float((np.logaddexp(0.0, z) - y * z).sum()) / len(y)
    top = Z.max(axis=0)
    log_sum = np.log(np.exp(Z - top).sum(axis=0)) + top
    return float((log_sum - Z[y, np.arange(len(y))]).sum()) / len(y)


def predictions(Z: np.ndarray) -> np.ndarray:
    """Class labels: p(class 1) ≥ ½ (z ≥ 0) for 2 classes, the largest logit for k."""
    return (Z[0] >= 0).astype(int) if Z.shape[0] == 1 else Z.argmax(axis=0)


# -- dropout ----------------------------------------------------------------------

def dropout_mask(rng: np.random.Generator, units: int, m: int, keep_prob: float) -> np.ndarray:
    """D = rand(units, m) < keep_prob, as the course's np.random.rand(*A.shape) < keep_prob."""
    return rng.random((units, m)) < keep_prob


# -- one training step ------------------------------------------------------------

def loss_and_output_gradient(Z: np.ndarray, y: np.ndarray, grad_scale: float):
    """The mean cross-entropy of the batch and grad_scale·m·dL/dZ of the output.

    2 classes: with s = 1 − 2y (+1 for label 0, −1 for label 1) the loss of a sample
    is softplus(s·z) and dL/dz = σ(z) − y = s·σ(s·z), with σ(s·z) = e^(s·z − softplus(s·z))
    (exact even for very confident outputs).
    k classes: softmax P = e^(z − max) / Σ e^(z − max); dL/dZ = P − onehot(y)."""
    m = len(y)
    if Z.shape[0] == 1:
        sign = 1.0 - 2.0 * y
        t = Z[0] * sign
        softplus = np.logaddexp(0.0, t)
        loss = float(np.add.reduce(softplus)) / m
        wrong = np.exp(t - softplus)  # σ(s·z): the probability given to the other class
        return loss, (wrong * (sign * grad_scale))[None, :]
    shifted = Z - Z.max(axis=0)
    P = np.exp(shifted)
    total = P.sum(axis=0)
    P /= total
    loss = (float(np.add.reduce(np.log(total)))
            - float(np.add.reduce(shifted[y, np.arange(m)]))) / m
    P[y, np.arange(m)] -= 1.0
    P *= grad_scale
    return loss, P


def forward_backward(params, X1, y, settings, rng, grad_scale: float):
    """The forward pass under inverted dropout (kept units × 1/keep_prob, hidden
    layers only) and backpropagation. X1 is the batch as [X; 1] (3, m).

    Returns the batch's mean cross-entropy and grad_scale·m·dL/d[W; b] per layer
    (grad_scale 1/m gives the gradient of the mean loss)."""
    name, keep_prob = settings["activation"], settings["keep_prob"]
    inputs, slopes = [X1], []
    for Wb in params[:-1]:
        Z = np.dot(Wb.T, inputs[-1])
        H, slope = activation_and_slope(name, Z)
        if keep_prob < 1.0:
            kept = dropout_mask(rng, Z.shape[0], Z.shape[1], keep_prob) * (1.0 / keep_prob)
            H, slope = H * kept, slope * kept
        inputs.append(with_ones_row(H))
        slopes.append(slope)
    Z = np.dot(params[-1].T, inputs[-1])
    loss, dZ = loss_and_output_gradient(Z, y, grad_scale)
    grads = [None] * len(params)
    for layer in range(len(params) - 1, -1, -1):
        grads[layer] = np.dot(inputs[layer], dZ.T)  # [A; 1]·dZᵀ: dW and db at once
        if layer:
            dZ = np.dot(params[layer][:-1], dZ) * slopes[layer - 1]  # W·dZ ∘ f'(Z)
    return loss, grads


# -- the penalty -------------------------------------------------------------------

def penalty_strengths(settings: dict, n_layers: int):
    """Per weight layer: (λ₂ on W, λ₁ on W, λ₂ on b, λ₁ on b). The penalty covers the
    layers in regularized_layers (1 = first; empty: all), and biases only with
    regularize_biases."""
    chosen = set(settings["regularized_layers"]) or set(range(1, n_layers + 1))
    strengths = []
    for layer in range(1, n_layers + 1):
        l2 = settings["l2"] if layer in chosen else 0.0
        l1 = settings["l1"] if layer in chosen else 0.0
        on_biases = settings["regularize_biases"]
        strengths.append((l2, l1, l2 if on_biases else 0.0, l1 if on_biases else 0.0))
    return strengths


def weight_decay_rates(settings: dict, n_layers: int):
    """Per weight layer: (wd on W, wd on b). Decoupled weight decay covers what the
    penalty covers (regularized_layers; biases only with regularize_biases)."""
    chosen = set(settings["regularized_layers"]) or set(range(1, n_layers + 1))
    rates = []
    for layer in range(1, n_layers + 1):
        wd = settings["weight_decay"] if layer in chosen else 0.0
        rates.append((wd, wd if settings["regularize_biases"] else 0.0))
    return rates


def per_parameter(Wb: np.ndarray, on_weights: float, on_biases: float) -> np.ndarray:
    """A value per entry of [W; b]: ``on_weights`` on W's rows, ``on_biases`` on b's."""
    values = np.full(Wb.shape, on_weights)
    values[-1] = on_biases
    return values


def penalty_scale(settings: dict, m: int) -> float:
    """The factor in front of every penalty term: 1/(2m) in the course's form
    (divide_by_2m), 1 in the book's. m is the number of training points, whatever
    the batch (the objective the course states, λ/(2m)·Σ‖W‖² over its training set)."""
    return 1.0 / (2.0 * m) if settings["divide_by_2m"] else 1.0


def penalty(params, settings: dict, m: int) -> float:
    """scale · Σ over layers of λ₂·Σw² + λ₁·Σ|w| (+ the same on b with its λ)."""
    total = 0.0
    for Wb, (l2, l1, l2_b, l1_b) in zip(params, penalty_strengths(settings, len(params)),
                                           strict=True):
        W, b = Wb[:-1], Wb[-1]
        total += (l2 * float(np.vdot(W, W)) + l1 * float(np.abs(W).sum())
                  + l2_b * float(np.vdot(b, b)) + l1_b * float(np.abs(b).sum()))
    return penalty_scale(settings, m) * total


def soft_threshold(theta: np.ndarray, threshold: np.ndarray) -> np.ndarray:
    """L1 as a proximal step after the update: |θ| shrinks by lr·scale·λ₁ and stops at
    exactly 0 instead of crossing it — which is why L1 makes weights exactly zero."""
    return np.copysign(np.maximum(np.abs(theta) - threshold, 0.0), theta)


# -- the optimizer -----------------------------------------------------------------

def learning_rate_at(settings: dict, step: int) -> float:
    """The book's decay: lr / (1 + decay·step), step counting from 0."""
    lr = settings["learning_rate"]
    return lr / (1.0 + settings["lr_decay"] * step) if settings["lr_decay"] else lr


def new_optimizer_state(params) -> dict:
    """Momentum's velocity and Adam's moments, one zero array per layer."""
    return {"velocity": [np.zeros_like(Wb) for Wb in params],
            "m": [np.zeros_like(Wb) for Wb in params],
            "v": [np.zeros_like(Wb) for Wb in params], "t": 0}


def update(params, grads, state: dict, optimizer: str, lr: float) -> None:
    """Move every [W; b] in place. For sgd and momentum ``grads`` are lr·g already
    (see ``train``); for adam they are g.

    sgd:      θ ← θ − lr·g
    momentum: v ← μ·v − lr·g;  θ ← θ + v   (μ = 0.9)
    adam:     m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;
              θ ← θ − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)   (bias-corrected, the book's)"""
    if optimizer == "adam":
        state["t"] += 1
        t = state["t"]
    for i, (theta, g) in enumerate(zip(params, grads, strict=True)):
        if optimizer == "sgd":
            theta -= g
        elif optimizer == "momentum":
            velocity = state["velocity"][i]
            velocity *= MOMENTUM
            velocity -= g
            theta += velocity
        elif optimizer == "adam":
            m, v = state["m"][i], state["v"][i]
            m *= ADAM_BETA1
            m += g * (1.0 - ADAM_BETA1)
            v *= ADAM_BETA2
            v += (g * g) * (1.0 - ADAM_BETA2)
            denominator = np.sqrt(v) * (1.0 / np.sqrt(1.0 - ADAM_BETA2 ** t)) + ADAM_EPSILON
            theta -= (m / denominator) * (lr / (1.0 - ADAM_BETA1 ** t))
        else:
            raise ValueError(f"unknown optimizer {optimizer!r}")


# -- mini-batches ------------------------------------------------------------------

def batch_rows(rng: np.random.Generator, n: int, batch_size: int):
    """Which samples each step trains on: all n (batch_size 0 or ≥ n: full batch, as
    a slice, which takes the data as it is), else shuffled epoch by epoch — a fresh
    permutation whenever the last one is used up, drawn just before the step that
    needs it."""
    if batch_size == 0 or batch_size >= n:
        while True:
            yield slice(None)
    while True:
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            yield order[start:start + batch_size]


# -- training ----------------------------------------------------------------------

def train(steps: int, settings: dict, changes, X, y, n_classes: int):
    """Gradient descent on data loss + penalty for ``steps`` steps; returns
    (params, settings in force at the end, steps done, whether it diverged)."""
    settings = dict(settings)
    params = initial_parameters(layer_sizes(settings, n_classes), settings["init"],
                                settings["seed"])
    rng = np.random.default_rng(settings["seed"])  # batch order and dropout masks
    batches = batch_rows(rng, len(y), settings["batch_size"])
    X1_all = with_ones_row(X.T)
    state = new_optimizer_state(params)
    pending = sorted(changes, key=lambda change: change[0])
    for step in range(steps):
        while pending and pending[0][0] <= step:
            _, name, value = pending.pop(0)
            settings[name] = value  # a live change: applies from this step on
        rows = next(batches)
        m = len(y[rows])
        lr = learning_rate_at(settings, step)
        # SGD and momentum fold lr into the output's gradient (grad_scale lr/m), so
        # every gradient comes out as lr·g; Adam needs g itself (1/m).
        lr_folded = settings["optimizer"] in ("sgd", "momentum")
        grad_scale = (lr if lr_folded else 1.0) / m
        loss, grads = forward_backward(params, X1_all[:, rows], y[rows], settings, rng,
                                       grad_scale)
        if not loss < 1e4:  # also NaN: the run blew up (lower the learning rate)
            return params, settings, step, True
        scale = penalty_scale(settings, len(y))  # m = N, not the batch
        strengths = penalty_strengths(settings, len(params))
        # Decoupled weight decay (AdamW's rule): θ ← θ − (the optimizer's step) − lr·wd·θ,
        # with lr·wd·θ taken from the parameters before this step moves them. It is
        # not a penalty: not in the loss, not in the gradient, not divided by 2m.
        decay_steps = [params[layer] * (lr * per_parameter(params[layer], wd, wd_b))
                       if wd or wd_b else None
                       for layer, (wd, wd_b) in enumerate(
                           weight_decay_rates(settings, len(params)))]
        for layer, (l2, _, l2_b, _) in enumerate(strengths):
            if not (l2 or l2_b):
                continue
            # L2's gradient 2·scale·λ₂·θ (λ₂/m·W in the course's form, 2λ₂·w in the book's).
            if settings["optimizer"] == "sgd":
                # θ − lr·(g + 2·scale·λ₂·θ), written as θ·(1 − 2·scale·lr·λ₂) − lr·g
                params[layer] *= 1.0 - (2.0 * scale * lr) * per_parameter(params[layer], l2,
                                                                           l2_b)
            else:  # joins the gradient, times lr where it is folded in
                factor = 2.0 * scale * (lr if lr_folded else 1.0)
                grads[layer] += params[layer] * (factor * per_parameter(params[layer], l2,
                                                                        l2_b))
        update(params, grads, state, settings["optimizer"], lr)
        for layer, decay_step in enumerate(decay_steps):
            if decay_step is not None:
                params[layer] -= decay_step
        for layer, (_, l1, _, l1_b) in enumerate(strengths):
            if l1 or l1_b:
                threshold = (lr * scale) * per_parameter(params[layer], l1, l1_b)
                params[layer][...] = soft_threshold(params[layer], threshold)
    return params, settings, steps, False


# -- the report ----------------------------------------------------------------------

def report(params, settings: dict, steps: int, diverged: bool) -> dict:
    """The numbers regviz's --report writes: evaluation mode (no dropout), the train
    data loss and penalty on all training points (m = their number), the test loss
    without penalty, and the accuracies."""
    name = settings["activation"]
    Z_train = output_logits(params, X_TRAIN, name)
    Z_test = output_logits(params, X_TEST, name)
    data_loss = cross_entropy(Z_train, Y_TRAIN)
    train_penalty = penalty(params, settings, len(Y_TRAIN))
    train_accuracy = float(np.mean(predictions(Z_train) == Y_TRAIN))
    test_accuracy = float(np.mean(predictions(Z_test) == Y_TEST))
    return {
        "steps": steps,
        "train": {"data_loss": data_loss, "penalty": train_penalty,
                  "total": data_loss + train_penalty, "accuracy": train_accuracy},
        "test": {"loss": cross_entropy(Z_test, Y_TEST), "accuracy": test_accuracy},
        "gap": train_accuracy - test_accuracy,
        "weight_norms": [float(np.linalg.norm(Wb[:-1])) for Wb in params],
        "zero_fraction": [float(np.mean(Wb[:-1] == 0.0)) for Wb in params],
        "diverged": diverged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=STEPS,
                        help=f"training steps (default {STEPS}, as exported)")
    parser.add_argument("--report", metavar="JSON", help="write the final numbers here")
    args = parser.parse_args()
    with np.errstate(over="ignore", invalid="ignore"):
        params, settings, done, diverged = train(args.steps, SETTINGS, CHANGES,
                                                 X_TRAIN, Y_TRAIN, N_CLASSES)
    result = report(params, settings, done, diverged)
    train_part, test_part = result["train"], result["test"]
    print(f"after {done} steps{' (diverged)' if diverged else ''}: "
          f"train loss {train_part['data_loss']:.6f} + penalty {train_part['penalty']:.6f}, "
          f"accuracy {train_part['accuracy']:.3f}; test loss {test_part['loss']:.6f}, "
          f"accuracy {test_part['accuracy']:.3f}")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as out:
            json.dump(result, out, indent=2)
            out.write("\n")
    if not math.isfinite(train_part["total"]):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
