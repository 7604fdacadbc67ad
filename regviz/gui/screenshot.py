"""The window as a picture: train a seeded run to an exact step and render it.

The command line's ``--screenshot`` and the screenshot tests use this same code,
so a user's picture and a test's baseline are made the same way: fixed size before
showing, Fusion style, the bundled font, device pixel ratio 1, and the training
done synchronously in this thread before the one snapshot is drawn — no thread,
no timer, nothing racing the picture."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..atomic_file import write_atomically
from ..config import Config
from ..core import TrainingDiverged
from ..experiment import TrainTestData
from ..picture_format import picture_format
from ..snapshot import Snapshot, take_snapshot

DEFAULT_SIZE = (1600, 1000)


def render_window(config: Config, steps: int, size=DEFAULT_SIZE,
                  data: TrainTestData | None = None,
                  prepare: Callable | None = None, language: str | None = None):
    """A shown MainWindow (its training thread never started) trained ``steps``
    steps and drawn. ``prepare(window)`` may adjust it (select a point, toggle a
    view) before the final snapshot is drawn, and may return the snapshot to draw
    (e.g. one from the past, as the scrubber shows it). ``language``: switch the
    interface to it first (None: as it is). The caller closes it."""
    from PySide6.QtWidgets import QApplication

    from .app import create_application
    from .language import switch_language
    from .windows.main_window import MainWindow

    create_application(deterministic=True)
    if language is not None:
        switch_language(language)
    window = MainWindow(config=config, start_thread=False)
    if data is not None:
        window.experiment.reset(data)
    window.setFixedSize(*size)
    # A hidden window hears of its new size only when shown; ``prepare`` must see
    # the layout the picture will have (which tab holds which view).
    window.adaptive_layout.update()
    try:
        window.experiment.step(steps)
    except TrainingDiverged:
        pass  # the picture shows the divergence banner
    shown = prepare(window) if prepare is not None else None
    window.show()
    window.show_snapshot(shown if isinstance(shown, Snapshot)
                         else take_snapshot(window.experiment))
    if window.constraint_view.request is not None and not isinstance(shown, Snapshot):
        # Its tab is shown and asked for a picture, as it would ask the training thread.
        window.show_snapshot(take_snapshot(window.experiment,
                                           constraint=window.constraint_view.request, now=True))
    for _ in range(3):  # layout, then the views' deferred repaints
        QApplication.processEvents()
    return window


def render_window_image(config: Config, steps: int, size=DEFAULT_SIZE,
                        data: TrainTestData | None = None,
                        prepare: Callable | None = None, language: str | None = None):
    """The rendered window as a QImage (``size`` pixels: device pixel ratio 1)."""
    window = render_window(config, steps, size, data, prepare, language)
    try:
        return window.grab().toImage()
    finally:
        window.close()
        window.deleteLater()


def render_window_png(config: Config, steps: int, path: str | os.PathLike,
                      size=DEFAULT_SIZE, data: TrainTestData | None = None,
                      prepare: Callable | None = None, language: str | None = None) -> Path:
    """Save the rendered window at ``path`` in the format its suffix names (PNG,
    JPEG or BMP; no suffix: PNG; any other suffix: ValueError before any work) and
    return the path.

    Atomic: the picture goes to a temporary file in the same folder, renamed over
    ``path`` only once complete, so a failure leaves no partial file and keeps any
    previous one. An unwritable place raises OSError naming ``path``, before any
    training is done."""
    image_format = picture_format(path)

    def write(tmp: str) -> None:
        image = render_window_image(config, steps, size, data, prepare, language)
        if not image.save(tmp, image_format):
            raise OSError(f"cannot write {path}: saving the {image_format} failed "
                          "(disk full?)")

    # The temporary file exists before any training: an unwritable place fails fast.
    return write_atomically(path, write)

