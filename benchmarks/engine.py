"""Steps per second of regviz's Trainer against a straight-line numpy loop written
the way the course notes write it.

The baseline is the notes' own functions (column layout, a dict of parameters,
np.dot(W.T, A), the cost computed every iteration, a new array for every
intermediate), with their two defects fixed: the L2 cost is λ/(2m)·Σ over W1, W2
and W3. As in the course's model(), a run uses either L2 or dropout. The notes
leave ReLU_derivative, cost_function and the update undefined; they are taken
from the course's helper file (``np.int64(A > 0)``, the nansum cross-entropy, a
plain ``W = W - lr·dW``). Its dropout masks come from a private legacy
``RandomState`` (the notes' ``np.random.rand`` without the global state).

Both sides run the same network (3 weight layers, ReLU, ReLU, sigmoid), data, λ,
keep_prob and learning rate, full batch; the Trainer with its history recording
on (the default interval). Rounds of the two are interleaved so machine noise
hits both alike; each side's median over the rounds is reported.

    .venv/bin/python benchmarks/engine.py [--rounds 7] [--steps 2000]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from regviz.core import MLP, Regularization, Trainer

# -- the course notes' code (defects fixed) ----------------------------------------


def ReLU(Z):
    return np.maximum(0, Z)


def ReLU_derivative(A):
    return np.int64(A > 0)


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def forward_propagation(X, params):
    W1, W2, W3 = params['W1'], params['W2'], params['W3']
    b1, b2, b3 = params['b1'], params['b2'], params['b3']
    A1 = ReLU(np.dot(W1.T, X) + b1)
    A2 = ReLU(np.dot(W2.T, A1) + b2)
    A3 = sigmoid(np.dot(W3.T, A2) + b3)
    return {'A0': X, 'A1': A1, 'A2': A2, 'A3': A3}


def cost_function(A, y):
    m = y.shape[1]
    logprobs = np.multiply(-np.log(A['A3']), y) + np.multiply(-np.log(1 - A['A3']), 1 - y)
    return 1. / m * np.nansum(logprobs)


def cost_function_with_regularization(A, y, params, lambd):
    J = cost_function(A, y)
    m = y.shape[1]
    W1, W2, W3 = params['W1'], params['W2'], params['W3']
    # fixed: λ/(2m), and W3 instead of W2 twice
    L2_regularization_cost = lambd / (2 * m) * (np.sum(np.square(W1)) + np.sum(np.square(W2))
                                                + np.sum(np.square(W3)))
    return J + L2_regularization_cost


def backward_propagation_with_regularization(A, y, params, lambd):
    m = y.shape[1]
    dJ_dZ3 = A['A3'] - y
    dJ_dW3 = (1 / m) * np.dot(A['A2'], dJ_dZ3.T) + (lambd / m) * params['W3']
    dJ_db3 = (1 / m) * np.sum(dJ_dZ3, axis=1, keepdims=True)
    dJ_dZ2 = np.dot(params['W3'], dJ_dZ3) * ReLU_derivative(A['A2'])
    dJ_dW2 = (1 / m) * np.dot(A['A1'], dJ_dZ2.T) + (lambd / m) * params['W2']
    dJ_db2 = (1 / m) * np.sum(dJ_dZ2, axis=1, keepdims=True)
    dJ_dZ1 = np.dot(params['W2'], dJ_dZ2) * ReLU_derivative(A['A1'])
    dJ_dW1 = (1 / m) * np.dot(A['A0'], dJ_dZ1.T) + (lambd / m) * params['W1']
    dJ_db1 = (1 / m) * np.sum(dJ_dZ1, axis=1, keepdims=True)
    return {'dJ_dW3': dJ_dW3, 'dJ_db3': dJ_db3, 'dJ_dW2': dJ_dW2, 'dJ_db2': dJ_db2,
            'dJ_dW1': dJ_dW1, 'dJ_db1': dJ_db1}


def forward_propagation_with_dropout(X, params, keep_prob, random):
    W1, W2, W3 = params['W1'], params['W2'], params['W3']
    b1, b2, b3 = params['b1'], params['b2'], params['b3']
    A1 = ReLU(np.dot(W1.T, X) + b1)
    D1 = random.rand(A1.shape[0], A1.shape[1])
    D1 = D1 < keep_prob
    A1 = A1 * D1
    A1 = A1 / keep_prob
    A2 = ReLU(np.dot(W2.T, A1) + b2)
    D2 = random.rand(A2.shape[0], A2.shape[1])
    D2 = D2 < keep_prob
    A2 = A2 * D2
    A2 = A2 / keep_prob
    A3 = sigmoid(np.dot(W3.T, A2) + b3)
    return {'A0': X, 'A1': A1, 'A2': A2, 'A3': A3, 'D1': D1, 'D2': D2}


def backward_propagation_with_dropout(A, y, params, keep_prob):
    D1 = A['D1']
    D2 = A['D2']
    m = y.shape[1]
    dJ_dZ3 = A['A3'] - y
    dJ_dW3 = (1 / m) * np.dot(A['A2'], dJ_dZ3.T)
    dJ_db3 = (1 / m) * np.sum(dJ_dZ3, axis=1, keepdims=True)
    dJ_dA2 = np.dot(params['W3'], dJ_dZ3)
    dJ_dA2 = dJ_dA2 * D2
    dJ_dA2 = dJ_dA2 / keep_prob
    dJ_dZ2 = dJ_dA2 * ReLU_derivative(A['A2'])
    dJ_dW2 = (1 / m) * np.dot(A['A1'], dJ_dZ2.T)
    dJ_db2 = (1 / m) * np.sum(dJ_dZ2, axis=1, keepdims=True)
    dJ_dA1 = np.dot(params['W2'], dJ_dZ2)
    dJ_dA1 = dJ_dA1 * D1
    dJ_dA1 = dJ_dA1 / keep_prob
    dJ_dZ1 = dJ_dA1 * ReLU_derivative(A['A1'])
    dJ_dW1 = (1 / m) * np.dot(A['A0'], dJ_dZ1.T)
    dJ_db1 = (1 / m) * np.sum(dJ_dZ1, axis=1, keepdims=True)
    return {'dJ_dW3': dJ_dW3, 'dJ_db3': dJ_db3, 'dJ_dW2': dJ_dW2, 'dJ_db2': dJ_db2,
            'dJ_dW1': dJ_dW1, 'dJ_db1': dJ_db1}


def update_parameters(params, grads, learning_rate):
    for k in ('1', '2', '3'):
        params['W' + k] = params['W' + k] - learning_rate * grads['dJ_dW' + k]
        params['b' + k] = params['b' + k] - learning_rate * grads['dJ_db' + k]
    return params


class StraightLineLoop:
    """One iteration of the course's model() loop per ``step()``."""

    def __init__(self, net: MLP, X, y, lambd, keep_prob, learning_rate, seed):
        assert net.n_layers == 3, "the notes' code is written for three weight layers"
        assert lambd == 0 or keep_prob == 1, "the course uses L2 or dropout, not both"
        self.params = {}
        for i, (W, b) in enumerate(zip(net.weights, net.biases, strict=True), start=1):
            self.params[f'W{i}'] = W.copy()  # (n_in, n_out), used as W.T @ A like the notes
            self.params[f'b{i}'] = b.reshape(-1, 1).copy()
        self.X, self.y = X.T.copy(), y.reshape(1, -1).astype(float)
        self.lambd, self.keep_prob, self.learning_rate = lambd, keep_prob, learning_rate
        self.random = np.random.RandomState(seed)

    def step(self):
        if self.keep_prob < 1:
            A = forward_propagation_with_dropout(self.X, self.params, self.keep_prob,
                                                 self.random)
            cost = cost_function(A, self.y)
            grads = backward_propagation_with_dropout(A, self.y, self.params, self.keep_prob)
        else:
            A = forward_propagation(self.X, self.params)
            cost = cost_function_with_regularization(A, self.y, self.params, self.lambd)
            grads = backward_propagation_with_regularization(A, self.y, self.params,
                                                             self.lambd)
        self.params = update_parameters(self.params, grads, self.learning_rate)
        return cost


# -- the benchmark -----------------------------------------------------------------


def case_data(n, seed=0):
    """A wavy two-class boundary with 10% label noise, from a local Generator."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (2 * n, 2))
    y = (X[:, 1] > 0.3 * np.sin(4 * X[:, 0])).astype(np.int64)
    flip = rng.random(2 * n) < 0.1
    y[flip] = 1 - y[flip]
    return X[:n], y[:n], X[n:], y[n:]


def make_trainer(sizes, data, lambd, keep_prob, lr):
    net = MLP(sizes, init="course", seed=1)
    reg = Regularization(l2=lambd, keep_prob=keep_prob, divide_by_2m=True)
    return Trainer(net, *data, reg, learning_rate=lr, seed=1)


def make_loop(sizes, data, lambd, keep_prob, lr):
    return StraightLineLoop(MLP(sizes, init="course", seed=1), data[0], data[1], lambd,
                            keep_prob, lr, seed=1)


def same_work(sizes, data, lambd, lr, steps=50):
    """Without dropout both sides are deterministic: they must end on the same
    parameters (proof that the comparison is like for like)."""
    trainer = make_trainer(sizes, data, lambd, 1.0, lr)
    loop = make_loop(sizes, data, lambd, 1.0, lr)
    trainer.step(steps)
    for _ in range(steps):
        loop.step()
    return max(float(np.abs(trainer.net.weights[l] - loop.params[f'W{l + 1}']).max())
               for l in range(3))


def steps_per_second(run, steps):
    run(10)  # warm-up (first-touch of buffers, BLAS start-up)
    start = time.perf_counter()
    run(steps)
    return steps / (time.perf_counter() - start)


def run_case(sizes, n, lambd, keep_prob, lr, rounds, steps):
    data = case_data(n)
    ours, theirs, record_every = [], [], None
    for _ in range(rounds):
        trainer = make_trainer(sizes, data, lambd, keep_prob, lr)
        record_every = trainer.history.stride
        ours.append(steps_per_second(trainer.step, steps))
        loop = make_loop(sizes, data, lambd, keep_prob, lr)

        def run(k, loop=loop):
            for _ in range(k):
                loop.step()
        theirs.append(steps_per_second(run, steps))
    return statistics.median(ours), statistics.median(theirs), record_every


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--steps", type=int, default=2000,
                        help="steps per round for (a); (b) runs a tenth of it")
    args = parser.parse_args()
    cases = [
        ("(a) 2-20-3-1, 211 points, L2 λ=0.7", [2, 20, 3, 1], 211, 0.7, 1.0, 0.3, 1.5),
        ("(a) 2-20-3-1, 211 points, keep_prob 0.86", [2, 20, 3, 1], 211, 0.0, 0.86, 0.3, 1.5),
        ("(b) 2-128-128-1, 1000 points, L2 λ=0.7", [2, 128, 128, 1], 1000, 0.7, 1.0, 0.1, 1.0),
    ]
    print(f"numpy {np.__version__}; {args.rounds} interleaved rounds; medians; history "
          "recording on")
    for label, sizes, n, lambd, _, lr, _ in cases:
        if lambd:
            gap = same_work(sizes, case_data(n), lambd, lr)
            print(f"  same work check {label}: max |ΔW| after 50 steps = {gap:.1e}")
            assert gap < 1e-9, "the Trainer and the loop do not compute the same thing"
    print(f"{'case':44s} {'Trainer':>10s} {'straight loop':>14s} {'ratio':>7s}  target")
    for label, sizes, n, lambd, keep_prob, lr, target in cases:
        steps = args.steps if sizes[1] < 100 else max(50, args.steps // 10)
        ours, theirs, record_every = run_case(sizes, n, lambd, keep_prob, lr, args.rounds,
                                              steps)
        ratio = ours / theirs
        verdict = "ok" if ratio >= target else "MISSED"
        print(f"{label:44s} {ours:8.0f}/s {theirs:12.0f}/s {ratio:6.2f}x  ≥{target}x {verdict}"
              f"  (history every {record_every} steps)")


if __name__ == "__main__":
    main()
