"""Containers for the view grid whose height comes from the grid's stretch factors
alone. A view with a word-wrapped caption reports a height-for-width, which a box
layout honours before its stretch factors: the network diagram's caption claimed
far more than its share of the left column (squashing the decision boundary), the
weight norms' L1 read-out half of the right one (squashing the cost plot)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class ViewTabs(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDocumentMode(True)
        self.set_scale(1.0)

    def set_scale(self, scale: float) -> None:
        """Tab titles follow presentation mode (a style sheet ignores the font)."""
        self.setStyleSheet(f"QTabBar::tab {{ font-size: {round(12 * scale)}pt; "
                           f"padding: 3px 14px; }}")

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False


class StretchOnly(QWidget):
    """Holds one view whose height must come from the grid's stretch factors, not
    from its own height-for-width (the weight norms' word-wrapped L1 read-out made
    that view claim half the column, squashing the cost plot whenever L1 was on)."""

    def __init__(self, view: QWidget, parent=None):
        super().__init__(parent)
        self.setObjectName(f"{view.objectName()}_slot")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        self.view = view

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False
