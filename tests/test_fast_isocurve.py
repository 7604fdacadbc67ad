"""The numpy 50 % line traces the same points as pyqtgraph's marching squares."""

import numpy as np
import pyqtgraph as pg
import pytest

from regviz.gui.fast_isocurve import FastIsocurveItem, isoline_segments


def _segments(pairs):
    return sorted(tuple(sorted(tuple(np.round(p, 9)) for p in seg)) for seg in pairs)


def _points(pairs):
    return sorted({tuple(np.round(p, 9)) for seg in pairs for p in seg})


def smooth_field(n=96, m=80):
    x, y = np.linspace(-1, 1, n), np.linspace(-1.2, 0.9, m)
    return 1 / (1 + np.exp(-5 * (np.add.outer(x ** 2, y) - 0.3)))


@pytest.mark.parametrize("data", [smooth_field(), smooth_field()[::-1, ::-1] * 0.9,
                                  smooth_field(7, 5)])
def test_same_segments_as_pyqtgraph_on_smooth_fields(data):
    ours = isoline_segments(data, 0.5).reshape(-1, 2, 2)
    theirs = pg.functions.isocurve(data, 0.5, connected=False, extendToEdge=True)
    assert len(ours) > 0
    assert _segments(ours) == _segments(theirs)


def test_saddles_cross_the_same_edges_as_pyqtgraph():
    # Noise is full of saddle cells, where the two tracers may pair the four
    # crossings differently; the crossing points themselves must agree.
    data = np.random.default_rng(3).random((23, 19))
    ours = isoline_segments(data, 0.5).reshape(-1, 2, 2)
    theirs = pg.functions.isocurve(data, 0.5, connected=False, extendToEdge=True)
    assert len(ours) == len(theirs)
    assert _points(ours) == _points(theirs)


@pytest.mark.parametrize("level, expected", [
    # A centre above the level joins the high corners (0,0) and (1,1): the line cuts
    # off the low corners (1,0) and (0,1).
    (0.4, {((1.1, 0.5), (1.5, 0.9)), ((0.5, 1.1), (0.9, 1.5))}),
    # A centre below it joins the low ones: the high corners are cut off instead.
    (0.6, {((0.5, 0.9), (0.9, 0.5)), ((1.1, 1.5), (1.5, 1.1))}),
])
def test_saddle_pairing_follows_the_cell_centre(level, expected):
    data = np.array([[1.0, 0.0], [0.0, 1.0]])  # centre value 0.5
    segs = isoline_segments(data, level).reshape(-1, 2, 2)
    inner = {tuple(sorted(tuple(np.round(p, 9)) for p in s)) for s in segs
             if np.all((s > 0.5 - 1e-9) & (s < 1.5 + 1e-9))}
    assert inner == {tuple(sorted(pair)) for pair in expected}


def test_no_line_where_nothing_crosses():
    assert isoline_segments(np.full((5, 4), 0.7), 0.5).shape == (0, 2)


def test_item_draws_the_line_in_image_coordinates(qtbot):
    item = FastIsocurveItem(level=0.5)
    item.setData(smooth_field(40, 30).T)  # row-major, as the boundary view gives it
    item.axisOrder = "row-major"
    item.generatePath()
    rect = item.path.boundingRect()
    assert not rect.isEmpty()
    assert 0 <= rect.left() and rect.right() <= 40 and 0 <= rect.top() and rect.bottom() <= 30
