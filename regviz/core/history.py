"""Training curves with bounded memory.

Points are recorded every ``stride`` steps into preallocated arrays. When the
capacity is reached every other point is dropped and the stride doubles, so a run
of any length keeps at most ``capacity`` points per series and still spans all of
it, evenly.
"""

from __future__ import annotations

import numpy as np

SCALAR_SERIES = ("step", "train_data_loss", "train_penalty", "train_total", "test_loss",
                 "train_accuracy", "test_accuracy")
LAYER_SERIES = ("weight_norm", "weight_l1", "zero_fraction")
NAMES = SCALAR_SERIES + LAYER_SERIES


class History:
    """Series of the training run, read as ``history.test_loss`` or
    ``history["test_loss"]``.

    Scalar series (one value per point): ``step``, ``train_data_loss``,
    ``train_penalty``, ``train_total``, ``test_loss``, ``train_accuracy``,
    ``test_accuracy``. Layer series, (points, layers): ``weight_norm`` (‖W‖_F),
    ``weight_l1`` (Σ|W|) and ``zero_fraction`` (share of weights exactly 0).

    Attribute and item access return live views that the next recorded point may
    change; :meth:`as_dict` and :meth:`copy` give independent copies (e.g. for
    another thread)."""

    def __init__(self, n_layers: int, capacity: int = 10_000, stride: int = 10):
        if capacity < 4:
            raise ValueError(f"capacity={capacity} is too small: allowed ≥ 4")
        if stride < 1:
            raise ValueError(f"stride={stride} is out of range: allowed a whole number ≥ 1")
        self.capacity = int(capacity)
        self.stride = int(stride)
        self.n_layers = n_layers
        self._data = {name: np.empty(capacity) for name in SCALAR_SERIES}
        for name in LAYER_SERIES:
            self._data[name] = np.empty((capacity, n_layers))
        self._n = 0

    def __len__(self) -> int:
        return self._n

    def __getattr__(self, name: str) -> np.ndarray:
        data = self.__dict__.get("_data")
        if data is not None and name in data:
            return data[name][: self._n]
        raise AttributeError(name)

    def __getitem__(self, name: str) -> np.ndarray:
        return self._data[name][: self._n]

    def __contains__(self, name: str) -> bool:
        return name in self._data

    def keys(self) -> tuple[str, ...]:
        return NAMES

    def wants(self, step: int) -> bool:
        """Whether ``step`` is a recording step at the current stride."""
        return step % self.stride == 0

    def next_step(self, after: int) -> int:
        """The first recording step after ``after``."""
        return (after // self.stride + 1) * self.stride

    def append(self, **values) -> None:
        """Add one point (series not given are NaN)."""
        if self._n == self.capacity:
            self._decimate()
        i = self._n
        for name, array in self._data.items():
            array[i] = values.get(name, np.nan)
        self._n += 1

    def _decimate(self) -> None:
        kept = (self._n + 1) // 2
        for array in self._data.values():
            array[:kept] = array[: self._n : 2].copy()
        self._n = kept
        self.stride *= 2

    def last(self, name: str) -> float | np.ndarray:
        """The newest value: a float, or one value per layer for layer series
        (NaN while empty)."""
        array = self._data[name]
        if not self._n:
            return float("nan") if array.ndim == 1 else np.full(self.n_layers, np.nan)
        value = array[self._n - 1]
        return float(value) if array.ndim == 1 else value.copy()

    def as_dict(self) -> dict[str, np.ndarray]:
        """Copies of every series (safe to hand to another thread)."""
        return {name: array[: self._n].copy() for name, array in self._data.items()}

    def copy(self) -> History:
        """An independent History with the same points, stride and capacity."""
        other = History(self.n_layers, self.capacity, self.stride)
        other.load(self.as_dict(), self.stride)
        return other

    def load(self, series: dict[str, np.ndarray], stride: int | None = None) -> None:
        """Replace the contents (e.g. from a saved session); missing series are NaN."""
        n = len(series["step"])
        while n > self.capacity:
            series = {k: v[::2] for k, v in series.items()}
            n = len(series["step"])
        for name, array in self._data.items():
            if name in series:
                array[:n] = series[name]
            else:
                array[:n] = np.nan
        self._n = n
        if stride is not None:
            self.stride = int(stride)
