"""A message laid over the top edge of a widget instead of into its layout.

In the layout, a banner that appears (training diverged, a refused value) pushed
every view down and shrank the plots while the class watched; over the top it
covers the first lines of the views for as long as it is shown and moves
nothing. It is word-wrapped to the host's width and as tall as its text needs,
so a long message is never cut."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

BANNER_STYLE = ("background: #b00020; color: white; font-size: {pt}pt; font-weight: bold;"
                "padding: 10px;")


class OverlayBanner(QLabel):
    """``OverlayBanner(host)``: hidden until ``show_message(text)``."""

    def __init__(self, host: QWidget, point_size: int = 16):
        super().__init__(host)
        self.host = host
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.set_point_size(point_size)
        self.hide()
        host.installEventFilter(self)

    def set_point_size(self, point_size: int) -> None:
        self.setStyleSheet(BANNER_STYLE.format(pt=point_size))
        self._place()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self._place()
        self.show()
        self.raise_()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._place()

    def _place(self) -> None:
        width = self.host.width()
        self.setGeometry(0, 0, width, self.heightForWidth(width))
