"""Training curves with bounded memory.

Points are recorded every ``stride`` steps into preallocated arrays. When the
capacity is reached every other point is dropped and the stride doubles, so a run
of any length keeps at most ``capacity`` points per series and still spans all of
it, evenly. Weight histograms over time (:class:`WeightHistograms`) are kept the
same way, with a smaller capacity: one histogram per layer is far more than one
number. The parameters themselves (:class:`ParameterTrail`) are kept at a few
hundred steps, within a memory budget, so the path any pair of weights took can be
drawn afterwards.
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
        self.weight_histograms = self._new_histograms()
        self.parameter_trail: ParameterTrail | None = None  # made at the first record

    def _new_histograms(self) -> WeightHistograms:
        # A multiple of this history's stride, so its columns fall on recorded
        # steps evenly; coarser, because a histogram costs more than a number.
        return WeightHistograms(self.n_layers, stride=HISTOGRAM_STRIDE_FACTOR * self.stride)

    def record_weights(self, step: int, weights) -> None:
        """Offer the weights at ``step`` to the histograms over time (kept when due)."""
        self.weight_histograms.record(step, weights)

    def record_parameters(self, step: int, params: np.ndarray) -> None:
        """Offer the flat parameters at ``step`` to the trail (kept when due)."""
        if self.parameter_trail is None or self.parameter_trail.size != params.size:
            self.parameter_trail = ParameterTrail(params.size, stride=self.stride)
        self.parameter_trail.record(step, params)

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
        # The loaded series come without weight histograms or parameters: they
        # start again here.
        self.weight_histograms = self._new_histograms()
        self.parameter_trail = None


HISTOGRAM_BINS = 41  # odd: the middle bin is centred on 0, where L1 piles weights
HISTOGRAM_CAPACITY = 240  # columns (points in time) kept per layer
HISTOGRAM_STRIDE_FACTOR = 5  # a histogram column every 5th history point (at first)


class WeightHistograms:
    """How each layer's weights are distributed, over the training steps.

    ``counts[t, l, i]`` is the share of layer l's weights in bin i at ``steps[t]``.
    Layer l's bins are fixed: ``bins`` (odd) bins of equal width covering
    ±``half_range[l]``, the middle one centred on 0 (so weights L1 set to exactly 0
    land in it, with near-zero ones). The range starts at 1.25 × the largest |w|
    of the first record; a weight outside it makes the range 3× wider, which merges
    every 3 old bins into one new bin exactly, so old columns stay comparable.
    Memory is bounded like :class:`History`'s: when ``capacity`` columns are full
    every other one is dropped and the stride doubles."""

    def __init__(self, n_layers: int, bins: int = HISTOGRAM_BINS,
                 capacity: int = HISTOGRAM_CAPACITY, stride: int = 10):
        if bins < 3 or bins % 2 == 0:
            raise ValueError(f"bins={bins} is not allowed: an odd whole number ≥ 3")
        if capacity < 4:
            raise ValueError(f"capacity={capacity} is too small: allowed ≥ 4")
        self.n_layers = n_layers
        self.bins = bins
        self.capacity = capacity
        self.stride = stride
        self.half_range = np.zeros(n_layers, dtype=np.float64)
        self._counts = np.zeros((capacity, n_layers, bins), dtype=np.float32)
        self._steps = np.zeros(capacity, dtype=np.int64)
        self._n = 0
        self._next = 0

    def __len__(self) -> int:
        return self._n

    @property
    def steps(self) -> np.ndarray:
        return self._steps[: self._n]

    @property
    def counts(self) -> np.ndarray:
        return self._counts[: self._n]

    def bin_width(self, layer: int) -> float:
        return 2.0 * self.half_range[layer] / self.bins

    def bin_centres(self, layer: int) -> np.ndarray:
        half = self.bins // 2
        return np.arange(-half, half + 1) * self.bin_width(layer)

    def record(self, step: int, weights) -> bool:
        """Add the histograms of ``weights`` (one array per layer) at ``step`` if a
        column is due (a stride has passed since the last); True if added."""
        if step < self._next and self._n:
            return False
        if self._n == self.capacity:
            self._decimate()
        i = self._n
        half = self.bins // 2
        for l, W in enumerate(weights):
            w = np.asarray(W).ravel()
            if not len(w):
                continue
            largest = max(float(w.max()), -float(w.min()))
            if not np.isfinite(largest):
                return False  # a diverged step: nothing sensible to histogram
            if self.half_range[l] == 0.0:
                self.half_range[l] = max(1.25 * largest, 1e-3)
            while largest > self.half_range[l]:
                self._widen(l)
            offsets = np.rint(w / self.bin_width(l)).astype(np.intp)
            np.clip(offsets, -half, half, out=offsets)
            self._counts[i, l] = np.bincount(offsets + half, minlength=self.bins) / len(w)
        self._steps[i] = step
        self._n += 1
        self._next = (step // self.stride + 1) * self.stride
        return True

    def _widen(self, layer: int) -> None:
        """Three times the range: old bin offset o joins new offset round(o / 3)."""
        half = self.bins // 2
        old = self._counts[: self._n, layer].copy()
        new = np.zeros_like(old)
        target = np.rint(np.arange(-half, half + 1) / 3).astype(np.intp) + half
        np.add.at(new, (slice(None), target), old)
        self._counts[: self._n, layer] = new
        self.half_range[layer] *= 3.0

    def _decimate(self) -> None:
        kept = (self._n + 1) // 2
        self._counts[:kept] = self._counts[: self._n : 2].copy()
        self._steps[:kept] = self._steps[: self._n : 2].copy()
        self._n = kept
        self.stride *= 2

    def copy(self) -> WeightHistograms:
        """An independent copy holding only the recorded columns (for another thread)."""
        other = WeightHistograms.__new__(WeightHistograms)
        other.n_layers, other.bins, other.stride = self.n_layers, self.bins, self.stride
        other.capacity = max(self._n, 1)
        other.half_range = self.half_range.copy()
        other._counts = self._counts[: self._n].copy()
        other._steps = self._steps[: self._n].copy()
        other._n = self._n
        other._next = self._next
        return other


TRAIL_BUDGET_BYTES = 8_000_000  # the parameter trail's memory, whatever the network
TRAIL_CAPACITY = 512  # points kept at most (a path needs no more)
TRAIL_MIN_CAPACITY = 4  # even a network of millions of parameters keeps a few


class ParameterTrail:
    """Copies of the flat parameter vector at steps spaced ``stride`` apart, so the
    path of any weights can be read back afterwards (``values``). At most
    ``capacity`` copies: TRAIL_BUDGET_BYTES worth, between TRAIL_MIN_CAPACITY and
    TRAIL_CAPACITY; when full, every other copy is dropped and the stride doubles
    (as :class:`History` does), so the trail always spans the whole run."""

    def __init__(self, size: int, stride: int = 10, capacity: int | None = None):
        if capacity is None:
            capacity = TRAIL_BUDGET_BYTES // (8 * max(1, size))
            capacity = min(TRAIL_CAPACITY, max(TRAIL_MIN_CAPACITY, capacity))
        if capacity < 2:
            raise ValueError(f"capacity={capacity} is too small: allowed ≥ 2")
        self.size = size
        self.capacity = capacity
        self.stride = max(1, int(stride))
        self._params = np.empty((capacity, size))
        self._steps = np.zeros(capacity, dtype=np.int64)
        self._n = 0
        self._next = 0

    def __len__(self) -> int:
        return self._n

    @property
    def steps(self) -> np.ndarray:
        return self._steps[: self._n]

    def record(self, step: int, params: np.ndarray) -> bool:
        """Keep a copy of ``params`` at ``step`` if one is due; True if kept."""
        if step < self._next and self._n:
            return False
        if self._n == self.capacity:
            kept = (self._n + 1) // 2
            self._params[:kept] = self._params[: self._n : 2].copy()
            self._steps[:kept] = self._steps[: self._n : 2].copy()
            self._n = kept
            self.stride *= 2
        self._params[self._n] = params
        self._steps[self._n] = step
        self._n += 1
        self._next = (step // self.stride + 1) * self.stride
        return True

    def values(self, indices) -> np.ndarray:
        """(points, len(indices)) values of the flat parameters ``indices`` over the
        kept steps (a copy)."""
        return self._params[: self._n][:, np.asarray(indices, dtype=np.intp)]
