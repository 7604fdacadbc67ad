"""Cost over the steps: what the optimiser minimises, split into its parts."""

from __future__ import annotations

from .history_plot import HistoryPlot


class CostView(HistoryPlot):
    TITLE = "Cost"
    Y_LABEL = "loss"
    LOG_Y_TOGGLE = True
    EXPLANATION = ("The training cost is the data loss plus the penalty; the test loss is the "
                   "data loss on held-out points (it carries no penalty). A gap that opens "
                   "between train and test is overfitting.")

    def __init__(self, theme=None, parent=None):
        super().__init__(theme, parent)
        self.setObjectName("cost_view")
        t = self.theme
        self.add_curve("train_data_loss", "train data loss", t.train_loss)
        self.add_curve("train_penalty", "penalty", t.penalty)
        self.add_curve("train_total", "train total", t.total, width=t.line_width * 0.8)
        self.add_curve("test_loss", "test loss (no penalty)", t.test_loss, dashed=True)

    def show_snapshot(self, snapshot) -> None:
        h = snapshot.history
        for key in self.curves:
            self.set_curve(key, h["step"], h[key])
        self.show_events(snapshot.events)
