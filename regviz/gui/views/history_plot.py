"""The shared base of every plot over training steps: large labels, a legend,
labelled vertical lines where a hyperparameter changed live, a hover read-out,
and a log-y toggle. Curves are updated in place with ``setData``."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QVBoxLayout, QWidget

from ..theme import Theme

MAX_EVENT_LINES = 12  # older changes are dropped from view: a wall of lines reads as noise
EVENT_LABEL_POSITIONS = (0.9, 0.72, 0.54)  # fractions of the plot height, top down


class HistoryPlot(QWidget):
    TITLE = ""
    Y_LABEL = ""
    EXPLANATION = ""
    LOG_Y_TOGGLE = False
    LEGEND_COLUMNS = 2

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.theme = theme or Theme.light()
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=self.theme.grid_alpha)
        # The legend sits under the axis, outside the data: inside the plot it hid
        # the newest steps (the right edge), which are what the class is watching.
        self.legend = pg.LegendItem(colCount=self.LEGEND_COLUMNS, verSpacing=-4, horSpacing=12,
                                    labelTextSize=f"{self.theme.font_pt}pt")
        self.plot.layout.addItem(self.legend, 4, 1)
        # All spare height goes to the data, none to the legend row.
        self.plot.layout.setRowStretchFactor(2, 100)
        self.plot.layout.setRowStretchFactor(4, 0)
        self.legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._given: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._event_lines: list[pg.InfiniteLine] = []
        self._events_shown: tuple = ()
        self._x_top = None
        self._y_range = None
        self.plot.enableAutoRange(x=False, y=False)  # see _fit_x and fit_y
        self._hover = pg.TextItem(anchor=(0, 1))
        self._hover.setZValue(100)
        self.plot.addItem(self._hover, ignoreBounds=True)
        self._hover.hide()
        self._mouse_proxy = pg.SignalProxy(self.plot.scene().sigMouseMoved, rateLimit=30,
                                           slot=self._on_mouse_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot_widget)
        self.log_y_box = None
        if self.LOG_Y_TOGGLE:
            self.log_y_box = QCheckBox("log scale")
            self.log_y_box.setObjectName(f"{self.objectName() or 'plot'}_log_y")
            self.log_y_box.setToolTip("Show the y axis on a log scale: small losses stay visible")
            self.log_y_box.toggled.connect(self.set_log_y)
            layout.addWidget(self.log_y_box)
        self.setToolTip(self.EXPLANATION)
        self.apply_theme(self.theme)

    def add_curve(self, key: str, name: str, colour: str, dashed: bool = False,
                  width: float | None = None) -> pg.PlotDataItem:
        curve = self.plot.plot([], [], name=name, pen=self.theme.pen(colour, width, dashed))
        self.legend.addItem(curve, name)
        # No setClipToView: it clips to the view range of the previous frame, so the
        # newest part of a growing curve (the part the class is watching) went missing.
        curve.setDownsampling(auto=True, method="peak")
        # About one point per pixel column is all a thick line can show ("peak" keeps
        # each column's min and max); pyqtgraph's default (5 per pixel) made curve
        # painting the dearest part of a frame.
        curve.opts["autoDownsampleFactor"] = 0.5
        self.curves[key] = curve
        return curve

    def set_curve(self, key: str, x: np.ndarray, y: np.ndarray) -> None:
        # Kept as given, so switching the log scale can re-filter what it cannot show.
        self._given[key] = (x, y)
        finite = np.isfinite(y)
        if not finite.all():
            x, y = x[finite], y[finite]
        if self.plot.ctrl.logYCheck.isChecked():
            keep = y > 0
            x, y = x[keep], y[keep]
        curve = self.curves[key]
        curve.setData(x, y, skipFiniteCheck=True)
        if not len(x):
            # pyqtgraph only hides the dot of a curve emptied this way; its stale
            # point (NaN once the log scale transformed it) still enters the bounds.
            curve.scatter.clear()
        # A single recorded point draws no line: show it as a dot instead.
        symbol = "o" if len(x) == 1 else None
        if curve.opts["symbol"] != symbol:
            curve.setSymbol(symbol)
            curve.setSymbolBrush(curve.opts["pen"].color() if symbol else None)
        if len(x):
            self._fit_x(float(x[-1]))

    def _fit_x(self, last_step: float) -> None:
        """Show steps 0 … the next round number (1, 2, 5 × 10^k) past the newest one.

        The x axis then moves in jumps, not every frame: the class can read it, and
        the (costly) axis picture is re-drawn a few times a run instead of 30 a second."""
        top = nice_ceiling(max(last_step * 1.03, 10.0))  # room for the newest label
        if top != self._x_top:
            self._x_top = top
            self.plot.setXRange(0, top, padding=0.02)

    def set_antialias(self, on: bool) -> None:
        """Smooth curves while paused (screenshots, explaining); plain ones while
        training, where antialiased thick lines were half of every frame's paint
        time, and the GUI thread holding Python's GIL slows the training thread."""
        for curve in self.curves.values():
            if curve.opts.get("antialias") != on:
                curve.opts["antialias"] = on
                curve.curve.opts["antialias"] = on
                curve.update()

    @Slot(bool)
    def set_log_y(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        # Values ≤ 0 (a penalty of 0) have no logarithm: drop them from what is
        # shown now, not only from the next update (pyqtgraph would turn them into
        # NaN, and a curve of one such point has no bounds at all).
        for key, (x, y) in list(self._given.items()):
            if key in self.curves:
                self.set_curve(key, x, y)
        self._y_range = None
        if on:
            self.plot.enableAutoRange(y=True)
        else:
            self.fit_y()

    def fit_y(self) -> None:
        """Fit y to the data, rounded out to whole ticks, so the range (and the
        cached axis picture) changes only when a curve crosses a tick, not every frame.
        On a log axis pyqtgraph's auto-range does the job."""
        if self.plot.ctrl.logYCheck.isChecked():
            return
        lows, highs = [], []
        for curve in self.curves.values():
            y = curve.yData
            if y is not None and len(y):
                lows.append(float(np.min(y)))
                highs.append(float(np.max(y)))
        if not lows:
            return
        lo, hi = min(lows), max(highs)
        # A flat curve (one point, or a diverged run) still gets a readable range.
        tick = nice_ceiling(max(hi - lo, 0.05 * max(abs(lo), abs(hi), 1.0)) / 5)
        span = (np.floor(lo / tick) * tick, np.ceil(hi / tick) * tick)
        if span[1] <= span[0]:
            span = (span[0] - tick, span[1] + tick)
        if span != self._y_range:
            self._y_range = span
            self.plot.setYRange(*span, padding=0.04)

    def show_events(self, events) -> None:
        """Mark ``events`` (the last step of a view's update: fits y first)."""
        self.fit_y()
        # Apply the new ranges now, not when painting starts: there, the changed
        # transform marked every curve dirty again and the plot was painted twice.
        self.plot.vb.prepareForPaint()
        events = tuple(events)[-MAX_EVENT_LINES:]
        if events == self._events_shown:
            return
        for line in self._event_lines:
            self.plot.removeItem(line)
        self._event_lines = []
        pen = self.theme.pen(self.theme.event_line, 1.5, dashed=True)
        # Changes made in the same step share one line and one label; successive
        # labels step down the plot so neighbours do not print over each other.
        by_step: dict[int, list[str]] = {}
        for e in events:
            by_step.setdefault(e.step, []).append(e.label)
        for i, (step, labels) in enumerate(by_step.items()):
            line = pg.InfiniteLine(pos=step, angle=90, pen=pen, label=", ".join(labels),
                                   labelOpts={"position": EVENT_LABEL_POSITIONS[
                                                  i % len(EVENT_LABEL_POSITIONS)],
                                              "anchors": [(0, 0.5), (0, 0.5)],
                                              "color": self.theme.foreground,
                                              "fill": (255, 255, 255, 150) if
                                              self.theme.name == "light" else (0, 0, 0, 130)})
            line.label.setFont(QFont("DejaVu Sans", max(8, self.theme.font_pt - 1)))
            self.plot.addItem(line, ignoreBounds=True)
            self._event_lines.append(line)
        self._events_shown = events

    def event_labels(self) -> list[str]:
        return [line.label.format for line in self._event_lines]

    def _on_mouse_moved(self, event) -> None:
        pos = event[0]
        if not self.plot.sceneBoundingRect().contains(pos):
            self._hover.hide()
            return
        point = self.plot.vb.mapSceneToView(pos)
        text = self.hover_text(point.x())
        if not text:
            self._hover.hide()
            return
        self._hover.setText(text)
        self._hover.setPos(point.x(), point.y())
        self._hover.show()

    def hover_text(self, step: float) -> str:
        """The values of every curve at the recorded step nearest ``step``."""
        lines = []
        for curve in self.curves.values():
            x, y = curve.getData()
            if x is None or not len(x):
                continue
            i = int(np.clip(np.searchsorted(x, step), 0, len(x) - 1))
            if not lines:
                lines.append(f"step {int(x[i]):,}")
            lines.append(f"{curve.name()}: {y[i]:.4g}")
        return "\n".join(lines)

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.plot_widget.setBackground(theme.background)
        theme.style_axes(self.plot)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            if axis.autoSIPrefix:
                # Once only: pyqtgraph 0.14 re-scales even a disabled axis (losses
                # of 0.2 read 200) when this runs with its label shown (a theme change).
                axis.enableAutoSIPrefix(False)
            # Grid lines at labelled and minor ticks only: the third, faintest level
            # was unreadable on a projector and half the cost of re-drawing an axis.
            axis.setStyle(maxTickLevel=1)
        self.plot.setTitle(self.TITLE, color=theme.foreground, size=f"{theme.title_pt}pt")
        self.plot.setLabel("bottom", "step", color=theme.foreground)
        self.plot.setLabel("left", self.Y_LABEL, color=theme.foreground)
        self._hover.setColor(theme.foreground)
        self._hover.fill = pg.mkBrush(theme.background)


def nice_ceiling(value: float) -> float:
    """The smallest "round" number (1, 1.5, 2, 3, 4, 5, 6, 8 × 10^k) at least
    ``value`` (> 0): steps of at most 50%, so the plot is never mostly empty."""
    exponent = np.floor(np.log10(value))
    for m in (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        top = m * 10.0 ** exponent
        if top >= value:
            return float(top)
    return float(10.0 ** (exponent + 1))
