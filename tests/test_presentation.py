"""Presentation mode and the dark theme: restyled everywhere, restored on leaving,
and pictured in the screenshot suite."""

import numpy as np
import pytest
from classroom_helpers import close_window, open_window
from PySide6.QtWidgets import QApplication, QScrollArea

from regviz.config import load_preset
from regviz.gui.actions.presentation import set_dark_theme, set_presentation
from regviz.gui.app import BASE_POINT_SIZE
from regviz.gui.screenshot import render_window_image
from regviz.gui.theme import PRESENTATION_SCALE, Theme


@pytest.fixture
def window(qtbot):
    w = open_window(qtbot)
    yield w
    close_window(w)


def styles(w):
    cost = w.cost_view
    return {
        "theme": w.theme,
        "view_themes": [v.theme for v in w.views],
        "font": w.font().pointSize(),
        "sidebar": w.findChild(QScrollArea, "sidebar").width(),
        "pens": {k: (c.opts["pen"].color().name(), c.opts["pen"].widthF())
                 for k, c in cost.curves.items()},
        "background": cost.plot_widget.backgroundBrush().color().name(),
        "palette": w.palette().window().color().name(),
    }


def test_presentation_mode_enlarges_everything_and_leaving_restores_it(window, qtbot):
    before = styles(window)
    window.presentation_action.trigger()
    assert window.isFullScreen()
    on = styles(window)
    assert on["theme"].font_pt == round(Theme.light().font_pt * PRESENTATION_SCALE)
    assert on["theme"].marker_size == pytest.approx(Theme.light().marker_size * 1.6)
    assert on["theme"].high_contrast and all(t is on["theme"] for t in on["view_themes"])
    assert on["font"] > BASE_POINT_SIZE and on["sidebar"] > before["sidebar"]
    widths = {k: w for k, (_, w) in on["pens"].items()}
    for key, (_, width) in before["pens"].items():
        assert widths[key] == pytest.approx(width * PRESENTATION_SCALE)
    window.presentation_action.trigger()
    assert not window.isFullScreen()
    assert styles(window) == before


def test_dark_theme_restyles_plots_and_widgets_and_back(window, qtbot):
    before = styles(window)
    set_dark_theme(window, True)
    dark = styles(window)
    assert dark["theme"].is_dark and dark["background"] == Theme.dark().background
    assert dark["palette"] != before["palette"]
    assert QApplication.palette().base().color().name() == "#1e1e1e"  # no white editors
    assert dark["pens"]["train_total"][0] == Theme.dark().total  # black line → white
    legend_texts = [label.text for _, label in window.cost_view.legend.items]
    assert legend_texts and all(label.opts["color"] is not None for _, label in
                                window.cost_view.legend.items)
    set_dark_theme(window, False)
    assert styles(window) == before
    assert QApplication.palette().base().color().name() == "#ffffff"


def near_white_share(image):
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = image.width(), image.height()
    stride = image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), np.uint8, count=stride * height)
    pixels = pixels.reshape(height, stride)[:, : width * 3].reshape(height, width, 3)
    return float(np.mean(np.all(pixels > 235, axis=2)))


def test_dark_theme_screenshot(assert_screenshot):
    image = render_window_image(load_preset("l2"), 1500,
                                prepare=lambda w: set_dark_theme(w, True))
    # No white boxes left over: only the point outlines and text are light.
    assert near_white_share(image) < 0.03
    assert_screenshot("dark_theme", image)


def test_presentation_mode_screenshot(assert_screenshot):
    image = render_window_image(
        load_preset("dropout"), 1500, size=(1920, 1080),
        prepare=lambda w: set_presentation(w, True, full_screen=False))
    assert (image.width(), image.height()) == (1920, 1080)
    assert_screenshot("presentation_mode", image)


def test_dark_presentation_screenshot(assert_screenshot):
    def prepare(w):
        set_dark_theme(w, True)
        set_presentation(w, True, full_screen=False)

    image = render_window_image(load_preset("overfit"), 1500, size=(1920, 1080),
                                prepare=prepare)
    assert near_white_share(image) < 0.03
    assert_screenshot("presentation_mode_dark", image)
