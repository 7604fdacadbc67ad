"""Fewer points for a curve that has more than its plot has pixels: each bucket of
consecutive points becomes its lowest and highest value (pyqtgraph's "peak" mode,
done once here instead of at every paint), so spikes survive and a 10,000-point
history is drawn as about 500. Pure numpy."""

from __future__ import annotations

import numpy as np

CURVE_POINTS = 500  # about one point per pixel column of a plot on a projector


def bucket_edges(x: np.ndarray, points: int = CURVE_POINTS,
                 log_x: bool = False) -> tuple[np.ndarray, np.ndarray] | None:
    """First and last index of each bucket (equal widths in x, or in log10 x with
    ``log_x``; x increasing, > 0 with ``log_x``); None when ``x`` is short enough
    to draw as it is. Depends on x only: curves over the same steps share it."""
    n = len(x)
    if n <= points:
        return None
    buckets = max(1, points // 2)
    key = np.log10(x) if log_x else x.astype(np.float64)
    span = key[-1] - key[0]
    if not span > 0:
        return np.array([0]), np.array([n - 1])
    ids = np.minimum(((key - key[0]) * (buckets / span)).astype(np.intp), buckets - 1)
    starts = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    starts = np.concatenate(([0], starts))
    ends = np.concatenate((starts[1:] - 1, [n - 1]))
    return starts, ends


def peak_decimate(x: np.ndarray, y: np.ndarray, points: int = CURVE_POINTS,
                  log_x: bool = False, edges=None) -> tuple[np.ndarray, np.ndarray]:
    """``x``, ``y`` reduced to about ``points`` points: each bucket (see
    ``bucket_edges``; pass ``edges`` computed once for curves sharing ``x``) drawn
    as its lowest and highest value, in the order the curve goes (falling: highest
    first), at the bucket's first and last x. The last point is always kept as it
    is: the newest value is the one the class is watching. Short curves come back
    as they are."""
    if edges is None:
        edges = bucket_edges(x, points, log_x)
    if edges is None:
        return x, y
    starts, ends = edges
    lows = np.minimum.reduceat(y, starts)
    highs = np.maximum.reduceat(y, starts)
    falling = y[ends] < y[starts]
    m = len(starts)
    xs = np.empty(2 * m + 1, dtype=np.result_type(x, np.float64))
    ys = np.empty(2 * m + 1, dtype=np.result_type(y, np.float64))
    xs[0:-1:2], xs[1:-1:2], xs[-1] = x[starts], x[ends], x[-1]
    ys[0:-1:2] = np.where(falling, highs, lows)
    ys[1:-1:2] = np.where(falling, lows, highs)
    ys[-1] = y[-1]
    return xs, ys
