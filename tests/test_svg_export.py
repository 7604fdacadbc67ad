"""File → Export of a plot as SVG: the drawing looks like the PNG export when a real
renderer draws it. Checked by rasterising each exported SVG with cairosvg (cairo,
the library behind many desktop viewers) and with Qt's own SVG renderer, at the PNG's
size, and comparing pixel by pixel with the PNG export (tolerant: anti-aliasing and
text hinting differ between renderers).

Before the fix every scatter point was the whole sheet of marker symbols squeezed
into 11 px (Qt showed garbled tiles) and every curve a huge filled shape in cairo."""

import cairosvg  # the test extra; needs the system's libcairo2 (.ci/run installs it)
import numpy as np
from classroom_helpers import close_window, open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from regviz.gui.actions import export_actions
from regviz.gui.image_compare import load_png, qimage_to_array
from regviz.gui.svg_export import explicit_close

# A pixel differs when a channel moves by more than a quarter of its range; measured
# 0.5–3 % of the pixels (text and edges drawn differently), 40–100 % before the fix.
CHANNEL_TOLERANCE = 64
MAX_DIFFERENT = 0.05


def with_cairo(svg_path, width, height) -> np.ndarray:
    png = cairosvg.svg2png(url=str(svg_path), output_width=width, output_height=height,
                           background_color="white")
    return qimage_to_array(QImage.fromData(png))


def with_qt(svg_path, width, height) -> np.ndarray:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    QSvgRenderer(str(svg_path)).render(painter)
    painter.end()
    return qimage_to_array(image)


def different_share(a: np.ndarray, b: np.ndarray) -> float:
    moved = np.abs(a[..., :3].astype(int) - b[..., :3].astype(int)).max(axis=-1)
    return float((moved > CHANNEL_TOLERANCE).mean())


def test_every_plot_as_svg_looks_like_its_png(qtbot, tmp_path):
    """Every view of a dropout run (masks, thinned nets), the weight histograms from
    the hidden tab included, exported as PNG and as SVG."""
    window = open_window(qtbot, "dropout")
    window.controller.run_steps_blocking(400)
    qtbot.waitUntil(lambda: window.latest.step == 400, timeout=10000)
    shares, blank = {}, []
    views = list(window.views)
    try:
        for view in views:
            name = view.objectName()
            png_path, svg_path = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
            assert export_actions.export(window, name, str(png_path)), name
            assert export_actions.export(window, name, str(svg_path)), name
            png = load_png(png_path)
            height, width = png.shape[:2]
            if (png[..., :3] < 200).any(axis=-1).mean() < 0.01:
                blank.append(name)  # two blank pictures would agree: the plot needs ink
            for renderer in (with_cairo, with_qt):
                drawn = renderer(svg_path, width, height)
                shares[name, renderer.__name__] = different_share(png, drawn)
    finally:
        close_window(window)
    assert len(shares) == 2 * len(views) >= 12 and blank == []
    too_different = {k: f"{v:.1%}" for k, v in shares.items() if v >= MAX_DIFFERENT}
    assert too_different == {}, shares


def test_a_closed_path_is_closed_by_an_explicit_line():
    assert explicit_close("M0,0 L4,0 L4,3 Z M5,5 L6,6 Z") == \
        "M0,0 L4,0 L4,3 L0,0 M5,5 L6,6 L5,5"
