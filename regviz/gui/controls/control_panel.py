"""The controls, generated from the config table ``FIELDS``: one widget per
setting, named, labelled and explained by the table, writing into one ``Config``.

A widget never holds a value of its own: every change goes through
``Config.with_values`` (so it is checked exactly as ``--set`` is), and the panel
then shows the config back. A refused value leaves the config as it was and says
why right under the control."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from superqt.utils import qthrottled

from ...config import FIELDS, Config, Field
from ...experiment import inapplicable_settings
from ...formula import formula_text
from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate

# The objectName of a setting's widget is the setting's name, except these, whose
# names tests and automation scripts already rely on.
OBJECT_NAMES = {"l2": "l2_lambda", "l1": "l1_lambda"}
GROUP_TITLES = {"playback": QT_TRANSLATE_NOOP("ControlPanel", "Playback"),
                "regularization": QT_TRANSLATE_NOOP("ControlPanel", "Regularization"),
                "training": QT_TRANSLATE_NOOP("ControlPanel", "Training"),
                "network": QT_TRANSLATE_NOOP("ControlPanel", "Network"),
                "data": QT_TRANSLATE_NOOP("ControlPanel", "Data")}
# The lesson's controls first: how fast to show it, then λ and keep_prob; not the seed.
GROUP_ORDER = ("playback", "regularization", "training", "network", "data")
# What a spin box shows at its minimum, where that minimum means something special.
SPECIAL_VALUE_TEXT = {"batch_size": QT_TRANSLATE_NOOP("ControlPanel", "full batch")}
SLIDER_STEPS = 1000
LOG_SLIDER_DECADES = 6  # a log slider spans max/10⁶ … max, plus 0 at its left end
# (or from the field's slider_minimum; a field with an ``unlimited`` word has its
# 0 — no limit — at the right end instead)
DRAG_UPDATE_MS = 60  # a slider drag sends at most ~16 configs a second
ERROR_STYLE = "background: #ffd6d6;"
NEW_POINTS_TIP = QT_TRANSLATE_NOOP(
    "ControlPanel", "Draw a fresh set of points (the next data seed); training restarts.")
LOCKED_TIP = QT_TRANSLATE_NOOP(
    "ControlPanel", "Locked by this lesson scene: it keeps the value the scene set. "
    "Leave the lesson (Teach → Lessons) to change it.")


def editor_name(field_name: str) -> str:
    """The objectName of the widget editing setting ``field_name``."""
    return OBJECT_NAMES.get(field_name, field_name)


def tooltip(field: Field) -> str:
    return translate("ControlPanel", "{help}\nAllowed: {allowed}.").format(
        help=translate("Field", field.help), allowed=field.allowed(field_text))


def field_text(text: str) -> str:
    """A text of the config table (a label, a help line) in the interface's language."""
    return translate("Field", text)


def translate_formula(text: str) -> str:
    return translate("Formula", text)


def translate_experiment(text: str) -> str:
    return translate("Experiment", text)


def format_value(value, field: Field | None = None) -> str:
    """A value as its text box shows it (``field``'s word for 0 where it has one)."""
    if field is not None and field.unlimited and value == 0:
        return field.unlimited
    if isinstance(value, tuple):
        return ",".join(map(str, value))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class SliderScale:
    """Slider positions 0…SLIDER_STEPS ↔ values of a float setting: linear, or
    logarithmic over LOG_SLIDER_DECADES with position 0 meaning 0 (or the smallest
    value, where 0 is not allowed)."""

    def __init__(self, field: Field):
        self.field = field
        self.log = field.log
        # Where the special value 0 sits: position 0 (λ = 0), or past the maximum
        # (speed: "max", no limit, at the fast end).
        self.zero = SLIDER_STEPS if field.unlimited else 0
        if self.log:
            self.hi = math.log10(field.maximum)
            self.lo = (math.log10(field.slider_minimum) if field.slider_minimum
                       else self.hi - LOG_SLIDER_DECADES)

    def _log_fraction(self, position: int) -> float:
        """0 … 1 over the positions that are not the special value."""
        first = 0 if self.zero else 1
        return (position - first) / (SLIDER_STEPS - 1)

    def position(self, value: float) -> int:
        f = self.field
        if self.log:
            if value <= 0:
                return self.zero
            t = (math.log10(value) - self.lo) / (self.hi - self.lo)
            first = 0 if self.zero else 1
            return int(round(first + min(1.0, max(0.0, t)) * (SLIDER_STEPS - 1)))
        t = (value - f.minimum) / (f.maximum - f.minimum)
        return int(round(min(1.0, max(0.0, t)) * SLIDER_STEPS))

    def value(self, position: int) -> float:
        f = self.field
        if self.log:
            if position == self.zero:
                return 10.0 ** self.lo if f.exclusive_minimum else 0.0
            t = self._log_fraction(position)
            value = 10 ** (self.lo + t * (self.hi - self.lo))
        else:
            value = f.minimum + position / SLIDER_STEPS * (f.maximum - f.minimum)
        # Two significant digits: 0.7 and 0.86 read better on a projector than
        # 0.6982 and 0.8614, and the slider cannot be placed more finely anyway.
        return float(f"{value:.2g}")


class FieldControl(QWidget):
    """One setting's widget(s) and its inline error line; emits
    ``edited(name, raw value)`` for the panel to check."""

    edited = Signal(str, object)
    message_changed = Signal(str)  # the refusal message, "" once a value is accepted
    released = Signal(str)  # the slider of this setting was let go after a drag

    def __init__(self, field: Field, parent=None):
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"{field.name}_control")
        self.compact = False  # shown in the compact bar (see fit_editor)
        self.slider: QSlider | None = None
        self.scale: SliderScale | None = None
        self.browse_button: QPushButton | None = None
        self._showing = False  # True while the panel writes a value in
        tip = tooltip(field)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        if field.kind == "choice":
            self.editor = QComboBox()
            self.editor.addItems(list(field.choices))
            self.editor.currentTextChanged.connect(self._changed)
        elif field.kind == "bool":
            self.editor = QCheckBox()
            self.editor.toggled.connect(self._changed)
        elif field.kind == "int":
            self.editor = QSpinBox()
            self.editor.setRange(int(field.minimum or 0), int(min(field.maximum, 2**31 - 1)))
            if field.name in SPECIAL_VALUE_TEXT:
                self.editor.setSpecialValueText(
                    translate("ControlPanel", SPECIAL_VALUE_TEXT[field.name]))
            # Typing "400" must not send 4 and 40 on the way (each would reset).
            self.editor.setKeyboardTracking(False)
            self.editor.valueChanged.connect(self._changed)
        elif field.kind == "float":
            self.scale = SliderScale(field)
            self.slider = QSlider(Qt.Orientation.Horizontal)
            self.slider.setRange(0, SLIDER_STEPS)
            self.slider.setPageStep(SLIDER_STEPS // 20)
            self.slider.setObjectName(f"{editor_name(field.name)}_slider")
            self.slider.setToolTip(tip + self._slider_note())
            self.slider.valueChanged.connect(self._slider_moved)
            self.slider.sliderReleased.connect(lambda: self.released.emit(field.name))
            row.addWidget(self.slider, 1)
            self.editor = QLineEdit()
            self.editor.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.editor.editingFinished.connect(self._text_entered)
        else:  # int_list, path
            self.editor = QLineEdit()
            if field.kind == "int_list":
                self.editor.setPlaceholderText(translate("ControlPanel", "e.g. 20,3")
                                               if field.name == "hidden"
                                               else translate("ControlPanel", "all"))
            else:
                self.editor.setPlaceholderText(translate("ControlPanel", "generated"))
                self.editor.setClearButtonEnabled(True)
            self.editor.editingFinished.connect(self._text_entered)
        self.editor.setObjectName(editor_name(field.name))
        self.editor.setToolTip(tip)
        if isinstance(self.editor, QLineEdit | QSpinBox):
            self.editor.installEventFilter(self)
        row.addWidget(self.editor, 0 if self.slider is not None else 1)
        if field.kind == "path":
            self.browse_button = QPushButton(translate("ControlPanel", "Browse…"))
            self.browse_button.setObjectName(f"{field.name}_browse")
            self.browse_button.setToolTip(translate(
                "ControlPanel", "Choose a CSV (x1, x2, label), NPZ or .mat file"))
            self.browse_button.clicked.connect(self._browse)
            row.addWidget(self.browse_button)
        # The message goes where the control's owner puts it: a whole-width row under
        # the control in the panel (squeezed into the field column, a message wrapped
        # to five lines and lost its first and last), the window's banner in the bar.
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{field.name}_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.hide()
        self.errors_inline = True  # False: only message_changed tells (compact bar)
        self._message = ""
        self.setLayout(row)
        self.setToolTip(tip)
        self.fit_editor()

    def retranslate(self) -> None:
        """The tooltips (with their slider notes) in the current language."""
        if self.slider is not None:
            self.slider.setToolTip(tooltip(self.field) + self._slider_note())

    def fit_editor(self) -> None:
        """Size the number field for its current font (presentation mode makes it
        1.6× larger: a width fixed for the small font cut "0.00005" short).

        In the compact bar (``compact``) field and slider are narrower: four settings
        and the transport share two lines of a 1280-pixel screen in presentation
        mode's type, and the values a demo types there are short."""
        if self.slider is not None:
            metrics = self.editor.fontMetrics()
            widest = "0.00005" if self.compact else "0.000005"
            self.editor.setFixedWidth(metrics.horizontalAdvance(widest) + 16)
            self.slider.setMinimumWidth(metrics.averageCharWidth() * (5 if self.compact else 8))
            self.slider.setMaximumWidth(metrics.averageCharWidth() * 5 if self.compact
                                        else 16_777_215)

    def _slider_note(self) -> str:
        f = self.field
        if f.unlimited:
            return translate("ControlPanel", " Log scale; the far right is {word} (no limit)."
                             ).format(word=f.unlimited)
        if f.log and not f.exclusive_minimum:
            return translate("ControlPanel", " Log scale; the far left is 0.")
        return ""

    # -- value ↔ widget -------------------------------------------------------------------
    def show_value(self, value) -> None:
        """Show ``value`` without announcing it as an edit."""
        self._showing = True
        try:
            if isinstance(self.editor, QComboBox):
                self.editor.setCurrentText(str(value))
            elif isinstance(self.editor, QCheckBox):
                self.editor.setChecked(bool(value))
            elif isinstance(self.editor, QSpinBox):
                self.editor.setValue(int(value))
            elif self.editor.text() != format_value(value, self.field):
                self.editor.setText(format_value(value, self.field))
            # Never move a slider under the teacher's hand: rounding would make it jump.
            if self.slider is not None and not self.slider.isSliderDown():
                self.slider.setValue(self.scale.position(float(value)))
        finally:
            self._showing = False
        self.clear_error()

    def set_applicable(self, reason: str) -> None:
        """Disable the control when the setting changes nothing here (``reason``
        says why, in its tooltip); "" enables it."""
        self.setEnabled(not reason)
        tip = f"{reason}\n\n{tooltip(self.field)}" if reason else tooltip(self.field)
        for widget in (self, self.editor, self.slider, self.browse_button):
            if widget is not None:
                widget.setToolTip(tip)

    def show_error(self, message: str) -> None:
        self.editor.setStyleSheet(ERROR_STYLE)
        self.error_label.setText(message)
        self.error_label.setVisible(self.errors_inline)
        if message != self._message:
            self._message = message
            self.message_changed.emit(message)

    def clear_error(self) -> None:
        if self._message or self.editor.styleSheet():
            self.editor.setStyleSheet("")
            self.error_label.hide()
            self._message = ""
            self.message_changed.emit("")

    def set_errors_inline(self, inline: bool) -> None:
        """Show messages in ``error_label`` (the panel) or only announce them."""
        self.errors_inline = inline
        self.error_label.setVisible(inline and bool(self._message))

    @property
    def message(self) -> str:
        """The message about the last refused value ("" if none)."""
        return self._message

    @property
    def has_error(self) -> bool:
        return bool(self._message)

    @property
    def dragging(self) -> bool:
        return self.slider is not None and self.slider.isSliderDown()

    # -- user input -----------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if (watched is self.editor and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            # After the editor has taken the value (this same key press applies it).
            QTimer.singleShot(0, self._hand_back_keys)
        return False

    @Slot()
    def _hand_back_keys(self) -> None:
        """Enter applied the value: the keys belong to the window again (Space, R and
        the digits are text while a field has the focus). A refused value keeps
        the focus, so it can be corrected."""
        if not self.has_error and self.editor.hasFocus():
            self.editor.clearFocus()

    @Slot(object)
    def _changed(self, value) -> None:
        if not self._showing:
            self.edited.emit(self.field.name, value)

    @Slot(int)
    def _slider_moved(self, position: int) -> None:
        if self._showing:
            return
        value = self.scale.value(position)
        self.editor.setText(format_value(value, self.field))
        self.edited.emit(self.field.name, value)

    @Slot()
    def _text_entered(self) -> None:
        if not self._showing:
            self.edited.emit(self.field.name, self.editor.text().strip())

    @Slot()
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("ControlPanel", "Train on points from a file"), self.editor.text(),
            translate("ControlPanel", "Points (*.csv *.npz *.mat);;All files (*)"))
        if path:
            self.editor.setText(path)
            self.edited.emit(self.field.name, path)


class ControlPanel(QWidget):
    """Every setting of ``FIELDS`` in titled groups; holds the current ``Config``
    and emits ``config_changed`` with each accepted change."""

    config_changed = Signal(object)
    # A value on the way during a slider drag: training follows it, and the drag's
    # release sends config_changed with the final value (one change marker a drag).
    config_previewed = Signal(object)

    def __init__(self, config: Config, parent=None):
        super().__init__(parent)
        self.setObjectName("control_panel")
        self.config = config
        self.controls: dict[str, FieldControl] = {}
        self.labels: dict[str, QLabel] = {}
        self._forms: dict[str, QFormLayout] = {}
        self.lent: set[str] = set()  # fields whose row is shown elsewhere (take_row)
        self.locked: frozenset[str] = frozenset()  # by a lesson scene (set_locked)
        self._training_points: int | None = None  # as trained on; None: as configured
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for group in GROUP_ORDER:
            box = QGroupBox(translate("ControlPanel", GROUP_TITLES[group]))
            box.setObjectName(f"{group}_group")
            box.setStyleSheet("QGroupBox { font-weight: bold; }"
                              "QGroupBox * { font-weight: normal; }")
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            form.setContentsMargins(8, 6, 8, 6)
            form.setVerticalSpacing(4)
            for f in FIELDS:
                if f.group == group:
                    control = FieldControl(f)
                    control.edited.connect(self._edited)
                    control.released.connect(self._drag_finished)
                    label = QLabel(field_text(f.label))
                    label.setObjectName(f"{f.name}_label")
                    label.setToolTip(tooltip(f))
                    label.setBuddy(control.editor)
                    form.addRow(label, control)
                    form.addRow(control.error_label)  # the whole width, under the row
                    self.controls[f.name] = control
                    self.labels[f.name] = label
                    self._forms[f.name] = form
            if group == "data":
                self.regenerate_button = QPushButton(translate("ControlPanel", "New points"))
                self.regenerate_button.setObjectName("regenerate")
                self.regenerate_button.setToolTip(translate("ControlPanel", NEW_POINTS_TIP))
                self.regenerate_button.clicked.connect(self.regenerate)
                form.addRow("", self.regenerate_button)
            layout.addWidget(box)
            if group == "regularization":
                layout.addWidget(self._build_formula_label())
        layout.addStretch(1)
        self.refit()
        self.show_config(config)

    def refit(self) -> None:
        """Size the label column and the number fields for the current fonts (after
        presentation mode changed them): one label width for every group, so the
        controls line up, and no label or number cut short."""
        labels = [self.labels[name] for name in self.labels if name not in self.lent]
        for label in labels:  # a label's size hint includes the minimum set last time
            label.setMinimumWidth(0)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        for control in self.controls.values():
            control.fit_editor()
        for box in self.findChildren(QComboBox):
            # A combo box keeps the minimum size it had for a larger font (presentation
            # mode's stayed after leaving it); only a style change makes it forget.
            sheet = box.styleSheet()
            box.setStyleSheet(sheet + " ")
            box.setStyleSheet(sheet)

    # -- lending rows to the compact bar ---------------------------------------------------
    def take_row(self, name: str) -> tuple[QLabel, FieldControl]:
        """Take setting ``name``'s label and control out of the panel, to be shown
        elsewhere (the compact bar); its messages are then only announced
        (``message_changed``). ``return_row`` puts them back."""
        if name in self.lent:
            return self.labels[name], self.controls[name]
        form, label, control = self._forms[name], self.labels[name], self.controls[name]
        row, _ = form.getWidgetPosition(control)
        form.takeRow(row)
        label.setMinimumWidth(0)
        control.set_errors_inline(False)
        control.compact = True
        control.fit_editor()
        self.lent.add(name)
        return label, control

    def return_row(self, name: str) -> None:
        """Put setting ``name``'s row back in its place in the panel."""
        if name not in self.lent:
            return
        form, label, control = self._forms[name], self.labels[name], self.controls[name]
        row, _ = form.getWidgetPosition(control.error_label)
        form.insertRow(row, label, control)
        control.set_errors_inline(True)
        control.compact = False
        self.lent.discard(name)
        self.refit()

    def _build_formula_label(self) -> QLabel:
        """The objective exactly as configured, right under the controls that set
        it: the class sees what dragging λ changes in the maths. (In the panel's
        column, not the group's form: a form row cut the wrapped text short.)"""
        self.formula_label = QLabel()
        self.formula_label.setObjectName("formula")
        self.formula_label.setWordWrap(True)
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula_label.setStyleSheet(
            # No font size here: a style-sheet size would not follow presentation mode.
            "padding: 4px 6px; background: rgba(127, 127, 127, 30);"
            "border-radius: 4px;")
        self.formula_label.setToolTip(translate(
            "ControlPanel", "What training minimises right now: the data loss plus the "
            "penalty as configured, the term the penalty adds to each gradient, and dropout."))
        return self.formula_label

    def widget(self, name: str) -> QWidget:
        """The editing widget of setting ``name``."""
        return self.controls[name].editor

    def message_for(self, name: str) -> str:
        """The inline error shown under setting ``name`` ("" if none)."""
        control = self.controls[name]
        return control.error_label.text() if control.has_error else ""

    def show_config(self, config: Config) -> None:
        """Show ``config`` in every control without announcing it."""
        self.config = config
        for name, control in self.controls.items():
            control.show_value(getattr(config, name))
        self._show_formula()
        self._show_applicable()

    def set_locked(self, names) -> None:
        """Lock the controls of ``names`` (a lesson scene keeps them as it set them);
        an empty collection unlocks every control."""
        self.locked = frozenset(names)
        self._show_applicable()

    def _show_applicable(self) -> None:
        """Controls whose setting changes nothing for these points are disabled,
        their tooltips saying why (Classes for a two-class dataset, the generator's
        settings while the points come from a file), and so are the controls a
        lesson scene locks."""
        why = inapplicable_settings(self.config, translate_experiment)
        for name in self.locked:
            why.setdefault(name, translate("ControlPanel", LOCKED_TIP))
        for name, control in self.controls.items():
            control.set_applicable(why.get(name, ""))
            label = self.labels[name]  # in the compact bar while lent to it
            label.setEnabled(name not in why)
            label.setToolTip(control.toolTip())
        from_file = why.get("dataset", "")
        self.regenerate_button.setEnabled(not from_file)
        self.regenerate_button.setToolTip(from_file or translate("ControlPanel", NEW_POINTS_TIP))

    def retranslate(self) -> None:
        """The texts made from the config (tooltips, the formula, why a control is
        off) in the current language; the static ones are ``retranslate_texts``'."""
        for control in self.controls.values():
            control.retranslate()
        self.show_config(self.config)
        self.refit()

    def formula_text(self) -> str:
        """The objective shown under the regularization controls."""
        return self.formula_label.text()

    def show_training_points(self, n: int) -> None:
        """The number of points training runs on, the course form's m: a data file's
        or edited points' count, which the config alone does not know."""
        if n != self._training_points:
            self._training_points = n
            self._show_formula()

    def _show_formula(self) -> None:
        text = formula_text(self.config, self._training_points, translate_formula)
        if text != self.formula_label.text():
            self.formula_label.setText(text)

    def set_config(self, config: Config) -> None:
        """Replace the whole config (a preset, a loaded session) and announce it."""
        self.show_config(config)
        self.config_changed.emit(config)

    def set_value(self, name: str, value) -> bool:
        """Change one setting as if typed (scripts, tests); False if refused."""
        self._edited(name, value)
        return not self.controls[name].has_error

    @Slot()
    def regenerate(self) -> None:
        self.set_value("data_seed", (self.config.data_seed + 1) % (2**31 - 1))

    @Slot(str, object)
    def _edited(self, name: str, value) -> None:
        control = self.controls[name]
        try:
            new = self.config.with_values(**{name: value})
            if name == "data_file" and new.data_file:
                _check_data_file(new)
        except ValueError as exc:
            control.show_error(str(exc))
            return
        if new == self.config:
            control.show_value(getattr(new, name))  # e.g. "0.50" typed → "0.5"
            return
        self.config = new
        self._show_formula()
        self._show_applicable()
        # Show the checked value back ("5e-1" reads "0.5"; scripted edits show too).
        control.show_value(getattr(new, name))
        if control.dragging:
            self._announce_throttled()
        else:
            # Typed, clicked or scripted: at once and in order (a late one could
            # land after a Reset the teacher pressed meanwhile).
            self.config_changed.emit(new)

    @qthrottled(timeout=DRAG_UPDATE_MS)
    def _announce_throttled(self) -> None:
        # Leading and trailing: the drag's first value arrives at once.
        self.config_previewed.emit(self.config)

    @Slot(str)
    def _drag_finished(self, name: str) -> None:
        """The drag is over: its final value, once, as a real change (a value still
        waiting in the throttle would arrive after it and reopen the drag)."""
        self._announce_throttled.cancel()
        self.config_changed.emit(self.config)


def _check_data_file(config: Config) -> None:
    """Refuse a data file that cannot be loaded before anything is reset, so the
    class keeps its running experiment (ValueError says what is wrong)."""
    from ...experiment import make_data

    try:
        make_data(config)
    except OSError as exc:
        raise ValueError(f"{config.data_file}: {exc.strerror or exc}") from None
