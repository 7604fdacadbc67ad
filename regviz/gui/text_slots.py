"""Every place a window shows text, as (read, write) pairs: widget titles and
tooltips, labels, buttons, group boxes, tabs, combo box items, menus and their
actions, spin boxes' special texts, tables, and the titles, axis labels, legends
and text items of the plots. ``language.retranslate_texts`` rewrites them in a new
language; the tests read them to find text left untranslated."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

import pyqtgraph as pg
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QTabWidget,
    QWidget,
)

Slot = tuple  # (read: () -> str, write: (str) -> None)


def text_slots(root: QWidget) -> Iterator[Slot]:
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        yield from _widget_slots(widget)
    actions = {id(a): a for w in widgets for a in w.actions()}
    actions.update({id(a): a for a in root.findChildren(QAction)})
    for action in actions.values():
        if isinstance(action.parent(), pg.GraphicsScene):
            continue  # pyqtgraph's own context menu ("Export..."), English only
        yield action.text, action.setText
        yield action.toolTip, _tooltip_setter(action)
        yield action.statusTip, action.setStatusTip
    for view in (w for w in widgets if isinstance(w, QGraphicsView)):
        scene = view.scene()
        if scene is not None:
            for item in scene.items():
                yield from _plot_item_slots(item)


def _tooltip_setter(action: QAction):
    return action.setToolTip


def _widget_slots(w: QWidget) -> Iterator[Slot]:
    if w.isWindow():
        yield w.windowTitle, w.setWindowTitle
    yield w.toolTip, w.setToolTip
    yield w.statusTip, w.setStatusTip
    if isinstance(w, QLabel):
        yield w.text, w.setText
    elif isinstance(w, QAbstractButton):
        yield w.text, w.setText
    elif isinstance(w, QGroupBox):
        yield w.title, w.setTitle
    elif isinstance(w, QMenu):
        yield w.title, w.setTitle
    elif isinstance(w, QLineEdit):
        yield w.placeholderText, w.setPlaceholderText
    elif isinstance(w, QAbstractSpinBox):
        yield w.specialValueText, w.setSpecialValueText
        if hasattr(w, "suffix"):
            yield w.suffix, w.setSuffix
            yield w.prefix, w.setPrefix
    elif isinstance(w, QComboBox):
        for i in range(w.count()):
            yield partial(w.itemText, i), partial(w.setItemText, i)
            yield (partial(_item_tooltip, w, i),
                   partial(_set_item_tooltip, w, i))
    elif isinstance(w, QTabWidget):
        for i in range(w.count()):
            yield partial(w.tabText, i), partial(w.setTabText, i)
            yield partial(w.tabToolTip, i), partial(w.setTabToolTip, i)
    elif isinstance(w, QTableWidget):
        for column in range(w.columnCount()):
            header = w.horizontalHeaderItem(column)
            if header is not None:
                yield header.text, header.setText
        for row in range(w.rowCount()):
            for column in range(w.columnCount()):
                item = w.item(row, column)
                if item is not None:
                    yield item.text, item.setText
                    yield item.toolTip, item.setToolTip


def _item_tooltip(box: QComboBox, index: int) -> str:
    from PySide6.QtCore import Qt

    return str(box.itemData(index, Qt.ItemDataRole.ToolTipRole) or "")


def _set_item_tooltip(box: QComboBox, index: int, text: str) -> None:
    from PySide6.QtCore import Qt

    box.setItemData(index, text, Qt.ItemDataRole.ToolTipRole)


def _plot_item_slots(item) -> Iterator[Slot]:
    if isinstance(item, pg.LabelItem):  # titles and legend entries
        yield (lambda: item.text or ""), item.setText
    elif isinstance(item, pg.AxisItem):
        yield (lambda: item.labelText or ""), partial(_set_axis_label, item)
    elif isinstance(item, pg.TextItem):
        yield item.toPlainText, item.setText


def _set_axis_label(axis: pg.AxisItem, text: str) -> None:
    axis.labelText = text
    axis._updateLabel()
