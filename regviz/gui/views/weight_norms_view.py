"""Weight size per layer: L2 shrinks ‖W‖, L1 drives weights to exactly 0."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from .history_plot import HistoryPlot


class WeightNormsView(HistoryPlot):
    TITLE = "Weight norm per layer"
    Y_LABEL = "‖W‖"
    LOG_Y_TOGGLE = False
    LEGEND_COLUMNS = 4  # short labels: one row for up to four layers
    EXPLANATION = ("The Frobenius norm ‖W‖ of each layer's weights over the steps. A penalty "
                   "pulls it down; with L1 on, the line below shows the share of each layer's "
                   "weights that are exactly 0 and Σ|W|.")

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
        self.l1_label.hide()
        self.layout().addWidget(self.l1_label)

    def _ensure_curves(self, n_layers: int) -> None:
        if n_layers == self._n_layers:
            return
        for curve in self.curves.values():
            self.plot.removeItem(curve)
            self.legend.removeItem(curve)
        self.curves.clear()
        colours = self.theme.layer_colours
        for l in range(n_layers):
            self.add_curve(f"norm_{l}", f"‖W{l + 1}‖", colours[l % len(colours)])
        self._n_layers = n_layers

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
            text = (f"exact zeros: {', '.join(zero_parts)}   ·   "
                    f"Σ|W|: {', '.join(sum_parts)}")
        if text != self.l1_text:
            self.l1_text = text
            self.l1_label.setText(text)
            self.l1_label.setVisible(bool(text))
        self.show_events(snapshot.events)
