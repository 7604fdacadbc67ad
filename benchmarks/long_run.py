"""Does regviz hold up over hours? Memory and frame rate of long runs.

Prints two measurements (targets from the hardening issue):

* headless: 1,000,000 steps of the course preset through ``Experiment.step``;
  resident memory after a warm-up and at the end (target: grows ≤ 50 MB; the
  history decimates, so it must stay bounded however long training runs), and
  steps/s in the first and the last tenth of the run (a history that grew
  without bound would slow its recording);
* live: the window training for ``--minutes`` (default 10) with every view
  drawing; resident memory each minute (target: grows ≤ 50 MB after the first
  minute) and the frames drawn per second in the first and the last minute
  (target: the last minute draws at ≥ 80 % of the first minute's rate: the plots
  still update at full rate once the history is long).

    QT_QPA_PLATFORM=offscreen python benchmarks/long_run.py [--steps 1000000] [--minutes 10]

A script that prints figures, not a timed test: it takes as long as it says.
"""

from __future__ import annotations

import argparse
import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psutil  # noqa: E402

from regviz.config import load_preset  # noqa: E402
from regviz.experiment import Experiment  # noqa: E402

MB = 1024 * 1024
GROWTH_TARGET_MB = 50


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / MB


def headless(preset: str, steps: int) -> None:
    experiment = Experiment(load_preset(preset))
    experiment.step(20_000)  # warm-up: buffers, BLAS, the history's first decimations
    start_rss = rss_mb()
    chunk = max(1, steps // 10)
    rates = []
    done = 0
    while done < steps:
        n = min(chunk, steps - done)
        t0 = time.perf_counter()
        experiment.step(n)
        rates.append(n / (time.perf_counter() - t0))
        done += n
    end_rss = rss_mb()
    growth = end_rss - start_rss
    points = len(experiment.trainer.history.step)
    verdict = "ok" if growth <= GROWTH_TARGET_MB else "MISSED"
    print(f"headless {preset}: {steps:,} steps after a 20,000-step warm-up")
    print(f"  resident memory {start_rss:7.1f} MB → {end_rss:7.1f} MB   growth {growth:+6.1f} MB"
          f"   target ≤ {GROWTH_TARGET_MB} MB  {verdict}")
    print(f"  steps/s first tenth {rates[0]:9,.0f}   last tenth {rates[-1]:9,.0f}   "
          f"ratio {rates[-1] / rates[0]:.0%}")
    print(f"  history points kept {points:,} (bounded by decimation)")


def live(preset: str, minutes: float) -> None:
    from PySide6.QtCore import QTimer

    from regviz.gui.app import create_application
    from regviz.gui.launch import build_window

    app = create_application()
    # As fast as the machine allows: the hours of steps a teacher could run.
    window = build_window(load_preset(preset).with_values(speed=0))
    window.show()
    frames: list[float] = []  # frames of the decision boundary (with the step counter)
    window.frame_drawn.connect(
        lambda name, _step: name == "boundary" and frames.append(time.perf_counter()))
    samples: list[tuple[float, float, int]] = []  # (seconds, rss MB, step)
    start = time.perf_counter()

    def sample():
        latest = window.latest
        samples.append((time.perf_counter() - start, rss_mb(), latest.step if latest else 0))
        if samples[-1][0] >= minutes * 60:
            app.quit()

    probe = QTimer()
    probe.timeout.connect(sample)
    probe.start(int(min(60.0, minutes * 60 / 10) * 1000))
    window.play()
    app.exec()
    probe.stop()
    window.close()
    app.processEvents()

    first_minute = min(60.0, minutes * 60 / 5)

    def rate(lo: float, hi: float) -> float:
        n = sum(1 for t in frames if lo <= t - start < hi)
        return n / (hi - lo)

    total = samples[-1][0]
    first, last = rate(0, first_minute), rate(total - first_minute, total)
    base_rss = samples[0][1]
    growth = samples[-1][1] - base_rss
    print(f"live {preset}: {total / 60:.1f} minutes in the window, training all along, "
          f"{samples[-1][2]:,} steps")
    for t, rss, step in samples:
        print(f"  {t / 60:5.1f} min  {rss:7.1f} MB  step {step:,}")
    print(f"  resident memory growth after the first sample {growth:+6.1f} MB   "
          f"target ≤ {GROWTH_TARGET_MB} MB  {'ok' if growth <= GROWTH_TARGET_MB else 'MISSED'}")
    ratio = last / first if first else float("nan")
    print(f"  frames/s first {first_minute:.0f} s {first:5.1f}   last {first_minute:.0f} s "
          f"{last:5.1f}   ratio {ratio:.0%}   target ≥ 80%  {'ok' if ratio >= 0.8 else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", default="course")
    parser.add_argument("--steps", type=int, default=1_000_000)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--skip-live", action="store_true")
    args = parser.parse_args()
    headless(args.preset, args.steps)
    if not args.skip_live:
        live(args.preset, args.minutes)


if __name__ == "__main__":
    main()
