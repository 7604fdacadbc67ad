"""Side-by-side runs: N configurations trained on the same data from the same initial
weights, so the only difference between them is the regularizer.

The default is the course's three experiments on one network: no regularization,
L2 with λ=0.7 and dropout with keep_prob=0.86; ``COMPARISONS`` names the ready-made
sets of runs (also Adam + L2 against AdamW). The runs may differ only in the
regularization settings (``RUN_FIELDS``); everything that shapes the data or the
network comes from one base config, and the initial weights of the first run are
copied into the others, so "same start" is a fact, not a hope. Pure numpy: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .config import Config, load_preset
from .core import TrainingDiverged
from .experiment import Experiment, TrainTestData, make_data
from .translatable import QT_TRANSLATE_NOOP, Translator, english

RUN_FIELDS = ("l2", "l1", "weight_decay", "keep_prob")  # what may differ between the runs
MIN_RUNS, MAX_RUNS = 2, 4
# The course's three experiments, then a fourth for the curious: L1.
DEFAULT_RUNS: tuple[dict[str, float], ...] = (
    {"l2": 0.0, "l1": 0.0, "weight_decay": 0.0, "keep_prob": 1.0},
    {"l2": 0.7, "l1": 0.0, "weight_decay": 0.0, "keep_prob": 1.0},
    {"l2": 0.0, "l1": 0.0, "weight_decay": 0.0, "keep_prob": 0.86},
    {"l2": 0.0, "l1": 0.5, "weight_decay": 0.0, "keep_prob": 1.0},
)


@dataclass(frozen=True)
class ComparisonPreset:
    """A ready-made comparison: the runs' regularization settings on a base config
    (``base_preset``'s, or None for the window's current one)."""

    name: str
    title: str
    description: str
    runs: tuple[dict[str, Any], ...]
    base_preset: str | None = None

    def configs(self, current: Config) -> list[Config]:
        base = load_preset(self.base_preset) if self.base_preset else current
        off = {name: 0.0 for name in RUN_FIELDS if name != "keep_prob"}
        return [base.with_values(**{**off, "keep_prob": 1.0, **run}) for run in self.runs]


# PyTorch's Adam(weight_decay=0.01) adds 0.01·θ to the gradient: L2 with λ = 0.005
# (book scale); AdamW(weight_decay=0.01) is the decoupled decay. Same data, same
# initial weights, the same number: what differs is only where the decay acts.
ADAM_L2_VS_ADAMW = ComparisonPreset(
    "adam_l2_vs_adamw", QT_TRANSLATE_NOOP("Compare", "Adam + L2 vs AdamW"),
    QT_TRANSLATE_NOOP(
        "Compare", "Adam with L2 λ = 0.005 (PyTorch's Adam(weight_decay=0.01)) against AdamW "
        "with weight decay 0.01: under plain SGD the same run; under Adam, L2's pull on each "
        "weight is divided by that weight's recent gradient size, while AdamW takes the same "
        "share lr·wd from every weight."),
    ({"l2": 0.005}, {"weight_decay": 0.01}), base_preset="adamw")
COURSE_RUNS = ComparisonPreset(
    "course", QT_TRANSLATE_NOOP("Compare", "None vs L2 vs dropout (the course)"),
    QT_TRANSLATE_NOOP("Compare", "The course's three experiments on the current data and "
                      "network: no regularization, L2 λ = 0.7 and dropout keep_prob = 0.86."),
    DEFAULT_RUNS[:3])
COMPARISONS = {preset.name: preset for preset in (COURSE_RUNS, ADAM_L2_VS_ADAMW)}


def run_label(config: Config, tr: Translator = english) -> str:
    """A short name for a run's regularization, e.g. "L2 λ=0.7 + dropout 0.86";
    Adam runs name it ("Adam + L2 λ=0.005", "AdamW wd=0.01"). ``tr``: the window's
    language."""
    parts = []
    if config.l2 > 0:
        parts.append(f"L2 λ={config.l2:g}")
    if config.l1 > 0:
        parts.append(f"L1 λ={config.l1:g}")
    if config.weight_decay > 0 and config.optimizer != "adam":
        parts.append(tr(QT_TRANSLATE_NOOP("Compare", "weight decay {wd:g}")).format(
            wd=config.weight_decay))
    if config.keep_prob < 1:
        parts.append(tr(QT_TRANSLATE_NOOP("Compare", "dropout {kp:g}")).format(
            kp=config.keep_prob))
    if config.optimizer == "adam":
        name = f"AdamW wd={config.weight_decay:g}" if config.weight_decay > 0 else "Adam"
        return " + ".join([name, *parts])
    return " + ".join(parts) if parts else tr(QT_TRANSLATE_NOOP("Compare", "none"))


def shows_shrink(configs: list[Config]) -> bool:
    """Whether the runs shrink their weights in ways worth showing side by side:
    weight decay, or L2 through an optimizer other than plain SGD (under SGD, L2
    takes one share of every weight, as weight decay does)."""
    return any(c.weight_decay > 0 or (c.l2 > 0 and c.optimizer != "sgd") for c in configs)


def default_configs(base: Config, n: int = 3) -> list[Config]:
    """The first ``n`` default runs on ``base``'s data and network."""
    check_run_count(n)
    return [base.with_values(**values) for values in DEFAULT_RUNS[:n]]


def check_run_count(n: int) -> None:
    if not MIN_RUNS <= n <= MAX_RUNS:
        raise ValueError(f"a comparison has {n} runs: allowed {MIN_RUNS} to {MAX_RUNS}")


@dataclass(frozen=True)
class RunSummary:
    label: str
    step: int
    train_accuracy: float
    test_accuracy: float
    diverged: bool

    @property
    def gap(self) -> float:
        return self.train_accuracy - self.test_accuracy


class Comparison:
    """``Comparison([config_a, config_b, ...])``: one ``Experiment`` per config, all
    on the same data and starting from the same weights.

    ``step(n)`` trains every run ``n`` steps in turn; a run that diverges stops
    (its ``experiment.diverged`` says why) while the others go on."""

    def __init__(self, configs: list[Config], data: TrainTestData | None = None):
        check_run_count(len(configs))
        base = configs[0]
        for i, config in enumerate(configs[1:], start=2):
            differ = [n for n in config.changed_fields(base) if n not in RUN_FIELDS]
            if differ:
                raise ValueError(
                    f"run {i} differs from run 1 in {', '.join(differ)}: runs may differ "
                    f"only in {', '.join(RUN_FIELDS)}")
        self.data = data if data is not None else make_data(base)
        self.experiments = [Experiment(c, self.data) for c in configs]
        self._share_initial_weights()

    def _share_initial_weights(self) -> None:
        first = self.experiments[0].net
        for experiment in self.experiments[1:]:
            # In place: the trainer and its workspace hold views of this buffer.
            experiment.net.params[...] = first.params

    @property
    def configs(self) -> list[Config]:
        return [e.config for e in self.experiments]

    @property
    def step_count(self) -> int:
        """Steps of the runs still training (they move in lock step)."""
        healthy = [e.step_count for e in self.experiments if e.diverged is None]
        return max(healthy) if healthy else max(e.step_count for e in self.experiments)

    @property
    def diverged(self) -> TrainingDiverged | None:
        """Set only when every run has diverged: there is nothing left to train."""
        if all(e.diverged is not None for e in self.experiments):
            return self.experiments[0].diverged
        return None

    def step(self, n: int = 1) -> None:
        """Train every healthy run ``n`` steps; raises TrainingDiverged only once
        every run has diverged."""
        for experiment in self.experiments:
            if experiment.diverged is None:
                try:
                    experiment.step(n)
                except TrainingDiverged:
                    pass  # remembered in experiment.diverged; the others go on
        if self.diverged is not None:
            raise self.diverged

    def reset(self) -> None:
        """Every run back to step 0 and the shared initial weights."""
        for experiment in self.experiments:
            experiment.reset()
        self._share_initial_weights()

    def apply(self, index: int, config: Config) -> None:
        """Change run ``index``'s regularization live (from its next step)."""
        differ = [n for n in config.changed_fields(self.experiments[index].config)
                  if n not in RUN_FIELDS]
        if differ:
            raise ValueError(f"only {', '.join(RUN_FIELDS)} can change in a comparison, "
                             f"not {', '.join(differ)}")
        self.experiments[index].apply(config)

    def summaries(self) -> list[RunSummary]:
        out = []
        d = self.data
        for e in self.experiments:
            out.append(RunSummary(
                label=run_label(e.config), step=e.step_count,
                train_accuracy=float(np.mean(e.net.predict(d.X_train) == d.y_train)),
                test_accuracy=float(np.mean(e.net.predict(d.X_test) == d.y_test)),
                diverged=e.diverged is not None))
        return out
