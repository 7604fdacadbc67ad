"""The screenshot comparator itself: it passes noise and catches regressions."""

import numpy as np
import pytest

from regviz.gui.image_compare import (
    array_to_qimage,
    assert_matches_baseline,
    compare_arrays,
    qimage_to_array,
)


def picture(seed=0, h=120, w=160):
    rng = np.random.default_rng(seed)
    img = np.zeros((h, w, 4), np.uint8)
    img[..., 3] = 255
    img[..., 0] = np.linspace(0, 255, w, dtype=np.uint8)[None, :]
    img[..., 2] = rng.integers(0, 255, (h, 1), dtype=np.uint8)
    return img


def test_qimage_round_trip_is_exact():
    img = picture()
    np.testing.assert_array_equal(qimage_to_array(array_to_qimage(img)), img)


def test_antialiasing_noise_passes():
    base = picture()
    noisy = base.copy()
    rng = np.random.default_rng(1)
    noisy[..., :3] = np.clip(base[..., :3].astype(int) + rng.integers(-8, 9, base[..., :3].shape),
                             0, 255)
    assert compare_arrays(noisy, base).matches


def test_a_changed_region_fails():
    base = picture()
    changed = base.copy()
    changed[10:30, 10:30, :3] = 0  # 400 of 19,200 pixels: a small view gone black
    result = compare_arrays(changed, base)
    assert not result.matches and result.differing_share > 0.01


def test_size_change_fails():
    assert not compare_arrays(picture(h=100), picture()).matches


def test_failure_writes_actual_baseline_and_diff(tmp_path):
    base_path = tmp_path / "view.png"
    assert array_to_qimage(picture()).save(str(base_path))
    changed = picture()
    changed[:, :40, :3] = 255
    with pytest.raises(AssertionError) as info:
        assert_matches_baseline(changed, base_path, tmp_path / "failures")
    folder = tmp_path / "failures" / "view"
    assert str(folder) in str(info.value)
    for name in ("actual.png", "baseline.png", "diff.png"):
        assert (folder / name).is_file()
