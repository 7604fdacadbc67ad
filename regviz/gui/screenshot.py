"""The window as a picture: train a seeded run to an exact step and render it.

The command line's ``--screenshot`` and the screenshot tests use this same code,
so a user's picture and a test's baseline are made the same way: fixed size before
showing, Fusion style, the bundled font, device pixel ratio 1, no timers racing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..config import Config
from ..core import TrainingDiverged
from ..experiment import TrainTestData
from ..snapshot import take_snapshot

DEFAULT_SIZE = (1600, 1000)


def render_window(config: Config, steps: int, size=DEFAULT_SIZE,
                  data: TrainTestData | None = None, prepare=None):
    """A MainWindow (not started, shown offscreen-ready) trained ``steps`` steps.
    ``prepare(window)`` may adjust it before the final snapshot is drawn.
    The caller closes it."""
    from PySide6.QtWidgets import QApplication

    from .app import create_application
    from .main_window import MainWindow

    create_application(deterministic=True)
    window = MainWindow(config=config, start_thread=False)
    if data is not None:
        window.experiment.reset(data)
    window.setFixedSize(*size)
    try:
        window.experiment.step(steps)
    except TrainingDiverged:
        pass  # the picture shows the divergence message
    if prepare is not None:
        prepare(window)
    window.show()
    window.show_snapshot(take_snapshot(window.experiment))
    for _ in range(3):
        QApplication.processEvents()
    return window


def render_window_image(config: Config, steps: int, size=DEFAULT_SIZE,
                        data: TrainTestData | None = None, prepare=None):
    """The rendered window as a QImage."""
    window = render_window(config, steps, size, data, prepare)
    try:
        return window.grab().toImage()
    finally:
        window.close()
        window.deleteLater()


def render_window_png(config: Config, steps: int, path: str | os.PathLike,
                      size=DEFAULT_SIZE, data: TrainTestData | None = None) -> Path:
    """Save the rendered window as a PNG at ``path`` (atomically: a failure leaves
    no partial file and keeps any previous one). OSError names the path."""
    path = Path(path)
    image = render_window_image(config, steps, size, data)
    fd, tmp = tempfile.mkstemp(dir=path.resolve().parent, prefix=".regviz-", suffix=".png")
    os.close(fd)
    try:
        if not image.save(tmp, "PNG"):
            raise OSError(f"could not write a PNG to {path}")
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path
