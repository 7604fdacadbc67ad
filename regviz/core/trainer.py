"""Gradient descent on an MLP with live-adjustable regularization.

``trainer.regularization`` and ``trainer.learning_rate`` may be set between steps
and apply at the next step with no reset: that is what lets a teacher drag λ while
the class watches. L2 enters the gradient; L1 is applied as a proximal
(soft-threshold) shrink after each update, so weights land on exactly 0 and can
leave 0 again when λ₁ is lowered.
"""

from __future__ import annotations

import math

import numpy as np

from . import optimizers
from .errors import TrainingDiverged
from .history import History
from .mlp import DIVERGED_LOSS, MLP
from .regularization import Regularization


class StepResult:
    """The latest training step: its loss under dropout and the masks it drew.
    ``masks[l]`` row r belongs to training point ``batch_indices[r]``."""

    __slots__ = ("data_loss", "masks", "batch_indices")

    def __init__(self, data_loss, masks, batch_indices):
        self.data_loss = data_loss
        self.masks = masks
        self.batch_indices = batch_indices


class Trainer:
    def __init__(self, net: MLP, X_train, y_train, X_test, y_test,
                 reg: Regularization | None = None, optimizer: str = "sgd",
                 learning_rate: float = 0.01, lr_decay: float = 0.0,
                 batch_size: int | None = None, seed: int | None = None,
                 record_every: int = 10, history_capacity: int = 10_000):
        self.net = net
        if not (lr_decay >= 0 and math.isfinite(lr_decay)):
            raise ValueError(f"lr_decay={lr_decay!r} is out of range: allowed a number ≥ 0")
        if batch_size is not None and batch_size < 1:
            raise ValueError(f"batch_size={batch_size!r} is out of range: allowed ≥ 1, "
                             "or None for full batch")
        if record_every < 1:
            raise ValueError(f"record_every={record_every!r}: allowed a whole number ≥ 1")
        self.lr_decay = float(lr_decay)
        self.batch_size = batch_size
        self.optimizer_name = optimizer
        self._optimizer = optimizers.make(optimizer, net.params.size)
        self._sgd = optimizer == "sgd"
        self._decay_key = None
        self._rng = np.random.default_rng(seed)
        self.learning_rate = learning_rate
        self.set_data(X_train, y_train, X_test, y_test)
        self.regularization = reg if reg is not None else Regularization()
        self._grads, self._grad_w, self._grad_b = net.new_flat_like()
        self._backup = net.params.copy()
        self.step_count = 0
        self.last: StepResult | None = None
        self._order = None
        self._cursor = 0
        self.history = History(net.n_layers, history_capacity, record_every)
        self._record(float("nan"))

    # -- live settings ------------------------------------------------------
    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        value = float(value)
        if not (value > 0 and math.isfinite(value)):
            raise ValueError(f"learning_rate={value!r} is out of range: allowed a number > 0")
        self._learning_rate = value

    @property
    def regularization(self) -> Regularization:
        return self._reg

    @regularization.setter
    def regularization(self, reg: Regularization) -> None:
        resolved = reg.per_layer(self.net.n_layers)  # validates lengths now, not mid-step
        self._reg, self._resolved = reg, resolved
        # Per-element coefficients over the flat buffer: L2 goes into the gradient
        # in one multiply-add, L1 into the proximal shrink.
        self._l2_coef = self._per_element(resolved.l2, resolved.l2_bias)
        self._l1_coef = self._per_element(resolved.l1, resolved.l1_bias)
        self._has_l2 = bool(self._l2_coef.any())
        self._has_l1 = bool(self._l1_coef.any())
        self._tmp = np.empty_like(self.net.params)

    def _per_element(self, weight_values, bias_values):
        flat, w, b = self.net.new_flat_like()
        for l in range(self.net.n_layers):
            w[l][...] = weight_values[l]
            b[l][...] = bias_values[l]
        return flat

    def set_data(self, X_train, y_train, X_test, y_test) -> None:
        """Train and test on these points from the next step (weights are kept)."""
        self.X_train, self.y_train = self.net.check_data(X_train, y_train)
        self.X_test, self.y_test = self.net.check_data(X_test, y_test)
        if len(self.y_train) == 0:
            raise ValueError("X_train is empty: need at least one training point")
        self._order = None
        self._cursor = 0
        self._full_indices = np.arange(len(self.y_train))

    # -- training -------------------------------------------------------------
    def step(self, n: int = 1) -> None:
        """Run ``n`` optimisation steps; TrainingDiverged if the loss stops being
        finite (the parameters are then those of the last finite step)."""
        net, params, grads = self.net, self.net.params, self._grads
        opt, rng, history = self._optimizer, self._rng, self.history
        full = self.batch_size is None or self.batch_size >= len(self.y_train)
        for _ in range(int(n)):
            if full:
                X, y, rows = self.X_train, self.y_train, self._full_indices
            else:
                X, y, rows = self._next_batch()
            res = self._resolved
            m = X.shape[0]
            _, loss, masks = net.forward_backward(X, y, res, self._grad_w, self._grad_b,
                                                  None, rng)
            if not loss < DIVERGED_LOSS:  # also catches NaN
                params[...] = self._backup
                raise TrainingDiverged(self.step_count, loss)
            scale = res.scale(m)
            lr = self._learning_rate
            if self.lr_decay:
                lr = lr / (1.0 + self.lr_decay * self.step_count)
            self._backup[...] = params
            if self._has_l2 and self._sgd:
                # θ − lr·(g + cθ) = θ·(1 − lr·c) − lr·g: the L2 gradient as a
                # per-element decay factor, cached while lr and m stay the same
                params *= self._decay_factor(lr, scale)
            elif self._has_l2:
                np.multiply(self._l2_coef, params, out=self._tmp)
                self._tmp *= 2.0 * scale
                grads += self._tmp
            opt.update(params, grads, lr)
            if self._has_l1:
                self._shrink(params, lr * scale)
            self.step_count += 1
            self.last = StepResult(loss, masks, rows)
            if history.wants(self.step_count):
                self._record(loss)

    def _decay_factor(self, lr: float, scale: float) -> np.ndarray:
        key = (lr, scale, id(self._l2_coef))
        if self._decay_key != key:
            self._decay = 1.0 - (2.0 * scale * lr) * self._l2_coef
            self._decay_key = key
        return self._decay

    def _shrink(self, params: np.ndarray, threshold: float) -> None:
        # Soft threshold: move |θ| toward 0 by lr·λ₁ and stop at 0 instead of
        # crossing it (elements with λ₁ = 0 are untouched).
        tmp = self._tmp
        np.abs(params, out=tmp)
        tmp -= threshold * self._l1_coef
        np.maximum(tmp, 0.0, out=tmp)
        np.copysign(tmp, params, out=params)

    def _next_batch(self):
        n = len(self.y_train)
        if self._order is None or self._cursor >= n:
            self._order = self._rng.permutation(n)
            self._cursor = 0
        rows = self._order[self._cursor:self._cursor + self.batch_size]
        self._cursor += self.batch_size
        return self.X_train[rows], self.y_train[rows], rows

    # -- measuring ------------------------------------------------------------
    def _record(self, step_loss: float) -> None:
        net = self.net
        m = len(self.y_train)
        penalty = self._resolved.penalty(net.weights, net.biases, m)
        # The step's own loss (under dropout, on its batch) is what the optimiser
        # minimises; accuracies are measured in evaluation mode on all points.
        p_train, eval_loss = net.evaluate(self.X_train, self.y_train)
        train_loss = step_loss if math.isfinite(step_loss) else eval_loss
        if len(self.y_test):
            p_test, test_loss = net.evaluate(self.X_test, self.y_test)
            test_acc = _accuracy(p_test, self.y_test)
        else:
            test_loss = test_acc = float("nan")
        self.history.append(
            step=self.step_count, train_data_loss=train_loss, train_penalty=penalty,
            train_total=train_loss + penalty, test_loss=test_loss,
            train_accuracy=_accuracy(p_train, self.y_train), test_accuracy=test_acc,
            weight_norm=[math.sqrt(float(np.vdot(W, W))) for W in net.weights],
            weight_l1=[float(np.abs(W).sum()) for W in net.weights],
            zero_fraction=[float(np.count_nonzero(W == 0.0)) / W.size for W in net.weights],
        )

    def restore(self, step: int, series: dict[str, np.ndarray]) -> None:
        """Continue from a saved session: its step count and history."""
        self.step_count = int(step)
        stride = self.history.stride
        steps = series.get("step")
        if steps is not None and len(steps) > 2:
            stride = max(1, int(steps[-1] - steps[-2]))
        self.history.load(series, stride)


def _accuracy(probs: np.ndarray, y: np.ndarray) -> float:
    pred = probs >= 0.5 if probs.ndim == 1 else probs.argmax(axis=1)
    return float(np.count_nonzero(pred == y)) / len(y)
