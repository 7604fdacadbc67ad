"""Compare a rendered picture with a baseline PNG, tolerantly but not blindly.

Two numbers decide: a pixel *differs* when any colour channel moves by more than
``pixel_threshold`` (0–255), and the pictures *match* while at most
``max_diff_share`` of the pixels differ. Antialiasing noise moves a few channel
values by a few levels; a real regression (another colour map, a hidden view, a
different boundary) moves many pixels by a lot. On a mismatch the actual image,
the baseline and a diff image are written to a folder named in the message.
Used by the screenshot tests; usable by anyone testing regviz by screenshots.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage

# From measurement (benchmarks/screenshot_noise.py; the reasoning is in
# tests/test_screenshots.py): repeated renders of one state differ in no pixel, in
# one process, in fresh processes and with other BLAS/SIMD paths; the smallest
# regression measured (λ 0.7 → 0.6) changes 0.68% of the window by more than 24.
DEFAULT_PIXEL_THRESHOLD = 24
DEFAULT_MAX_DIFF_SHARE = 0.002


def qimage_to_array(image: QImage) -> np.ndarray:
    """(h, w, 4) uint8 RGBA copy of ``image``."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w = rgba.height(), rgba.width()
    buffer = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=rgba.sizeInBytes())
    return buffer.reshape(h, rgba.bytesPerLine())[:, : w * 4].reshape(h, w, 4).copy()


def array_to_qimage(array: np.ndarray) -> QImage:
    array = np.ascontiguousarray(array, dtype=np.uint8)
    h, w = array.shape[:2]
    return QImage(array.data, w, h, w * 4, QImage.Format.Format_RGBA8888).copy()


def load_png(path: str | Path) -> np.ndarray:
    image = QImage(str(path))
    if image.isNull():
        raise ValueError(f"{path} is not a readable image")
    return qimage_to_array(image)


@dataclass(frozen=True)
class Comparison:
    matches: bool
    differing_share: float
    max_channel_diff: int
    size_matches: bool
    diff: np.ndarray | None  # RGBA image: differing pixels red over a faded actual

    def describe(self) -> str:
        if not self.size_matches:
            return "sizes differ"
        return (f"{self.differing_share:.4%} of pixels differ "
                f"(largest channel difference {self.max_channel_diff})")


def compare_arrays(actual: np.ndarray, baseline: np.ndarray,
                   pixel_threshold: int = DEFAULT_PIXEL_THRESHOLD,
                   max_diff_share: float = DEFAULT_MAX_DIFF_SHARE) -> Comparison:
    if actual.shape != baseline.shape:
        return Comparison(False, 1.0, 255, False, None)
    delta = np.abs(actual[..., :3].astype(np.int16) - baseline[..., :3].astype(np.int16))
    per_pixel = delta.max(axis=2)
    differing = per_pixel > pixel_threshold
    share = float(differing.mean())
    diff = (actual // 3 + 170).astype(np.uint8)  # faded copy for context
    diff[..., 3] = 255
    diff[differing] = (220, 0, 0, 255)
    return Comparison(share <= max_diff_share, share, int(per_pixel.max()), True, diff)


def assert_matches_baseline(actual: QImage | np.ndarray, baseline_path: str | Path,
                            failure_dir: str | Path,
                            pixel_threshold: int = DEFAULT_PIXEL_THRESHOLD,
                            max_diff_share: float = DEFAULT_MAX_DIFF_SHARE) -> Comparison:
    """Raise AssertionError (naming the folder with actual/baseline/diff PNGs)
    unless ``actual`` matches the PNG at ``baseline_path``."""
    baseline_path = Path(baseline_path)
    pixels = qimage_to_array(actual) if isinstance(actual, QImage) else actual
    if not baseline_path.exists():
        raise AssertionError(
            f"no baseline {baseline_path}; create it with `pytest --update-screenshots`"
        )
    result = compare_arrays(pixels, load_png(baseline_path), pixel_threshold, max_diff_share)
    if result.matches:
        return result
    folder = Path(failure_dir) / baseline_path.stem
    folder.mkdir(parents=True, exist_ok=True)
    array_to_qimage(pixels).save(str(folder / "actual.png"))
    array_to_qimage(load_png(baseline_path)).save(str(folder / "baseline.png"))
    if result.diff is not None:
        array_to_qimage(result.diff).save(str(folder / "diff.png"))
    raise AssertionError(
        f"screenshot {baseline_path.name} does not match its baseline: {result.describe()}, "
        f"allowed {max_diff_share:.4%} beyond a channel difference of {pixel_threshold}. "
        f"actual.png, baseline.png and diff.png are in {folder}"
    )
