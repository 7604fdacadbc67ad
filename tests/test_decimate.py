"""Curves decimated for drawing keep what the eye needs: every bucket's extremes,
the newest point, and no more than about one point per pixel column."""

import numpy as np
import pytest

from regviz.gui.views.decimate import CURVE_POINTS, bucket_edges, peak_decimate


@pytest.mark.parametrize("log_x", [False, True])
def test_extremes_survive_and_the_newest_point_is_kept(log_x):
    rng = np.random.default_rng(3)
    x = np.arange(1, 10_001) * 10.0
    y = np.exp(-x / 30_000) + 0.01 * rng.standard_normal(len(x))
    y[4321] = 5.0  # a spike the class must see
    xs, ys = peak_decimate(x, y, log_x=log_x)
    assert len(xs) <= CURVE_POINTS + 1
    assert ys.max() == 5.0 and ys.min() == y.min()
    assert (xs[-1], ys[-1]) == (x[-1], y[-1])
    assert np.all(np.diff(xs) >= 0)
    # Bucket by bucket (equal widths in x or log x, worked out here), the two drawn
    # values are that bucket's lowest and highest, at its first and last x.
    key = np.log10(x) if log_x else x
    n_buckets = CURVE_POINTS // 2
    ids = np.minimum(((key - key[0]) / (key[-1] - key[0]) * n_buckets).astype(int),
                     n_buckets - 1)
    pairs = list(zip(xs[:-1:2], xs[1:-1:2], ys[:-1:2], ys[1:-1:2], strict=True))
    assert len(pairs) == len(np.unique(ids))
    for (x0, x1, a, b), bucket in zip(pairs, np.unique(ids), strict=True):
        inside = ids == bucket
        assert (x0, x1) == (x[inside][0], x[inside][-1])
        assert sorted((a, b)) == [y[inside].min(), y[inside].max()]


def test_log_buckets_keep_the_first_steps_legible():
    x = np.arange(1, 100_001, dtype=float)
    y = 1.0 / x
    xs, _ = peak_decimate(x, y, log_x=True)
    # Linear buckets would merge the first 200 steps into one; log ones keep them.
    assert len(np.unique(xs[xs <= 200])) >= 50
    lin, _ = peak_decimate(x, y, log_x=False)
    assert len(np.unique(lin[lin <= 200])) <= 2


def test_short_curves_are_left_alone():
    x, y = np.arange(100.0), np.arange(100.0) ** 2
    xs, ys = peak_decimate(x, y)
    assert xs is x and ys is y
    assert bucket_edges(x) is None
