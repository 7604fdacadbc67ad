"""Teach → Compare runs… and Teach → λ sweep…: each opens its own window on the
main window's current settings. The windows train in their own thread (compare)
or processes (sweep), and close with the main window so nothing keeps running."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QAction, QGuiApplication

from ..language import translate


class TeachActions(QObject):
    """Owns the two windows for one main window (find it with
    ``window.findChild(TeachActions)``)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("teach_actions")
        self.window = window
        self.compare_window = None
        self.sweep_window = None
        self.compare_action = QAction(translate("Teach", "Compare runs…"), window)
        self.compare_action.setObjectName("compare_runs")
        self.compare_action.setStatusTip(translate(
            "Teach", "The same data and initial weights with 2–4 regularization settings, "
            "trained side by side"))
        self.compare_action.triggered.connect(self.open_compare)
        self.sweep_action = QAction(translate("Teach", "λ sweep…"), window)
        self.sweep_action.setObjectName("lambda_sweep")
        self.sweep_action.setStatusTip(translate(
            "Teach", "Train one model per λ on a log grid and plot the final train and test "
            "error against λ"))
        self.sweep_action.triggered.connect(self.open_sweep)
        window.menus["teach"].addAction(self.compare_action)
        window.menus["teach"].addAction(self.sweep_action)
        window.installEventFilter(self)

    @Slot()
    def open_compare(self):
        """Show the compare window on the main window's settings (a new one if the
        last was closed: it starts again from the current settings)."""
        from ..windows.compare_window import CompareWindow

        if self.compare_window is None or not self.compare_window.isVisible():
            self._discard(self.compare_window)
            self.compare_window = CompareWindow(self.window.config)
        self._present(self.compare_window)
        return self.compare_window

    @Slot()
    def open_sweep(self):
        from ..windows.sweep_window import SweepWindow

        if self.sweep_window is None or not self.sweep_window.isVisible():
            self._discard(self.sweep_window)
            self.sweep_window = SweepWindow(self.window.config,
                                            config_source=lambda: self.window.config)
        # Open already: it follows the settings of now (unless a sweep is running).
        self.sweep_window.follow(self.window.config)
        self._present(self.sweep_window)
        return self.sweep_window

    @staticmethod
    def _present(window) -> None:
        window.show()
        if QGuiApplication.platformName() != "offscreen":  # it cannot raise (and warns)
            window.raise_()
            window.activateWindow()

    @staticmethod
    def _discard(window) -> None:
        if window is not None:
            window.close()
            window.deleteLater()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            # Their training must not outlive the window they were opened from.
            for window in (self.compare_window, self.sweep_window):
                if window is not None:
                    window.close()
        return False


def install_teach_actions(window) -> TeachActions:
    """Add Compare runs… and λ sweep… to ``window.menus["teach"]``."""
    return TeachActions(window)
