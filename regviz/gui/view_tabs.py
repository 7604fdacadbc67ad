"""Tabs for the view grid: their height comes from the grid's stretch factors
alone. A plain QTabWidget passes on its page's height-for-width, and a page with a
word-wrapped caption (the network diagram's) then claimed far more than its share
of the column, squashing the decision boundary above it."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget


class ViewTabs(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setStyleSheet("QTabBar::tab { font-size: 12pt; padding: 3px 14px; }")

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False
