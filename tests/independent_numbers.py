"""The oracle for tests/test_numbers_shown*.py (issue 18): what a number shown to
the class should be, computed here in plain numpy from the weights, never by the
engine's own evaluation, loss or penalty code. The engine is used only to train."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from regviz.experiment import Experiment

RECORD_EVERY = 10  # the history's stride on the small full-batch runs used here


def logits(weights, biases, X) -> np.ndarray:
    """Output pre-activations, (samples, outputs): ReLU hidden layers, no dropout."""
    a = np.asarray(X, dtype=np.float64)
    for W, b in zip(weights[:-1], biases[:-1], strict=True):
        a = np.maximum(a @ W + b, 0.0)
    return a @ weights[-1] + biases[-1]


def predictions(weights, biases, X) -> np.ndarray:
    z = logits(weights, biases, X)
    if z.shape[1] == 1:
        return (z[:, 0] >= 0).astype(int)  # sigmoid(z) ≥ ½
    return z.argmax(axis=1)


def accuracy(weights, biases, X, y) -> float:
    """Share of points classified right (0..1)."""
    return float(np.mean(predictions(weights, biases, X) == np.asarray(y)))


def cross_entropy(weights, biases, X, y) -> float:
    """Mean cross-entropy: sigmoid for one output, softmax otherwise."""
    z = logits(weights, biases, X)
    y = np.asarray(y).astype(int)
    if z.shape[1] == 1:
        z = z[:, 0]
        # −[y·log σ(z) + (1−y)·log(1−σ(z))] = log(1 + eᶻ) − y·z
        return float(np.mean(np.logaddexp(0.0, z) - y * z))
    top = z.max(axis=1, keepdims=True)
    log_norm = top[:, 0] + np.log(np.exp(z - top).sum(axis=1))
    return float(np.mean(log_norm - z[np.arange(len(y)), y]))


def course_l2(weights, lam: float, m: int) -> float:
    """The course's λ/(2m)·Σₗ‖Wₗ‖² (weights only, every layer)."""
    return lam / (2 * m) * sum(float(np.sum(W ** 2)) for W in weights)


def course_l1(weights, lam: float, m: int) -> float:
    """The course form of L1, λ/(2m)·Σₗ|Wₗ|."""
    return lam / (2 * m) * sum(float(np.sum(np.abs(W))) for W in weights)


def book_l2(params, lam: float) -> float:
    """The book's λ·Σw² over the arrays given (weights and, per layer, biases)."""
    return lam * sum(float(np.sum(p ** 2)) for p in params)


def book_l1(params, lam: float) -> float:
    return lam * sum(float(np.sum(np.abs(p))) for p in params)


@dataclass
class Point:
    """The parameters after ``step`` steps and what they score, all recomputed here."""

    step: int
    weights: list
    biases: list
    train_loss: float
    test_loss: float
    train_accuracy: float
    test_accuracy: float


def trained_run(config, steps: int, every: int = RECORD_EVERY):
    """(points, data): ``config`` trained ``steps`` steps by the engine, stopped
    every ``every`` steps to copy the weights and score them here (step 0 first)."""
    experiment = Experiment(config)
    d = experiment.data
    points = []
    while True:
        net = experiment.net
        weights = [W.copy() for W in net.weights]
        biases = [b.copy() for b in net.biases]
        points.append(Point(
            experiment.step_count, weights, biases,
            cross_entropy(weights, biases, d.X_train, d.y_train),
            cross_entropy(weights, biases, d.X_test, d.y_test),
            accuracy(weights, biases, d.X_train, d.y_train),
            accuracy(weights, biases, d.X_test, d.y_test)))
        if experiment.step_count >= steps:
            return points, d
        experiment.step(min(every, steps - experiment.step_count))
