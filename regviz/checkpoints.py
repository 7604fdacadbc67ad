"""The run's past, kept so the scrubber can show it and training can branch from it.

A ``Checkpoint`` is everything the trainer needs to go on from a step exactly as
it went on the first time: the parameters, the optimizer's state (momentum's
velocity, Adam's moments and step count), the random generator's state (dropout
masks and mini-batch order), the current epoch's batch order, and the settings in
force. ``CheckpointStore`` records them in the training thread, on a schedule (not
every step) and within a memory budget:

* one checkpoint costs ``checkpoint_bytes`` (parameters × (1 + the optimizer's
  arrays) × 8 bytes, plus the batch order); the store keeps at most
  ``MEMORY_BUDGET_BYTES // that`` of them (and at most ``MAX_CHECKPOINTS``), so
  even the largest network the config allows stays under ~50 MB;
* a new checkpoint is taken every ``max(1, step · SPACING // capacity)`` steps —
  every step at first, more rarely as the run grows, so the cost per step stays tiny;
* when the store is full it is thinned to log-spaced targets counted from both
  ends (step 0 and now): for each target the nearest checkpoint stays, the rest
  go. What remains is dense near the start and near now, sparse in the middle.

Pure numpy: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .config import FIELDS_BY_NAME, MAX_HIDDEN_LAYERS, Config
from .core import optimizers

MEMORY_BUDGET_BYTES = 48 * 2**20  # "about 50 MB" for the largest network
MAX_CHECKPOINTS = 300  # plenty for a timeline a few hundred pixels wide
MIN_CHECKPOINTS = 4  # step 0, now, and two between, whatever the network
OVERHEAD_BYTES = 2048  # per checkpoint: the generator's state, the config, the object
# A checkpoint every step·SPACING/capacity steps (every step for the first few
# hundred): about capacity·ln 2 / SPACING of them per doubling of the run, each a copy
# of the parameters, so the cost per step stays a fraction of a percent.
SPACING = 1


@dataclass
class Checkpoint:
    """The trainer's complete state after ``step`` steps."""

    step: int
    params: np.ndarray
    optimizer_state: dict[str, np.ndarray]
    optimizer_t: int
    rng_state: dict
    batch_order: np.ndarray | None
    batch_cursor: int
    config: Config

    @property
    def nbytes(self) -> int:
        arrays = [self.params, *self.optimizer_state.values()]
        if self.batch_order is not None:
            arrays.append(self.batch_order)
        return sum(a.nbytes for a in arrays) + OVERHEAD_BYTES


def optimizer_arrays(optimizer_name: str) -> tuple[str, ...]:
    """The parameter-sized arrays an optimizer keeps (what a checkpoint copies)."""
    return {"sgd": (), "momentum": ("velocity",), "adam": ("m", "v")}[optimizer_name]


def checkpoint_bytes(n_params: int, optimizer_name: str, n_train: int,
                     batch_size: int) -> int:
    """The memory one checkpoint of such a run takes."""
    order = 8 * n_train if batch_size and batch_size < n_train else 0
    return 8 * n_params * (1 + len(optimizer_arrays(optimizer_name))) + order \
        + OVERHEAD_BYTES


def capacity_for(bytes_each: int) -> int:
    """How many checkpoints of ``bytes_each`` fit the budget (at least MIN_CHECKPOINTS)."""
    return max(MIN_CHECKPOINTS, min(MAX_CHECKPOINTS, MEMORY_BUDGET_BYTES // bytes_each))


def largest_network_bytes() -> int:
    """The checkpoint size of the largest run the config allows: every hidden layer
    at its maximum width, the most classes, Adam, mini-batches over the most points."""
    width = int(FIELDS_BY_NAME["hidden"].maximum)
    classes = int(FIELDS_BY_NAME["classes"].maximum)
    sizes = [2, *([width] * MAX_HIDDEN_LAYERS), classes]
    n_params = sum((a + 1) * b for a, b in zip(sizes[:-1], sizes[1:], strict=True))
    n_train = int(FIELDS_BY_NAME["n_samples"].maximum)
    return checkpoint_bytes(n_params, "adam", n_train, 1)


class CheckpointStore:
    """Checkpoints of one run, in step order (see the module docstring)."""

    def __init__(self, bytes_each: int):
        self.capacity = capacity_for(bytes_each)
        self.checkpoints: list[Checkpoint] = []
        self._steps: list[int] = []

    def __len__(self) -> int:
        return len(self.checkpoints)

    @property
    def steps(self) -> np.ndarray:
        return np.array(self._steps, dtype=np.int64)

    def copy(self) -> CheckpointStore:
        """Another store holding the same (never modified) checkpoints."""
        other = CheckpointStore.__new__(CheckpointStore)
        other.capacity = self.capacity
        other.checkpoints = list(self.checkpoints)
        other._steps = list(self._steps)
        return other

    @property
    def nbytes(self) -> int:
        return sum(c.nbytes for c in self.checkpoints)

    def next_due(self, step: int) -> int:
        """The step at which the next checkpoint should be taken."""
        if not self._steps:
            return step
        last = self._steps[-1]
        return last + max(1, last * SPACING // self.capacity)

    def add(self, checkpoint: Checkpoint) -> None:
        # The same step again (a reset, a restored session): the newer wins.
        while self._steps and self._steps[-1] >= checkpoint.step:
            self.checkpoints.pop()
            self._steps.pop()
        self.checkpoints.append(checkpoint)
        self._steps.append(checkpoint.step)
        if len(self.checkpoints) > self.capacity:
            self._thin()

    def _thin(self) -> None:
        """Keep, for each of 2h log-spaced target steps (h counted from step 0, h
        back from now), the checkpoint nearest it, with h as large as leaves an
        quarter of the store free; drop the rest. The store so takes a log-spaced
        shape, and the next records, near now, fill the room until the next thinning."""
        steps = np.array(self._steps, dtype=np.float64)
        room = self.capacity - max(1, self.capacity // 4)
        low, high = 1, self.capacity
        best = self._nearest_to_targets(steps, 1)
        while low <= high:
            h = (low + high) // 2
            kept = self._nearest_to_targets(steps, h)
            if len(kept) <= room:
                best, low = kept, h + 1
            else:
                high = h - 1
        self.checkpoints = [self.checkpoints[i] for i in best]
        self._steps = [self._steps[i] for i in best]

    @staticmethod
    def _nearest_to_targets(steps: np.ndarray, h: int) -> list[int]:
        offsets = np.expm1(np.linspace(0.0, np.log1p((steps[-1] - steps[0]) / 2), h))
        targets = np.concatenate([steps[0] + offsets, steps[-1] - offsets])
        right = np.clip(np.searchsorted(steps, targets), 1, len(steps) - 1)
        nearer_left = targets - steps[right - 1] <= steps[right] - targets
        return sorted(set((right - nearer_left).tolist()) | {0, len(steps) - 1})

    def nearest(self, step: int) -> Checkpoint:
        """The checkpoint closest to ``step`` (the earlier one on a tie)."""
        if not self.checkpoints:
            raise LookupError("no checkpoints recorded yet")
        steps = self.steps
        i = int(np.searchsorted(steps, step))
        candidates = [j for j in (i - 1, i) if 0 <= j < len(steps)]
        return self.checkpoints[min(candidates, key=lambda j: (abs(steps[j] - step), j))]

    def at(self, step: int) -> Checkpoint:
        for checkpoint in self.checkpoints:
            if checkpoint.step == step:
                return checkpoint
        raise LookupError(f"no checkpoint at step {step}")

    def truncate(self, step: int) -> None:
        """Forget the checkpoints after ``step`` (training branched there)."""
        keep = int(np.searchsorted(self._steps, step, side="right"))
        del self.checkpoints[keep:], self._steps[keep:]


# -- taking and restoring ------------------------------------------------------------

def capture(trainer, config: Config) -> Checkpoint:
    """The trainer's state now (copies: training goes on changing its own)."""
    opt = trainer._optimizer
    state = {name: getattr(opt, name).copy() for name in optimizer_arrays(
        trainer.optimizer_name)}
    order = trainer._order.copy() if trainer._order is not None else None
    return Checkpoint(
        step=trainer.step_count, params=trainer.net.params.copy(), optimizer_state=state,
        optimizer_t=int(getattr(opt, "t", 0)),
        rng_state=trainer._rng.bit_generator.state,  # a fresh dict of plain numbers
        batch_order=order, batch_cursor=int(trainer._cursor), config=config)


def restore(trainer, checkpoint: Checkpoint) -> None:
    """Put ``checkpoint`` back into ``trainer`` (built for the same network and data):
    the next step is the one that followed it the first time. The history is
    truncated to the checkpoint's step."""
    net = trainer.net
    if checkpoint.params.shape != net.params.shape:
        raise ValueError("the checkpoint does not fit this network")
    np.copyto(net.params, checkpoint.params)
    np.copyto(trainer._backup, checkpoint.params)
    np.copyto(trainer._checkpoint, checkpoint.params)
    opt = trainer._optimizer
    for name, values in checkpoint.optimizer_state.items():
        np.copyto(getattr(opt, name), values)
    if isinstance(opt, optimizers.Adam):
        opt.t = checkpoint.optimizer_t
    trainer._rng.bit_generator.state = checkpoint.rng_state  # copied in, not kept
    trainer._order = None if checkpoint.batch_order is None else checkpoint.batch_order.copy()
    trainer._cursor = checkpoint.batch_cursor
    trainer.step_count = checkpoint.step
    trainer.last = None
    trainer.history.truncate(checkpoint.step)
    trainer._next_record = trainer.history.next_step(checkpoint.step) \
        if len(trainer.history) else 0


def store_for(trainer) -> CheckpointStore:
    """An empty store sized for ``trainer``'s network, optimizer and data."""
    batch = trainer.batch_size or 0
    return CheckpointStore(checkpoint_bytes(trainer.net.params.size, trainer.optimizer_name,
                                            len(trainer.y_train), batch))


def worst_case_megabytes() -> float:
    """The most a store can hold, in MB, for the largest network the config allows."""
    bytes_each = largest_network_bytes()
    return capacity_for(bytes_each) * bytes_each / 2**20

