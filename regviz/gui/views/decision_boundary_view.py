"""The network's answer over the whole plane, with the points it learns from."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal, Slot
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout

from ...snapshot import EnsembleRequest, request_ensemble
from ...translatable import QT_TRANSLATE_NOOP
from ..frame_label import fill_own_background, fix_label_size
from ..language import translate
from ..theme import Theme
from .canvas import set_up_live_canvas
from .dropout_ensemble_overlay import DropoutEnsembleOverlay

CAPTION = QT_TRANSLATE_NOOP("Views", "mistakes: train {}, test {}")
SPREAD_TEXT = QT_TRANSLATE_NOOP("Views", "largest spread {spread:.2f}")
# A narrow view (four compare runs, small screen).


SHORT_CAPTION = QT_TRANSLATE_NOOP("Views", "× train {}, test {}")


class DecisionBoundaryView(QWidget):
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "Colour shows what the network predicts at every point of the plane (evaluated without "
        "dropout); the 50% line is the decision boundary. Filled circles are training points, "
        "hollow squares test points; a black × marks a point the network gets wrong. Click a "
        "training point to follow it in the network diagram.")

    sample_selected = Signal(int)
    ensemble_changed = Signal()  # a dropout-ensemble box was toggled
    # The map's colours (a BoundaryPalette) changed with the theme: the training
    # worker colours the next snapshots with them.
    palette_changed = Signal(object)

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("decision_boundary_view")
        self.setToolTip(translate("Views", self.EXPLANATION))
        self.theme = theme or Theme.light()
        self.plot_widget = pg.PlotWidget()
        set_up_live_canvas(self.plot_widget)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setAspectLocked(True)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image_item)
        # The boundary the snapshot traced, in data coordinates (k classes too).
        self.contour = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen((40, 40, 40), width=2))
        self.contour.setZValue(5)
        self.plot.addItem(self.contour)
        self.train_scatter = pg.ScatterPlotItem(pxMode=True)
        self.test_scatter = pg.ScatterPlotItem(pxMode=True)
        self.wrong_scatter = pg.ScatterPlotItem(pxMode=True, symbol="x")
        self.selected_marker = pg.ScatterPlotItem(pxMode=True, symbol="o")
        for item in (self.train_scatter, self.test_scatter, self.wrong_scatter,
                     self.selected_marker):
            self.plot.addItem(item)
        self.train_scatter.sigClicked.connect(self._on_points_clicked)
        self.show_train = QCheckBox(translate("Views", "train points ●"))
        self.show_test = QCheckBox(translate("Views", "test points □"))
        self.show_wrong = QCheckBox(translate("Views", "mark mistakes ×"))
        for box, name in ((self.show_train, "show_train"), (self.show_test, "show_test"),
                          (self.show_wrong, "show_mistakes")):
            box.setChecked(True)
            box.setObjectName(name)
            box.toggled.connect(self._update_visibility)
        self.ensemble = DropoutEnsembleOverlay(self.image_item, self.theme)
        self.show_thinned = QCheckBox(translate("Views", "thinned nets"))
        self.show_thinned.setObjectName("show_thinned_nets")
        self.show_thinned.setToolTip(translate(
            "Views", "Dropout as an ensemble: faint lines are the boundaries of 12 thinned "
            "networks (random dropout masks, the same weights). The bold line is the network "
            "used without dropout, roughly their average. Only with keep_prob < 1."))
        self.show_uncertainty = QCheckBox(translate("Views", "MC uncertainty"))
        self.show_uncertainty.setObjectName("show_mc_uncertainty")
        self.show_uncertainty.setToolTip(translate(
            "Views", "Monte-Carlo dropout: shading shows how much the 12 thinned networks "
            "disagree (standard deviation of their predictions); darker means less certain. "
            "Only with keep_prob < 1."))
        for box in (self.show_thinned, self.show_uncertainty):
            box.toggled.connect(self._on_ensemble_toggled)
        self.ensemble_caption = QLabel()
        self.ensemble_caption.setObjectName("ensemble_caption")
        self.caption = QLabel()
        self.caption.setObjectName("boundary_caption")
        fill_own_background(self.caption)
        # The toggles and captions flow onto more lines where the view is narrow
        # (presentation mode on a small screen) instead of being cut off.
        self.toggle_area = QWidget()
        self.toggle_area.setObjectName("boundary_toggles")
        toggles = QFlowLayout(self.toggle_area)
        toggles.setContentsMargins(6, 0, 6, 0)
        toggles.setVerticalSpacing(0)
        for widget in (self.show_train, self.show_test, self.show_wrong, self.caption):
            toggles.addWidget(widget)
        # Shown only when dropout is on (the boxes mean nothing without), but their
        # room is kept: turning dropout on must not shrink the map under the class.
        ensemble_label = QLabel(translate("Views", "dropout as an ensemble:"))
        ensemble_label.setObjectName("dropout_ensemble_label")
        self.ensemble_widgets = (ensemble_label, self.show_thinned, self.show_uncertainty,
                                 self.ensemble_caption)
        for widget in self.ensemble_widgets:
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
            widget.hide()
            toggles.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.toggle_area)
        self.selected_index: int | None = None
        self._mistakes: tuple[int, int] | None = None  # (train, test) in the caption
        self._short_caption = False
        self._data = None
        self._extent = None
        self._snapshot = None
        self._mistakes_key = None  # which points the × marks now show
        self._selected_key = None  # what the selection ring now shows
        self.apply_theme(self.theme)

    @property
    def ensemble_shown(self) -> bool:
        """Whether the dropout-ensemble boxes are shown (with dropout on)."""
        return self.show_thinned.isVisibleTo(self)

    def sizeHint(self):  # noqa: N802 (Qt's name)
        # Its share of the window comes from the layout's stretch factors alone: not
        # its size hint, nor the height its wrapped toggles ask for at this width.
        return self.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reserve_caption()

    def _reserve_caption(self) -> None:
        """Room for the widest count (a caption growing by a digit, 9 → 10 mistakes,
        would re-lay out and repaint every view), but never more than the view is
        wide (four compare runs on a small screen)."""
        metrics = self.caption.fontMetrics()
        room = max(0, self.width() - 12)
        # Where even that is too wide, the short form (× as on the map).
        self._short_caption = metrics.horizontalAdvance(
            translate("Views", CAPTION).format(8888, 8888)) > room
        form = translate("Views", SHORT_CAPTION if self._short_caption else CAPTION)
        # A fixed size: its count can change every frame (see frame_label).
        fix_label_size(self.caption, min(metrics.horizontalAdvance(form.format(8888, 8888)),
                                         room))
        if self._mistakes is not None:
            self.caption.setText(form.format(*self._mistakes))

    def width_for_height(self, height: int) -> int:
        """The view's width at which its square map fills ``height`` pixels of the
        view's height: any wider only adds empty margin beside the map."""
        vb = self.plot.vb
        if vb.width() > 1 and vb.height() > 1:
            chrome_w, chrome_h = self.width() - vb.width(), self.height() - vb.height()
        else:  # not laid out yet: the axis, title and toggles' usual room
            chrome_w, chrome_h = 70 * self.theme.scale, 110 * self.theme.scale
        return int(height - chrome_h + chrome_w)

    # -- updates --------------------------------------------------------------
    def show_snapshot(self, snapshot) -> None:
        self._snapshot = snapshot
        grid = snapshot.grid
        # Coloured by the worker (the GUI thread only draws), unless the theme
        # changed since that snapshot was taken.
        rgb = grid.coloured(self.palette)
        self.contour.setData(grid.lines[:, 0], grid.lines[:, 1], connect="pairs",
                             skipFiniteCheck=True)
        # uint8 RGB without levels: Qt takes the array as it is (no rescaling pass).
        self.image_item.setImage(rgb, autoLevels=False, levels=None)
        x0, x1, y0, y1 = grid.extent
        extent = (x0, x1, y0, y1, rgb.shape[1], rgb.shape[0])
        if extent != self._extent:
            # Pixel i is centred on xs[i] (where its value was computed): the image
            # reaches half a cell past the first and last grid line.
            dx, dy = (x1 - x0) / (len(grid.xs) - 1), (y1 - y0) / (len(grid.ys) - 1)
            self.image_item.setRect(QRectF(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx,
                                           y1 - y0 + dy))
            self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            self._extent = extent
        if snapshot.data is not self._data:
            self._set_points(snapshot.data)
        self._mark_mistakes(snapshot)
        self._update_selected()
        self._show_ensemble(snapshot)

    def _show_ensemble(self, snapshot) -> None:
        has_dropout = snapshot.config.keep_prob < 1
        if self.ensemble_shown != has_dropout:
            for widget in self.ensemble_widgets:
                widget.setVisible(has_dropout)
        self.ensemble.show(snapshot.dropout_ensemble if has_dropout else None,
                           snapshot.grid, self.show_thinned.isChecked(),
                           self.show_uncertainty.isChecked())
        spread = self.ensemble.max_spread
        self.ensemble_caption.setText(translate("Views", SPREAD_TEXT).format(spread=spread)
                                      if spread == spread else "")

    @Slot()
    def _on_ensemble_toggled(self) -> None:
        request_ensemble(EnsembleRequest(thinned=self.show_thinned.isChecked(),
                                         uncertainty=self.show_uncertainty.isChecked()))
        if self._snapshot is not None:
            self._show_ensemble(self._snapshot)
        self.ensemble_changed.emit()

    def _set_points(self, data) -> None:
        self._data = data
        t = self.theme
        outline = pg.mkPen(marker_outline(t), width=1.2)
        brushes = [pg.mkBrush(*t.class_colours[c % len(t.class_colours)]) for c in
                   range(max(2, int(max(data.y_train.max(initial=0), data.y_test.max(initial=0)))
                             + 1))]
        self.train_scatter.setData(
            pos=data.X_train, size=t.marker_size, symbol="o", pen=outline,
            brush=[brushes[c] for c in data.y_train], data=np.arange(len(data.y_train)))
        # A hollow square in the class colour, edged on both sides in the outline
        # colour: a plain coloured square vanished on a region of its own colour
        # (dark theme, presentation mode's strong tints). One pen for all and one
        # brush per class: pyqtgraph draws one symbol per pen and brush object.
        self.test_scatter.setData(
            pos=data.X_test, size=t.marker_size + 2.4 * t.scale, symbol=TEST_MARKER,
            pen=pg.mkPen(marker_outline(t), width=TEST_OUTLINE_WIDTH * t.scale),
            brush=[brushes[c] for c in data.y_test])

    def _mark_mistakes(self, snapshot) -> None:
        data = snapshot.data
        X = np.concatenate([data.X_train, data.X_test])
        y = np.concatenate([data.y_train, data.y_test])
        if snapshot.train_predictions is not None:
            pred = np.concatenate([snapshot.train_predictions, snapshot.test_predictions])
        else:
            pred = _predict_from_grid(snapshot.grid, X)
        is_wrong = pred != y
        self.wrong_count = int(np.count_nonzero(is_wrong))
        # The same mistakes as last frame (the usual case late in a run): nothing to
        # re-draw.
        key = (id(data), self.theme, is_wrong.tobytes())
        if key == self._mistakes_key:
            return
        self._mistakes_key = key
        # A white × outlined in black reads as a cross on orange, blue and white alike
        # (a black one merged into a black blob on the filled training circles).
        # The same pen and brush objects each time: pyqtgraph then finds the ×
        # symbol in its atlas instead of drawing it again (2 ms a frame).
        self.wrong_scatter.setData(pos=X[is_wrong], size=self.theme.marker_size * 1.1,
                                   pen=self._wrong_pen, brush=self._wrong_brush)
        n_train = len(data.y_train)
        train_wrong = int(np.count_nonzero(is_wrong[:n_train]))
        test_wrong = int(np.count_nonzero(is_wrong[n_train:]))
        self._mistakes = (train_wrong, test_wrong)
        form = translate("Views", SHORT_CAPTION if self._short_caption else CAPTION)
        self.caption.setText(form.format(train_wrong, test_wrong))

    @Slot(int)
    def select_sample(self, index: int) -> None:
        self.selected_index = index
        self._update_selected()

    def _update_selected(self) -> None:
        data = self._data
        # Every frame asks; only a new selection (or new points) is drawn again.
        key = (id(data), self.selected_index, self.theme)
        if key == self._selected_key:
            return
        self._selected_key = key
        if data is None or self.selected_index is None or \
                not 0 <= self.selected_index < len(data.X_train):
            self.selected_marker.setData([])
            return
        self.selected_marker.setData(
            pos=data.X_train[self.selected_index:self.selected_index + 1],
            size=self.theme.marker_size * 2.4, brush=pg.mkBrush(None),
            pen=pg.mkPen(self.theme.foreground, width=3 * self.theme.scale))

    def _on_points_clicked(self, _item, points, event=None) -> None:
        if len(points):
            # Markers overlap where points are dense: take the one nearest the click,
            # not whichever pyqtgraph lists first.
            chosen = points[0]
            if event is not None and len(points) > 1:
                click = event.pos()
                chosen = min(points, key=lambda p: (p.pos().x() - click.x()) ** 2
                             + (p.pos().y() - click.y()) ** 2)
            index = int(chosen.data())
            self.select_sample(index)
            self.sample_selected.emit(index)

    @Slot()
    def _update_visibility(self) -> None:
        self.train_scatter.setVisible(self.show_train.isChecked())
        self.test_scatter.setVisible(self.show_test.isChecked())
        self.wrong_scatter.setVisible(self.show_wrong.isChecked())

    def set_live(self, live: bool) -> None:
        """A smooth 50% line while paused; a plain one while training (the GUI
        thread holds Python's GIL while it paints, and the training thread waits)."""
        if self.contour.opts["antialias"] == live:
            self.contour.opts["antialias"] = not live
            self.contour.update()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._wrong_pen = pg.mkPen("#000000", width=1.2 * theme.scale)
        self._wrong_brush = pg.mkBrush("#ffffff")
        palette = theme.boundary_palette()
        if palette != getattr(self, "palette", None):
            self.palette = palette
            self.palette_changed.emit(palette)
        self._reserve_caption()
        fix_label_size(self.ensemble_caption,
                       self.ensemble_caption.fontMetrics().horizontalAdvance(
                           translate("Views", SPREAD_TEXT).format(spread=0.88)))
        self.plot_widget.setBackground(theme.background)
        theme.style_axes(self.plot)
        self._mistakes_key = None  # the caption made again (a language switch too)
        self.plot.setTitle(translate("Views", "Decision boundary"), color=theme.foreground,
                           size=f"{theme.title_pt}pt")
        self.contour.setPen(pg.mkPen(theme.foreground, width=2 * theme.scale))
        self.ensemble.apply_theme(theme)
        if self._data is not None:
            data, self._data = self._data, None
            self._set_points(data)
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)


def marker_outline(theme: Theme) -> str:
    """The edge of every point marker: the darkest ink on a light map, white on a
    dark one (the map's tints are pale there and dark here)."""
    return theme.foreground if theme.name == "light" else "#ffffff"


def square_ring(hole: float) -> QPainterPath:
    """A unit square (pyqtgraph scales symbols to their size) with a square hole of
    side ``hole``: filled, it is a hollow square whose pen draws both its edges."""
    path = QPainterPath()
    path.addRect(QRectF(-0.5, -0.5, 1.0, 1.0))
    path.addRect(QRectF(-hole / 2, -hole / 2, hole, hole))  # odd-even fill: a hole
    return path


# The old hollow square: 9 px wide, 2.4 px stroke → a ring 11.4 px out, 6.6 px in.
TEST_MARKER = square_ring(6.6 / 11.4)
TEST_OUTLINE_WIDTH = 0.8


def _predict_from_grid(grid, X: np.ndarray) -> np.ndarray:
    """Labels of ``X`` read off the nearest grid cell: the same picture the class
    sees, and no network call on the GUI thread."""
    xs, ys = grid.xs, grid.ys
    i = np.clip(np.rint((X[:, 0] - xs[0]) / (xs[-1] - xs[0]) * (len(xs) - 1)), 0,
                len(xs) - 1).astype(np.intp)
    j = np.clip(np.rint((X[:, 1] - ys[0]) / (ys[-1] - ys[0]) * (len(ys) - 1)), 0,
                len(ys) - 1).astype(np.intp)
    cell = grid.probs[j, i]
    return (cell >= 0.5).astype(np.int64) if cell.ndim == 1 else cell.argmax(axis=1)
