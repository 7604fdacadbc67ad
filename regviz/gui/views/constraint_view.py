"""The constraint picture live: two weights of this network, the data loss's contours
and the penalty's (L2 circles, L1 diamonds) over a grid around them, the minimum of
their sum and the path the pair took. The grid is computed in the training thread
(``Snapshot.constraint``); this view only draws its traced lines, and says which
pair it wants (``request_changed``): the one chosen by clicking two links in the
network diagram (``choose_link``), or a default, and none while it is hidden, so
the picture costs nothing unless someone looks at it."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...constraint_picture import ConstraintPicture, NoPicture, WeightPair, default_pair
from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate
from ..theme import Theme

OPTIMUM_COLOUR = "#E69F00"  # Okabe–Ito orange-yellow: apart from the loss and penalty hues


def penalty_words(picture: ConstraintPicture, config) -> str:
    """What the drawn penalty is, in a teacher's words: kind, λ, scale, shape."""
    kind = picture.penalty_kind
    if kind == "none":
        if config.weight_decay > 0:
            return translate("Views", "No penalty on these two weights (weight decay is not "
                             "part of the loss): only the data loss is drawn.")
        return translate("Views", "No penalty on these two weights: only the data loss is "
                         "drawn.")
    shape = {"L2": translate("Views", "circles"), "L1": translate("Views", "diamonds"),
             "L1 + L2": translate("Views", "rounded diamonds")}[kind]
    terms = []
    if config.l2 > 0:
        terms.append(f"L2 λ={config.l2:g}")
    if config.l1 > 0:
        terms.append(f"L1 λ={config.l1:g}")
    scale = " ÷2m" if config.divide_by_2m else ""
    layers = sorted({l + 1 for l, _, _ in (picture.pair.first, picture.pair.second)})
    where = (translate("Views", "layer {layer}").format(layer=layers[0]) if len(layers) == 1
             else translate("Views", "layers {first} and {second}").format(
                 first=layers[0], second=layers[1]))
    (a2, a1), (b2, b1) = picture.coefficients
    if (a2, a1) != (b2, b1):
        shape = (translate("Views", "ellipses") if kind == "L2"
                 else translate("Views", "stretched {shape}").format(shape=shape))
    if not (any((a2, a1)) and any((b2, b1))):
        shape = translate("Views", "straight bands (one weight is not penalized)")
    return translate("Views", "Penalty {terms}{scale} on {where}: {shape}.").format(
        terms=" + ".join(terms), scale=scale, where=where, shape=shape)


class ConstraintView(QWidget):
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "Two weights of this network (click two links in the Network tab to choose them) with "
        "every other parameter held where it is now. Blue: contours of the data loss. Purple: "
        "contours of the penalty as configured — circles for L2, diamonds for L1. The star is the"
        " lowest training cost J = data loss + penalty on this grid (✚: the data loss alone): "
        "there a data-loss contour (thick blue) touches a penalty contour (thick purple); with L1"
        " that is often a corner, on an axis, where a weight is exactly 0. The dot is where the "
        "pair is now and the line the path it took.")

    request_changed = Signal(object)  # the WeightPair to compute pictures of, or None
    pair_changed = Signal(object)  # the WeightPair shown (for the diagram's highlight)

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("constraint_view")
        self.pair: WeightPair | None = None  # None until chosen or defaulted
        self.request: WeightPair | None = None
        self._clicked: list[tuple[int, int, int]] = []
        self.setToolTip(translate("Views", self.EXPLANATION))
        self.theme = theme or Theme.light()
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.vb.setAspectLocked(True)  # a circle stays a circle
        for side in ("left", "bottom"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.axes = [pg.InfiniteLine(pos=0, angle=angle) for angle in (0, 90)]
        self.data_lines = pg.PlotCurveItem(connect="pairs")
        self.penalty_lines = pg.PlotCurveItem(connect="pairs")
        self.touching_data = pg.PlotCurveItem(connect="pairs")
        self.touching_penalty = pg.PlotCurveItem(connect="pairs")
        self.path = pg.PlotDataItem()
        self.current = pg.ScatterPlotItem(pxMode=True)
        self.optimum = pg.ScatterPlotItem(pxMode=True, symbol="star")
        self.data_optimum = pg.ScatterPlotItem(pxMode=True, symbol="+")
        for z, item in enumerate((*self.axes, self.data_lines, self.penalty_lines,
                                  self.touching_data, self.touching_penalty, self.path,
                                  self.data_optimum, self.optimum, self.current)):
            item.setZValue(z)
            self.plot.addItem(item)
        # Legend and caption in a column beside the square picture: a wide, low tab
        # has room there, and the picture keeps the whole height.
        self.legend = QLabel()
        self.legend.setObjectName("constraint_legend")
        self.caption = QLabel()
        self.caption.setObjectName("constraint_caption")
        self.hint = QLabel(translate("Views", "Another pair: click two links in the Network tab."))
        self.hint.setObjectName("constraint_hint")
        for label in (self.caption, self.hint):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.side = QWidget()
        side = QVBoxLayout(self.side)
        side.setContentsMargins(4, 6, 4, 4)
        side.setSpacing(8)
        side.addWidget(self.legend)
        side.addWidget(self.caption)
        side.addStretch(1)
        side.addWidget(self.hint)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.side)
        self._snapshot = None
        self._drawn = None
        self._extent = None
        self.apply_theme(self.theme)

    # -- which pair ---------------------------------------------------------------
    @Slot(int, int, int)
    def choose_link(self, layer: int, i: int, j: int) -> None:
        """A link clicked in the diagram: the pair becomes the last two clicked
        (the earlier one on the x axis)."""
        link = (int(layer), int(i), int(j))
        self._clicked = [c for c in self._clicked if c != link][-1:] + [link]
        if len(self._clicked) == 2:
            self.set_pair(WeightPair(*self._clicked))

    def set_pair(self, pair: WeightPair | None) -> None:
        """Show ``pair`` (None: the default for the network, chosen when needed)."""
        self.pair = pair
        self.pair_changed.emit(pair)
        self._update_request()

    def _fits(self, pair: WeightPair, snapshot) -> bool:
        sizes = [snapshot.weights[0].shape[0]] + [W.shape[1] for W in snapshot.weights]
        try:
            pair.check(sizes)
        except ValueError:
            return False
        return True

    def _update_request(self) -> None:
        snapshot = self._snapshot
        if self.pair is not None and snapshot is not None and not self._fits(self.pair,
                                                                             snapshot):
            self.pair, self._clicked = None, []  # another network: start again
            self.pair_changed.emit(None)
        if self.pair is None and snapshot is not None and self.isVisible():
            self.pair = default_pair(snapshot.weights)
            self.pair_changed.emit(self.pair)
        request = self.pair if self.isVisible() else None
        if request != self.request:
            self.request = request
            self.request_changed.emit(request)

    # -- drawing -------------------------------------------------------------------
    def show_snapshot(self, snapshot) -> None:
        self._snapshot = snapshot
        self._update_request()
        if self.isVisible():
            self._draw(snapshot)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_request()
        if self._snapshot is not None and self._drawn is not self._snapshot:
            self._draw(self._snapshot)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._update_request()

    def _draw(self, snapshot) -> None:
        self._drawn = snapshot
        picture: ConstraintPicture | NoPicture | None = snapshot.constraint
        if not isinstance(picture, ConstraintPicture) or picture.pair != self.pair:
            for item in (self.data_lines, self.penalty_lines, self.touching_data,
                         self.touching_penalty, self.path):
                item.setData([], [])
            for item in (self.current, self.optimum, self.data_optimum):
                item.setData([])
            self.caption.setText(picture.reason if isinstance(picture, NoPicture)
                                 and picture.pair == self.pair else
                                 translate("Views", "Computing the picture… (it is made only "
                                           "while this tab is shown)"))
            return
        for item, lines in ((self.data_lines, picture.data_lines),
                            (self.penalty_lines, picture.penalty_lines),
                            (self.touching_data, picture.touching_data_line),
                            (self.touching_penalty, picture.touching_penalty_line)):
            item.setData(lines[:, 0], lines[:, 1], connect="pairs")
        self.path.setData(picture.path[:, 0], picture.path[:, 1])
        self.current.setData(pos=picture.current[None, :])
        self.optimum.setData(pos=np.array([picture.minimum()]))
        # Where the data loss alone is lowest, unless that is at the grid's edge (the
        # minimum lies further out, or nowhere).
        r, c = np.unravel_index(int(np.nanargmin(picture.data_loss)), picture.data_loss.shape)
        inside = 0 < r < len(picture.ys) - 1 and 0 < c < len(picture.xs) - 1
        self.data_optimum.setData(pos=np.array([picture.minimum("data")]) if inside
                                  else np.zeros((0, 2)))
        if picture.extent != self._extent:
            self._extent = picture.extent
            x0, x1, y0, y1 = picture.extent
            self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self._label_axes(picture.pair)
        self.caption.setText(self.caption_text(snapshot))

    def caption_text(self, snapshot) -> str:
        picture = snapshot.constraint
        return translate("Views", "{penalty} The other weights as at step {step:,}.").format(
            penalty=penalty_words(picture, snapshot.config), step=picture.step)

    def _label_axes(self, pair: WeightPair) -> None:
        t = self.theme
        for side, weight in (("bottom", pair.first), ("left", pair.second)):
            text = pair.label(weight)
            if self.plot.getAxis(side).labelText != text:
                self.plot.setLabel(side, text, color=t.foreground, size=f"{t.font_pt}pt")

    # -- look ----------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        self.theme = t = theme
        self.plot_widget.setBackground(t.background)
        t.style_axes(self.plot, max(8, t.font_pt - 1))
        for axis in self.axes:
            axis.setPen(t.pen(t.event_line, 1.0 * t.scale, dashed=True))
        self.data_lines.setPen(t.pen(t.train_loss, 1.2 * t.scale))
        self.penalty_lines.setPen(t.pen(t.penalty, 1.2 * t.scale))
        self.touching_data.setPen(t.pen(t.train_loss, 3.2 * t.scale))
        self.touching_penalty.setPen(t.pen(t.penalty, 3.2 * t.scale))
        self.path.setPen(t.pen(t.foreground, 1.6 * t.scale))
        # A small dot, so the star under it still shows once the pair has arrived.
        self.current.setSize(9 * t.scale)
        self.current.setBrush(pg.mkBrush(t.foreground))
        self.current.setPen(pg.mkPen(t.background, width=1.5 * t.scale))
        self.data_optimum.setSize(16 * t.scale)
        self.data_optimum.setBrush(pg.mkBrush(t.train_loss))
        self.data_optimum.setPen(pg.mkPen(t.train_loss, width=1 * t.scale))
        self.optimum.setSize(30 * t.scale)
        self.optimum.setBrush(pg.mkBrush(OPTIMUM_COLOUR))
        self.optimum.setPen(pg.mkPen(t.foreground, width=1.2 * t.scale))
        rows = (((t.train_loss, "━━", translate("Views", "data loss")),
                 (t.penalty, "━━", translate("Views", "penalty"))),
                ((OPTIMUM_COLOUR, "★", translate("Views", "lowest J")),
                 (t.train_loss, "✚", translate("Views", "data loss only"))),
                ((t.foreground, "●", translate("Views", "now")),
                 (t.foreground, "──", translate("Views", "path"))))
        self.legend.setText("<table>" + "".join(
            "<tr>" + "".join(
                f'<td><span style="color:{colour}; font-weight:bold">{mark}</span>'
                f"&nbsp;{text}&nbsp;&nbsp;</td>" for colour, mark, text in row) + "</tr>"
            for row in rows) + "</table>")
        self.side.setFixedWidth(round(270 * t.scale))
        for label in (self.legend, self.caption):
            label.setStyleSheet(f"font-size: {t.font_pt - 1}pt; color: {t.foreground};")
        self.hint.setStyleSheet(f"font-size: {max(8, t.font_pt - 2)}pt; color: {t.event_line};")
        self._extent = None
        for side in ("bottom", "left"):
            self.plot.getAxis(side).labelText = ""
        if self._snapshot is not None and self.isVisible():
            self._draw(self._snapshot)
