"""Colours and sizes in one place, chosen for a projector: strong, colour-blind
safe (orange/blue after Okabe–Ito), big type, thick lines."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pyqtgraph as pg

from ..boundary_palette import BoundaryPalette

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PRESENTATION_SCALE = 1.6  # fonts, markers and lines in presentation mode

CLASS_COLOURS = ((230, 97, 1), (0, 114, 178), (0, 158, 115), (204, 121, 167),
                 (240, 228, 66), (86, 180, 233))


@dataclass(frozen=True)
class Theme:
    name: str
    background: str
    foreground: str
    panel: str
    grid_alpha: float
    class_colours: tuple = CLASS_COLOURS
    midpoint: tuple = (247, 247, 247)  # the colour of p = 0.5 on the boundary map
    dropped: tuple = (150, 150, 150)
    positive_link: tuple = (0, 114, 178)
    negative_link: tuple = (230, 97, 1)
    train_loss: str = "#0072B2"
    penalty: str = "#CC79A7"
    total: str = "#000000"
    test_loss: str = "#D55E00"
    train_acc: str = "#0072B2"
    test_acc: str = "#D55E00"
    layer_colours: tuple = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
    event_line: str = "#555555"
    font_pt: int = 12
    title_pt: int = 15
    line_width: float = 2.5
    marker_size: float = 9.0
    scale: float = 1.0
    tint: float = 0.55  # how far the boundary map's colours go from the midpoint
    high_contrast: bool = False

    @staticmethod
    def light() -> Theme:
        return Theme("light", background="#ffffff", foreground="#202020", panel="#f2f2f2",
                     grid_alpha=0.25)

    @staticmethod
    def dark() -> Theme:
        return Theme("dark", background="#1e1e1e", foreground="#eeeeee", panel="#2a2a2a",
                     grid_alpha=0.3, midpoint=(40, 40, 40), total="#ffffff",
                     event_line="#bbbbbb", dropped=(110, 110, 110))

    @staticmethod
    def for_display(dark: bool = False, presentation: bool = False) -> Theme:
        """The theme the window shows: light or dark, and in presentation mode
        high-contrast and ``PRESENTATION_SCALE`` times larger."""
        theme = Theme.dark() if dark else Theme.light()
        if presentation:
            theme = theme.contrasted().scaled(PRESENTATION_SCALE)
        return theme

    def contrasted(self) -> Theme:
        """For a washed-out projector: pale tints, thin greys and the pink penalty
        vanish first, so the background goes to pure black/white, text to full
        contrast, the boundary map gets stronger colours and curves darker
        (light) or brighter (dark) shades of the same colour-blind-safe hues."""
        if self.name == "dark":
            return replace(self, background="#000000",
                           foreground="#ffffff", panel="#111111", grid_alpha=0.45,
                           midpoint=(0, 0, 0), tint=0.8, total="#ffffff",
                           train_loss="#56B4E9", train_acc="#56B4E9", penalty="#F08CD0",
                           test_loss="#FF8C1A", test_acc="#FF8C1A", event_line="#ffffff",
                           high_contrast=True)
        return replace(self, background="#ffffff",
                       foreground="#000000", panel="#e6e6e6", grid_alpha=0.45,
                       midpoint=(255, 255, 255), tint=0.8, total="#000000",
                       train_loss="#00558A", train_acc="#00558A", penalty="#9E2F7F",
                       test_loss="#B34000", test_acc="#B34000", event_line="#000000",
                       high_contrast=True)

    @property
    def is_dark(self) -> bool:
        return self.name == "dark"

    def scaled(self, factor: float) -> Theme:
        """Presentation mode: everything about ``factor`` times larger."""
        return replace(self, font_pt=round(self.font_pt * factor),
                       title_pt=round(self.title_pt * factor),
                       line_width=self.line_width * factor,
                       marker_size=self.marker_size * factor, scale=self.scale * factor)

    def boundary_palette(self) -> BoundaryPalette:
        """The boundary map's colours (applied in the training worker's thread)."""
        return BoundaryPalette(tuple(self.class_colours), tuple(self.midpoint), self.tint)

    def binary_lut(self) -> np.ndarray:
        """256-entry RGB lookup table for p(class 1): class 0 → white → class 1."""
        return self.boundary_palette().lut

    def style_axes(self, plot, point_size: int | None = None) -> None:
        """The left and bottom axes of ``plot`` (a PlotItem) in this theme's colours
        and type (``point_size`` for ticks and axis labels; default ``font_pt``).

        Cached as a pixmap: painting an axis (many antialiased labels) is the dearest
        part of a frame, and cached it is only re-drawn when its range changes."""
        from PySide6.QtGui import QFont
        from PySide6.QtWidgets import QGraphicsItem

        font = QFont("DejaVu Sans", point_size or self.font_pt)
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.setPen(self.foreground)
            axis.setTextPen(self.foreground)
            axis.setTickFont(font)
            axis.label.setFont(font)
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def pen(self, colour, width: float | None = None, dashed: bool = False):
        from PySide6.QtCore import Qt

        pen = pg.mkPen(colour, width=width or self.line_width)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen
