"""Training off the GUI thread.

``TrainingWorker`` lives in a parentless QThread and is driven by a QTimer created
inside that thread: each tick trains for a small time budget and returns to the
thread's event loop, so queued slots (new hyperparameters, pause, step, stop) run
between batches. Snapshots are copied in the worker's thread and emitted at a
bounded rate however fast the steps go. ``TrainingController`` is the GUI side: it
owns the thread and the worker and talks to the worker only through queued calls.
"""

from __future__ import annotations

import functools
import time
import traceback

from PySide6.QtCore import (
    Q_ARG,
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)

from ...config import Config
from ...core import TrainingDiverged
from ...experiment import Experiment, ExperimentState, TrainTestData
from ...snapshot import Snapshot, take_snapshot

TICK_BUDGET_S = 0.012  # training time per timer tick before the event loop runs again
CHUNK_S = 0.002  # steps are trained in chunks of about this long inside a tick
DEFAULT_SNAPSHOT_INTERVAL_S = 1 / 30  # at most 30 snapshots a second reach the GUI
MIN_SNAPSHOT_INTERVAL_S = 1 / 60
MAX_SNAPSHOT_INTERVAL_S = 1.0


def _never_raises(slot):
    """Any exception in a worker slot pauses training and is reported through
    ``error``: a bug in one step must not take the thread (or the lesson) down."""

    @functools.wraps(slot)
    def guarded(self, *args):
        try:
            return slot(self, *args)
        except Exception as exc:
            self._halt()
            self.error.emit(f"{type(exc).__name__}: {exc}\n"
                            f"{traceback.format_exc(limit=4)}")
            return None

    return guarded


class TrainingWorker(QObject):
    """Trains one ``Experiment`` in its thread. Use it through ``TrainingController``."""

    snapshot_ready = Signal(object)  # a Snapshot, copied in this thread
    diverged = Signal(str)  # the engine's message; training is paused
    error = Signal(str)  # anything else that went wrong; training is paused
    state_changed = Signal(bool)  # True while training runs

    def __init__(self, experiment: Experiment):
        super().__init__()
        self.experiment = experiment
        self.snapshot_interval = DEFAULT_SNAPSHOT_INTERVAL_S
        self.last_snapshot: Snapshot | None = None
        self.captured_state: ExperimentState | None = None
        self.constraint_pair = None  # the WeightPair whose constraint picture to send
        self.steps_per_second = 0.0
        self._timer: QTimer | None = None
        self._running = False
        self._stopped = False
        self._steps_per_chunk = 10
        self._last_emit = 0.0
        self._rate_mark = (0.0, 0)  # (time, step) the steps/s figure is measured from

    @property
    def running(self) -> bool:
        return self._running

    # -- slots (all run in the worker's thread) ---------------------------------------
    @Slot()
    @_never_raises
    def start_timer(self) -> None:
        """Connected to QThread.started: the timer must be created in this thread."""
        # A child of the worker, so it moves back with the worker in stop().
        self._timer = QTimer(self)
        self._timer.setInterval(0)  # tick again as soon as queued slots have run
        self._timer.timeout.connect(self._tick)
        self.emit_snapshot()

    @Slot()
    @_never_raises
    def play(self) -> None:
        if self._stopped or self._running:
            return
        if self.experiment.diverged is not None:
            # Nothing sensible to continue from: say so again instead of silently
            # ignoring the button (the window unpresses it on state_changed).
            self.state_changed.emit(False)
            self.diverged.emit(str(self.experiment.diverged))
            return
        self._running = True
        self._rate_mark = (time.perf_counter(), self.experiment.step_count)
        self._timer.start()
        self.state_changed.emit(True)

    @Slot()
    @_never_raises
    def pause(self) -> None:
        if self._stopped:
            return
        self._halt()
        self.emit_snapshot()

    @Slot(int)
    @_never_raises
    def step(self, n: int = 1) -> None:
        """Train exactly ``n`` steps now (the window pauses first) and show them."""
        if self._stopped:
            return
        self._train(n)
        self.emit_snapshot()

    @Slot(int)
    @_never_raises
    def run_steps(self, n: int) -> None:
        """``step`` for ``TrainingController.run_steps_blocking``."""
        self.step(n)

    @Slot()
    @_never_raises
    def reset(self) -> None:
        if self._stopped:
            return
        self.experiment.reset()
        self.emit_snapshot()

    @Slot()
    @_never_raises
    def start_fresh(self) -> None:
        """Step 0 on the points the config makes (a preset brings its own points
        back; edited ones go). Training keeps running if it was."""
        if self._stopped:
            return
        try:
            self.experiment.start_fresh()
        except (ValueError, OSError) as exc:  # the data file has gone meanwhile
            self._halt()
            self.error.emit(str(exc))
        self.emit_snapshot()

    @Slot()
    def capture_state(self) -> None:
        """Copy the experiment's state for ``TrainingController.capture_state``."""
        self.captured_state = self.experiment.save_state()

    @Slot(object)
    @_never_raises
    def apply_config(self, config: Config) -> None:
        """Live fields take effect at the next step; anything structural resets
        (training keeps running either way)."""
        if self._stopped:
            return
        try:
            was_reset = self.experiment.apply(config)
        except (ValueError, OSError) as exc:  # a bad data file, a cross-field rule
            self._halt()
            self.error.emit(str(exc))
            self.emit_snapshot()
            return
        if was_reset or not self._running:
            self.emit_snapshot()

    @Slot(object)
    @_never_raises
    def set_data(self, data: TrainTestData) -> None:
        """Train on edited points from now on (the weights are kept)."""
        if self._stopped:
            return
        self.experiment.set_data(data)
        self.emit_snapshot()

    @Slot(object)
    @_never_raises
    def replace_experiment(self, experiment: Experiment) -> None:
        """Train a different experiment (e.g. a loaded session) from now on."""
        if self._stopped:
            return
        self._halt()
        self.experiment = experiment
        self.emit_snapshot()

    @Slot(object)
    @_never_raises
    def set_constraint_pair(self, pair) -> None:
        """Include the constraint picture of ``pair`` (a WeightPair) in the snapshots
        from now on, or none (None: nobody looks at it, so it costs nothing)."""
        if self._stopped or pair == self.constraint_pair:
            return
        self.constraint_pair = pair
        if pair is not None and not self._running:
            self.emit_snapshot()

    @Slot(float)
    def set_snapshot_interval(self, seconds: float) -> None:
        """How often snapshots may be sent while training (the window asks for
        them no faster than it can draw them)."""
        self.snapshot_interval = min(MAX_SNAPSHOT_INTERVAL_S,
                                     max(MIN_SNAPSHOT_INTERVAL_S, float(seconds)))

    @Slot()
    def stop(self) -> None:
        """The last call the worker gets: stop the timer in its own thread, then hand
        the worker (and the timer, its child) back to the GUI thread, so they are
        destroyed there and never from a finished thread."""
        self._stopped = True
        self._running = False
        if self._timer is not None:
            self._timer.stop()
        self.moveToThread(QCoreApplication.instance().thread())

    # -- training ----------------------------------------------------------------------
    @Slot()
    @_never_raises
    def _tick(self) -> None:
        start = time.perf_counter()
        while self._running and time.perf_counter() - start < TICK_BUDGET_S:
            chunk_start = time.perf_counter()
            if not self._train(self._steps_per_chunk):
                break
            took = time.perf_counter() - chunk_start
            # Adapt the chunk so it lasts about CHUNK_S whatever the network's size.
            if took > 0:
                wanted = self._steps_per_chunk * CHUNK_S / took
                self._steps_per_chunk = int(min(10_000, max(1, 0.5 * self._steps_per_chunk
                                                            + 0.5 * wanted)))
        if self._running and time.perf_counter() - self._last_emit >= self.snapshot_interval:
            self.emit_snapshot()

    def _train(self, n: int) -> bool:
        """Train ``n`` steps; False (and training paused) if they could not all run."""
        try:
            self.experiment.step(n)
            return True
        except TrainingDiverged as exc:
            # The experiment keeps the last finite weights; the window explains.
            self._halt()
            self.diverged.emit(str(exc))
        self.emit_snapshot()
        return False

    def _halt(self) -> None:
        if self._running:
            self._running = False
            if self._timer is not None:
                self._timer.stop()
            self.state_changed.emit(False)

    def emit_snapshot(self) -> None:
        now = time.perf_counter()
        self._measure_rate(now)
        snapshot = take_snapshot(self.experiment, constraint=self.constraint_pair)
        snapshot.extra["steps_per_second"] = self.steps_per_second if self._running else 0.0
        snapshot.extra["running"] = self._running
        snapshot.extra["data_edited"] = self.experiment.data_edited
        self.last_snapshot = snapshot
        self._last_emit = now
        self.snapshot_ready.emit(snapshot)

    def _measure_rate(self, now: float) -> None:
        """Steps per wall-clock second while running, snapshots and all included."""
        since, step_then = self._rate_mark
        steps = self.experiment.step_count - step_then
        if self._running and now - since >= 0.25:
            rate = steps / (now - since)
            self.steps_per_second = rate if not self.steps_per_second else (
                0.5 * self.steps_per_second + 0.5 * rate)
            self._rate_mark = (now, self.experiment.step_count)
        elif not self._running:
            self._rate_mark = (now, self.experiment.step_count)


class WorkerController(QObject):
    """The GUI side of a worker: owns the parentless thread the worker lives in.
    Every request is a queued signal, so it runs in the worker's thread between
    chunks of steps. Subclasses declare the signals and call ``_adopt``."""

    def _adopt(self, worker, thread_name: str, connections) -> None:
        # Parentless: a QThread must not be destroyed by a parent while it runs;
        # this controller quits and waits for it in shutdown().
        self.thread = QThread()
        self.thread.setObjectName(thread_name)
        self.worker = worker
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.start_timer)
        for signal, slot in connections:
            signal.connect(slot, Qt.ConnectionType.QueuedConnection)
        self._shut_down = False

    def start(self) -> None:
        self.thread.start()

    def run_steps_blocking(self, n: int):
        """Train exactly ``n`` steps and return the snapshot(s) after them, waiting
        for the worker (tests, scripts, screenshots). Divergence stops early, as in Play."""
        if self.thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "run_steps",
                                     Qt.ConnectionType.BlockingQueuedConnection, Q_ARG(int, n))
        else:  # not started (or shut down): nothing else can be touching the worker
            self.worker.run_steps(n)
        return self.worker.last_snapshot

    def shutdown(self) -> None:
        """Stop training and the thread; returns when the thread has finished."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.thread.isRunning():
            # Blocking: stop() must have run in the worker's thread before its event
            # loop is told to quit, or the timer would be stopped from another thread.
            QMetaObject.invokeMethod(self.worker, "stop",
                                     Qt.ConnectionType.BlockingQueuedConnection)
            self.thread.quit()
            self.thread.wait()
        else:
            # Never started: no timer, no event loop; only refuse later requests
            # (the worker cannot be moved from a thread that is not running).
            self.worker._stopped = True


class TrainingController(WorkerController):
    """The main window's training: one ``Experiment`` in a ``TrainingWorker``."""

    play_requested = Signal()
    pause_requested = Signal()
    step_requested = Signal(int)
    reset_requested = Signal()
    fresh_start_requested = Signal()
    config_requested = Signal(object)
    data_requested = Signal(object)
    experiment_requested = Signal(object)
    snapshot_interval_requested = Signal(float)
    constraint_pair_requested = Signal(object)

    def __init__(self, experiment: Experiment, parent=None):
        super().__init__(parent)
        worker = TrainingWorker(experiment)
        self._adopt(worker, "regviz-training", (
            (self.play_requested, worker.play),
            (self.pause_requested, worker.pause),
            (self.step_requested, worker.step),
            (self.reset_requested, worker.reset),
            (self.fresh_start_requested, worker.start_fresh),
            (self.config_requested, worker.apply_config),
            (self.data_requested, worker.set_data),
            (self.experiment_requested, worker.replace_experiment),
            (self.snapshot_interval_requested, worker.set_snapshot_interval),
            (self.constraint_pair_requested, worker.set_constraint_pair)))

    def capture_state(self) -> ExperimentState:
        """A copy of the training's whole state, taken in the worker's thread between
        steps, after every request sent before (undo points)."""
        if self.thread.isRunning():
            QMetaObject.invokeMethod(self.worker, "capture_state",
                                     Qt.ConnectionType.BlockingQueuedConnection)
        else:  # not started (or shut down): nothing else is touching the worker
            self.worker.capture_state()
        state, self.worker.captured_state = self.worker.captured_state, None
        return state

    @property
    def experiment(self) -> Experiment:
        """The worker's experiment. Read-only from the GUI thread, and only what does
        not change while training (its config); everything else comes in snapshots."""
        return self.worker.experiment
