"""Gradient descent on an MLP with live-adjustable regularization.

``trainer.regularization`` and ``trainer.learning_rate`` may be set between steps
and apply at the next step with no reset: that is what lets a teacher drag λ while
the class watches.

L2 enters the gradient (for SGD as the equivalent per-weight decay factor,
θ·(1 − lr·c) − lr·g, one multiply). L1 is applied after the optimizer's update
as a proximal (soft-threshold) step, θ ← sign(θ)·max(|θ| − lr·λ₁', 0) with λ₁'
the effective per-sample coefficient (λ₁, or λ₁/(2m) in the course's scaling):
a weight whose update would cross zero stops at exactly 0, and leaves 0 again as
soon as its data gradient outweighs a lowered λ₁. For SGD this is the exact
proximal-gradient step; momentum and Adam apply the same shrink after their own
update (so with Adam, L1 acts like decoupled weight decay, not through the moments).

Decoupled weight decay (``Regularization.weight_decay``, AdamW's, Loshchilov &
Hutter arXiv:1711.05101, Algorithm 2) is the one rule

    θₜ = θₜ₋₁ − (the optimizer's own step) − lr·wd·θₜ₋₁

with lr the learning rate in force this step (after ``lr_decay``). The decay is
subtracted after the optimizer's update but computed from the parameters before
it, which is what PyTorch's AdamW does by multiplying θ by (1 − lr·wd) first; the
optimizer never sees it (no gradient term, nothing in Adam's moments, nothing in
the loss or the history's penalty). Under SGD it is therefore L2 with
wd = 2λ (book scale) exactly. It covers the parameters its per-layer rates name
(the config gives it the penalty's layers and, with ``regularize_biases``, biases).
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import optimizers
from .errors import TrainingDiverged
from .history import History
from .mlp import MLP, layer_boundaries, layer_views
from .regularization import Regularization
from .workspace import Workspace, with_ones_row

# A mean cross-entropy this large means logits of ±10⁴: the run has blown up, and
# stopping here (not only at inf/NaN) keeps the restored parameters sane.
DIVERGED_LOSS = 1e4
# Parameters this large (‖θ‖ = 10¹²) come only from an unstable update, e.g. SGD
# with 2·λ·lr > 2 multiplying every weight by a large negative factor each step while
# the training loss stays small; a few steps later the outputs overflow to NaN.
DIVERGED_SQUARED_NORM = 1e24
WEIGHTS_BLEW_UP = "the weights grew beyond 10¹²"
DEFAULT_RECORD_EVERY = 10


class StepResult:
    """The latest training step: its data loss (under dropout, on its batch) and
    the dropout masks it drew, ``masks[l]`` a bool (batch, units) array per
    hidden layer (None without dropout); row r belongs to training point
    ``batch_indices[r]``. Fresh objects every step: safe to keep."""

    __slots__ = ("step", "data_loss", "masks", "batch_indices")

    def __init__(self, step, data_loss, masks, batch_indices):
        self.step = step
        self.data_loss = data_loss
        self.masks = masks
        self.batch_indices = batch_indices


@dataclass(frozen=True)
class TrainerState:
    """A copy of everything a :class:`Trainer`'s future depends on: the parameters,
    the step count, the history (weight histograms included), the optimizer's
    moments, the random generator and where the mini-batch order stands. A trainer
    given it with :meth:`Trainer.load_state` continues bit for bit as the original
    did (undo, branching a run). Independent of the trainer it came from."""

    params: np.ndarray
    step_count: int
    history: History
    optimizer: Any
    rng_state: dict
    order: np.ndarray | None
    cursor: int
    next_record: int
    backup: np.ndarray
    checkpoint: np.ndarray
    last: StepResult | None

    @property
    def nbytes(self) -> int:
        """Roughly the memory this state holds (the history dominates)."""
        arrays = [self.params, self.backup, self.checkpoint]
        arrays += list(self.history._data.values())
        arrays += [self.history.weight_histograms._counts]
        arrays += [v for v in vars(self.optimizer).values() if isinstance(v, np.ndarray)]
        return sum(a.nbytes for a in arrays)


class Trainer:
    """Trains ``net`` on (X_train, y_train) and measures it on (X_test, y_test).

    ``optimizer``: sgd, momentum (μ 0.9) or adam (the book's). ``lr_decay``: the
    book's lr/(1 + decay·t), t the step count. ``batch_size`` None means full
    batch; mini-batches are drawn shuffled, epoch by epoch, from the trainer's
    own ``np.random.default_rng(seed)``, which also draws the dropout masks — the
    same seed gives bit-identical runs. The course's ÷2m penalty takes m = N, the
    number of training points, whatever the batch: the objective the course states
    (λ/(2m)·Σ‖W‖² over its training set), so a λ shrinks the weights by the same
    factor per step at every batch size, the short last batch of an epoch included.

    ``history`` records every ``record_every`` steps (None: 10, or more when a
    point costs many steps' work, e.g. small mini-batches and a big test set) and
    keeps at most ``history_capacity`` points per series (see :class:`History`).
    A point at step t describes the parameters after t steps: the train data loss
    the optimiser saw on them (under dropout, on the batch), the penalty, and
    evaluation-mode (no dropout) accuracies on all training and test
    points and test loss (no penalty). It is measured by step t + 1 before its
    update (so the step's own forward pass is reused); when ``step(n)`` ends on a
    recording step, that pass is made there (and the next step's randomness put
    back), so the history always reaches the last recording step, and
    :meth:`record_current` adds the exact last step of a finished run. The point
    at step 0 is measured at construction, all in evaluation mode.
    """

    def __init__(self, net: MLP, X_train, y_train, X_test, y_test,
                 reg: Regularization | None = None, optimizer: str = "sgd",
                 learning_rate: float = 0.01, lr_decay: float = 0.0,
                 batch_size: int | None = None, seed: int | None = None,
                 record_every: int | None = None, history_capacity: int = 10_000):
        if not isinstance(net, MLP):
            raise ValueError(f"net must be an MLP, not {type(net).__name__}")
        self.net = net
        if not (isinstance(lr_decay, int | float | np.number) and math.isfinite(lr_decay)
                and lr_decay >= 0):
            raise ValueError(f"lr_decay={lr_decay!r} is out of range: allowed a number ≥ 0")
        if batch_size is not None and not _is_whole_at_least_1(batch_size):
            raise ValueError(f"batch_size={batch_size!r} is out of range: allowed a whole "
                             "number ≥ 1, or None for full batch")
        if record_every is not None and not _is_whole_at_least_1(record_every):
            raise ValueError(f"record_every={record_every!r} is out of range: allowed a "
                             "whole number ≥ 1, or None for automatic")
        self.lr_decay = float(lr_decay)
        self.batch_size = None if batch_size is None else int(batch_size)
        self.optimizer_name = optimizer
        self._optimizer = optimizers.make(optimizer, net.params.size)
        self._rng = np.random.default_rng(seed)
        self.learning_rate = learning_rate
        self._grads = np.zeros_like(net.params)
        self._grads_augmented = layer_views(self._grads, net.sizes)
        self._backup = net.params.copy()      # the parameters before the latest update
        self._checkpoint = net.params.copy()  # the parameters at the latest history point
        self._tmp = np.empty_like(net.params)
        self._decay_step = np.empty_like(net.params)  # lr·wd·θₜ₋₁ of the current step
        self._is_zero = np.empty(net.params.size, dtype=bool)
        self._boundaries = layer_boundaries(net.sizes)
        self._weight_sizes = [W.size for W in net.weights]
        self.set_data(X_train, y_train, X_test, y_test)
        self.regularization = reg if reg is not None else Regularization()
        self.step_count = 0
        self.last: StepResult | None = None
        if record_every is None:
            record_every = self._automatic_record_every()
        self.history = History(net.n_layers, history_capacity, int(record_every))
        self._next_record = 0
        with np.errstate(all="ignore"):
            self._record(None, self._train_ws, False)

    # -- live settings ------------------------------------------------------
    @property
    def learning_rate(self) -> float:
        """Base learning rate (before ``lr_decay``); settable between steps."""
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        try:
            value = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"learning_rate={value!r} must be a number > 0") from None
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"learning_rate={value!r} is out of range: allowed a number > 0")
        self._learning_rate = value

    @property
    def current_learning_rate(self) -> float:
        """The learning rate the next step uses: the base rate after ``lr_decay``."""
        if self.lr_decay:
            return self._learning_rate / (1.0 + self.lr_decay * self.step_count)
        return self._learning_rate

    def shrink_per_step(self) -> np.ndarray:
        """Per parameter (flat, like ``net.params``), the share r of its value that
        the pull toward 0 of L2 and weight decay takes away in one step now: the
        step moves θ by −r·θ besides the data's pull, a shrink factor of 1 − r.

        Decoupled weight decay gives lr·wd, the same for every parameter it covers.
        L2 enters as the gradient 2sλθ (s = 1, or 1/(2m) with m the training set's
        size) and passes through the optimizer: SGD lr·2sλ; momentum, once its
        velocity has built up, lr·2sλ/(1 − μ); Adam lr·2sλ/(√v̂ + ε), divided by
        each weight's own recent gradient size, so weights with large gradients
        shrink less (Loshchilov & Hutter's point against Adam + L2). Before Adam's
        first step v̂ is undefined: NaN where L2 is on. L1 is left out: its pull is
        a fixed amount, not a share."""
        lr = self.current_learning_rate
        rate = lr * self._wd_coef
        if self._has_l2:
            l2_rate = (2.0 * self._resolved.scale(len(self.y_train)) * lr) * self._l2_coef
            opt = self._optimizer
            if isinstance(opt, optimizers.Momentum):
                l2_rate /= 1.0 - opt.mu
            elif isinstance(opt, optimizers.Adam):
                with np.errstate(divide="ignore", invalid="ignore"):
                    scale = np.sqrt(opt.v / (1.0 - opt.beta2 ** opt.t)) + opt.eps
                    l2_rate = np.where(self._l2_coef > 0, l2_rate / scale, 0.0)
            rate = rate + l2_rate
        return rate

    @property
    def regularization(self) -> Regularization:
        """The :class:`Regularization` in force; settable between steps."""
        return self._reg

    @regularization.setter
    def regularization(self, reg: Regularization) -> None:
        if not isinstance(reg, Regularization):
            raise ValueError(f"regularization must be a Regularization, not "
                             f"{type(reg).__name__}")
        resolved = reg.per_layer(self.net.n_layers)  # validates now, not mid-step
        self._reg, self._resolved = reg, resolved
        self._keep_probs = resolved.keep_prob
        self._has_dropout = resolved.has_dropout
        # Per-element coefficients over the flat buffer (W rows, then b, per layer).
        self._l2_coef = self._per_element(resolved.l2, resolved.l2_bias)
        self._l1_coef = self._per_element(resolved.l1, resolved.l1_bias)
        self._has_l2 = bool(self._l2_coef.any())
        self._has_l1 = bool(self._l1_coef.any())
        self._wd_coef = self._per_element(resolved.weight_decay, resolved.weight_decay_bias)
        self._has_weight_decay = bool(self._wd_coef.any())
        self._coef_key = None
        self._decay = None

    def _per_element(self, weight_values, bias_values) -> np.ndarray:
        flat = np.zeros_like(self.net.params)
        for l, Wb in enumerate(layer_views(flat, self.net.sizes)):
            Wb[:-1] = weight_values[l]
            Wb[-1] = bias_values[l]
        return flat

    def set_data(self, X_train, y_train, X_test, y_test) -> None:
        """Train and test on these points from the next step (weights are kept)."""
        net = self.net
        X_train, y_train = net.check_data(X_train, y_train)
        X_test, y_test = net.check_data(X_test, y_test)
        if len(y_train) == 0:
            raise ValueError("X_train is empty: need at least one training point")
        self.X_train, self.y_train, self.X_test, self.y_test = X_train, y_train, X_test, y_test
        self._X_train_columns = with_ones_row(X_train)
        self._train_ws = self._workspace(len(y_train), y_train)
        self._all_rows = np.arange(len(y_train))
        if len(y_test):
            self._X_test_columns = with_ones_row(X_test)
            self._test_ws = self._workspace(len(y_test), y_test)
        else:
            self._test_ws = None
        self._batch_ws: dict[int, Workspace] = {}
        self._order = None
        self._cursor = 0

    def _workspace(self, m: int, y: np.ndarray | None) -> Workspace:
        ws = Workspace(self.net.sizes, self.net.activation, m)
        if y is not None:
            ws.set_targets(y)
        return ws

    def _automatic_record_every(self) -> int:
        # A point costs up to two evaluation passes over all train and test
        # points; a step costs about three passes over one batch. Keep points
        # under ~10% of the work.
        batch = len(self.y_train) if self.batch_size is None else self.batch_size
        batch = min(batch, len(self.y_train))
        points = len(self.y_train) + len(self.y_test)
        return max(DEFAULT_RECORD_EVERY, math.ceil(3 * points / batch))

    # -- training -------------------------------------------------------------
    def step(self, n: int = 1) -> None:
        """Run ``n`` optimisation steps.

        Raises TrainingDiverged if the loss (or a parameter) stops being finite;
        the parameters are then those of the last step whose loss was finite."""
        n = int(n)
        if n < 0:
            raise ValueError(f"n={n} is out of range: allowed a whole number ≥ 0")
        net, opt = self.net, self._optimizer
        params, grads, backup = net.params, self._grads, self._backup
        weights_t, weights, grads_aug = net.augmented_t, net.weights, self._grads_augmented
        rng = self._rng
        full_batch = self.batch_size is None or self.batch_size >= len(self.y_train)
        if full_batch:
            ws, X, rows = self._train_ws, self._X_train_columns, self._all_rows
            m = ws.m
        lr_in_gradient = opt.lr_in_gradient
        penalty_scale = self._resolved.scale(len(self.y_train))
        with np.errstate(all="ignore"):
            for _ in range(n):
                if not full_batch:
                    ws, X, rows = self._next_batch()
                    m = ws.m
                lr = self._learning_rate
                if self.lr_decay:
                    lr = lr / (1.0 + self.lr_decay * self.step_count)
                loss, masks = ws.forward_backward(
                    weights_t, weights, grads_aug, X, self._keep_probs, rng, None,
                    (lr if lr_in_gradient else 1.0) / m)
                if not loss < DIVERGED_LOSS:  # also catches NaN
                    self._diverged(loss)
                if self.step_count >= self._next_record:
                    self._record(loss, ws, full_batch and not self._has_dropout)
                np.copyto(backup, params)
                if self._has_l2 or self._has_l1 or self._has_weight_decay:
                    self._update_coefficients(lr, penalty_scale)
                if self._has_weight_decay:  # from θₜ₋₁, before anything moves it
                    np.multiply(params, self._decay_rate, out=self._decay_step)
                if self._has_l2:
                    if self._decay is not None:
                        params *= self._decay
                    else:
                        np.multiply(params, self._l2_step, out=self._tmp)
                        grads += self._tmp
                opt.update(params, grads, lr)
                if self._has_weight_decay:
                    params -= self._decay_step
                if self._has_l1:
                    self._shrink(params)
                self.step_count += 1
                self.last = StepResult(self.step_count, loss, masks, rows)
            if n and not float(params.dot(params)) <= DIVERGED_SQUARED_NORM:
                self._diverged(float("nan"), WEIGHTS_BLEW_UP)
        if n and self.step_count >= self._next_record:
            # The point for the step just reached would otherwise wait for the next
            # step's forward pass: a run stopped here (``--steps 10``, a paused
            # window) would end one point short of its last step.
            self._record_ahead()

    def record_current(self) -> None:
        """Record the point for the current step now if the history lacks it, even
        between recording steps (a finished run's history then ends at its last
        step, e.g. ``--steps 12345``). Measured as the next step would measure it."""
        if not len(self.history) or self.history.step[-1] != self.step_count:
            self._record_ahead()

    def _record_ahead(self) -> None:
        """The history point for the current step, measured with the forward pass
        the next step will make (its batch, its dropout masks), then the random
        generator and the batch order are put back: the next step draws exactly
        what it would have drawn, so a run cut into many ``step`` calls trains and
        records exactly as one long call does."""
        rng_state = self._rng.bit_generator.state
        order, cursor = self._order, self._cursor
        try:
            with np.errstate(all="ignore"):
                if self.batch_size is None or self.batch_size >= len(self.y_train):
                    ws, X, full_batch = self._train_ws, self._X_train_columns, True
                else:
                    (ws, X, _), full_batch = self._next_batch(), False
                lr = self._learning_rate
                if self.lr_decay:
                    lr = lr / (1.0 + self.lr_decay * self.step_count)
                scale = (lr if self._optimizer.lr_in_gradient else 1.0) / ws.m
                loss, _ = ws.forward_backward(self.net.augmented_t, self.net.weights,
                                              self._grads_augmented, X, self._keep_probs,
                                              self._rng, None, scale)
                if not loss < DIVERGED_LOSS:
                    self._diverged(loss)
                self._record(loss, ws, full_batch and not self._has_dropout)
        finally:
            self._rng.bit_generator.state = rng_state
            self._order, self._cursor = order, cursor

    def _update_coefficients(self, lr: float, scale: float) -> None:
        """The L2, L1 and weight-decay factors per parameter for this learning rate
        and penalty scale, cached while they stay the same."""
        key = (lr, scale)
        if key == self._coef_key:
            return
        self._coef_key = key
        self._decay = None
        if self._has_l2:
            if isinstance(self._optimizer, optimizers.SGD):
                # θ − lr·(g + 2sλθ) = θ·(1 − 2sλ·lr) − lr·g
                self._decay = 1.0 - (2.0 * scale * lr) * self._l2_coef
            else:
                # the L2 gradient 2sλθ, times lr where the optimizer wants lr·g
                factor = lr if self._optimizer.lr_in_gradient else 1.0
                self._l2_step = (2.0 * scale * factor) * self._l2_coef
        if self._has_l1:
            self._threshold = (lr * scale) * self._l1_coef
        if self._has_weight_decay:
            self._decay_rate = lr * self._wd_coef  # not scaled by 1/(2m): not a penalty

    def _shrink(self, params: np.ndarray) -> None:
        # Soft threshold: |θ| moves toward 0 by lr·λ₁' and stops at 0 instead of
        # crossing it (elements with λ₁ = 0 are untouched).
        tmp = self._tmp
        np.abs(params, out=tmp)
        tmp -= self._threshold
        np.maximum(tmp, 0.0, out=tmp)
        np.copysign(tmp, params, out=params)

    def _next_batch(self) -> tuple[Workspace, np.ndarray, np.ndarray]:
        n = len(self.y_train)
        if self._order is None or self._cursor >= n:
            self._order = self._rng.permutation(n)
            self._cursor = 0
        rows = self._order[self._cursor:self._cursor + self.batch_size]
        self._cursor += self.batch_size
        ws = self._batch_ws.get(len(rows))
        if ws is None:
            ws = self._batch_ws[len(rows)] = self._workspace(len(rows), None)
        ws.set_targets(self.y_train[rows])
        return ws, self._X_train_columns[:, rows], rows

    def _diverged(self, loss: float, reason: str | None = None) -> None:
        """Put back the last finite parameters and raise."""
        params = self.net.params
        if float(self._backup.dot(self._backup)) <= DIVERGED_SQUARED_NORM:
            np.copyto(params, self._backup)
        else:
            np.copyto(params, self._checkpoint)
        raise TrainingDiverged(self.step_count, loss, reason)

    # -- measuring ------------------------------------------------------------
    def _record(self, step_loss: float | None, ws: Workspace, clean: bool) -> None:
        """Add the history point for the current parameters. ``ws`` holds this
        step's forward pass; ``clean`` means it was full batch without dropout, so
        it already is the evaluation-mode pass over the training points.
        ``step_loss`` None (at construction) measures the train loss in
        evaluation mode."""
        net, history = self.net, self.history
        params, tmp, seg = net.params, self._tmp, self._boundaries
        # Per-layer sums over W₀, b₀, W₁, b₁, … in three reductions.
        np.multiply(params, params, out=tmp)
        squares = np.add.reduceat(tmp, seg).tolist()
        if not sum(squares) <= DIVERGED_SQUARED_NORM:
            self._diverged(float("nan") if step_loss is None else step_loss, WEIGHTS_BLEW_UP)
        np.abs(params, out=tmp)
        magnitudes = np.add.reduceat(tmp, seg).tolist()
        np.equal(params, 0.0, out=self._is_zero)
        zeros = np.add.reduceat(self._is_zero, seg, dtype=np.intp).tolist()
        sums = list(zip(squares[0::2], magnitudes[0::2], squares[1::2], magnitudes[1::2],
                        strict=True))
        penalty = self._resolved.penalty_from_sums(sums, len(self.y_train))

        if clean:
            train_correct = ws.count_correct()
        else:
            train_ws = self._train_ws
            train_ws.forward(net.augmented_t, self._X_train_columns)
            if step_loss is None:  # the point at construction, before any step
                step_loss = train_ws.data_loss()
            train_correct = train_ws.count_correct()
        test_ws = self._test_ws
        if test_ws is not None:
            test_ws.forward(net.augmented_t, self._X_test_columns)
            test_loss = test_ws.data_loss()
            test_accuracy = test_ws.count_correct() / len(self.y_test)
        else:
            test_loss = test_accuracy = float("nan")
        # No infinite or NaN value may reach the history the plots draw; far-off test
        # points can overflow while the training loss still looks fine.
        if not math.isfinite(step_loss + penalty):
            self._diverged(step_loss + penalty)
        if test_ws is not None and not math.isfinite(test_loss):
            self._diverged(test_loss, f"the test loss became {test_loss}")
        history.append(
            step=self.step_count, train_data_loss=step_loss, train_penalty=penalty,
            train_total=step_loss + penalty, test_loss=test_loss,
            train_accuracy=train_correct / len(self.y_train), test_accuracy=test_accuracy,
            weight_norm=[math.sqrt(s) for s in squares[0::2]],
            weight_l1=magnitudes[0::2],
            zero_fraction=[z / size for z, size in zip(zeros[0::2], self._weight_sizes,
                                                        strict=True)],
        )
        history.record_weights(self.step_count, net.weights)
        history.record_parameters(self.step_count, params)
        self._next_record = history.next_step(self.step_count)
        np.copyto(self._checkpoint, params)

    def save_state(self) -> TrainerState:
        """A copy of this trainer's state (see :class:`TrainerState`)."""
        return TrainerState(
            params=self.net.params.copy(), step_count=self.step_count,
            history=copy.deepcopy(self.history), optimizer=copy.deepcopy(self._optimizer),
            rng_state=copy.deepcopy(self._rng.bit_generator.state),
            order=None if self._order is None else self._order.copy(), cursor=self._cursor,
            next_record=self._next_record, backup=self._backup.copy(),
            checkpoint=self._checkpoint.copy(), last=self.last)

    def load_state(self, state: TrainerState) -> None:
        """Continue from ``state`` (taken from a trainer of the same network sizes,
        optimizer and data); ``state`` itself is left unchanged, so it can be loaded
        again."""
        if state.params.shape != self.net.params.shape:
            raise ValueError(f"the saved parameters ({state.params.size}) do not fit this "
                             f"network ({self.net.params.size} parameters)")
        if type(state.optimizer) is not type(self._optimizer):
            raise ValueError(f"the saved state is of optimizer "
                             f"{type(state.optimizer).__name__}, not {self.optimizer_name}")
        np.copyto(self.net.params, state.params)
        self.step_count = state.step_count
        self.history = copy.deepcopy(state.history)
        self._optimizer = copy.deepcopy(state.optimizer)
        self._rng.bit_generator.state = copy.deepcopy(state.rng_state)
        self._order = None if state.order is None else state.order.copy()
        self._cursor = state.cursor
        self._next_record = state.next_record
        np.copyto(self._backup, state.backup)
        np.copyto(self._checkpoint, state.checkpoint)
        self.last = state.last

    def restore(self, step: int, series: dict[str, np.ndarray]) -> None:
        """Continue from a saved session: its step count and history."""
        self.step_count = int(step)
        stride = self.history.stride
        steps = series.get("step")
        if steps is not None and len(steps) > 2:
            stride = max(1, int(steps[-1] - steps[-2]))
        self.history.load(series, stride)
        self._next_record = self.history.next_step(self.step_count)


def _is_whole_at_least_1(value) -> bool:
    return isinstance(value, int | float | np.integer) and value == int(value) and value >= 1
