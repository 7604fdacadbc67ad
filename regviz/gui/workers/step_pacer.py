"""How many training steps are due now, to hold a set number of steps per second,
and how many were really made. Pure Python (no Qt, no clock of its own): the
training worker asks with ``time.perf_counter()``, the tests with a fake clock.

``StepPacer`` is a token bucket: steps are owed at ``rate`` per second from the
moment training starts; the worker trains what is owed and asks again when the
next step falls due. If training cannot keep up (a machine slower than the set
rate, or a moment the GUI held Python's GIL), at most ``MAX_CATCH_UP_S`` worth of
steps stay owed, so a stall is made up quickly but never as a burst that would
jump the picture ahead.
"""

from __future__ import annotations

import math
from collections import deque

MAX_CATCH_UP_S = 0.25  # seconds of steps that may stay owed after a stall
RATE_WINDOW_S = 2.0  # the measured rate covers about the last two seconds


class StepPacer:
    """``due(now)`` steps are owed; ``took(n)`` says they were trained."""

    def __init__(self, rate: float = 0.0):
        self.rate = 0.0
        self._owed = 0.0
        self._since: float | None = None  # when ``_owed`` was last brought up to date
        self.set_rate(rate)

    @property
    def unlimited(self) -> bool:
        """Rate 0: as fast as the machine allows (``due`` is meaningless)."""
        return self.rate <= 0

    def set_rate(self, rate: float, now: float | None = None) -> None:
        """Steps per second from now on (0: no limit). What is already owed at the
        old rate stays owed; nothing more is owed for the time before ``now``."""
        if now is not None:
            self._accrue(now)
        self.rate = max(0.0, float(rate))
        # One step owed at most at a slow rate: turning 1 step/s up to 1,000 must
        # not find a second's worth of steps owed from before.
        self._owed = min(self._owed, self._cap())

    def start(self, now: float) -> None:
        """Training (re)starts at ``now``: nothing is owed yet; the first step falls
        due at once, so Play answers immediately at any speed."""
        self._since = now
        self._owed = 1.0 if self.rate > 0 else 0.0

    def due(self, now: float) -> int:
        """Whole steps owed at ``now``."""
        self._accrue(now)
        return int(math.floor(self._owed + 1e-9))

    def took(self, steps: int) -> None:
        """``steps`` were trained (what was owed goes down by as many)."""
        self._owed = max(0.0, self._owed - steps)

    def wait(self, now: float) -> float:
        """Seconds from ``now`` until the next step is owed (0 if one is owed)."""
        if self.rate <= 0:
            return 0.0
        self._accrue(now)
        return max(0.0, (1.0 - self._owed) / self.rate)

    def _accrue(self, now: float) -> None:
        if self._since is None:
            self._since = now
        elapsed = max(0.0, now - self._since)
        self._since = now
        if self.rate > 0:
            self._owed = min(self._cap(), self._owed + elapsed * self.rate)

    def _cap(self) -> float:
        return max(1.0, self.rate * MAX_CATCH_UP_S)


class RateMeter:
    """Steps per second over about the last ``window`` seconds, from (time, step)
    marks: exact at 1 step/s (no 0-or-4 flicker of a quarter-second count) and
    quick to follow a change of speed."""

    def __init__(self, window: float = RATE_WINDOW_S):
        self.window = window
        self._marks: deque[tuple[float, int]] = deque()

    def reset(self) -> None:
        self._marks.clear()

    def mark(self, now: float, step: int) -> None:
        marks = self._marks
        if marks and step < marks[-1][1]:  # a reset or another experiment
            marks.clear()
        marks.append((now, step))
        # Keep one mark older than the window, so the span covers all of it.
        while len(marks) > 2 and now - marks[1][0] >= self.window:
            marks.popleft()

    def rate(self) -> float:
        """Steps per second between the oldest kept mark and the newest; 0 until
        two marks exist."""
        if len(self._marks) < 2:
            return 0.0
        (t0, s0), (t1, s1) = self._marks[0], self._marks[-1]
        return (s1 - s0) / (t1 - t0) if t1 > t0 else 0.0


SNAPSHOT_EARLY_S = 0.001  # a snapshot this close to due is sent now


def next_snapshot_due(due: float, now: float, interval: float) -> float:
    """When the snapshot after one sent at ``now`` is due, the last one having been
    due at ``due``: on a fixed grid of ``interval``, so a tick that comes a little late
    (a chunk of steps overrunning by a millisecond or two) makes the next one come
    that much sooner and the rate is the one asked for — measured from each sending
    instead, 32 a second asked for gave 28. Later than a whole interval (a pause, a
    stall) the grid restarts from ``now``: missed snapshots are not sent in a burst."""
    late = now - due
    if -SNAPSHOT_EARLY_S <= late < interval:
        return due + interval
    return now + interval
