"""One training run built from a ``Config``: data, network, trainer, and the log of
live changes. The GUI worker, the command line and the tests all drive this; it
imports nothing from Qt."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from . import checkpoints
from .config import FIELDS_BY_NAME, Config
from .core import MLP, Trainer, TrainingDiverged, datasets
from .core.trainer import TrainerState
from .translatable import QT_TRANSLATE_NOOP, Translator, english


@dataclass
class TrainTestData:
    """The points one experiment trains and tests on (row layout)."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray

    @property
    def n_classes(self) -> int:
        labels = np.concatenate([self.y_train, self.y_test])
        return max(2, int(labels.max()) + 1) if labels.size else 2

    def copy(self) -> TrainTestData:
        return TrainTestData(*(a.copy() for a in
                               (self.X_train, self.y_train, self.X_test, self.y_test)))


@dataclass(frozen=True)
class ChangeEvent:
    """A live hyperparameter change, marked on every history plot.

    ``provisional`` while a slider is still being dragged: the next value of the
    same drag replaces the event (one marker per drag, at the step where the final
    value took effect)."""

    step: int
    name: str
    value: Any
    provisional: bool = False

    @property
    def label(self) -> str:
        """The setting's short label and the new value, e.g. "L2 λ = 0.7"."""
        return self.text()

    def text(self, tr: Translator = english) -> str:
        """``label`` in the window's language (``tr`` translates config texts)."""
        field = FIELDS_BY_NAME.get(self.name)
        if field is None:
            return f"{self.name} = {self.value}"
        return f"{tr(field.marker_label)} = {field.format(self.value, tr)}"


@dataclass(frozen=True)
class ExperimentState:
    """A copy of a whole run at one step: settings, points, weights, history, step,
    the optimizer's and the random generator's state, the checkpoints the scrubber
    rewinds through and what a rerun from step 0 needs. ``Experiment.from_state``
    gives an experiment that continues exactly as the original would have (the
    window's undo keeps a few of these; see gui/actions/undo_actions.py)."""

    config: Config
    data: TrainTestData
    trainer: TrainerState
    events: tuple[ChangeEvent, ...]
    diverged: TrainingDiverged | None
    data_edited: bool
    checkpoints: checkpoints.CheckpointStore  # its checkpoints are never modified: shared
    start_config: Config
    rerun_caveat: str

    @property
    def step(self) -> int:
        return self.trainer.step_count

    @property
    def nbytes(self) -> int:
        d = self.data
        return self.trainer.nbytes + sum(a.nbytes for a in (d.X_train, d.y_train,
                                                             d.X_test, d.y_test))


# The generated datasets whose number of classes the ``classes`` setting chooses.
MULTICLASS_DATASETS = ("spiral", "gaussian")


def inapplicable_settings(config: Config, tr: Translator = english) -> dict[str, str]:
    """The settings that change nothing for ``config``'s points, each with one line
    saying why (the window disables their controls: a control that only wipes the
    run teaches the class nothing). ``tr``: the window's language."""
    why: dict[str, str] = {}
    if config.data_file:
        name = Path(config.data_file).name
        summary = _file_summary(config.data_file)
        count = (tr(QT_TRANSLATE_NOOP("Experiment", " ({count} points)")).format(
            count=summary[0]) if summary else "")
        for setting in ("dataset", "n_samples", "noise"):
            why[setting] = tr(QT_TRANSLATE_NOOP(
                "Experiment", "The points come from {file}{count}; clear Data file to use "
                "generated points.")).format(file=name, count=count)
        why["classes"] = tr(QT_TRANSLATE_NOOP(
            "Experiment", "The points come from {file}{count}: its labels decide the classes."
        )).format(file=name, count=count)
        if summary and summary[1]:
            for setting in ("test_fraction", "data_seed"):
                why[setting] = tr(QT_TRANSLATE_NOOP(
                    "Experiment", "{file} brings its own train/test split.")).format(file=name)
    elif config.dataset not in MULTICLASS_DATASETS:
        why["classes"] = tr(QT_TRANSLATE_NOOP(
            "Experiment", "The {dataset} dataset always has 2 classes; Classes applies to "
            "{datasets}.")).format(dataset=config.dataset,
                                   datasets=tr(QT_TRANSLATE_NOOP("Experiment", " and ")).join(
                                       MULTICLASS_DATASETS))
    return why


def _file_summary(path: str) -> tuple[int, bool] | None:
    """(number of points, whether the file has its own test points), or None if it
    cannot be read; cached while the file is unchanged."""
    try:
        stat = Path(path).stat()
    except OSError:
        return None
    return _read_summary(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _read_summary(path: str, mtime_ns: int, size: int) -> tuple[int, bool] | None:
    try:
        loaded = datasets.load(path)
    except (OSError, ValueError):
        return None
    has_test = loaded.X_test is not None and len(loaded.X_test) > 0
    return len(loaded.y_train) + (len(loaded.y_test) if has_test else 0), has_test


def make_data(config: Config) -> TrainTestData:
    """Generate (or load, when ``config.data_file`` is set) and split the points."""
    if config.data_file:
        loaded = datasets.load(config.data_file)
        if loaded.X_test is not None and len(loaded.X_test):
            return TrainTestData(loaded.X_train, loaded.y_train, loaded.X_test, loaded.y_test)
        X, y = loaded.X_train, loaded.y_train
    else:
        extra = {"classes": config.classes} if config.dataset in ("spiral", "gaussian") else {}
        X, y = datasets.make(config.dataset, n_samples=config.n_samples, noise=config.noise,
                             seed=config.data_seed, **extra)
    return TrainTestData(*datasets.split(X, y, config.test_fraction, config.data_seed))


class Experiment:
    """A network training on data under a config; ``apply`` steers it live."""

    def __init__(self, config: Config, data: TrainTestData | None = None):
        config.validate()
        self.config = config
        self.data = data if data is not None else make_data(config)
        # True once points were edited (``set_data``): the run's data is then no
        # longer what its config would make, and the window says so.
        self.data_edited = False
        self.events: list[ChangeEvent] = []
        self.diverged: TrainingDiverged | None = None
        self._build()

    def save_state(self) -> ExperimentState:
        """A copy of the run as it is now (see :class:`ExperimentState`)."""
        return ExperimentState(self.config, self.data.copy(), self.trainer.save_state(),
                               tuple(self.events), self.diverged, self.data_edited,
                               self.checkpoints.copy(), self.start_config,
                               self.rerun_caveat)

    @classmethod
    def from_state(cls, state: ExperimentState) -> Experiment:
        """A new experiment continuing exactly from ``state`` (which stays usable)."""
        experiment = cls(state.config, state.data.copy())
        experiment.trainer.load_state(state.trainer)
        experiment.events = list(state.events)
        experiment.diverged = state.diverged
        experiment.data_edited = state.data_edited
        experiment.checkpoints = state.checkpoints.copy()
        experiment.start_config = state.start_config
        experiment.rerun_caveat = state.rerun_caveat
        return experiment

    def _build(self) -> None:
        c, d = self.config, self.data
        self.net = MLP(c.layer_sizes(d.n_classes), activation=c.activation, init=c.init,
                       seed=c.seed)
        self.trainer = Trainer(
            self.net, d.X_train, d.y_train, d.X_test, d.y_test, c.regularization(),
            optimizer=c.optimizer, learning_rate=c.learning_rate, lr_decay=c.lr_decay,
            batch_size=c.batch_size or None, seed=c.seed,
        )
        self.events = []
        self.diverged = None
        # What a rerun from step 0 needs besides the events (an exported script).
        self.start_config = c
        self.rerun_caveat = ""  # why such a rerun would differ from this run, if it would
        # The run's past for the scrubber and for branching (bounded, log-spaced).
        self.checkpoints = checkpoints.store_for(self.trainer)
        self._take_checkpoint()

    @property
    def step_count(self) -> int:
        return self.trainer.step_count

    def step(self, n: int = 1) -> None:
        """Train ``n`` steps, taking checkpoints when due (between steps, on their
        schedule); on divergence remember it and re-raise."""
        n = int(n)
        if n < 0:
            raise ValueError(f"n={n} is out of range: allowed a whole number ≥ 0")
        try:
            while True:
                due = self.checkpoints.next_due(self.step_count)
                if self.step_count >= due:
                    self._take_checkpoint()
                    due = self.checkpoints.next_due(self.step_count)
                if n <= 0:
                    break
                chunk = min(n, due - self.step_count)
                self.trainer.step(chunk)
                n -= chunk
        except TrainingDiverged as exc:
            self.diverged = exc
            raise

    def _take_checkpoint(self) -> None:
        self.checkpoints.add(checkpoints.capture(self.trainer, self.config))

    def branch(self, step: int, config: Config | None = None) -> Experiment:
        """A new experiment that goes on from the checkpoint at ``step`` with
        ``config``'s live settings (default: the ones in force then): the same
        parameters, optimizer state, random numbers and batch order, so with the
        same settings it trains exactly as this run did. This run is untouched
        (keep it to undo); the new one has this run's history, events and
        checkpoints up to ``step`` only."""
        checkpoint = self.checkpoints.at(step)
        config = checkpoint.config if config is None else config
        if config.needs_reset(checkpoint.config):
            changed = config.changed_fields(checkpoint.config)
            raise ValueError(f"cannot continue from step {step} with other {changed[0]}: "
                             "only live settings can change (others restart training)")
        other = Experiment(checkpoint.config, self.data)
        other.trainer.history = self.trainer.history.copy()
        checkpoints.restore(other.trainer, checkpoint)
        other.events = [e for e in self.events if e.step < step or (
            e.step == step and getattr(checkpoint.config, e.name) == e.value)]
        other.checkpoints = self.checkpoints.copy()
        other.checkpoints.truncate(step)
        other.start_config = self.start_config
        other.rerun_caveat = self.rerun_caveat
        other.data_edited = self.data_edited
        other.apply(config)
        return other
    def finish(self) -> None:
        """End of a run (the command line's ``--steps N``): the history gets its
        point for the last step even between recording steps."""
        try:
            self.trainer.record_current()
        except TrainingDiverged as exc:
            self.diverged = exc
            raise

    def reset(self, data: TrainTestData | None = None) -> None:
        """Start again from the initial weights (new data if the config's data changed;
        edited points stay otherwise)."""
        if data is not None:
            self.data = data
            self.data_edited = False
        self._build()

    def start_fresh(self) -> None:
        """Step 0 on the points the config makes (edited points are dropped): what
        choosing a preset does, so the data is the data the preset names."""
        self.reset(make_data(self.config))

    def apply(self, config: Config, provisional: bool = False) -> bool:
        """Steer to ``config``. Live fields take effect at the next step and are
        logged as events; anything structural rebuilds. Returns True on a reset.

        ``provisional``: one value of a drag still going on; its event replaces the
        previous provisional event of the same setting, and the next final apply
        (the drag's release) makes it final where it stands."""
        config.validate()
        old = self.config
        if config.needs_reset(old):
            data_fields = {"dataset", "n_samples", "noise", "classes", "test_fraction",
                           "data_seed", "data_file"}
            new_data = make_data(config) if set(config.changed_fields(old)) & data_fields \
                else None
            self.config = config
            self.reset(new_data)
            return True
        changed = [name for name in config.changed_fields(old)
                   if FIELDS_BY_NAME[name].affects_training]
        self.config = config
        if changed:
            self.trainer.regularization = config.regularization()
            self.trainer.learning_rate = config.learning_rate
        for name in changed:
            self.events = [e for e in self.events if not (e.provisional and e.name == name)]
            self.events.append(ChangeEvent(self.step_count, name, getattr(config, name),
                                           provisional))
        if not provisional and any(e.provisional for e in self.events):
            self.events = [replace(e, provisional=False) for e in self.events]
        return False

    def set_data(self, data: TrainTestData) -> None:
        """Train on edited points from now on (the weights are kept)."""
        self.trainer.set_data(data.X_train, data.y_train, data.X_test, data.y_test)
        self.data = data
        self.data_edited = True
        self.rerun_caveat = (f"The points were edited at step {self.step_count:,}; a rerun "
                             "trains on the edited points from step 0.")

    def report(self) -> dict[str, Any]:
        """The JSON summary the command line's ``--report`` writes."""
        h = self.trainer.history
        net = self.net
        probs_train = net.predict_proba(self.data.X_train)
        train_acc = _accuracy(probs_train, self.data.y_train)
        test_acc = _accuracy(net.predict_proba(self.data.X_test), self.data.y_test)
        last = self.evaluate()
        return {
            "config": self.config.to_dict(),
            "preset": self.config.preset,
            "steps": self.step_count,
            "train": {
                "data_loss": last["train_data_loss"],
                "penalty": last["train_penalty"],
                "total": last["train_total"],
                "accuracy": train_acc,
            },
            "test": {"loss": last["test_loss"], "accuracy": test_acc},
            "gap": train_acc - test_acc,
            "weight_norms": [float(np.linalg.norm(w)) for w in net.weights],
            "zero_fraction": [float(np.mean(w == 0.0)) for w in net.weights],
            "diverged": self.diverged is not None,
            "diverged_message": str(self.diverged) if self.diverged else "",
            "events": [{"step": e.step, "name": e.name, "value": e.value} for e in self.events],
            "history_points": int(len(h.step)),
        }

    def evaluate(self) -> dict[str, float]:
        """Losses of the current weights in evaluation mode (no dropout): the train
        data loss and penalty on the whole training set, and the test data loss."""
        d = self.data
        reg = self.config.regularization().per_layer(self.net.n_layers)
        _, train_loss = self.net.evaluate(d.X_train, d.y_train)
        _, test_loss = self.net.evaluate(d.X_test, d.y_test)
        penalty = reg.penalty(self.net.weights, self.net.biases, len(d.y_train))
        return {"train_data_loss": train_loss, "train_penalty": penalty,
                "train_total": train_loss + penalty, "test_loss": test_loss}


def _accuracy(probs: np.ndarray, y: np.ndarray) -> float:
    pred = (probs >= 0.5).astype(int) if probs.ndim == 1 else probs.argmax(axis=1)
    return float(np.mean(pred == y)) if len(y) else float("nan")
