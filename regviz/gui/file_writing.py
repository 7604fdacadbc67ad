"""What every save and load in the window shares: atomic writes (a temporary file
in the same folder, renamed over the target only when complete), a busy cursor
and status message while it works, and one way to tell the user what went wrong."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMessageBox


def write_atomically(path: str | os.PathLike, write: Callable[[str], None]) -> Path:
    """Call ``write(temporary_path)`` and move the result to ``path``. The temporary
    file keeps ``path``'s extension (exporters choose the format by it). On any
    failure nothing is left behind and an existing ``path`` is untouched; OSError
    names ``path`` and the reason."""
    path = Path(path)
    if path.is_dir():
        raise OSError(f"cannot write {path}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(dir=path.resolve().parent, prefix=f".{path.stem}-",
                                   suffix=path.suffix)
    except OSError as exc:  # missing folder, no permission
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from None
    os.close(fd)
    try:
        write(tmp)
        if os.path.getsize(tmp) == 0:
            raise OSError(f"cannot write {path}: nothing was written (disk full?)")
        os.replace(tmp, path)
    except OSError as exc:
        if str(path) in str(exc):
            raise
        raise OSError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return path


@contextmanager
def busy(window, message: str) -> Iterator[None]:
    """A wait cursor and ``message`` in the status bar while the block runs (loading
    a big file, saving a long history): the window says it is working, not frozen."""
    window.statusBar().showMessage(message)
    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    QApplication.processEvents()  # paint the message before the work starts
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        window.statusBar().clearMessage()


def show_error(window, title: str, text: str) -> None:
    """The one place errors reach the user (tests replace QMessageBox.critical)."""
    QMessageBox.critical(window, title, text)


def show_done(window, text: str) -> None:
    window.statusBar().showMessage(text, 5000)
