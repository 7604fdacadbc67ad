"""The frame pacer: newest snapshot only, all at once when paused, one group of
views per event-loop turn and a bounded frame rate while training."""

import time

import pytest

from regviz.gui.workers import frame_pacer
from regviz.gui.workers.frame_pacer import FramePacer


class Drawn:
    def __init__(self, groups=3, cost_s=0.0):
        self.calls = []  # (what, snapshot, time)
        self.cost_s = cost_s
        self.groups = [self._group(i) for i in range(groups)]

    def begin(self, snapshot):
        self.calls.append(("begin", snapshot, time.perf_counter()))

    def _group(self, i):
        def draw(snapshot):
            end = time.thread_time() + self.cost_s
            while time.thread_time() < end:  # CPU work, as painting is
                pass
            self.calls.append((i, snapshot, time.perf_counter()))
        return draw

    def of(self, what):
        return [c for c in self.calls if c[0] == what]


@pytest.fixture
def drawn(qapp):
    d = Drawn()
    d.pacer = FramePacer(d.begin, d.groups)
    return d


def test_paused_draws_only_the_newest_all_at_once(drawn, qtbot):
    for i in range(5):
        drawn.pacer.offer(i)
    qtbot.wait(20)
    assert [c[:2] for c in drawn.calls] == [("begin", 4), (0, 4), (1, 4), (2, 4)]


def test_live_draws_each_group_in_its_own_turn(drawn, qtbot):
    drawn.pacer.set_live(True)
    drawn.pacer.offer("a")
    qtbot.waitUntil(lambda: len(drawn.of(2)) == 1, timeout=2000)
    times = [c[2] for c in drawn.calls]
    assert [c[:2] for c in drawn.calls] == [("begin", "a"), (0, "a"), (1, "a"), (2, "a")]
    assert times[3] - times[1] > 0.005  # spread over the frame, not one block


def test_live_frame_rate_is_bounded(drawn, qtbot):
    drawn.pacer.set_live(True)
    start = time.perf_counter()
    while time.perf_counter() - start < 0.5:
        drawn.pacer.offer(time.perf_counter())  # a flood of snapshots
        qtbot.wait(2)
    frames = len(drawn.of("begin"))
    assert 2 <= frames <= 0.5 / frame_pacer.MIN_INTERVAL_S + 1


def test_pausing_mid_frame_finishes_with_the_newest(drawn, qtbot):
    drawn.pacer.set_live(True)
    drawn.pacer.offer("old")
    qtbot.waitUntil(lambda: len(drawn.of(0)) == 1, timeout=2000)
    drawn.pacer.offer("new")
    drawn.pacer.set_live(False)
    qtbot.wait(20)
    assert drawn.calls[-4:][0][:2] == ("begin", "new")
    assert [c[1] for c in drawn.calls[-3:]] == ["new"] * 3


def test_expensive_views_get_fewer_frames(qapp, qtbot):
    d = Drawn(groups=2, cost_s=0.02)  # 40 ms of CPU a frame
    pacer = FramePacer(d.begin, d.groups)
    intervals = []
    pacer.interval_changed.connect(intervals.append)
    pacer.set_live(True)
    start = time.perf_counter()
    while time.perf_counter() - start < 1.5:
        pacer.offer(0)
        qtbot.wait(5)
    # 40 ms a frame at a 20 % share wants ~200 ms between frames.
    assert intervals and intervals[-1] > 0.12
    assert pacer.interval <= frame_pacer.MAX_INTERVAL_S


def test_draw_now_is_synchronous(drawn):
    drawn.pacer.set_live(True)
    drawn.pacer.draw_now("x")
    assert [c[:2] for c in drawn.calls] == [("begin", "x"), (0, "x"), (1, "x"), (2, "x")]


def test_the_first_cycle_after_play_does_not_stretch_the_interval(qapp, qtbot):
    # Pressing Play re-paints every view once (antialiasing off); that one-off cost
    # lands in the first cycle and must not be taken for the cost of a frame.
    d = Drawn(groups=2)
    burnt = []

    def begin(snapshot):
        if not burnt:
            burnt.append(True)
            end = time.thread_time() + 0.15
            while time.thread_time() < end:
                pass
        d.begin(snapshot)

    pacer = FramePacer(begin, d.groups)
    intervals = []
    pacer.interval_changed.connect(intervals.append)
    pacer.set_live(True)
    while len(d.of("begin")) < 5:
        pacer.offer(0)
        qtbot.wait(5)
    assert burnt
    assert max(intervals, default=pacer.interval) <= frame_pacer.START_INTERVAL_S
