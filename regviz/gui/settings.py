"""What regviz remembers between launches (QSettings): the last preset, the theme,
the window geometry and the language chosen in View → Language.

Only the interactive launcher (``launch.build_window``) reads and writes them; the
screenshot renderer and windows built by tests never do, so pictures stay
deterministic. ``REGVIZ_SETTINGS_DIR`` redirects the file (the test suite points it
at a temporary folder so the user's settings are never touched)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

SETTINGS_DIR_ENV = "REGVIZ_SETTINGS_DIR"
PRESET_KEY, THEME_KEY, GEOMETRY_KEY = "last_preset", "theme", "window_geometry"
LANGUAGE_KEY = "language"


def app_settings() -> QSettings:
    """regviz's settings: an INI file in ``$REGVIZ_SETTINGS_DIR`` when that is set,
    the platform's usual place otherwise."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        return QSettings(str(Path(folder) / "regviz.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "regviz", "regviz")


def last_preset() -> str:
    """The preset the user last chose ("" if none, or if it no longer exists)."""
    from ..config import preset_names

    name = str(app_settings().value(PRESET_KEY, "") or "")
    return name if name in preset_names() else ""


def remember_preset(name: str) -> None:
    app_settings().setValue(PRESET_KEY, name)


def remembered_language() -> str:
    """The language chosen in View → Language ("" if never chosen: follow the system)."""
    return str(app_settings().value(LANGUAGE_KEY, "") or "")


def remember_language(language: str) -> None:
    settings = app_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def save_window(window) -> None:
    """Remember ``window``'s theme and geometry (outside presentation mode: a full
    screen on the projector is not the size to come back to)."""
    settings = app_settings()
    settings.setValue(THEME_KEY, "dark" if window.dark_theme else "light")
    if not window.presenting:
        settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.sync()
