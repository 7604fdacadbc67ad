"""The window and each view, rendered and compared with baseline PNGs.

The baselines in tests/screenshots/ are data: `pytest --update-screenshots` writes
them (refused in CI; see the README), nothing here depends on today's layout
except through widget geometry. Rendering is `regviz.gui.screenshot` — the same
code as `--screenshot` — so a user's picture and a test's baseline are one picture.

Tolerance, and why (figures from `benchmarks/screenshot_noise.py`, 1600×1000
window, the overfit / l2 / dropout presets after 2,000 steps, measured on the presets
before the field look-alike was redone; the baselines now show 10,000 steps):

- Noise measured: none. The same state rendered 4 more times in one process, in
  3 fresh processes, and in fresh processes with one BLAS thread, OpenBLAS's
  Prescott kernels, numpy's AVX2/AVX-512 paths off and Qt's SSE4/AVX drawing
  routines off: 0.0000% of pixels differ, largest channel difference 0. The
  renderer trains synchronously, loads the bundled DejaVu font unhinted and
  draws at device pixel ratio 1, and the 64×64 boundary grid is quantised to a
  256-entry colour table, so last-bit differences in the weights do not reach
  the pixels.
- The smallest regressions measured (share of pixels differing by more than 24):
  λ 0.7 → 0.6 0.68%, the cost view hidden 3.1%, class colours swapped 7.2%
  (a λ change of 0.1 is the smallest step the λ slider makes near 0.7).
- So PIXEL_THRESHOLD = 24 of 255 and MAX_DIFF_SHARE = 0.2%: a channel must move
  by about a tenth of its range to count, far beyond the 1–3 levels by which
  another CPU's antialiasing or blending may round differently, and up to 0.2%
  of the pixels (3,200 of the window) may differ, so text a glyph wider on
  another machine of the same kind still passes, while the smallest regression
  above is more than three times larger. One step more (the counter and curve
  ends: 0.07%) passes on purpose — the step is checked by test_main_window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from conftest import SCREENSHOT_DIR
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor

from regviz.config import load_preset
from regviz.gui.image_compare import (
    DEFAULT_MAX_DIFF_SHARE,
    DEFAULT_PIXEL_THRESHOLD,
    assert_matches_baseline,
    compare_arrays,
    load_png,
    qimage_to_array,
)
from regviz.gui.screenshot import render_window, render_window_image
from regviz.snapshot import take_snapshot

STEPS = 10_000  # overfit's boundary has bent (it overfits from ~6,000); l2's stays straight
PIXEL_THRESHOLD = 24
MAX_DIFF_SHARE = 0.002
TOLERANCE = {"pixel_threshold": PIXEL_THRESHOLD, "max_diff_share": MAX_DIFF_SHARE}

VIEWS = {  # baseline name → the window's attribute holding the view
    "view_boundary": "boundary_view",
    "view_cost": "cost_view",
    "view_accuracy": "accuracy_view",
    "view_weight_norms": "weight_norms_view",
    "view_diagram": "network_diagram_view",
}


def select_most_dropped_point(window) -> None:
    """Follow the training point that lost the most hidden units in the last step,
    as a click on it in the boundary view would."""
    snapshot = take_snapshot(window.experiment)
    masks = [m for m in snapshot.masks if m is not None]
    dropped = sum((~m).sum(axis=1) for m in masks)
    sample = int(snapshot.mask_rows[int(np.argmax(dropped))])
    window.boundary_view.select_sample(sample)
    window.boundary_view.sample_selected.emit(sample)


STATES = {  # name → (config, steps, prepare)
    "step0": (lambda: load_preset("overfit"), 0, None),
    "overfit": (lambda: load_preset("overfit"), STEPS, None),
    "l2": (lambda: load_preset("l2"), STEPS, None),
    "dropout": (lambda: load_preset("dropout"), STEPS, select_most_dropped_point),
    "diverged": (lambda: load_preset("overfit").with_values(learning_rate=80), 50, None),
}


def render(state: str, prepare=None):
    """A fresh QImage of the window in ``state`` (``prepare`` replaces the state's own)."""
    config, steps, own_prepare = STATES[state]
    return render_window_image(config(), steps, prepare=prepare or own_prepare)


@pytest.fixture(scope="module")
def rendered(qapp):
    """``rendered(state)``: the shown window in ``state``, rendered once per module."""
    windows = {}

    def get(state: str):
        if state not in windows:
            config, steps, prepare = STATES[state]
            windows[state] = render_window(config(), steps, prepare=prepare)
        return windows[state]

    yield get
    for window in windows.values():
        window.close()
        window.deleteLater()


@pytest.fixture
def updating(request) -> bool:
    return request.config.getoption("--update-screenshots")


# -- whole-window and per-view baselines ------------------------------------------------

@pytest.mark.parametrize("state", list(STATES))
def test_window_matches_its_baseline(rendered, assert_screenshot, state):
    window = rendered(state)
    assert_screenshot(f"window_{state}", window.grab().toImage(), **TOLERANCE)


@pytest.mark.parametrize("name", list(VIEWS))
def test_each_view_alone_matches_its_baseline(rendered, assert_screenshot, name):
    """From the dropout state, so the diagram shows dropped units and the raster."""
    view = getattr(rendered("dropout"), VIEWS[name])
    image = view.grab().toImage()
    assert image.width() > 100 and image.height() > 100, f"{name} collapsed"
    assert_screenshot(name, image, **TOLERANCE)


def test_the_states_show_what_their_baselines_are_for(rendered):
    """What each baseline is meant to show, checked on the widgets themselves: a
    baseline regenerated from a broken state would otherwise be taken as truth."""
    assert rendered("step0").experiment.step_count == 0
    assert rendered("diverged").banner.isVisible()
    assert "diverged" in rendered("diverged").banner.text()
    assert not rendered("overfit").banner.isVisible()
    assert len(rendered("dropout").network_diagram_view.dropped_units()) >= 2
    # L2 keeps the boundary straight where the points are; the overfit one winds
    # around wrong labels, so its 50% line is much longer than the cut it makes.
    excess = {state: winding(rendered(state).boundary_view) - 1.0
              for state in ("overfit", "l2")}
    assert excess["l2"] < 0.2 and excess["l2"] < 0.25 * excess["overfit"], excess


def winding(view) -> float:
    """Length of the p = 0.5 line inside the points' bounding box ÷ its extent along
    the straight line that fits it best: 1 for a straight cut, more the more it winds
    (outside the box a ReLU net's boundary runs off unseen by any point)."""
    snapshot = view._snapshot
    ends = snapshot.grid.lines  # segment ends, in consecutive pairs
    a, b = ends[0::2], ends[1::2]
    data = np.concatenate([snapshot.data.X_train, snapshot.data.X_test])
    middle = (a + b) / 2
    inside = np.all((middle >= data.min(axis=0)) & (middle <= data.max(axis=0)), axis=1)
    a, b = a[inside], b[inside]
    points = np.concatenate([a, b])
    centred = points - points.mean(axis=0)
    direction = np.linalg.svd(centred, full_matrices=False)[2][0]
    along = centred @ direction
    return float(np.linalg.norm(b - a, axis=1).sum() / (along.max() - along.min()))


# -- the comparator bites on real renders -----------------------------------------------

def swapped_class_colours(window) -> None:
    """The window's own theme with the two class colours exchanged."""
    c = window.theme.class_colours
    theme = replace(window.theme, class_colours=(c[1], c[0], *c[2:]))
    if hasattr(window, "apply_theme"):
        window.apply_theme(theme)
    else:
        for view in window.views:
            view.apply_theme(theme)


REGRESSIONS = {  # name → (baseline it must fail against, how to render it)
    "other_lambda": ("window_l2",
                     lambda: render_window_image(load_preset("l2").with_values(l2=0.6), STEPS)),
    "swapped_class_colours": ("window_overfit",
                              lambda: render("overfit", prepare=swapped_class_colours)),
    "hidden_cost_view": ("window_overfit",
                         lambda: render("overfit", prepare=lambda w: w.cost_view.hide())),
}


@pytest.mark.parametrize("regression", list(REGRESSIONS))
def test_a_regression_fails_against_the_baseline(regression, tmp_path, updating):
    if updating:
        pytest.skip("baselines are being rewritten")
    baseline, make = REGRESSIONS[regression]
    with pytest.raises(AssertionError, match="does not match its baseline") as info:
        assert_matches_baseline(make(), SCREENSHOT_DIR / f"{baseline}.png", tmp_path,
                                **TOLERANCE)
    assert str(tmp_path / baseline) in str(info.value)


def test_rendering_the_same_state_again_passes(updating):
    if updating:
        pytest.skip("baselines are being rewritten")
    for state in ("overfit", "dropout"):
        result = assert_matches_baseline(render(state), SCREENSHOT_DIR / f"window_{state}.png",
                                         SCREENSHOT_DIR / "failures", **TOLERANCE)
        assert result.matches


def test_a_failure_leaves_actual_baseline_and_diff_and_names_them(
        assert_screenshot, monkeypatch, tmp_path, updating):
    """End to end through the suite's own fixture, pointed at a copy of a baseline
    so a deliberate failure does not touch tests/screenshots/failures/."""
    if updating:
        pytest.skip("baselines are being rewritten")
    shutil.copy(SCREENSHOT_DIR / "window_overfit.png", tmp_path / "window_overfit.png")
    monkeypatch.setitem(assert_screenshot.__globals__, "SCREENSHOT_DIR", tmp_path)
    actual = render("overfit", prepare=swapped_class_colours)
    with pytest.raises(AssertionError) as info:
        assert_screenshot("window_overfit", actual, **TOLERANCE)
    folder = tmp_path / "failures" / "window_overfit"
    assert str(folder) in str(info.value)
    np.testing.assert_array_equal(load_png(folder / "actual.png"), qimage_to_array(actual))
    np.testing.assert_array_equal(load_png(folder / "baseline.png"),
                                  load_png(tmp_path / "window_overfit.png"))
    diff = load_png(folder / "diff.png")
    expected = compare_arrays(qimage_to_array(actual), load_png(tmp_path / "window_overfit.png"),
                              **TOLERANCE)
    red = np.all(diff[..., :3] == (220, 0, 0), axis=2)
    assert red.mean() == pytest.approx(expected.differing_share, abs=1e-3)
    assert red.mean() > MAX_DIFF_SHARE


def test_the_comparator_defaults_are_the_measured_tolerance():
    assert (DEFAULT_PIXEL_THRESHOLD, DEFAULT_MAX_DIFF_SHARE) == (PIXEL_THRESHOLD, MAX_DIFF_SHARE)


# -- region checks on the rendered window ------------------------------------------------

def window_pixel(window, image, widget, scene_point, dx: int = 0, dy: int = 0):
    """RGB of ``image`` (the window's grab) at ``scene_point`` of the graphics view
    ``widget``, plus (dx, dy) screen pixels."""
    p = widget.mapFromScene(scene_point)
    at = widget.viewport().mapTo(window, QPoint(p.x() + dx, p.y() + dy))
    colour = image.pixelColor(at.x(), at.y())
    return np.array([colour.red(), colour.green(), colour.blue()])


def lut_index(lut: np.ndarray, rgb: np.ndarray) -> int:
    """The colour-table entry nearest to ``rgb``: the p(class 1) it shows."""
    return int(np.argmin(np.abs(lut.astype(int) - rgb).sum(axis=1)))


def hide_points(window) -> None:
    view = window.boundary_view
    for box in (view.show_train, view.show_test, view.show_wrong):
        box.setChecked(False)


def test_boundary_sides_have_the_two_class_colours(qapp):
    """Two Gaussian blobs centred at ±(0.71, 0.71) (class 0 upper right): the true
    boundary is x + y = 0. Along the diagonal, pixels on the upper-right side show
    class 0's end of the colour table, those on the lower-left class 1's end."""
    config = load_preset("overfit").with_values(
        dataset="gaussian", classes=2, noise=0.3, hidden=(8,), learning_rate=0.5)
    window = render_window(config, 300, prepare=hide_points)
    try:
        view = window.boundary_view
        image = window.grab().toImage()
        lut = window.theme.binary_lut()
        for d in (0.3, 0.6, 0.9):
            upper = window_pixel(window, image, view.plot_widget,
                                 view.plot.vb.mapViewToScene(QPointF(d, d)))
            lower = window_pixel(window, image, view.plot_widget,
                                 view.plot.vb.mapViewToScene(QPointF(-d, -d)))
            assert lut_index(lut, upper) < 64, (d, upper)   # p(class 1) < 0.25
            assert lut_index(lut, lower) > 191, (d, lower)  # p(class 1) > 0.75
            assert np.abs(upper - lut[0]).max() < 40 and np.abs(lower - lut[255]).max() < 40
    finally:
        window.close()


def unit_pixel(window, image, layer: int, unit: int):
    """The fill of a unit's circle in the window's picture: two thirds of the way
    from its centre (where the × of a dropped unit is) to its rim, to the right."""
    diagram = window.network_diagram_view
    x, y = diagram.unit_position(layer, unit)
    sizes = diagram.units.data["size"]  # pixels; -1 means the item's default
    radius = float(np.where(sizes > 0, sizes, diagram.units.opts["size"]).min()) / 2
    scene = diagram.diagram_box.mapViewToScene(QPointF(x, y))
    return window_pixel(window, image, diagram.graphics, scene, dx=round(radius * 2 / 3))


def test_a_dropped_units_circle_has_the_dropped_colour(rendered):
    window = rendered("dropout")
    image = window.grab().toImage()
    diagram = window.network_diagram_view
    dropped = diagram.dropped_units()
    assert dropped
    theme = diagram.theme
    for layer, unit in dropped:
        rgb = unit_pixel(window, image, layer, unit)
        assert np.abs(rgb - theme.dropped).max() <= 8, (layer, unit, rgb)
    # A unit still working is filled with the background: the check can tell them apart.
    live = next((1, u) for u in range(window.config.hidden[0]) if (1, u) not in dropped)
    background = np.array(QColor(theme.background).getRgb()[:3])
    assert np.abs(unit_pixel(window, image, *live) - background).max() <= 8
    assert np.abs(background - theme.dropped).max() > 60



# -- regenerating baselines ------------------------------------------------------------------

def test_updating_baselines_is_refused_in_ci(tmp_path):
    """The one way to regenerate baselines must not run where nobody looks at them."""
    tests = Path(__file__).parent
    env = dict(os.environ, CI="true")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only",
         "--update-screenshots", str(tests / "test_image_compare.py")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, result.stdout + result.stderr
    assert "refused in CI" in result.stdout + result.stderr
