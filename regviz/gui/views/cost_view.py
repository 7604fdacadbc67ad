"""Cost over the steps: what the optimiser minimises, split into its parts, and
where early stopping would have stopped."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont

from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate
from .history_plot import HistoryPlot


def early_stop_index(history: dict[str, np.ndarray]) -> int | None:
    """The history point with the lowest test loss (the first, on ties), or None
    without any finite test loss."""
    test = history["test_loss"]
    finite = np.isfinite(test)
    if not finite.any():
        return None
    return int(np.argmin(np.where(finite, test, np.inf)))


def early_stop_text(history: dict[str, np.ndarray], i: int) -> str:
    return translate("Views", "lowest test loss, step {step:,}\n"
                     "train {train:.0f}% · test {test:.0f}%").format(
        step=int(history["step"][i]), train=100 * history["train_accuracy"][i],
        test=100 * history["test_accuracy"][i])


class CostView(HistoryPlot):
    TITLE = QT_TRANSLATE_NOOP("Views", "Cost")
    Y_LABEL = QT_TRANSLATE_NOOP("Views", "loss")
    LOG_Y_TOGGLE = True
    LABEL_EVENTS = True  # the window's one plot that names each change
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "The training cost is the data loss plus the penalty; the test loss is the data loss on "
        "held-out points (it carries no penalty). A gap that opens between train and test is "
        "overfitting. The star marks the lowest test loss so far: where early stopping would keep"
        " the weights. Decoupled weight decay is not part of the loss, so the penalty curve "
        "leaves it out.")
    PENALTY_LABELS = {False: QT_TRANSLATE_NOOP("Views", "penalty"),
                      True: QT_TRANSLATE_NOOP("Views", "penalty (weight decay not in it)")}

    def __init__(self, theme=None, parent=None):
        super().__init__(theme, parent)
        self.setObjectName("cost_view")
        t = self.theme
        self.add_curve("train_data_loss", QT_TRANSLATE_NOOP("Views", "train data loss"),
                       t.train_loss)
        self.add_curve("train_penalty", QT_TRANSLATE_NOOP("Views", "penalty"), t.penalty)
        self.add_curve("train_total", QT_TRANSLATE_NOOP("Views", "train total"), t.total,
                       width=t.line_width * 0.8)
        self.add_curve("test_loss", QT_TRANSLATE_NOOP("Views", "test loss (no penalty)"),
                       t.test_loss, dashed=True)
        # A PlotDataItem (not a bare scatter) so the marker follows the log-y toggle.
        self.early_stop_marker = pg.PlotDataItem(
            [], [], pen=None, symbol="star", symbolSize=22 * t.scale,
            symbolBrush=pg.mkBrush(t.test_loss), symbolPen=pg.mkPen(t.foreground, width=1.2))
        self.early_stop_marker.setZValue(50)
        self.plot.addItem(self.early_stop_marker)
        self.early_stop_label = pg.TextItem(anchor=(0.5, 1.15), color=t.foreground,
                                            fill=pg.mkBrush(255, 255, 255, 190))
        self.early_stop_label.setFont(QFont("DejaVu Sans", t.font_pt - 1))
        self.early_stop_label.setZValue(60)
        # Not kept as a picture (DeviceCoordinateCache): pyqtgraph's TextItem sets the
        # painter to the scene's transform on its first paint, which inside a cache's
        # pixmap drew its box outside it — the box was missing, curves ran through the
        # text, and whether it was depended on how often the plot had been painted.
        self.plot.addItem(self.early_stop_label, ignoreBounds=True)
        self.early_stop_label.hide()
        self.early_stop_step: int | None = None
        self._label_fit = None  # (text, plot width) the label was last fitted to

    def show_snapshot(self, snapshot) -> None:
        self.set_log_x(snapshot.config.log_steps)
        self._name_penalty(snapshot.config.weight_decay > 0)
        h = snapshot.history
        for key in self.curves:
            self.set_curve(key, h["step"], h[key])
        self.show_events(snapshot.events)  # fits y first: the label's placement needs it
        self._mark_early_stop(h)

    def drop_unplaceable(self) -> None:
        self.early_stop_marker.setData([], [])
        self.early_stop_marker.scatter.clear()
        self.early_stop_label.hide()

    def _name_penalty(self, decaying: bool) -> None:
        """Say in the legend that the penalty is only what enters the loss: weight
        decay shrinks the weights without being part of it."""
        text = translate("Views", self.PENALTY_LABELS[decaying])
        for sample, label in self.legend.items:
            if sample.item is self.curves["train_penalty"] and label.text != text:
                label.setText(text)

    def _mark_early_stop(self, h) -> None:
        i = early_stop_index(h) if len(h["step"]) > 1 else None
        # Step 0 has no place on a log step axis (its logarithm is -inf).
        if i is None or (self.log_x and h["step"][i] <= 0):
            self.early_stop_step = None
            self.early_stop_marker.setData([], [])
            self.early_stop_marker.scatter.clear()  # no stale point in the bounds
            self.early_stop_label.hide()
            return
        step, loss = float(h["step"][i]), float(h["test_loss"][i])
        self.early_stop_marker.setData([step], [loss])
        if self.early_stop_step != int(step):
            self.early_stop_label.setText(early_stop_text(h, i))
        self.early_stop_step = int(step)
        log_y = self.plot.ctrl.logYCheck.isChecked()
        if log_y and loss <= 0:
            self.early_stop_label.hide()
            return
        self.early_stop_label.setPos(self.x_position(step), np.log10(loss) if log_y else loss)
        self._place_early_stop_label(step, loss, log_y)
        self.early_stop_label.show()
        # A TextItem undoes the plot's scaling with a transform it brings up to date
        # when painted. Shown while the plot had no size yet, it kept the unscaled one,
        # lay thousands of pixels off the plot, so was never painted, so never fixed:
        # no label on the dropout preset at step 400. Brought up to date here too.
        self.early_stop_label.updateTransform()

    def _place_early_stop_label(self, step: float, loss: float, log_y: bool) -> None:
        # Centred over the star, but never cut off by an edge of the plot: shifted
        # sideways just enough (in pixels: a narrow plot had its first words cut).
        (x_low, x_high), (y_low, y_high) = self.plot.vb.viewRange()
        at = (self.x_position(step) - x_low) / ((x_high - x_low) or 1.0)
        plot_px = self.plot.vb.width() or 1.0
        label = self.early_stop_label
        fit = (label.toPlainText(), plot_px)
        if fit != self._label_fit:  # (re-laying out its text every frame costs)
            self._label_fit = fit
            label.setTextWidth(-1)  # its natural width; wrapped only if the plot is narrower
            if label.textItem.boundingRect().width() > plot_px:
                label.setTextWidth(plot_px)
        label_px = label.textItem.boundingRect().width() or 1.0
        star_px = at * plot_px
        lowest = 1.0 - (plot_px - star_px) / label_px  # the right edge inside
        highest = star_px / label_px  # the left edge inside
        x_anchor = min(max(0.5, lowest), highest) if lowest <= highest else at
        x_anchor = min(1.0, max(0.0, x_anchor))
        # Under the star where it fits: every test-loss point lies above the lowest,
        # and the train curves mostly do near it, so the label covers no curve there
        # (above it, it hid the curves the lesson is about). Above only if not.
        y = np.log10(loss) if log_y else loss
        height_px = self.plot.vb.height() or 1.0
        room_below = (y - y_low) / ((y_high - y_low) or 1.0) * height_px
        label_h = label.textItem.boundingRect().height()
        below = room_below >= 1.3 * label_h or room_below > 0.5 * height_px
        self.early_stop_label.setAnchor((x_anchor, -0.2 if below else 1.15))

    def apply_theme(self, theme) -> None:
        super().apply_theme(theme)
        marker = getattr(self, "early_stop_marker", None)
        if marker is not None:
            marker.setSymbolBrush(pg.mkBrush(theme.test_loss))
            marker.setSymbolPen(pg.mkPen(theme.foreground, width=1.2))
            self.early_stop_label.setColor(theme.foreground)
            self.early_stop_label.setFont(QFont("DejaVu Sans", theme.font_pt - 1))
            self._label_fit = None  # its width changes with the type
            marker.setSymbolSize(22 * theme.scale)
            self.early_stop_step = None  # its text made again (a language switch too)
            self.early_stop_label.fill = pg.mkBrush(
                (255, 255, 255, 190) if theme.name == "light" else (0, 0, 0, 170))
