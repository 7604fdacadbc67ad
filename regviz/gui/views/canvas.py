"""What the live views' pyqtgraph canvases are set up to skip, each frame:

- Qt's fill beneath them: they paint their own background (the theme's colour,
  cached by QGraphicsView), so Qt need not fill each one with the palette colour
  first — one full-size fill less per view per frame while training;
- the scene's spatial index: Qt keeps a BSP tree of the items' bounding boxes,
  and every curve that changes must be taken out and put back, asking pyqtgraph
  (in Python) for its bounds each time. A canvas holds a few dozen items, which a
  plain list serves as fast (``benchmarks/frame_cost.py``: about a tenth of the
  views' frame cost)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsScene


def set_up_live_canvas(canvas) -> None:
    """``canvas`` (a pyqtgraph GraphicsView) covers its area completely when it
    paints, and its scene keeps no spatial index."""
    viewport = canvas.viewport()
    viewport.setAutoFillBackground(False)
    viewport.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
    canvas.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
