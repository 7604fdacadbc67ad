"""The worker's pacing logic with a fake clock: it holds a set number of steps per
second, whatever the rhythm of the timer that asks it, and measures the rate it
made. No Qt, no real time: the oracle is the set rate times the elapsed time."""

import numpy as np
import pytest

from regviz.gui.workers.step_pacer import MAX_CATCH_UP_S, RateMeter, StepPacer


def run(pacer: StepPacer, ticks, start=0.0, max_steps_per_tick=None):
    """Ask ``pacer`` at each time in ``ticks`` (seconds after ``start``) and train
    what it says is due (at most ``max_steps_per_tick``); the (time, total steps)."""
    pacer.start(start)
    total, out = 0, []
    for t in ticks:
        due = pacer.due(start + t)
        if max_steps_per_tick is not None:
            due = min(due, max_steps_per_tick)
        pacer.took(due)
        total += due
        out.append((t, total))
    return out


@pytest.mark.parametrize("rate", [1, 7, 30, 300, 25_000])
def test_holds_the_rate_within_ten_percent_over_any_two_seconds(rate):
    rng = np.random.default_rng(rate)
    # A timer that wakes irregularly: 1 to 40 ms apart, as a busy event loop does.
    ticks = np.cumsum(rng.uniform(0.001, 0.040, 2000))
    ticks = ticks[ticks < 20.0]
    made = run(StepPacer(rate), ticks)
    times = np.array([t for t, _ in made])
    steps = np.array([s for _, s in made])
    for begin in np.arange(0.5, 17.5, 0.5):
        i, j = np.searchsorted(times, [begin, begin + 2.0])
        window = times[j] - times[i]
        measured = (steps[j] - steps[i]) / window
        # One step of slack at each end of the window: steps are whole.
        assert abs(measured - rate) <= 0.1 * rate + 2 / window, (begin, measured)


def test_the_first_step_is_due_at_once_and_none_ahead_of_time():
    pacer = StepPacer(2.0)  # a step every half second
    pacer.start(100.0)
    assert pacer.due(100.0) == 1
    pacer.took(1)
    assert pacer.due(100.4) == 0
    assert pacer.wait(100.4) == pytest.approx(0.1)
    assert pacer.due(100.5) == 1


def test_a_stall_is_made_up_but_not_as_a_burst():
    rate = 1000.0
    pacer = StepPacer(rate)
    pacer.start(0.0)
    pacer.took(pacer.due(0.0))
    # The worker was held up for three seconds (the GUI held the GIL, say).
    owed = pacer.due(3.0)
    assert owed == pytest.approx(rate * MAX_CATCH_UP_S, abs=1)
    assert owed < 0.1 * 3.0 * rate


def test_a_machine_slower_than_the_rate_trains_as_fast_as_it_can():
    # At most 50 steps per 10 ms tick (5,000 steps/s) against 20,000 asked.
    made = run(StepPacer(20_000), np.arange(0.01, 5.0, 0.01), max_steps_per_tick=50)
    assert made[-1][1] == pytest.approx(5000 * 4.99, rel=0.01)


def test_a_new_rate_applies_from_the_moment_it_is_set():
    pacer = StepPacer(10.0)
    pacer.start(0.0)
    total = 0
    for t in np.arange(0.0, 5.0, 0.01):
        n = pacer.due(t)
        pacer.took(n)
        total += n
    at_five = total
    pacer.set_rate(200.0, 5.0)
    for t in np.arange(5.0, 10.0, 0.01):
        n = pacer.due(t)
        pacer.took(n)
        total += n
    assert at_five == pytest.approx(50, abs=2)
    assert total - at_five == pytest.approx(200 * 5, rel=0.05)


def test_slowing_down_forgets_what_the_fast_rate_owed():
    pacer = StepPacer(10_000.0)
    pacer.start(0.0)
    pacer.due(0.2)  # 2,000 owed, not trained
    pacer.set_rate(1.0, 0.2)
    assert pacer.due(0.2) <= 1  # not 2,000 steps at "1 step a second"


def test_unlimited_rate_says_so_and_never_waits():
    pacer = StepPacer(0.0)
    assert pacer.unlimited and pacer.wait(5.0) == 0.0


def test_rate_meter_is_exact_at_one_step_a_second_and_follows_changes():
    meter = RateMeter(window=2.0)
    for i in range(10):
        meter.mark(float(i), i)
    assert meter.rate() == pytest.approx(1.0)
    # Ten times faster from t = 10: after the window has passed, only that counts.
    step, t = 9, 9.0
    for _ in range(40):
        t += 0.1
        step += 1
        meter.mark(t, step)
    assert meter.rate() == pytest.approx(10.0, rel=0.06)


def test_rate_meter_starts_again_after_a_reset_of_the_steps():
    meter = RateMeter()
    meter.mark(0.0, 500)
    meter.mark(1.0, 1500)
    meter.mark(1.5, 0)  # Reset: step 0 again
    meter.mark(2.5, 300)
    assert meter.rate() == pytest.approx(300.0)
