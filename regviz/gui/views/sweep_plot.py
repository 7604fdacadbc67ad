"""The validation curve: final train and test error against λ on a log axis, the
best λ marked and labelled.

λ = 0 has no place on a log axis; it is drawn one decade left of the grid, with
its own tick "0" and a broken-axis mark, unconnected to the curve (the gap in
between is not a distance)."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ...config import FIELDS_BY_NAME
from ...sweep import SweepPoint
from ...translatable import QT_TRANSLATE_NOOP
from ..language import fill, translate
from ..theme import Theme

TRAIN_COLOUR, TEST_COLOUR, BEST_COLOUR = "#0072B2", "#D55E00", "#009E73"


class SweepPlot(QWidget):
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "Each pair of markers is one network trained from the same initial weights with a "
        "different setting, to the same number of steps. Train error falls as the penalty "
        "weakens; test error is lowest in between: too little regularization overfits, too much "
        "underfits.")

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("sweep_plot")
        self.setToolTip(translate("Views", self.EXPLANATION))
        self.theme = theme or Theme.light()
        t = self.theme
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=t.grid_alpha)
        self.legend = self.plot.addLegend(offset=(-10, 10), labelTextSize=f"{t.font_pt}pt")
        size = t.marker_size * 1.4
        self.train_curve = self.plot.plot(
            [], [], name=translate("Views", "train error"), pen=t.pen(TRAIN_COLOUR), symbol="o",
            symbolSize=size, symbolBrush=TRAIN_COLOUR, symbolPen=None)
        self.test_curve = self.plot.plot(
            [], [], name=translate("Views", "test error"), pen=t.pen(TEST_COLOUR, dashed=False),
            symbol="s",
            symbolSize=size, symbolBrush=TEST_COLOUR, symbolPen=None)
        self.train_zero = pg.ScatterPlotItem(symbol="o", size=size, brush=TRAIN_COLOUR,
                                             pen=None)
        self.test_zero = pg.ScatterPlotItem(symbol="s", size=size, brush=TEST_COLOUR, pen=None)
        self.best_marker = pg.ScatterPlotItem(symbol="star", size=size * 2.2,
                                              brush=BEST_COLOUR,
                                              pen=pg.mkPen(t.foreground, width=1.5))
        self.best_line = pg.InfiniteLine(angle=90, pen=t.pen(BEST_COLOUR, 2, dashed=True))
        self.best_label = pg.TextItem(anchor=(0.5, 1.15), color=t.foreground,
                                      fill=pg.mkBrush(255, 255, 255, 220),
                                      border=pg.mkPen(BEST_COLOUR, width=2))
        self.best_label.setFont(QFont("DejaVu Sans", t.font_pt + 1, QFont.Weight.Bold))
        self.break_mark = pg.TextItem("//", anchor=(0.5, 1.0), color=t.foreground)
        self.break_mark.setFont(QFont("DejaVu Sans", t.font_pt + 2, QFont.Weight.Bold))
        for item in (self.train_zero, self.test_zero, self.best_line, self.best_marker,
                     self.best_label, self.break_mark):
            self.plot.addItem(item)
        self.best_line.hide()
        self.best_label.hide()
        self.break_mark.hide()
        t.style_axes(self.plot)
        self.plot.setLabel("left", translate("Views", "error (%)"), color=t.foreground)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.name = "l2"
        self.values: list[float] = []
        self.points: dict[int, SweepPoint] = {}
        self.best_index: int | None = None
        self.set_grid("l2", [0.0, 0.01, 0.1, 1.0], 0)

    def set_grid(self, name: str, values: list[float], steps: int) -> None:
        """Prepare the axes for a sweep of ``name`` over ``values`` (no points yet)."""
        self.name, self.values = name, list(values)
        self.points = {}
        self.best_index = None
        label = translate("Field", FIELDS_BY_NAME[name].label)
        title = fill(translate("Views", "Final error after {steps:,} steps against {setting}"),
                     steps=steps, setting=label)
        self.plot.setTitle(title, color=self.theme.foreground, size=f"{self.theme.title_pt}pt")
        self.plot.setLabel("bottom", fill(translate("Views", "{setting} (log scale)"),
                                          setting=label), color=self.theme.foreground)
        positive = [v for v in values if v > 0]
        lo, hi = math.log10(min(positive)), math.log10(max(positive))
        ticks = _log_ticks(lo, hi, positive)
        self.zero_x = lo - max(1.0, 0.15 * (hi - lo)) if 0.0 in values else None
        if self.zero_x is not None:
            ticks.insert(0, (self.zero_x, "0"))
        self.plot.getAxis("bottom").setTicks([ticks, []])
        left = self.zero_x if self.zero_x is not None else lo
        self.plot.setXRange(left, hi, padding=0.06)
        self.plot.setYRange(0, 50, padding=0.02)
        self._redraw()

    def add_points(self, points: dict[int, SweepPoint]) -> None:
        """Show the points trained so far (index into the grid's values)."""
        self.points.update(points)
        self._redraw()

    def mark_best(self, index: int | None) -> None:
        self.best_index = index
        self._redraw()

    def x_of(self, value: float) -> float:
        return self.zero_x if value == 0 else math.log10(value)

    def _redraw(self) -> None:
        grid = sorted((i, p) for i, p in self.points.items() if p.value > 0)
        zero = [p for p in self.points.values() if p.value == 0]
        xs = np.array([math.log10(p.value) for _, p in grid])
        self.train_curve.setData(xs, [100 * p.train_error for _, p in grid])
        self.test_curve.setData(xs, [100 * p.test_error for _, p in grid])
        zx = [self.zero_x] * len(zero)
        self.train_zero.setData(zx, [100 * p.train_error for p in zero])
        self.test_zero.setData(zx, [100 * p.test_error for p in zero])
        errors = [100 * e for p in self.points.values() for e in (p.train_error, p.test_error)]
        top = max(errors) if errors else 50.0
        low = min(errors) if errors else 0.0
        pad = max(2.0, 0.12 * (top - low))
        y0, y1 = max(0.0, low - pad), min(100.0, top + 2.5 * pad)  # room for the label
        self.plot.setYRange(y0, y1, padding=0)
        self.break_mark.setVisible(self.zero_x is not None)
        self.break_mark.setPos(self.break_x(), y0)
        best = self.points.get(self.best_index) if self.best_index is not None else None
        if best is None:
            self.best_marker.setData([])
            self.best_line.hide()
            self.best_label.hide()
            return
        x, y = self.x_of(best.value), 100 * best.test_error
        self.best_marker.setData([x], [y])
        self.best_line.setPos(x)
        self.best_line.show()
        label = translate("Field", FIELDS_BY_NAME[self.name].label)
        self.best_label.setText(fill(translate(
            "Views", "best {setting} = {value:.3g}\ntest error {error:.1f}%"),
            setting=label, value=best.value, error=100 * best.test_error))
        self.best_label.setPos(x, y1 - 0.02 * (y1 - y0))
        self.best_label.setAnchor((self._label_anchor_x(x), 0))
        self.best_label.show()

    def break_x(self) -> float:
        if self.zero_x is None:
            return 0.0
        positive = [v for v in self.values if v > 0]
        return (self.zero_x + math.log10(min(positive))) / 2

    def _label_anchor_x(self, x: float) -> float:
        """Keep the label inside the plot: left-aligned near the left edge,
        right-aligned near the right edge."""
        x0, x1 = self.plot.viewRange()[0]
        share = (x - x0) / (x1 - x0) if x1 > x0 else 0.5
        return 0.0 if share < 0.25 else 1.0 if share > 0.75 else 0.5

    def curve_data(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """What is drawn (tests): x positions and errors in %, per series."""
        return {"train": self.train_curve.getData(), "test": self.test_curve.getData(),
                "train_zero": self.train_zero.getData(), "test_zero": self.test_zero.getData()}


def _log_ticks(lo: float, hi: float, values: list[float]) -> list[tuple[float, str]]:
    """Decades inside [lo, hi] when there are at least two, else a few grid values."""
    decades = [d for d in range(math.floor(lo), math.ceil(hi) + 1) if lo - 1e-9 <= d <= hi + 1e-9]
    if len(decades) >= 2:
        return [(float(d), f"{10.0 ** d:g}") for d in decades]
    stride = max(1, len(values) // 5)
    chosen = values[::stride]
    if values[-1] not in chosen:
        chosen.append(values[-1])
    return [(math.log10(v), f"{v:.2g}") for v in chosen]

