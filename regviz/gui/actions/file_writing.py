"""What every save and load in the window shares: atomic writes
(``regviz.atomic_file``), a busy cursor and status message while it works, and
one way to tell the user what went wrong."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from ...atomic_file import write_atomically  # noqa: F401 (the window's writers import it here)


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
