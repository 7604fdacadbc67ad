"""How fast the window trains and draws, on the course preset, in one run.

For each speed (default: max, i.e. ``speed=0``, and ``speed=300``) the window is
shown at 1600×1000 (offscreen, on a 1920×1200 screen of its own: Qt's default
800×600 one would shrink it), Play is pressed and the real event loop runs for a while;
printed per speed:

* steps/s trained live, and at max its ratio to headless (``Experiment.step`` in
  a loop, no Qt; target ≥ 70 %), at a set speed how close it holds it (±10 %);
* frames/s per view: new snapshots drawn, counted from the window's
  ``frame_drawn`` signal (targets: the boundary ≥ 30, every other view ≥ 10);
* GUI-thread CPU per frame of the boundary (everything the GUI thread did, divided
  by the boundary's frames), and per view: its own drawing plus its paint events,
  per frame of that view (and the two apart); then where the GUI thread's time per
  boundary frame went: the views' draws, the window's repaints (the canvases' and
  every other widget's) and the rest (snapshots arriving, timers, layouts);
* worker CPU per snapshot (the training thread's CPU time inside ``take_snapshot``)
  and the share of the worker's time that snapshots take;
* event-loop lateness: a 10 ms QTimer probe in the GUI thread, how late each tick
  fired (p50, p99; target p99 ≤ 50 ms): clicks and drags are answered promptly.

Each speed is run twice: once untimed, for the steps/s, frames/s, the GUI thread's
whole CPU and the lateness (what the class gets), and once with every view's drawing
and painting and the worker's snapshots timed through Python wrappers, for the CPU
columns (the wrappers cost the GUI thread time of their own: every paint event and
every event of the window passes through Python).

CPU times (``time.thread_time``) move far less with other load on the machine than
wall-clock figures do; steps/s and frames/s are wall-clock figures: run this on a
quiet machine (``uptime`` is printed with the results).

    QT_QPA_PLATFORM=offscreen python benchmarks/gui.py [--seconds 8] [--speeds 0,300]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections import defaultdict

WINDOW_SIZE = (1600, 1000)


def offscreen_screen_large_enough() -> None:
    """Qt's offscreen platform has an 800×600 screen by default, and the window
    opens no larger than its screen (``screen_fit``): measured there it would be
    the compact layout with three views hidden in tabs. Give it a 1920×1200 screen,
    so the window opens at its usual 1600×1000 in the grid layout, every view shown."""
    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    if platform != "offscreen":
        return  # a real display, or an offscreen screen set by the caller
    screen = {"screens": [{"name": "benchmark", "x": 0, "y": 0, "width": 1920,
                           "height": 1200, "logicalDpi": 96, "logicalBaseDpi": 96,
                           "dpr": 1}]}
    path = os.path.join(tempfile.gettempdir(), "regviz-benchmark-screen.json")
    with open(path, "w") as file:
        json.dump(screen, file)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


offscreen_screen_large_enough()

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
    its paint events, apart; and the window's whole repaints (every widget that
    changed, the views' canvases among them, and the copy to the screen). The paint
    events are timed on pyqtgraph's GraphicsView, which every view's canvas is, the
    repaints on the main window's ``event``; the wrappers must be in place before
    the window is built (PySide looks a Python override up once per object)."""

    VIEWS = {"boundary": "boundary_view", "cost": "cost_view", "accuracy": "accuracy_view",
             "weight_norms": "weight_norms_view", "network": "network_diagram_view",
             "weight_histograms": "weight_histogram_view", "constraint": "constraint_view"}

    def __init__(self):
        import pyqtgraph as pg
        from PySide6.QtCore import QEvent

        from regviz.gui.windows.main_window import MainWindow

        self.draw_cpu = defaultdict(float)
        self.paint_cpu = defaultdict(float)
        self.repaint_cpu = 0.0
        self._canvases = {}
        self._original = original = pg.GraphicsView.paintEvent
        times, canvases = self.paint_cpu, self._canvases

        def paint_event(canvas, event):
            t0 = time.thread_time()
            try:
                return original(canvas, event)
            finally:
                times[canvases.get(id(canvas), "other canvas")] += time.thread_time() - t0

        pg.GraphicsView.paintEvent = paint_event
        original_event = MainWindow.event
        update_request = QEvent.Type.UpdateRequest

        def window_event(window, event):
            if event.type() != update_request:
                return original_event(window, event)
            t0 = time.thread_time()
            try:
                return original_event(window, event)
            finally:
                self.repaint_cpu += time.thread_time() - t0

        MainWindow.event = window_event

    @property
    def cpu(self) -> dict:
        """Each view's drawing and painting together."""
        return {name: self.draw_cpu.get(name, 0.0) + self.paint_cpu.get(name, 0.0)
                for name in {*self.draw_cpu, *self.paint_cpu}}

    def clear(self) -> None:
        self.draw_cpu.clear()
        self.paint_cpu.clear()
        self.repaint_cpu = 0.0

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
            self.draw_cpu[name] += time.thread_time() - t0
        return timed

    def restore(self):
        import pyqtgraph as pg

        pg.GraphicsView.paintEvent = self._original
        # The window's wrapper stays: a window still closing calls it (the next
        # run's wrapper wraps it, and counts into its own ViewTimes).


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


class NoTimes:
    """Stands in for ViewTimes in a run that times nothing (see ``live_run``)."""

    cpu: dict = {}
    draw_cpu: dict = {}
    paint_cpu: dict = {}
    repaint_cpu = 0.0

    def follow(self, window) -> None:
        pass

    def clear(self) -> None:
        pass

    def restore(self) -> None:
        pass


def live_run(app, preset: str, speed: float, seconds: float, timed: bool = True) -> dict:
    """``timed``: also time each view's drawing and painting and the worker's
    snapshots, through Python wrappers around them. Those wrappers cost the GUI thread
    time of their own (every paint event and every event of the window goes through
    Python), so the frames/s and steps/s printed come from a run without them."""
    from PySide6.QtCore import QTimer

    from regviz.gui.launch import build_window
    from regviz.gui.workers import training_worker

    views = ViewTimes() if timed else NoTimes()
    window = build_window(load_preset(preset).with_values(speed=speed), remember=False)
    window.show()
    if (window.width(), window.height()) != WINDOW_SIZE:
        print(f"note: the window is {window.width()}×{window.height()}, not "
              f"{WINDOW_SIZE[0]}×{WINDOW_SIZE[1]} (the screen is too small)")
    deadline = time.perf_counter() + 10
    while window.latest is None and time.perf_counter() < deadline:
        app.processEvents()
    views.follow(window)
    snapshot_cpu, restore_snapshots = (time_snapshots(training_worker) if timed
                                       else ([], lambda: None))
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
        views.clear()
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
        "draw_cpu": dict(views.draw_cpu),
        "paint_cpu": dict(views.paint_cpu),
        "repaint_cpu": views.repaint_cpu,
        "snapshot_cpu": list(snapshot_cpu),
        "worker_cpu": worker_thread_cpu[1] - worker_thread_cpu[0],
        "lateness": lateness_ms,
    }


def report(speed: float, run: dict, timed: dict, headless: float) -> None:
    """``run``: the untimed run (steps/s, frames/s, GUI CPU, lateness); ``timed``: the
    run with every view timed (the CPU per view, per snapshot and its breakdown)."""
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
    snaps = timed["snapshot_cpu"]
    if snaps:
        print(f"worker CPU per snapshot {1000 * statistics.median(snaps):6.2f} ms median   "
              f"({len(snaps) / wall:.1f} snapshots/s, "
              f"{sum(snaps) / max(timed['worker_cpu'], 1e-9):.0%} of the worker's CPU)")
    late = run["lateness"]
    if late:
        p50, p99 = (float(np.percentile(late, q)) for q in (50, 99))
        print(f"event-loop lateness     p50 {p50:5.1f} ms   p99 {p99:5.1f} ms   "
              f"target p99 ≤ 50 ms   {verdict(p99 <= 50)}")
    print(f"{'view':18s} {'frames/s':>9s} {'target':>7s}  {'CPU ms/frame':>12s}"
          f"   {'(draw + paint)':>15s}")
    for name in ("boundary", "cost", "accuracy", "weight_norms", "network"):
        fps = frames.get(name, 0) / wall
        target = 30 if name == "boundary" else 10
        # At a set speed below the target, a view can only draw the steps there are.
        reachable = target if speed == 0 else min(target, speed)
        n = max(timed["frames"].get(name, 0), 1)
        cpu = timed["view_cpu"].get(name, 0.0) / n
        draw = timed["draw_cpu"].get(name, 0.0) / n
        paint = timed["paint_cpu"].get(name, 0.0) / n
        print(f"{name:18s} {fps:9.1f} {'≥' + str(target):>7s}  {1000 * cpu:12.2f}   "
              f"{verdict(fps >= 0.97 * reachable):6s}  ({1000 * draw:.2f} + {1000 * paint:.2f})")
    # Where the GUI thread's time per boundary frame went: the views' draw calls,
    # the window's repaints (the canvases' paint events and every other widget's),
    # and the rest (snapshots arriving, timers, layouts, the event loop).
    per = 1000 / max(timed["frames"].get("boundary", 0), 1)
    draws = sum(timed["draw_cpu"].values())
    canvases = sum(timed["paint_cpu"].values())
    repaint = timed["repaint_cpu"]
    print(f"per boundary frame, ms: views' draws {per * draws:.2f}, window repaints "
          f"{per * repaint:.2f} (canvases {per * canvases:.2f}, other widgets and the copy "
          f"{per * (repaint - canvases):.2f}), the rest "
          f"{per * (timed['gui_cpu'] - draws - repaint):.2f}   (timed run: "
          f"{timed['frames'].get('boundary', 0) / timed['wall']:.1f} boundary frames/s, "
          f"{timed['steps_per_s']:,.0f} steps/s)")


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
    speeds = [float(s) for s in args.speeds.split(",")]
    # Every untimed run first: the timed run's wrapper of the window's events stays
    # on the class once installed.
    plain = [live_run(app, args.preset, speed, args.seconds, timed=False) for speed in speeds]
    for speed, run in zip(speeds, plain, strict=True):
        report(speed, run, live_run(app, args.preset, speed, args.seconds), headless)


if __name__ == "__main__":
    main()
