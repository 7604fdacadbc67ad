"""The QApplication as regviz wants it: Fusion style, the bundled DejaVu Sans at a
size the back row can read, no screen scaling when rendering pictures, pyqtgraph
set up once from the theme."""

from __future__ import annotations

import gc
import os
import signal
import sys

from ..config import Config
from ..resource_path import resource_dir

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
BASE_POINT_SIZE = 11  # controls and labels; the plots use the theme's larger sizes
WINDOW_SIZE = (1600, 1000)


def create_application(argv: list[str] | None = None, deterministic: bool = False):
    """The running QApplication, created if needed, and set up for regviz.

    ``deterministic`` (screenshots, tests) turns off screen-dependent scaling so the
    same state gives the same pixels on every machine; it only takes effect if it
    is the first call, before any QApplication exists."""
    if deterministic:
        os.environ["QT_ENABLE_HIGHDPI_SCALING"] = "0"
        os.environ["QT_SCALE_FACTOR"] = "1"
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("regviz")
        app.setOrganizationName("regviz")
    app.setStyle("Fusion")
    if FONT_FAMILY not in QFontDatabase.families():
        fonts = resource_dir() / "fonts"
        for name in FONT_FILES:
            if QFontDatabase.addApplicationFont(str(fonts / name)) < 0:
                # Still usable with the system's sans serif; pixels will differ.
                print(f"regviz: could not load the font {fonts / name}", file=sys.stderr)
    font = QFont(FONT_FAMILY, BASE_POINT_SIZE)
    # Hinting depends on the platform's font engine; without it glyphs are placed
    # the same way everywhere, which screenshots compared pixel by pixel need.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    _configure_pyqtgraph()
    _collect_garbage_in_this_thread()
    return app


_garbage_collector = None


def _collect_garbage_in_this_thread() -> None:
    """Python's cycle collector, run only from a timer in the GUI thread.

    Left automatic, it runs wherever an allocation happens to cross its threshold:
    inside Qt's own code holding a connection lock (it then destroyed a QObject
    that waited for that lock: the window hung forever while being built), or in
    the training thread (destroying GUI objects from the wrong thread). pyqtgraph's
    GarbageCollector turns automatic collection off and collects on a timer."""
    global _garbage_collector
    if _garbage_collector is None:
        from pyqtgraph.util.garbage_collector import GarbageCollector

        _garbage_collector = GarbageCollector(interval=0.5)


def _configure_pyqtgraph() -> None:
    import pyqtgraph as pg

    from .theme import Theme

    theme = Theme.light()
    pg.setConfigOptions(antialias=True, background=theme.background,
                        foreground=theme.foreground)


def build_window(config: Config, size=WINDOW_SIZE, remember: bool = True):
    """The main window on ``config``, sized, training thread started, not shown.

    ``remember``: restore the theme and geometry of the last launch and remember
    them (and the preset) for the next one."""
    create_application()
    from .main_window import MainWindow
    from .settings import restore_window

    window = MainWindow(config=config)
    window.resize(*size)
    if remember:
        restore_window(window)
    # The window's thousands of long-lived objects never need the cycle collector's
    # attention; frozen, a full collection no longer stalls a frame for 20–60 ms.
    gc.collect()
    gc.freeze()
    return window


def run(config: Config, use_last_preset: bool = False) -> int:
    """Show the main window on ``config`` and run until it closes; the exit code.

    ``use_last_preset`` (no preset, data or setting named on the command line):
    start from the preset chosen last time instead."""
    app = create_application()
    if use_last_preset:
        from ..config import load_preset
        from .settings import last_preset

        if last_preset():
            config = load_preset(last_preset())
    window = build_window(config)
    _close_on_interrupt(app, window)
    window.show()
    code = app.exec()
    window.shutdown()
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
