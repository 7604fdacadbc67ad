"""Help → Keyboard shortcuts (generated from the table that registers them) and
Help → What am I looking at? (each view's own ``EXPLANATION``). Both dialogs are
non-modal: the class keeps watching the training while one is open."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate
from .shortcuts import SHORTCUTS, keys_text

VIEW_TITLES = {
    "decision_boundary_view": QT_TRANSLATE_NOOP("Help", "Decision boundary"),
    "network_diagram_view": QT_TRANSLATE_NOOP("Help", "Network diagram"),
    "cost_view": QT_TRANSLATE_NOOP("Help", "Cost"),
    "accuracy_view": QT_TRANSLATE_NOOP("Help", "Accuracy"),
    "weight_norms_view": QT_TRANSLATE_NOOP("Help", "Weight norms"),
    "weight_histogram_view": QT_TRANSLATE_NOOP("Help", "Weight histograms"),
    "constraint_view": QT_TRANSLATE_NOOP("Help", "Constraint picture"),
}
LOSS_INTRO = QT_TRANSLATE_NOOP(
    "Help", "The network changes its weights to make the <b>total loss</b> smaller: the "
    "<b>data loss</b> (how wrong it is on the training points) plus the <b>penalty</b> that "
    "L1 and L2 add for large weights. Dropout adds no term; it switches random units off in "
    "each step.")
SHORTCUTS_TITLE = QT_TRANSLATE_NOOP("Help", "Keyboard shortcuts")
EXPLANATIONS_TITLE = QT_TRANSLATE_NOOP("Help", "What am I looking at?")


def view_title(view_name: str) -> str:
    """A view's name for the help and the export menu, in the interface's language."""
    title = VIEW_TITLES.get(view_name)
    return translate("Help", title) if title else view_name


def install_help(window) -> None:
    menu = window.menus["help"]
    for name, text, slot in (
            ("keyboard_shortcuts", translate("Help", "&Keyboard shortcuts"),
             lambda: show_shortcuts(window)),
            ("what_am_i_looking_at", translate("Help", "&What am I looking at?"),
             lambda: show_explanations(window))):
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td style='padding:3px 18px 3px 0'><b>{escape(keys_text(s))}</b></td>"
                   f"<td style='padding:3px 0'>{escape(translate('Shortcuts', s.description))}"
                   "</td></tr>" for s in SHORTCUTS)
    return (f"<table>{rows}</table><p>" + translate(
        "Help", "Letter and number keys do nothing while you type in a text field.") + "</p>")


def explanations_html(window) -> str:
    parts = [f"<p>{translate('Help', LOSS_INTRO)}</p>"]
    for view in window.views:
        title = view_title(view.objectName())
        parts.append(f"<h3>{escape(title)}</h3>"
                     f"<p>{escape(translate('Views', view.EXPLANATION))}</p>")
    parts.append("<p>" + translate("Help", "Hover over any control to see what it does to the "
                                   "loss.") + "</p>")
    return "".join(parts)


def show_shortcuts(window) -> QDialog:
    return _show(window, "shortcuts_dialog", translate("Help", SHORTCUTS_TITLE),
                 shortcuts_html())


def show_explanations(window) -> QDialog:
    return _show(window, "explanations_dialog", translate("Help", EXPLANATIONS_TITLE),
                 explanations_html(window))


def retranslate_help(window) -> None:
    """The help dialogs already made, in the current language (open or not)."""
    for name, title, html in (("shortcuts_dialog", SHORTCUTS_TITLE, shortcuts_html),
                              ("explanations_dialog", EXPLANATIONS_TITLE,
                               lambda: explanations_html(window))):
        dialog = window.findChild(QDialog, name)
        if dialog is not None:
            dialog.setWindowTitle(translate("Help", title))
            dialog.findChild(QLabel, f"{name}_text").setText(html())


def _show(window, name: str, title: str, html: str) -> QDialog:
    dialog = window.findChild(QDialog, name)
    if dialog is None:
        dialog = QDialog(window)
        dialog.setObjectName(name)
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
    dialog.setWindowTitle(title)
    label.setText(html)
    dialog.show()
    return dialog
