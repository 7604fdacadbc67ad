"""The controls a lesson needs during a demo, in a bar over the views: for a small
screen or presentation mode, where the full control panel would take the views'
room (it is then a drawer, one key away).

The bar holds no controls of its own: it borrows the window's Play/Step/Reset,
step counter and preset chooser, and the control panel's rows of the settings in
``BAR_FIELDS`` (one widget per setting wherever it is shown, so its value, its
checks and its state cannot disagree with the panel's). Items wrap onto a second
line when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget
from superqt import QFlowLayout

from ...config import FIELDS_BY_NAME
from ..language import translate
from .control_panel import ControlPanel

# The settings a teacher changes in front of the class, in the bar's order. A new
# one (a Field in config.FIELDS) is one more name here.
BAR_FIELDS = ("speed", "l2", "l1", "keep_prob")


class CompactBar(QFrame):
    """``CompactBar(panel)``; ``lend(header)`` fills it, ``give_back()`` empties it."""

    message_changed = Signal(str)  # a bar setting refused a value ("" when none is)

    def __init__(self, panel: ControlPanel, fields: tuple[str, ...] = BAR_FIELDS,
                 parent=None):
        super().__init__(parent)
        unknown = [name for name in fields if name not in FIELDS_BY_NAME]
        if unknown:
            raise ValueError(f"CompactBar: no setting named {', '.join(unknown)}")
        self.setObjectName("compact_bar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.panel = panel
        self.fields = tuple(fields)
        self.flow = QFlowLayout(self)
        self.flow.setContentsMargins(8, 4, 8, 4)
        self.flow.setHorizontalSpacing(14)
        self.flow.setVerticalSpacing(4)
        self.settings_button = QPushButton(translate("CompactBar", "☰ All settings"))
        self.settings_button.setObjectName("all_settings")
        self.settings_button.setCheckable(True)
        self.settings_button.setToolTip(translate("CompactBar", "Show or hide every setting (C)"))
        # One holder per setting: its label and control sit side by side when lent.
        self.field_items: dict[str, QWidget] = {}
        for name in self.fields:
            item = QWidget()
            item.setObjectName(f"bar_{name}")
            row = QHBoxLayout(item)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(6)
            self.field_items[name] = item
            panel.controls[name].message_changed.connect(self._on_message)
        self.header: list[QWidget] = []

    def lend(self, header: list[QWidget]) -> None:
        """Show ``header`` (the window's buttons, counter, preset) and the panel's
        rows of ``fields`` in the bar."""
        self.header = list(header)
        for widget in self.header:
            self.flow.addWidget(widget)
            widget.show()
        for name in self.fields:
            label, control = self.panel.take_row(name)
            item = self.field_items[name]
            item.layout().addWidget(label)
            item.layout().addWidget(control)
            label.show()
            control.show()
            self.flow.addWidget(item)
            item.show()
        self.flow.addWidget(self.settings_button)
        self.settings_button.show()
        self.updateGeometry()

    def give_back(self) -> list[QWidget]:
        """Return the settings' rows to the panel and empty the bar; the header
        widgets lent to it (to be put back by the caller)."""
        while self.flow.count():
            self.flow.takeAt(0)
        for name in self.fields:
            self.field_items[name].hide()  # stays the bar's child, empty, out of the flow
            self.panel.return_row(name)
        self.settings_button.hide()
        header, self.header = self.header, []
        return header

    def message(self) -> str:
        """The first message of a bar setting that refused a value ("" if none)."""
        return next((self.panel.controls[n].message for n in self.fields
                     if self.panel.controls[n].message), "")

    @Slot(str)
    def _on_message(self, _text: str) -> None:
        if self.header:  # only while the bar shows the settings
            self.message_changed.emit(self.message())
