"""An experiment as a standalone numpy script a student can take home.

The script is ``script_template.py`` (a complete program, numpy only, never
imported by regviz) with its marked blocks replaced: the settings, the live
changes, the exact points, and a header saying what the run is and which
formula it minimises. Its numbers equal ``regviz --report`` to about 1e-9
(tests/test_export_script.py runs it in a subprocess against the engine).

Every config field must be known here, as data (baked into the points), as a
setting the script trains with, or as not affecting training: a new field that
changes training and that the script does not yet support makes ``script_text``
refuse, and the test that enumerates ``FIELDS`` fail, instead of letting the
script drift silently from the engine. Pure Python: no Qt.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .atomic_file import write_atomically
from .config import FIELDS, FIELDS_BY_NAME, Config
from .experiment import ChangeEvent, TrainTestData
from .formula import formula

TEMPLATE = Path(__file__).with_name("script_template.py")

# Fields that only choose the points: the script gets the points themselves.
DATA_FIELDS = ("dataset", "n_samples", "noise", "classes", "test_fraction", "data_seed",
               "data_file")
# Fields the script's SETTINGS hold and its training reads (a new training field
# goes here once script_template.py implements it, and into the test grid).
SCRIPT_FIELDS = ("hidden", "activation", "init", "seed", "optimizer", "learning_rate",
                 "lr_decay", "batch_size", "l2", "l1", "weight_decay", "regularize_biases",
                 "divide_by_2m", "regularized_layers", "keep_prob")
# Fields that do not change the numbers training produces (pace, looks): the config
# table says so (``affects_training=False``), and a test checks it on the engine.
NOT_TRAINING_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if not f.affects_training)

POINTS_PER_LINE = 3


def unsupported_fields() -> list[str]:
    """Config fields this exporter does not know how to carry into the script."""
    known = set(DATA_FIELDS) | set(SCRIPT_FIELDS) | set(NOT_TRAINING_FIELDS)
    return [f.name for f in FIELDS if f.name not in known]


def script_text(config: Config, data: TrainTestData, steps: int,
                changes: Iterable[ChangeEvent] = (), note: str = "") -> str:
    """The standalone script that trains ``config`` on ``data`` for ``steps`` steps,
    applying ``changes`` (live changes, as logged by the experiment) on the way.

    ``config`` is the configuration at step 0. ValueError if a field cannot be
    exported (see the module docstring)."""
    missing = unsupported_fields()
    if missing:
        raise ValueError(f"cannot export a script: the setting(s) {', '.join(missing)} "
                         "are not supported by the script exporter yet")
    if steps < 0:
        raise ValueError(f"steps={steps} is out of range: expected a whole number ≥ 0")
    changes = list(changes)
    for change in changes:
        if change.name not in SCRIPT_FIELDS:
            raise ValueError(f"cannot export a script: the live change of {change.name} "
                             f"at step {change.step} is not a training setting the "
                             "script supports")
    text = TEMPLATE.read_text(encoding="utf-8")
    text = _replace_line(text, "# regviz:header", _header(config, data, steps, changes, note))
    text = _replace_block(text, "settings", _settings_block(config, steps, changes))
    text = _replace_block(text, "data", _data_block(data))
    return text


def write_script(path: str | os.PathLike, config: Config, data: TrainTestData, steps: int,
                 changes: Iterable[ChangeEvent] = (), note: str = "") -> Path:
    """``script_text`` written atomically to ``path`` (an old file survives a failure)."""
    text = script_text(config, data, steps, changes, note)
    return write_atomically(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


# -- the blocks --------------------------------------------------------------------

def _header(config: Config, data: TrainTestData, steps: int,
            changes: Sequence[ChangeEvent], note: str) -> str:
    source = f"preset {config.preset!r}" if config.preset else "custom settings"
    if config.data_file:
        points = f"the points of {Path(config.data_file).name}"
    else:
        points = (f"dataset {config.dataset!r} ({config.n_samples} points, noise "
                  f"{config.noise:g}, data seed {config.data_seed})")
    lines = [
        f"Exported by regviz: {source}, {steps:,} steps on {points},",
        f"{len(data.y_train)} training and {len(data.y_test)} test points.",
        "",
        "What this run minimises (at step 0):",
        *("  " + line for line in formula(config).text.splitlines()),
    ]
    if config.l2 or config.l1:
        lines += [f"  ({'the course' if config.divide_by_2m else 'the book: no ÷2m'}; biases "
                  f"{'penalized too' if config.regularize_biases else 'not penalized'})"]
    if changes:
        lines += ["", "Changed while it trained (CHANGES below):",
                  *(f"  before step {c.step:,}: {c.label}" for c in changes)]
    if note:
        lines += ["", note]
    return "\n".join("# " + line if line else "#" for line in lines)


def _settings_block(config: Config, steps: int, changes: Sequence[ChangeEvent]) -> str:
    lines = ["# The experiment. regviz wrote these values; change them and re-run to explore.",
             "SETTINGS = {"]
    for name in SCRIPT_FIELDS:
        lines.append(f"    {name!r}: {_literal(getattr(config, name))},"
                     f"  # {FIELDS_BY_NAME[name].label}")
    lines.append("}")
    lines.append(f"STEPS = {int(steps)}")
    lines.append("# Settings changed while the run was live: (before step, setting, new value).")
    if changes:
        lines.append("CHANGES: list[tuple[int, str, object]] = [")
        lines += [f"    ({c.step}, {c.name!r}, {_literal(c.value)})," for c in changes]
        lines.append("]")
    else:
        lines.append("CHANGES: list[tuple[int, str, object]] = []")
    return "\n".join(lines)


def _data_block(data: TrainTestData) -> str:
    return "\n".join([
        "# The points (exactly regviz's, train and test); labels are 0..k-1.",
        f"X_TRAIN = {_points(data.X_train)}",
        f"Y_TRAIN = {_labels(data.y_train)}",
        f"X_TEST = {_points(data.X_test)}",
        f"Y_TEST = {_labels(data.y_test)}",
        f"N_CLASSES = {data.n_classes}",
    ])


def _points(X: np.ndarray) -> str:
    """An exact literal: repr of a float64 reads back as the same float."""
    if len(X) == 0:
        return "np.zeros((0, 2))"
    pairs = [f"[{float(a)!r}, {float(b)!r}]" for a, b in np.asarray(X, dtype=np.float64)]
    rows = [", ".join(pairs[i:i + POINTS_PER_LINE])
            for i in range(0, len(pairs), POINTS_PER_LINE)]
    return "np.array([\n    " + ",\n    ".join(rows) + ",\n])"


def _labels(y: np.ndarray) -> str:
    values = [str(int(v)) for v in y]
    rows = [", ".join(values[i:i + 30]) for i in range(0, len(values), 30)]
    return "np.array([\n    " + ",\n    ".join(rows) + ",\n], dtype=np.int64)" \
        if values else "np.zeros(0, dtype=np.int64)"


def _literal(value: Any) -> str:
    if isinstance(value, tuple | list):
        return repr([_plain(v) for v in value])
    return repr(_plain(value))


def _plain(value: Any) -> Any:
    if isinstance(value, bool | str):
        return value
    if isinstance(value, float | np.floating):
        return float(value)
    if isinstance(value, int | np.integer):
        return int(value)
    return value


# -- template surgery --------------------------------------------------------------

def _replace_block(text: str, name: str, body: str) -> str:
    begin, end = f"# regviz:{name}-begin\n", f"# regviz:{name}-end\n"
    start, stop = text.index(begin), text.index(end)
    return text[:start] + body + "\n" + text[stop + len(end):]


def _replace_line(text: str, prefix: str, body: str) -> str:
    start = text.index(prefix)
    stop = text.index("\n", start) + 1
    return text[:start] + body + "\n" + text[stop:]
