"""Run the test suite several times in a row while other processes keep every core
busy, and stop at the first failing run (issue 18: the suite must not be flaky on a
loaded machine — a test that waits a fixed time, or asserts a wall-clock figure,
fails here first).

    .venv/bin/python tools/repeat_under_load.py            # 10 runs, a burner per core
    .venv/bin/python tools/repeat_under_load.py --runs 3 -- tests/test_worker.py

Arguments after ``--`` go to pytest (default: the whole suite, as the README runs it:
``-n 2 --dist loadfile``).
Prints each run's time and result, and the load average it ran under.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def burn() -> None:
    """Keep one core busy until terminated (pure Python: holds no lock anyone needs)."""
    x = 0
    while True:
        x = (x * 1103515245 + 12345) % 2**31


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra: list[str] = []
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1:]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--burners", type=int, default=os.cpu_count() or 2,
                        help="busy processes (default: one per core)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per run")
    args = parser.parse_args(argv)
    burners = [multiprocessing.Process(target=burn, daemon=True) for _ in range(args.burners)]
    for p in burners:
        p.start()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The README's test command (two processes, a file's tests in one) unless told.
    extra = extra or ["-n", "2", "--dist", "loadfile"]
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra]
    print(f"{args.runs} runs of: {' '.join(command[1:])}; {args.burners} busy processes",
          flush=True)
    try:
        for run in range(1, args.runs + 1):
            started = time.monotonic()
            try:
                out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True,
                                     text=True, timeout=args.timeout)
                code, last = out.returncode, (out.stdout.strip().splitlines() or [""])[-1]
            except subprocess.TimeoutExpired:
                code, last, out = -1, f"timed out after {args.timeout:.0f} s", None
            load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
            print(f"run {run:2}: {'pass' if code == 0 else 'FAIL'} in "
                  f"{time.monotonic() - started:5.0f} s, load {load}: {last}", flush=True)
            if code != 0:
                if out is not None:
                    print(out.stdout[-6000:])
                return 1
    finally:
        for p in burners:
            p.terminate()
    print(f"{args.runs} of {args.runs} runs passed under load")
    return 0


if __name__ == "__main__":
    sys.exit(main())
