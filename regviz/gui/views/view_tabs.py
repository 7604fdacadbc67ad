"""Containers for the view grid whose size comes from the grid's stretch factors
alone (their size hint is their minimum: a layout short of room shares it out by
stretch, not by what the pages would like). A view with a word-wrapped caption
reports a height-for-width, which a box layout honours before its stretch
factors: the network diagram's caption claimed far more than its share of the
left column (squashing the decision boundary), the weight norms' L1 read-out half
of the right one (squashing the cost plot)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

TAB_PADDING = 14  # pixels left and right of a tab's title


class ViewTabs(QTabWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setDocumentMode(True)
        self.set_scale(1.0)
        self.currentChanged.connect(self._on_current_changed)

    def set_scale(self, scale: float) -> None:
        """Tab titles follow presentation mode (a style sheet ignores the font)."""
        self._point_size = round(12 * scale)
        self._fit_titles()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_titles()

    def tabInserted(self, index: int) -> None:  # noqa: N802 (Qt's name)
        super().tabInserted(index)
        self._fit_titles()

    def _fit_titles(self) -> None:
        """Every title whole: where they would not all fit the width (scroll arrows
        hid the last ones), the type is made smaller until they do."""
        point_size = self._point_size
        if self.width() > 1:
            titles = [self.tabText(i) for i in range(self.count())]
            font = QFont(self.font())
            while point_size > 8:
                font.setPointSize(point_size)
                metrics = QFontMetrics(font)
                need = sum(metrics.horizontalAdvance(t) + 2 * TAB_PADDING + 6 for t in titles)
                if need <= self.width() - 4:
                    break
                point_size -= 1
        if point_size != getattr(self, "_shown_point_size", None):
            self._shown_point_size = point_size
            self.setStyleSheet(f"QTabBar::tab {{ font-size: {point_size}pt; "
                               f"padding: 3px {TAB_PADDING}px; }}")

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def sizeHint(self):  # noqa: N802 (Qt's name)
        # Left to its size hint, a box layout short of room gave the tabs what their
        # pages asked for, not their stretch factor's share.
        return self.minimumSizeHint()

    def minimumSizeHint(self):  # noqa: N802 (Qt's name)
        """The room the page shown needs, not the largest page's: on a short screen
        the constraint picture's minimum squeezed the cost plot above the tabs."""
        page = self.currentWidget()
        bar = self.tabBar().minimumSizeHint()
        if page is None:
            return bar
        need = page.minimumSizeHint().expandedTo(page.minimumSize())
        return QSize(max(bar.width(), need.width()), bar.height() + need.height() + 4)

    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()  # another page: another minimum


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

    def sizeHint(self):  # noqa: N802 (Qt's name)
        return self.minimumSizeHint()
