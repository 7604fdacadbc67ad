"""The views' pyqtgraph canvases paint their own background (the theme's colour,
cached by QGraphicsView), so Qt need not fill each one with the palette colour
first: one full-size fill less per view per frame while training."""

from __future__ import annotations

from PySide6.QtCore import Qt


def paint_own_background(canvas) -> None:
    """``canvas`` (a pyqtgraph GraphicsView) covers its area completely when it
    paints: Qt skips the widgets and the palette fill beneath it."""
    viewport = canvas.viewport()
    viewport.setAutoFillBackground(False)
    viewport.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
