"""Rewinding the run: the history scrubber under the views, the cursor it puts on
every plot over steps, "Continue from here" and its undo.

Dragging the timeline pauses training and asks the worker for a snapshot of the
network at the nearest checkpoint (``TrainingWorker.show_checkpoint``): the
boundary, diagram, weight histograms and formula then show that step, and every
history plot a vertical cursor at it. Releasing leaves it there; ▶ Play goes back
to the live end (the run itself never moved). "Continue from here" branches: the
worker trains on from that checkpoint with the current settings; the run it left
is kept by Edit → Undo (Ctrl+Z), like any other action that throws a run away.

While training, the scrubber costs the frame nothing but a redraw of the thin
timeline four times a second; the cursors are touched only when a snapshot from
the past is shown or left."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QWidget

from ...formula import formula_text
from ..controls.history_scrubber import HistoryScrubber
from ..language import translate
from ..views.history_plot import HistoryPlot


class Scrubbing(QObject):
    """Owns the scrubber for one main window (``window.findChild(Scrubbing)``)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("scrubbing")
        self.window = window
        self.scrubber = HistoryScrubber()
        area = window.findChild(QWidget, "views_area")
        area.layout().addWidget(self.scrubber)
        self._cursor_lines: dict[int, pg.InfiniteLine] = {}
        self._cursor_shown: int | None = None
        self.scrubber.scrubbed.connect(self.show_step)
        self.scrubber.continue_requested.connect(self.continue_from)
        window.snapshot_shown.connect(self._on_snapshot_shown)

    # -- steering --------------------------------------------------------------------
    @Slot(int)
    def show_step(self, step: int) -> None:
        """Show the network as it was at the checkpoint nearest ``step`` (pauses)."""
        self.window.pause()
        self.window.controller.checkpoint_requested.emit(step)

    @Slot(int)
    def continue_from(self, step: int) -> None:
        """Branch: train on from the checkpoint at ``step`` with the current settings
        (the later history goes; Ctrl+Z brings the run back)."""
        self.window.undo_point(translate("Scrubber", "Continue from step {step:,}").format(
            step=step))
        self.window.controller.branch_requested.emit(step, self.window.config)

    # -- showing -----------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot_shown(self, snapshot) -> None:
        self.scrubber.show_snapshot(snapshot)
        if snapshot.cursor_step != self._cursor_shown:
            self._show_cursor(snapshot.cursor_step)
            # The objective as it was then (λ may have changed since); the controls
            # keep the current settings, which "continue from here" would use.
            panel = self.window.control_panel
            config = snapshot.config if snapshot.cursor_step is not None else panel.config
            panel.formula_label.setText(formula_text(config))

    def _show_cursor(self, step: int | None) -> None:
        self._cursor_shown = step
        for plot, view in self._plots():
            line = self._cursor_lines.get(id(plot))
            if line is None:
                if step is None:
                    continue
                line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(
                    (0, 114, 178), width=2, style=Qt.PenStyle.DashLine))
                line.setZValue(50)
                plot.addItem(line, ignoreBounds=True)
                self._cursor_lines[id(plot)] = line
            line.setVisible(step is not None)
            if step is not None:
                line.setPos(view.x_position(step) if view is not None else float(step))

    def _plots(self):
        """(plot, its HistoryPlot or None) for every plot over steps: the history
        plots (whose step axis may be logarithmic) and the weight histograms."""
        window = self.window
        plots = [(view.plot, view) for view in window.views if isinstance(view, HistoryPlot)]
        return plots + [(plot, None) for plot in
                        getattr(window.weight_histogram_view, "plots", [])]

    def cursor_positions(self) -> list[float | None]:
        """The step each plot's cursor marks (None where hidden), for tests."""
        positions = []
        for plot, view in self._plots():
            line = self._cursor_lines.get(id(plot))
            if line is None:
                continue
            if not line.isVisible():
                positions.append(None)
            elif view is not None and view.log_x:
                positions.append(round(10 ** line.value()))
            else:
                positions.append(line.value())
        return positions


def install_scrubbing(window) -> Scrubbing:
    """The scrubber under the views and Teach → Undo “continue from here”."""
    return Scrubbing(window)


def scrubbing(window) -> Scrubbing:
    return window.findChild(Scrubbing, "scrubbing")
