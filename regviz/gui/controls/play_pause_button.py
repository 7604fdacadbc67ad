"""The Play/Pause toggle shared by the main window and compare mode."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QPushButton

from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate

PLAY_TEXT = QT_TRANSLATE_NOOP("PlayPauseButton", "▶  Play")
PAUSE_TEXT = QT_TRANSLATE_NOOP("PlayPauseButton", "❚❚  Pause")


class PlayPauseButton(QPushButton):
    """Checked while training runs; its label names what a press will do.

    ``toggled`` is the user's (or a script's) request; ``show_running`` mirrors
    what the worker reports without emitting it again, so the worker's own pause
    (divergence, an error) does not echo back as a new request."""

    def __init__(self, parent=None):
        super().__init__(translate("PlayPauseButton", PLAY_TEXT), parent)
        self.setCheckable(True)
        self.toggled.connect(self._label)

    @Slot(bool)
    def _label(self, on: bool) -> None:
        self.setText(self.texts[on])

    @property
    def texts(self) -> tuple[str, str]:
        """(paused, running): the label while paused and while training."""
        return (translate("PlayPauseButton", PLAY_TEXT), translate("PlayPauseButton", PAUSE_TEXT))

    def sizeHint(self):  # noqa: N802 (Qt's name)
        # As wide as the wider of its two labels: pressing Play must not move the
        # buttons after it (in the compact bar it re-wrapped the whole bar).
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(text) for text in self.texts)
        hint.setWidth(hint.width() + max(0, widest - metrics.horizontalAdvance(self.text())))
        return hint

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        return self.sizeHint()

    def show_running(self, running: bool) -> None:
        if self.isChecked() != running:
            self.blockSignals(True)
            self.setChecked(running)
            self.blockSignals(False)
            self._label(running)
