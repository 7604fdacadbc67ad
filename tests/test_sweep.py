"""The λ sweep: the validation curve's U, parsing, and cancelling."""

import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from regviz.config import load_preset
from regviz.sweep import Sweep, SweepSpec, run_sweep

ROOT = Path(__file__).resolve().parent.parent


def test_parse_and_grid():
    spec = SweepSpec.parse("l2=1e-3:10:12")
    values = spec.values()
    assert values[0] == 0.0 and len(values) == 13
    assert values[1] == pytest.approx(1e-3) and values[-1] == pytest.approx(10)
    assert SweepSpec.parse("keep_prob=0.3:1:8").values()[0] == pytest.approx(0.3)


@pytest.mark.parametrize("text", ["l2", "depth=1:2:3", "l2=1:0.1:5", "l2=1e-3:10:1",
                                  "l2=a:b:c", "keep_prob=0.01:1:5", "l2=1e-3:10"])
def test_bad_specs_are_value_errors(text):
    with pytest.raises(ValueError, match="--sweep"):
        SweepSpec.parse(text)


def test_default_preset_shows_the_u(tmp_path):
    """The best λ beats both no penalty and the largest λ on test error."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--preset", "overfit", "--sweep",
         "l2=0.03:30:8", "--steps", "6000", "--report", str(tmp_path / "sweep.json")],
        capture_output=True, text=True, timeout=600,
    )
    assert out.returncode == 0, out.stderr
    report = json.loads((tmp_path / "sweep.json").read_text())
    errors = report["test_error"]
    best = min(errors)
    assert report["values"][0] == 0.0 and len(errors) == 9
    assert best < errors[0] and best < errors[-1], errors
    assert report["best"]["test_error"] == best
    # Point by point too: λ, train error and test error of each model.
    rows = report["points"]
    assert [r["value"] for r in rows] == report["values"]
    assert [r["test_error"] for r in rows] == errors
    assert [r["train_error"] for r in rows] == report["train_error"]
    assert all(0 <= r["train_error"] <= 1 for r in rows)


def training_workers():
    """This process's sweep workers (not multiprocessing's resource tracker)."""
    return [p for p in psutil.Process().children(recursive=True)
            if "resource_tracker" not in " ".join(p.cmdline())]


def test_cancel_stops_running_points_at_their_next_chunk():
    sweep = Sweep(load_preset("overfit"), SweepSpec("l2", 1e-3, 1, 6), steps=10**7, workers=2)
    sweep.start()
    try:
        def training():
            """both workers have run longer than starting up takes"""
            workers = training_workers()
            return len(workers) == 2 and all(sum(p.cpu_times()[:2]) > 2.0 for p in workers)

        # Cancelled while points train, not while the workers start.
        poll_until(training, seconds=120)
        # 10⁷ steps take hours: a cancel that did not reach the running points
        # would not return; the thread's timeout turns that into a failure.
        canceller = threading.Thread(target=sweep.cancel, daemon=True)
        canceller.start()
        canceller.join(timeout=60)
        assert not canceller.is_alive(), "cancel did not stop the running points"
        assert sweep.result().points == [] and sweep.closed
        assert training_workers() == []
    finally:
        for worker in training_workers():  # a failed test leaves no training behind
            worker.kill()


def poll_until(condition, seconds):
    """Like qtbot.waitUntil, without Qt: fail if ``condition`` is not met in time."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not met in {seconds} s: {condition.__doc__}"
        time.sleep(0.05)


def test_best_breaks_ties_by_test_loss():
    from regviz.sweep import SweepPoint, SweepResult

    def point(value, test_error, test_loss, diverged=False):
        return SweepPoint(value, 0.1, test_error, 0.3, test_loss, diverged)

    result = SweepResult(SweepSpec("l2", 0.1, 10, 3), 100, [
        point(0.0, 0.25, 0.9), point(0.1, 0.2, 0.6), point(1.0, 0.2, 0.5),
        point(10.0, 0.1, 0.2, diverged=True)])
    assert result.best.value == 1.0


def test_finished_points_and_cancel_without_waiting():
    sweep = Sweep(load_preset("overfit"), SweepSpec("l2", 0.1, 1, 2), steps=10**7, workers=1)
    sweep.start()
    sweep.cancel(wait=False)
    assert sweep.cancelled
    poll_until(lambda: sweep.closed, seconds=60)
    assert sweep.finished_points() == {}


def test_run_sweep_small():
    result = run_sweep(load_preset("overfit"), SweepSpec("l2", 0.1, 1, 2), steps=50, workers=1)
    assert [p.value for p in result.points] == pytest.approx([0.0, 0.1, 1.0])
    assert all(0 <= p.test_error <= 1 for p in result.points)


# -- the reading is chosen from the curve ------------------------------------------------
def result_of(name, rows, steps=15000):
    """A SweepResult from (value, train error, test error[, test loss]) rows."""
    from regviz.sweep import SweepPoint, SweepResult

    values = [row[0] for row in rows]
    spec = SweepSpec(name, min(v for v in values if v > 0), max(values), len(rows))
    return SweepResult(spec, steps, [SweepPoint(v, tr, te, tr, rest[0] if rest else te, False)
                                     for v, tr, te, *rest in rows])


def test_the_classic_u_reads_overfit_left_underfit_right():
    from regviz.sweep import reading

    text = reading(result_of("l2", [(0.0, 0.05, 0.30), (0.1, 0.10, 0.22), (1.0, 0.15, 0.18),
                                    (10.0, 0.30, 0.32)]))
    assert "Left of the best value the network overfits" in text
    assert "right of it, it underfits" in text


def test_no_overfitting_claim_when_lambda_0_ties_the_best():
    """The issue's case: the best λ is the smallest grid value and λ = 0 ties it."""
    from regviz.sweep import reading

    result = result_of("l2", [(0.0, 0.16, 0.20, 0.47), (0.01, 0.16, 0.20, 0.46),
                              (0.1, 0.17, 0.21), (1.0, 0.25, 0.27)])
    assert result.best.value == 0.01  # the smallest grid value, by its lower test loss
    text = reading(result)
    assert "overfits" not in text
    assert "= 0 does as well as the best value" in text and "underfits" in text


def test_best_at_the_weakest_value_and_at_the_strongest():
    from regviz.sweep import reading

    weakest = reading(result_of("l1", [(0.01, 0.10, 0.15), (0.1, 0.12, 0.18),
                                       (1.0, 0.30, 0.35)]))
    assert weakest.startswith("The best is the weakest") and "overfits" not in weakest
    strongest = reading(result_of("l2", [(0.0, 0.02, 0.30), (0.1, 0.05, 0.25),
                                         (1.0, 0.10, 0.20)]))
    assert "overfits" in strongest and "strongest" in strongest
    assert "underfits" not in strongest


def test_keep_prob_overfits_on_the_right():
    """Less dropout (larger keep_prob) is weaker regularization: the right side."""
    from regviz.sweep import reading

    text = reading(result_of("keep_prob", [(0.3, 0.30, 0.33), (0.6, 0.12, 0.18),
                                           (1.0, 0.03, 0.28)]))
    assert text.startswith("Right of the best value the network overfits")
    assert "left of it, it underfits" in text
