"""Dropout as an ensemble, drawn on the decision-boundary map: the boundaries of
the thinned networks as faint lines under the bold evaluation boundary, and the
Monte-Carlo dropout uncertainty as shading. Everything here was computed in the
worker's snapshot; this only sets data."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from ..theme import Theme

# The shading is relative to the map's largest spread (the caption gives that
# number), so where the thinned nets disagree most stands out even when they
# disagree a little everywhere; below MIN_FULL_SPREAD nothing is drawn dark, so an
# ensemble that agrees shows (almost) no shading.
MIN_FULL_SPREAD = 0.05
SPREAD_RGB = (60, 0, 100)
SPREAD_MAX_ALPHA = 190
SPREAD_GAMMA = 2.0  # > 1: faint where the spread is moderate, dark only near the peak


def spread_rgba(spread: np.ndarray) -> np.ndarray:
    """(ny, nx) standard deviations → (ny, nx, 4) uint8: a dark purple whose opacity
    grows with the spread (transparent where the thinned networks agree)."""
    full = max(float(spread.max()), MIN_FULL_SPREAD)
    strength = np.clip(spread / full, 0.0, 1.0) ** SPREAD_GAMMA
    rgba = np.empty((*spread.shape, 4), dtype=np.uint8)
    rgba[..., :3] = SPREAD_RGB
    rgba[..., 3] = (strength * SPREAD_MAX_ALPHA).astype(np.uint8)
    return rgba


class DropoutEnsembleOverlay:
    """Items parented to the boundary map's image, so they stack between the
    colour map and its bold 50% line (an image's children are drawn over it, and
    these sit below the sibling contour line). Their coordinates are that image's
    pixels."""

    def __init__(self, image_item: pg.ImageItem, theme: Theme):
        self.image_item = image_item
        self.spread_image = pg.ImageItem(axisOrder="row-major")
        self.spread_image.setParentItem(image_item)
        self.spread_image.setZValue(-2)
        self.thinned = pg.PlotCurveItem(connect="pairs")
        self.thinned.setParentItem(image_item)
        self.thinned.setZValue(-1)
        self.segment_count = 0
        self.max_spread = float("nan")
        self.apply_theme(theme)
        self.show(None, None, False, False)

    def show(self, ensemble, grid, thinned: bool, uncertainty: bool) -> None:
        """Draw ``ensemble`` (a ``DropoutEnsemble`` or None) over ``grid``'s image."""
        have_lines = ensemble is not None and thinned and len(ensemble.boundaries) > 0
        have_spread = ensemble is not None and uncertainty and ensemble.spread is not None
        if have_lines:
            points = self._to_pixels(ensemble.boundaries, grid)
            self.thinned.setData(points[:, 0], points[:, 1], connect="pairs")
            self.segment_count = len(points) // 2
        else:
            self.segment_count = 0
        self.thinned.setVisible(have_lines)
        if have_spread:
            spread = ensemble.spread
            self.max_spread = float(spread.max())
            self.spread_image.setImage(spread_rgba(spread), autoLevels=False, levels=(0, 255))
            # Over the same extent as the map (as the map's own image is drawn), so
            # the shading never hangs over its edges.
            ex0, ex1, ey0, ey1 = ensemble.extent
            (u0, v0), (u1, v1) = self._to_pixels(np.array([[ex0, ey0], [ex1, ey1]]), grid)
            self.spread_image.setRect(QRectF(u0, v0, u1 - u0, v1 - v0))
        else:
            self.max_spread = float("nan")
        self.spread_image.setVisible(have_spread)

    @staticmethod
    def _to_pixels(points: np.ndarray, grid) -> np.ndarray:
        """Data coordinates → pixel coordinates of the boundary map's image, whose
        width × height pixels span the grid's extent."""
        x0, x1, y0, y1 = grid.extent
        ny, nx = grid.probs.shape[:2]
        out = np.empty_like(points, dtype=np.float64)
        out[:, 0] = (points[:, 0] - x0) / (x1 - x0) * nx
        out[:, 1] = (points[:, 1] - y0) / (y1 - y0) * ny
        return out

    def apply_theme(self, theme: Theme) -> None:
        colour = pg.mkColor(theme.foreground)
        colour.setAlpha(110)
        self.thinned.setPen(pg.mkPen(colour, width=1.3 * theme.scale))
