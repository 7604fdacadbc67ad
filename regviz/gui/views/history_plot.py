"""The shared base of every plot over training steps: large labels, a legend,
vertical lines where a hyperparameter changed live (labelled on the plots that
say ``LABEL_EVENTS``), a hover read-out, a log-y toggle and a linear or log step
axis. Curves are updated in place with ``setData``, decimated to about one point
per pixel column first (see decimate.py)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QCheckBox, QGraphicsItem, QSizePolicy, QVBoxLayout, QWidget

from ..language import translate
from ..theme import Theme
from .canvas import set_up_live_canvas
from .decimate import bucket_edges, peak_decimate
from .marker_layout import layout_labels

FONT_FAMILY = "DejaVu Sans"
LEGEND_SAMPLE_WIDTH = 40
# Wider than this many times its height, a plot shows its legend beside the data.
LEGEND_BESIDE_ASPECT = 2.4  # pyqtgraph's line sample before each legend label
MAX_EVENT_LINES = 12  # older changes are dropped from view: a wall of lines reads as noise
LANE_TOP_PX = 4.0  # the first lane of event labels, below the plot's top edge
LIVE_PEN_WIDTH = 1.0  # pixels, while training (see set_live)


class HistoryPlot(QWidget):
    TITLE = ""
    Y_LABEL = ""
    EXPLANATION = ""
    LOG_Y_TOGGLE = False
    LEGEND_COLUMNS = 2
    # Whether change markers carry their labels here. One plot of the window says
    # what changed; the others only draw the lines, so each change is read once.
    LABEL_EVENTS = False

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.theme = theme or Theme.light()
        self.plot_widget = pg.PlotWidget()
        set_up_live_canvas(self.plot_widget)
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
        self._legend_cell = (4, 1)
        # Drawn once and kept as a picture: they change with the theme, not the steps.
        for item in (self.legend, self.plot.titleLabel):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._curve_names: dict[str, str] = {}  # key → the legend's English source
        self._given: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._edges = (None, None, None)  # (steps array, log_x, bucket_edges) reused
        self._event_lines: list[pg.InfiniteLine] = []
        self._event_labels: list[pg.TextItem] = []
        self._events_shown: tuple = ()
        self._events_key = None  # what the markers were laid out for
        self._lines_key = None  # what the marker lines were drawn for
        self.log_x = False
        self.live = False  # training: thin, plain lines (see set_live)
        self._x_range = None
        self._x_top = None
        self._y_range = None
        self._step_ticks = None  # the log axis's ticks as last set
        self.plot.enableAutoRange(x=False, y=False)  # see _fit_x and fit_y
        # The labels a log step axis has room for depend on its width.
        self.plot.vb.sigResized.connect(self._set_step_ticks)
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
            # In the title row's left corner (above the y axis, clear of the centred
            # title), not a row of its own: on a small screen that row was a fifth
            # of the cost plot's height.
            self.log_y_box = QCheckBox(translate("Views", "log scale"), self.plot_widget)
            self.log_y_box.setObjectName(f"{self.objectName() or 'plot'}_log_y")
            self.log_y_box.setToolTip(translate(
                "Views", "Show the y axis on a log scale: small losses stay visible"))
            self.log_y_box.toggled.connect(self.set_log_y)
        self.plot_widget.installEventFilter(self)
        self.setToolTip(translate("Views", self.EXPLANATION))
        self.apply_theme(self.theme)

    def sizeHint(self):  # noqa: N802 (Qt's name)
        # Its share of the window comes from the layout's stretch factors alone.
        return self.minimumSizeHint()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.plot_widget and event.type() == QEvent.Type.Resize:
            self.fit_to_width()
        return False

    def fit_to_width(self) -> None:
        """On a resize (never per frame): the legend beside the data where the plot
        is wide and short (under it, its rows took the height of a short plot),
        otherwise under it in as many columns as fit (a cut legend lost "penalty"
        and "test loss (no penalty)" on a small screen); the log-scale box in the
        top left corner."""
        width, height = self.plot_widget.width(), self.plot_widget.height()
        entry = self.legend_entry_width()
        if entry:
            n = len(self.legend.items)
            columns = max(1, min(self.LEGEND_COLUMNS, n, int((width - 40) // entry)))
            row = 1.7 * self.theme.font_pt  # one legend row, in pixels
            below_fits = math.ceil(n / columns) * row <= 0.3 * height
            beside_fits = n * row <= 0.8 * height and width - entry >= max(200, 0.35 * width)
            wide = width >= LEGEND_BESIDE_ASPECT * height
            beside = beside_fits and (wide or not below_fits)
            self._place_legend(beside)
            columns = 1 if beside else columns
            if columns != self.legend.columnCount:
                self.legend.setColumnCount(columns)
        self._fit_title(width)
        if self.log_x:
            self._set_step_ticks()
        if self.log_y_box is not None:
            self.log_y_box.adjustSize()
            self.log_y_box.move(4, 2)

    def _fit_title(self, width: int) -> None:
        """The title in the theme's size, or smaller where the plot is too narrow
        for it (compare mode on a small screen cut "Cost — train total ╌ test loss")."""
        if not self.TITLE or width <= 1:
            return
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(float(self.theme.title_pt))
        wanted = QFontMetricsF(font).horizontalAdvance(self.title())
        # The title is centred over the data (right of the y axis), clear of the box.
        axis = max(40.0, self.plot.getAxis("left").width())
        room = width - axis - 24 - (2 * self.log_y_box.width()
                                    if self.log_y_box is not None else 0)
        point_size = self.theme.title_pt if wanted <= room else \
            max(8, int(self.theme.title_pt * room / wanted))
        if point_size != self._title_pt:
            self._title_pt = point_size
            self.plot.setTitle(self.title(), color=self.theme.foreground, size=f"{point_size}pt")

    def title(self) -> str:
        return translate("Views", self.TITLE) if self.TITLE else ""

    def _place_legend(self, beside: bool) -> None:
        cell = (2, 3) if beside else (4, 1)
        if cell == self._legend_cell:
            return
        layout = self.plot.layout
        layout.removeItem(self.legend)
        layout.addItem(self.legend, *cell)
        layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignVCenter
                            if beside else Qt.AlignmentFlag.AlignHCenter)
        # Beside: the data keep every spare pixel of width, the legend none.
        layout.setColumnStretchFactor(1, 100)
        layout.setColumnStretchFactor(3, 0)
        self.legend.setSizePolicy(QSizePolicy.Policy.Fixed if beside
                                  else QSizePolicy.Policy.Preferred,
                                  QSizePolicy.Policy.Preferred if beside
                                  else QSizePolicy.Policy.Fixed)
        self._legend_cell = cell

    def legend_entry_width(self) -> float:
        """The width one legend column needs: its widest label, the line sample
        before it and the gap after it."""
        if not self.legend.items:
            return 0.0
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(float(self.theme.font_pt))
        metrics = QFontMetricsF(font)
        widest = max(metrics.horizontalAdvance(label.text) for _, label in self.legend.items)
        return widest + LEGEND_SAMPLE_WIDTH + 2 * self.legend.layout.horizontalSpacing() + 10

    def add_curve(self, key: str, name: str, colour: str, dashed: bool = False,
                  width: float | None = None) -> pg.PlotDataItem:
        """``name``: the legend's text, marked with QT_TRANSLATE_NOOP("Views", …)."""
        self._curve_names[key] = name
        name = translate("Views", name)
        curve = self.plot.plot([], [], name=name, pen=self.theme.pen(colour, width, dashed))
        self.legend.addItem(curve, name)
        # No setClipToView: it clips to the view range of the previous frame, so the
        # newest part of a growing curve (the part the class is watching) went missing.
        # No auto-downsampling either: set_curve decimates once, not at every paint.
        self.curves[key] = curve
        return curve

    def set_curve(self, key: str, x: np.ndarray, y: np.ndarray) -> None:
        # Kept as given, so switching a log scale can re-filter what it cannot show.
        self._given[key] = (x, y)
        finite = np.isfinite(y)
        if not finite.all():
            x, y = x[finite], y[finite]
        if self.plot.ctrl.logYCheck.isChecked():
            keep = y > 0
            x, y = x[keep], y[keep]
        if self.log_x and len(x) and x[0] <= 0:
            keep = x > 0  # step 0 has no logarithm
            x, y = x[keep], y[keep]
        x, y = peak_decimate(x, y, edges=self._bucket_edges(x))
        curve = self.curves[key]
        curve.setData(x, y, skipFiniteCheck=True)
        if self.live:
            self._use_live_pen(curve)  # setData handed the curve its own pen again
        if not len(x):
            # pyqtgraph only hides the dot of a curve emptied this way; its stale
            # point (NaN once the log scale transformed it) still enters the bounds.
            curve.scatter.clear()
        # A single recorded point draws no line: show it as a dot instead.
        symbol = "o" if len(x) == 1 else None
        if curve.opts["symbol"] != symbol:
            curve.setSymbol(symbol)
            curve.setSymbolBrush(curve.opts["pen"].color() if symbol else None)
            # The legend is a cached picture: its sample kept the dot of step 0
            # for the rest of the run.
            self.legend.update()
            for sample, _ in self.legend.items:
                sample.update()
        if len(x):
            self._fit_x(float(x[0]), float(x[-1]))

    def _bucket_edges(self, x: np.ndarray):
        """The decimation buckets of ``x``: the curves of one snapshot share their
        steps array, so the buckets are worked out once per frame."""
        steps, log_x, edges = self._edges
        if steps is not x or log_x != self.log_x:
            edges = bucket_edges(x, log_x=self.log_x)
            self._edges = (x, self.log_x, edges)
        return edges

    def _fit_x(self, first_step: float, last_step: float) -> None:
        """Show steps 0 … the next round number (1, 1.5, 2, 3 … × 10^k) past the
        newest one; on a log axis, from the first recorded decade.

        The x axis then moves in jumps, not every frame: the class can read it, and
        the (costly) axis picture is re-drawn a few times a run instead of 30 a second."""
        top = nice_ceiling(max(last_step * 1.03, 10.0))  # room for the newest label
        if self.log_x:
            bottom = 10.0 ** math.floor(math.log10(max(first_step, 1.0)))
            x_range = (math.log10(bottom), math.log10(top))
        else:
            x_range = (0.0, top)
        if x_range != self._x_range:
            self._x_range = x_range
            self._x_top = top
            self.plot.setXRange(*x_range, padding=0.02)
            self._set_step_ticks()

    def _set_step_ticks(self, *_) -> None:
        """The log axis's labels as dense as its width and type allow (1, 2, 5 × 10^k
        ran into each other in presentation mode's larger type)."""
        if not self.log_x or self._x_range is None:
            if self._step_ticks is not None:
                self._step_ticks = None
                self.plot.getAxis("bottom").setTicks(None)
            return
        low, high = self._x_range
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(float(self.theme.font_pt))
        metrics = QFontMetricsF(font)
        width = self.plot.vb.width() or self.plot_widget.width()
        ticks = log_step_ticks(low, high, decade_px=width / max(high - low, 1e-9),
                               label_px=metrics.horizontalAdvance)
        if ticks != self._step_ticks:  # a new picture of the axis only when they change
            self._step_ticks = ticks
            self.plot.getAxis("bottom").setTicks(ticks)

    def step_axis_label(self) -> str:
        return (translate("Views", "step (log scale)") if self.log_x
                else translate("Views", "step"))

    def set_log_x(self, on: bool) -> None:
        """Steps on a log axis (the first hundred steps and the last hundred
        thousand both legible) or a linear one."""
        if on == self.log_x:
            return
        self.log_x = on
        self._x_range = None
        self._events_key = None
        # What step 0 cannot show goes first: switched with it still in a curve,
        # pyqtgraph's bounds met log10(0) and warned at every paint.
        self.drop_unplaceable()
        # The curves never hold a point the axis cannot place, even for a moment:
        # switching on, step 0 leaves them before the axis turns logarithmic;
        # switching off, the axis turns linear before step 0 comes back (set into a
        # curve still on a log axis, it became NaN and pyqtgraph warned).
        if not on:
            self.plot.setLogMode(x=False)
        for key, (x, y) in list(self._given.items()):
            if key in self.curves:
                self.set_curve(key, x, y)
        if on:
            self.plot.setLogMode(x=True)
        self._x_range = None
        if on and not any(len(x) for x, _ in self._given.values()):
            self._fit_x(1.0, 1.0)  # steps 1 … 10 with our ticks until data arrive
        self.plot.setLabel("bottom", self.step_axis_label(), color=self.theme.foreground)

    def drop_unplaceable(self) -> None:
        """Before the step axis changes: clear items of the subclass's own that may
        hold step 0 (the next snapshot puts them back where they belong)."""

    def x_position(self, step: float) -> float:
        """Where ``step`` is on this plot's x axis (log10 of it on a log axis)."""
        return math.log10(max(step, 1e-9)) if self.log_x else float(step)

    def set_live(self, live: bool) -> None:
        """Smooth, thick curves while paused (screenshots, explaining); plain
        one-pixel ones while training: the GUI thread holds Python's GIL while it
        paints, so paint time is training time, and a thick or antialiased line
        costs several times a thin one. The legend keeps the thick pens."""
        self.live = live
        for curve in self.curves.values():
            curve.opts["antialias"] = not live
            curve.curve.opts["antialias"] = not live
            self._use_live_pen(curve)
            curve.update()

    def _use_live_pen(self, curve: pg.PlotDataItem) -> None:
        """The drawn line's pen: the curve's own (``opts["pen"]``, which the legend
        and theme changes use) or, while live, a one-pixel copy of it."""
        pen = curve.opts["pen"]
        if self.live:
            pen = QPen(pen)
            pen.setWidthF(LIVE_PEN_WIDTH)
        curve.curve.setPen(pen)

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
        While the data stay inside the range and fill at least half of it, the
        range stays; when a curve leaves it, a tick of room is added on that side.
        (Re-drawing the axes and their grid was a tenth of the GUI thread's time
        while training.) On a log axis pyqtgraph's auto-range does the job."""
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
        old = self._y_range
        if old is not None and old[0] <= lo and hi <= old[1] and \
                hi - lo >= 0.5 * (old[1] - old[0]):
            return
        # A flat curve (one point, or a diverged run) still gets a readable range.
        tick = nice_ceiling(max(hi - lo, 0.05 * max(abs(lo), abs(hi), 1.0)) / 5)
        span = (np.floor(lo / tick) * tick, np.ceil(hi / tick) * tick)
        if span[1] <= span[0]:
            span = (span[0] - tick, span[1] + tick)
        if old is not None:  # growing: room for the next few frames
            span = (span[0] - tick if lo < old[0] else span[0],
                    span[1] + tick if hi > old[1] else span[1])
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
        vb = self.plot.vb
        key = (events, self._x_range, round(vb.width()), self.log_x, self.theme)
        if key == self._events_key:
            return
        self._events_key = key
        self._draw_event_lines(events)
        if self.LABEL_EVENTS:
            self._draw_event_labels(events)
        self._events_shown = events

    def _draw_event_lines(self, events) -> None:
        lines_key = (events, self.log_x, self.theme)
        if lines_key == self._lines_key:
            return  # only the x range moved: the lines move with it
        self._lines_key = lines_key
        for line in self._event_lines:
            self.plot.removeItem(line)
        self._event_lines = []
        pen = self.theme.pen(self.theme.event_line, 1.5, dashed=True)
        # Changes made in the same step share one line.
        for step in sorted({e.step for e in events}):
            if self.log_x and step <= 0:
                continue
            line = pg.InfiniteLine(pos=self.x_position(step), angle=90, pen=pen)
            line.setZValue(-5)
            self.plot.addItem(line, ignoreBounds=True)
            self._event_lines.append(line)

    def _draw_event_labels(self, events) -> None:
        """One label per marker where there is room, merged labels where there is
        not (see marker_layout), placed in the view box's pixels so they keep their
        place while the y range changes."""
        for label in self._event_labels:
            label.setParentItem(None)
            if label.scene() is not None:
                label.scene().removeItem(label)
        self._event_labels = []
        vb = self.plot.vb
        width = vb.width()
        if not events or width <= 1:
            return
        by_step: dict[int, list] = {}
        for e in events:
            by_step.setdefault(e.step, []).append(e)
        (x0, x1), _ = vb.viewRange()
        markers = []
        for step, evs in sorted(by_step.items()):
            if self.log_x and step <= 0:
                continue
            x = self.x_position(step)
            markers.append(((x - x0) / (x1 - x0) * width, evs))
        font = QFont("DejaVu Sans", max(8, self.theme.font_pt - 1))
        metrics = QFontMetricsF(font)
        placed = layout_labels(markers, width, lambda text: metrics.horizontalAdvance(text) + 6)
        fill = (255, 255, 255, 170) if self.theme.name == "light" else (0, 0, 0, 150)
        line_px = metrics.height() + 4
        for p in placed:
            label = pg.TextItem(p.text, color=self.theme.foreground, fill=pg.mkBrush(*fill),
                                anchor=(0, 0))
            label.setFont(font)
            # Not kept as a picture (DeviceCoordinateCache): a TextItem's first paint
            # into a cache's pixmap draws its box outside it (see CostView).
            label.setParentItem(vb)
            label.setPos(p.left, LANE_TOP_PX + p.lane * line_px)
            label.setZValue(40)
            self._event_labels.append(label)

    def event_labels(self) -> list[str]:
        """The marker labels this plot shows (empty where it only draws the lines)."""
        return [label.toPlainText() for label in self._event_labels]

    def event_label_boxes(self) -> list[tuple[float, float, float, float]]:
        """Each marker label's (left, top, right, bottom) in scene pixels (tests)."""
        boxes = []
        for label in self._event_labels:
            r = label.sceneBoundingRect()
            boxes.append((r.left(), r.top(), r.right(), r.bottom()))
        return boxes

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
        log_y = self.plot.ctrl.logYCheck.isChecked()
        for key, curve in self.curves.items():
            x, y = curve.getData()  # as displayed: log10 of the values on a log axis
            if x is None or not len(x):
                continue
            i = int(np.clip(np.searchsorted(x, step), 0, len(x) - 1))
            if not lines:
                shown_step = 10.0 ** x[i] if self.log_x else x[i]
                lines.append(translate("Views", "step {step:,}").format(step=round(shown_step)))
            name = translate("Views", self._curve_names.get(key, curve.name()))
            lines.append(f"{name}: {10.0 ** y[i] if log_y else y[i]:.4g}")
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
        self.plot.setTitle(self.title(), color=theme.foreground, size=f"{theme.title_pt}pt")
        self._title_pt = theme.title_pt
        if hasattr(self, "_legend_cell"):  # (not while the base class is being built)
            self._fit_title(self.plot_widget.width())
        self.plot.setLabel("bottom", self.step_axis_label(), color=theme.foreground)
        self.plot.setLabel("left", translate("Views", self.Y_LABEL) if self.Y_LABEL else "",
                           color=theme.foreground)
        self._hover.setColor(theme.foreground)
        self._hover.fill = pg.mkBrush(theme.background)


def log_step_ticks(low: float, high: float, decade_px: float = math.inf,
                   label_px: Callable[[str], float] = lambda text: 0.0,
                   ) -> list[list[tuple[float, str]]]:
    """Ticks of a log step axis from 10^low to 10^high, ``decade_px`` pixels a
    decade: over a short range labelled at 1, 2 and 5 × 10^k where the labels have
    room, at 1 and 3 × 10^k where they have less; otherwise at 10^k only (every
    other decade where even that is too tight); unlabelled at the other whole
    multiples.

    ``label_px(text)`` is a label's width; two labels need their half widths and a
    gap of an "0" between their centres. pyqtgraph's own log ticks labelled every
    minor tick, and "1,0002,000" ran together on a 1280-pixel screen."""
    def fits(multiples) -> bool:
        positions = sorted(math.log10(m * 10.0 ** k) for k in range(math.floor(low),
                                                                     math.ceil(high) + 1)
                           for m in multiples)
        for a, b in zip(positions, positions[1:], strict=False):
            need = 0.5 * (label_px(_step_text(a)) + label_px(_step_text(b))) + label_px("0")
            if (b - a) * decade_px < need:
                return False
        return True

    # Over a long range, decades only: more labels there read as noise.
    choices = ((1, 2, 5), (1, 3), (1,)) if high - low < 2.5 else ((1,),)
    labelled = next((m for m in choices if fits(m)), ())
    every = 1 if labelled else 2  # decades only, and only every other one
    major, minor = [], []
    for k in range(math.floor(low), math.ceil(high) + 1):
        for m in range(1, 10):
            position = math.log10(m * 10.0 ** k)
            if not low - 1e-9 <= position <= high + 1e-9:
                continue
            if m in labelled or (not labelled and m == 1 and k % every == 0):
                major.append((position, _step_text(position)))
            else:
                minor.append((position, ""))
    return [major, minor]


def _step_text(position: float) -> str:
    return f"{10.0 ** position:,.0f}"


def nice_ceiling(value: float) -> float:
    """The smallest "round" number (1, 1.5, 2, 3, 4, 5, 6, 8 × 10^k) at least
    ``value`` (> 0): steps of at most 50%, so the plot is never mostly empty."""
    exponent = np.floor(np.log10(value))
    for m in (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0):
        top = m * 10.0 ** exponent
        if top >= value:
            return float(top)
    return float(10.0 ** (exponent + 1))
