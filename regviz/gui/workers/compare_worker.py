"""Training a ``Comparison`` off the GUI thread.

``CompareWorker`` is the main window's ``TrainingWorker`` driving a ``Comparison``
instead of one ``Experiment`` (both step, reset and count steps the same way): one
timer in one parentless thread trains every run in turn, and each emitted value is
a tuple of copied snapshots, one per run, all at the same step.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    Signal,
    Slot,
)

from ...compare import Comparison
from ...snapshot import take_snapshot
from .training_worker import TrainingWorker, WorkerController, _never_raises

# Four boundaries share the screen: a coarser grid looks the same at that size and
# costs the training thread less per snapshot.
COMPARE_GRID_RESOLUTION = 72
COMPARE_SNAPSHOT_INTERVAL_S = 1 / 15


class CompareWorker(TrainingWorker):
    """Emits ``snapshot_ready(tuple[Snapshot, ...])``; use it through
    ``CompareController``."""

    def __init__(self, comparison: Comparison):
        super().__init__(comparison)
        self.snapshot_interval = COMPARE_SNAPSHOT_INTERVAL_S

    @property
    def comparison(self) -> Comparison:
        return self.experiment

    def target_speed(self) -> float:
        return 0.0  # compare mode trains every run as fast as it can

    @Slot(int, object)
    @_never_raises
    def apply_run(self, index: int, config) -> None:
        """Run ``index`` trains with ``config``'s regularization from its next step."""
        if self._stopped:
            return
        try:
            self.comparison.apply(index, config)
        except ValueError as exc:
            self._halt()
            self.error.emit(str(exc))
        if not self._running:
            self.emit_snapshot()

    def emit_snapshot(self) -> None:
        now = time.perf_counter()
        self._mark_rate(now)
        snapshots = tuple(take_snapshot(e, COMPARE_GRID_RESOLUTION, shrink=True)
                          for e in self.comparison.experiments)
        for snapshot in snapshots:
            snapshot.extra["steps_per_second"] = self.steps_per_second if self._running \
                else 0.0
            snapshot.extra["running"] = self._running
        self.last_snapshot = snapshots
        self._last_emit = now
        self.snapshot_ready.emit(snapshots)


class CompareController(WorkerController):
    """Compare mode's training: every run of a ``Comparison`` in one worker."""

    play_requested = Signal()
    pause_requested = Signal()
    reset_requested = Signal()
    run_config_requested = Signal(int, object)
    comparison_requested = Signal(object)
    snapshot_interval_requested = Signal(float)

    def __init__(self, comparison: Comparison, parent=None):
        super().__init__(parent)
        worker = CompareWorker(comparison)
        self._adopt(worker, "regviz-compare", (
            (self.play_requested, worker.play),
            (self.pause_requested, worker.pause),
            (self.reset_requested, worker.reset),
            (self.run_config_requested, worker.apply_run),
            (self.comparison_requested, worker.replace_experiment),
            (self.snapshot_interval_requested, worker.set_snapshot_interval)))
