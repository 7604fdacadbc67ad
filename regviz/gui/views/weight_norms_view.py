"""Weight size per layer: L2 shrinks ‖W‖, L1 drives weights to exactly 0."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel

from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate
from .history_plot import HistoryPlot


class WeightNormsView(HistoryPlot):
    TITLE = QT_TRANSLATE_NOOP("Views", "Weight norm per layer")
    Y_LABEL = QT_TRANSLATE_NOOP("Views", "‖W‖")
    LOG_Y_TOGGLE = False
    LEGEND_COLUMNS = 4  # short labels: one row for up to four layers
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "The Frobenius norm ‖W‖ of each layer's weights over the steps. A penalty pulls it down; "
        "with L1 on, the line below shows the share of each layer's weights that are exactly 0 "
        "and Σ|W|.")

    def __init__(self, theme=None, parent=None):
        super().__init__(theme, parent)
        self.setObjectName("weight_norms_view")
        self._n_layers = 0
        self.l1_text = ""
        self.l1_label = QLabel()
        self.l1_label.setObjectName("l1_readout")
        self.l1_label.setWordWrap(True)
        self.l1_label.setStyleSheet(f"font-size: {self.theme.font_pt}pt; font-weight: bold;"
                                    "padding: 2px 6px;")
        # Its room is kept while hidden (reserved for a long read-out): turning L1 on
        # must not shrink the plot under the class.
        policy = self.l1_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.l1_label.setSizePolicy(policy)
        self.l1_label.setText(l1_placeholder(3))
        self.l1_label.hide()
        self.layout().addWidget(self.l1_label)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reserve_readout()

    def _reserve_readout(self) -> None:
        """The read-out's height is that of the longest one at this width, shown or
        not: a shorter text (one line instead of two) would grow the plot above."""
        width = max(1, self.width() - 12)  # the label's padding
        metrics = QFontMetrics(QFont("DejaVu Sans", self.theme.font_pt, QFont.Weight.Bold))
        rect = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap,
                                    l1_placeholder(max(self._n_layers, 3)))
        self.l1_label.setMinimumHeight(rect.height() + 6)

    def apply_theme(self, theme) -> None:
        super().apply_theme(theme)
        label = getattr(self, "l1_label", None)
        if label is not None:  # (the base class calls this before the label exists)
            label.setStyleSheet(f"font-size: {theme.font_pt}pt; font-weight: bold;"
                                "padding: 2px 6px;")
            self._reserve_readout()
            if not self.l1_text:  # the hidden placeholder in the current language
                label.setText(l1_placeholder(self._n_layers or 3))

    def _ensure_curves(self, n_layers: int) -> None:
        if n_layers == self._n_layers:
            return
        for curve in self.curves.values():
            self.plot.removeItem(curve)
            self.legend.removeItem(curve)
        self.curves.clear()
        if not self.l1_text:  # hidden: reserve the room of this many layers' numbers
            self.l1_label.setText(l1_placeholder(n_layers))
        colours = self.theme.layer_colours
        for l in range(n_layers):
            self.add_curve(f"norm_{l}", f"‖W{l + 1}‖", colours[l % len(colours)])
        self._n_layers = n_layers
        self._reserve_readout()
        self.fit_to_width()  # the legend's entries changed

    def show_snapshot(self, snapshot) -> None:
        self.set_log_x(snapshot.config.log_steps)
        h = snapshot.history
        norms = h["weight_norm"]
        n_layers = norms.shape[1] if norms.ndim == 2 else 0
        self._ensure_curves(n_layers)
        for l in range(n_layers):
            self.set_curve(f"norm_{l}", h["step"], norms[:, l])
        zeros = h["zero_fraction"]
        text = ""
        if len(zeros) and (snapshot.config.l1 > 0 or zeros[-1].any()):
            # L1's two signatures as numbers under the plot: the share of weights that
            # are exactly 0 and Σ|W|. (In the title, a long line widened the plot past
            # its panel; as curves, Σ|W|'s scale would squash the ‖W‖ curves.)
            l1 = h["weight_l1"]
            zero_parts = [f"W{l + 1} {100 * zeros[-1, l]:.0f}%" for l in range(n_layers)]
            sum_parts = [f"{l1[-1, l]:.3g}" for l in range(n_layers)]
            text = translate("Views", L1_READOUT).format(zeros=", ".join(zero_parts),
                                                         sums=", ".join(sum_parts))
        if text != self.l1_text:
            self.l1_text = text
            self.l1_label.setText(text or l1_placeholder(n_layers))
            self.l1_label.setVisible(bool(text))
        self.show_events(snapshot.events)


def l1_placeholder(n_layers: int) -> str:
    """A read-out as long as the longest one ``n_layers`` layers can show: the
    hidden label holds it so that its room is the shown one's."""
    zeros = ", ".join(f"W{l + 1} 100%" for l in range(n_layers))
    sums = ", ".join("8.88e+03" for _ in range(n_layers))
    return translate("Views", L1_READOUT).format(zeros=zeros, sums=sums)


L1_READOUT = QT_TRANSLATE_NOOP("Views", "exact zeros: {zeros}   ·   Σ|W|: {sums}")


