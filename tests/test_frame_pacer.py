"""The frame pacer: newest snapshot only; paused, everything at once; live, the lead
view with the header in one turn, every other view at its own rate, one draw per
turn, never ahead of the header.

On a simulated clock (``Sim``): the pacer's timer and its clocks are replaced, so
every count below is exact whatever the machine's load, and a test of several
seconds of drawing runs in milliseconds. Two tests at the end run on Qt's own timer,
to check the pacer's wiring to it."""

from types import SimpleNamespace

import pytest

from regviz.gui.workers import frame_pacer
from regviz.gui.workers.frame_pacer import FramePacer, ViewPace

MAX_EVENTS = 200_000  # no simulation runs this many turns: a pacer that spins fails


def snap(step):
    return SimpleNamespace(step=step)


class FakeTimer:
    """The pacer's single-shot QTimer, due on the simulated clock."""

    def __init__(self, *args, **kwargs):
        self.due = None
        self._callbacks = []
        self.timeout = SimpleNamespace(connect=self._callbacks.append)
        self.sim = None

    def setSingleShot(self, _single):  # noqa: N802 (Qt's names)
        pass

    def setTimerType(self, _kind):  # noqa: N802
        pass

    def start(self, ms):
        self.due = self.sim.now + ms / 1000

    def stop(self):
        self.due = None

    def isActive(self):  # noqa: N802
        return self.due is not None

    def fire(self):
        self.due = None
        for callback in self._callbacks:
            callback()


class Sim:
    """A FramePacer with views v0 (the lead), v1, v2 on a simulated clock. Records
    (what, step, time, turn) for begin and each view; ``turn`` counts the timer's
    firings (each a return to the event loop). Drawing a view costs ``cost_s`` of
    CPU and wall time."""

    def __init__(self, monkeypatch, intervals=(frame_pacer.LEAD_INTERVAL_S, 0.1, 0.2),
                 cost_s=0.0):
        self.now, self.cpu, self.turn = 0.0, 0.0, 0
        self.cost_s = cost_s
        monkeypatch.setattr(frame_pacer, "QTimer", FakeTimer)
        monkeypatch.setattr(frame_pacer, "time", SimpleNamespace(
            perf_counter=lambda: self.now, thread_time=lambda: self.cpu))
        self.calls = []
        self.hidden = set()
        self.views = [ViewPace(f"v{i}", self._drawer(f"v{i}"), interval,
                               lambda i=i: f"v{i}" not in self.hidden)
                      for i, interval in enumerate(intervals)]
        self.pacer = FramePacer(self.begin, self.views)
        self.timer = self.pacer._timer
        self.timer.sim = self
        self.frames = []
        self.pacer.frame_drawn.connect(lambda name, step: self.frames.append((name, step)))

    def begin(self, snapshot):
        self.calls.append(("begin", snapshot.step, self.now, self.turn))

    def _drawer(self, name):
        def draw(snapshot):
            self.now += self.cost_s
            self.cpu += self.cost_s
            self.calls.append((name, snapshot.step, self.now, self.turn))
        return draw

    def of(self, what):
        return [c for c in self.calls if c[0] == what]

    def run(self, seconds, offers=()):
        """Run the clock ``seconds`` on; ``offers``: (time from now, snapshot,
        every_step_rate) handed to the pacer at their time."""
        end = self.now + seconds
        offers = sorted(((self.now + t, i, s, rate) for i, (t, s, rate) in enumerate(offers)),
                        key=lambda o: o[:2])
        for _ in range(MAX_EVENTS):
            next_offer = offers[0][0] if offers else None
            due = self.timer.due
            if due is not None and (next_offer is None or due <= next_offer) and due <= end:
                self.now = max(self.now, due)
                self.turn += 1
                self.timer.fire()
            elif next_offer is not None and next_offer <= end:
                _, _, snapshot, rate = offers.pop(0)
                self.now = max(self.now, next_offer)
                self.pacer.offer(snapshot, rate)
            else:
                self.now = max(self.now, end)
                return
        raise AssertionError("the pacer's timer never stopped firing")

    def run_until_idle(self):
        """Fire the timer until nothing is due any more."""
        for _ in range(MAX_EVENTS):
            if self.timer.due is None:
                return
            self.now = max(self.now, self.timer.due)
            self.turn += 1
            self.timer.fire()
        raise AssertionError("the pacer's timer never stopped firing")

    def flood(self, seconds, start_step=0, every=0.002):
        """Offer a new snapshot every 2 ms (far faster than anything is drawn);
        the last step offered."""
        count = int(round(seconds / every))
        self.run(seconds, [(every * (i + 1), snap(start_step + i + 1), 0.0)
                           for i in range(count)])
        return start_step + count


@pytest.fixture
def sim(monkeypatch):
    return Sim(monkeypatch)


def test_paused_draws_only_the_newest_all_at_once(sim):
    for i in range(5):
        sim.pacer.offer(snap(i))
    sim.run_until_idle()
    assert [c[:2] for c in sim.calls] == [("begin", 4), ("v0", 4), ("v1", 4), ("v2", 4)]
    assert sim.frames == [("v0", 4), ("v1", 4), ("v2", 4)]


def test_live_the_header_and_the_lead_are_drawn_together(sim):
    sim.pacer.set_live(True)
    sim.flood(0.6)
    calls = sim.calls
    assert sim.of("begin")
    for i, call in enumerate(calls):
        if call[0] == "begin":
            # The very next call draws the lead view, from the same snapshot, in
            # the same turn.
            assert calls[i + 1][0] == "v0" and calls[i + 1][1::2] == call[1::2]
        if call[0] == "v0":
            assert calls[i - 1][:2] == ("begin", call[1])


def test_slower_views_draw_what_the_header_shows_never_later(sim):
    sim.pacer.set_live(True)
    sim.flood(0.8)
    header = None
    assert sim.of("v1") and sim.of("v2")
    for what, step, _, _ in sim.calls:
        if what == "begin":
            header = step
        elif what != "v0":
            assert step == header, (what, step, header)


def test_each_view_keeps_to_its_own_rate(sim):
    sim.pacer.set_live(True)
    seconds = 3.0
    sim.flood(seconds)
    counts = {name: len(sim.of(name)) for name in ("v0", "v1", "v2")}
    # 1/interval a second: a draw may come up to EARLY_S early (timers wake in
    # whole milliseconds), or wait up to the 2 ms until the next snapshot.
    for name, interval in (("v0", frame_pacer.LEAD_INTERVAL_S), ("v1", 0.1), ("v2", 0.2)):
        least = seconds / (interval + 0.002) - 1
        most = seconds / (interval - frame_pacer.EARLY_S) + 1
        assert least <= counts[name] <= most, (name, counts[name], least, most)


def test_one_draw_per_turn_of_the_event_loop(sim):
    sim.pacer.set_live(True)
    sim.flood(1.0)
    draws = [c[3] for c in sim.calls if c[0] != "begin"]
    assert len(draws) > 20
    # Between two draws, the event loop ran (other work gets its turn).
    assert len(set(draws)) == len(draws)


def test_hidden_views_are_not_drawn(sim):
    sim.hidden.add("v2")
    sim.pacer.set_live(True)
    sim.flood(0.6)
    assert not sim.of("v2") and sim.of("v1")


def test_pausing_brings_every_view_to_the_newest(sim):
    sim.pacer.set_live(True)
    last = sim.flood(0.3)
    sim.pacer.set_live(False)
    sim.run_until_idle()
    shown = {v.name: v.shown.step for v in sim.views}
    assert shown == {"v0": last, "v1": last, "v2": last}


def test_a_slow_stream_draws_every_snapshot_on_every_view(sim):
    # 4 snapshots a second (a speed of 4 steps/s), slower than every view's rate:
    # each one is drawn by every view.
    sim.pacer.set_live(True)
    sim.run(1.5, [(0.25 * step, snap(step), 0.0) for step in range(1, 6)])
    for name in ("v0", "v1", "v2"):
        assert [c[1] for c in sim.of(name)] == [1, 2, 3, 4, 5], name


def test_expensive_drawing_stretches_every_interval_until_it_is_cheap(monkeypatch):
    # 20 ms of CPU per view drawn, against a share of 10 % of the GUI thread: the
    # thread cannot draw this often, so the intervals stretch.
    monkeypatch.setattr(frame_pacer, "LIVE_CPU_SHARE", 0.1)
    sim = Sim(monkeypatch, cost_s=0.02)
    intervals = []
    sim.pacer.interval_changed.connect(intervals.append)
    sim.pacer.set_live(True)
    sim.flood(2.5)
    assert sim.pacer.stretch > 1.5 and intervals
    assert sim.pacer.stretch <= frame_pacer.MAX_STRETCH
    # Cheap again (a smaller window, a hidden tab): back to every view's own rate.
    sim.cost_s = 0.0
    sim.flood(15.0, start_step=10_000)
    # (Within the pacer's dead band: a change under 0.02 is not made.)
    assert sim.pacer.stretch < 1.025
    assert intervals[-1] == pytest.approx(frame_pacer.LEAD_INTERVAL_S * sim.pacer.lead_stretch)


def test_cheap_drawing_does_not_stretch(sim):
    sim.pacer.set_live(True)
    sim.flood(2.5)
    assert sim.pacer.stretch == 1.0


def test_draw_now_is_synchronous(sim):
    sim.pacer.set_live(True)
    sim.pacer.draw_now(snap(7))
    assert [c[:2] for c in sim.calls] == [("begin", 7), ("v0", 7), ("v1", 7), ("v2", 7)]


def test_faster_than_the_views_only_the_lead_draws_every_step(sim):
    sim.pacer.set_live(True)
    for step in range(1, 9):
        sim.pacer.offer(snap(step), every_step_rate=25.0)
    sim.run(1.0)
    assert [c[1] for c in sim.of("v0")] == list(range(1, 9))
    sim.run_until_idle()
    assert len(sim.of("v2")) < 8  # the slower views are not held to every step
    assert sim.of("v2")[-1][1] == 8  # but they do end on the newest


# -- on Qt's own timer ------------------------------------------------------------------

class Drawn:
    """The pacer with three recording views, on the real clock and QTimer."""

    def __init__(self):
        self.calls = []
        self.views = [ViewPace(f"v{i}", self._drawer(f"v{i}"), interval)
                      for i, interval in enumerate((frame_pacer.LEAD_INTERVAL_S, 0.1, 0.2))]
        self.pacer = FramePacer(lambda s: self.calls.append(("begin", s.step)), self.views)

    def _drawer(self, name):
        return lambda snapshot: self.calls.append((name, snapshot.step))

    def of(self, what):
        return [c for c in self.calls if c[0] == what]


def test_on_qts_timer_paused_offers_are_drawn_once(qapp, qtbot):
    drawn = Drawn()
    for i in range(5):
        drawn.pacer.offer(snap(i))
    qtbot.waitUntil(lambda: bool(drawn.of("v2")), timeout=5000)
    assert drawn.calls == [("begin", 4), ("v0", 4), ("v1", 4), ("v2", 4)]


def test_at_a_slow_speed_a_burst_of_steps_is_drawn_step_by_step_on_every_view(qapp, qtbot):
    # Five steps arrive at once (the GUI thread was busy): at 4 steps/s, slower
    # than every view draws, none is dropped and every view shows each in turn.
    drawn = Drawn()
    drawn.pacer.set_live(True)
    for step in range(1, 6):
        drawn.pacer.offer(snap(step), every_step_rate=4.0)
    qtbot.waitUntil(lambda: len(drawn.of("v2")) == 5, timeout=5000)
    for name in ("v0", "v1", "v2"):
        assert [c[1] for c in drawn.of(name)] == [1, 2, 3, 4, 5], name
