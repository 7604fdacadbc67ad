"""The QApplication as regviz wants it: Fusion style, the bundled DejaVu Sans
font, no screen scaling when rendering pictures, pyqtgraph set up once."""

from __future__ import annotations

import os
import sys

from ..config import Config
from ..resource_path import resource_dir

FONT_FAMILY = "DejaVu Sans"
BASE_POINT_SIZE = 11


def create_application(argv: list[str] | None = None, deterministic: bool = False):
    """The running QApplication, created if needed. ``deterministic`` (screenshots,
    tests) turns off screen-dependent scaling so pixels are the same everywhere."""
    if deterministic:
        os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "0")
        os.environ["QT_SCALE_FACTOR"] = "1"
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("regviz")
        app.setOrganizationName("regviz")
    app.setStyle("Fusion")
    fonts = resource_dir() / "fonts"
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(fonts / name))
    font = QFont(FONT_FAMILY, BASE_POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#202020")
    return app


def run(config: Config) -> int:
    """Show the main window on ``config`` and run until it closes."""
    app = create_application()
    from .main_window import MainWindow

    window = MainWindow(config=config)
    window.resize(1600, 1000)
    window.show()
    code = app.exec()
    window.shutdown()
    return int(code)
