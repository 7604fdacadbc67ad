"""How much of each weight the regularizer takes away per step, as a histogram over
the weights: decoupled weight decay takes the same share lr·wd of every weight (one
bar), L2 through Adam takes lr·2λ/(√v̂ + ε), a different share for each weight
depending on its gradients so far (a spread over decades). Drawn from
``Snapshot.shrink`` (``Trainer.shrink_per_step``)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate
from ..theme import Theme

LOW, HIGH = -7, 0  # log10 of the share per step: 0.00001 % … 100 % (and more)
BINS_PER_DECADE = 4
EDGES = np.linspace(LOW, HIGH, (HIGH - LOW) * BINS_PER_DECADE + 1)
TICKS = [(float(k), f"{100 * 10.0 ** k:g}%") for k in range(LOW + 1, HIGH + 1, 2)]


def share_text(share: float) -> str:
    """A share per step as a percentage with two significant digits."""
    return f"{100 * share:.2g}%"


def shrink_summary(shrink: np.ndarray | None) -> str:
    """One line for the class: what share of each weight a step takes."""
    if shrink is None:
        return translate("Views", "nothing shrinks the weights")
    known = shrink[np.isfinite(shrink)]
    if not known.size:
        return translate("Views", "known after the first step")
    low, high = float(known.min()), float(known.max())
    if high <= low * (1 + 1e-9):
        return translate("Views", "every weight loses {share} per step").format(
            share=share_text(low))
    # A share of 100% or more (Adam's step of about lr on a weight whose own L2
    # gradient is all it has) holds the weight at about 0.
    top = "100%+" if high >= 1 else share_text(high)
    held = float(np.mean(known >= 1))
    text = translate("Views", "each weight loses {low} to {high} per step, by its own "
                     "gradients").format(low=share_text(low), high=top)
    if held:
        text += translate("Views", "; {held:.0f}% of them held at about 0").format(
            held=100 * held)
    return text


def shrink_histogram(shrink: np.ndarray) -> np.ndarray:
    """Share (%) of the weights in each bin of log10(share per step), ends included
    in the first and last bins."""
    known = shrink[np.isfinite(shrink) & (shrink > 0)]
    if not known.size:
        return np.zeros(len(EDGES) - 1)
    logs = np.clip(np.log10(known), LOW, HIGH - 1e-9)
    counts, _ = np.histogram(logs, EDGES)
    return 100.0 * counts / len(known)


class ShrinkView(QWidget):
    EXPLANATION = QT_TRANSLATE_NOOP(
        "Views",
        "The share of each weight that regularization takes away in one step, one bar per range "
        "(log scale). Decoupled weight decay (AdamW) takes the same share, lr·wd, from every "
        "weight: one bar. L2 through Adam is divided by each weight's recent gradient size, "
        "lr·2λ/(√v̂ + ε): weights with large gradients lose less, weights with small ones far "
        "more — a spread.")

    def __init__(self, theme: Theme | None = None, colour: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("shrink_view")
        self.setToolTip(translate("Views", self.EXPLANATION))
        self.theme = theme or Theme.light()
        self.colour = colour
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.PlotCurveItem(EDGES, np.zeros(len(EDGES) - 1), stepMode="center",
                                     fillLevel=0)
        self.plot.addItem(self.bars)
        self.plot.getAxis("bottom").setTicks([TICKS])
        self.plot.setXRange(LOW, HIGH + 0.4, padding=0)  # room for the "100%" label
        self.plot.setYRange(0, 100, padding=0.02)
        self.summary = QLabel()
        self.summary.setObjectName("shrink_summary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.summary)
        self._shown = None
        self.apply_theme(self.theme)

    def show_snapshot(self, snapshot) -> None:
        shrink = snapshot.shrink
        if shrink is self._shown:
            return
        self._shown = shrink
        heights = shrink_histogram(shrink) if shrink is not None else np.zeros(len(EDGES) - 1)
        self.bars.setData(EDGES, heights)
        self.summary.setText(shrink_summary(shrink))

    def apply_theme(self, theme: Theme) -> None:
        self.theme = t = theme
        colour = self.colour or t.penalty
        self.plot_widget.setBackground(t.background)
        t.style_axes(self.plot, max(8, t.font_pt - 2))
        self.plot.setTitle(translate("Views", "share of each weight taken per step"),
                           color=t.foreground, size=f"{t.font_pt}pt")
        self.plot.setLabel("left", translate("Views", "% of weights"), color=t.foreground,
                           size=f"{max(8, t.font_pt - 2)}pt")
        self.bars.setPen(pg.mkPen(colour, width=1.5 * t.scale))
        self.bars.setBrush(pg.mkBrush(colour))
        self.summary.setStyleSheet(f"font-size: {t.font_pt}pt; padding: 1px 4px;")
