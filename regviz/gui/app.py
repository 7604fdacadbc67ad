"""The QApplication as regviz wants it: Fusion style, the bundled DejaVu Sans at a
size the back row can read, no screen scaling when rendering pictures, pyqtgraph
set up once from the theme. (Opening the interactive window is ``launch``.)"""

from __future__ import annotations

import os
import sys

from ..resource_path import resource_dir

FONT_FAMILY = "DejaVu Sans"
# Chinese text: DejaVu Sans has no CJK glyphs; this subset of Noto Sans CJK SC has
# exactly the translation's (tools/update_translations.py cuts it), so Chinese
# renders the same on every machine, with or without a system CJK font.
CJK_FONT_FAMILY = "Noto Sans SC regviz"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "NotoSansSC-regviz-subset.otf")
BASE_POINT_SIZE = 11  # controls and labels; the plots use the theme's larger sizes


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
    if CJK_FONT_FAMILY not in QFontDatabase.families():
        fonts = resource_dir() / "fonts"
        for name in FONT_FILES:
            if QFontDatabase.addApplicationFont(str(fonts / name)) < 0:
                # Still usable with the system's sans serif; pixels will differ.
                print(f"regviz: could not load the font {fonts / name}", file=sys.stderr)
        # Every font asked for as DejaVu Sans (the views make their own) takes a
        # character it lacks from the subset before any font of the system.
        QFont.insertSubstitution(FONT_FAMILY, CJK_FONT_FAMILY)
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
