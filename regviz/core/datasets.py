"""Two-dimensional datasets: generated toy problems, a train/test split, and loaders.

Everything here is in row layout: ``X`` is float64 of shape (n, 2) and ``y`` is int64
of shape (n,) with labels 0..k-1. Random numbers come only from
``np.random.default_rng(seed)``, never from numpy's global RNG, so the same seed gives
the same points and generating data never disturbs anyone else's random stream.

``field`` is the one that teaches: a look-alike of the deeplearning.ai course's 2-D
"football field" data, on which an unregularized 2-20-3-1 network overfits and L2 or
dropout visibly help.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .mlp import MAX_COORDINATE

DATASETS: tuple[str, ...] = ("field", "circles", "xor", "gaussian", "moons", "spiral")

DEFAULT_SAMPLES: dict[str, int] = {
    "field": 400, "circles": 400, "xor": 400, "gaussian": 400, "moons": 400, "spiral": 300,
}

DEFAULT_NOISE: dict[str, float] = {
    "field": 0.2, "circles": 0.1, "xor": 0.1, "gaussian": 0.3, "moons": 0.1, "spiral": 0.2,
}

# One or two sentences each: the GUI shows them as tooltips.
DESCRIPTIONS: dict[str, str] = {
    "field": "A look-alike of the course's football-field data: two classes split by a gently "
             "bowed diagonal, with wrong labels mostly near it (at noise 0.2, as in the "
             "course's file, about 6% of the labels are flipped; more noise, more flips). "
             "A 2-20-3-1 network overfits it; L2 and dropout help.",
    "circles": "Two classes on concentric circles (radius 1 and 0.5); noise is the standard "
               "deviation of the jitter.",
    "xor": "Points in the square [-1, 1]², labelled by the sign of x1·x2 (XOR of the signs); "
           "noise jitters the points after labelling.",
    "gaussian": "One round Gaussian blob per class, centres evenly spaced on the unit circle; "
                "noise is the blobs' standard deviation.",
    "moons": "Two interleaving half circles; noise is the standard deviation of the jitter.",
    "spiral": "The nnfs / cs231n spiral: one arm per class (classes, default 3); noise is "
              "the standard deviation added to each arm's angle.",
}

# Keyword arguments each generator accepts besides n_samples, noise and seed.
_EXTRA_ARGS: dict[str, tuple[str, ...]] = {"gaussian": ("classes",), "spiral": ("classes",)}


def names() -> tuple[str, ...]:
    """The names ``make`` accepts, in the order the GUI lists them."""
    return DATASETS


# -- generators ---------------------------------------------------------------------
# Each takes (rng, n, noise, **extra) and returns X (n, 2) float64, y (n,) int64.

def _counts(n: int, k: int) -> list[int]:
    """n split as evenly as possible over k classes (the first ones get the remainder)."""
    return [n // k + (c < n % k) for c in range(k)]


# The field, measured on the course's data.mat (211 training and 200 test points): its
# training points fill an ellipse around (-0.13, -0.06) with semi-axes 0.4 (x1) and
# 0.62 (x2) (standard deviations 0.20 and 0.31), its test points the box
# [-0.5, 0.3] x [-0.8, 0.6]. Half the points come from each, evenly spread. Class 1
# (the French team's, blue in the course) lies above a gently bowed line from
# (-0.45, -0.8) to (0.2, 0.55), x2 = 0.23 + 1.7·x1 - 1.1·x1², class 0 below it. About
# 6% of the course's labels sit on the wrong side, half of them within 0.06 of the line
# and the rest scattered, which the flips below copy at noise 0.2.
_FIELD_ELLIPSE = ((-0.13, -0.06), (0.4, 0.62))     # centre, semi-axes
_FIELD_BOX = ((-0.5, 0.3), (-0.8, 0.6))            # x1 range, x2 range
_FIELD_CURVE = (0.23, 1.7, -1.1)                   # x2 = a + b·x1 + c·x1²
_FIELD_NOISE_WIDTH = 0.1   # how far from the boundary the extra flips reach
_FIELD_NOISE_PEAK = 0.6    # extra flip probability at the boundary, per unit of noise
_FIELD_NOISE_FLOOR = 0.06  # flip probability everywhere, per unit of noise


def _field_offset(X: np.ndarray) -> np.ndarray:
    """Distance of each point from the field's boundary (to first order), positive on
    the upper-left side, class 1's."""
    a, b, c = _FIELD_CURVE
    x1 = X[:, 0]
    slope = b + 2 * c * x1
    return (X[:, 1] - (a + b * x1 + c * x1**2)) / np.sqrt(1 + slope**2)


def _field(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    (centre, semi_axes), ((x1_low, x1_high), (x2_low, x2_high)) = _FIELD_ELLIPSE, _FIELD_BOX
    inside = n // 2
    radius = np.sqrt(rng.random(inside))  # √u: uniform over the area
    angle = rng.uniform(0.0, 2 * np.pi, inside)
    X = np.concatenate([
        centre + semi_axes * radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)]),
        np.column_stack([rng.uniform(x1_low, x1_high, n - inside),
                         rng.uniform(x2_low, x2_high, n - inside)]),
    ])
    offset = _field_offset(X)
    y = (offset > 0).astype(np.int64)
    # Label noise: flip probability 0.66·noise right on the boundary (0.13 at the default
    # 0.2), fading to 0.06·noise (0.012) beyond about 0.2 from it; capped at 1/2. At 0.2
    # that is the course's data; the overfit presets turn it up so that an unregularized
    # network has more wrong labels to bend its boundary around.
    near = np.exp(-0.5 * (offset / _FIELD_NOISE_WIDTH) ** 2)
    flip_prob = np.minimum(0.5, noise * (_FIELD_NOISE_PEAK * near + _FIELD_NOISE_FLOOR))
    flip = rng.random(n) < flip_prob
    y[flip] = 1 - y[flip]
    return X, y


def _circles(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    y = np.repeat(np.arange(2, dtype=np.int64), _counts(n, 2))
    radius = np.where(y == 0, 1.0, 0.5)
    angle = rng.uniform(0.0, 2 * np.pi, n)
    X = radius[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
    return X + noise * rng.standard_normal((n, 2)), y


def _xor(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-1.0, 1.0, size=(n, 2))
    y = (X[:, 0] * X[:, 1] < 0).astype(np.int64)
    # Jitter after labelling, so noise blurs the quadrant edges instead of moving them.
    return X + noise * rng.standard_normal((n, 2)), y


def _gaussian(rng: np.random.Generator, n: int, noise: float,
              classes: int = 2) -> tuple[np.ndarray, np.ndarray]:
    y = np.repeat(np.arange(classes, dtype=np.int64), _counts(n, classes))
    angle = np.pi / 4 + 2 * np.pi * y / classes
    centres = np.column_stack([np.cos(angle), np.sin(angle)])
    return centres + noise * rng.standard_normal((n, 2)), y


def _moons(rng: np.random.Generator, n: int, noise: float) -> tuple[np.ndarray, np.ndarray]:
    y = np.repeat(np.arange(2, dtype=np.int64), _counts(n, 2))
    t = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where((y == 0)[:, None], upper, lower) - [0.5, 0.25]  # centred on the origin
    return X + noise * rng.standard_normal((n, 2)), y


def _spiral(rng: np.random.Generator, n: int, noise: float,
            classes: int = 3) -> tuple[np.ndarray, np.ndarray]:
    # The nnfs / cs231n construction, with n the total rather than the count per class.
    Xs, ys = [], []
    for c, count in enumerate(_counts(n, classes)):
        r = np.linspace(0.0, 1.0, count)
        t = np.linspace(c * 4, (c + 1) * 4, count) + noise * rng.standard_normal(count)
        Xs.append(np.column_stack([r * np.sin(2.5 * t), r * np.cos(2.5 * t)]))
        ys.append(np.full(count, c, dtype=np.int64))
    return np.concatenate(Xs), np.concatenate(ys)


_GENERATORS: dict[str, Callable[..., tuple[np.ndarray, np.ndarray]]] = {
    "field": _field, "circles": _circles, "xor": _xor,
    "gaussian": _gaussian, "moons": _moons, "spiral": _spiral,
}


def _is_int(value: object) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def make(name: str, n_samples: int | None = None, noise: float | None = None,
         seed: int | None = 0, **kwargs: int) -> tuple[np.ndarray, np.ndarray]:
    """Generate the dataset ``name``: X float64 (n_samples, 2), y int64 labels 0..k-1.

    ``n_samples`` is the total over all classes (default ``DEFAULT_SAMPLES[name]``);
    ``noise`` defaults to ``DEFAULT_NOISE[name]`` and means what ``DESCRIPTIONS[name]``
    says. ``spiral`` and ``gaussian`` take ``classes`` (default 3 and 2); the others
    have 2 classes. The same ``seed`` gives the same points; numpy's global RNG is never
    touched. The rows are shuffled so the classes are interleaved.

    Raises ValueError naming the argument and the allowed values."""
    if name not in _GENERATORS:
        raise ValueError(f"unknown dataset {name!r}; name must be one of {', '.join(DATASETS)}")
    allowed = _EXTRA_ARGS.get(name, ())
    for key in kwargs:
        if key not in allowed:
            accepts = f"accepts only {', '.join(allowed)}" if allowed else "takes none"
            raise ValueError(f"unknown argument {key!r} for dataset {name!r}: "
                             f"besides n_samples, noise and seed it {accepts}")
    classes = kwargs.get("classes", 3 if name == "spiral" else 2)
    if not _is_int(classes) or classes < 2:
        raise ValueError(f"classes must be a whole number >= 2, got {classes!r}")
    if n_samples is None:
        n_samples = DEFAULT_SAMPLES[name]
    if not _is_int(n_samples) or n_samples < 2 * classes:
        raise ValueError(f"n_samples must be a whole number >= 2·classes = {2 * classes} "
                         f"for {name!r}, got {n_samples!r}")
    if noise is None:
        noise = DEFAULT_NOISE[name]
    if (not isinstance(noise, numbers.Real) or isinstance(noise, bool)
            or not np.isfinite(noise) or noise < 0):
        raise ValueError(f"noise must be a finite number >= 0, got {noise!r}")
    if seed is not None and (not _is_int(seed) or seed < 0):
        raise ValueError(f"seed must be a whole number >= 0 or None, got {seed!r}")

    rng = np.random.default_rng(seed)
    X, y = _GENERATORS[name](rng, int(n_samples), float(noise), **kwargs)
    order = rng.permutation(len(y))
    return np.ascontiguousarray(X[order], dtype=np.float64), y[order].astype(np.int64)


# -- train / test split ---------------------------------------------------------------

def split_sizes(n: int, test_fraction: float) -> tuple[int, int]:
    """(training points, test points) that :func:`split` makes of ``n`` points."""
    n_test = min(max(round(test_fraction * n), 1), n - 1)
    return n - n_test, n_test


def split(X: np.ndarray, y: np.ndarray, test_fraction: float,
          seed: int | None = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split into ``X_train, y_train, X_test, y_test``, stratified by label.

    Each class contributes its share of test points (largest remainders get the odd
    ones), so train and test have the same class balance; both parts get at least one
    point. The same seed gives the same split. ``test_fraction`` must be in (0, 1)."""
    if (not isinstance(test_fraction, numbers.Real) or isinstance(test_fraction, bool)
            or not 0 < test_fraction < 1):
        raise ValueError(f"test_fraction must be a number in (0, 1) exclusive, "
                         f"got {test_fraction!r}")
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or len(X) != len(y):
        raise ValueError(f"X must be (n, features) and y (n,) with the same n; "
                         f"got X {X.shape} and y {y.shape}")
    if len(y) < 2:
        raise ValueError(f"need at least 2 points to split, got {len(y)}")

    rng = np.random.default_rng(seed)
    n_test = split_sizes(len(y), test_fraction)[1]
    classes, counts = np.unique(y, return_counts=True)
    # Largest-remainder apportionment of n_test over the classes.
    quota = counts * n_test / len(y)
    per_class = np.floor(quota).astype(int)
    for c in np.argsort(-(quota - per_class), kind="stable")[: n_test - per_class.sum()]:
        per_class[c] += 1

    is_test = np.zeros(len(y), dtype=bool)
    for label, k in zip(classes, per_class, strict=True):
        members = np.flatnonzero(y == label)
        is_test[rng.choice(members, size=k, replace=False)] = True
    train = rng.permutation(np.flatnonzero(~is_test))
    test = rng.permutation(np.flatnonzero(is_test))
    return X[train], y[train], X[test], y[test]


# -- loading files --------------------------------------------------------------------

@dataclass
class LoadedData:
    """Points read by ``load``; ``X_test`` / ``y_test`` are None when the file has none."""

    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray | None = None
    y_test: np.ndarray | None = None


SUFFIXES = (".csv", ".npz", ".mat")


def load(path: str | Path) -> LoadedData:
    """Read 2-D labelled points from a ``.csv``, ``.npz`` or MATLAB ``.mat`` file.

    - CSV: three columns x1, x2, label, separated by commas or whitespace; an optional
      header line; blank lines and lines starting with ``#`` are skipped.
    - NPZ: arrays ``X`` (n, 2) and ``y`` (n,), optionally ``X_test`` and ``y_test``.
    - MAT: the course's ``data.mat``: ``X`` and ``y``, optionally ``Xval`` and ``yval``.
      ``X`` may store points as rows, (n, 2), as the course's real file does (``X``
      (211, 2) float64, ``y`` (211, 1) uint8), or as columns, (2, n), the course's
      layout after its loader transposes; the axis of length 2 is the features. A file
      where every ``X`` is (2, 2) could be either and is refused.

    Labels may be any whole numbers, of any integer type or stored as floats (uint8 in
    the course's file): the distinct values, train
    and test together, are mapped in sorted order to 0..k-1, so {-1, 1} and {1, 2} both
    become {0, 1}. Anything unusable raises ValueError naming the file and the problem."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        X, y = _read_csv(path)
        parts = {"train": (X, y)}
    elif suffix == ".npz":
        parts = _read_npz(path)
    elif suffix == ".mat":
        parts = _read_mat(path)
    else:
        raise ValueError(f"{path}: unknown file type {path.suffix!r}; "
                         f"use one of {', '.join(SUFFIXES)}")
    return _validated(path, parts)


def _read_csv(path: Path) -> tuple[np.ndarray, np.ndarray]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: cannot read it as a text CSV file ({err})") from err
    rows: list[list[float]] = []
    seen_first = False
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(",")] if "," in line else line.split()
        if len(fields) != 3:
            more = " (regviz needs exactly 2 features)" if len(fields) > 3 else ""
            raise ValueError(f"{path}: line {number} has {len(fields)} values; expected 3: "
                             f"x1, x2, label{more}")
        try:
            rows.append([float(f) for f in fields])
        except ValueError as err:
            if seen_first:  # only the first line may be a header
                raise ValueError(f"{path}: line {number} is not three numbers: "
                                 f"{line[:60]!r}") from err
        seen_first = True
    if not rows:
        raise ValueError(f"{path}: no data rows (expected lines of x1, x2, label)")
    data = np.array(rows)
    return data[:, :2], data[:, 2]


def _read_npz(path: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
    except Exception as err:  # zip, pickle and format errors all mean "not a usable NPZ"
        raise ValueError(f"{path}: cannot read it as an NPZ file ({err})") from err
    return _pick(path, arrays, ("X", "y"), ("X_test", "y_test"), columns=False)


def _read_mat(path: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    import scipy.io  # only needed here; keeps importing regviz.core light

    try:
        arrays = scipy.io.loadmat(path)
    except Exception as err:  # scipy raises several types for bad or truncated files
        raise ValueError(f"{path}: cannot read it as a MATLAB .mat file ({err})") from err
    return _pick(path, arrays, ("X", "y"), ("Xval", "yval"), columns=None)


def _pick(path: Path, arrays: dict, train_keys: tuple[str, str], test_keys: tuple[str, str],
          columns: bool | None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The train (and, if present, test) arrays from a file's named arrays, in row layout.

    ``columns``: True if X is stored (2, n), False if (n, 2), None to tell from the
    shapes (see :func:`_column_layout`)."""
    missing = [key for key in train_keys if key not in arrays]
    if missing:
        found = ", ".join(k for k in arrays if not k.startswith("__")) or "none"
        raise ValueError(f"{path}: missing {' and '.join(missing)} "
                         f"(needs {' and '.join(train_keys)}; found {found})")
    present = [key for key in test_keys if key in arrays]
    if len(present) == 1:
        raise ValueError(f"{path}: has {present[0]} but not "
                         f"{(set(test_keys) - set(present)).pop()}; give both or neither")
    parts = {"train": train_keys, "test": test_keys} if present else {"train": train_keys}
    if columns is None:
        columns = _column_layout(path, {kx: np.asarray(arrays[kx]) for kx, _ in parts.values()})
    out = {}
    for part, (kx, ky) in parts.items():
        X, y = np.asarray(arrays[kx]), np.asarray(arrays[ky])
        if columns:  # (features, m), as the course's code holds it
            X = X.T
        if X.ndim != 2 or X.shape[1] != 2:
            raise ValueError(f"{path}: {kx} has shape {X.shape}; expected (n, 2): "
                             f"n points with exactly 2 features")
        if y.ndim > 1 and sorted(y.shape)[:-1] == [1] * (y.ndim - 1):
            y = y.ravel()  # (1, m) or (m, 1) label vectors
        if y.ndim != 1:
            raise ValueError(f"{path}: {ky} has shape {y.shape}; expected one label per point")
        if len(y) != len(X):
            raise ValueError(f"{path}: {kx} has {len(X)} points but {ky} has {len(y)} labels")
        out[part] = (X, y)
    return out


def _column_layout(path: Path, Xs: dict[str, np.ndarray]) -> bool:
    """Whether the point arrays ``Xs`` (name -> array) store points as columns,
    (2, n), rather than rows, (n, 2), told apart by which axis has length 2. Every
    array must fit the same layout; ValueError when none fits or both do (all (2, 2))."""
    fits_rows = all(X.ndim == 2 and X.shape[1] == 2 for X in Xs.values())
    fits_columns = all(X.ndim == 2 and X.shape[0] == 2 for X in Xs.values())
    shapes = ", ".join(f"{name} {X.shape}" for name, X in Xs.items())
    if fits_rows and fits_columns:
        raise ValueError(f"{path}: cannot tell points from features: {shapes}; with "
                         f"2 points and 2 features both layouts fit (give more points)")
    if not (fits_rows or fits_columns):
        raise ValueError(f"{path}: {shapes}; expected (n, 2), n points as rows with "
                         f"exactly 2 features, or (2, n), points as columns, the same "
                         f"in every array")
    return fits_columns


def _validated(path: Path, parts: dict[str, tuple[np.ndarray, np.ndarray]]) -> LoadedData:
    """Check values, convert types, and map the labels to 0..k-1 over all parts."""
    checked = {}
    for part, (X, y) in parts.items():
        for what, a in (("points", X), ("labels", y)):
            if not (np.issubdtype(a.dtype, np.number) or a.dtype == bool) \
                    or np.issubdtype(a.dtype, np.complexfloating):
                raise ValueError(f"{path}: {part} {what} are not real numbers "
                                 f"(dtype {a.dtype})")
        X, y = X.astype(np.float64), y.astype(np.float64)
        if len(y) == 0:
            raise ValueError(f"{path}: the {part} part has no points")
        if not np.isfinite(X).all():
            raise ValueError(f"{path}: {part} points contain NaN or infinite values "
                             f"(row {np.flatnonzero(~np.isfinite(X).all(axis=1))[0]})")
        if np.abs(X).max() > MAX_COORDINATE:
            raise ValueError(f"{path}: {part} points have coordinates as large as "
                             f"{np.abs(X).max():.3g}; allowed at most {MAX_COORDINATE:g} "
                             f"(row {np.flatnonzero(np.abs(X).max(axis=1) > MAX_COORDINATE)[0]})")
        if not np.isfinite(y).all() or (y != np.round(y)).any():
            bad = y[~np.isfinite(y) | (y != np.round(y))][0]
            raise ValueError(f"{path}: {part} labels must be whole numbers, found {bad}")
        checked[part] = (X, y)

    labels = np.unique(np.concatenate([y for _, y in checked.values()]))
    if len(np.unique(checked["train"][1])) < 2:
        raise ValueError(f"{path}: the training points have fewer than 2 classes "
                         f"(labels found: {', '.join(f'{v:g}' for v in labels)})")
    # Sorted distinct labels -> 0..k-1 ({-1, 1} and {1, 2} both become {0, 1}).
    remapped = {part: (X, np.searchsorted(labels, y).astype(np.int64))
                for part, (X, y) in checked.items()}
    test = remapped.get("test", (None, None))
    return LoadedData(*remapped["train"], *test)
