"""The training worker: a QObject in its own QThread, steered by queued slots.

Signals from the worker thread are never waited on directly (pytest-qt would stop
its timer from the wrong thread): a ``SnapshotRecorder`` living in the GUI thread
receives them queued, and the tests poll it with ``qtbot.waitUntil``."""

import time
from types import SimpleNamespace

import numpy as np
import pytest
from gui_helpers import SnapshotRecorder, at_full_speed
from PySide6.QtCore import QCoreApplication, QEvent

from regviz.config import load_preset
from regviz.experiment import Experiment
from regviz.gui.workers import training_worker
from regviz.gui.workers.training_worker import (
    DEFAULT_SNAPSHOT_INTERVAL_S,
    TrainingController,
    TrainingWorker,
)


@pytest.fixture
def controller(qtbot):
    made = []

    def make(preset="overfit", experiment=None, **values):
        experiment = experiment or Experiment(
            load_preset(preset).with_values(**{"speed": 0, **values}))
        c = TrainingController(experiment)
        recorder = SnapshotRecorder()
        recorder.follow(c.worker)
        c.start()
        made.append(c)
        qtbot.waitUntil(lambda: bool(recorder.snapshots), timeout=5000)
        return c, recorder

    yield make
    for c in made:
        c.shutdown()
        # No thread outlives its test, whatever the test did.
        assert c.thread.isFinished() and not c.thread.isRunning()


def test_play_pause_step(controller, qtbot):
    c, rec = controller()
    assert rec.last.step == 0
    c.play_requested.emit()
    qtbot.waitUntil(lambda: rec.last.step > 300, timeout=10000)
    assert rec.states[-1] is True
    c.pause_requested.emit()
    # Pausing sends one last snapshot, marked not running: once it is here, every
    # snapshot of the run has arrived.
    qtbot.waitUntil(lambda: rec.states[-1] is False and not rec.last.extra["running"],
                    timeout=3000)
    paused_at = rec.last.step
    # capture_state runs in the worker after every request sent before it: nothing
    # trained since the paused snapshot was taken.
    assert c.capture_state().trainer.step_count == paused_at
    c.step_requested.emit(5)
    qtbot.waitUntil(lambda: rec.last.step >= paused_at + 5, timeout=3000)
    # Exactly the five steps asked for, and no more once they are done.
    assert rec.last.step == paused_at + 5 == c.capture_state().trainer.step_count
    assert not rec.last.extra["running"] and rec.states[-1] is False


def test_training_runs_in_the_parentless_thread(controller, qtbot):
    c, rec = controller()
    assert c.worker.thread() is c.thread
    assert c.thread.parent() is None
    start = c.capture_state().trainer.step_count
    c.play_requested.emit()
    # The GUI thread turns no event loop here, yet training goes on: it runs in
    # the other thread. (The deadline only turns a hang into a failure.)
    deadline = time.monotonic() + 20
    while c.worker.experiment.step_count < start + 200 and time.monotonic() < deadline:
        time.sleep(0.005)  # lets the worker have the GIL
    assert c.worker.experiment.step_count >= start + 200


def test_stop_leaves_no_thread_running(controller, qtbot):
    c, rec = controller()
    c.play_requested.emit()
    qtbot.waitUntil(lambda: rec.last.step > 100, timeout=10000)
    c.shutdown()
    assert c.thread.isFinished() and not c.thread.isRunning()
    # The worker came home to the GUI thread, and refuses further work.
    assert c.worker.thread() is qtbot_app_thread()
    step = c.experiment.step_count
    c.play_requested.emit()
    c.step_requested.emit(10)
    # The worker lives in this thread now: deliver the queued requests here, now.
    QCoreApplication.sendPostedEvents(c.worker, QEvent.Type.MetaCall)
    assert c.experiment.step_count == step and not c.worker.running
    c.shutdown()  # twice is harmless


def qtbot_app_thread():
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.instance().thread()


def test_hyperparameter_change_reaches_next_step_without_reset(controller, qtbot):
    c, rec = controller()
    c.play_requested.emit()
    qtbot.waitUntil(lambda: rec.last.step > 2000, timeout=15000)
    norm_before = rec.last.history["weight_norm"][-1].sum()
    c.config_requested.emit(c.experiment.config.with_values(l2=60.0))
    qtbot.waitUntil(lambda: any(e.name == "l2" for e in rec.last.events), timeout=5000)
    change = next(e for e in rec.last.events if e.name == "l2")
    assert change.step > 2000 and change.value == 60.0  # no reset happened
    assert list(c.experiment.trainer.regularization.l2) == [60.0] * 3
    qtbot.waitUntil(lambda: rec.last.step > change.step + 1500, timeout=15000)
    assert rec.last.history["weight_norm"][-1].sum() < 0.8 * norm_before


def test_keep_prob_change_reaches_the_next_step(controller, qtbot):
    c, rec = controller()
    c.step_requested.emit(3)
    qtbot.waitUntil(lambda: rec.last.step == 3, timeout=3000)
    assert rec.last.masks[0] is None
    c.config_requested.emit(c.experiment.config.with_values(keep_prob=0.5))
    c.step_requested.emit(1)
    qtbot.waitUntil(lambda: rec.last.step == 4, timeout=3000)
    dropped = ~rec.last.masks[0]
    assert 0.3 < dropped.mean() < 0.7  # the very next step drew masks at keep_prob 0.5


def test_structural_change_resets(controller, qtbot):
    c, rec = controller()
    c.step_requested.emit(50)
    qtbot.waitUntil(lambda: rec.last.step == 50, timeout=5000)
    c.config_requested.emit(c.experiment.config.with_values(hidden=(8,)))
    qtbot.waitUntil(lambda: rec.last.step == 0 and len(rec.last.weights) == 2, timeout=5000)


def test_snapshots_while_playing_are_copies_and_report_the_rate(controller, qtbot):
    c, rec = controller()
    c.play_requested.emit()
    qtbot.waitUntil(lambda: rec.last.step > 100, timeout=5000)
    before = len(rec.snapshots)
    qtbot.waitUntil(lambda: len(rec.snapshots) >= before + 3, timeout=5000)
    s = rec.last
    assert s.extra["running"] and s.extra["steps_per_second"] > 0
    assert not np.shares_memory(s.weights[0], c.experiment.net.weights[0])
    # (How many steps and snapshots a second the machine manages: benchmarks/gui.py.)


class FakeClock:
    """``time.perf_counter`` for the worker: each reading is ``tick`` seconds after
    the last, so a run lasts as many readings as it takes, not as the machine's
    speed makes it. A chunk of steps is timed by two readings: one tick, CHUNK_S,
    keeps the chunks at the size they start with (a few steps)."""

    def __init__(self, tick=training_worker.CHUNK_S):
        self.now, self.tick = 1000.0, tick

    def __call__(self):
        self.now += self.tick
        return self.now


def snapshots_in(monkeypatch, seconds, interval=None):
    """Play a worker in this thread on the fake clock for ``seconds`` of it; the
    snapshots sent meanwhile (its own timer drives it, as in the app)."""
    clock = FakeClock()
    monkeypatch.setattr(training_worker, "time", SimpleNamespace(perf_counter=clock))
    worker = TrainingWorker(Experiment(at_full_speed("overfit")))
    sent = []
    worker.snapshot_ready.connect(sent.append)
    worker.start_timer()
    try:
        if interval is not None:
            worker.set_snapshot_interval(interval)
        worker.play()
        start, end = len(sent), clock.now + seconds
        for _ in range(1_000_000):  # a worker that stopped asking the time fails, not hangs
            if clock.now >= end:
                break
            QCoreApplication.processEvents()
    finally:
        worker.stop()  # no timer of it may tick on in later tests
    assert clock.now >= end, "the worker stopped asking the time"
    return sent[start:]


@pytest.mark.parametrize("interval", [None, 0.25])
def test_snapshots_while_playing_come_once_per_interval(qapp, monkeypatch, interval):
    """At full speed a snapshot per interval, never more (the window cannot draw
    them) and never fewer (the class would see it stutter)."""
    seconds = 2.0
    sent = snapshots_in(monkeypatch, seconds, interval)
    interval = interval or DEFAULT_SNAPSHOT_INTERVAL_S
    # A snapshot may go up to a millisecond early, and come a few clock readings late,
    # but the next one is due an interval after the last was due, not after it was
    # sent: the rate is the one asked for (counted from each sending, every late tick
    # lengthened the interval: 28 a second out of 32 asked for).
    most = seconds / (interval - 0.001) + 1
    least = seconds / interval - 1
    assert least <= len(sent) <= most, (len(sent), least, most)
    steps = [s.step for s in sent]
    assert steps == sorted(steps) and steps[-1] - steps[0] > len(sent)


def test_run_steps_blocking_trains_exactly_n(controller, qtbot):
    c, rec = controller()
    snapshot = c.run_steps_blocking(123)
    assert snapshot.step == 123 == c.experiment.step_count
    snapshot = c.run_steps_blocking(7)
    assert snapshot.step == 130


def test_run_steps_blocking_without_a_thread():
    c = TrainingController(Experiment(load_preset("overfit")))
    assert c.run_steps_blocking(10).step == 10
    c.shutdown()
    assert not c.thread.isRunning()


def test_divergence_pauses_and_reset_recovers(controller, qtbot):
    c, rec = controller(learning_rate=80.0)
    c.play_requested.emit()
    qtbot.waitUntil(lambda: bool(rec.diverged), timeout=10000)
    assert "diverged" in rec.diverged[0]
    qtbot.waitUntil(lambda: rec.states[-1] is False, timeout=2000)
    # The snapshot that shows the divergence is sent after the pause and the message
    # (the worker copies it first); on a busy machine it arrives a moment later.
    qtbot.waitUntil(lambda: bool(rec.last.diverged), timeout=5000)
    # The weights kept are the last finite ones.
    assert all(np.isfinite(w).all() for w in c.experiment.net.weights)
    # Play on a diverged run says so again instead of silently doing nothing.
    c.play_requested.emit()
    qtbot.waitUntil(lambda: len(rec.diverged) == 2, timeout=2000)
    c.config_requested.emit(c.experiment.config.with_values(learning_rate=0.3))
    c.reset_requested.emit()
    qtbot.waitUntil(lambda: rec.last.step == 0 and not rec.last.diverged, timeout=5000)
    c.play_requested.emit()
    qtbot.waitUntil(lambda: rec.last.step > 100, timeout=10000)
    assert not rec.errors


class ExplodingExperiment(Experiment):
    """Raises an unexpected error at step 50: a bug, not a divergence."""

    def step(self, n=1):
        if self.step_count + n > 50:
            raise RuntimeError("boom in the engine")
        super().step(n)


def test_an_unexpected_error_pauses_and_keeps_the_thread(controller, qtbot):
    c, rec = controller(experiment=ExplodingExperiment(at_full_speed("overfit")))
    c.play_requested.emit()
    qtbot.waitUntil(lambda: bool(rec.errors), timeout=5000)
    assert "boom in the engine" in rec.errors[0]
    qtbot.waitUntil(lambda: rec.states[-1] is False, timeout=2000)
    assert c.thread.isRunning()
    # The thread still answers: a reset is served and snapshots keep coming.
    c.reset_requested.emit()
    qtbot.waitUntil(lambda: rec.last.step == 0, timeout=3000)
    c.step_requested.emit(5)
    qtbot.waitUntil(lambda: rec.last.step == 5, timeout=3000)
