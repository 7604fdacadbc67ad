"""The network as units and links, with the units dropout switched off for one
training point in this step, and the whole step's masks as a raster beside it.
Clicking a link picks it for the constraint picture (``link_clicked``); the pair
shown there is highlighted and marked x and y."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRect, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import QLabel, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget

from ...translatable import QT_TRANSLATE_NOOP
from ..frame_label import fill_own_background, fix_label_size
from ..language import fill, translate
from ..theme import Theme
from .canvas import set_up_live_canvas

CAPTION_MARGIN = 6  # pixels left and right of the caption
DROPPED_CAPTION = QT_TRANSLATE_NOOP(
    "Views", "keep_prob {kp:g} — {dropped} of {hidden} hidden units dropped for training point "
    "#{point} at step {step:,}")


def longest_caption() -> str:
    return translate("Views", DROPPED_CAPTION).format(kp=0.88, dropped=888, hidden=888,
                                                      point=8888, step=88_888_888)
MAX_UNITS_DRAWN = 32  # per layer; wider layers show their first units
MIN_UNIT_PX = 6.0  # the smallest circle (ring included) drawn; below, fewer units
UNIT_FILL = 0.85  # a circle's share of the distance to its neighbour: they never touch
MAX_RASTER_SAMPLES = 120
LINK_LEVELS = 6
CLICK_TOLERANCE_PX = 8  # a click this close to a link picks it
PAIR_COLOUR = "#E69F00"  # the constraint picture's pair (its star's colour)


class NetworkDiagramView(QWidget):
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "Units as circles, links coloured by the sign of the weight (blue +, orange −) and as "
        "thick as its size. Grey crossed units were switched off by dropout in this step for the "
        "selected training point; the raster on the right shows every unit (row) for every "
        "training point (column) this step: dark means dropped. Click two links to see them in "
        "the Constraint tab (highlighted, x and y).")

    link_clicked = Signal(int, int, int)  # (layer, i, j): weights[layer][i, j]

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("network_diagram_view")
        self.setToolTip(translate("Views", self.EXPLANATION))
        self.theme = theme or Theme.light()
        self.graphics = pg.GraphicsLayoutWidget()
        set_up_live_canvas(self.graphics)
        self.diagram_box = self.graphics.addViewBox(row=0, col=0)
        self.diagram_box.setAspectLocked(False)
        self.diagram_box.setMouseEnabled(False, False)
        self.diagram_box.setMenuEnabled(False)
        self.raster_plot = self.graphics.addPlot(row=0, col=1)
        self.raster_plot.setMenuEnabled(False)
        self.raster_plot.setMouseEnabled(False, False)
        self.raster_plot.hideButtons()
        self.graphics.ci.layout.setColumnStretchFactor(0, 3)
        self.graphics.ci.layout.setColumnStretchFactor(1, 2)
        # Links are drawn in LINK_LEVELS strength bands per sign, one curve item per
        # band (connect="pairs"): a dozen draw calls instead of one per link, which
        # kept a 40-20 network's 800+ links from costing a whole frame.
        self.link_bands = {(sign, level): pg.PlotCurveItem(connect="pairs")
                           for sign in (1, -1) for level in range(LINK_LEVELS)}
        self.units = pg.ScatterPlotItem(pxMode=True)
        self.crosses = pg.ScatterPlotItem(pxMode=True, symbol="x")
        self.pair_links = pg.PlotCurveItem(connect="pairs")
        self.pair_links.setZValue(1)  # over every link band, under the units
        self.pair_labels = [pg.TextItem(text, anchor=(0.5, 0.5)) for text in ("x", "y")]
        for label in self.pair_labels:
            label.setZValue(3)
        for item in (*self.link_bands.values(), self.pair_links, self.units, self.crosses,
                     *self.pair_labels):
            self.diagram_box.addItem(item)
        self.pair: tuple | None = None  # ((layer, i, j), (layer, i, j)) highlighted
        self._pair_key: object = ()  # the pair the highlight shows; () = redraw
        self.graphics.scene().sigMouseClicked.connect(self._on_click)
        self.mask_raster_image = pg.ImageItem(axisOrder="row-major")
        self.raster_plot.addItem(self.mask_raster_image)
        self.raster_note = pg.TextItem(anchor=(0.5, 0.5))
        self.raster_plot.addItem(self.raster_note)
        self.layer_labels: list[pg.TextItem] = []
        self.caption = QLabel(self)  # placed by _reserve_caption, not by the layout
        self.caption.setObjectName("diagram_caption")
        fill_own_background(self.caption)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.graphics, 1)
        # The caption's text changes every frame, so it has a fixed size (see
        # frame_label); in the layout, that size would also be the view's least
        # width. The layout keeps its room; _reserve_caption places it there.
        self._caption_room = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum,
                                         QSizePolicy.Policy.Fixed)
        layout.addItem(self._caption_room)
        self.selected_sample = 0
        self._sizes: list[int] | None = None
        self._shown: list[int] | None = None  # units drawn per layer (the first ones)
        self._positions = None
        self._unit_index: list[list[int]] = []
        self._dropped: set[tuple[int, int]] = set()
        self._snapshot = None
        self._units_key = None  # what the unit circles now show
        self._links_key = None  # which band each link is drawn in now
        self._unit_px = 18.0  # circle diameter, set by _fit_to_size
        self.diagram_box.sigResized.connect(self._fit_to_size)
        self._raster_empty = False  # the raster shows the "no dropout" note
        self._raster_batched = False  # its columns are a mini-batch's rows
        self.apply_theme(self.theme)

    # -- geometry -----------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reserve_caption()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._reserve_caption()

    def _reserve_caption(self) -> None:
        """The caption's height for its longest text at this width, whatever it says
        now: its text changes every frame, and a caption wrapping onto one more line
        shrank the diagram above it while the class watched."""
        width = max(1, self.width() - 2 * CAPTION_MARGIN)
        height = QFontMetrics(self.caption.font()).boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, longest_caption()).height()
        # The layout's spacing is not put before a spacer: it is in the spacer's height.
        room = height + self.layout().spacing()
        if self._caption_room.sizeHint().height() != room:
            self._caption_room.changeSize(0, room, QSizePolicy.Policy.Minimum,
                                          QSizePolicy.Policy.Fixed)
            self.layout().invalidate()
        fix_label_size(self.caption, width, height)
        self.caption.move(CAPTION_MARGIN, self.height() - height)

    def _layout_units(self, sizes: list[int]) -> None:
        """A new network shape: its units are placed by ``_fit_to_size``."""
        self._sizes = list(sizes)
        self._place_units([min(s, MAX_UNITS_DRAWN) for s in sizes])
        self._fit_to_size()

    def _place_units(self, shown: list[int]) -> None:
        """Positions, links and layer labels for ``shown[l]`` units of each layer."""
        sizes = self._sizes
        positions, index = [], []
        for l, n in enumerate(shown):
            ids = []
            for i in range(n):
                y = 0.0 if n == 1 else 1.0 - 2.0 * i / (n - 1)
                ids.append(len(positions))
                positions.append((float(l), y * column_height(n)))
            index.append(ids)
        self._positions = np.array(positions)
        self._pair_key = ()  # new positions: the highlight is redrawn
        self._unit_index = index
        edges, links = [], []
        for l in range(len(shown) - 1):
            for i, a in enumerate(index[l]):
                for j, b in enumerate(index[l + 1]):
                    edges.append((a, b))
                    links.append((l, i, j))
        self._edges = np.array(edges, dtype=int).reshape(-1, 2)
        self._links = np.array(links, dtype=int).reshape(-1, 3)  # (layer, i, j) per edge
        for label in self.layer_labels:
            self.diagram_box.removeItem(label)
        self.layer_labels = []
        names = ([translate("Views", "input")]
                 + [fill(translate("Views", "hidden {layer}"), layer=l)
                    for l in range(1, len(sizes) - 1)]
                 + [translate("Views", "output")])
        for l, (name, n) in enumerate(zip(names, sizes, strict=True)):
            text = name
            if n != 1:
                text = fill(translate("Views", "{layer}\n{units} units"), layer=name, units=n)
            if shown[l] < n:  # a layer too tall to draw every unit apart
                text = fill(translate("Views", "{layer}\n({drawn} drawn)"), layer=text,
                            drawn=shown[l])
            label = pg.TextItem(text, anchor=(0.5, 0), color=self.theme.foreground)
            label.setPos(l, -1.1)
            self.diagram_box.addItem(label)
            self.layer_labels.append(label)
        self._shown = list(shown)
        self._units_key = None
        if self._snapshot is not None:
            self._draw_links(self._snapshot.weights)

    @Slot()
    def _fit_to_size(self) -> None:
        """Label type and unit circles as large as the theme asks, but no larger
        than the box allows: in presentation mode (1.6×) the labels of neighbouring
        layers ran into each other and the second line fell off the bottom. Circles
        never overlap: where a layer's units would be drawn smaller than
        ``MIN_UNIT_PX`` apart, only as many as fit are drawn and its label says so."""
        if self._sizes is None:
            return
        width, height = self.diagram_box.width(), self.diagram_box.height()
        if width <= 1 or height <= 1:
            return
        for _ in range(2):  # a changed label (the "drawn" line) changes the room
            span = self._fit_labels(width, height)
            px_per_unit = height / span
            shown = [units_that_fit(s, px_per_unit) for s in self._sizes]
            if shown == self._shown:
                break
            self._place_units(shown)
        # Circle and ring together at most UNIT_FILL of the gap to the next one.
        gaps = [2 * column_height(n) / (n - 1) for n in self._shown if n > 1]
        gap_px = min(gaps, default=1.0) * px_per_unit
        self._unit_px = float(min(UNIT_FILL * gap_px, 18 * self.theme.scale))
        self._units_key = None
        if self._snapshot is not None:
            self._draw_units(self._snapshot)

    def _fit_labels(self, width: float, height: float) -> float:
        """Shrink the layer labels to their columns; set the view range so their
        lines fit under the units. The view's height in view units."""
        n_layers = len(self._sizes)
        x_span = n_layers - 0.2  # the x range is -0.4 … n_layers - 0.6
        column_px = width / x_span
        point_size = float(self.theme.font_pt - 1)
        font = QFont("DejaVu Sans")
        for label in self.layer_labels:
            lines = label.textItem.toPlainText().splitlines()
            font.setPointSizeF(point_size)
            widest = max(QFontMetricsF(font).horizontalAdvance(t) for t in lines)
            if widest > 0.92 * column_px:
                point_size *= 0.92 * column_px / widest
        point_size = max(7.0, point_size)
        font.setPointSizeF(point_size)
        metrics = QFontMetricsF(font)
        for label in self.layer_labels:
            label.setFont(font)
        n_lines = max(len(label.textItem.toPlainText().splitlines())
                      for label in self.layer_labels)
        # Room under the units for the labels' lines (in view units).
        top, label_top = 1.1, -1.1
        block_px = n_lines * metrics.lineSpacing() + 6
        span = (top - label_top) / max(0.2, 1 - block_px / height)
        self.diagram_box.setRange(xRange=(-0.4, n_layers - 0.6),
                                  yRange=(top - span, top), padding=0)
        return span

    # -- updates --------------------------------------------------------------
    def show_snapshot(self, snapshot) -> None:
        self._snapshot = snapshot
        sizes = [snapshot.weights[0].shape[0]] + [W.shape[1] for W in snapshot.weights]
        if sizes != self._sizes:
            self._layout_units(sizes)
        self._draw_links(snapshot.weights)
        self._draw_pair()
        self._draw_units(snapshot)
        self._draw_raster(snapshot)

    def _draw_links(self, weights) -> None:
        values = []
        for l, W in enumerate(weights):
            n_in = len(self._unit_index[l])
            n_out = len(self._unit_index[l + 1])
            values.append(W[:n_in, :n_out].ravel())
        w = np.concatenate(values) if values else np.zeros(0)
        biggest = float(np.abs(w).max()) if w.size else 1.0
        strength = np.abs(w) / (biggest or 1.0)
        level = np.minimum((strength * LINK_LEVELS).astype(int), LINK_LEVELS - 1)
        sign = np.where(w >= 0, 1, -1)
        # Late in a run most frames move no link to another band: nothing to draw.
        key = (id(self._positions), ((level + 1) * sign).astype(np.int8).tobytes())
        if key == self._links_key:
            return
        self._links_key = key
        ends = self._positions[self._edges]  # (links, 2 ends, xy)
        for (s, lv), item in self.link_bands.items():
            chosen = ends[(sign == s) & (level == lv)].reshape(-1, 2)
            item.setData(chosen[:, 0], chosen[:, 1], connect="pairs")

    def _style_links(self) -> None:
        t = self.theme
        background = np.array(pg.mkColor(t.background).getRgb()[:3], float)
        for (sign, level), item in self.link_bands.items():
            colour = np.array(t.positive_link if sign > 0 else t.negative_link, float)
            f = (level + 1) / LINK_LEVELS
            alpha = (40 + 215 * f) / 255
            # Faded by blending with the background, not by transparency: stroking
            # thick translucent paths took twice as long, and opaque bands drawn
            # weak-to-strong keep the strong links on top.
            rgb = tuple(int(v) for v in background + (colour - background) * alpha)
            item.setPen(pg.mkPen(rgb, width=(0.5 + 5.5 * f) * t.scale))
            item.setZValue(-LINK_LEVELS + level)

    def set_live(self, live: bool) -> None:
        """Smooth links while paused; plain ones while training (a third of the cost)."""
        for item in self.link_bands.values():
            if item.opts["antialias"] == live:
                item.opts["antialias"] = not live
                item.update()

    def _draw_units(self, snapshot) -> None:
        t = self.theme
        dropped = self.dropped_for_sample(snapshot, self.selected_sample)
        self._dropped = dropped
        self._update_caption(snapshot, dropped)
        # Without dropout the units look the same every frame: re-drawing them (one
        # pen per unit) was a third of the diagram's cost while training.
        units_key = (frozenset(dropped), id(self._positions), t)
        if units_key == self._units_key:
            return
        self._units_key = units_key
        brushes, pens = [], []
        # The same pen and brush objects every time (made with the theme and the
        # circles' size): pyqtgraph finds their symbols in its atlas instead of
        # drawing them again each frame.
        style = self._unit_style_for(self._unit_px)
        for l, ids in enumerate(self._unit_index):
            for i, _ in enumerate(ids):
                off = (l, i) in dropped
                brushes.append(style["dropped_brush"] if off else style["live_brush"])
                pens.append(style["dropped_pen"] if off else style["outline"])
        size = self._unit_px
        # pyqtgraph's size is the circle's path; the ring's outer half adds to it.
        self.units.setData(pos=self._positions, size=size - style["ring"], brush=brushes,
                           pen=pens)
        crosses = [self._positions[self._unit_index[l][i]] for l, i in sorted(dropped)
                   if i < len(self._unit_index[l])]
        self.crosses.setData(pos=np.array(crosses).reshape(-1, 2), size=size * 16 / 18,
                             brush=style["cross_brush"], pen=None)

    def _update_caption(self, snapshot, dropped) -> None:
        kp = snapshot.config.keep_prob
        n_hidden = sum(snapshot.weights[l].shape[1] for l in range(len(snapshot.weights) - 1))
        if all(m is None for m in snapshot.masks):
            self.caption.setText(translate(
                "Views", "keep_prob {kp:g} — no dropout: every unit is used (step {step:,})"
            ).format(kp=kp, step=snapshot.step))
        elif self._row_of(snapshot, self.selected_sample) is None:
            self.caption.setText(translate(
                "Views", "keep_prob {kp:g} — training point #{point} is not in this step's "
                "mini-batch").format(kp=kp, point=self.selected_sample))
        else:
            self.caption.setText(translate("Views", DROPPED_CAPTION).format(
                kp=kp, dropped=len(dropped), hidden=n_hidden, point=self.selected_sample,
                step=snapshot.step))

    def _label_raster_columns(self) -> None:
        text = (translate("Views", "row of this step's mini-batch") if self._raster_batched
                else translate("Views", "training point"))
        self.raster_plot.setLabel("bottom", text, color=self.theme.foreground)

    def _draw_raster(self, snapshot) -> None:
        masks = [m for m in snapshot.masks if m is not None]
        # Empty axes with 0..1 ticks would suggest data; without dropout show only the note.
        if not masks and self._raster_empty:
            return  # the note is already there
        self._raster_empty = not masks
        for side in ("left", "bottom"):
            self.raster_plot.showAxis(side, bool(masks))
        if not masks:
            self.mask_raster_image.clear()
            self.raster_note.setText(translate("Views", "no dropout\n(keep_prob = 1)"))
            self.raster_note.setPos(0.5, 0.5)
            self.raster_plot.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            return
        self.raster_note.setText("")
        # A mini-batch's columns are its rows, in its shuffled order, not point numbers.
        rows = snapshot.mask_rows
        batched = rows is not None and not np.array_equal(rows, np.arange(len(rows)))
        if batched != self._raster_batched:
            self._raster_batched = batched
            self._label_raster_columns()
        raster = np.concatenate([m[:MAX_RASTER_SAMPLES].T for m in masks], axis=0)
        # Row 0 (the first unit) at the top, like the diagram.
        image = np.where(raster[::-1], 235, 45).astype(np.uint8)
        self.mask_raster_image.setImage(image, autoLevels=False, levels=(0, 255))
        self.raster_plot.setRange(xRange=(0, image.shape[1]), yRange=(0, image.shape[0]),
                                  padding=0)

    # -- the constraint picture's pair ---------------------------------------------
    def link_at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """The link (layer, i, j) nearest the view point (x, y), if within
        CLICK_TOLERANCE_PX pixels."""
        if self._positions is None or not len(self._edges):
            return None
        px, py = self.diagram_box.viewPixelSize()  # view units per pixel
        if not (px > 0 and py > 0):
            return None
        ends = self._positions[self._edges] / (px, py)  # (links, 2, xy) in pixels
        a, b, p = ends[:, 0], ends[:, 1], np.array([x / px, y / py])
        along = b - a
        t = np.clip(((p - a) * along).sum(axis=1) / np.maximum((along ** 2).sum(axis=1),
                                                                 1e-12), 0.0, 1.0)
        distance = np.linalg.norm(a + t[:, None] * along - p, axis=1)
        nearest = int(np.argmin(distance))
        if distance[nearest] > CLICK_TOLERANCE_PX * self.theme.scale:
            return None
        return tuple(int(v) for v in self._links[nearest])

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.scenePos()
        if not self.diagram_box.sceneBoundingRect().contains(pos):
            return
        point = self.diagram_box.mapSceneToView(pos)
        link = self.link_at(point.x(), point.y())
        if link is not None:
            event.accept()
            self.link_clicked.emit(*link)

    def link_view_point(self, layer: int, i: int, j: int, along: float = 0.5
                        ) -> tuple[float, float]:
        """The point ``along`` the way from unit i to unit j of link (layer, i, j), in
        view coordinates (tests click it)."""
        a = self._positions[self._unit_index[layer][i]]
        b = self._positions[self._unit_index[layer + 1][j]]
        return float(a[0] + along * (b[0] - a[0])), float(a[1] + along * (b[1] - a[1]))

    @Slot(object)
    def set_pair(self, pair) -> None:
        """Highlight the constraint picture's pair (a WeightPair, or None)."""
        self.pair = None if pair is None else (tuple(pair.first), tuple(pair.second))
        self._draw_pair()

    def _draw_pair(self) -> None:
        if self.pair == self._pair_key:
            return  # unchanged since drawn on these positions: nothing to do this frame
        self._pair_key = self.pair
        drawn = []
        for label in self.pair_labels:
            label.hide()
        if self.pair is not None and self._positions is not None:
            first, second = self.pair
            # Label each link near the end where the two differ, so the labels part.
            near_source = first[:2] != second[:2]
            for (l, i, j), label in zip(self.pair, self.pair_labels, strict=True):
                if l + 1 < len(self._unit_index) and i < len(self._unit_index[l]) \
                        and j < len(self._unit_index[l + 1]):
                    a = self._positions[self._unit_index[l][i]]
                    b = self._positions[self._unit_index[l + 1][j]]
                    drawn += [a, b]
                    label.setPos(*(a + (0.4 if near_source else 0.6) * (b - a)))
                    label.show()
        points = np.array(drawn).reshape(-1, 2)
        self.pair_links.setData(points[:, 0], points[:, 1], connect="pairs")

    # -- selection ---------------------------------------------------------------
    @Slot(int)
    def set_selected_sample(self, index: int) -> None:
        self.selected_sample = int(index)
        if self._snapshot is not None:
            self._draw_units(self._snapshot)

    @staticmethod
    def _row_of(snapshot, sample: int) -> int | None:
        rows = np.flatnonzero(snapshot.mask_rows == sample)
        return int(rows[0]) if len(rows) else None

    def dropped_for_sample(self, snapshot, sample: int) -> set[tuple[int, int]]:
        """(layer, unit) pairs switched off for training point ``sample`` this step;
        layer counts from 0 = input, so hidden layer l is l."""
        row = self._row_of(snapshot, sample)
        if row is None:
            return set()
        out = set()
        for l, mask in enumerate(snapshot.masks, start=1):
            if mask is not None:
                out |= {(l, int(u)) for u in np.flatnonzero(~mask[row])}
        return out

    def dropped_units(self) -> set[tuple[int, int]]:
        return set(self._dropped)

    def unit_position(self, layer: int, unit: int) -> tuple[float, float]:
        """Where a unit's circle is, in the diagram's view coordinates."""
        x, y = self._positions[self._unit_index[layer][unit]]
        return float(x), float(y)

    def _unit_style_for(self, size: float) -> dict:
        """The theme's unit pens and brushes, the rings as thick as circles of
        ``size`` pixels allow (a small circle keeps most of its fill); the same
        objects until the size changes (a resize, not a frame)."""
        style = self._unit_style
        if self._unit_pens_for != size:
            t = self.theme
            ring = min(2 * t.scale, size / 8)
            style.update(ring=ring, outline=pg.mkPen(t.foreground, width=ring),
                         dropped_pen=pg.mkPen(t.dropped, width=ring))
            self._unit_pens_for = size
        return style

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._unit_style = {
            "live_brush": pg.mkBrush(theme.background),
            "dropped_brush": pg.mkBrush(*theme.dropped),
            "cross_brush": pg.mkBrush(theme.foreground),
        }
        self._unit_pens_for = None  # the circle size the ring pens below are made for
        self.graphics.setBackground(theme.background)
        self.raster_plot.setTitle(translate("Views", "dropout masks this step"),
                                  color=theme.foreground, size=f"{theme.font_pt}pt")
        self.raster_plot.setLabel("left", translate("Views", "unit"), color=theme.foreground)
        self._label_raster_columns()
        theme.style_axes(self.raster_plot, max(8, theme.font_pt - 2))
        self.raster_note.setColor(theme.foreground)
        self._style_links()
        self._links_key = None
        self.pair_links.setPen(pg.mkPen(PAIR_COLOUR, width=5 * theme.scale))
        for label in self.pair_labels:
            label.setColor(theme.foreground)
            label.fill = pg.mkBrush(theme.background)
            label.border = pg.mkPen(PAIR_COLOUR, width=2 * theme.scale)
            label.setFont(QFont("DejaVu Sans", theme.font_pt, QFont.Weight.Bold))
        self.raster_note.setFont(QFont("DejaVu Sans", theme.font_pt))
        self._sizes = None
        self._units_key = None
        self._raster_empty = False
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)


def column_height(n: int) -> float:
    """Half the height (view units) of a column of ``n`` units: short columns are
    spaced like a long one's units, ten or more fill the column."""
    return min(1.0, 0.12 * (n - 1))


def units_that_fit(n: int, px_per_unit: float) -> int:
    """How many of a layer's ``n`` units can be drawn at least ``MIN_UNIT_PX``
    across without touching, with ``px_per_unit`` pixels per view unit."""
    shown = min(n, MAX_UNITS_DRAWN)
    while shown > 2 and 2 * column_height(shown) / (shown - 1) * px_per_unit * UNIT_FILL \
            < MIN_UNIT_PX:
        shown -= 1
    return shown
