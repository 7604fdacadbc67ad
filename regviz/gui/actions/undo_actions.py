"""Edit → Undo (Ctrl+Z): the run one key wiped comes back.

Every action that throws the running experiment away — Reset (R), a preset (a digit
key or the preset box), a setting that restarts training, loading points or a
session, clearing all points, the scrubber's "continue from here" — first calls

    window.undo_point("Reset")

which copies the training's whole state (``ExperimentState``: settings, points,
weights, history, step, optimizer and random generator) in the worker's thread,
after every request sent before it, onto a small stack. Ctrl+Z puts the newest copy
back, paused: the run then continues exactly as if the action had never happened.

A new destructive action (a history scrubber's "continue from here", a lesson that
loads its own settings) needs one line: ``window.undo_point(description)`` just
before it sends the request that changes the run; ``description`` names it in the
menu ("Undo Reset (back to step 84,000)"). ``window.undo()`` undoes in code.

What is kept:

- at most ``UNDO_LEVELS`` states (each is mostly its history: about 1.5 MB for the
  course's network), the oldest dropped first;
- nothing for a run at step 0 on the points its settings make: there is nothing to
  lose, and a slider dragged through a setting that restarts training would
  otherwise fill the stack with empty runs;
- one state per burst of the same action: the same description again within
  ``BURST_S`` keeps the first (the run before the drag started), not the
  intermediate ones."""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from ...experiment import Experiment, ExperimentState
from ..language import fill, translate

UNDO_LEVELS = 5
BURST_S = 2.0


@dataclass(frozen=True)
class UndoEntry:
    description: str
    state: ExperimentState
    time: float


class UndoStack:
    """The newest states last, at most ``levels`` of them (no Qt: testable alone)."""

    def __init__(self, levels: int = UNDO_LEVELS, burst_s: float = BURST_S):
        self.levels = levels
        self.burst_s = burst_s
        self._entries: list[UndoEntry] = []

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def top(self) -> UndoEntry | None:
        return self._entries[-1] if self._entries else None

    def push(self, description: str, state: ExperimentState, now: float | None = None) -> bool:
        """Keep ``state`` (the run before ``description``); False if it was not kept
        (nothing to lose, or part of a burst of the same action)."""
        now = time.monotonic() if now is None else now
        if state.step == 0 and not state.data_edited:
            return False
        top = self.top
        if top is not None and top.description == description and \
                now - top.time < self.burst_s:
            return False
        self._entries.append(UndoEntry(description, state, now))
        del self._entries[:-self.levels]
        return True

    def pop(self) -> UndoEntry | None:
        return self._entries.pop() if self._entries else None


class UndoActions(QObject):
    """The stack and Edit → Undo of one main window (``window.undo_actions``)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("undo_actions")
        self.window = window
        self.stack = UndoStack()
        self.action = QAction(window)
        self.action.setObjectName("undo")
        self.action.triggered.connect(self.undo)
        window.menus["edit"].addAction(self.action)
        self._show_top()

    def push(self, description: str) -> bool:
        """Keep the run as it is now, before ``description`` changes it."""
        state = self.window.controller.capture_state()
        if state is None or not self.stack.push(description, state):
            return False
        self._show_top()
        self.window.statusBar().showMessage(
            translate("Undo", "{action}: Ctrl+Z brings back step {step:,}").format(
                action=description, step=state.step), 8000)
        return True

    @Slot()
    def undo(self) -> bool:
        """Put the newest kept run back (paused); False if there is none."""
        entry = self.stack.pop()
        if entry is None:
            self.window.statusBar().showMessage(translate("Undo", "Nothing to undo"), 4000)
            return False
        adopt_experiment(self.window, Experiment.from_state(entry.state))
        self._show_top()
        self.window.statusBar().showMessage(
            translate("Undo", "Undone: {action} — back at step {step:,}").format(
                action=entry.description, step=entry.state.step), 8000)
        return True

    def _show_top(self) -> None:
        top = self.stack.top
        if top is None:
            self.action.setText(translate("Undo", "&Undo"))
            self.action.setEnabled(False)
            self.action.setStatusTip(translate("Undo", "Nothing to undo"))
        else:
            self.action.setText(fill(translate(
                "Undo", "&Undo {action} (back to step {step:,})"),
                action=top.description, step=top.state.step))
            self.action.setEnabled(True)
            self.action.setStatusTip(translate(
                "Undo", "Bring back the run as it was before: settings, points, weights, "
                "history and step"))


def adopt_experiment(window, experiment: Experiment) -> None:
    """Make ``experiment`` the window's run (undo, an opened session): paused, with
    its settings in the controls, the preset box and the title."""
    window.pause()
    window._hide_banner()
    window.config = experiment.config
    window.control_panel.show_config(experiment.config)
    if experiment.config.preset:
        window.preset_box.setCurrentText(experiment.config.preset)
    window._update_title()
    window.controller.experiment_requested.emit(experiment)


def install_undo_actions(window) -> UndoActions:
    """Edit → Undo on ``window`` (its key is in SHORTCUTS)."""
    window.undo_actions = UndoActions(window)
    return window.undo_actions
