"""Steps per second of regviz's Trainer against a straight-line numpy loop written
the way the source documents write it (column layout, a dict of parameters,
np.dot(W.T, A), cost every iteration), with their two defects fixed.

Both run the same network, data, λ, keep_prob and learning rate, full batch, with
the Trainer's history recording on. Rounds of the two are interleaved so machine
noise hits both alike; the median of the rounds is reported.

    python benchmarks/engine.py [--rounds 7] [--steps 2000]
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from regviz.core import MLP, Regularization, Trainer


def relu(Z):
    return np.maximum(0, Z)


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


class StraightLineLoop:
    """The seeds' model(): forward with dropout, cost with L2, backward, update."""

    def __init__(self, net: MLP, X, y, lambd, keep_prob, learning_rate, seed):
        self.p = {}
        for i, (W, b) in enumerate(zip(net.weights, net.biases, strict=True), start=1):
            self.p[f"W{i}"] = W.copy()  # (n_in, n_out), used as W.T @ A like the notes
            self.p[f"b{i}"] = b.reshape(-1, 1).copy()
        self.X, self.Y = X.T.copy(), y.reshape(1, -1).astype(float)
        self.lambd, self.keep_prob, self.lr = lambd, keep_prob, learning_rate
        self.L = len(net.weights)
        np.random.seed(seed)

    def step(self):
        p, L, kp, m = self.p, self.L, self.keep_prob, self.Y.shape[1]
        A = {"A0": self.X}
        D = {}
        for l in range(1, L):
            a = relu(np.dot(p[f"W{l}"].T, A[f"A{l-1}"]) + p[f"b{l}"])
            if kp < 1:
                d = np.random.rand(a.shape[0], a.shape[1])
                d = d < kp
                a = a * d
                a = a / kp
                D[f"D{l}"] = d
            A[f"A{l}"] = a
        A[f"A{L}"] = sigmoid(np.dot(p[f"W{L}"].T, A[f"A{L-1}"]) + p[f"b{L}"])
        AL, Y = A[f"A{L}"], self.Y
        cost = (1. / m) * np.nansum(-np.log(AL) * Y - np.log(1 - AL) * (1 - Y))
        if self.lambd:
            cost += self.lambd / (2 * m) * sum(np.sum(np.square(p[f"W{l}"]))
                                               for l in range(1, L + 1))
        dZ = AL - Y
        grads = {}
        for l in range(L, 0, -1):
            grads[f"dW{l}"] = (1 / m) * np.dot(A[f"A{l-1}"], dZ.T) + \
                (self.lambd / m) * p[f"W{l}"]
            grads[f"db{l}"] = (1 / m) * np.sum(dZ, axis=1, keepdims=True)
            if l > 1:
                dA = np.dot(p[f"W{l}"], dZ)
                if kp < 1:
                    dA = dA * D[f"D{l-1}"]
                    dA = dA / kp
                dZ = dA * np.int64(A[f"A{l-1}"] > 0)
        for l in range(1, L + 1):
            p[f"W{l}"] = p[f"W{l}"] - self.lr * grads[f"dW{l}"]
            p[f"b{l}"] = p[f"b{l}"] - self.lr * grads[f"db{l}"]
        return cost


def case_data(n, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, (2 * n, 2))
    y = (X[:, 1] > 0.3 * np.sin(4 * X[:, 0])).astype(np.int64)
    flip = rng.random(2 * n) < 0.1
    y[flip] = 1 - y[flip]
    return X[:n], y[:n], X[n:], y[n:]


def measure(make_step, steps):
    step = make_step()
    step(10)  # warm-up
    start = time.perf_counter()
    step(steps)
    return steps / (time.perf_counter() - start)


def run_case(name, sizes, n, lambd, keep_prob, lr, rounds, steps):
    Xtr, ytr, Xte, yte = case_data(n)

    def trainer_steps():
        net = MLP(sizes, init="course", seed=1)
        reg = Regularization(l2=lambd, keep_prob=keep_prob, divide_by_2m=True)
        t = Trainer(net, Xtr, ytr, Xte, yte, reg, learning_rate=lr, seed=1)
        return t.step

    def loop_steps():
        loop = StraightLineLoop(MLP(sizes, init="course", seed=1), Xtr, ytr, lambd, keep_prob,
                                lr, seed=1)

        def run(k):
            for _ in range(k):
                loop.step()
        return run

    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(measure(trainer_steps, steps))
        theirs.append(measure(loop_steps, steps))
    a, b = statistics.median(ours), statistics.median(theirs)
    return name, a, b, a / b


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--steps", type=int, default=2000)
    args = parser.parse_args()
    cases = [
        ("(a) 2-20-3-1, 211 points, L2 λ=0.7", [2, 20, 3, 1], 211, 0.7, 1.0, 0.3, 1.5),
        ("(a) 2-20-3-1, 211 points, keep_prob 0.86", [2, 20, 3, 1], 211, 0.0, 0.86, 0.3, 1.5),
        ("(b) 2-128-128-1, 1000 points, L2 λ=0.7", [2, 128, 128, 1], 1000, 0.7, 1.0, 0.1, 1.0),
    ]
    print(f"{'case':44s} {'Trainer':>12s} {'straight loop':>14s} {'ratio':>7s} target")
    for label, sizes, n, lambd, kp, lr, target in cases:
        steps = args.steps if sizes[1] < 100 else max(200, args.steps // 10)
        name, a, b, ratio = run_case(label, sizes, n, lambd, kp, lr, args.rounds, steps)
        verdict = "ok" if ratio >= target else "MISSED"
        print(f"{name:44s} {a:10.0f}/s {b:12.0f}/s {ratio:6.2f}x ≥{target}x {verdict}")


if __name__ == "__main__":
    main()
