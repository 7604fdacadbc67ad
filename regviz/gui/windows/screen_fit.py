"""Windows that open inside the screen they open on.

A classroom projector is often 1280×720 or 1366×768 while regviz prefers
1600×1000: a window larger than the screen hides its own edges (and on some
window managers cannot even be moved to see them). Every top-level window is
therefore sized to at most the screen's *available* area (without task bars),
title bar included, and moved into it; a remembered geometry is clamped the same
way to the screen it comes back on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication

# The smallest window every layout is made for (a 1024×768 projector, less its
# task bar and the title bar).
MIN_WINDOW_SIZE = (1024, 640)
# Until a window has been shown its frame is unknown; a typical title bar and
# border so the first guess already fits (corrected once the frame is known).
FRAME_GUESS = QMargins(1, 30, 1, 1)


def fit_rect(frame: QRect, available: QRect) -> QRect:
    """``frame`` (a window's outer rectangle) shrunk to at most ``available``'s size
    and moved the least distance that puts it inside ``available``."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    x = min(max(frame.x(), available.left()), available.left() + available.width() - width)
    y = min(max(frame.y(), available.top()), available.top() + available.height() - height)
    return QRect(x, y, width, height)


def available_area(window) -> QRect:
    """The available geometry of the screen ``window`` is on (or will open on)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(window) -> QMargins:
    """The window manager's frame around ``window`` (a guess before it is shown)."""
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame != inner:
        return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                        frame.right() - inner.right(), frame.bottom() - inner.bottom())
    return FRAME_GUESS


def open_size(window, preferred: tuple[int, int]) -> QSize:
    """``preferred``, or less: the largest client size whose frame fits the screen."""
    area, m = available_area(window), frame_margins(window)
    return QSize(min(preferred[0], area.width() - m.left() - m.right()),
                 min(preferred[1], area.height() - m.top() - m.bottom()))


def size_to_screen(window, preferred: tuple[int, int]) -> bool:
    """Give the not yet shown ``window`` the ``preferred`` size, or what of it fits
    its screen, centred there; True if it had to be made smaller. After the first
    show the real frame is measured and the window moved in if it still sticks out."""
    size = open_size(window, preferred)
    window.resize(size)
    area, m = available_area(window), frame_margins(window)
    outer = QSize(size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom())
    top_left = area.center() - QRect(0, 0, outer.width(), outer.height()).center()
    window.move(top_left)
    _clamp_after_show(window)
    return size.width() < preferred[0] or size.height() < preferred[1]


def clamp_to_screen(window) -> None:
    """Move and shrink ``window`` (its frame included) into its screen's available
    area: for a geometry remembered from another, larger screen."""
    if window.isFullScreen() or window.isMaximized():
        return
    area, m = available_area(window), frame_margins(window)
    frame = window.geometry().marginsAdded(m)
    fitted = fit_rect(frame, area)
    if fitted != frame:
        window.setGeometry(fitted.marginsRemoved(m))


def _clamp_after_show(window) -> None:
    """Once shown, the frame is known: clamp again with the real one (once)."""
    if window.findChild(_ClampOnFirstShow) is None:
        window.installEventFilter(_ClampOnFirstShow(window))


class _ClampOnFirstShow(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            self.deleteLater()
            # The window manager reports the frame a moment after mapping the window.
            QTimer.singleShot(100, watched, lambda: clamp_to_screen(watched))
        return False
