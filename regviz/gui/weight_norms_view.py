"""Weight size per layer: L2 shrinks ‖W‖, L1 drives weights to exactly 0."""

from __future__ import annotations

from .history_plot import HistoryPlot


class WeightNormsView(HistoryPlot):
    TITLE = "Weight norm per layer"
    Y_LABEL = "‖W‖"
    LOG_Y_TOGGLE = False
    EXPLANATION = ("The Frobenius norm ‖W‖ of each layer's weights over the steps. A penalty "
                   "pulls it down; with L1 on, the title shows the share of each layer's "
                   "weights that are exactly 0 and Σ|W|.")

    def __init__(self, theme=None, parent=None):
        super().__init__(theme, parent)
        self.setObjectName("weight_norms_view")
        self._n_layers = 0
        self.title_text = self.TITLE

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
        h = snapshot.history
        norms = h["weight_norm"]
        n_layers = norms.shape[1] if norms.ndim == 2 else 0
        self._ensure_curves(n_layers)
        for l in range(n_layers):
            self.set_curve(f"norm_{l}", h["step"], norms[:, l])
        zeros = h["zero_fraction"]
        title = self.TITLE
        if len(zeros) and (snapshot.config.l1 > 0 or zeros[-1].any()):
            parts = [f"W{l + 1} {100 * zeros[-1, l]:.0f}%" for l in range(n_layers)]
            title = "exact zeros: " + ", ".join(parts)
        if title != self.title_text:
            self.title_text = title
            self.plot.setTitle(title, color=self.theme.foreground,
                               size=f"{self.theme.title_pt}pt")
        self.show_events(snapshot.events)
