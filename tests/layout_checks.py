"""Geometry checks shared by the screen-size tests: what a person sees cut off,
covered or off the window, measured on the widgets themselves."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    """``widget``'s rectangle in ``ancestor``'s coordinates."""
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def visible_rect(widget: QWidget, window: QWidget, vertical: bool = True) -> QRect:
    """The part of ``widget`` its ancestors let show, in ``window``'s coordinates
    (``vertical=False``: clipped sideways only)."""
    shown = rect_in(widget, window)
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown = _clip(shown, rect_in(parent, window), vertical)
        parent = parent.parentWidget()
    return _clip(shown, window.rect(), vertical)


def _clip(rect: QRect, by: QRect, vertical: bool) -> QRect:
    if not vertical:
        by = QRect(by.x(), rect.y(), by.width(), rect.height())
    return rect.intersected(by)


def clipped_texts(root: QWidget, window: QWidget) -> list[str]:
    """Every shown text widget under ``root`` whose text does not fit its widget or
    whose widget is cut by an ancestor (scrolled-away rows of a scroll area are
    not cut: only their width is checked there)."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) or not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        text = ""
        if isinstance(widget, QLabel):
            text = widget.text()
            if not text:
                continue
            if widget.wordWrap():
                need_w, need_h = 0, widget.heightForWidth(widget.width())
            else:
                hint = widget.minimumSizeHint()
                need_w, need_h = hint.width(), hint.height()
        elif isinstance(widget, QComboBox):
            text = widget.currentText()
            hint = widget.minimumSizeHint()
            need_w, need_h = hint.width(), hint.height() - 8
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
            hint = widget.sizeHint()
            need_w, need_h = hint.width(), hint.height() - 8
        elif isinstance(widget, QAbstractSpinBox):
            text = widget.text()
            # The text, the up/down buttons and the frame.
            need_w = QFontMetrics(widget.font()).horizontalAdvance(text) + 30
            need_h = QFontMetrics(widget.font()).height()
        elif isinstance(widget, QLineEdit):
            if widget.objectName().startswith("qt_"):  # a spin box's own editor
                continue
            text = widget.text() or widget.placeholderText()
            margins = 12
            need_w = QFontMetrics(widget.font()).horizontalAdvance(text) + margins
            need_h = QFontMetrics(widget.font()).height()
        else:
            continue
        if widget.width() < need_w or widget.height() < need_h:
            problems.append(f"{name} {text!r}: {widget.width()}×{widget.height()} "
                            f"< {need_w}×{need_h}")
            continue
        full = rect_in(widget, window)
        scrolled = _in_scroll_area(widget, window)
        # In a scroll area a row may be scrolled out of view (not cut: it scrolls
        # back); only its width must fit. Elsewhere, all of it must show.
        seen = visible_rect(widget, window, vertical=not scrolled)
        if seen.width() < full.width():
            problems.append(f"{name} {text!r}: cut sideways ({seen.width()} of {full.width()})")
        if seen.height() < full.height():
            problems.append(f"{name} {text!r}: cut ({seen.height()} of {full.height()} high)")
    return problems


def _in_scroll_area(widget: QWidget, window: QWidget) -> bool:
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False
