"""Every keyboard shortcut in one table. ``install_shortcuts`` registers them from
it and Help → Keyboard shortcuts lists them from it, so the two cannot drift.

Plain keys (Space, S, R, the preset digits, ...) never fire while the user is typing in a text
field: there they are text."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from ...config import preset_names
from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate

PRESET_TARGET = "preset"
ACTION_PREFIX = "action:"


@dataclass(frozen=True)
class Shortcut:
    keys: tuple[str, ...]  # QKeySequence strings, e.g. ("S", "Right")
    description: str
    # A MainWindow method name, "action:NAME" for the QAction with that object name
    # (its menu then shows the key), or PRESET_TARGET for the preset keys.
    target: str


# One key per preset that exists (at most 9): a listed key that does nothing
# teaches the class that keys cannot be trusted.
PRESET_KEYS = tuple(str(i) for i in range(1, min(9, len(preset_names())) + 1))

SHORTCUTS: tuple[Shortcut, ...] = (
    Shortcut(("Space",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Play / pause training"),
        "toggle_play"),
    Shortcut(("S", "Right"), QT_TRANSLATE_NOOP(
        "Shortcuts", "Pause and train exactly one step"),
        "step_once"),
    Shortcut(("R",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Reset: back to step 0 with this seed's initial weights"),
        "reset"),
    Shortcut(("]", "+", "="), QT_TRANSLATE_NOOP(
        "Shortcuts", "Faster: double the training speed (past 100,000: max)"),
        ACTION_PREFIX + "faster"),
    Shortcut(("[", "-"), QT_TRANSLATE_NOOP(
        "Shortcuts", "Slower: halve the training speed"),
        ACTION_PREFIX + "slower"),
    Shortcut(("M",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Full speed (max) on / off"),
        ACTION_PREFIX + "full_speed"),
    Shortcut(PRESET_KEYS, QT_TRANSLATE_NOOP(
        "Shortcuts", "Load the preset of that number in the preset list (training restarts on the"
                     " preset's own points)"),
        PRESET_TARGET),
    Shortcut(("Ctrl+Z",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Undo: bring back the run a reset, preset, setting or loading threw away"),
        ACTION_PREFIX + "undo"),
    Shortcut(("Ctrl+S",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Save a screenshot of the whole window (PNG)"),
        ACTION_PREFIX + "save_screenshot"),
    Shortcut(("Ctrl+E",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Export the history (CSV) or a plot (PNG/SVG)"),
        ACTION_PREFIX + "export"),
    Shortcut(("Ctrl+O",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Open a saved session"),
        ACTION_PREFIX + "open_session"),
    Shortcut(("Ctrl+Shift+S",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Save the session (settings, points, weights, history)"),
        ACTION_PREFIX + "save_session"),
    Shortcut(("Ctrl+L",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Load your own points from a CSV, NPZ or .mat file"),
        ACTION_PREFIX + "load_data"),
    Shortcut(("Ctrl+D",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Edit points: click adds, right-click removes"),
        ACTION_PREFIX + "edit_points"),
    Shortcut(("PgDown", "Alt+Right"), QT_TRANSLATE_NOOP(
        "Shortcuts", "Lesson: next scene (a presenter's clicker sends Page Down)"),
        ACTION_PREFIX + "next_scene"),
    Shortcut(("PgUp", "Alt+Left"), QT_TRANSLATE_NOOP(
        "Shortcuts", "Lesson: previous scene"),
        ACTION_PREFIX + "previous_scene"),
    Shortcut(("F11",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Presentation mode on / off"),
        ACTION_PREFIX + "presentation_mode"),
    Shortcut(("Escape",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Close the settings drawer, or leave presentation mode"),
        "leave_presentation"),
    Shortcut(("C",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Show / hide all settings (the panel, or its drawer over the views)"),
        "toggle_panel"),
    Shortcut(("F1",), QT_TRANSLATE_NOOP(
        "Shortcuts", "What am I looking at? (every view explained)"),
        ACTION_PREFIX + "what_am_i_looking_at"),
    Shortcut(("Ctrl+Q",), QT_TRANSLATE_NOOP(
        "Shortcuts", "Quit"),
        ACTION_PREFIX + "quit"),
)

_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def is_typing() -> bool:
    """True while the keyboard focus is in a field that takes text."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QComboBox):
        return focus.isEditable()
    return isinstance(focus, _TEXT_INPUTS)


def key_text(key: str) -> str:
    """A key as the user's platform writes it (Ctrl+S, →, Space)."""
    return {"Right": "→", "Alt+Right": "Alt+→", "Alt+Left": "Alt+←",
            "PgDown": "Page Down", "PgUp": "Page Up"}.get(key) or QKeySequence(key).toString(
        QKeySequence.SequenceFormat.NativeText)


def keys_text(shortcut: Shortcut) -> str:
    if shortcut.target == PRESET_TARGET:
        return f"{shortcut.keys[0]} … {shortcut.keys[-1]}"
    return translate("Shortcuts", " or ").join(key_text(k) for k in shortcut.keys)


def install_shortcuts(window) -> list:
    """Register every shortcut of ``SHORTCUTS`` on ``window``; the QShortcuts and
    QActions that now carry them (after the menus' actions exist)."""
    installed = []
    for shortcut in SHORTCUTS:
        if shortcut.target.startswith(ACTION_PREFIX):
            name = shortcut.target.removeprefix(ACTION_PREFIX)
            action = window.findChild(QAction, name)
            if action is None:
                raise LookupError(f"shortcut {shortcut.keys}: no action named {name!r}")
            action.setShortcuts([QKeySequence(k) for k in shortcut.keys])
            installed.append(action)
            continue
        if shortcut.target == PRESET_TARGET:
            names = preset_names()
            slots = [lambda n=n: window.load_preset(n) for n in names]
        else:
            slots = [getattr(window, shortcut.target)] * len(shortcut.keys)
        for key, slot in zip(shortcut.keys, slots, strict=False):
            item = QShortcut(QKeySequence(key), window)
            item.setObjectName(f"shortcut_{key}")
            item.setContext(Qt.ShortcutContext.WindowShortcut)
            item.activated.connect(_unless_typing(slot))
            installed.append(item)
    return installed


def _unless_typing(slot):
    def run():
        if not is_typing():
            slot()

    return run
