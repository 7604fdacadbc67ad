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

from . import checkpoints
from .atomic_file import write_atomically
from .checkpoints import Checkpoint
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
    checkpoints: list[Checkpoint] | None = None  # the scrubber's past (with the weights)

    @classmethod
    def from_experiment(cls, experiment: Experiment, include_weights: bool = True) -> Session:
        if not include_weights:
            return cls(experiment.config, experiment.data.copy())
        return cls(
            experiment.config, experiment.data.copy(), experiment.step_count,
            [w.copy() for w in experiment.net.weights], [b.copy() for b in experiment.net.biases],
            experiment.trainer.history.as_dict(), list(experiment.checkpoints.checkpoints),
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
            if self.checkpoints:
                _restore_checkpoints(experiment, self.checkpoints)
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
    if session.weights is not None and session.checkpoints:
        arrays.update(_checkpoint_arrays(session.checkpoints))
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
    checkpoints = _checkpoints_from_arrays(arrays) if weights is not None else None
    return Session(config, data, int(step), weights, biases, history, checkpoints)


# -- checkpoints: one array per kind of content, one row per checkpoint ---------------

def _checkpoint_arrays(checkpoints: list[Checkpoint]) -> dict[str, np.ndarray]:
    first = checkpoints[0]
    arrays = {
        "checkpoint_step": np.array([c.step for c in checkpoints], dtype=np.int64),
        "checkpoint_params": np.stack([c.params for c in checkpoints]),
        "checkpoint_optimizer_t": np.array([c.optimizer_t for c in checkpoints]),
        "checkpoint_rng_json": np.array([json.dumps(c.rng_state) for c in checkpoints]),
        "checkpoint_config_json": np.array([c.config.to_json() for c in checkpoints]),
        "checkpoint_batch_cursor": np.array([c.batch_cursor for c in checkpoints]),
    }
    for name in first.optimizer_state:
        arrays[f"checkpoint_optimizer_{name}"] = np.stack(
            [c.optimizer_state[name] for c in checkpoints])
    orders = [c.batch_order for c in checkpoints]
    if any(o is not None for o in orders):
        n = len(next(o for o in orders if o is not None))
        arrays["checkpoint_batch_order"] = np.stack(
            [np.full(n, -1, dtype=np.int64) if o is None else o for o in orders])
    return arrays


def _checkpoints_from_arrays(arrays: dict[str, np.ndarray]) -> list[Checkpoint] | None:
    if "checkpoint_step" not in arrays:
        return None
    steps = _check_numbers("checkpoint_step", arrays["checkpoint_step"], (1,))
    params = _check_numbers("checkpoint_params", arrays["checkpoint_params"], (2,))
    count = len(steps)
    names = [k.removeprefix("checkpoint_optimizer_") for k in arrays
             if k.startswith("checkpoint_optimizer_") and k != "checkpoint_optimizer_t"]
    states = {name: _check_numbers(f"checkpoint_optimizer_{name}",
                                   arrays[f"checkpoint_optimizer_{name}"], (2,))
              for name in names}
    order = arrays.get("checkpoint_batch_order")
    rows = [params, *states.values()] + ([order] if order is not None else [])
    for key in ("checkpoint_optimizer_t", "checkpoint_rng_json", "checkpoint_config_json",
                "checkpoint_batch_cursor"):
        rows.append(arrays[key])
    if any(len(a) != count for a in rows) or np.any(np.diff(steps) <= 0):
        raise ValueError("the checkpoints' arrays do not fit together")
    return [Checkpoint(
        step=int(steps[i]), params=params[i].astype(np.float64),
        optimizer_state={name: a[i].astype(np.float64) for name, a in states.items()},
        optimizer_t=int(arrays["checkpoint_optimizer_t"][i]),
        rng_state=json.loads(str(arrays["checkpoint_rng_json"][i])),
        batch_order=None if order is None or order[i][0] < 0 else order[i].astype(np.int64),
        batch_cursor=int(arrays["checkpoint_batch_cursor"][i]),
        config=Config.from_dict(json.loads(str(arrays["checkpoint_config_json"][i]))))
        for i in range(count)]


def _restore_checkpoints(experiment: Experiment, saved: list[Checkpoint]) -> None:
    """Put saved checkpoints into a restored experiment, after checking that each
    fits its network, optimizer and data."""
    trainer = experiment.trainer
    names = set(checkpoints.optimizer_arrays(trainer.optimizer_name))
    for c in saved:
        if c.params.shape != trainer.net.params.shape or set(c.optimizer_state) != names \
                or any(a.shape != c.params.shape for a in c.optimizer_state.values()):
            raise ValueError(f"the checkpoint at step {c.step} does not fit the network")
        if c.step > experiment.step_count:
            raise ValueError(f"a checkpoint is at step {c.step}, after the saved step")
        if c.batch_order is not None and sorted(c.batch_order.tolist()) != list(
                range(len(trainer.y_train))):
            raise ValueError(f"the checkpoint at step {c.step} has a bad batch order")
        probe = np.random.default_rng()
        try:
            probe.bit_generator.state = c.rng_state
        except (TypeError, ValueError, KeyError) as exc:
            raise ValueError(f"the checkpoint at step {c.step} has a bad random state "
                             f"({exc})") from None
    store = experiment.checkpoints
    store.truncate(-1)
    for c in saved:
        store.add(c)
    if saved[-1].step == experiment.step_count:
        # Saved at a checkpoint: the optimizer, random numbers and batch order too,
        # so the opened run trains on exactly as the saved one would have.
        checkpoints.restore(experiment.trainer, saved[-1])


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
