"""How fast the window trains and draws, on the course preset, in one run.

For each speed (default: max, i.e. ``speed=0``, and ``speed=300``) the window is
shown at 1600×1000, Play is pressed and the real event loop runs for a while;
printed per speed:

* steps/s trained live, and at max its ratio to headless (``Experiment.step`` in
  a loop, no Qt; target ≥ 70 %), at a set speed how close it holds it (±10 %);
* frames/s per view: new snapshots drawn, counted from the window's
  ``frame_drawn`` signal (targets: the boundary ≥ 30, every other view ≥ 10);
* GUI-thread CPU per frame of the boundary (everything the GUI thread did, divided
  by the boundary's frames), and per view: its own drawing plus its paint events,
  per frame of that view;
* worker CPU per snapshot (the training thread's CPU time inside ``take_snapshot``)
  and the share of the worker's time that snapshots take;
* event-loop lateness: a 10 ms QTimer probe in the GUI thread, how late each tick
  fired (p50, p99; target p99 ≤ 50 ms): clicks and drags are answered promptly.

CPU times (``time.thread_time``) move far less with other load on the machine than
wall-clock figures do; steps/s and frames/s are wall-clock figures: run this on a
quiet machine (``uptime`` is printed with the results).

    QT_QPA_PLATFORM=offscreen python benchmarks/gui.py [--seconds 8] [--speeds 0,300]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import defaultdict

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

from regviz.config import load_preset  # noqa: E402
from regviz.experiment import Experiment  # noqa: E402

WARM_UP_S = 1.5  # after Play: the first frames re-paint every view in its live look
PROBE_INTERVAL_MS = 10


def headless_steps_per_second(preset: str, seconds: float = 2.0) -> float:
    Experiment(load_preset(preset)).step(200)  # warm numpy's code paths
    experiment = Experiment(load_preset(preset))
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        experiment.step(500)
    return experiment.step_count / (time.perf_counter() - start)


class ViewTimes:
    """GUI-thread CPU spent by each view: its ``draw`` (data into the items) and
    its paint events. The paint events are timed on pyqtgraph's GraphicsView, which
    every view's canvas is; the wrapper must be in place before the window is built
    (PySide looks a Python override up once per object)."""

    VIEWS = {"boundary": "boundary_view", "cost": "cost_view", "accuracy": "accuracy_view",
             "weight_norms": "weight_norms_view", "network": "network_diagram_view",
             "weight_histograms": "weight_histogram_view", "constraint": "constraint_view"}

    def __init__(self):
        import pyqtgraph as pg

        self.cpu = defaultdict(float)
        self._canvases = {}
        self._original = original = pg.GraphicsView.paintEvent
        times, canvases = self.cpu, self._canvases

        def paint_event(canvas, event):
            t0 = time.thread_time()
            try:
                return original(canvas, event)
            finally:
                times[canvases.get(id(canvas), "other canvas")] += time.thread_time() - t0

        pg.GraphicsView.paintEvent = paint_event

    def follow(self, window) -> None:
        import pyqtgraph as pg

        for pace in window.pacer.views:
            view = getattr(window, self.VIEWS[pace.name])
            pace.draw = self._timed(pace.name, pace.draw)
            for canvas in view.findChildren(pg.GraphicsView):
                self._canvases[id(canvas)] = pace.name

    def _timed(self, name, draw):
        def timed(snapshot):
            t0 = time.thread_time()
            draw(snapshot)
            self.cpu[name] += time.thread_time() - t0
        return timed

    def restore(self):
        import pyqtgraph as pg

        pg.GraphicsView.paintEvent = self._original


def time_snapshots(worker_module):
    """Wrap the worker's take_snapshot: thread CPU of each call, in the worker."""
    original = worker_module.take_snapshot
    cpu: list[float] = []

    def timed(*args, **kwargs):
        t0 = time.thread_time()
        snapshot = original(*args, **kwargs)
        cpu.append(time.thread_time() - t0)
        return snapshot

    worker_module.take_snapshot = timed
    return cpu, lambda: setattr(worker_module, "take_snapshot", original)


def live_run(app, preset: str, speed: float, seconds: float) -> dict:
    from PySide6.QtCore import QTimer

    from regviz.gui.launch import build_window
    from regviz.gui.workers import training_worker

    views = ViewTimes()
    window = build_window(load_preset(preset).with_values(speed=speed), remember=False)
    window.show()
    deadline = time.perf_counter() + 10
    while window.latest is None and time.perf_counter() < deadline:
        app.processEvents()
    views.follow(window)
    snapshot_cpu, restore_snapshots = time_snapshots(training_worker)
    frames = defaultdict(int)
    counting = [False]
    window.frame_drawn.connect(lambda name, step: counting[0] and frames.__setitem__(
        name, frames[name] + 1))
    worker_thread_cpu = []
    marks = {}
    lateness_ms: list[float] = []
    from PySide6.QtCore import QElapsedTimer, Qt

    clock = QElapsedTimer()
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_INTERVAL_MS)

    def on_probe():
        elapsed = clock.nsecsElapsed() / 1e6
        clock.restart()
        if counting[0]:
            lateness_ms.append(max(0.0, elapsed - PROBE_INTERVAL_MS))

    probe.timeout.connect(on_probe)

    def worker_cpu_now():
        # The training thread's CPU clock, read in that thread between ticks.
        import threading
        result, done = [], threading.Event()

        def read():
            result.append(time.thread_time())
            done.set()
        QTimer.singleShot(0, window.controller.worker, read)
        done.wait(1.0)
        return result[0] if result else float("nan")

    def begin():
        views.cpu.clear()
        snapshot_cpu.clear()
        counting[0] = True
        marks["wall"] = time.perf_counter()
        marks["gui"] = time.thread_time()
        marks["step"] = window.controller.worker.experiment.step_count
        worker_thread_cpu.append(worker_cpu_now())

    def finish():
        marks["wall_end"] = time.perf_counter()
        marks["gui_end"] = time.thread_time()
        marks["step_end"] = window.controller.worker.experiment.step_count
        worker_thread_cpu.append(worker_cpu_now())
        counting[0] = False
        app.quit()

    window.play()
    clock.start()
    probe.start()
    QTimer.singleShot(int(WARM_UP_S * 1000), begin)
    QTimer.singleShot(int((WARM_UP_S + seconds) * 1000), finish)
    app.exec()
    probe.stop()
    window.pause()
    views.restore()
    restore_snapshots()
    window.close()
    app.processEvents()
    wall = marks["wall_end"] - marks["wall"]
    return {
        "wall": wall,
        "steps_per_s": (marks["step_end"] - marks["step"]) / wall,
        "frames": dict(frames),
        "gui_cpu": marks["gui_end"] - marks["gui"],
        "view_cpu": dict(views.cpu),
        "snapshot_cpu": list(snapshot_cpu),
        "worker_cpu": worker_thread_cpu[1] - worker_thread_cpu[0],
        "lateness": lateness_ms,
    }


def report(speed: float, run: dict, headless: float) -> None:
    wall = run["wall"]
    rate = run["steps_per_s"]
    frames = run["frames"]

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    title = "max" if speed == 0 else f"{speed:,g} steps/s"
    print(f"\n-- speed {title} ({wall:.1f} s measured) --")
    if speed == 0:
        ratio = rate / headless
        print(f"steps/s live            {rate:9,.0f}   {ratio:.0%} of headless "
              f"{headless:,.0f}   target ≥ 70%   {verdict(ratio >= 0.7)}")
    else:
        off = rate / speed - 1
        print(f"steps/s live            {rate:9,.1f}   {off:+.1%} from the set speed   "
              f"target ±10%   {verdict(abs(off) <= 0.1)}")
    lead = frames.get("boundary", 0)
    print(f"GUI-thread CPU          {1000 * run['gui_cpu'] / max(lead, 1):6.2f} ms per "
          f"boundary frame   ({run['gui_cpu'] / wall:.0%} of wall)")
    snaps = run["snapshot_cpu"]
    if snaps:
        print(f"worker CPU per snapshot {1000 * statistics.median(snaps):6.2f} ms median   "
              f"({len(snaps) / wall:.1f} snapshots/s, "
              f"{sum(snaps) / max(run['worker_cpu'], 1e-9):.0%} of the worker's CPU)")
    late = run["lateness"]
    if late:
        p50, p99 = (float(np.percentile(late, q)) for q in (50, 99))
        print(f"event-loop lateness     p50 {p50:5.1f} ms   p99 {p99:5.1f} ms   "
              f"target p99 ≤ 50 ms   {verdict(p99 <= 50)}")
    print(f"{'view':18s} {'frames/s':>9s} {'target':>7s}  {'CPU ms/frame':>12s}")
    for name in ("boundary", "cost", "accuracy", "weight_norms", "network"):
        fps = frames.get(name, 0) / wall
        target = 30 if name == "boundary" else 10
        # At a set speed below the target, a view can only draw the steps there are.
        reachable = target if speed == 0 else min(target, speed)
        cpu = run["view_cpu"].get(name, 0.0) / max(frames.get(name, 0), 1)
        print(f"{name:18s} {fps:9.1f} {'≥' + str(target):>7s}  {1000 * cpu:12.2f}   "
              f"{verdict(fps >= 0.97 * reachable)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="course")
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--speeds", default="0,300",
                        help="comma-separated steps/s; 0 is max")
    args = parser.parse_args()

    from regviz.gui.app import create_application

    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f} on {os.cpu_count()} cores; preset {args.preset}")
    headless = headless_steps_per_second(args.preset)
    app = create_application()
    for speed in (float(s) for s in args.speeds.split(",")):
        report(speed, live_run(app, args.preset, speed, args.seconds), headless)


if __name__ == "__main__":
    main()
