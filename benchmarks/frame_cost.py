"""What one frame of each view costs the GUI thread, measured alone: no training
thread, the same snapshots every run, so two versions of the code can be compared
on a busy machine (thread CPU time moves little with other load; frames/s do).

The course preset is trained in this thread; every ``--every`` steps a snapshot is
taken as the training worker takes it while running (the live grid, coloured with
the window's palette) and shown in a 1600×1000 window in its live look, the way
the ``FramePacer`` shows it: the step label, status bar and boundary together,
then each other view in a turn of its own, each followed by the repaint it
causes. Printed, in GUI-thread CPU milliseconds per frame (median over frames):

* per view: its ``draw`` (data into the items) and the repaint that follows
  (every widget that changed, and the copy to the window's backing store);
* the paint events per frame of each widget that painted (a widget repainted
  without need shows up here).

    QT_QPA_PLATFORM=offscreen python benchmarks/frame_cost.py [--frames 120] [--every 25]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import statistics
import time
from collections import defaultdict

from gui import WINDOW_SIZE, ViewTimes, offscreen_screen_large_enough

offscreen_screen_large_enough()

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from regviz.config import load_preset  # noqa: E402
from regviz.gui.workers.training_worker import LIVE_GRID_RESOLUTION  # noqa: E402
from regviz.snapshot import take_snapshot  # noqa: E402

VIEWS = ("cost", "accuracy", "weight_norms", "network")


class PaintCounter(QObject):
    """Paint events per widget (by class and nearest object names)."""

    def __init__(self):
        super().__init__()
        self.counts: dict[tuple[str, str], int] = defaultdict(int)
        self.counting = False
        self.frame = ""  # the view whose frame is being drawn

    def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
        if self.counting and event.type() == QEvent.Type.Paint and isinstance(obj, QWidget):
            names, widget = [], obj
            while widget is not None and len(names) < 2:
                if widget.objectName():
                    names.append(widget.objectName())
                widget = widget.parentWidget()
            widget = f"{type(obj).__name__} in {'/'.join(reversed(names))}"
            self.counts[self.frame, widget] += 1
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="course")
    parser.add_argument("--frames", type=int, default=120)
    parser.add_argument("--every", type=int, default=25, help="steps between frames")
    parser.add_argument("--paints", action="store_true",
                        help="also list the paint events per frame of each widget")
    parser.add_argument("--profile", metavar="FILE",
                        help="also profile the measured frames (cProfile, thread CPU) into FILE")
    args = parser.parse_args()

    from regviz.gui.app import create_application
    from regviz.gui.windows.main_window import MainWindow

    app = create_application()
    canvases = ViewTimes()  # times the views' canvases' paint events
    window = MainWindow(config=load_preset(args.preset), start_thread=False)
    window.resize(*WINDOW_SIZE)
    window.show()
    for _ in range(5):
        app.processEvents()
    for view in (window.boundary_view, window.cost_view, window.accuracy_view,
                 window.weight_norms_view, window.network_diagram_view):
        view.set_live(True)
    counter = PaintCounter()
    if args.paints:
        app.installEventFilter(counter)
    canvases.follow(window)
    paces = {pace.name: pace for pace in window.pacer.views}
    experiment = window.experiment
    palette = window.boundary_view.palette
    draw_ms: dict[str, list[float]] = defaultdict(list)
    repaint_ms: dict[str, list[float]] = defaultdict(list)
    canvas_ms: dict[str, list[float]] = defaultdict(list)

    def timed(name: str, draw) -> None:
        counter.frame = name
        t0 = time.thread_time()
        draw()
        t1 = time.thread_time()
        painted = sum(canvases.paint_cpu.values())
        app.processEvents()  # the layout and the repaint the draw asked for
        t2 = time.thread_time()
        draw_ms[name].append(1000 * (t1 - t0))
        repaint_ms[name].append(1000 * (t2 - t1))
        canvas_ms[name].append(1000 * (sum(canvases.paint_cpu.values()) - painted))

    profile = cProfile.Profile(time.thread_time)
    warm_up = 10
    for frame in range(warm_up + args.frames):
        experiment.step(args.every)
        snapshot = take_snapshot(experiment, LIVE_GRID_RESOLUTION, palette=palette)
        snapshot.extra.update(running=True, steps_per_second=12_345.0 + frame,
                              every_step=False, data_edited=False)
        if frame == warm_up:
            for times in (draw_ms, repaint_ms, canvas_ms):
                times.clear()
            counter.counting = True
            if args.profile:
                profile.enable()

        def lead(snapshot=snapshot):
            window._show_header(snapshot)
            paces["boundary"].draw(snapshot)
            window._on_shown(snapshot)
        timed("boundary (+ label, status)", lead)
        for name in VIEWS:
            timed(name, lambda name=name, snapshot=snapshot: paces[name].draw(snapshot))
    counter.counting = False
    if args.profile:
        profile.disable()
        profile.dump_stats(args.profile)

    print(f"load average {os.getloadavg()[0]:.2f}; preset {args.preset}; {args.frames} frames "
          f"every {args.every} steps; window {window.width()}×{window.height()}")
    print(f"{'GUI-thread CPU, ms per frame (mean)':36s} {'draw':>6s} {'repaint':>8s} "
          f"{'(canvas':>8s} {'other)':>7s} {'total':>6s}")
    sums = defaultdict(float)
    for name in draw_ms:
        d, r, c = (statistics.mean(times[name]) for times in (draw_ms, repaint_ms, canvas_ms))
        print(f"{name:36s} {d:6.2f} {r:8.2f} {c:8.2f} {r - c:7.2f} {d + r:6.2f}")
        for key, value in (("draw", d), ("repaint", r), ("canvas", c)):
            sums[key] += value
    print(f"{'all five':36s} {sums['draw']:6.2f} {sums['repaint']:8.2f} {sums['canvas']:8.2f} "
          f"{sums['repaint'] - sums['canvas']:7.2f} {sums['draw'] + sums['repaint']:6.2f}")
    if args.paints:
        print("paint events per frame of each view (widgets painted in ≥ 5% of frames):")
        for name in draw_ms:
            print(f"  {name}:")
            for (frame, widget), n in sorted(counter.counts.items(), key=lambda kv: -kv[1]):
                if frame == name and n >= 0.05 * args.frames:
                    print(f"    {n / args.frames:5.2f}  {widget}")
    window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()
