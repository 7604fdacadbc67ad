"""The controls, generated from the config table ``FIELDS``: one widget per
setting, named, labelled and explained by the table, writing into one ``Config``.

A widget never holds a value of its own: every change goes through
``Config.with_values`` (so it is checked exactly as ``--set`` is), and the panel
then shows the config back."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import qthrottled

from ..config import FIELDS, Config, Field

# Widget names the outside world relies on (tests, automation) where they differ
# from the setting's name.
OBJECT_NAMES = {"l2": "l2_lambda", "l1": "l1_lambda"}
GROUP_TITLES = {"regularization": "Regularization", "training": "Training",
                "network": "Network", "data": "Data"}
GROUP_ORDER = ("regularization", "training", "network", "data")
SLIDER_STEPS = 1000
LOG_DECADES = {"l2": (-4.0, 2.0), "l1": (-5.0, 1.0), "learning_rate": (-4.0, 2.0)}


class FieldControl(QWidget):
    """One setting's widget(s); emits ``edited(name, value)`` with raw input."""

    edited = Signal(str, object)

    def __init__(self, field: Field, parent=None):
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"{field.name}_control")
        tip = f"{field.help}\nAllowed: {field.allowed()}."
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slider = None
        self.editor = None
        name = OBJECT_NAMES.get(field.name, field.name)
        if field.kind == "choice":
            self.editor = QComboBox()
            self.editor.addItems(list(field.choices))
            self.editor.currentTextChanged.connect(lambda v: self.edited.emit(field.name, v))
        elif field.kind == "bool":
            self.editor = QCheckBox()
            self.editor.toggled.connect(lambda v: self.edited.emit(field.name, v))
        elif field.kind == "int" and field.maximum is not None and field.maximum <= 100000:
            self.editor = QSpinBox()
            self.editor.setRange(int(field.minimum or 0), int(field.maximum))
            self.editor.setKeyboardTracking(False)
            self.editor.valueChanged.connect(lambda v: self.edited.emit(field.name, v))
        elif field.kind == "float" and field.maximum is not None:
            self.slider = QSlider(Qt.Orientation.Horizontal)
            self.slider.setRange(0, SLIDER_STEPS)
            self.slider.setObjectName(f"{name}_slider")
            self.slider.setToolTip(tip)
            self.slider.valueChanged.connect(self._slider_moved)
            layout.addWidget(self.slider, 3)
            self.editor = QLineEdit()
            self.editor.setMaximumWidth(90)
            self.editor.editingFinished.connect(self._text_entered)
        else:
            self.editor = QLineEdit()
            self.editor.editingFinished.connect(self._text_entered)
        self.editor.setObjectName(name)
        self.editor.setToolTip(tip)
        layout.addWidget(self.editor, 1)
        self.setToolTip(tip)
        self._showing = False

    # -- value <-> widget -------------------------------------------------------
    def show_value(self, value) -> None:
        self._showing = True
        try:
            f = self.field
            if isinstance(self.editor, QComboBox):
                self.editor.setCurrentText(str(value))
            elif isinstance(self.editor, QCheckBox):
                self.editor.setChecked(bool(value))
            elif isinstance(self.editor, QSpinBox):
                self.editor.setValue(int(value))
            else:
                text = ",".join(map(str, value)) if isinstance(value, tuple) else (
                    f"{value:g}" if isinstance(value, float) else str(value))
                if self.editor.text() != text:
                    self.editor.setText(text)
            if self.slider is not None:
                self.slider.setValue(self.slider_position(float(value)))
            self.editor.setStyleSheet("")
            del f
        finally:
            self._showing = False

    def slider_position(self, value: float) -> int:
        f = self.field
        if f.name in LOG_DECADES:
            lo, hi = LOG_DECADES[f.name]
            if value <= 0:
                return 0
            t = (math.log10(value) - lo) / (hi - lo)
            return int(round(1 + t * (SLIDER_STEPS - 1))) if t >= 0 else 1
        return int(round((value - f.minimum) / (f.maximum - f.minimum) * SLIDER_STEPS))

    def slider_value(self, position: int) -> float:
        f = self.field
        if f.name in LOG_DECADES:
            lo, hi = LOG_DECADES[f.name]
            if position == 0:
                return 0.0 if not f.exclusive_minimum else 10 ** lo
            value = 10 ** (lo + (position - 1) / (SLIDER_STEPS - 1) * (hi - lo))
            return float(f"{value:.3g}")  # round numbers read better on a projector
        value = f.minimum + position / SLIDER_STEPS * (f.maximum - f.minimum)
        return float(f"{value:.3g}")

    @Slot(int)
    def _slider_moved(self, position: int) -> None:
        if self._showing:
            return
        value = self.slider_value(position)
        self.editor.setText(f"{value:g}")
        self.edited.emit(self.field.name, value)

    @Slot()
    def _text_entered(self) -> None:
        if not self._showing:
            self.edited.emit(self.field.name, self.editor.text())

    def show_error(self, message: str) -> None:
        self.editor.setStyleSheet("background: #ffd6d6;")
        self.editor.setToolTip(message)


class ControlPanel(QWidget):
    """Every setting of ``FIELDS`` in groups; holds the current ``Config``."""

    config_changed = Signal(object)

    def __init__(self, config: Config, parent=None):
        super().__init__(parent)
        self.setObjectName("control_panel")
        self.config = config
        self.controls: dict[str, FieldControl] = {}
        self.message = QLabel()
        self.message.setObjectName("control_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        for group in GROUP_ORDER:
            box = QGroupBox(GROUP_TITLES[group])
            box.setObjectName(f"{group}_group")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setContentsMargins(6, 4, 6, 4)
            form.setVerticalSpacing(3)
            for f in FIELDS:
                if f.group != group:
                    continue
                control = FieldControl(f)
                control.edited.connect(self._edited)
                label = QLabel(f.label)
                label.setToolTip(control.toolTip())
                form.addRow(label, control)
                self.controls[f.name] = control
            layout.addWidget(box)
        layout.addStretch(1)
        self._pending: dict[str, object] = {}
        self.show_config(config)

    def widget(self, name: str):
        """The editing widget of setting ``name``."""
        return self.controls[name].editor

    def show_config(self, config: Config) -> None:
        self.config = config
        for name, control in self.controls.items():
            control.show_value(getattr(config, name))

    def set_config(self, config: Config) -> None:
        """Replace the whole config (a preset, a loaded session) and announce it."""
        self.message.hide()
        self.show_config(config)
        self.config_changed.emit(config)

    @Slot(str, object)
    def _edited(self, name: str, value) -> None:
        try:
            new = self.config.with_values(**{name: value})
        except ValueError as exc:
            self.message.setText(str(exc))
            self.message.show()
            self.controls[name].show_error(str(exc))
            return
        self.message.hide()
        self.controls[name].editor.setStyleSheet("")
        if new == self.config:
            return
        self.config = new
        if self.controls[name].slider is not None and not self.controls[name]._showing:
            self._emit_throttled()
        else:
            self.config_changed.emit(new)

    @qthrottled(timeout=60)
    def _emit_throttled(self) -> None:
        # A slider drag sends at most ~16 updates a second; the last value always
        # arrives (throttle with a trailing call).
        self.config_changed.emit(self.config)
