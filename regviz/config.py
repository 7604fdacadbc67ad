"""The one home of every hyperparameter.

``FIELDS`` is the table (like TensorFlow Playground's ``PROPS``) that presets, the
GUI controls, ``--set KEY=VALUE`` and saved sessions all read and write: a field's
name, type, range, label and one-sentence help live here and nowhere else.
``Config`` is a plain object holding one value per field. Pure Python: no Qt.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .resource_path import resource_dir
from .translatable import QT_TRANSLATE_NOOP, Translator, english

DATASETS = ("field", "circles", "xor", "gaussian", "moons", "spiral")
ACTIVATIONS = ("relu", "tanh", "sigmoid", "leaky_relu")
INITS = ("course", "nnfs", "he")
OPTIMIZERS = ("sgd", "momentum", "adam")


@dataclass(frozen=True)
class Field:
    """One hyperparameter: how to parse, check, label and explain it."""

    name: str
    kind: str  # "float", "int", "bool", "choice", "int_list", "path"
    default: Any
    label: str
    help: str
    group: str  # "playback", "regularization", "training", "network", "data"
    live: bool = False  # True: applies to the running training with no reset
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    log: bool = False  # shown on a log-scale slider (0 still allowed)
    exclusive_minimum: bool = False
    # The smallest non-zero value a log slider reaches (default: maximum / 10⁶).
    slider_minimum: float | None = None
    # Non-empty: 0 means "no limit", written (and typed) as this word, e.g. "max";
    # its slider position is past the maximum, not before the minimum.
    unlimited: str = ""
    # False for settings that only change what the class sees or how fast (the
    # speed, the step axis): the trained numbers do not depend on them, so a live
    # change is not marked on the plots.
    affects_training: bool = True
    # The name a change marker gives the setting ("L2 λ = 0.7"); default: label.
    short_label: str = ""

    @property
    def marker_label(self) -> str:
        return self.short_label or self.label

    def allowed(self, tr: Translator = english) -> str:
        """The allowed values, in words, for error messages (``tr``: the window's
        language; the command line's stays English)."""
        if self.kind == "choice":
            return tr(QT_TRANSLATE_NOOP("Field", "one of {values}")).format(
                values=", ".join(self.choices))
        if self.kind == "bool":
            return tr(QT_TRANSLATE_NOOP("Field", "true or false"))
        if self.kind == "path":
            return tr(QT_TRANSLATE_NOOP("Field", "a path to a .csv, .npz or .mat file, or empty"))
        lo = "(" if self.exclusive_minimum else "["
        rng = f"{lo}{_fmt(self.minimum)}, {_fmt(self.maximum)}]"
        if self.kind == "int_list":
            return tr(QT_TRANSLATE_NOOP(
                "Field", "a comma-separated list of 1 to {most} whole numbers in {range}")).format(
                most=MAX_HIDDEN_LAYERS, range=rng)
        unlimited = (tr(QT_TRANSLATE_NOOP("Field", " ({word} or 0: no limit)")).format(
            word=self.unlimited) if self.unlimited else "")
        if self.kind == "int":
            number = tr(QT_TRANSLATE_NOOP("Field", "a whole number in {range}"))
        else:
            number = tr(QT_TRANSLATE_NOOP("Field", "a number in {range}"))
        return number.format(range=rng) + unlimited

    def format(self, value: Any, tr: Translator = english) -> str:
        """``value`` as the window and the change markers write it."""
        if self.unlimited and value == 0:
            return self.unlimited
        if isinstance(value, bool):
            return tr(QT_TRANSLATE_NOOP("Field", "on")) if value else tr(
                QT_TRANSLATE_NOOP("Field", "off"))
        if isinstance(value, tuple):
            return ",".join(map(str, value)) if value else tr(QT_TRANSLATE_NOOP("Field", "all"))
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def parse(self, value: Any) -> Any:
        """Convert ``value`` (a string from the command line, or JSON) and check it.

        Raises ValueError naming the field and the allowed range."""
        try:
            parsed = self._convert(value)
        except (TypeError, ValueError):
            raise ValueError(
                f"{self.name}={value!r} is not valid: expected {self.allowed()}"
            ) from None
        self._check(parsed, value)
        return parsed

    def _convert(self, value: Any) -> Any:
        if self.kind == "float":
            if isinstance(value, bool):
                raise TypeError
            if self.unlimited and str(value).strip().lower() == self.unlimited:
                return 0.0
            return float(value) + 0.0  # -0 is 0: never "l2 = -0.0" in a report
        if self.kind == "int":
            if isinstance(value, bool):
                raise TypeError
            as_float = float(value)
            if not as_float.is_integer():
                raise ValueError
            return int(as_float)
        if self.kind == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError
        if self.kind == "choice":
            text = str(value).strip().lower()
            if text not in self.choices:
                raise ValueError
            return text
        if self.kind == "int_list":
            if isinstance(value, str):
                parts = [p for p in value.replace(" ", ",").split(",") if p]
            else:
                parts = list(value)
            out = []
            for p in parts:
                f = float(p)
                if not f.is_integer():
                    raise ValueError
                out.append(int(f))
            return tuple(out)
        if self.kind == "path":
            return "" if value is None else str(value)
        raise AssertionError(self.kind)

    def _check(self, parsed: Any, raw: Any) -> None:
        bad = ValueError(f"{self.name}={raw!r} is out of range: expected {self.allowed()}")
        values = parsed if self.kind == "int_list" else (parsed,)
        if self.kind == "int_list" and not (self.name == "regularized_layers" or values):
            raise bad
        if self.kind == "int_list" and len(values) > MAX_HIDDEN_LAYERS:
            raise bad
        if self.kind in ("float", "int", "int_list"):
            for v in values:
                if isinstance(v, float) and not math.isfinite(v):
                    raise bad
                if self.minimum is not None:
                    if v < self.minimum or (self.exclusive_minimum and v == self.minimum):
                        raise bad
                if self.maximum is not None and v > self.maximum:
                    raise bad


def _fmt(x: float | None) -> str:
    if x is None:
        return "∞"
    return f"{x:g}"


MAX_HIDDEN_LAYERS = 6

FIELDS: tuple[Field, ...] = (
    # -- data --------------------------------------------------------------
    Field("dataset", "choice", "field", QT_TRANSLATE_NOOP("Field", "Dataset"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Which 2-D problem the network learns, and so how low the data loss can go; "
              "changing it restarts training."),
          "data", choices=DATASETS),
    Field("n_samples", "int", 400, QT_TRANSLATE_NOOP("Field", "Points"),
          QT_TRANSLATE_NOOP(
              "Field",
              "How many points in total (train and test); with fewer, the train loss falls easily"
              " while the test loss rises (overfitting)."),
          "data", minimum=20, maximum=5000),
    Field("noise", "float", 0.2, QT_TRANSLATE_NOOP("Field", "Noise"),
          QT_TRANSLATE_NOOP(
              "Field",
              "How much the points are jittered or mislabelled; more noise raises the lowest loss"
              " a sensible boundary can reach, and memorising it lowers only the train loss."),
          "data", minimum=0.0, maximum=1.0),
    Field("classes", "int", 3, QT_TRANSLATE_NOOP("Field", "Classes"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Number of classes for the spiral and gaussian datasets (others have 2); more "
              "classes make the starting loss (about ln k) higher."),
          "data", minimum=2, maximum=6),
    Field("test_fraction", "float", 0.5, QT_TRANSLATE_NOOP("Field", "Test share"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Share of the points held out as test data; the test loss is measured on them and "
              "never trained on."), "data", minimum=0.05, maximum=0.95),
    Field("data_seed", "int", 0, QT_TRANSLATE_NOOP("Field", "Data seed"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Seed of the random numbers that draw the points and the train/test split; another "
              "draw gives a slightly different loss curve."),
          "data", minimum=0, maximum=2**31 - 1),
    Field("data_file", "path", "", QT_TRANSLATE_NOOP("Field", "Data file"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Train on your own points from a CSV (x1, x2, label), NPZ or the course's data.mat "
              "instead of a generated dataset: the losses are then measured on them."), "data"),
    # -- network -----------------------------------------------------------
    Field("hidden", "int_list", (20, 3), QT_TRANSLATE_NOOP("Field", "Hidden layers"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Units per hidden layer, e.g. 20,3; more units can push the train loss lower by "
              "fitting (and overfitting) more complicated boundaries."),
          "network", minimum=1, maximum=256),
    Field("activation", "choice", "relu", QT_TRANSLATE_NOOP("Field", "Activation"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Non-linearity of the hidden units; it shapes the boundaries the network can draw "
              "and how fast the loss falls."), "network", choices=ACTIVATIONS),
    Field("init", "choice", "course", QT_TRANSLATE_NOOP("Field", "Init"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Initial weights (course = randn/√n_in, nnfs = 0.01·randn, he = randn·√(2/n_in)); "
              "they set the starting loss and how fast it falls at first."),
          "network", choices=INITS),
    Field("seed", "int", 1, QT_TRANSLATE_NOOP("Field", "Seed"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Seed of the initial weights, the dropout masks and the mini-batch order: the same "
              "seed gives the same loss curve, step for step."),
          "network", minimum=0, maximum=2**31 - 1),
    # -- training ----------------------------------------------------------
    Field("optimizer", "choice", "sgd", QT_TRANSLATE_NOOP("Field", "Optimizer"),
          QT_TRANSLATE_NOOP(
              "Field",
              "How the gradient of the total loss (data loss + penalty) updates the weights."),
          "training", choices=OPTIMIZERS),
    Field("learning_rate", "float", 0.3, QT_TRANSLATE_NOOP("Field", "Learning rate"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Step size of each update; too large and the loss diverges. Applies at the next "
              "step."),
          "training", live=True, minimum=0.0, maximum=100.0, log=True, exclusive_minimum=True,
          short_label=QT_TRANSLATE_NOOP("Field", "learning rate")),
    Field("lr_decay", "float", 0.0, QT_TRANSLATE_NOOP("Field", "LR decay"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Learning rate decays as lr/(1 + decay·step) (the book's schedule): the loss falls "
              "more smoothly but more slowly later on."),
          "training", minimum=0.0, maximum=1.0),
    Field("batch_size", "int", 0, QT_TRANSLATE_NOOP("Field", "Batch size"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Samples per step; 0 means full batch (every training point every step). Small "
              "batches make the loss curve noisy."),
          "training", minimum=0, maximum=100000),
    # -- playback: how the class watches, never what is trained ----------------
    Field("speed", "float", 0.0, QT_TRANSLATE_NOOP("Field", "Speed"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Training steps per second in the window; max trains as fast as the machine allows."
              " Slow it down to narrate each step: the loss curves are the same at any speed. "
              "Applies at once."),
          "playback", live=True, minimum=0.0, maximum=100_000.0, log=True,
          slider_minimum=1.0, unlimited="max", affects_training=False),
    Field("log_steps", "bool", False, QT_TRANSLATE_NOOP("Field", "Log step axis"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Show the steps of every plot on a log axis, so the first hundred steps and the "
              "last hundred thousand are both legible; the losses are the same."),
          "playback", live=True, affects_training=False),
    # -- regularization -----------------------------------------------------
    Field("l2", "float", 0.0, QT_TRANSLATE_NOOP("Field", "L2 λ"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Adds λ·Σw² (÷2m in the course's form) to the loss, pulling every weight toward 0 "
              "in proportion to its size. Applies at the next step."),
          "regularization", live=True, minimum=0.0, maximum=100.0, log=True),
    Field("l1", "float", 0.0, QT_TRANSLATE_NOOP("Field", "L1 λ"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Adds λ·Σ|w| to the loss, pushing weights toward 0 by a constant amount so many "
              "become exactly 0. Applies at the next step."),
          "regularization", live=True, minimum=0.0, maximum=100.0, log=True),
    Field("weight_decay", "float", 0.0, QT_TRANSLATE_NOOP("Field", "Weight decay"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Decoupled weight decay (AdamW): each step also takes lr·wd of every weight's value"
              " away, outside the optimizer and not part of the loss (the penalty curve leaves it"
              " out). Under SGD it equals L2 with λ = wd/2 (÷2m off); under Adam it does not. It "
              "covers what the penalty covers (Penalized layers, and biases only with Regularize "
              "biases), so the two differ only in how they act. Applies at the next step."),
          "regularization", live=True, minimum=0.0, maximum=100.0, log=True),
    Field("regularize_biases", "bool", False, QT_TRANSLATE_NOOP("Field", "Regularize biases"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Also add the L1/L2 penalty on the biases to the loss (the book does; the course "
              "does not)."),
          "regularization", live=True, short_label=QT_TRANSLATE_NOOP("Field", "bias penalty")),
    Field("divide_by_2m", "bool", True, QT_TRANSLATE_NOOP("Field", "÷2m (course form)"),
          QT_TRANSLATE_NOOP(
              "Field",
              "On: the penalty added to the loss is λ/(2m)·Σw², m the training points, as in the "
              "course. Off: λ·Σw² as in the book, so the same λ is much stronger."),
          "regularization", live=True, short_label=QT_TRANSLATE_NOOP("Field", "÷2m")),
    Field("regularized_layers", "int_list", (), QT_TRANSLATE_NOOP("Field", "Penalized layers"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Which weight layers (1 = first) the penalty in the loss covers; empty means all."),
          "regularization", live=True, minimum=1, maximum=MAX_HIDDEN_LAYERS + 1,
          short_label=QT_TRANSLATE_NOOP("Field", "penalized layers")),
    Field("keep_prob", "float", 1.0, QT_TRANSLATE_NOOP("Field", "keep_prob"),
          QT_TRANSLATE_NOOP(
              "Field",
              "Probability that a hidden unit is kept in a training step (inverted dropout); "
              "lower values make the train loss noisier and higher, often lowering the test loss."
              " 1 means no dropout. Applies at the next step."),
          "regularization", live=True, minimum=0.05, maximum=1.0),
)

FIELDS_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
LIVE_FIELDS = frozenset(f.name for f in FIELDS if f.live)


def _config_defaults() -> dict[str, Any]:
    return {f.name: f.default for f in FIELDS}


@dataclass
class Config:
    """Every hyperparameter of one experiment; see ``FIELDS`` for meanings and ranges.

    Use :meth:`replace` / :meth:`with_values` to get a checked copy; assigning an
    attribute directly skips validation (call :meth:`validate` after)."""

    dataset: str = "field"
    n_samples: int = 400
    noise: float = 0.2
    classes: int = 3
    test_fraction: float = 0.5
    data_seed: int = 0
    data_file: str = ""
    hidden: tuple[int, ...] = (20, 3)
    activation: str = "relu"
    init: str = "course"
    seed: int = 1
    optimizer: str = "sgd"
    learning_rate: float = 0.3
    lr_decay: float = 0.0
    batch_size: int = 0
    speed: float = 0.0
    log_steps: bool = False
    l2: float = 0.0
    l1: float = 0.0
    weight_decay: float = 0.0
    regularize_biases: bool = False
    divide_by_2m: bool = True
    regularized_layers: tuple[int, ...] = ()
    keep_prob: float = 1.0
    # Not a hyperparameter: the preset this config came from, shown in the title.
    preset: str = field(default="", compare=False)

    # -- construction ------------------------------------------------------
    def with_values(self, **values: Any) -> Config:
        """A copy with ``values`` parsed and checked through ``FIELDS``."""
        data = {f.name: getattr(self, f.name) for f in FIELDS}
        for name, raw in values.items():
            if name not in FIELDS_BY_NAME:
                raise ValueError(
                    f"unknown setting {name!r}; known settings: {', '.join(FIELDS_BY_NAME)}"
                )
            data[name] = FIELDS_BY_NAME[name].parse(raw)
        new = Config(**data, preset=self.preset)
        new.validate()
        return new

    def with_assignments(self, assignments: list[str]) -> Config:
        """Apply ``KEY=VALUE`` strings (the command line's ``--set``)."""
        values: dict[str, str] = {}
        for item in assignments:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise ValueError(f"--set {item!r} is not KEY=VALUE (e.g. --set l2=0.7)")
            values[key.strip()] = value.strip()
        return self.with_values(**values)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        """A checked config from a JSON-like dict (preset or session); missing keys
        take their defaults."""
        if not isinstance(data, dict):
            raise ValueError("a config must be a JSON object of settings")
        preset = str(data.get("preset", ""))
        values = {k: v for k, v in data.items() if k != "preset"}
        cfg = Config(preset=preset).with_values(**values)
        return cfg

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready values of every field (tuples become lists)."""
        out = {}
        for f in FIELDS:
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    def to_json(self) -> str:
        return json.dumps({**self.to_dict(), "preset": self.preset}, indent=2)

    def validate(self) -> None:
        """Check every field and the cross-field rules; ValueError names the problem."""
        for f in FIELDS:
            f.parse(getattr(self, f.name))
        n_layers = len(self.hidden) + 1
        bad = [i for i in self.regularized_layers if i > n_layers]
        if bad:
            raise ValueError(
                f"regularized_layers={list(self.regularized_layers)} names layer {bad[0]}, "
                f"but the network has {n_layers} weight layers (allowed: 1 to {n_layers})"
            )

    # -- what changed -------------------------------------------------------
    def changed_fields(self, other: Config) -> list[str]:
        return [f.name for f in FIELDS if getattr(self, f.name) != getattr(other, f.name)]

    def needs_reset(self, other: Config) -> bool:
        """True if going from ``other`` to ``self`` changes anything structural."""
        return any(name not in LIVE_FIELDS for name in self.changed_fields(other))

    # -- derived ------------------------------------------------------------
    @property
    def n_classes(self) -> int:
        return self.classes if self.dataset in ("spiral", "gaussian") else 2

    def layer_sizes(self, n_classes: int | None = None) -> list[int]:
        k = self.n_classes if n_classes is None else n_classes
        return [2, *self.hidden, 1 if k == 2 else k]

    def regularization(self):
        """The core ``Regularization`` this config describes."""
        from .core import Regularization

        n_layers = len(self.hidden) + 1
        chosen = set(self.regularized_layers) or set(range(1, n_layers + 1))

        def per_layer(value: float) -> list[float]:
            return [value if (i + 1) in chosen else 0.0 for i in range(n_layers)]

        bias = self.regularize_biases
        return Regularization(
            l2=per_layer(self.l2),
            l1=per_layer(self.l1),
            l2_bias=per_layer(self.l2 if bias else 0.0),
            l1_bias=per_layer(self.l1 if bias else 0.0),
            keep_prob=self.keep_prob,
            divide_by_2m=self.divide_by_2m,
            weight_decay=per_layer(self.weight_decay),
            weight_decay_bias=per_layer(self.weight_decay if bias else 0.0),
        )


assert [f.name for f in FIELDS] == [
    f.name for f in dataclasses.fields(Config) if f.name != "preset"
], "FIELDS and Config must list the same settings in the same order"
assert Config().to_dict() == {k: (list(v) if isinstance(v, tuple) else v)
                              for k, v in _config_defaults().items()}


# -- presets -----------------------------------------------------------------

def preset_dir() -> Path:
    return resource_dir() / "presets"


def preset_names() -> list[str]:
    """Preset names in menu order (the ``order`` key of each file, then name).

    A broken preset file is left out, so one bad file cannot stop the window or
    ``--list-presets``; asking for it by name gives the error that says what is wrong."""
    entries = []
    for path in preset_dir().glob("*.json"):
        try:
            order = _read_preset(path.stem).get("order", 99)
            load_preset(path.stem)
        except ValueError:
            continue
        if isinstance(order, bool) or not isinstance(order, int | float) \
                or not math.isfinite(order):
            order = 99
        entries.append((order, path.stem))
    return [name for _, name in sorted(entries)]


def preset_description(name: str) -> str:
    return str(_read_preset(name).get("description", ""))


def load_preset(name: str) -> Config:
    """The config of preset ``name``; ValueError lists the known presets, or names
    the file and what is wrong with it."""
    data = _read_preset(name)
    settings = data.get("settings", {})
    try:
        cfg = Config.from_dict(settings)
    except ValueError as exc:
        path = preset_dir() / f"{name}.json"
        raise ValueError(f"preset {name!r} is broken ({path}): {exc}") from None
    cfg.preset = name
    return cfg


def _read_preset(name: str) -> dict[str, Any]:
    path = preset_dir() / f"{name}.json"
    if not path.is_file():
        raise ValueError(
            f"unknown preset {name!r}; known presets: {', '.join(preset_names())}"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"preset file {path} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"preset file {path} must hold a JSON object")
    return data
