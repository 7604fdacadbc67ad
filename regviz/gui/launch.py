"""Opening the interactive window: the one place that remembers settings between
launches, restores the last preset and closes cleanly on Ctrl+C."""

from __future__ import annotations

import gc
import signal

from ..config import Config
from .actions.presentation import set_dark_theme
from .app import create_application
from .language import start_language
from .settings import GEOMETRY_KEY, THEME_KEY, app_settings
from .windows.screen_fit import clamp_to_screen, size_to_screen


def build_window(config: Config, size=None, remember: bool = True):
    """The main window on ``config``, ``size`` or what of it fits the screen,
    training thread started, not shown.

    ``remember``: restore the theme and geometry of the last launch and remember
    them (and the preset) for the next one."""
    create_application()
    from .windows.main_window import DEFAULT_SIZE, MainWindow

    window = MainWindow(config=config)
    # At most the screen's available area: a 1600×1000 window on a 1366×768 laptop
    # or a 1280×720 projector would hide its own edges.
    size_to_screen(window, size or DEFAULT_SIZE)
    if remember:
        restore_window(window)
    # The window's thousands of long-lived objects never need the cycle collector's
    # attention; frozen, a full collection no longer stalls a frame for 20–60 ms.
    gc.collect()
    gc.freeze()
    return window


def restore_window(window) -> None:
    """Give ``window`` the remembered theme and geometry, and from now on remember
    what the user changes (theme and preset at once, geometry on close)."""
    settings = app_settings()
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is not None:
        window.restoreGeometry(geometry)
        # Remembered on a larger screen (the office monitor), opened on the projector.
        clamp_to_screen(window)
    set_dark_theme(window, str(settings.value(THEME_KEY, "light")) == "dark")
    window.remember_settings = True


def run(config: Config, use_last_preset: bool = False, lesson=None,
        language: str | None = None) -> int:
    """Show the main window on ``config`` and run until it closes; the exit code.

    ``use_last_preset`` (no preset, data or setting named on the command line):
    start from the preset chosen last time instead. ``lesson`` (a ``Lesson``):
    open it at its first scene. ``language``: ``--lang`` (None: the remembered
    choice, else the system's)."""
    app = create_application()
    start_language(language)
    if use_last_preset:
        from ..config import load_preset
        from .settings import last_preset

        if last_preset():
            config = load_preset(last_preset())
    window = build_window(config)
    _close_on_interrupt(app, window)
    window.show()
    if lesson is not None:
        from .actions.lesson_mode import lesson_mode

        lesson_mode(window).start(lesson)
    from PySide6.QtCore import QCoreApplication, QEvent

    code = app.exec()
    window.shutdown()
    # Destroy what Qt still has scheduled for deletion while Qt is whole: left to
    # the interpreter's last garbage collection, pyqtgraph's menus could be
    # destroyed after the windows they point into.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return int(code)


def _close_on_interrupt(app, window) -> None:
    """Ctrl+C in the terminal closes the window cleanly (training thread and all)
    instead of being swallowed while Qt's event loop runs."""
    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGINT, lambda *_: window.close())
    # Python runs signal handlers only between bytecodes; a cheap timer gives it some.
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(250)
