"""When the window draws what: each view at its own frame rate, the newest
snapshot only, and never ahead of the step label.

Why pace at all: the training thread and the GUI thread share Python's GIL, so
every millisecond the views spend drawing is a millisecond the network does not
train. So while training:

- the *lead* view (the decision boundary, the picture the class watches) is drawn
  with ``begin`` (the step label and the status bar) in the same turn of the event
  loop, from the same snapshot, up to ``1 / LEAD_INTERVAL_S`` times a second: what
  is drawn together agrees;
- every other view has its own, longer interval (a plot over thousands of steps
  changes little in a thirtieth of a second), and when it is due it draws the
  snapshot the label shows, never a newer one: it lags the label by at most one of
  its own frames;
- a view is not drawn again while it already shows the label's snapshot, nor
  while it is hidden (a tab not shown);
- each draw gets its own turn of the event loop, so clicks and drags are answered
  between them;
- if drawing costs more than ``LIVE_CPU_SHARE`` of the GUI thread's time (a slow
  machine), the intervals are stretched until it does not: the other views' first,
  down to ``OTHERS_FIRST`` times their interval (the plots then still draw over 10
  times a second), and only then the lead's, alike with the others'.

When every step has a snapshot of its own (a slow speed, see ``offer``), none is
dropped: the lead draws each in turn, and when the steps come slower than every
view draws, the lead waits for each view to show a step before it shows the next:
one step per frame on every view.

While paused, every view is drawn at once from the newest snapshot.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

LEAD_INTERVAL_S = 1 / 40  # snapshots arrive ~34 a second, some a little early: each one is drawn
# Of the GUI thread's wall time, for drawing while training: the training thread
# waits for Python's GIL while the GUI thread paints, so ~25 % here leaves it ~70 %.
LIVE_CPU_SHARE = 0.25
MAX_STRETCH = 6.0
# The other views' intervals stretch this much before the lead's does at all: the
# class watches the boundary (30 frames a second); a plot drawn 11 times a second
# instead of 15 changes little. (Stretched alike, the boundary drew 26 frames a
# second at full speed while the plots drew 13.)
OTHERS_FIRST = 1.4
MEASURE_EVERY_S = 1.0  # how often the drawing's CPU share is measured
EARLY_S = 0.002  # a draw this close to due is done now (timers wake in whole ms)
MAX_WAITING = 32  # snapshots kept for the lead at a slow speed (older ones are dropped)


def _always() -> bool:
    return True


@dataclass
class ViewPace:
    """One view as the pacer sees it: its ``name`` (in ``frame_drawn``), how it
    draws a snapshot, its interval while training, and whether it is showing."""

    name: str
    draw: Callable[[object], None]
    interval: float = LEAD_INTERVAL_S
    showing: Callable[[], bool] = _always
    shown: object = None  # the snapshot it shows
    drawn_at: float = float("-inf")


def next_stretch(stretch: float, share: float) -> float:
    """The stretch of every interval for the next second, given the share of the GUI
    thread drawing took this second at ``stretch``. The share goes as 1 / stretch:
    over LIVE_CPU_SHARE, straight to the stretch that would meet it (the training
    thread waits meanwhile); under it, halfway back (one second's share is noisy);
    within 10 % of it, unchanged. (Backing off only under 70 % of the share once kept
    the stretch the first frames' paints had set: 1.24 at a share of 19 %, and 25
    boundary frames a second instead of 30.)"""
    ratio = share / LIVE_CPU_SHARE
    if ratio > 1.1:
        return min(MAX_STRETCH, stretch * ratio)
    if ratio < 0.9:
        return max(1.0, stretch * math.sqrt(ratio))
    return stretch


class FramePacer(QObject):
    """``FramePacer(begin, views)``: ``views[0]`` is the lead, drawn with
    ``begin``; the others (``ViewPace``, or a plain callable drawn at the lead's
    rate) follow at their own intervals."""

    frame_drawn = Signal(str, int)  # a view's name and the step it now shows
    shown = Signal(object)  # the snapshot the step label (and the lead view) now shows
    interval_changed = Signal(float)  # how often snapshots are worth sending, seconds

    def __init__(self, begin: Callable, views: Sequence, parent=None):
        super().__init__(parent)
        self._begin = begin
        self.views = [v if isinstance(v, ViewPace) else ViewPace(f"view{i}", v)
                      for i, v in enumerate(views)]
        self.live = False
        self.stretch = 1.0
        self.current = None  # what the label shows
        # Snapshots not yet drawn by the lead: only the newest, unless each step
        # has its own (then all, in order).
        self._waiting: deque = deque(maxlen=MAX_WAITING)
        self._hold = False  # the lead waits for every view to show each step
        self._cpu_mark: tuple[float, float] | None = None  # (thread CPU, wall)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timer)

    @property
    def lead(self) -> ViewPace:
        return self.views[0]

    @property
    def lead_stretch(self) -> float:
        return max(1.0, self.stretch / OTHERS_FIRST)

    @property
    def interval(self) -> float:
        """The lead's frame interval while training, stretched."""
        return self.lead.interval * self.lead_stretch

    # -- input ---------------------------------------------------------------------------
    def offer(self, snapshot, every_step_rate: float = 0.0) -> None:
        """A new snapshot. ``every_step_rate``: the steps per second of a stream
        that has a snapshot for each step (0: only the newest matters, and an
        older one not yet drawn is dropped)."""
        if not (every_step_rate > 0 and self.live):
            self._waiting.clear()
        self._waiting.append(snapshot)
        slowest = max(v.interval for v in self.views) * self.stretch
        self._hold = 0 < every_step_rate <= 1 / slowest
        self._schedule()

    @property
    def _pending(self):
        """The next snapshot for the lead, if it may draw one now."""
        if not self._waiting:
            return None
        if self._hold and self.current is not None and any(
                v.shown is not self.current and v.showing() for v in self.views[1:]):
            return None  # a view has yet to show the step the label shows
        return self._waiting[0]

    def set_live(self, live: bool) -> None:
        """True while training runs (paced), False when paused (all at once)."""
        if live == self.live:
            return
        self.live = live
        self._cpu_mark = None
        if not live:
            newest = self._waiting[-1] if self._waiting else self.current
            self._waiting.clear()
            if newest is not None and any(v.shown is not newest for v in self.views):
                self._waiting.append(newest)  # everything catches up with the newest
        self._schedule()

    def draw_now(self, snapshot) -> None:
        """Draw ``snapshot`` into every view immediately (screenshots, tests)."""
        self._timer.stop()
        self._waiting.clear()
        self._draw_all(snapshot)

    # -- scheduling ----------------------------------------------------------------------
    def _schedule(self) -> None:
        """Wake at the next turn where something is due (or never, if nothing is)."""
        wait = self._next_due(time.perf_counter())
        if wait is None:
            self._timer.stop()
        elif not self._timer.isActive() or wait <= 0:
            self._start_timer(wait)

    def _start_timer(self, wait: float) -> None:
        # Rounded up: woken a fraction of a millisecond early, nothing would be due
        # and the timer would spin until it is.
        self._timer.start(max(0, math.ceil(1000 * (wait - EARLY_S))))

    def _next_due(self, now: float) -> float | None:
        """Seconds until the next draw is due, None if nothing waits."""
        if not self.live:
            return 0.0 if self._waiting else None
        waits = []
        if self._pending is not None:
            waits.append(self.lead.drawn_at + self.interval - now)
        for view in self.views[1:]:
            if self.current is not None and view.shown is not self.current:
                waits.append(view.drawn_at + view.interval * self.stretch - now)
        return max(0.0, min(waits)) if waits else None

    @Slot()
    def _on_timer(self) -> None:
        if not self.live:
            if self._waiting:
                snapshot = self._waiting[-1]
                self._waiting.clear()
                self._draw_all(snapshot)
            return
        now = time.perf_counter()
        self._measure(now)
        # Earliest due first, one draw per turn: when the GUI thread cannot keep up
        # (a busy machine), every view slows down alike instead of the boundary
        # taking every turn and the plots none.
        candidates = []
        if self._pending is not None:
            candidates.append((self.lead.drawn_at + self.interval, 0, self.lead))
        for i, view in enumerate(self.views[1:], start=1):
            if self.current is not None and view.shown is not self.current:
                candidates.append((view.drawn_at + view.interval * self.stretch, i, view))
        due_at, _, view = min(candidates, default=(math.inf, 0, None), key=lambda c: c[:2])
        if view is not None and now >= due_at - EARLY_S:
            if view is self.lead:
                snapshot = self._waiting.popleft()
                self._begin(snapshot)
                self._draw(view, snapshot, now)
                self.current = snapshot
                self.shown.emit(snapshot)
            elif view.showing():
                self._draw(view, self.current, now)
            else:
                view.drawn_at = now  # hidden (a tab not shown): look again later
        wait = self._next_due(time.perf_counter())
        if wait is not None:
            self._start_timer(wait)

    def _draw(self, view: ViewPace, snapshot, now: float) -> None:
        view.draw(snapshot)
        view.shown = snapshot
        view.drawn_at = now
        self.frame_drawn.emit(view.name, int(getattr(snapshot, "step", 0)))

    def _draw_all(self, snapshot) -> None:
        now = time.perf_counter()
        self._begin(snapshot)
        for view in self.views:
            self._draw(view, snapshot, now)
        self.current = snapshot
        self.shown.emit(snapshot)

    # -- the drawing's share of the GUI thread -----------------------------------------
    def _measure(self, now: float) -> None:
        """Every MEASURE_EVERY_S, stretch (or relax) the intervals so drawing and
        painting take about LIVE_CPU_SHARE of the GUI thread's wall time."""
        cpu = time.thread_time()
        if self._cpu_mark is None:
            self._cpu_mark = (cpu, now)
            return
        used, wall = cpu - self._cpu_mark[0], now - self._cpu_mark[1]
        if wall < MEASURE_EVERY_S:
            return
        self._cpu_mark = (cpu, now)
        stretch = next_stretch(self.stretch, used / wall)
        if abs(stretch - self.stretch) > 0.02:
            lead_before = self.interval
            self.stretch = stretch
            if self.interval != lead_before:
                self.interval_changed.emit(self.interval)
