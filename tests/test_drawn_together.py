"""What the window draws together agrees: the step label, the status bar and the
decision boundary come from one snapshot, drawn in the same turn of the event
loop; a view drawn less often shows the label's snapshot when it draws (never a
later one), so it lags the label by at most one of its own frames."""

import pytest
from gui_helpers import at_full_speed
from PySide6.QtWidgets import QLabel

from regviz.gui.app import create_application
from regviz.gui.windows.main_window import MainWindow, gap_text, rate_text


@pytest.fixture
def window(qtbot):
    create_application(deterministic=True)
    w = MainWindow(config=at_full_speed("overfit"))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.latest is not None, timeout=5000)
    yield w
    w.close()


def label_step(w) -> int:
    return int(w.findChild(QLabel, "step_counter").text().split()[-1].replace(",", ""))


def record_frames(w):
    """At every frame_drawn: what the view drew and what the header shows then."""
    frames = []

    def on_frame(name, step):
        frames.append({
            "name": name, "step": step, "label": label_step(w),
            "gap": w.gap_label.text(), "rate": w.rate_label.text(),
            "boundary": w.boundary_view._snapshot.step,
            "snapshot": w.boundary_view._snapshot,
        })

    w.frame_drawn.connect(on_frame)
    return frames


def test_label_status_bar_and_boundary_come_from_one_snapshot(window, qtbot):
    w = window
    frames = record_frames(w)
    w.play()
    qtbot.waitUntil(lambda: sum(f["name"] == "boundary" for f in frames) >= 40,
                    timeout=30000)
    w.pause()
    boundary_frames = [f for f in frames if f["name"] == "boundary"]
    assert len({f["step"] for f in boundary_frames}) >= 20  # it really moved
    for f in boundary_frames:
        assert f["step"] == f["label"] == f["boundary"]
        assert f["gap"] == gap_text(f["snapshot"])
        assert f["rate"] == rate_text(f["snapshot"])


def test_slower_views_never_show_a_later_step_than_the_label(window, qtbot):
    w = window
    frames = record_frames(w)
    w.play()
    slower = ("cost", "accuracy", "weight_norms", "network")
    qtbot.waitUntil(lambda: all(sum(f["name"] == n for f in frames) >= 8 for n in slower),
                    timeout=30000)
    w.pause()
    for f in frames:
        if f["name"] in slower:
            # It draws the snapshot the label shows at that moment: no later step,
            # and no older one (so it lags by at most the time to its next frame).
            assert f["step"] == f["label"], f
    # Each slower view drew fewer frames than the boundary, and each of its frames
    # showed a step the boundary had shown.
    boundary_steps = {f["step"] for f in frames if f["name"] == "boundary"}
    for name in slower:
        mine = [f["step"] for f in frames if f["name"] == name]
        assert set(mine) <= boundary_steps | {0}
        assert len(mine) < len([f for f in frames if f["name"] == "boundary"])
