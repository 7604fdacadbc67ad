"""A restless user: seeded random clicks, drags, typing, preset switches, resets and
resizes while training runs. Nothing may raise, warn (the suite fails on any Qt
warning), deadlock or leave the window unable to train afterwards.

A run is a number of actions, not of seconds: a busy machine takes longer
instead of doing less (the seed fixes the random draws; which widget a draw
lands on still depends on what the window shows at that moment).
The default run is short (``REGVIZ_MONKEY_ACTIONS``, 100: about 5 s) so it fits in
CI; the long one is ``pytest -m slow tests/test_monkey.py`` (1200 per seed)."""

from __future__ import annotations

import os
import random

import psutil
import pytest
from gui_helpers import SnapshotRecorder, at_full_speed
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
)

from regviz.gui.actions.teach_actions import TeachActions
from regviz.gui.app import create_application
from regviz.gui.windows.main_window import MainWindow

SHORT_ACTIONS = int(os.environ.get("REGVIZ_MONKEY_ACTIONS", "100"))
LONG_ACTIONS = 1200

# What a student types into a text field: sensible values, typos and nonsense.
TYPED = ("0", "0.5", "0.7", "1", "3", "1e-3", "1e9", "-1", "nan", "inf", "", "abc", "20,3",
         "5,5,5", "256", "0,0", "2.5", "1e308", "  7 ", "1/2")
# C: the panel docks, hides, or opens as a drawer (the window's width decides).
KEYS = (Qt.Key.Key_Space, Qt.Key.Key_S, Qt.Key.Key_Right, Qt.Key.Key_R, Qt.Key.Key_1,
        Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_7,
        Qt.Key.Key_C)


class Monkey:
    """Picks one user action at a time, from the widgets the window really has."""

    def __init__(self, window: MainWindow, qtbot, seed: int):
        self.w, self.qtbot, self.rng = window, qtbot, random.Random(seed)
        self.actions = [self.click_button, self.press_key, self.drag_slider, self.type_text,
                        self.choose_combo, self.spin, self.toggle_box, self.click_boundary,
                        self.resize, self.choose_preset, self.teach, self.undo]
        self.done: list[str] = []

    def widgets(self, kind):
        # Only widgets that are visible and enabled: what a person could touch
        # (the step counter and labels are not input).
        return [x for x in self.w.findChildren(kind) if x.isVisible() and x.isEnabled()]

    def act(self) -> None:
        action = self.rng.choice(self.actions)
        self.done.append(action.__name__)
        action()
        self.qtbot.wait(self.rng.choice((0, 1, 5, 20)))

    def click_button(self):
        buttons = [b for b in self.widgets(QPushButton) if b.objectName() != "data_file_browse"]
        if buttons:
            self.qtbot.mouseClick(self.rng.choice(buttons), Qt.MouseButton.LeftButton)

    def press_key(self):
        self.w.activateWindow()
        self.qtbot.keyClick(self.w, self.rng.choice(KEYS))

    def undo(self):
        """Ctrl+Z: swaps the training's whole experiment, paused, mid-run."""
        self.w.activateWindow()
        self.qtbot.keyClick(self.w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    def drag_slider(self):
        sliders = self.widgets(QSlider)
        if not sliders:  # a narrow window: the panel is a closed drawer
            return
        slider = self.rng.choice(sliders)
        slider.setSliderDown(True)
        for _ in range(self.rng.randint(1, 15)):
            slider.setValue(self.rng.randint(slider.minimum(), slider.maximum()))
            self.qtbot.wait(self.rng.choice((0, 2, 8)))
        slider.setSliderDown(False)

    def type_text(self):
        edits = [e for e in self.widgets(QLineEdit) if e.objectName() != "data_file"
                 and not e.isReadOnly()]
        if not edits:
            return
        edit = self.rng.choice(edits)
        edit.setFocus()
        edit.selectAll()
        self.qtbot.keyClicks(edit, self.rng.choice(TYPED))
        self.qtbot.keyClick(edit, Qt.Key.Key_Return)

    def choose_combo(self):
        combos = [c for c in self.widgets(QComboBox) if c.objectName() != "preset"]
        if not combos:
            return
        combo = self.rng.choice(combos)
        combo.setCurrentIndex(self.rng.randrange(combo.count()))

    def spin(self):
        boxes = self.widgets(QSpinBox)
        if not boxes:
            return
        box = self.rng.choice(boxes)
        # Mostly near the current value (a click on an arrow), sometimes anywhere.
        if self.rng.random() < 0.7:
            box.stepBy(self.rng.choice((-1, 1)))
        else:
            box.setValue(self.rng.randint(box.minimum(), min(box.maximum(), 2000)))

    def toggle_box(self):
        boxes = self.widgets(QCheckBox)
        if boxes:
            self.qtbot.mouseClick(self.rng.choice(boxes), Qt.MouseButton.LeftButton)

    def click_boundary(self):
        viewport = self.w.boundary_view.plot_widget.viewport()
        at = QPoint(self.rng.randrange(max(1, viewport.width())),
                    self.rng.randrange(max(1, viewport.height())))
        self.qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)

    def resize(self):
        self.w.resize(self.rng.randint(900, 1800), self.rng.randint(600, 1100))

    def teach(self):
        """Open, start, cancel or close the compare and sweep windows (their own
        thread and processes) while the main window trains."""
        teach = self.w.findChild(TeachActions)
        choice = self.rng.randrange(5)
        if choice == 0:
            compare = teach.open_compare()
            compare.play_button.setChecked(self.rng.random() < 0.7)
        elif choice == 1:
            sweep = teach.open_sweep()
            sweep.steps.setValue(self.rng.choice((200, 2000)))
            sweep.points.setValue(8)
            sweep.start()
        elif choice == 2 and teach.sweep_window is not None:
            teach.sweep_window.cancel()
        else:
            for window in (teach.compare_window, teach.sweep_window):
                if window is not None and self.rng.random() < 0.5:
                    window.close()

    def choose_preset(self):
        box = self.w.preset_box
        index = self.rng.randrange(box.count())
        box.setCurrentIndex(index)
        box.activated.emit(index)


@pytest.fixture
def window(qtbot):
    create_application(deterministic=True)
    w = MainWindow(config=at_full_speed("overfit"))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitUntil(lambda: w.latest is not None, timeout=5000)
    yield w
    teach = w.findChild(TeachActions)
    compare = teach.compare_window
    w.close()
    assert w.controller.thread.isFinished(), "closing left the training thread running"
    if compare is not None:
        assert compare.controller.thread.isFinished(), "compare mode's thread outlived the window"
    workers = [p for p in psutil.Process().children(recursive=True)
               if "resource_tracker" not in " ".join(p.cmdline())]
    assert not workers, f"worker processes left behind: {workers}"


def run_monkey(window, qtbot, seed: int, actions: int) -> Monkey:
    recorder = SnapshotRecorder()
    recorder.follow(window.controller.worker)
    monkey = Monkey(window, qtbot, seed)
    window.play()
    for _ in range(actions):
        monkey.act()
    # The window still answers: it pauses, steps exactly once, and trains again.
    window.reset()
    window.pause()
    qtbot.waitUntil(lambda: not window.controller.worker.running, timeout=5000)
    QApplication.processEvents()
    before = window.controller.run_steps_blocking(0).step
    window.step_once()
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == before + 1,
                    timeout=10000)
    assert not recorder.errors, f"after {monkey.done[-5:]}: {recorder.errors[0]}"
    assert len(monkey.done) == actions
    return monkey


@pytest.mark.filterwarnings("error::RuntimeWarning")  # pyqtgraph reports paint errors so
@pytest.mark.parametrize("seed", [1, 2])
def test_restless_user_for_a_few_seconds(window, qtbot, seed):
    monkey = run_monkey(window, qtbot, seed, SHORT_ACTIONS)
    # Every kind of action had its turn (so the test exercises what it claims).
    assert len(set(monkey.done)) >= len(monkey.actions) - 2, sorted(set(monkey.done))


@pytest.mark.slow
@pytest.mark.filterwarnings("error::RuntimeWarning")
@pytest.mark.parametrize("seed", [11, 12, 13])
def test_restless_user_for_a_minute(window, qtbot, seed):
    run_monkey(window, qtbot, seed, LONG_ACTIONS)
