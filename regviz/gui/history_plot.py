"""The shared base of every plot over training steps: large labels, a legend,
labelled vertical lines where a hyperparameter changed live, a hover read-out,
and a log-y toggle. Curves are updated in place with ``setData``."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from .theme import Theme

MAX_EVENT_LINES = 12  # older changes are dropped from view: a wall of lines reads as noise


class HistoryPlot(QWidget):
    TITLE = ""
    Y_LABEL = ""
    EXPLANATION = ""
    LOG_Y_TOGGLE = False

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.theme = theme or Theme.light()
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=self.theme.grid_alpha)
        self.legend = self.plot.addLegend(offset=(-8, 8), labelTextSize=f"{self.theme.font_pt}pt")
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._event_lines: list[pg.InfiniteLine] = []
        self._events_shown: tuple = ()
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
        curve.setClipToView(True)
        curve.setDownsampling(auto=True, method="peak")
        self.curves[key] = curve
        return curve

    def set_curve(self, key: str, x: np.ndarray, y: np.ndarray) -> None:
        finite = np.isfinite(y)
        if not finite.all():
            x, y = x[finite], y[finite]
        if self.plot.ctrl.logYCheck.isChecked():
            keep = y > 0
            x, y = x[keep], y[keep]
        self.curves[key].setData(x, y, skipFiniteCheck=True)

    @Slot(bool)
    def set_log_y(self, on: bool) -> None:
        self.plot.setLogMode(y=on)

    def show_events(self, events) -> None:
        events = tuple(events)[-MAX_EVENT_LINES:]
        if events == self._events_shown:
            return
        for line in self._event_lines:
            self.plot.removeItem(line)
        self._event_lines = []
        pen = self.theme.pen(self.theme.event_line, 1.5, dashed=True)
        for e in events:
            line = pg.InfiniteLine(pos=e.step, angle=90, pen=pen, label=e.label,
                                   labelOpts={"position": 0.92, "color": self.theme.foreground,
                                              "fill": (255, 255, 255, 200) if
                                              self.theme.name == "light" else (0, 0, 0, 160)})
            line.label.setFont(QFont("DejaVu Sans", max(8, self.theme.font_pt - 2)))
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
        for key, curve in self.curves.items():
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
        font = QFont("DejaVu Sans", theme.font_pt)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(theme.foreground)
            axis.setTextPen(theme.foreground)
            axis.setTickFont(font)
            axis.label.setFont(font)
        self.plot.setTitle(self.TITLE, color=theme.foreground, size=f"{theme.title_pt}pt")
        self.plot.setLabel("bottom", "step", color=theme.foreground)
        self.plot.setLabel("left", self.Y_LABEL, color=theme.foreground)
        self._hover.setColor(theme.foreground)
        self._hover.fill = pg.mkBrush(theme.background)
