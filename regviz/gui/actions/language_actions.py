"""View → Language: English or 简体中文, switched at once in every open window
(the run goes on) and remembered for the next launch."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from ...translatable import LANGUAGES
from ..language import current_language, switch_language, translate


def install_language_menu(window) -> None:
    menu = window.menus["view"].addMenu(translate("Language", "&Language"))
    menu.setObjectName("language_menu")
    group = QActionGroup(window)
    for code, name in LANGUAGES.items():
        action = QAction(name, window)  # each language named in itself
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current_language())
        action.triggered.connect(lambda _=False, code=code: choose_language(window, code))
        group.addAction(action)
        menu.addAction(action)
    window.language_actions = group


def choose_language(window, language: str) -> None:
    switch_language(language)
    if getattr(window, "remember_settings", False):
        from ..settings import remember_language

        remember_language(language)


def show_checked_language(window) -> None:
    """Tick the current language in ``window``'s menu (switched elsewhere)."""
    for action in window.language_actions.actions():
        action.setChecked(action.objectName() == f"language_{current_language()}")
