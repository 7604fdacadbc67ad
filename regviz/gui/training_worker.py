"""Training off the GUI thread.

``TrainingWorker`` lives in a parentless QThread and is driven by a QTimer created
inside that thread: each tick trains for a small time budget and returns to the
thread's event loop, so queued slots (new hyperparameters, pause, step, stop) run
between batches. Snapshots are copied in the worker's thread and emitted at a
bounded rate however fast the steps go. ``TrainingController`` is the GUI side.
"""

from __future__ import annotations

import time
import traceback

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from ..config import Config
from ..core import TrainingDiverged
from ..experiment import Experiment, TrainTestData
from ..snapshot import take_snapshot

TICK_BUDGET_S = 0.012  # training time per timer tick before the event loop runs again
SNAPSHOT_INTERVAL_S = 1 / 30  # at most ~30 snapshots a second reach the GUI


class TrainingWorker(QObject):
    snapshot_ready = Signal(object)
    diverged = Signal(str)
    error = Signal(str)
    running_changed = Signal(bool)

    def __init__(self, experiment: Experiment):
        super().__init__()
        self.experiment = experiment
        self._timer: QTimer | None = None
        self._running = False
        self._steps_per_tick = 10
        self._last_emit = 0.0
        self.steps_per_second = 0.0

    @Slot()
    def start_timer(self) -> None:
        """Runs in the worker thread (connected to QThread.started)."""
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self.emit_snapshot()

    @Slot()
    def play(self) -> None:
        if not self._running and self.experiment.diverged is None:
            self._running = True
            self._timer.start()
            self.running_changed.emit(True)

    @Slot()
    def pause(self) -> None:
        if self._running:
            self._running = False
            self._timer.stop()
            self.running_changed.emit(False)
        self.emit_snapshot()

    @Slot(int)
    def step(self, n: int = 1) -> None:
        self._train(n)
        self.emit_snapshot()

    @Slot()
    def reset(self) -> None:
        self.experiment.reset()
        self.emit_snapshot()

    @Slot(object)
    def apply_config(self, config: Config) -> None:
        try:
            was_reset = self.experiment.apply(config)
        except ValueError as exc:
            self.error.emit(str(exc))
            return
        if was_reset or not self._running:
            self.emit_snapshot()

    @Slot(object)
    def set_data(self, data: TrainTestData) -> None:
        self.experiment.set_data(data)
        self.emit_snapshot()

    @Slot(object)
    def replace_experiment(self, experiment: Experiment) -> None:
        self.experiment = experiment
        self.emit_snapshot()

    @Slot()
    def stop(self) -> None:
        """Runs in the worker thread: the timer must be stopped by its own thread."""
        self._running = False
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None

    @Slot()
    def _tick(self) -> None:
        start = time.perf_counter()
        steps_before = self.experiment.step_count
        while self._running and time.perf_counter() - start < TICK_BUDGET_S:
            if not self._train(self._steps_per_tick):
                break
        elapsed = time.perf_counter() - start
        done = self.experiment.step_count - steps_before
        if elapsed > 0 and done:
            self.steps_per_second = done / elapsed
            # Aim for chunks of ~2 ms so a tick ends close to its budget.
            self._steps_per_tick = max(1, min(5000, int(self.steps_per_second * 0.002)))
        now = time.perf_counter()
        if now - self._last_emit >= SNAPSHOT_INTERVAL_S:
            self.emit_snapshot()

    def _train(self, n: int) -> bool:
        try:
            self.experiment.step(n)
            return True
        except TrainingDiverged as exc:
            self._halt()
            self.diverged.emit(str(exc))
        except Exception as exc:  # keep the thread alive whatever the engine does
            self._halt()
            self.error.emit(f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")
        self.emit_snapshot()
        return False

    def _halt(self) -> None:
        if self._running:
            self._running = False
            if self._timer is not None:
                self._timer.stop()
            self.running_changed.emit(False)

    def emit_snapshot(self) -> None:
        self._last_emit = time.perf_counter()
        snapshot = take_snapshot(self.experiment)
        snapshot.extra["steps_per_second"] = self.steps_per_second if self._running else 0.0
        self.snapshot_ready.emit(snapshot)


class TrainingController(QObject):
    """Owns the thread and the worker; the GUI talks to the worker only through
    queued signals."""

    play_requested = Signal()
    pause_requested = Signal()
    step_requested = Signal(int)
    reset_requested = Signal()
    config_requested = Signal(object)
    data_requested = Signal(object)
    experiment_requested = Signal(object)
    stop_requested = Signal()

    def __init__(self, experiment: Experiment, parent=None):
        super().__init__(parent)
        self.thread = QThread()  # parentless: it must outlive nothing but this controller
        self.thread.setObjectName("regviz-training")
        self.worker = TrainingWorker(experiment)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start_timer)
        self.play_requested.connect(self.worker.play)
        self.pause_requested.connect(self.worker.pause)
        self.step_requested.connect(self.worker.step)
        self.reset_requested.connect(self.worker.reset)
        self.config_requested.connect(self.worker.apply_config)
        self.data_requested.connect(self.worker.set_data)
        self.experiment_requested.connect(self.worker.replace_experiment)
        self.stop_requested.connect(self.worker.stop)
        self._shut_down = False

    def start(self) -> None:
        self.thread.start()

    @property
    def experiment(self) -> Experiment:
        return self.worker.experiment

    def shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        if self.thread.isRunning():
            self.stop_requested.emit()
            self.thread.quit()
            self.thread.wait()
        self.worker.deleteLater()
