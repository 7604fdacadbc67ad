"""The λ sweep (validation curve): one model per λ on a log grid, trained to a fixed
step count in parallel worker processes, then final train and test error per λ.

Pure Python + numpy (no Qt): the window runs it through a progress bar, the command
line through ``--sweep l2=1e-3:10:12``. Processes are started with "spawn" so a Qt
application's threads are never forked, and a shared event lets ``cancel`` stop
the running points between chunks of steps.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

import numpy as np

from .config import FIELDS_BY_NAME, Config
from .experiment import Experiment, TrainTestData

SWEEPABLE = ("l2", "l1", "keep_prob", "learning_rate")
CHUNK_STEPS = 250  # steps between looks at the cancel flag


@dataclass(frozen=True)
class SweepSpec:
    """Which setting to sweep over which log grid; ``include_zero`` adds λ=0."""

    name: str
    low: float
    high: float
    points: int
    include_zero: bool = True

    def values(self) -> list[float]:
        grid = np.geomspace(self.low, self.high, self.points).tolist()
        return ([0.0] if self.include_zero and self.name in ("l2", "l1") else []) + grid

    @classmethod
    def parse(cls, text: str) -> SweepSpec:
        """``NAME=LOW:HIGH:POINTS``, e.g. ``l2=1e-3:10:12``; ValueError says what's wrong."""
        name, sep, rest = text.partition("=")
        name = name.strip()
        if not sep or name not in SWEEPABLE:
            raise ValueError(
                f"--sweep {text!r}: expected NAME=LOW:HIGH:POINTS with NAME one of "
                f"{', '.join(SWEEPABLE)} (e.g. l2=1e-3:10:12)")
        parts = rest.split(":")
        try:
            low, high, points = float(parts[0]), float(parts[1]), int(parts[2])
            if len(parts) != 3:
                raise ValueError
        except (ValueError, IndexError):
            raise ValueError(f"--sweep {text!r}: expected NAME=LOW:HIGH:POINTS, "
                             f"e.g. {name}=1e-3:10:12") from None
        f = FIELDS_BY_NAME[name]
        if not (0 < low < high):
            raise ValueError(f"--sweep {text!r}: need 0 < LOW < HIGH")
        if f.maximum is not None and high > f.maximum:
            raise ValueError(f"--sweep {text!r}: HIGH must be at most {f.maximum:g}")
        if name == "keep_prob" and low < f.minimum:
            raise ValueError(f"--sweep {text!r}: LOW must be at least {f.minimum:g}")
        if not 2 <= points <= 50:
            raise ValueError(f"--sweep {text!r}: POINTS must be a whole number in [2, 50]")
        return cls(name, low, high, points)


@dataclass(frozen=True)
class SweepPoint:
    value: float
    train_error: float
    test_error: float
    train_data_loss: float
    test_loss: float
    diverged: bool


@dataclass
class SweepResult:
    spec: SweepSpec
    steps: int
    points: list[SweepPoint] = field(default_factory=list)

    @property
    def best(self) -> SweepPoint | None:
        """The lowest test error; ties (a test set of a few hundred points has few
        distinct error rates) go to the lower test loss, then the smaller value."""
        healthy = [p for p in self.points if not p.diverged]
        return min(healthy, key=lambda p: (p.test_error, p.test_loss, p.value)) \
            if healthy else None

    def to_dict(self) -> dict:
        best = self.best
        return {
            "setting": self.spec.name,
            "steps": self.steps,
            "values": [p.value for p in self.points],
            "train_error": [p.train_error for p in self.points],
            "test_error": [p.test_error for p in self.points],
            "train_data_loss": [p.train_data_loss for p in self.points],
            "test_loss": [p.test_loss for p in self.points],
            "diverged": [p.diverged for p in self.points],
            # The same numbers point by point, for readers who want rows not columns.
            "points": [{"value": p.value, "train_error": p.train_error,
                        "test_error": p.test_error, "diverged": p.diverged}
                       for p in self.points],
            "best": None if best is None else {"value": best.value,
                                               "test_error": best.test_error},
        }


# Error rates are multiples of 1/(test points): equal ones are equal to rounding.
_SAME = 1e-9


def reading(result: SweepResult) -> str:
    """What the curve says, chosen from the curve itself: the overfitting and
    underfitting sides are named only where the errors show them (a fixed sentence
    once claimed overfitting left of a best λ that was the smallest one tried)."""
    best = result.best
    if best is None:
        return ""
    name = result.spec.name
    label = FIELDS_BY_NAME[name].label
    points = sorted((p for p in result.points if not p.diverged), key=lambda p: p.value)
    below = [p for p in points if p.value < best.value]
    above = [p for p in points if p.value > best.value]
    if name == "learning_rate":
        return _learning_rate_reading(result, below, above, best)
    # For λ stronger regularization is to the right; for keep_prob to the left.
    larger_is_stronger = name != "keep_prob"
    weaker, stronger = (below, above) if larger_is_stronger else (above[::-1], below[::-1])
    weak_side, strong_side = ("Left", "right") if larger_is_stronger else ("Right", "left")
    weakest = weaker[0] if weaker else None  # the least regularized model
    best_gap = best.test_error - best.train_error
    if weakest is None:
        first = (f"The best is the weakest {label} tried: there is no overfitting here, "
                 "so regularizing more only costs accuracy")
    elif abs(weakest.test_error - best.test_error) <= _SAME:
        first = (f"{label} = {weakest.value:.3g} does as well as the best value: there is "
                 "no overfitting here for regularization to cure")
    elif any(p.test_error > best.test_error + _SAME
             and p.test_error - p.train_error > best_gap + _SAME for p in weaker):
        first = (f"{weak_side} of the best value the network overfits (train error well "
                 "below test error)")
    else:
        first = f"{weak_side} of the best value the test error is higher"
    if not stronger:
        second = f"the best is the strongest {label} tried: a wider range may find more"
    elif any(p.test_error > best.test_error + _SAME and p.train_error > best.train_error + _SAME
             for p in stronger):
        second = f"{strong_side} of it, it underfits (both errors rise)"
    elif all(abs(p.test_error - best.test_error) <= _SAME for p in stronger):
        second = f"{strong_side} of it the test error stays as low"
    else:
        second = f"{strong_side} of it the test error is higher"
    return f"{first}; {second}."


def _learning_rate_reading(result: SweepResult, below, above, best) -> str:
    diverged = sum(p.diverged for p in result.points)
    if below and any(p.train_error > best.train_error + _SAME for p in below):
        first = (f"Left of the best rate training is too slow to finish in "
                 f"{result.steps:,} steps (train error still high)")
    elif below:
        first = "Left of the best rate the test error is higher"
    else:
        first = "The best is the smallest rate tried"
    if diverged:
        second = f"right of it, steps overshoot: {diverged} models diverged"
    elif above and any(p.test_error > best.test_error + _SAME for p in above):
        second = "right of it, steps overshoot and the errors rise"
    elif above:
        second = "right of it the test error stays as low"
    else:
        second = "the best is the largest rate tried: a wider range may find more"
    return f"{first}; {second}."


def train_point(config: Config, data: TrainTestData, steps: int, name: str,
                cancelled: Callable[[], bool] = lambda: False) -> SweepPoint | None:
    """Train one configuration; None if cancelled before it finished."""
    from .core import TrainingDiverged

    experiment = Experiment(config, data)
    diverged = False
    done = 0
    while done < steps:
        if cancelled():
            return None
        n = min(CHUNK_STEPS, steps - done)
        try:
            experiment.step(n)
        except TrainingDiverged:
            diverged = True
            break
        done += n
    report = experiment.report()
    return SweepPoint(
        value=float(getattr(config, name)),
        train_error=1.0 - report["train"]["accuracy"],
        test_error=1.0 - report["test"]["accuracy"],
        train_data_loss=report["train"]["data_loss"],
        test_loss=report["test"]["loss"],
        diverged=diverged,
    )


# The cancel event reaches each worker process once, at its start (events cannot
# be pickled into individual tasks).
_CANCEL_EVENT = None


def _init_worker(event) -> None:
    global _CANCEL_EVENT
    _CANCEL_EVENT = event


def _run_in_worker(config: Config, data: TrainTestData, steps: int,
                   name: str) -> SweepPoint | None:
    return train_point(config, data, steps, name, cancelled=_CANCEL_EVENT.is_set)


class Sweep:
    """A running sweep: ``start`` returns at once; ``on_point`` is called (in a
    pool thread) as each point finishes; ``result()`` waits for all."""

    def __init__(self, base: Config, spec: SweepSpec, steps: int,
                 data: TrainTestData | None = None, workers: int | None = None):
        base.validate()
        self.base, self.spec, self.steps = base, spec, steps
        self.data = data
        self.workers = workers or max(1, min(os.cpu_count() or 1, 4))
        context = multiprocessing.get_context("spawn")
        self._cancel = context.Event()
        self._context = context
        self._executor: ProcessPoolExecutor | None = None
        self._futures: list[Future] = []
        self._executor_lock = threading.Lock()
        self._closer: threading.Thread | None = None

    def start(self, on_point: Callable[[int, SweepPoint | None], None] | None = None) -> None:
        from .experiment import make_data

        data = self.data if self.data is not None else make_data(self.base)
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=self._context,
            initializer=_init_worker, initargs=(self._cancel,))
        for index, value in enumerate(self.spec.values()):
            config = self.base.with_values(**{self.spec.name: value})
            future = self._executor.submit(_run_in_worker, config, data, self.steps,
                                           self.spec.name)
            if on_point is not None:
                future.add_done_callback(
                    lambda f, i=index: on_point(i, None if f.cancelled() or f.exception()
                                                else f.result()))
            self._futures.append(future)

    @property
    def total(self) -> int:
        return len(self.spec.values())

    def done_count(self) -> int:
        return sum(f.done() for f in self._futures)

    def finished_points(self) -> dict[int, SweepPoint]:
        """The points trained so far, by their index in ``spec.values()`` (a window
        polls this; nothing here calls back into another thread)."""
        return {i: f.result() for i, f in enumerate(self._futures)
                if f.done() and not f.cancelled() and f.exception() is None
                and f.result() is not None}

    def failures(self) -> list[str]:
        """What went wrong in points that raised (a bug, not a divergence)."""
        return [f"{type(f.exception()).__name__}: {f.exception()}" for f in self._futures
                if f.done() and not f.cancelled() and f.exception() is not None]

    def cancel(self, wait: bool = True) -> None:
        """Stop: pending points never start, running ones stop at their next chunk,
        and the worker processes exit. ``wait=False`` returns at once and lets a
        helper thread wait for the processes (poll ``closed``); ``wait=True``
        returns only when they are gone."""
        self._cancel.set()
        for f in self._futures:
            f.cancel()
        if wait:
            self.close()
            if self._closer is not None:
                self._closer.join()
        elif self._closer is None:
            self._closer = threading.Thread(target=self.close, name="regviz-sweep-cancel",
                                            daemon=True)
            self._closer.start()

    @property
    def closed(self) -> bool:
        """True once no worker process is left (after ``close`` or ``cancel``)."""
        return self._executor is None and (self._closer is None
                                           or not self._closer.is_alive())

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def close(self) -> None:
        with self._executor_lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def result(self) -> SweepResult:
        points = []
        for f in self._futures:
            point = None if f.cancelled() else f.result()
            if point is not None:
                points.append(point)
        self.close()
        return SweepResult(self.spec, self.steps, points)


def run_sweep(base: Config, spec: SweepSpec, steps: int, workers: int | None = None,
              data: TrainTestData | None = None) -> SweepResult:
    sweep = Sweep(base, spec, steps, data=data, workers=workers)
    sweep.start()
    return sweep.result()
