"""The main window at the classroom's screen sizes (1280×720, 1366×768, 1920×1080;
the smallest supported, 1024×640), in normal and presentation mode: the window
takes the size it is given, the decision boundary and the cost plot are shown at
a readable size, nothing lies outside the window or over another view, no text
of the controls is cut, and the demo's controls stay within reach.

Sizes are set explicitly on an offscreen window (the screenshot renderer's code:
fixed size, device pixel ratio 1); tests/test_screen_fit.py opens windows on
offscreen screens of these sizes."""

from __future__ import annotations

import pytest
from layout_checks import clipped_texts, rect_in, visible_rect
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QScrollArea

from regviz.config import load_preset
from regviz.gui.actions.presentation import set_dark_theme, set_presentation
from regviz.gui.app import BASE_POINT_SIZE
from regviz.gui.controls.compact_bar import BAR_FIELDS
from regviz.gui.screenshot import render_window
from regviz.gui.theme import PRESENTATION_SCALE

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
MODES = ["normal", "presentation"]
CASES = [(size, mode) for size in SIZES for mode in MODES] + [((1024, 640), "normal"),
                                                              ((1024, 640), "presentation")]
MIN_PLOT = (300, 200)  # the "large enough to read", in pixels


def prepare_for(mode: str):
    def prepare(window):
        if "dark" in mode:
            set_dark_theme(window, True)
        if "presentation" in mode:
            set_presentation(window, True, full_screen=False)
    return prepare


@pytest.fixture(scope="module")
def windows(qapp):
    """``windows(size, mode)``: the overfit preset after 300 steps, rendered once."""
    made = {}

    def get(size, mode):
        if (size, mode) not in made:
            made[(size, mode)] = render_window(load_preset("overfit"), 300, size=size,
                                               prepare=prepare_for(mode))
        return made[(size, mode)]

    yield get
    for window in made.values():
        window.close()
        window.deleteLater()


def case_id(case):
    (w, h), mode = case
    return f"{w}x{h}-{mode}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_the_window_fits_the_size_it_is_given(windows, case):
    size, mode = case
    window = windows(size, mode)
    assert (window.width(), window.height()) == size
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1], hint
    # Every widget the window shows ends inside it.
    for widget in (window.centralWidget(), window.statusBar(), window.menuBar()):
        assert window.rect().contains(rect_in(widget, window)), widget.objectName()


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_boundary_and_cost_are_shown_large_enough_to_read(windows, case):
    size, mode = case
    window = windows(size, mode)
    for view in (window.boundary_view, window.cost_view):
        assert view.isVisible(), view.objectName()
        shown = visible_rect(view, window)
        assert shown == rect_in(view, window), f"{view.objectName()} is cut off: {shown}"
        assert shown.width() >= MIN_PLOT[0] and shown.height() >= MIN_PLOT[1], \
            (view.objectName(), shown)
    if size not in SIZES:
        return  # 1024×640 works, but its data areas are smaller than a classroom's
    # The data areas themselves, not only their frames: the map is square.
    vb = window.boundary_view.plot.vb
    assert min(vb.width(), vb.height()) >= 0.33 * min(size), (vb.width(), vb.height())
    cost_box = window.cost_view.plot.vb
    assert cost_box.width() >= 250 and cost_box.height() >= 110, \
        (cost_box.width(), cost_box.height())


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_no_view_lies_outside_the_window_or_over_another(windows, case):
    size, mode = case
    window = windows(size, mode)
    shown = [v for v in window.views if v.isVisible()]
    assert window.boundary_view in shown and window.cost_view in shown
    rects = {v.objectName(): rect_in(v, window) for v in shown}
    for name, rect in rects.items():
        assert window.centralWidget().geometry().contains(rect), (name, rect)
    names = list(rects)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            assert not rects[a].intersects(rects[b]), (a, b, rects[a], rects[b])
    # Tab areas show every title (no scroll arrows hiding some).
    for tabs in (window.lower_tabs, window.curve_tabs):
        if tabs.isVisible():
            assert tabs.tabBar().sizeHint().width() <= tabs.width(), tabs.objectName()


@pytest.mark.parametrize("case", CASES[:-1], ids=case_id)
def test_plot_titles_and_legends_fit_their_plots(windows, case):
    size, mode = case
    window = windows(size, mode)
    for view in (window.cost_view, window.accuracy_view, window.weight_norms_view):
        if not view.isVisible():
            continue
        theme = view.theme
        title_font = QFont("DejaVu Sans")
        title_font.setPointSizeF(theme.title_pt)
        title = QFontMetricsF(title_font).horizontalAdvance(view.TITLE)
        assert title <= view.plot_widget.width() - 20, (view.TITLE, view.plot_widget.width())
        legend = view.legend.mapRectToScene(view.legend.boundingRect())
        scene = view.plot_widget.sceneRect()
        assert scene.contains(legend), (view.objectName(), legend, scene)
        # Each label is drawn whole: its own width fits its column.
        for _, label in view.legend.items:
            assert label.boundingRect().width() <= legend.width() + 1


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_no_text_of_the_controls_is_cut(windows, case):
    size, mode = case
    window = windows(size, mode)
    sidebar = window.findChild(QScrollArea, "sidebar")
    layout = window.adaptive_layout
    try:
        if layout.arrangement.panel == "drawer":
            layout.toggle_panel()  # open the drawer: its text must fit as well
            QApplication.processEvents()
        assert sidebar.isVisible()
        # The panel is never wider than its column (there is no sideways scrolling).
        assert window.control_panel.minimumSizeHint().width() <= sidebar.viewport().width()
        problems = clipped_texts(window.control_panel, window)
        problems += clipped_texts(window.bar, window) if window.bar.isVisible() else []
        assert not problems, problems
    finally:
        if layout.drawer_open:
            layout.toggle_panel()
            QApplication.processEvents()


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_demo_controls_are_within_reach(windows, case):
    """Play, Step, Reset, the preset and the lesson's settings: on screen, not under
    anything, whether the panel is docked or the compact bar holds them."""
    size, mode = case
    window = windows(size, mode)
    panel = window.control_panel
    wanted = [window.play_button, window.step_button, window.reset_button,
              window.preset_box] + [panel.widget(name) for name in BAR_FIELDS]
    if window.adaptive_layout.arrangement.panel == "drawer":
        for widget in wanted:
            assert window.bar.isAncestorOf(widget), widget.objectName()
    for widget in wanted:
        assert widget.isVisible(), widget.objectName()
        assert visible_rect(widget, window) == rect_in(widget, window), widget.objectName()
    for field in ("speed", "l2", "l1", "keep_prob"):
        assert field in BAR_FIELDS
    if mode == "presentation":
        # The views are the show: the panel is a drawer, one key away.
        assert window.adaptive_layout.arrangement.panel == "drawer"


def test_presentation_text_is_about_one_and_a_half_times_larger(windows):
    normal, presenting = windows((1280, 720), "normal"), windows((1280, 720), "presentation")

    def size_of(window, widget):
        return widget.font().pointSizeF()

    for name in ("l2", "learning_rate", "hidden"):
        a = size_of(normal, normal.control_panel.labels[name])
        b = size_of(presenting, presenting.control_panel.labels[name])
        assert b / a == pytest.approx(PRESENTATION_SCALE, rel=0.1), (name, a, b)
    assert presenting.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE
                                                           * PRESENTATION_SCALE, rel=0.1)
    assert presenting.theme.font_pt / normal.theme.font_pt == \
        pytest.approx(PRESENTATION_SCALE, rel=0.1)


def test_dark_presentation_fits_too(qapp):
    window = render_window(load_preset("dropout"), 300, size=(1280, 720),
                           prepare=prepare_for("dark presentation"))
    try:
        for view in (window.boundary_view, window.cost_view):
            rect = visible_rect(view, window)
            assert rect.width() >= MIN_PLOT[0] and rect.height() >= MIN_PLOT[1]
        assert not clipped_texts(window.bar, window)
    finally:
        window.close()


# -- the compare and sweep windows ---------------------------------------------------------

@pytest.mark.parametrize("size", [(1280, 720), (1024, 640)])
def test_compare_window_fits_with_nothing_cut_off(qapp, size):
    from regviz.gui.windows.compare_window import CompareWindow

    window = CompareWindow(load_preset("overfit"), start_thread=False)
    try:
        hint = window.minimumSizeHint()
        assert hint.width() <= size[0] and hint.height() <= size[1], hint
        window.setFixedSize(*size)
        window.set_run_count(4)  # the most runs: the narrowest columns
        snapshots = window.controller.run_steps_blocking(50)
        window.show()
        window.show_snapshots(snapshots)
        for _ in range(3):
            QApplication.processEvents()
        assert not clipped_texts(window, window), clipped_texts(window, window)
        table = window.table
        header = table.horizontalHeader()
        right = header.sectionViewportPosition(3) + header.sectionSize(3)
        assert right <= table.viewport().width(), (right, table.viewport().width())
        for c in range(table.columnCount()):
            text = table.horizontalHeaderItem(c).text()
            assert header.sectionSize(c) >= table.fontMetrics().horizontalAdvance(text), text
        for view in (window.cost_view, window.accuracy_view, window.table):
            assert window.rect().contains(rect_in(view, window)), view.objectName()
        for view in (window.cost_view, window.accuracy_view):  # titles drawn whole
            title = view.plot.titleLabel
            drawn = title.item.mapRectToScene(title.item.boundingRect())
            assert view.plot_widget.sceneRect().contains(drawn), (view.TITLE, drawn)
        for column in window.columns:
            assert window.rect().contains(rect_in(column, window)), column.objectName()
    finally:
        window.close()


def test_sweep_window_fits_and_its_longest_message_shows_whole(qapp):
    from regviz.gui.windows.sweep_window import LONGEST_STATUS, SweepWindow

    window = SweepWindow(load_preset("overfit"), workers=1)
    try:
        hint = window.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 640, hint
        window.setFixedSize(1024, 640)
        window.show()
        for _ in range(3):
            QApplication.processEvents()
        plot_before = rect_in(window.plot, window)
        window._set_status(LONGEST_STATUS)
        for _ in range(3):
            QApplication.processEvents()
        assert not clipped_texts(window, window), clipped_texts(window, window)
        # Reserved: the longest message moves nothing.
        assert rect_in(window.plot, window) == plot_before
        assert window.rect().contains(rect_in(window.plot, window))
    finally:
        window.close()
