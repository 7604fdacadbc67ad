"""How fast the window trains, draws and answers, on the course preset.

Prints, for one run of the course experiment:

* headless steps/s: ``Experiment.step`` in a loop, no Qt at all;
* live steps/s: the same experiment trained by the window's worker thread while
  the window is shown and every view draws, and its ratio to headless (target
  ≥ 70 %); measured over the whole run from pressing Play;
* the wall time of the course's steps run live, from Play to the snapshot of the
  last step (target ≤ 10 s for 30,000);
* frames: how many cycles the pacer drew, and the GUI thread's CPU share;
* a frame update of all views: one snapshot into all five views and painted,
  median over snapshots of the run (target ≤ 16 ms), and the longest single
  block the event loop spent in one group of views while training;
* event-loop lateness: a 10 ms QTimer probe in the GUI thread during the live
  run, how late each tick fired (p50, p99; target p99 ≤ 50 ms).

    QT_QPA_PLATFORM=offscreen python benchmarks/gui.py [--steps 30000] [--preset course]

A script that prints figures, not a timed test: machines differ, and the figures
move with whatever else the machine is doing (run it on a quiet one).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from regviz.config import load_preset  # noqa: E402
from regviz.experiment import Experiment  # noqa: E402

PROBE_INTERVAL_MS = 10


def headless_steps_per_second(preset: str, steps: int) -> tuple[float, float]:
    """Steps/s and the wall time of ``steps`` steps of a fresh experiment."""
    Experiment(load_preset(preset)).step(200)  # warm numpy's code paths
    experiment = Experiment(load_preset(preset))
    start = time.perf_counter()
    experiment.step(steps)
    wall = time.perf_counter() - start
    return steps / wall, wall


def _finish_line_class():
    from PySide6.QtCore import QObject, QTimer, Slot

    class FinishLine(QObject):
        """Lives in the GUI thread: keeps the snapshots the worker sends and notes
        when they reach the last step, then runs ``at_finish`` inside the event
        loop (a window whose loop has ended paints nothing)."""

        def __init__(self, steps, at_finish):
            super().__init__()
            self.steps, self.at_finish = steps, at_finish
            self.start = self.done_at = None
            self.done_step = 0
            self.snapshots = []

        @Slot(object)
        def check(self, snapshot):
            self.snapshots.append(snapshot)
            if self.done_at is None and snapshot.step >= self.steps:
                self.done_at = time.perf_counter()
                self.done_step = snapshot.step
                QTimer.singleShot(0, self.at_finish)

    return FinishLine


def live_run(preset: str, steps: int, timeout_s: float = 120.0) -> dict:
    from PySide6.QtCore import QElapsedTimer, Qt, QTimer

    from regviz.gui.app import create_application
    from regviz.gui.launch import build_window

    FinishLine = _finish_line_class()
    app = create_application()
    window = build_window(load_preset(preset))
    window.show()
    deadline = time.perf_counter() + 10
    while window.latest is None and time.perf_counter() < deadline:
        app.processEvents()

    # The longest stretch the event loop spends in one group of views (its paint
    # follows in a later turn and is caught by the lateness probe).
    block_ms: list[float] = []
    pacer = window.pacer
    groups = pacer._groups

    def timed(group):
        def draw(snapshot):
            t0 = time.perf_counter()
            group(snapshot)
            block_ms.append(1000 * (time.perf_counter() - t0))
        return draw

    pacer._groups = [timed(g) for g in groups]
    cycles = []
    counting = [True]  # only the cycles drawn while training
    pacer.cycle_finished.connect(lambda s: counting[0] and cycles.append(s.step))

    lateness_ms: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_INTERVAL_MS)

    def on_probe():
        elapsed = clock.nsecsElapsed() / 1e6
        clock.restart()
        lateness_ms.append(max(0.0, elapsed - PROBE_INTERVAL_MS))

    probe.timeout.connect(on_probe)

    results = {}

    def at_finish():
        probe.stop()
        results["gui_cpu"] = time.thread_time() - gui_cpu
        counting[0] = False
        window.pause()
        pacer._groups = groups
        results["frames"] = frame_update_times(window, finish.snapshots)
        app.quit()

    finish = FinishLine(steps, at_finish)
    window.controller.worker.snapshot_ready.connect(finish.check)
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(at_finish)
    watchdog.start(int(timeout_s * 1000))
    gui_cpu = time.thread_time()
    finish.start = time.perf_counter()
    clock.start()
    probe.start()
    window.play()
    app.exec()  # the real event loop, as the class's window runs it
    watchdog.stop()
    done_at = finish.done_at
    wall = (done_at or time.perf_counter()) - finish.start
    window.close()
    app.processEvents()
    return {
        "wall": wall,
        "steps": finish.done_step or (finish.snapshots[-1].step if finish.snapshots else 0),
        "cycles": len(cycles),
        "gui_cpu_share": results["gui_cpu"] / wall,
        "frame_interval": pacer.interval,
        "frames": results["frames"],
        "blocks": block_ms,
        "lateness": lateness_ms,
        "finished": done_at is not None,
    }


def frame_update_times(window, snapshots, count: int = 30) -> list[float]:
    """CPU milliseconds of the GUI thread to draw one snapshot into all five views
    and paint them, for snapshots spread over the run (training stopped, so this
    is the views' own cost; with antialiasing off, as while training)."""
    from PySide6.QtWidgets import QApplication

    def settle():
        # Paints arrive through posted events and the window's update timer: give
        # the event loop a few turns (sleeping costs no CPU time).
        for _ in range(6):
            QApplication.processEvents()
            time.sleep(0.004)

    # Let the pause land (its last snapshot drawn) before measuring anything.
    deadline = time.perf_counter() + 2
    while window.controller.worker.running and time.perf_counter() < deadline:
        settle()
    settle()
    window._on_state_changed(True)  # the views as they are while training
    settle()
    picked = snapshots[:: max(1, len(snapshots) // count)] or snapshots
    times = []
    for snapshot in picked:
        t0 = time.thread_time()
        window.show_snapshot(snapshot)
        settle()
        times.append(1000 * (time.thread_time() - t0))
    window._on_state_changed(False)
    return times


def percentile(values, q) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="course")
    parser.add_argument("--steps", type=int, default=30_000)
    args = parser.parse_args()

    headless_rate, headless_wall = headless_steps_per_second(args.preset, args.steps)
    live = live_run(args.preset, args.steps)
    live_rate = live["steps"] / live["wall"]
    ratio = live_rate / headless_rate
    frames, late, blocks = live["frames"], live["lateness"], live["blocks"]

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    print(f"preset {args.preset}, {args.steps:,} steps")
    print(f"headless                {headless_rate:9,.0f} steps/s  "
          f"({args.steps:,} steps in {headless_wall:.2f} s)")
    print(f"live, window drawing    {live_rate:9,.0f} steps/s  "
          f"ratio {ratio:.0%}   target ≥ 70%   {verdict(ratio >= 0.7)}")
    print(f"{args.steps:,} steps live        {live['wall']:9.2f} s        "
          f"target ≤ 10 s  {verdict(live['finished'] and live['wall'] <= 10)}")
    print(f"frames while training   {live['cycles']:9d}          "
          f"{live['cycles'] / live['wall']:.1f}/s, interval settled at "
          f"{1000 * live['frame_interval']:.0f} ms, GUI thread CPU "
          f"{live['gui_cpu_share']:.0%} of wall")
    print(f"frame update, all views median {statistics.median(frames):5.1f} ms CPU   "
          f"p90 {percentile(frames, 90):5.1f} ms   target median ≤ 16 ms  "
          f"{verdict(statistics.median(frames) <= 16)}")
    print(f"longest view-group block       {max(blocks, default=0):5.1f} ms   "
          f"(median {percentile(blocks, 50):.1f} ms, {len(blocks)} blocks)")
    print(f"event-loop lateness     p50 {percentile(late, 50):5.1f} ms   "
          f"p99 {percentile(late, 99):5.1f} ms   max {max(late, default=0):5.1f} ms   "
          f"target p99 ≤ 50 ms  {verdict(percentile(late, 99) <= 50)}")


if __name__ == "__main__":
    main()
