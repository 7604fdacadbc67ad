"""What the scrubber's checkpoints cost headless training: steps per second of an
``Experiment`` (which takes checkpoints on their schedule) against its own
``Trainer`` stepped directly (no checkpoints), same config, rounds interleaved so
machine noise hits both alike; medians over the rounds.

    .venv/bin/python benchmarks/checkpoints.py [--rounds 5] [--steps 20000]
"""

from __future__ import annotations

import argparse
import statistics
import time

from regviz.config import load_preset
from regviz.experiment import Experiment

CASES = {
    "course 2-20-3-1, L2, full batch": lambda: load_preset("l2"),
    "dropout, Adam, batch 64": lambda: load_preset("dropout").with_values(
        optimizer="adam", learning_rate=0.01, batch_size=64),
    "2-128-128-1, 1,000 points, L2": lambda: load_preset("l2").with_values(
        hidden="128,128", n_samples=2000),
}


def steps_per_second(config, steps: int, with_checkpoints: bool) -> float:
    experiment = Experiment(config)
    start = time.perf_counter()
    if with_checkpoints:
        experiment.step(steps)
    else:
        experiment.trainer.step(steps)
    return steps / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=20_000)
    args = parser.parse_args()
    for name, make in CASES.items():
        config = make()
        steps = args.steps if "128" not in name else max(1, args.steps // 20)
        plain, checked = [], []
        for _ in range(args.rounds):
            plain.append(steps_per_second(config, steps, False))
            checked.append(steps_per_second(config, steps, True))
        a, b = statistics.median(plain), statistics.median(checked)
        print(f"{name}: trainer alone {a:,.0f} steps/s, with checkpoints {b:,.0f} steps/s "
              f"({b / a:.1%}) over {steps:,} steps")


if __name__ == "__main__":
    main()
