"""Training off the GUI thread.

``TrainingWorker`` lives in a parentless QThread and is driven by a QTimer created
inside that thread: each tick trains for a small time budget and returns to the
thread's event loop, so queued slots (new hyperparameters, pause, step, stop) run
between batches. Snapshots are copied in the worker's thread and emitted at a
bounded rate however fast the steps go. ``TrainingController`` is the GUI side: it
owns the thread and the worker and talks to the worker only through queued calls.

The config's ``speed`` (steps per second, 0 = as fast as possible) is held by a
``StepPacer``: each tick trains the steps it says are due and the timer sleeps
until the next one. Up to ``EVERY_STEP_RATE`` steps a second every step gets its
own snapshot, so the class sees each one.
"""

from __future__ import annotations

import functools
import math
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

from ...boundary_palette import BoundaryPalette
from ...config import Config
from ...core import TrainingDiverged
from ...experiment import Experiment, ExperimentState, TrainTestData
from ...snapshot import (
    GRID_RESOLUTION,
    LIVE_GRID_RESOLUTION,
    Snapshot,
    take_checkpoint_snapshot,
    take_snapshot,
)
from .step_pacer import SNAPSHOT_EARLY_S, RateMeter, StepPacer, next_snapshot_due

TICK_BUDGET_S = 0.012  # training time per timer tick before the event loop runs again
CHUNK_S = 0.002  # steps are trained in chunks of about this long inside a tick
# A little over 30 snapshots a second reach the GUI, so the boundary is drawn 30
# times a second even when the pacer stretches its interval a little (a busy second).
DEFAULT_SNAPSHOT_INTERVAL_S = 1 / 34
MIN_SNAPSHOT_INTERVAL_S = 1 / 60
MAX_SNAPSHOT_INTERVAL_S = 1.0
EVERY_STEP_RATE = 30.0  # at or below this many steps/s, a snapshot after every step
PACED_TICK_S = 0.008  # a paced tick waits at least this long (steps accrue meanwhile)


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
        self.palette: BoundaryPalette | None = None  # the window's boundary colours
        self._timer: QTimer | None = None
        self._running = False
        self._stopped = False
        self._steps_per_chunk = 10
        self._last_emit = 0.0
        self._next_emit = 0.0  # when the next snapshot is due while training
        self._pacer = StepPacer()
        self._rate = RateMeter()
        self._pause_at: int | None = None  # Play stops at exactly this step (a lesson's)
        self._scrub_to: int | None = None  # the checkpoint asked for last (scrubber)

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
        self._timer.setSingleShot(True)  # each tick says when the next one is due
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)  # 1 step/s is 1 step/s
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
        now = time.perf_counter()
        self._pacer.set_rate(self.target_speed())
        self._pacer.start(now)
        self._rate.reset()  # measured from the first snapshot on
        self.steps_per_second = 0.0
        self._timer.start(0)
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
        self._apply(config, provisional=False)

    @Slot(object)
    @_never_raises
    def preview_config(self, config: Config) -> None:
        """``apply_config`` for a value the teacher is still dragging to: training
        follows it at once, and the drag leaves one change marker (see
        ``Experiment.apply``), made final by the ``apply_config`` of its release."""
        self._apply(config, provisional=True)

    def _apply(self, config: Config, provisional: bool) -> None:
        if self._stopped:
            return
        try:
            was_reset = self.experiment.apply(config, provisional)
        except (ValueError, OSError) as exc:  # a bad data file, a cross-field rule
            self._halt()
            self.error.emit(str(exc))
            self.emit_snapshot()
            return
        if config.speed != self._pacer.rate:
            self._pacer.set_rate(config.speed, time.perf_counter())
            if self._running:
                self._timer.start(0)  # not after the old speed's (maybe long) wait
        if was_reset or not self._running:
            self.emit_snapshot()

    @Slot(object)
    def set_palette(self, palette: BoundaryPalette) -> None:
        """Colour the boundary map of the next snapshots with ``palette``."""
        self.palette = palette

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

    @Slot(int)
    @_never_raises
    def show_checkpoint(self, step: int) -> None:
        """Send a snapshot of the network as it was at the checkpoint nearest
        ``step`` (only the newest of several quick requests is drawn)."""
        if self._stopped:
            return
        pending = self._scrub_to is not None
        self._scrub_to = step
        if not pending:
            QTimer.singleShot(0, self._emit_checkpoint_snapshot)

    @Slot()
    @_never_raises
    def _emit_checkpoint_snapshot(self) -> None:
        step, self._scrub_to = self._scrub_to, None
        if step is None or self._stopped or self._running:
            return  # Play went back to the live end meanwhile
        snapshot = take_checkpoint_snapshot(self.experiment, step,
                                            constraint=self.constraint_pair)
        snapshot.extra.update(steps_per_second=0.0, running=False)
        self.snapshot_ready.emit(snapshot)

    @Slot(int, object)
    @_never_raises
    def branch(self, step: int, config: Config) -> None:
        """Continue from the checkpoint at ``step`` with ``config``'s live settings
        (the window keeps the run as it was for its undo first)."""
        if self._stopped:
            return
        self._halt()
        try:
            branched = self.experiment.branch(step, config)
        except (ValueError, LookupError) as exc:
            self.error.emit(str(exc))
            return
        self.experiment = branched
        self.emit_snapshot()

    @Slot(int)
    def set_pause_step(self, step: int) -> None:
        """Playing stops at exactly ``step`` (negative: no such stop)."""
        self._pause_at = step if step >= 0 else None

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
        if not self._running:
            return
        start = time.perf_counter()
        # Train until the tick's budget is spent or the next snapshot is due,
        # whichever comes first: a tick that overran the snapshot's time by most of
        # a budget made 28 snapshots a second out of an interval asking for 32.
        # At least one chunk each tick, even when the snapshot is already due: a tick
        # that read the clock past its end before its first chunk trained nothing, sent
        # nothing, and the next tick found the same (seen on a clock read late).
        end = min(start + TICK_BUDGET_S, self._next_emit)
        pacer = self._pacer
        trained = 0
        if pacer.unlimited:
            while self._running:
                trained += self._train_chunk(self._steps_per_chunk)
                if time.perf_counter() >= end:
                    break
        else:
            due = pacer.due(start)
            if self._every_step():
                # One step, then its snapshot; never two snapshots so close together
                # that the window would draw only the second (after a stall).
                due = min(due, 1) if start >= self._last_emit + self._step_spacing() else 0
            while due and self._running:
                n = self._train_chunk(min(due, self._steps_per_chunk))
                pacer.took(n)
                trained += n
                due -= n
                if time.perf_counter() >= end:
                    break
        if not self._running:
            return
        now = time.perf_counter()
        if trained and (self._every_step() or now >= self._next_emit - SNAPSHOT_EARLY_S):
            self.emit_snapshot()
        self._timer.start(self._next_tick_ms(time.perf_counter()))

    def _every_step(self) -> bool:
        """Slow enough for every step to be drawn: each gets its own snapshot."""
        return not self._pacer.unlimited and self._pacer.rate <= EVERY_STEP_RATE

    def _step_spacing(self) -> float:
        """The least time between two every-step snapshots: catching up after a
        stall at most 11 % faster than the set speed, and never faster than the
        window draws (each snapshot must be drawn by every view)."""
        return max(DEFAULT_SNAPSHOT_INTERVAL_S, 0.9 / self._pacer.rate)

    def _next_tick_ms(self, now: float) -> int:
        """As soon as queued slots have run at full speed; when the next step is
        due when paced (but not every millisecond for a few steps each)."""
        pacer = self._pacer
        if pacer.unlimited:
            return 0
        wait = pacer.wait(now)
        if self._every_step():
            wait = max(wait, self._last_emit + self._step_spacing() - now)
        else:
            wait = max(wait, PACED_TICK_S)
        # Rounded up: a timer woken a fraction of a millisecond early finds no step
        # due and would spin until one is.
        return max(0, math.ceil(1000 * wait))

    def _train_chunk(self, n: int) -> int:
        """Train ``n`` steps and adapt the chunk size to about CHUNK_S; the steps
        made (0 if training stopped, or paused at a lesson's step)."""
        if self._pause_at is not None:
            n = min(n, self._pause_at - self.experiment.step_count)
            if n <= 0:
                self._pause_at = None
                self._halt()
                self.emit_snapshot()
                return 0
        chunk_start = time.perf_counter()
        if not self._train(n):
            return 0
        took = time.perf_counter() - chunk_start
        if took > 0:
            wanted = self._steps_per_chunk * CHUNK_S / took
            self._steps_per_chunk = int(min(10_000, max(1, 0.5 * self._steps_per_chunk
                                                        + 0.5 * wanted)))
        return n

    def _train(self, n: int) -> bool:
        """Train ``n`` steps; False (and training paused) if they could not all run."""
        try:
            self.experiment.step(n)
            return True
        except TrainingDiverged as exc:
            # The experiment keeps the last finite weights; the window explains,
            # after the picture of them has been sent.
            self._halt()
            self.emit_snapshot()
            self.diverged.emit(str(exc))
            return False

    def _halt(self) -> None:
        if self._running:
            self._running = False
            if self._timer is not None:
                self._timer.stop()
            self.state_changed.emit(False)

    def target_speed(self) -> float:
        """The steps per second asked for (0: as fast as the machine allows)."""
        return self.experiment.config.speed

    def _mark_rate(self, now: float) -> None:
        """Note the step count for the measured steps/s (while running)."""
        if self._running:
            self._rate.mark(now, self.experiment.step_count)
            self.steps_per_second = self._rate.rate()

    def emit_snapshot(self) -> None:
        now = time.perf_counter()
        running = self._running
        self._mark_rate(now)
        snapshot = take_snapshot(
            self.experiment, LIVE_GRID_RESOLUTION if running else GRID_RESOLUTION,
            palette=self.palette, constraint=self.constraint_pair)
        snapshot.extra["steps_per_second"] = self.steps_per_second if running else 0.0
        snapshot.extra["running"] = running
        # Each step has a snapshot of its own: the window draws them all, in order.
        snapshot.extra["every_step"] = running and self._every_step()
        snapshot.extra["data_edited"] = self.experiment.data_edited
        self.last_snapshot = snapshot
        self._last_emit = now
        self._next_emit = next_snapshot_due(self._next_emit, now, self.snapshot_interval)
        self.snapshot_ready.emit(snapshot)


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
    config_previewed = Signal(object)
    palette_requested = Signal(object)
    data_requested = Signal(object)
    experiment_requested = Signal(object)
    snapshot_interval_requested = Signal(float)
    pause_step_requested = Signal(int)
    checkpoint_requested = Signal(int)
    branch_requested = Signal(int, object)
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
            (self.config_previewed, worker.preview_config),
            (self.palette_requested, worker.set_palette),
            (self.data_requested, worker.set_data),
            (self.experiment_requested, worker.replace_experiment),
            (self.snapshot_interval_requested, worker.set_snapshot_interval),
            (self.pause_step_requested, worker.set_pause_step),
            (self.checkpoint_requested, worker.show_checkpoint),
            (self.branch_requested, worker.branch),
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
