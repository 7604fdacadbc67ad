"""Training a ``Comparison`` off the GUI thread.

``CompareWorker`` is the main window's ``TrainingWorker`` driving a ``Comparison``
instead of one ``Experiment`` (both step, reset and count steps the same way): one
timer in one parentless thread trains every run in turn, and each emitted value is
a tuple of copied snapshots, one per run, all at the same step.
"""

from __future__ import annotations

import time

from PySide6.QtCore import (
    Q_ARG,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)

from ..compare import Comparison
from ..snapshot import take_snapshot
from .training_worker import TrainingWorker, _never_raises

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
        self._measure_rate(now)
        snapshots = tuple(take_snapshot(e, COMPARE_GRID_RESOLUTION)
                          for e in self.comparison.experiments)
        for snapshot in snapshots:
            snapshot.extra["steps_per_second"] = self.steps_per_second if self._running \
                else 0.0
            snapshot.extra["running"] = self._running
        self.last_snapshot = snapshots
        self._last_emit = now
        self.snapshot_ready.emit(snapshots)


class CompareController(QObject):
    """The GUI side: owns the parentless thread and the worker; every request is a
    queued signal, run in the worker's thread between chunks of steps."""

    play_requested = Signal()
    pause_requested = Signal()
    reset_requested = Signal()
    run_config_requested = Signal(int, object)
    comparison_requested = Signal(object)
    snapshot_interval_requested = Signal(float)

    def __init__(self, comparison: Comparison, parent=None):
        super().__init__(parent)
        self.thread = QThread()  # parentless: shutdown() quits and waits for it
        self.thread.setObjectName("regviz-compare")
        self.worker = CompareWorker(comparison)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start_timer)
        queued = Qt.ConnectionType.QueuedConnection
        for signal, slot in ((self.play_requested, self.worker.play),
                             (self.pause_requested, self.worker.pause),
                             (self.reset_requested, self.worker.reset),
                             (self.run_config_requested, self.worker.apply_run),
                             (self.comparison_requested, self.worker.replace_experiment),
                             (self.snapshot_interval_requested,
                              self.worker.set_snapshot_interval)):
            signal.connect(slot, queued)
        self._shut_down = False

    def start(self) -> None:
        self.thread.start()

    def run_steps_blocking(self, n: int) -> tuple:
        """Train every run exactly ``n`` steps and return their snapshots, waiting
        for the worker (tests, screenshots)."""
        if self.thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "run_steps",
                                     Qt.ConnectionType.BlockingQueuedConnection, Q_ARG(int, n))
        else:
            self.worker.run_steps(n)
        return self.worker.last_snapshot

    def shutdown(self) -> None:
        """Stop training and the thread; returns when the thread has finished."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "stop",
                                     Qt.ConnectionType.BlockingQueuedConnection)
            self.thread.quit()
            self.thread.wait()
        else:
            self.worker._stopped = True
