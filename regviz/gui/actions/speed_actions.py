"""View → Slower / Faster / Full speed: the training speed a key at a time (their
keys are in ``SHORTCUTS``). Each goes through the control panel like a typed
value, so the speed control, presets and sessions all see the same ``speed``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from ...config import FIELDS_BY_NAME, load_preset
from ..language import translate

SLOWEST = 1.0  # steps/s the Slower key stops at (the speed slider's left end)
RETURN_SPEED = 300.0  # "full speed off" with no speed to go back to, nor a preset's


def round_speed(value: float) -> float:
    """Two significant digits (150, 75, 38 …): readable in the status bar."""
    return float(f"{value:.2g}")


def halved(speed: float, measured: float) -> float:
    """Half of ``speed``; from max (0), half of the ``measured`` steps/s."""
    base = speed if speed > 0 else (measured or FIELDS_BY_NAME["speed"].maximum)
    return max(SLOWEST, round_speed(base / 2))


def doubled(speed: float) -> float:
    """Twice ``speed``; past the slider's end (and from max) it is max (0)."""
    if speed <= 0:
        return 0.0
    top = FIELDS_BY_NAME["speed"].maximum
    if speed >= top:
        return 0.0
    return min(top, round_speed(speed * 2))


class SpeedActions(QObject):
    """Owns the three actions of one main window and the speed that Full speed
    returns to."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("speed_actions")
        self.window = window
        self.speed_before_max: float | None = None
        menu = window.menus["view"]
        menu.addSeparator()
        self.actions = {}
        for name, text, tip, slot in (
                ("slower", translate("Speed", "Slower"),
                 translate("Speed", "Halve the training speed (steps per second)"),
                 self.slower),
                ("faster", translate("Speed", "Faster"),
                 translate("Speed", "Double the training speed; past 100,000 steps/s: max"),
                 self.faster),
                ("full_speed", translate("Speed", "Full speed on / off"),
                 translate("Speed", "Train as fast as the machine allows, or go back to the "
                           "speed before"),
                 self.toggle_full_speed)):
            action = QAction(text, window)
            action.setObjectName(name)
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[name] = action

    def _measured(self) -> float:
        latest = self.window.latest
        return float(latest.extra.get("steps_per_second", 0.0)) if latest is not None else 0.0

    def _set(self, speed: float) -> None:
        self.window.set_value("speed", speed)

    @Slot()
    def slower(self) -> None:
        self._set(halved(self.window.config.speed, self._measured()))

    @Slot()
    def faster(self) -> None:
        self._set(doubled(self.window.config.speed))

    @Slot()
    def toggle_full_speed(self) -> None:
        speed = self.window.config.speed
        if speed > 0:
            self.speed_before_max = speed
            self._set(0.0)
        else:
            self._set(self.speed_before_max or self._lesson_speed())

    def _lesson_speed(self) -> float:
        """The preset's own speed (the pace its lesson was made for)."""
        name = self.window.config.preset
        try:
            speed = load_preset(name).speed if name else 0.0
        except ValueError:  # a preset file broken since it was loaded
            speed = 0.0
        return speed or RETURN_SPEED


def install_speed_actions(window) -> SpeedActions:
    return SpeedActions(window)
