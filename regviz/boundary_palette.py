"""The decision-boundary map's colours as numbers: the window's theme makes a
``BoundaryPalette`` and the training worker colours each snapshot's grid with it,
so the GUI thread (which holds Python's GIL while it paints) only draws a finished
picture. Pure numpy: no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class BoundaryPalette:
    """p(class 1) → class 0's pale colour … ``midpoint`` … class 1's (binary), or
    the class colours mixed by probability (k classes); ``tint`` is how far the
    pale colours go from the midpoint (pale, so points drawn on top stay visible)."""

    class_colours: tuple[tuple[int, int, int], ...]
    midpoint: tuple[int, int, int]
    tint: float
    lut: np.ndarray = field(init=False, compare=False, repr=False)
    pale: np.ndarray = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        mid = np.array(self.midpoint, float)
        colours = np.array(self.class_colours, float)
        pale = mid + (colours - mid) * self.tint
        t = np.linspace(0, 1, 256)[:, None]
        lo, hi = pale[0], pale[1]
        lut = np.where(t < 0.5, lo + (mid - lo) * (t / 0.5), mid + (hi - mid) * ((t - 0.5) / 0.5))
        object.__setattr__(self, "lut", lut.astype(np.uint8))
        object.__setattr__(self, "pale", pale)

    def colour(self, probs: np.ndarray) -> np.ndarray:
        """(ny, nx) p(class 1), or (ny, nx, k) probabilities → (ny, nx, 3) uint8."""
        if probs.ndim == 2:
            return self.lut[np.clip((probs * 255.0).astype(np.intp), 0, 255)]
        k = probs.shape[-1]
        return (probs @ self.pale[:k]).clip(0, 255).astype(np.uint8)
