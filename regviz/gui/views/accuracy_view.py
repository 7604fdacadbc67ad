"""Train and test accuracy over the steps; their gap is the overfitting."""

from __future__ import annotations

from ...translatable import QT_TRANSLATE_NOOP
from .history_plot import HistoryPlot


class AccuracyView(HistoryPlot):
    TITLE = QT_TRANSLATE_NOOP("Views", "Accuracy")
    Y_LABEL = QT_TRANSLATE_NOOP("Views", "%")
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "Share of points classified correctly, measured without dropout. Train above test means "
        "the network learned its training points' noise.")

    def __init__(self, theme=None, parent=None):
        super().__init__(theme, parent)
        self.setObjectName("accuracy_view")
        self.add_curve("train_accuracy", QT_TRANSLATE_NOOP("Views", "train"),
                       self.theme.train_acc)
        self.add_curve("test_accuracy", QT_TRANSLATE_NOOP("Views", "test"), self.theme.test_acc,
                       dashed=True)

    def show_snapshot(self, snapshot) -> None:
        self.set_log_x(snapshot.config.log_steps)
        h = snapshot.history
        for key in self.curves:
            self.set_curve(key, h["step"], 100.0 * h[key])
        self.show_events(snapshot.events)
