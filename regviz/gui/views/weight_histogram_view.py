"""Each layer's weight histogram over the steps, as a picture: step to the right,
weight value up, darker where more weights are. L2 squeezes the band toward 0;
L1 pulls a bright line onto exactly 0; no penalty lets it spread."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core.history import WeightHistograms
from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate
from ..theme import Theme
from .history_plot import nice_ceiling

# A bin holding this share of a layer's weights is drawn at full strength; the
# square root keeps a bell's thin tails visible next to an L1 spike at 0, and any
# occupied bin is at least FLOOR strong (one weight of a small layer must show).
FULL_SHARE = 0.2
FLOOR = 0.3


def histogram_image(histograms: WeightHistograms, layer: int) -> np.ndarray:
    """(bins, columns) strength in 0…1 of ``layer``'s histograms: row i is bin i
    (bottom = most negative), column t is ``histograms.steps[t]``; 0 = empty bin."""
    shares = histograms.counts[:, layer, :].T
    strength = FLOOR + (1 - FLOOR) * np.sqrt(np.clip(shares / FULL_SHARE, 0.0, 1.0))
    return np.where(shares > 0, strength, 0.0)


def step_ticks(top: float) -> list[tuple[float, str]]:
    """Labelled steps 0 and ½ top, short ("2k"): the plots are narrow, pyqtgraph's
    own ticks ran into each other ("100020003000"), and a label at the right end
    would be clipped."""
    def label(v: float) -> str:
        if v >= 1000:
            return f"{v / 1000:g}k"
        return f"{v:g}"
    return [(v, label(v)) for v in (0.0, top / 2)]


class WeightHistogramView(QWidget):
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "How each layer's weights are spread, step by step: time runs to the right, the weight "
        "value goes up, and the darker a spot, the more weights have that value. L2 squeezes the "
        "band toward 0; L1 pulls many weights onto exactly 0 (a dark line on the dashed 0 line).")

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("weight_histogram_view")
        self.setToolTip(translate("Views", self.EXPLANATION))
        self.theme = theme or Theme.light()
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.ci.layout.setSpacing(4)
        self.caption = QLabel()
        self.caption.setObjectName("weight_histogram_caption")
        self.caption.setWordWrap(True)  # in a narrow tab area, two lines instead of cut
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.graphics, 1)
        layout.addWidget(self.caption)
        self.plots: list[pg.PlotItem] = []
        self.images: list[pg.ImageItem] = []
        self._shapes: tuple = ()
        self._snapshot = None
        self._drawn = None
        self._ranges: list[tuple] = []
        self.apply_theme(self.theme)

    def _ensure_plots(self, shapes: tuple) -> None:
        if shapes == self._shapes:
            return
        self.graphics.clear()
        self.plots, self.images = [], []
        for l in range(len(shapes)):
            plot = self.graphics.addPlot(row=0, col=l)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setMouseEnabled(x=False, y=False)
            image = pg.ImageItem(axisOrder="row-major")
            image.setLookupTable(self._lut)
            plot.addItem(image)
            zero = pg.InfiniteLine(pos=0, angle=0, pen=self.theme.pen(self.theme.event_line,
                                                                     1.2, dashed=True))
            plot.addItem(zero)
            self.plots.append(plot)
            self.images.append(image)
        self._shapes = shapes
        self._ranges = [()] * len(shapes)
        self._style_plots()

    def _style_plots(self) -> None:
        t = self.theme
        for l, (plot, shape) in enumerate(zip(self.plots, self._shapes, strict=True)):
            plot.setTitle(f"W{l + 1}  ({shape[0]}×{shape[1]})", color=t.foreground,
                          size=f"{t.font_pt + 1}pt")
            t.style_axes(plot, t.font_pt - 1)
            for side in ("left", "bottom"):
                plot.getAxis(side).enableAutoSIPrefix(False)
            plot.getAxis("bottom").setTicks(None)
            if l == 0:
                plot.setLabel("left", translate("Views", "weight"), color=t.foreground,
                              size=f"{t.font_pt}pt")

    # -- updates --------------------------------------------------------------
    def show_snapshot(self, snapshot) -> None:
        self._snapshot = snapshot
        if self.isVisible():
            self._draw(snapshot)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._snapshot is not None and self._drawn is not self._snapshot:
            self._draw(self._snapshot)

    def _draw(self, snapshot) -> None:
        self._drawn = snapshot
        histograms = snapshot.weight_histograms
        self._ensure_plots(tuple(w.shape for w in snapshot.weights))
        if histograms is None or not len(histograms):
            for image in self.images:
                image.clear()
            return
        steps = histograms.steps
        # One column per recorded point; the last is as wide as the one before it.
        width = float(steps[-1] - steps[0]) if len(steps) > 1 else 1.0
        column = width / max(len(steps) - 1, 1)
        for l, (plot, image) in enumerate(zip(self.plots, self.images, strict=True)):
            if l >= histograms.n_layers:
                continue
            half = histograms.half_range[l]
            image.setImage(histogram_image(histograms, l), autoLevels=False, levels=(0, 1))
            rect = QRectF(float(steps[0]), -half, width + column, 2 * half)
            image.setRect(rect)
            # The x axis jumps to round numbers (as the history plots' do) instead of
            # moving every frame: readable, and the cached axis is rarely redrawn.
            ranges = (float(steps[0]), nice_ceiling(max(rect.right() * 1.03, 10.0)), half)
            if ranges != self._ranges[l]:
                self._ranges[l] = ranges
                # A little room at the sides, or the end labels are clipped away.
                plot.setXRange(*ranges[:2], padding=0.04)
                plot.setYRange(-half, half, padding=0)
                plot.getAxis("bottom").setTicks([step_ticks(ranges[1])])

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.graphics.setBackground(theme.background)
        background = np.array(pg.mkColor(theme.background).getRgb()[:3], float)
        ink = np.array(pg.mkColor(theme.foreground if theme.name == "dark" else "#08306b")
                       .getRgb()[:3], float)
        t = np.linspace(0, 1, 256)[:, None]
        self._lut = (background + (ink - background) * t).astype(np.uint8)
        for image in self.images:
            image.setLookupTable(self._lut)
        self.caption.setStyleSheet(f"font-size: {theme.font_pt}pt; padding: 2px 6px;")
        if theme.name == "dark":
            caption = translate("Views", "step →   ·   brighter = more weights   ·   "
                                "dashed line = 0")
        else:
            caption = translate("Views", "step →   ·   darker = more weights   ·   "
                                "dashed line = 0")
        self.caption.setText(caption)
        self._style_plots()
        if self._snapshot is not None and self.isVisible():
            self._draw(self._snapshot)
