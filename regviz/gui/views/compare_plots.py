"""The compare window's shared plots: one colour per run, solid for training and
dashed for test, one legend entry per run (the line style is told in the title, so
the legend stays one row however many runs there are)."""

from __future__ import annotations

from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate
from ..theme import Theme
from .history_plot import HistoryPlot

MAX_RUNS = 4


def run_colours(theme: Theme) -> tuple[str, ...]:
    """Colours for runs 1–4, none of them the orange or blue of the classes on the
    boundary maps (a run is not a class); the first is the theme's text colour (the
    unregularized baseline in plain black, or white on dark)."""
    return (theme.total, "#009E73", "#AA3377", "#8C564B")


class RunHistoryPlot(HistoryPlot):
    """``TRAIN_KEY``/``TEST_KEY`` of every run's history, scaled by ``SCALE``."""

    LEGEND_COLUMNS = MAX_RUNS
    LOG_Y_TOGGLE = False
    TRAIN_KEY = ""
    TEST_KEY = ""
    SCALE = 1.0

    def __init__(self, theme: Theme | None = None, parent=None):
        super().__init__(theme, parent)
        self.n_runs = 0
        for i, colour in enumerate(run_colours(self.theme)):
            run = translate("Views", "run {n}").format(n=i + 1)
            self.add_curve(f"train_{i}", f"{run} {translate('Views', 'train')}", colour)
            self.add_curve(f"test_{i}", f"{run} {translate('Views', 'test')}", colour,
                           dashed=True)
        self.set_runs([translate("Views", "run {n}").format(n=i + 1) for i in range(3)])

    def set_runs(self, labels: list[str]) -> None:
        """Show ``len(labels)`` runs named ``labels``; the legend lists each once."""
        self.n_runs = len(labels)
        self.legend.clear()
        for i in range(MAX_RUNS):
            shown = i < self.n_runs
            for part in ("train", "test"):
                curve = self.curves[f"{part}_{i}"]
                curve.setVisible(shown)
                if shown:
                    name = f"{labels[i]} {translate('Views', part)}"
                    curve.opts["name"] = self._curve_names[f"{part}_{i}"] = name
                else:
                    curve.setData([], [])
            if shown:
                self.legend.addItem(self.curves[f"train_{i}"], labels[i])

    def legend_labels(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    def show_snapshots(self, snapshots) -> None:
        if snapshots:
            self.set_log_x(snapshots[0].config.log_steps)
        for i, snapshot in enumerate(snapshots[:self.n_runs]):
            h = snapshot.history
            self.set_curve(f"train_{i}", h["step"], self.SCALE * h[self.TRAIN_KEY])
            self.set_curve(f"test_{i}", h["step"], self.SCALE * h[self.TEST_KEY])
        self.fit_y()


class CompareCostView(RunHistoryPlot):
    TITLE = QT_TRANSLATE_NOOP("Views", "Cost   — train total   ╌ test loss")
    Y_LABEL = QT_TRANSLATE_NOOP("Views", "loss")
    TRAIN_KEY, TEST_KEY = "train_total", "test_loss"
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "One colour per run. Solid: the training cost (data loss plus that run's penalty). "
        "Dashed: the data loss on the held-out test points. Where a run's dashed line climbs away"
        " from its solid line, that run overfits.")

    def __init__(self, theme=None, parent=None):
        super().__init__(theme, parent)
        self.setObjectName("compare_cost_view")


class CompareAccuracyView(RunHistoryPlot):
    TITLE = QT_TRANSLATE_NOOP("Views", "Accuracy   — train   ╌ test")
    Y_LABEL = QT_TRANSLATE_NOOP("Views", "%")
    TRAIN_KEY, TEST_KEY = "train_accuracy", "test_accuracy"
    SCALE = 100.0
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "One colour per run. Solid: share of training points classified correctly; dashed: the "
        "same on the test points (both without dropout).")

    def __init__(self, theme=None, parent=None):
        super().__init__(theme, parent)
        self.setObjectName("compare_accuracy_view")
