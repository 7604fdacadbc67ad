"""When the window draws: the newest snapshot only, at a pace the GUI thread can
afford while training, one group of views per turn of the event loop.

Why pace at all: the training thread and the GUI thread share Python's GIL, so
every millisecond the views spend drawing is a millisecond the network does not
train. While training, the pacer measures the GUI thread's own CPU time and
stretches the frame interval until drawing costs about ``LIVE_CPU_SHARE`` of it
(fast views get up to ``1 / MIN_INTERVAL_S`` frames a second, slow ones no fewer
than ``1 / MAX_INTERVAL_S``).

Why groups: drawing all five views in one go blocks the event loop for the sum of
their paints (and longer when the training thread holds the GIL); one group per
turn keeps every block short, so clicks, drags and timers are answered promptly.
A cycle draws every group from the same snapshot, so the views never disagree
about the step by more than one frame. While paused, everything is drawn at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal, Slot

LIVE_CPU_SHARE = 0.2  # of one core, for drawing while training
MIN_INTERVAL_S = 1 / 30
MAX_INTERVAL_S = 1 / 4
START_INTERVAL_S = 1 / 10


class FramePacer(QObject):
    """Calls ``begin(snapshot)`` then each of ``groups`` (callables taking the
    snapshot) for the newest snapshot offered, paced as described above."""

    interval_changed = Signal(float)  # the frame interval while training, seconds
    cycle_finished = Signal(object)  # the snapshot every view now shows

    def __init__(self, begin: Callable, groups: Sequence[Callable], parent=None):
        super().__init__(parent)
        self._begin = begin
        self._groups = list(groups)
        self.live = False
        self.interval = START_INTERVAL_S
        self._pending = None
        self._cycle = None  # the snapshot the current cycle draws
        self._next_group = 0
        self._cycle_started = 0.0
        self._cpu_mark: tuple[float, float] | None = None  # (thread CPU, wall) at a cycle start
        self._unmeasured_cycles = 0  # cycles after Play whose cost says nothing of a frame's
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer)

    # -- input ---------------------------------------------------------------------------
    def offer(self, snapshot) -> None:
        """A new snapshot; older undrawn ones are dropped."""
        self._pending = snapshot
        if not self.live:
            # Paused, stepping, resetting: show it all at once, at the next turn.
            self._cycle = None
            self._timer.start(0)
        elif self._cycle is None and not self._timer.isActive():
            wait = self._cycle_started + self.interval - time.perf_counter()
            self._timer.start(max(0, int(wait * 1000)))

    def set_live(self, live: bool) -> None:
        """True while training runs (pace and stagger), False when paused."""
        if live == self.live:
            return
        self.live = live
        self._cpu_mark = None
        # The first cycle after Play also pays for re-painting every view in its
        # training look (no antialiasing): measured, it stretched the interval to
        # the maximum for the first second or two of every run.
        self._unmeasured_cycles = 1 if live else 0
        if not live and (self._cycle is not None or self._pending is not None):
            # Finish at once with the newest snapshot: a paused window is consistent.
            self._pending = self._pending or self._cycle
            self._cycle = None
            self._timer.start(0)

    def draw_now(self, snapshot) -> None:
        """Draw ``snapshot`` into every view immediately (screenshots, tests)."""
        self._timer.stop()
        self._pending = None
        self._cycle = None
        self._draw_all(snapshot)

    # -- drawing -------------------------------------------------------------------------
    @Slot()
    def _on_timer(self) -> None:
        if not self.live:
            snapshot, self._pending = self._pending, None
            if snapshot is not None:
                self._draw_all(snapshot)
            return
        if self._cycle is None:
            if self._pending is None:
                return
            self._start_cycle()
        self._groups[self._next_group](self._cycle)
        self._next_group += 1
        if self._next_group < len(self._groups):
            # The rest of the cycle's time is shared out between the groups left.
            self._timer.start(int(1000 * self.interval / (2 * len(self._groups))))
            return
        finished, self._cycle = self._cycle, None
        self.cycle_finished.emit(finished)
        if self._pending is not None:
            wait = self._cycle_started + self.interval - time.perf_counter()
            self._timer.start(max(0, int(wait * 1000)))

    def _start_cycle(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if self._cpu_mark is not None:
            if self._unmeasured_cycles:
                self._unmeasured_cycles -= 1
            else:
                self._adapt(cpu - self._cpu_mark[0], now - self._cpu_mark[1])
        self._cpu_mark = (cpu, now)
        self._cycle_started = now
        self._cycle, self._pending = self._pending, None
        self._next_group = 0
        self._begin(self._cycle)

    def _adapt(self, cpu: float, wall: float) -> None:
        """Aim the interval at LIVE_CPU_SHARE from the last cycle's CPU cost."""
        if wall <= 0:
            return
        # ``cpu`` is everything the GUI thread did since the last cycle started:
        # one cycle's drawing and painting, plus whatever else the class clicked.
        wanted = cpu / LIVE_CPU_SHARE
        smoothed = 0.6 * self.interval + 0.4 * wanted
        interval = min(MAX_INTERVAL_S, max(MIN_INTERVAL_S, smoothed))
        if abs(interval - self.interval) > 0.002:
            self.interval = interval
            self.interval_changed.emit(interval)

    def _draw_all(self, snapshot) -> None:
        self._begin(snapshot)
        for group in self._groups:
            group(snapshot)
        self.cycle_finished.emit(snapshot)
