"""The network's answer over the whole plane, with the points it learns from."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...snapshot import EnsembleRequest, request_ensemble
from ..theme import Theme
from .canvas import paint_own_background
from .dropout_ensemble_overlay import DropoutEnsembleOverlay


class DecisionBoundaryView(QWidget):
    EXPLANATION = ("Colour shows what the network predicts at every point of the plane "
                   "(evaluated without dropout); the 50% line is the decision boundary. "
                   "Filled circles are training points, hollow squares test points; a black × "
                   "marks a point the network gets wrong. Click a training point to follow it "
                   "in the network diagram.")

    sample_selected = Signal(int)
    ensemble_changed = Signal()  # a dropout-ensemble box was toggled
    # The map's colours (a BoundaryPalette) changed with the theme: the training
    # worker colours the next snapshots with them.
    palette_changed = Signal(object)

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("decision_boundary_view")
        self.setToolTip(self.EXPLANATION)
        self.theme = theme or Theme.light()
        self.plot_widget = pg.PlotWidget()
        paint_own_background(self.plot_widget)
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
        self.show_train = QCheckBox("train points ●")
        self.show_test = QCheckBox("test points □")
        self.show_wrong = QCheckBox("mark mistakes ×")
        for box, name in ((self.show_train, "show_train"), (self.show_test, "show_test"),
                          (self.show_wrong, "show_mistakes")):
            box.setChecked(True)
            box.setObjectName(name)
            box.toggled.connect(self._update_visibility)
        self.ensemble = DropoutEnsembleOverlay(self.image_item, self.theme)
        self.show_thinned = QCheckBox("thinned nets")
        self.show_thinned.setObjectName("show_thinned_nets")
        self.show_thinned.setToolTip(
            "Dropout as an ensemble: faint lines are the boundaries of 12 thinned networks "
            "(random dropout masks, the same weights). The bold line is the network used "
            "without dropout, roughly their average. Only with keep_prob < 1.")
        self.show_uncertainty = QCheckBox("MC uncertainty")
        self.show_uncertainty.setObjectName("show_mc_uncertainty")
        self.show_uncertainty.setToolTip(
            "Monte-Carlo dropout: shading shows how much the 12 thinned networks disagree "
            "(standard deviation of their predictions); darker means less certain. "
            "Only with keep_prob < 1.")
        for box in (self.show_thinned, self.show_uncertainty):
            box.toggled.connect(self._on_ensemble_toggled)
        self.ensemble_caption = QLabel()
        self.ensemble_caption.setObjectName("ensemble_caption")
        self.caption = QLabel()
        self.caption.setObjectName("boundary_caption")
        toggles = QHBoxLayout()
        toggles.setContentsMargins(6, 0, 6, 0)
        toggles.addWidget(self.show_train)
        toggles.addWidget(self.show_test)
        toggles.addWidget(self.show_wrong)
        toggles.addStretch(1)
        toggles.addWidget(self.caption)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(toggles)
        # A second row, shown only when dropout is on (the boxes mean nothing without).
        self.ensemble_row = QWidget()
        self.ensemble_row.setObjectName("dropout_ensemble_row")
        ensemble_toggles = QHBoxLayout(self.ensemble_row)
        ensemble_toggles.setContentsMargins(6, 0, 6, 0)
        ensemble_toggles.addWidget(QLabel("dropout as an ensemble:"))
        ensemble_toggles.addWidget(self.show_thinned)
        ensemble_toggles.addWidget(self.show_uncertainty)
        ensemble_toggles.addStretch(1)
        ensemble_toggles.addWidget(self.ensemble_caption)
        self.ensemble_row.hide()
        layout.addWidget(self.ensemble_row)
        self.selected_index: int | None = None
        self._data = None
        self._extent = None
        self._snapshot = None
        self._mistakes_key = None  # which points the × marks now show
        self._selected_key = None  # what the selection ring now shows
        self.apply_theme(self.theme)

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
        if self.ensemble_row.isVisibleTo(self) != has_dropout:
            self.ensemble_row.setVisible(has_dropout)
        self.ensemble.show(snapshot.dropout_ensemble if has_dropout else None,
                           snapshot.grid, self.show_thinned.isChecked(),
                           self.show_uncertainty.isChecked())
        spread = self.ensemble.max_spread
        self.ensemble_caption.setText(f"largest spread {spread:.2f}" if spread == spread else "")

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
        outline = pg.mkPen(t.foreground if t.name == "light" else "#ffffff", width=1.2)
        brushes = [pg.mkBrush(*t.class_colours[c % len(t.class_colours)]) for c in
                   range(max(2, int(max(data.y_train.max(initial=0), data.y_test.max(initial=0)))
                             + 1))]
        self.train_scatter.setData(
            pos=data.X_train, size=t.marker_size, symbol="o", pen=outline,
            brush=[brushes[c] for c in data.y_train], data=np.arange(len(data.y_train)))
        # One pen per class (not per point): pyqtgraph draws one symbol per pen object.
        pens = [pg.mkPen(b.color(), width=2.4 * t.scale) for b in brushes]
        self.test_scatter.setData(
            pos=data.X_test, size=t.marker_size, symbol="s", brush=pg.mkBrush(None),
            pen=[pens[c] for c in data.y_test])

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
        self.caption.setText(f"mistakes: train {train_wrong}, test {test_wrong}")

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
        # Room for the widest count it will show: a caption that grows by a digit
        # (9 → 10 mistakes) would otherwise re-lay out and repaint every view.
        self.caption.setMinimumWidth(
            self.caption.fontMetrics().horizontalAdvance("mistakes: train 8888, test 8888"))
        self.plot_widget.setBackground(theme.background)
        theme.style_axes(self.plot)
        self.plot.setTitle("Decision boundary", color=theme.foreground,
                           size=f"{theme.title_pt}pt")
        self.contour.setPen(pg.mkPen(theme.foreground, width=2 * theme.scale))
        self.ensemble.apply_theme(theme)
        if self._data is not None:
            data, self._data = self._data, None
            self._set_points(data)
        if self._snapshot is not None:
            self.show_snapshot(self._snapshot)


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
