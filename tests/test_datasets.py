"""regviz.core.datasets: generators, split and file loading."""

import numpy as np
import pytest
import scipy.io

from regviz.core import datasets
from regviz.core.datasets import LoadedData, load, make, split

NAMES = datasets.names()


# -- make -----------------------------------------------------------------------------

def test_names_cover_the_gui_list_with_defaults_and_descriptions():
    assert set(NAMES) == {"field", "circles", "xor", "gaussian", "moons", "spiral"}
    for name in NAMES:
        assert datasets.DEFAULT_NOISE[name] >= 0
        assert len(datasets.DESCRIPTIONS[name]) > 20


@pytest.mark.parametrize("name", NAMES)
def test_shapes_dtypes_and_labels(name):
    X, y = make(name, n_samples=123, seed=3)
    assert X.shape == (123, 2) and X.dtype == np.float64
    assert y.shape == (123,) and y.dtype == np.int64
    k = 3 if name == "spiral" else 2
    assert set(np.unique(y)) == set(range(k))
    assert np.isfinite(X).all()


@pytest.mark.parametrize("name", NAMES)
def test_defaults(name):
    X, y = make(name)
    assert len(X) == len(y) == datasets.DEFAULT_SAMPLES[name]
    # the default noise is the documented one
    np.testing.assert_array_equal(X, make(name, noise=datasets.DEFAULT_NOISE[name])[0])


@pytest.mark.parametrize("name", NAMES)
def test_same_seed_same_points_other_seed_other_points(name):
    X1, y1 = make(name, n_samples=100, noise=0.2, seed=7)
    X2, y2 = make(name, n_samples=100, noise=0.2, seed=7)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    X3, _ = make(name, n_samples=100, noise=0.2, seed=8)
    assert not np.array_equal(X1, X3)


@pytest.mark.parametrize("name", NAMES)
def test_global_rng_is_neither_used_nor_disturbed(name):
    # This test is about numpy's legacy global RNG, so it has to call it.
    np.random.seed(1234)  # noqa: NPY002
    before = np.random.get_state()[1].copy()  # noqa: NPY002
    X, y = make(name, n_samples=50, seed=1)
    split(X, y, 0.5, seed=1)
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # noqa: NPY002
    # and the output does not depend on the global state either
    np.random.seed(99)  # noqa: NPY002
    X2, y2 = make(name, n_samples=50, seed=1)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)


@pytest.mark.parametrize("name", ["spiral", "gaussian"])
def test_classes_argument(name):
    X, y = make(name, n_samples=101, classes=4, seed=0)
    assert X.shape == (101, 2)
    counts = np.bincount(y)
    assert len(counts) == 4 and counts.max() - counts.min() <= 1  # split evenly


def test_spiral_is_the_nnfs_construction():
    # noise 0: every arm lies exactly on r = linspace(0, 1), t = linspace(4c, 4c + 4)
    X, y = make("spiral", n_samples=300, noise=0.0, classes=3, seed=0)
    for c in range(3):
        r = np.linspace(0, 1, 100)
        t = np.linspace(c * 4, (c + 1) * 4, 100)
        expected = np.column_stack([r * np.sin(2.5 * t), r * np.cos(2.5 * t)])
        got = X[y == c]
        np.testing.assert_allclose(got[np.lexsort(got.T)], expected[np.lexsort(expected.T)])
    # with noise, the radii stay linspace(0, 1) and only the angles move
    Xn, yn = make("spiral", n_samples=300, noise=0.2, classes=3, seed=0)
    np.testing.assert_allclose(np.sort(np.hypot(*Xn[yn == 1].T)), np.linspace(0, 1, 100))


# Figures of the course's own data.mat, its 411 points (211 training, 200 test) together.
COURSE_CLASS_MEANS = {0: (0.015, -0.256), 1: (-0.250, 0.118)}
COURSE_CLASS_STDS = {0: (0.171, 0.303), 1: (0.167, 0.309)}
COURSE_SHARE_OF_CLASS_1 = 193 / 411
COURSE_BOX = ((-0.60, 0.30), (-0.79, 0.60))  # x1 and x2 ranges


def test_field_looks_like_the_course_data():
    X, y = make("field", n_samples=4110, seed=0)  # ten times the course's file, for stable figures
    for c in (0, 1):
        np.testing.assert_allclose(X[y == c].mean(axis=0), COURSE_CLASS_MEANS[c], atol=0.04)
        np.testing.assert_allclose(X[y == c].std(axis=0), COURSE_CLASS_STDS[c], atol=0.03)
    assert y.mean() == pytest.approx(COURSE_SHARE_OF_CLASS_1, abs=0.04)
    for axis, (low, high) in enumerate(COURSE_BOX):
        assert low - 0.01 <= X[:, axis].min() < low + 0.1
        assert high - 0.05 < X[:, axis].max() <= high + 0.01
    assert len(make("field", seed=0)[0]) == 400  # the default size


def test_field_noise_flips_labels_mostly_near_the_boundary():
    # The points do not depend on noise; only labels flip, most often near the boundary.
    X0, y0 = make("field", noise=0.0, seed=5)
    X, y = make("field", noise=0.2, seed=5)
    np.testing.assert_array_equal(X, X0)
    flipped = y != y0
    assert 0.03 < flipped.mean() < 0.09  # about 6% of the course's labels are off
    distance = np.abs(datasets._field_offset(X))
    assert flipped[distance < 0.1].mean() > 4 * flipped[distance > 0.3].mean()
    # without noise the boundary separates the classes exactly, class 1 upper left
    assert ((datasets._field_offset(X0) > 0) == (y0 == 1)).all()
    assert X0[y0 == 1, 0].mean() < X0[y0 == 0, 0].mean()
    assert X0[y0 == 1, 1].mean() > X0[y0 == 0, 1].mean()
    # more noise, more flips
    assert (make("field", noise=0.5, seed=5)[1] != y0).mean() > flipped.mean()


@pytest.mark.parametrize("kwargs, word", [
    ({"name": "nope"}, "name"),
    ({"name": "moons", "n_samples": 3}, "n_samples"),
    ({"name": "spiral", "n_samples": 5}, "n_samples"),  # < 2·3 classes
    ({"name": "moons", "n_samples": 10.5}, "n_samples"),
    ({"name": "moons", "noise": -0.1}, "noise"),
    ({"name": "moons", "noise": float("nan")}, "noise"),
    ({"name": "spiral", "classes": 1}, "classes"),
    ({"name": "moons", "classes": 3}, "classes"),
    ({"name": "moons", "seed": -1}, "seed"),
])
def test_bad_arguments(kwargs, word):
    with pytest.raises(ValueError, match=word):
        make(**kwargs)


def test_unknown_name_lists_the_allowed_ones():
    with pytest.raises(ValueError) as err:
        make("football")
    assert all(name in str(err.value) for name in NAMES)


# -- split ----------------------------------------------------------------------------

def _indexed(n=101, k=3):
    """Points whose first coordinate is their row number, so rows can be traced."""
    X = np.column_stack([np.arange(n, dtype=float), np.zeros(n)])
    y = np.arange(n) % k
    return X, y


def test_split_sizes_disjoint_and_complete():
    X, y = _indexed()
    Xtr, ytr, Xte, yte = split(X, y, 0.3, seed=0)
    assert len(Xte) == round(0.3 * 101) and len(Xtr) + len(Xte) == 101
    rows_tr, rows_te = Xtr[:, 0].astype(int), Xte[:, 0].astype(int)
    assert not set(rows_tr) & set(rows_te)
    assert sorted(np.concatenate([rows_tr, rows_te])) == list(range(101))
    np.testing.assert_array_equal(ytr, y[rows_tr])  # labels travel with their points
    np.testing.assert_array_equal(yte, y[rows_te])


def test_split_is_stratified():
    X, y = _indexed(n=200, k=2)
    y = (np.arange(200) < 40).astype(int)  # 40 / 160
    _, ytr, _, yte = split(X, y, 0.5, seed=1)
    assert np.bincount(yte).tolist() == [80, 20]
    assert np.bincount(ytr).tolist() == [80, 20]


def test_split_is_deterministic_and_seeded():
    X, y = _indexed()
    a = split(X, y, 0.5, seed=4)
    b = split(X, y, 0.5, seed=4)
    c = split(X, y, 0.5, seed=5)
    for u, v in zip(a, b, strict=True):
        np.testing.assert_array_equal(u, v)
    # another seed picks other test points, not just another order
    assert set(a[2][:, 0]) != set(c[2][:, 0])


def test_split_keeps_both_parts_non_empty():
    X, y = _indexed(n=4, k=2)
    for fraction in (0.01, 0.99):
        Xtr, _, Xte, _ = split(X, y, fraction, seed=0)
        assert len(Xtr) >= 1 and len(Xte) >= 1


@pytest.mark.parametrize("fraction", [0, 1, -0.2, 1.5, float("nan"), "0.5", None])
def test_split_rejects_bad_fractions(fraction):
    X, y = _indexed()
    with pytest.raises(ValueError, match="test_fraction"):
        split(X, y, fraction, seed=0)


def test_split_rejects_mismatched_lengths():
    X, y = _indexed()
    with pytest.raises(ValueError, match="same n"):
        split(X, y[:-1], 0.5, seed=0)


# -- load: round trips ----------------------------------------------------------------

def _points(n=30, labels=(0, 1), seed=0):
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, 2))
    y = np.array(labels)[np.arange(n) % len(labels)]
    return X, y


def _check(got: LoadedData, X, y, X_test=None, y_test=None):
    np.testing.assert_allclose(got.X_train, X)
    np.testing.assert_array_equal(got.y_train, y)
    assert got.X_train.dtype == np.float64 and got.y_train.dtype == np.int64
    if X_test is None:
        assert got.X_test is None and got.y_test is None
    else:
        np.testing.assert_allclose(got.X_test, X_test)
        np.testing.assert_array_equal(got.y_test, y_test)
        assert got.y_test.dtype == np.int64


def test_csv_without_header(tmp_path):
    X, y = _points()
    path = tmp_path / "points.csv"
    np.savetxt(path, np.column_stack([X, y]), delimiter=",", fmt="%.17g")
    _check(load(path), X, y)


def test_csv_with_header_whitespace_comments_and_float_labels(tmp_path):
    X, y = _points()
    lines = ["x1 x2 label", "# a comment", ""]
    lines += [f"{a:.17g}\t{b:.17g}   {float(c)}" for (a, b), c in zip(X, y, strict=True)]
    path = tmp_path / "points.csv"
    path.write_text("\n".join(lines) + "\n")
    _check(load(str(path)), X, y)


def test_csv_labels_minus_one_one_are_remapped(tmp_path):
    X, y = _points(labels=(-1, 1))
    path = tmp_path / "pm.csv"
    path.write_text("x1,x2,label\n" + "".join(f"{a:.17g}, {b:.17g}, {c}\n"
                                              for (a, b), c in zip(X, y, strict=True)))
    _check(load(path), X, (y + 1) // 2)


def test_npz_without_test_part(tmp_path):
    X, y = _points(labels=(1, 2))  # {1, 2} -> {0, 1}
    path = tmp_path / "d.npz"
    np.savez(path, X=X, y=y)
    _check(load(path), X, y - 1)


def test_npz_with_test_part_is_remapped_jointly(tmp_path):
    X, y = _points(labels=(0, 5))
    Xt, yt = _points(n=12, labels=(5, 0, 9), seed=1)  # 9 appears only in the test part
    path = tmp_path / "d.npz"
    np.savez(path, X=X, y=y.reshape(-1, 1), X_test=Xt, y_test=yt.astype(float))
    mapping = {0: 0, 5: 1, 9: 2}
    _check(load(path), X, [mapping[v] for v in y], Xt, [mapping[v] for v in yt])


def write_course_data_mat(path, X, y, Xv, yv):
    """A file with exactly the structure of the course's own ``datasets/data.mat``:
    points as rows, X (211, 2) and Xval (200, 2) float64, y (211, 1) and yval (200, 1)
    uint8."""
    scipy.io.savemat(path, {"X": X, "y": y.astype(np.uint8)[:, None],
                            "Xval": Xv, "yval": yv.astype(np.uint8)[:, None]})


def test_the_course_data_mat_as_the_course_ships_it(tmp_path):
    X, y = _points(n=211)
    Xv, yv = _points(n=200, seed=1)
    path = tmp_path / "data.mat"
    write_course_data_mat(path, X, y, Xv, yv)
    stored = scipy.io.loadmat(path)  # the file really has the course's structure
    assert [(k, stored[k].shape, stored[k].dtype) for k in ("X", "y", "Xval", "yval")] == [
        ("X", (211, 2), np.float64), ("y", (211, 1), np.uint8),
        ("Xval", (200, 2), np.float64), ("yval", (200, 1), np.uint8)]
    got = load(path)
    _check(got, X, y, Xv, yv)
    assert np.array_equal(got.X_train, X) and np.array_equal(got.X_test, Xv)  # bit for bit


@pytest.mark.parametrize("dtype", [np.uint8, np.int16, np.int32, np.uint64, np.float32,
                                   np.float64, bool])
def test_mat_labels_of_any_integer_or_whole_float_type(tmp_path, dtype):
    X, y = _points(n=40)
    path = tmp_path / "labels.mat"
    scipy.io.savemat(path, {"X": X, "y": y.astype(dtype)[:, None]})
    _check(load(path), X, y)


@pytest.mark.parametrize("shape", ["rows", "columns"])
def test_mat_layout_is_told_from_the_shapes_even_with_two_points_in_one_part(tmp_path, shape):
    """A (2, 2) part is ambiguous alone; the other part's shape decides."""
    X, y = _points(n=30)
    Xv, yv = _points(n=2, seed=1)
    put = (lambda a: a) if shape == "rows" else (lambda a: a.T)
    path = tmp_path / "d.mat"
    scipy.io.savemat(path, {"X": put(X), "y": y[:, None], "Xval": put(Xv), "yval": yv[None, :]})
    _check(load(path), X, y, Xv, yv)


def test_course_mat_in_column_layout(tmp_path):
    X, y = _points(n=211)
    Xv, yv = _points(n=200, seed=1)
    path = tmp_path / "data.mat"
    # the course's layout: X (2, m), y (1, m), as MATLAB doubles
    scipy.io.savemat(path, {"X": X.T, "y": y[None, :].astype(float),
                            "Xval": Xv.T, "yval": yv[None, :].astype(float)})
    _check(load(path), X, y, Xv, yv)


def test_mat_without_validation_part(tmp_path):
    X, y = _points()
    path = tmp_path / "train.mat"
    scipy.io.savemat(path, {"X": X.T, "y": y[None, :]})
    _check(load(path), X, y)


# -- load: bad files --------------------------------------------------------------------

def _csv(text):
    return lambda path: path.write_text(text)


def _npz(**arrays):
    return lambda path: np.savez(path, **arrays)


def _mat(**arrays):
    return lambda path: scipy.io.savemat(path, arrays)


def _truncated_mat(path):
    X, y = _points(n=200)
    scipy.io.savemat(path, {"X": X.T, "y": y[None, :]})
    path.write_bytes(path.read_bytes()[:300])


def _truncated_npz(path):
    X, y = _points(n=200)
    np.savez(path, X=X, y=y)
    path.write_bytes(path.read_bytes()[:200])


_X, _y = _points()
GOOD = "".join(f"{a},{b},{c}\n" for (a, b), c in zip(_X, _y, strict=True))

BAD_FILES = {
    "wrong.txt": _csv(GOOD),  # unknown extension
    "empty.csv": _csv(""),
    "header_only.csv": _csv("x1,x2,label\n"),
    "truncated.csv": _csv(GOOD + "0.5,0.25"),
    "garbage.csv": _csv(GOOD + "0.1,zzz,1\n" + GOOD),
    "binary.csv": lambda path: path.write_bytes(bytes(range(256)) * 4),
    "four_columns.csv": _csv("1,2,3,0\n2,3,4,1\n"),
    "nan.csv": _csv(GOOD + "nan,0.1,1\n"),
    "inf.csv": _csv(GOOD + "0.1,inf,0\n"),
    "nan_label.csv": _csv(GOOD + "0.1,0.2,nan\n"),
    "half_label.csv": _csv(GOOD + "0.1,0.2,0.5\n"),
    "one_class.csv": _csv("0,0,1\n1,1,1\n2,2,1\n"),
    "no_y.npz": _npz(X=_X),
    "no_X.npz": _npz(y=_y),
    "not_a_zip.npz": _csv("hello, I am not a zip file"),
    "truncated.npz": _truncated_npz,
    "three_features.npz": _npz(X=np.ones((30, 3)), y=_y),
    "flat_X.npz": _npz(X=np.ones(30), y=_y),
    "short_y.npz": _npz(X=_X, y=_y[:-1]),
    "matrix_y.npz": _npz(X=_X, y=np.ones((30, 2))),
    "test_without_labels.npz": _npz(X=_X, y=_y, X_test=_X),
    "string_labels.npz": _npz(X=_X, y=np.array(["a", "b"] * 15)),
    "object_array.npz": _npz(X=np.array([[1, 2]] * 30, dtype=object), y=_y),
    "complex.npz": _npz(X=_X + 1j, y=_y),
    "inf_test.npz": _npz(X=_X, y=_y, X_test=np.full((3, 2), np.inf), y_test=[0, 1, 0]),
    "empty_test.npz": _npz(X=_X, y=_y, X_test=np.zeros((0, 2)), y_test=np.zeros(0)),
    "garbage.mat": _csv("definitely not MATLAB"),
    "truncated.mat": _truncated_mat,
    "no_y.mat": _mat(X=_X.T),
    "ambiguous.mat": _mat(X=np.array([[0.0, 1.0], [1.0, 0.0]]), y=np.array([[0, 1]])),
    "mixed_layout.mat": _mat(X=_X, y=_y[None, :], Xval=_X.T, yval=_y[None, :]),
    "three_features.mat": _mat(X=np.ones((3, 30)), y=_y[None, :]),
    "xval_only.mat": _mat(X=_X.T, y=_y[None, :], Xval=_X.T),
    "mismatched.mat": _mat(X=_X.T, y=_y[None, :-2]),
}


@pytest.mark.parametrize("filename", BAD_FILES)
def test_bad_file_raises_value_error_naming_the_file(tmp_path, filename):
    path = tmp_path / filename
    BAD_FILES[filename](path)
    with pytest.raises(ValueError) as err:
        load(path)
    # exactly ValueError: no numpy/scipy exception type escapes
    assert type(err.value) is ValueError
    assert filename in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match="nowhere.csv"):
        load(tmp_path / "nowhere.csv")


def test_error_messages_say_what_is_wrong(tmp_path):
    cases = {
        "four_columns.csv": "2 features",
        "truncated.csv": "line 31",
        "one_class.csv": "fewer than 2 classes",
        "no_y.npz": "missing y",
        "three_features.npz": "2 features",
        "nan.csv": "NaN",
        "wrong.txt": ".csv, .npz, .mat",
        "ambiguous.mat": "cannot tell points from features",
        "mixed_layout.mat": "the same in every array",
        "three_features.mat": r"expected \(n, 2\).*or \(2, n\)",
    }
    for filename, words in cases.items():
        path = tmp_path / filename
        BAD_FILES[filename](path)
        with pytest.raises(ValueError, match=words):
            load(path)
