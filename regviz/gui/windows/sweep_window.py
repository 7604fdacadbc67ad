"""Teach → λ sweep…: the validation curve. Pick a setting and a log range, and
one model per value is trained (from the same initial weights, to the same step
count) in worker processes; the plot fills in as each finishes, then the best
value is marked.

The GUI thread never trains and never waits: ``regviz.sweep.Sweep`` runs the
models in spawned processes and a QTimer polls its futures. Cancel (and closing
the window) stops the processes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout

from ...config import FIELDS_BY_NAME, Config
from ...sweep import SWEEPABLE, Sweep, SweepResult, SweepSpec, reading
from ...translatable import QT_TRANSLATE_NOOP
from ..language import FollowsLanguage, fill, retranslate_texts, retranslated, translate
from ..theme import Theme
from ..views.sweep_plot import SweepPlot
from .screen_fit import size_to_screen

MIN_POINTS, MAX_POINTS = 8, 20
POLL_MS = 100
# On the default preset (overfit) this range and step count show the whole U:
# overfitting at λ=0, a dip, and underfitting at the top end.
DEFAULTS = {"l2": ("0.01", "30"), "l1": ("0.01", "30"), "keep_prob": ("0.3", "1"),
            "learning_rate": ("0.01", "3")}
DEFAULT_POINTS, DEFAULT_STEPS = 12, 15000
READING = ("Left of the best value the network overfits (train error well below test "
           "error); right of it, it underfits (both errors rise).")
LONGEST_STATUS = ("Done. Lowest test error 88.8% at Learning rate = 0.888. 20 models diverged "
                  "(their last finite weights are shown).\n" + READING)
DONE = QT_TRANSLATE_NOOP("Sweep", "Done. Lowest test error {error:.1f}% at {setting} = "
                         "{value:.3g}.{note}\n{reading}")
DIVERGED_NOTE = QT_TRANSLATE_NOOP("Sweep", " {count} models diverged (their last finite "
                                  "weights are shown).")
# What the base settings line names: what a teacher changes between lessons.
SUMMARY_FIELDS = ("l2", "l1", "keep_prob", "learning_rate", "optimizer", "hidden", "dataset",
                  "n_samples")


def settings_summary(config: Config, swept: str) -> str:
    """The settings every model of the sweep shares, in one line."""
    parts = [f"{translate('Field', FIELDS_BY_NAME[n].label)} {_value_text(getattr(config, n))}"
             for n in SUMMARY_FIELDS if n != swept
             and not (n in ("dataset", "n_samples") and config.data_file)]
    if config.data_file:
        parts.append(translate("Sweep", "points from {file}").format(
            file=config.data_file.rsplit("/", 1)[-1]))
    preset = (translate("Sweep", "preset {name}").format(name=config.preset) if config.preset
              else translate("Sweep", "custom settings"))
    return translate("Sweep", "Every model: {preset} — {settings}").format(
        preset=preset, settings=" · ".join(parts))


def _value_text(value) -> str:
    if isinstance(value, tuple):
        return ",".join(map(str, value))
    return f"{value:g}" if isinstance(value, float) else str(value)


class SweepWindow(FollowsLanguage, QWidget):
    """``SweepWindow(config)``: sweeps around ``config`` (every other setting, and
    the initial weights, stay as they are)."""

    finished = Signal(object)  # the SweepResult, or None when cancelled

    def __init__(self, config: Config, theme: Theme | None = None, parent=None,
                 workers: int | None = None, config_source=None):
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("sweep_window")
        self.config = config
        # The main window's current settings, read again at each start and whenever
        # this window is shown or activated (None: ``config`` stays).
        self.config_source = config_source
        self.theme = theme or Theme.light()
        self.workers = workers
        self.sweep: Sweep | None = None
        self.result: SweepResult | None = None
        self._running = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self._build()
        self.follow(config)
        size_to_screen(self, (1200, 800))

    # -- construction -------------------------------------------------------------------
    def _build(self) -> None:
        big = "font-size: 13pt;"
        self.setting = QComboBox()
        self.setting.setObjectName("sweep_setting")
        for name in SWEEPABLE:
            self.setting.addItem(translate("Field", FIELDS_BY_NAME[name].label), name)
        self.setting.setToolTip(translate("Sweep",
                                          "Which setting gets a different value in each model"))
        self.setting.currentIndexChanged.connect(self._on_setting_changed)
        self.low = QLineEdit()
        self.low.setObjectName("sweep_low")
        self.high = QLineEdit()
        self.high.setObjectName("sweep_high")
        for box, tip in ((self.low, translate(
                "Sweep", "The smallest value of the log grid (e.g. 0.01 or 1e-3); for L1 and L2 "
                "a model with λ = 0 is added")), (self.high, translate(
                "Sweep", "The largest value of the log grid (e.g. 0.01 or 1e-3); for L1 and L2 "
                "a model with λ = 0 is added"))):
            box.setToolTip(tip)
            box.setMaximumWidth(110)
        self.points = QSpinBox()
        self.points.setObjectName("sweep_points")
        self.points.setRange(MIN_POINTS, MAX_POINTS)
        self.points.setValue(DEFAULT_POINTS)
        self.points.setToolTip(fill(translate("Sweep", "How many values on the log grid "
                                         "({least}–{most})"), least=MIN_POINTS, most=MAX_POINTS))
        self.steps = QSpinBox()
        self.steps.setObjectName("sweep_steps")
        self.steps.setRange(100, 200_000)
        self.steps.setSingleStep(1000)
        self.steps.setGroupSeparatorShown(True)
        self.steps.setValue(DEFAULT_STEPS)
        self.steps.setToolTip(translate("Sweep", "Training steps of every model: long enough to "
                                        "overfit without a penalty"))
        self.points.valueChanged.connect(self._show_model_count)
        self.start_button = QPushButton(translate("Sweep", "▶  Run sweep"))
        self.start_button.setObjectName("sweep_start")
        self.start_button.setToolTip(translate("Sweep",
                                               "Train one model per value in parallel processes"))
        self.cancel_button = QPushButton(translate("Sweep", "Cancel"))
        self.cancel_button.setObjectName("sweep_cancel")
        self.cancel_button.setToolTip(translate(
            "Sweep", "Stop every model now; the points already trained stay"))
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        for b in (self.start_button, self.cancel_button):
            b.setMinimumHeight(38)
            b.setStyleSheet("font-size: 13pt; font-weight: bold;")
        # Label and field stay together; the pairs and buttons wrap onto a second
        # line in a narrow window instead of widening it past the screen.
        form_area = QWidget()
        form = QFlowLayout(form_area)
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(14)
        for text, widget in ((translate("Sweep", "Setting"), self.setting),
                             (translate("Sweep", "from"), self.low),
                             (translate("Sweep", "to"), self.high),
                             (translate("Sweep", "points"), self.points),
                             (translate("Sweep", "steps per model"), self.steps)):
            label = QLabel(text)
            label.setStyleSheet(big + "font-weight: bold;")
            widget.setStyleSheet(big)
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(label)
            pair_layout.addWidget(widget)
            form.addWidget(pair)
        buttons = QWidget()
        buttons_layout = QHBoxLayout(buttons)
        buttons_layout.setContentsMargins(0, 0, 0, 0)
        buttons_layout.addWidget(self.start_button)
        buttons_layout.addWidget(self.cancel_button)
        form.addWidget(buttons)

        self.base_settings = QLabel()
        self.base_settings.setObjectName("sweep_base_settings")
        self.base_settings.setWordWrap(True)
        self.base_settings.setStyleSheet("font-size: 12pt;")
        self.base_settings.setToolTip(translate(
            "Sweep", "The settings every model shares: the main window's when the sweep starts"))
        self.progress = QProgressBar()
        self.progress.setObjectName("sweep_progress")
        self.progress.setFormat(translate("Sweep", "%v of %m models trained"))
        self.progress.setMinimumHeight(28)
        self.progress.setStyleSheet(big)
        self.progress.setValue(0)
        self.status = QLabel()
        self._status_text = ""
        self.status.setObjectName("sweep_status")
        self.status.setStyleSheet(big)
        self.status.setWordWrap(True)
        # Room for the two-line result from the start: a word-wrapped label's height
        # is negotiated through height-for-width after the text changes, and the
        # plot under it jumped (or, laid out early, the message was cut in half).
        self.status.setMinimumHeight(round(2.4 * QFontMetricsF(self._status_font()).lineSpacing()))
        self._set_status(translate("Sweep", "Choose a range and press Run sweep."))
        self.plot = SweepPlot(self.theme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(form_area)
        layout.addWidget(self.base_settings)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.plot, 1)
        self._on_setting_changed()

    @Slot()
    def _on_setting_changed(self) -> None:
        low, high = DEFAULTS[self.setting.currentData()]
        self.low.setText(low)
        self.high.setText(high)
        self._show_model_count()
        self._show_base_settings()

    @Slot()
    def _show_model_count(self) -> None:
        """The progress bar counts the models the controls describe (it said "0 of
        100" before the first run)."""
        if self.running:
            return
        extra = 1 if self.setting.currentData() in ("l2", "l1") else 0  # the λ = 0 model
        self.progress.setRange(0, self.points.value() + extra)
        self.progress.setValue(0)

    def follow(self, config: Config) -> None:
        """Sweep around ``config`` from now on (a running sweep keeps its own)."""
        if self.running:
            return
        self.config = config
        self._set_title()
        self._show_base_settings()

    def _set_title(self) -> None:
        self.setWindowTitle(translate("Sweep", "regviz — λ sweep ({preset})").format(
            preset=self.config.preset or translate("MainWindow", "custom")))

    def _show_base_settings(self) -> None:
        if hasattr(self, "base_settings"):
            self.base_settings.setText(settings_summary(self.config,
                                                        self.setting.currentData()))

    def _follow_source(self) -> None:
        if self.config_source is not None:
            self.follow(self.config_source())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._follow_source()
        super().showEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self._follow_source()  # back from changing settings in the main window
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._reserve_status()

    def _reserve_status(self) -> None:
        """The status line's height for its longest message at this width (a
        narrow window wraps it onto more lines: reserved, never cut, no jump)."""
        width = max(1, self.width() - 24)
        metrics = QFontMetrics(self._status_font())
        rect = metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap,
                                    LONGEST_STATUS)
        self.status.setMinimumHeight(max(rect.height() + 12,
                                         round(2.4 * metrics.lineSpacing())))

    # -- running --------------------------------------------------------------------------
    def spec(self) -> SweepSpec:
        """The sweep the controls describe; ValueError says what to fix."""
        name = self.setting.currentData()
        label = translate("Field", FIELDS_BY_NAME[name].label)
        values = []
        for box, end in ((self.low, translate("Sweep", "from")),
                         (self.high, translate("Sweep", "to"))):
            try:
                values.append(float(box.text().strip()))
            except ValueError:
                raise ValueError(translate(
                    "Sweep", "'{end}' must be a number such as 0.01 or 1e-3, not {text}"
                ).format(end=end, text=repr(box.text().strip()))) from None
        low, high = values
        field = FIELDS_BY_NAME[name]
        lowest = field.minimum if name == "keep_prob" else 0.0
        if not (low > lowest and low < high and (field.maximum is None
                                                  or high <= field.maximum)):
            limit = "∞" if field.maximum is None else f"{field.maximum:g}"
            raise ValueError(translate(
                "Sweep", "{setting}: need {lowest:g} < from < to ≤ {limit} (got from {low:g}, "
                "to {high:g})").format(setting=label, lowest=lowest, limit=limit, low=low,
                                       high=high))
        return SweepSpec(name, low, high, self.points.value())

    @Slot()
    def start(self) -> bool:
        """Start the sweep the controls describe; False (and a message) if they are
        not valid or one is already running."""
        if self.running:
            return False
        self._follow_source()
        try:
            spec = self.spec()
        except ValueError as exc:
            self._set_status(str(exc), error=True)
            return False
        self.result = None
        sweep = Sweep(self.config, spec, self.steps.value(), workers=self.workers)
        try:
            sweep.start()
        except (ValueError, OSError) as exc:  # e.g. the data file has gone
            sweep.cancel()
            self._set_status(fill(translate("Sweep", "Cannot start the sweep: {error}"),
                                       error=str(exc)), error=True)
            return False
        self.sweep = sweep
        self.plot.set_grid(spec.name, spec.values(), self.steps.value())
        self.progress.setRange(0, sweep.total)
        self.progress.setValue(0)
        self._poll.start()
        self._set_running(True)
        self._set_status(fill(translate("Sweep", "Training {count} models in {workers} processes…"),
                                   count=sweep.total, workers=sweep.workers))
        return True

    @property
    def running(self) -> bool:
        """True from Run sweep until the window has shown the end (done or cancelled)."""
        return self._running

    @Slot()
    def cancel(self) -> None:
        """Stop the processes (without waiting here); the points trained so far stay."""
        if self.sweep is None or self.sweep.cancelled or self.sweep.closed:
            return
        self.sweep.cancel(wait=False)
        self._set_status(translate("Sweep", "Cancelling…"))
        self.cancel_button.setEnabled(False)

    @Slot()
    def _on_poll(self) -> None:
        sweep = self.sweep
        if sweep is None:
            self._poll.stop()
            return
        # Whether the sweep has ended is read *before* the points are collected: a
        # model finishing between the two would otherwise count as done without
        # ever being drawn (the sweep ended "7 of 9" once).
        closed, all_done = sweep.closed, sweep.done_count() >= sweep.total
        self.plot.add_points(sweep.finished_points())
        self.progress.setValue(len(self.plot.points))
        if sweep.cancelled:
            if closed:
                self._poll.stop()
                self._set_running(False)
                self._set_status(fill(translate("Sweep", "Cancelled: {done} of {count} models were "
                                           "trained."), done=len(self.plot.points),
                                           count=sweep.total))
                self.finished.emit(None)
            return
        if not all_done:
            return
        self._poll.stop()
        failures = sweep.failures()
        sweep.close()  # every future is done: the processes exit at once
        self.result = SweepResult(sweep.spec, sweep.steps,
                                  [p for _, p in sorted(self.plot.points.items())])
        self._set_running(False)
        best = self.result.best
        if best is not None:
            self.plot.mark_best(self._index_of(best))
        if failures:
            self._set_status(fill(translate("Sweep", "{count} models failed: {failure}"),
                                       count=len(failures), failure=str(failures[0])),
                             error=True)
        elif best is None:
            self._set_status(translate("Sweep", "Every model diverged: lower the learning rate."),
                             error=True)
        else:
            label = translate("Field", FIELDS_BY_NAME[self.result.spec.name].label)
            diverged = sum(p.diverged for p in self.result.points)
            note = fill(translate("Sweep", DIVERGED_NOTE), count=diverged) if diverged else ""
            self._set_status(fill(translate("Sweep", DONE), error=100 * best.test_error,
                                       setting=label, value=best.value, note=note,
                                       reading=reading(self.result)))
        self.finished.emit(self.result)

    def _index_of(self, point) -> int:
        return next(i for i, p in self.plot.points.items() if p is point or p == point)

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        for widget in (self.setting, self.low, self.high, self.points, self.steps):
            widget.setEnabled(not running)

    def _status_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSize(13)  # the style sheet's size
        return font

    def _set_status(self, text: str, error: bool = False) -> None:
        self._status_text, self._status_error = text, error
        self.status.setText(("⚠  " if error else "") + text)
        self.status.setStyleSheet("font-size: 13pt;" + ("color: #b00020; font-weight: bold;"
                                                        if error else ""))

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language; a running sweep goes on."""
        retranslate_texts(self)
        self._set_title()
        self._show_base_settings()
        self._set_status(retranslated(self._status_text), self._status_error)

    # -- shutting down ------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop a running sweep and wait until its processes are gone."""
        self._poll.stop()
        if self.sweep is not None:
            self.sweep.cancel(wait=True)
        self._running = False

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
