"""The timeline under the views: the whole run from step 0 to now, its checkpoints
as ticks, the live changes (λ, keep_prob, …) as orange marks, and a cursor.
Clicking or dragging on it asks for the network as it was at the nearest
checkpoint; ``HistoryScrubber`` only shows and asks — the window decides."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ..frame_label import fill_own_background, fix_label_size, label_size_for
from ..language import translate

LIVE_REFRESH_S = 0.25  # while training, the timeline is redrawn at most 4 times a second
MARGIN = 10  # pixels left and right of the track, so the end ticks are not cut
LABEL_MIN_WIDTH = 150  # the step label's least width: the track does not jump with it
EVENT_COLOUR = QColor(230, 97, 1)
CURSOR_COLOUR = QColor(0, 114, 178)


class Timeline(QWidget):
    """The track itself. ``scrubbed(step)``: a checkpoint's step was picked."""

    scrubbed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setMinimumHeight(30)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.run_step = 0
        self.checkpoint_steps = np.zeros(0, dtype=np.int64)
        self.events: tuple = ()
        self.cursor_step: int | None = None  # None: live (the cursor sits at now)
        self._dragging = False

    def sizeHint(self):  # noqa: N802 (Qt's name)
        size = super().sizeHint()
        size.setHeight(30)
        return size

    def set_run(self, run_step: int, checkpoint_steps: np.ndarray, events) -> None:
        self.run_step = int(run_step)
        self.checkpoint_steps = checkpoint_steps
        self.events = tuple(events)
        self.update()

    def set_cursor(self, step: int | None) -> None:
        if step != self.cursor_step:
            self.cursor_step = step
            self.update()

    # -- geometry ------------------------------------------------------------------
    def x_of(self, step: float) -> float:
        width = max(self.width() - 2 * MARGIN, 1)
        return MARGIN + width * (step / self.run_step if self.run_step else 0.0)

    def step_at(self, x: float) -> int:
        """The checkpoint step nearest the pixel column ``x``."""
        width = max(self.width() - 2 * MARGIN, 1)
        wanted = (x - MARGIN) / width * self.run_step
        steps = self.checkpoint_steps
        if not len(steps):
            return 0
        return int(steps[int(np.argmin(np.abs(steps - wanted)))])

    # -- input -----------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and len(self.checkpoint_steps):
            self._dragging = True
            self._pick(event.position().x())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._dragging:
            self._pick(event.position().x())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._dragging = False

    def _pick(self, x: float) -> None:
        step = self.step_at(x)
        if step != self.cursor_step:
            self.set_cursor(step)
            self.scrubbed.emit(step)

    # -- drawing ---------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        h = self.height()
        middle = h / 2
        text = self.palette().windowText().color()
        track = QColor(text)
        track.setAlpha(60)
        painter.fillRect(QRectF(MARGIN, middle - 3, self.width() - 2 * MARGIN, 6), track)
        if not self.run_step:
            return
        tick = QColor(text)
        tick.setAlpha(70)
        painter.setPen(QPen(tick, 1))
        ends = []
        for step in self.checkpoint_steps:
            x = self.x_of(step)
            ends += (QPointF(x, middle - 4), QPointF(x, middle + 4))
        if ends:
            painter.drawLines(ends)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(EVENT_COLOUR)
        for event in self.events:
            x = self.x_of(event.step)
            painter.drawPolygon(QPolygonF([QPointF(x - 5, 1), QPointF(x + 5, 1),
                                           QPointF(x, middle - 3)]))
        cursor = self.run_step if self.cursor_step is None else self.cursor_step
        x = self.x_of(cursor)
        painter.setBrush(CURSOR_COLOUR)
        painter.drawRoundedRect(QRectF(x - 4, 2, 8, h - 4), 3, 3)


class HistoryScrubber(QWidget):
    """Timeline, what it shows in words, and "Continue from here".

    ``scrubbed(step)``: show the network at that checkpoint; ``continue_requested(step)``:
    branch the training there."""

    scrubbed = Signal(int)
    continue_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("history_scrubber")
        self.timeline = Timeline()
        self.timeline.setToolTip(translate(
            "Scrubber", "The whole run. Drag to see the network as it was at any step (snaps "
            "to the nearest saved checkpoint); orange marks are setting changes. ▶ Play "
            "returns to now."))
        self.label = QLabel()
        self.label.setObjectName("scrubber_label")
        fill_own_background(self.label)
        self._label_advance = None  # the text width the label was fitted to
        self.continue_button = QPushButton(translate("Scrubber", "Continue from here"))
        self.continue_button.setObjectName("continue_from_here")
        self.continue_button.setToolTip(translate(
            "Scrubber", "Train on from the step shown, with the current settings; the later "
            "history is dropped (Ctrl+Z brings it back)"))
        self.continue_button.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 2)
        layout.setSpacing(8)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.label)
        layout.addWidget(self.continue_button)
        self.timeline.scrubbed.connect(self._on_scrubbed)
        self.continue_button.clicked.connect(
            lambda: self.continue_requested.emit(self.timeline.cursor_step))
        self._last_live_refresh = 0.0

    @property
    def cursor_step(self) -> int | None:
        return self.timeline.cursor_step

    def show_snapshot(self, snapshot) -> None:
        """Follow the run (at most LIVE_REFRESH_S apart while it trains) or show
        where the cursor is when a snapshot is from the past."""
        running = snapshot.extra.get("running", False)
        now = time.perf_counter()
        if running and snapshot.cursor_step is None \
                and now - self._last_live_refresh < LIVE_REFRESH_S:
            return
        self._last_live_refresh = now
        steps = np.fromiter((c.step for c in snapshot.checkpoints), dtype=np.int64,
                            count=len(snapshot.checkpoints))
        self.timeline.set_run(snapshot.live_step, steps, snapshot.events)
        self.timeline.set_cursor(snapshot.cursor_step)
        self.continue_button.setEnabled(snapshot.cursor_step is not None
                                        and snapshot.cursor_step < snapshot.live_step)
        if snapshot.cursor_step is None:
            self._show_label(translate("Scrubber", "now: step {step:,}").format(
                step=snapshot.step))
        else:
            self._show_label(translate("Scrubber", "step {step:,} of {last:,}").format(
                step=snapshot.cursor_step, last=snapshot.live_step))

    def _show_label(self, text: str) -> None:
        """The label at least LABEL_MIN_WIDTH wide, fixed at the width its text asks
        for (see frame_label): refitted only when that width changes (a digit more,
        another language)."""
        advance = self.label.fontMetrics().horizontalAdvance(text)
        if advance != self._label_advance:
            self._label_advance = advance
            width = label_size_for(self.label, text)[0]
            fix_label_size(self.label, max(LABEL_MIN_WIDTH, width), text=text)
        self.label.setText(text)

    def _on_scrubbed(self, step: int) -> None:
        self._show_label(translate("Scrubber", "step {step:,} …").format(step=step))
        self.scrubbed.emit(step)
