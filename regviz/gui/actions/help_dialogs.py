"""Help → Keyboard shortcuts (generated from the table that registers them) and
Help → What am I looking at? (each view's own ``EXPLANATION``). Both dialogs are
non-modal: the class keeps watching the training while one is open."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from .shortcuts import SHORTCUTS, keys_text

VIEW_TITLES = {
    "decision_boundary_view": "Decision boundary",
    "network_diagram_view": "Network diagram",
    "cost_view": "Cost",
    "accuracy_view": "Accuracy",
    "weight_norms_view": "Weight norms",
    "weight_histogram_view": "Weight histograms",
    "constraint_view": "Constraint picture",
}
LOSS_INTRO = ("The network changes its weights to make the <b>total loss</b> smaller: the "
              "<b>data loss</b> (how wrong it is on the training points) plus the "
              "<b>penalty</b> that L1 and L2 add for large weights. Dropout adds no term; it "
              "switches random units off in each step.")


def install_help(window) -> None:
    menu = window.menus["help"]
    for name, text, slot in (
            ("keyboard_shortcuts", "&Keyboard shortcuts", lambda: show_shortcuts(window)),
            ("what_am_i_looking_at", "&What am I looking at?",
             lambda: show_explanations(window))):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td style='padding:3px 18px 3px 0'><b>{escape(keys_text(s))}</b></td>"
                   f"<td style='padding:3px 0'>{escape(s.description)}</td></tr>"
                   for s in SHORTCUTS)
    return (f"<table>{rows}</table><p>Letter and number keys do nothing while you type in "
            "a text field.</p>")


def explanations_html(window) -> str:
    parts = [f"<p>{LOSS_INTRO}</p>"]
    for view in window.views:
        title = VIEW_TITLES.get(view.objectName(), view.objectName())
        parts.append(f"<h3>{escape(title)}</h3><p>{escape(view.EXPLANATION)}</p>")
    parts.append("<p>Hover over any control to see what it does to the loss.</p>")
    return "".join(parts)


def show_shortcuts(window) -> QDialog:
    return _show(window, "shortcuts_dialog", "Keyboard shortcuts", shortcuts_html())


def show_explanations(window) -> QDialog:
    return _show(window, "explanations_dialog", "What am I looking at?",
                 explanations_html(window))


def _show(window, name: str, title: str, html: str) -> QDialog:
    dialog = window.findChild(QDialog, name)
    if dialog is None:
        dialog = QDialog(window)
        dialog.setObjectName(name)
        dialog.setWindowTitle(title)
        dialog.setModal(False)
        label = QLabel()
        label.setObjectName(f"{name}_text")
        label.setWordWrap(True)
        label.setMinimumWidth(620)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.close)
        layout = QVBoxLayout(dialog)
        layout.addWidget(label)
        layout.addWidget(buttons)
    label = dialog.findChild(QLabel, f"{name}_text")
    label.setText(html)
    dialog.show()
    return dialog
