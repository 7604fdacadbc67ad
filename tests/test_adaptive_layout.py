"""The adaptive layout's behaviour: the rule, the drawer and its key, the compact
bar made from a list of settings, nothing moving when messages come and go, test
markers that stay visible on every region colour, and network units that never
overlap."""

from __future__ import annotations

import numpy as np
import pytest
from layout_checks import rect_in
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from regviz.config import load_preset
from regviz.experiment import Experiment
from regviz.gui.actions.presentation import set_dark_theme, set_presentation
from regviz.gui.controls.compact_bar import BAR_FIELDS, CompactBar
from regviz.gui.screenshot import render_window
from regviz.gui.theme import CLASS_COLOURS, Theme
from regviz.gui.views.decision_boundary_view import marker_outline
from regviz.gui.views.network_diagram_view import NetworkDiagramView
from regviz.gui.windows.adaptive_layout import choose_views, panel_docks
from regviz.snapshot import take_snapshot


def settle(n: int = 3) -> None:
    for _ in range(n):
        QApplication.processEvents()


@pytest.fixture
def window(qapp):
    made = []

    def make(size=(1280, 720), presenting=False, preset="overfit", steps=200):
        def prepare(w):
            if presenting:
                set_presentation(w, True, full_screen=False)
        w = render_window(load_preset(preset), steps, size=size, prepare=prepare)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


# -- the rule ------------------------------------------------------------------------------

def test_the_rule_keeps_the_panel_beside_the_views_only_where_they_keep_their_room():
    assert panel_docks(1280, 380, presenting=False)
    assert not panel_docks(1024, 380, presenting=False)
    assert not panel_docks(1920, 608, presenting=True)  # presentation: the views' show
    assert choose_views(1540, 1000, 1.0) == "grid"
    assert choose_views(900, 665, 1.0) == "paired"
    assert choose_views(1280, 530, 1.6) == "compact"
    assert choose_views(1920, 900, 1.6) == "compact"


@pytest.mark.parametrize("size, presenting, expected", [
    ((1600, 1000), False, ("docked", "grid")),
    ((1280, 720), False, ("docked", "paired")),
    ((1024, 640), False, ("drawer", "compact")),
    ((1280, 720), True, ("drawer", "compact")),
])
def test_each_size_gets_its_arrangement_and_every_view_a_place(window, size, presenting,
                                                               expected):
    w = window(size, presenting)
    layout = w.adaptive_layout
    assert (layout.arrangement.panel, layout.arrangement.views) == expected
    # Every view is somewhere: shown, or one tab away.
    for view in w.views:
        assert view.isVisibleTo(w) or any(
            tabs.indexOf(view) >= 0 or tabs.indexOf(view.parentWidget()) >= 0
            for tabs in (w.lower_tabs, w.curve_tabs)), view.objectName()


# -- the drawer and the bar ----------------------------------------------------------------

def test_key_c_opens_and_closes_the_drawer_over_the_views_and_esc_closes_it(window, qtbot):
    w = window((1280, 720), presenting=True)
    boundary = rect_in(w.boundary_view, w)
    assert not w.sidebar.isVisible()
    w.toggle_panel()
    settle()
    assert w.sidebar.isVisible() and w.bar.settings_button.isChecked()
    assert rect_in(w.boundary_view, w) == boundary  # laid over the views, not beside
    assert rect_in(w.sidebar, w).top() >= rect_in(w.bar, w).bottom()
    w.leave_presentation()  # Esc: closes the drawer first
    settle()
    assert not w.sidebar.isVisible() and w.presenting
    w.leave_presentation()
    settle()
    assert not w.presenting


def test_key_c_hides_a_docked_panel_and_the_bar_takes_its_controls(window):
    w = window((1600, 1000))
    assert w.adaptive_layout.arrangement.panel == "docked"
    w.toggle_panel()
    settle()
    assert w.adaptive_layout.arrangement.panel == "drawer" and w.bar.isVisible()
    assert w.bar.isAncestorOf(w.play_button)
    w.toggle_panel()
    settle()
    assert w.adaptive_layout.arrangement.panel == "docked" and not w.bar.isVisible()
    assert w.sidebar.isAncestorOf(w.play_button)
    # Every setting's row is back in the panel, in its order.
    for name in BAR_FIELDS:
        assert w.sidebar.isAncestorOf(w.control_panel.widget(name))


def test_the_bar_is_made_from_a_list_of_setting_names(window):
    w = window((1280, 720), presenting=True)
    for name in BAR_FIELDS:
        assert w.bar.isAncestorOf(w.control_panel.widget(name)), name
    assert not w.bar.isAncestorOf(w.control_panel.widget("learning_rate"))
    # One more name is one more control in a bar.
    bar = CompactBar(w.control_panel, fields=(*BAR_FIELDS, "learning_rate"))
    try:
        bar.lend([])
        assert bar.isAncestorOf(w.control_panel.widget("learning_rate"))
    finally:
        bar.give_back()
        bar.deleteLater()
    with pytest.raises(ValueError, match="no setting named speedd"):
        CompactBar(w.control_panel, fields=("l2", "speedd"))


def test_a_value_refused_in_the_bar_is_said_in_the_banner_and_moves_nothing(window):
    w = window((1280, 720), presenting=True)
    views = {v.objectName(): rect_in(v, w) for v in w.views if v.isVisible()}
    w.set_value("l2", "abc")
    settle()
    assert w.banner.isVisible() and "l2='abc' is not valid" in w.banner.text()
    assert w.banner.height() >= w.banner.heightForWidth(w.banner.width())  # not cut
    assert {v.objectName(): rect_in(v, w) for v in w.views if v.isVisible()} == views
    w.set_value("l2", "0.5")
    settle()
    assert not w.banner.isVisible() and w.config.l2 == 0.5


# -- nothing jumps -------------------------------------------------------------------------

@pytest.mark.parametrize("size, presenting", [((1600, 1000), False), ((1280, 720), False),
                                              ((1280, 720), True)])
def test_views_stay_put_when_formula_captions_and_banners_change(window, size, presenting):
    w = window(size, presenting)

    def places():
        settle()
        return {v.objectName(): (rect_in(v, w), v.plot.vb.sceneBoundingRect()
                                  if hasattr(v, "plot") else None)
                for v in w.views if v.isVisible()}

    before = places()
    # The formula grows from one line to five; dropout shows the ensemble boxes; L1
    # shows its read-out; the diagram's caption grows; training diverges.
    w.control_panel.set_value("l2", "0.7")
    w.control_panel.set_value("l1", "0.01")
    w.control_panel.set_value("keep_prob", "0.8")
    w.control_panel.set_value("regularize_biases", True)
    w.experiment.apply(w.control_panel.config)
    w.experiment.step(5)
    snapshot = take_snapshot(w.experiment)
    w.show_snapshot(snapshot)
    w._show_banner("Training diverged at step 12: the loss is 27,213 — lower the learning "
                   "rate and press Reset.", "diverged")
    after = places()
    assert after == before
    assert w.boundary_view.ensemble_shown


@pytest.mark.parametrize("preset", ["overfit", "dropout"])
def test_nothing_moves_when_play_becomes_pause_and_the_step_grows(window, preset):
    """Seen live at 1280×720 in presentation mode: pressing Play turned "Play" into
    the wider "Pause", the compact bar re-wrapped onto a third line and every view
    jumped down (the network diagram was left 60 pixels)."""
    from dataclasses import replace

    w = window((1280, 720), True, preset=preset)

    def places():
        settle()
        return ({v.objectName(): rect_in(v, w) for v in w.views if v.isVisible()},
                w.bar.height())

    before = places()
    w.play_button.show_running(True)
    w.show_snapshot(replace(take_snapshot(w.experiment), step=88_888))
    after = places()
    assert w.play_button.text().endswith("Pause") and "88,888" in w.step_counter.text()
    assert after == before


# -- contrast ----------------------------------------------------------------------------------

def relative_luminance(rgb) -> float:
    """WCAG 2's relative luminance of an sRGB colour (0–255 channels)."""
    c = np.asarray(rgb, float) / 255
    linear = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2])


def contrast(a, b) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hex_rgb(colour: str):
    colour = colour.lstrip("#")
    return [int(colour[i:i + 2], 16) for i in (0, 2, 4)]


@pytest.mark.parametrize("dark", [False, True])
@pytest.mark.parametrize("presenting", [False, True])
def test_test_markers_are_edged_visibly_on_every_region_colour(dark, presenting):
    """The map's colours, recomputed here from the theme's class colours, tint and
    midpoint: the markers' edge stands 3:1 (WCAG's least for a graphic) off each."""
    theme = Theme.for_display(dark, presenting)
    mid = np.array(theme.midpoint, float)
    regions = [mid + (np.array(c, float) - mid) * theme.tint * s
               for c in CLASS_COLOURS[:3] for s in np.linspace(0, 1, 11)]
    edge = hex_rgb(marker_outline(theme))
    worst = min(contrast(edge, r) for r in regions)
    assert worst >= 3.0, worst


def test_a_test_marker_on_its_own_colour_stands_out_in_dark_presentation(qapp):
    """On the rendered map, with and without the test markers: around a test point
    deep in its own class's region (and clear of other markers), some pixels of
    its marker differ strongly from the map under it."""
    def prepare(w):
        set_dark_theme(w, True)
        set_presentation(w, True, full_screen=False)
        for box in (w.boundary_view.show_train, w.boundary_view.show_wrong):
            box.setChecked(False)
    w = render_window(load_preset("overfit"), 1500, size=(1280, 720), prepare=prepare)
    try:
        view = w.boundary_view
        with_markers = w.grab().toImage()
        view.show_test.setChecked(False)
        settle()
        without = w.grab().toImage()
        snap = take_snapshot(w.experiment)
        data, grid = snap.data, snap.grid
        radius = round(view.theme.marker_size)

        def pixel_of(x):
            centre = view.plot_widget.mapFromScene(view.plot.vb.mapViewToScene(
                QPointF(float(x[0]), float(x[1]))))
            return view.plot_widget.viewport().mapTo(w, centre)

        def box(image, at):
            return np.array([[image.pixelColor(at.x() + dx, at.y() + dy).getRgb()[:3]
                              for dx in range(-radius, radius + 1)]
                             for dy in range(-radius, radius + 1)], float)

        checked = 0
        for n, (x, label) in enumerate(zip(data.X_test, data.y_test, strict=True)):
            ix = int(np.argmin(np.abs(grid.xs - x[0])))
            iy = int(np.argmin(np.abs(grid.ys - x[1])))
            p = grid.probs[iy, ix] if grid.probs.ndim == 2 else grid.probs[iy, ix, 1]
            if (label == 1 and p < 0.75) or (label == 0 and p > 0.25):
                continue  # not inside its own region
            at = pixel_of(x)
            others = [pixel_of(o) for m, o in enumerate(data.X_test) if m != n]
            if any(abs(o.x() - at.x()) <= 1.5 * radius and abs(o.y() - at.y()) <= 1.5 * radius
                   for o in others):
                continue  # another marker nearby would count for this one
            change = np.abs(box(with_markers, at) - box(without, at)).sum(axis=2)
            assert change.max() > 300, (x, change.max())
            checked += 1
        assert checked >= 2, checked
    finally:
        w.close()


# -- the network diagram ---------------------------------------------------------------------

@pytest.mark.parametrize("hidden, size, presenting", [
    ((20, 3), (700, 300), True), ((20, 3), (700, 160), True), ((64, 8), (700, 400), False),
    ((20, 3), (500, 250), False)])
def test_units_never_overlap_and_wide_layers_say_how_many_are_drawn(qapp, hidden, size,
                                                                    presenting):
    from regviz.gui.app import create_application

    create_application(deterministic=True)
    view = NetworkDiagramView(Theme.for_display(False, presenting))
    view.resize(*size)
    view.show()
    try:
        experiment = Experiment(load_preset("dropout").with_values(hidden=hidden))
        experiment.step(2)
        view.show_snapshot(take_snapshot(experiment))
        settle()
        box = view.diagram_box
        sizes = view.units.data["size"]  # -1: the item's own size
        diameter = float(np.where(sizes > 0, sizes, view.units.opts["size"]).max()) + max(
            p.widthF() for p in view.units.data["pen"])
        for layer, ids in enumerate(view._unit_index):
            centres = [box.mapViewToDevice(QPointF(*view._positions[i])) for i in ids]
            ys = sorted(c.y() for c in centres)
            gaps = np.diff(ys)
            if len(gaps):
                assert gaps.min() >= diameter, (layer, gaps.min(), diameter)
            shown, total = len(ids), ([2] + list(hidden) + [1])[layer]
            label = view.layer_labels[layer].textItem.toPlainText()
            assert f"{total} units" in label or total == 1
            assert (f"({shown} drawn)" in label) == (shown < total), label
        if max(len(ids) for ids in view._unit_index) > 2:  # else the box is tiny
            assert diameter >= 6, diameter
    finally:
        view.close()


def test_presentation_on_and_off_gives_back_the_panel_as_it_was(window):
    """Going back from 1.6× text, the label column and number fields shrink again
    (a label's size hint includes its last minimum: the panel stayed presentation-
    wide and its fields were cut by the docked column)."""
    from layout_checks import clipped_texts

    w = window((1280, 720))
    panel = w.control_panel
    before = (panel.minimumSizeHint(), {n: lab.minimumWidth() for n, lab in panel.labels.items()})
    set_presentation(w, True, full_screen=False)
    w.toggle_panel()  # the drawer, with the bar holding some rows
    settle()
    set_presentation(w, False, full_screen=False)
    settle()
    after = (panel.minimumSizeHint(), {n: lab.minimumWidth() for n, lab in panel.labels.items()})
    assert after == before
    assert w.adaptive_layout.arrangement.panel == "docked" and w.sidebar.isVisible()
    assert rect_in(w.views_area, w).left() >= rect_in(w.sidebar, w).right()
    assert not clipped_texts(panel, w)


@pytest.mark.filterwarnings("error::RuntimeWarning")
@pytest.mark.parametrize("points", [1, 3])
def test_the_step_axis_turns_linear_again_with_step_0_in_the_curves(make_view, points):
    """Found by the monkey: turning the log step axis off gave step 0 back to the
    curves while the axis was still logarithmic (log10(0) in a dot's bounds)."""
    from dataclasses import replace

    from regviz.gui.views.cost_view import CostView

    experiment = Experiment(load_preset("overfit").with_values(log_steps=False))
    experiment.step(0 if points == 1 else 50)
    snapshot = take_snapshot(experiment)
    steps = snapshot.history["step"]
    assert steps[0] == 0 and (len(steps) == 1) == (points == 1)
    view = make_view(CostView)
    for log in (False, True, False, True, False):
        view.show_snapshot(replace(snapshot, config=snapshot.config.with_values(log_steps=log)))
        view.plot_widget.grab()  # paint: bounds are worked out here too
    x, _ = view.curves["test_loss"].getData()
    assert x[0] == 0
