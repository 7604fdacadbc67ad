"""Saved sessions: one ``.regviz`` file (a NumPy ``.npz`` archive, no pickles)
holding the config, the exact points, and optionally the weights and history,
so loading it reproduces the same picture. Pure Python + numpy: no Qt.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .atomic_file import write_atomically
from .config import Config
from .experiment import Experiment, TrainTestData

FORMAT_VERSION = 1
SUFFIX = ".regviz"
_DATA_KEYS = ("X_train", "y_train", "X_test", "y_test")


@dataclass
class Session:
    config: Config
    data: TrainTestData
    step: int = 0
    weights: list[np.ndarray] | None = None
    biases: list[np.ndarray] | None = None
    history: dict[str, np.ndarray] | None = None

    @classmethod
    def from_experiment(cls, experiment: Experiment, include_weights: bool = True) -> Session:
        if not include_weights:
            return cls(experiment.config, experiment.data.copy())
        return cls(
            experiment.config, experiment.data.copy(), experiment.step_count,
            [w.copy() for w in experiment.net.weights], [b.copy() for b in experiment.net.biases],
            experiment.trainer.history.as_dict(),
        )

    def to_experiment(self) -> Experiment:
        """A fresh experiment on the saved points, with the saved weights if any."""
        experiment = Experiment(self.config, self.data.copy())
        if self.weights is not None:
            net = experiment.net
            if [w.shape for w in self.weights] != [w.shape for w in net.weights] or \
                    [b.shape for b in self.biases] != [b.shape for b in net.biases]:
                raise ValueError("the saved weights do not fit the saved network sizes")
            for live, saved in zip(net.weights + net.biases, self.weights + self.biases,
                                   strict=True):
                live[...] = saved
            if self.history is not None:
                experiment.trainer.restore(self.step, self.history)
            experiment.rerun_caveat = (
                f"Continued from a saved session at step {self.step:,}: a rerun starts "
                "from step 0 with the saved settings (changes made before saving are lost).")
        return experiment


def save(session: Session, path: str | os.PathLike) -> Path:
    """Write ``session`` to ``path`` atomically: on any error the previous file is
    untouched and no partial file is left behind."""
    path = Path(path)
    arrays: dict[str, np.ndarray] = {
        "format_version": np.array(FORMAT_VERSION),
        "config_json": np.array(session.config.to_json()),
        "step": np.array(session.step),
    }
    for key in _DATA_KEYS:
        arrays[key] = getattr(session.data, key)
    if session.weights is not None:
        for i, (w, b) in enumerate(zip(session.weights, session.biases, strict=True)):
            arrays[f"weight_{i}"], arrays[f"bias_{i}"] = w, b
    for name, values in (session.history or {}).items():
        arrays[f"history_{name}"] = values
    def write(tmp: str) -> None:
        # Through a file object: given a name, numpy would append ".npz" to it.
        with open(tmp, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    write_atomically(path, write)
    return path


def load(path: str | os.PathLike) -> Session:
    """Read a session; ValueError names the file and what is wrong with it."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such session file")
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {key: archive[key] for key in archive.files}
    except Exception as exc:  # zip, zlib and format errors of a damaged file, of many types
        raise ValueError(f"{path} is not a regviz session (unreadable archive: {exc})") from None
    try:
        loaded = _session_from_arrays(arrays)
        loaded.to_experiment()  # the points, labels, weights and history fit together
        return loaded
    except (KeyError, ValueError, TypeError, ArithmeticError) as exc:
        detail = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ValueError(f"{path} is not a valid regviz session: {detail}") from None


def _session_from_arrays(arrays: dict[str, np.ndarray]) -> Session:
    version = int(arrays["format_version"])
    if version > FORMAT_VERSION:
        raise ValueError(f"format version {version} is newer than this regviz ({FORMAT_VERSION})")
    config = Config.from_dict(json.loads(str(arrays["config_json"])))
    data = TrainTestData(*(np.asarray(arrays[k]) for k in _DATA_KEYS))
    for name in ("X_train", "X_test"):
        a = getattr(data, name)
        if a.ndim != 2 or a.shape[1] != 2 or not np.all(np.isfinite(a)):
            raise ValueError(f"{name} must be a finite (n, 2) array")
    if len(data.X_train) != len(data.y_train) or len(data.X_test) != len(data.y_test):
        raise ValueError("points and labels differ in number")
    for name in ("y_train", "y_test"):
        _check_numbers(name, getattr(data, name), ndim=(1,))
        if np.any(getattr(data, name) < 0) or np.any(getattr(data, name) % 1):
            raise ValueError(f"{name} must hold whole-number labels ≥ 0")
    step = _check_numbers("step", arrays["step"], ndim=(0,))
    if not 0 <= step <= 2**53 or step % 1:
        raise ValueError(f"step must be a whole number in [0, 2⁵³], found {step}")
    n_layers = sum(1 for k in arrays if k.startswith("weight_"))
    weights = biases = None
    if n_layers:
        weights = [_check_numbers(f"weight_{i}", arrays[f"weight_{i}"], (2,))
                   for i in range(n_layers)]
        biases = [_check_numbers(f"bias_{i}", arrays[f"bias_{i}"], (1,))
                  for i in range(n_layers)]
    history = {k.removeprefix("history_"): _check_numbers(k, v, (1, 2))
               for k, v in arrays.items() if k.startswith("history_")} or None
    return Session(config, data, int(step), weights, biases, history)


def _check_numbers(name: str, values: np.ndarray, ndim: tuple[int, ...]) -> np.ndarray:
    """``values`` if it is a finite real array of one of the dimensions ``ndim``."""
    if not (np.issubdtype(values.dtype, np.integer) or np.issubdtype(values.dtype, np.floating)
            or values.dtype == bool):
        raise ValueError(f"{name} must hold numbers, not {values.dtype}")
    if values.ndim not in ndim:
        raise ValueError(f"{name} has shape {values.shape}; expected {ndim[0]} dimension(s)")
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{name} holds NaN or infinite values")
    return values
