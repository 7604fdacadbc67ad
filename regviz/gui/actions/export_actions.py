"""File → Save screenshot… (the whole window as PNG) and File → Export… (the
history as CSV, any one plot as PNG or SVG through pyqtgraph's exporters).
Every file is written atomically: an unwritable place gets a message and an
existing file is never half-overwritten."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pyqtgraph.exporters as exporters
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from ...history_csv import history_csv
from ...picture_format import picture_format
from ...script_export import script_text
from ...translatable import QT_TRANSLATE_NOOP
from ..language import fill, translate
from ..svg_export import export_svg
from .file_writing import busy, show_done, show_error, write_atomically
from .help_dialogs import view_title
from .session_actions import exact_snapshot

HISTORY, WINDOW = "history", "window"
PLOT_FILTER = QT_TRANSLATE_NOOP("Export", "PNG image (*.png);;SVG drawing (*.svg)")
SCREENSHOT_FILTER = QT_TRANSLATE_NOOP(
    "Export", "PNG image (*.png);;JPEG image (*.jpg *.jpeg);;BMP image (*.bmp)")


def install_export_actions(window) -> None:
    menu = window.menus["file"]
    quit_action = menu.actions()[-1]
    for name, text, tip, slot in (
            ("save_screenshot", translate("Export", "Save screens&hot…"),
             translate("Export", "Save the whole window as a PNG"),
             lambda: save_screenshot(window)),
            ("export", translate("Export", "&Export…"),
             translate("Export", "Save the history (CSV) or one plot (PNG or SVG)"),
             lambda: show_export_dialog(window)),
            ("export_script", translate("Export", "Export as &Python script…"),
             translate("Export", "A standalone numpy script that trains this run again, step "
                       "for step, and reports the same numbers"),
             lambda: export_script(window))):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.insertAction(quit_action, action)
    menu.insertSeparator(quit_action)


def export_targets(window) -> list[tuple[str, str]]:
    """(key, label) of everything Export can write."""
    return ([(HISTORY, translate("Export", "History of every curve (CSV)")),
             (WINDOW, translate("Export", "Whole window (PNG)"))]
            + [(view.objectName(), fill(translate("Export", "{view} plot (PNG or SVG)"),
                                             view=view_title(view.objectName())))
               for view in window.views])


def save_screenshot(window, path: str | None = None) -> bool:
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, translate("Export", "Save screenshot"),
                                              "regviz.png",
                                              translate("Export", SCREENSHOT_FILTER))
        if not path:
            return False
        path = _with_suffix(path, ".png")
    return _write(window, path, lambda tmp: _save_image(window.grab().toImage(), tmp))


def export(window, target: str, path: str | None = None) -> bool:
    """Write ``target`` (a key of ``export_targets``) to ``path`` (asked for if None)."""
    if target == WINDOW:
        return save_screenshot(window, path)
    if path is None:
        is_history = target == HISTORY
        path, chosen = QFileDialog.getSaveFileName(
            window, translate("Export", "Export"), "history.csv" if is_history
            else f"{target}.png",
            translate("Export", "CSV table (*.csv)") if is_history
            else translate("Export", PLOT_FILTER))
        if not path:
            return False
        path = _with_suffix(path, ".csv" if is_history else
                            (".svg" if "svg" in chosen.lower() else ".png"))
    if target == HISTORY:
        def write(tmp):
            text = history_csv(_SnapshotRun(exact_snapshot(window)))
            Path(tmp).write_text(text, encoding="utf-8")

        return _write(window, path, write)
    view = next(v for v in window.views if v.objectName() == target)
    _bring_into_view(window, view)
    return _write(window, path, lambda tmp: export_plot(view, tmp))


def export_script(window, path: str | None = None) -> bool:
    """The run so far as a standalone script (``regviz.script_export``): the settings
    at step 0, every live change, the exact points and the current step count."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, translate("Export", "Export as Python "
                                                                          "script"),
                                              "regviz_run.py",
                                              translate("Export", "Python script (*.py)"))
        if not path:
            return False
        path = _with_suffix(path, ".py")
    snapshot = exact_snapshot(window)
    start = snapshot.start_config or snapshot.config

    def write(tmp):
        text = script_text(start, snapshot.data, snapshot.step, snapshot.events,
                           snapshot.rerun_caveat)
        Path(tmp).write_text(text, encoding="utf-8")

    return _write(window, path, write)


def _bring_into_view(window, view) -> None:
    """A view in the hidden lower tab is neither laid out at its size nor drawn:
    show its tab first (the file is then the picture the window shows)."""
    for tabs in window.findChildren(QTabWidget):
        index = tabs.indexOf(view)
        if index >= 0 and tabs.currentIndex() != index:
            tabs.setCurrentIndex(index)
            for _ in range(2):  # the layout, then the view's drawing on show
                QApplication.processEvents()


def export_plot(view, path: str) -> None:
    """One view as PNG or SVG (chosen by ``path``'s extension), drawn by pyqtgraph;
    the SVG looks like the PNG in any renderer (see ``svg_export``)."""
    item = view.graphics.scene() if hasattr(view, "graphics") else view.plot
    if Path(path).suffix.lower() == ".svg":
        export_svg(item, path)
        return
    exporter = exporters.ImageExporter(item)
    exporter.parameters()["antialias"] = True
    image = exporter.export(toBytes=True)
    _save_image(image, path)


def show_export_dialog(window) -> QDialog:
    """Non-modal: choose what, then Save… asks where."""
    dialog = window.findChild(QDialog, "export_dialog")
    if dialog is None:
        dialog = QDialog(window)
        dialog.setObjectName("export_dialog")
        dialog.setWindowTitle(translate("Export", "Export"))
        what = QComboBox()
        what.setObjectName("export_what")
        for key, label in export_targets(window):
            what.addItem(label, key)
        save = QPushButton(translate("Export", "Save…"))
        save.setObjectName("export_save")
        save.clicked.connect(lambda: export(window, what.currentData()) and dialog.close())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(dialog.close)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(translate("Export", "What to export:")))
        layout.addWidget(what)
        layout.addWidget(buttons)
    dialog.show()
    return dialog


class _SnapshotRun(SimpleNamespace):
    """What ``history_csv`` reads from an experiment (``trainer.history``),
    served from a snapshot so the GUI thread never reads the training's arrays."""

    def __init__(self, snapshot):
        history = SimpleNamespace(as_dict=lambda: snapshot.history)
        super().__init__(trainer=SimpleNamespace(history=history))


def _save_image(image, path: str) -> None:
    """``image`` in the format ``path``'s suffix names (ValueError for one that is
    not a picture format)."""
    image_format = picture_format(path)
    if not image.save(path, image_format):
        raise OSError(f"cannot write {path}: saving the {image_format} failed")


def _write(window, path: str, write) -> bool:
    try:
        with busy(window, translate("Export", "Saving {path} …").format(path=path)):
            write_atomically(path, write)
    except (OSError, ValueError) as exc:
        show_error(window, translate("Export", "Could not save"),
                   translate("Export", "Nothing was written to {path}:\n{error}").format(
                       path=path, error=exc))
        return False
    show_done(window, translate("Export", "Saved {path}").format(path=path))
    return True


def _with_suffix(path: str, suffix: str) -> str:
    return path if Path(path).suffix else path + suffix
