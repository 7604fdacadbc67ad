"""Plant one-line bugs, one at a time, in a copy of the project and report which the
tests miss (issue 18's mutation habit).

Each entry below is a bug a class would *see* — a swapped column, a wrong scale, the
wrong mask row — with the fast tests that are meant to catch it. The copy is made once
in a temporary folder (the checkout is never touched); each bug is planted, its tests
run with the copy's `regviz` first on the path, and the line is put back.

    .venv/bin/python tools/mutation_smoke.py            # every entry
    .venv/bin/python tools/mutation_smoke.py -k csv     # entries whose name has "csv"
    .venv/bin/python tools/mutation_smoke.py --list

Run it before resolving work that touches a number shown to the class; add an entry
for each bug class a new test is meant to catch. Exit status 1 if any bug survives
(or if a test fails before any bug is planted: then nothing can be concluded).
`mutmut` is the general tool; this list is short and aimed, so a run takes minutes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutation:
    name: str
    path: str          # relative to the project root
    original: str      # must occur exactly once in the file
    mutated: str
    tests: tuple[str, ...]  # pytest node ids that should fail with the bug


MUTATIONS: tuple[Mutation, ...] = (
    Mutation(
        "status bar: train and test swapped",
        "regviz/gui/windows/main_window.py",
        ".format(train=train, test=test, gap=train - test)",
        ".format(train=test, test=train, gap=test - train)",
        ("tests/test_numbers_shown.py::test_the_status_bar_shows_train_and_test_accuracy_of_the_drawn_weights",),
    ),
    Mutation(
        "mini-batch: batch size ignored by the experiment",
        "regviz/experiment.py",
        "batch_size=c.batch_size or None, seed=c.seed,",
        "batch_size=None, seed=c.seed,",
        ("tests/test_mini_batch_penalty.py::test_a_mini_batch_step_with_a_penalty_is_the_numpy_step",
         "tests/test_window_mini_batches.py::test_a_window_with_a_batch_size_trains_in_mini_batches"),
    ),
    Mutation(
        "mini-batch: every step full batch",
        "regviz/core/trainer.py",
        "full_batch = self.batch_size is None or self.batch_size >= len(self.y_train)",
        "full_batch = True",
        ("tests/test_mini_batch_penalty.py::test_a_mini_batch_step_with_a_penalty_is_the_numpy_step",),
    ),
    Mutation(
        "mini-batch: penalty scaled by the batch's m, not the data's N",
        "regviz/core/trainer.py",
        "self._update_coefficients(lr, penalty_scale)",
        "self._update_coefficients(lr, self._resolved.scale(m))",
        ("tests/test_mini_batch_penalty.py::test_a_mini_batch_step_with_a_penalty_is_the_numpy_step",),
    ),
    Mutation(
        "mini-batch: the short last batch averaged over the full batch size",
        "regviz/core/trainer.py",
        "(lr if lr_in_gradient else 1.0) / m)",
        "(lr if lr_in_gradient else 1.0) / (self.batch_size or m))",
        ("tests/test_mini_batch_penalty.py::test_a_mini_batch_step_with_a_penalty_is_the_numpy_step",),
    ),
    Mutation(
        "window: a new batch size does not restart training",
        "regviz/experiment.py",
        "        if config.needs_reset(old):",
        "        if config.needs_reset(old) and config.changed_fields(old) != ['batch_size']:",
        ("tests/test_window_mini_batches.py::test_a_window_with_a_batch_size_trains_in_mini_batches",),
    ),
    Mutation(
        "diagram: the selected point's mask read by its index, not its batch row",
        "regviz/gui/views/network_diagram_view.py",
        "rows = np.flatnonzero(snapshot.mask_rows == sample)",
        "rows = np.flatnonzero(np.arange(len(snapshot.mask_rows)) == sample)",
        ("tests/test_mask_row_order.py::test_shuffled_masks_reach_the_raster_and_the_selected_points_units",),
    ),
    Mutation(
        "snapshot: the batch's row order dropped",
        "regviz/snapshot.py",
        "rows = last.batch_indices if last else None",
        "rows = None",
        ("tests/test_mask_row_order.py::test_shuffled_masks_reach_the_raster_and_the_selected_points_units",),
    ),
    Mutation(
        "raster: columns sorted by point instead of batch row",
        "regviz/gui/views/network_diagram_view.py",
        "raster = np.concatenate([m[:MAX_RASTER_SAMPLES].T for m in masks], axis=0)",
        "raster = np.concatenate([m[np.argsort(snapshot.mask_rows)][:MAX_RASTER_SAMPLES].T "
        "for m in masks], axis=0)",
        ("tests/test_mask_row_order.py::test_shuffled_masks_reach_the_raster_and_the_selected_points_units",),
    ),
    Mutation(
        "live change: marker one step late",
        "regviz/experiment.py",
        "self.events.append(ChangeEvent(self.step_count, name, getattr(config, name),",
        "self.events.append(ChangeEvent(self.step_count + 1, name, getattr(config, name),",
        ("tests/test_live_change_replay.py::test_a_live_change_replays_bit_for_bit_from_its_marker",),
    ),
    Mutation(
        "live change: new λ / keep_prob not passed to the trainer",
        "regviz/experiment.py",
        "self.trainer.regularization = config.regularization()",
        "self.trainer.regularization = old.regularization()",
        ("tests/test_live_change_replay.py::test_a_live_change_replays_bit_for_bit_from_its_marker",),
    ),
    Mutation(
        "live change: new learning rate not passed to the trainer",
        "regviz/experiment.py",
        "self.trainer.learning_rate = config.learning_rate",
        "self.trainer.learning_rate = old.learning_rate",
        ("tests/test_live_change_replay.py::test_a_live_change_replays_bit_for_bit_from_its_marker",),
    ),
)


def copy_project(into: Path) -> Path:
    dest = into / "regviz-mutant"
    ignore = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build",
                                    "dist", "failures", ".ruff_cache")
    for name in ("regviz", "tests", "resources", "pyproject.toml", "main.py", "README.md"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def run_tests(copy: Path, tests: tuple[str, ...], timeout: float) -> tuple[bool, str]:
    """True if the tests pass. The copy is the working directory, so its `regviz`
    comes before the installed (editable) one on sys.path."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        out = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *tests],
            cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, "timed out"
    last = (out.stdout.strip().splitlines() or ["(no output)"])[-1]
    return out.returncode == 0, last


def plant(file: Path, mutation: Mutation) -> str:
    text = file.read_text(encoding="utf-8")
    count = text.count(mutation.original)
    if count != 1:
        raise SystemExit(f"{mutation.name!r}: the original text occurs {count} times in "
                         f"{mutation.path} (it must occur exactly once); update the entry")
    file.write_text(text.replace(mutation.original, mutation.mutated), encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="only entries whose name contains this")
    parser.add_argument("--list", action="store_true", help="list the entries and stop")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per pytest run")
    args = parser.parse_args(argv)
    chosen = [m for m in MUTATIONS if args.k.lower() in m.name.lower()]
    if args.list:
        for m in chosen:
            print(f"{m.name}\n    {m.path}: {m.original!r} -> {m.mutated!r}")
        return 0
    if not chosen:
        print(f"no entry's name contains {args.k!r}")
        return 2
    missed = 0
    with tempfile.TemporaryDirectory(prefix="regviz-mutation-") as tmp:
        copy = copy_project(Path(tmp))
        every_test = tuple(dict.fromkeys(t for m in chosen for t in m.tests))
        passed, last = run_tests(copy, every_test, args.timeout * 2)
        print(f"unmutated: {'pass' if passed else 'FAIL'} ({last})")
        if not passed:
            print("the tests fail before any bug is planted: nothing can be concluded")
            return 1
        width = max(len(m.name) for m in chosen)
        for m in chosen:
            file = copy / m.path
            original = plant(file, m)
            started = time.monotonic()
            try:
                passed, last = run_tests(copy, m.tests, args.timeout)
            finally:
                file.write_text(original, encoding="utf-8")
            verdict = "MISSED" if passed else "caught"
            missed += passed
            print(f"{verdict:6}  {m.name:<{width}}  {time.monotonic() - started:5.1f} s  ({last})",
                  flush=True)
    print(f"{len(chosen) - missed} of {len(chosen)} planted bugs caught")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
