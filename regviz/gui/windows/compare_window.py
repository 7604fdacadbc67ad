"""Compare runs: 2–4 regularization settings side by side on the same data from the
same initial weights, each with its own live decision boundary, one shared cost
and accuracy plot, and a table of train/test accuracy and their gap. A chooser
loads a ready-made comparison (``compare.COMPARISONS``); when runs shrink their
weights differently (weight decay, or L2 through Adam) each run also shows the
share of each weight a step takes.

Training runs in a ``CompareController``'s thread; this window only shows the
snapshots it sends (through a ``FramePacer``) and sends edits back."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from superqt import QFlowLayout

from ...compare import (
    COMPARISONS,
    MAX_RUNS,
    MIN_RUNS,
    Comparison,
    default_configs,
    run_label,
    shows_shrink,
)
from ...config import FIELDS_BY_NAME, Config
from ...translatable import QT_TRANSLATE_NOOP
from ..controls.play_pause_button import PlayPauseButton
from ..language import FollowsLanguage, fill, retranslate_texts, translate
from ..theme import Theme
from ..views.compare_plots import CompareAccuracyView, CompareCostView, run_colours
from ..views.decision_boundary_view import DecisionBoundaryView
from ..views.shrink_view import ShrinkView
from ..workers.compare_worker import CompareController
from ..workers.frame_pacer import FramePacer, ViewPace
from .screen_fit import size_to_screen

TABLE_COLUMNS = (QT_TRANSLATE_NOOP("Compare", "run"), QT_TRANSLATE_NOOP("Compare", "train acc"),
                 QT_TRANSLATE_NOOP("Compare", "test acc"), QT_TRANSLATE_NOOP("Compare", "gap"))
COMPARE_FRAME_INTERVAL_S = 1 / 15
STEP_TEXT = QT_TRANSLATE_NOOP("Compare", "step {step:,}")


class RunColumn(QWidget):
    """One run: a colour band with its name, its λ / weight decay / keep_prob
    editors, its decision boundary and (for decay comparisons) its shrink per step."""

    config_edited = Signal(int, object)  # (run index, new Config)

    def __init__(self, index: int, colour: str, theme: Theme, parent=None):
        super().__init__(parent)
        self.index = index
        self.setObjectName(f"run_column_{index}")
        self.config: Config | None = None
        self.header = QLabel()
        self.header.setObjectName(f"run_header_{index}")
        self.header.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header.setStyleSheet(f"background: {colour}; color: white; font-size: 16pt;"
                                  "font-weight: bold; padding: 4px;")
        self.editors: dict[str, QDoubleSpinBox] = {}
        # Label and box stay together; the pairs wrap onto a second line in a
        # narrow column (four runs on a 1280-wide screen) instead of being cut.
        editors_area = QWidget()
        editors = QFlowLayout(editors_area)
        editors.setContentsMargins(2, 0, 2, 0)
        editors.setHorizontalSpacing(10)
        editors.setVerticalSpacing(2)
        self.editor_labels: dict[str, QLabel] = {}
        self.editor_pairs: dict[str, QWidget] = {}  # label and box, one flow item
        for name, label, decimals, step in (("l2", "L2 λ", 3, 0.1), ("l1", "L1 λ", 3, 0.1),
                                            ("weight_decay", translate("Compare", "decay"), 4,
                                             0.01),
                                            ("keep_prob", translate("Compare", "keep"), 2,
                                             0.02)):
            f = FIELDS_BY_NAME[name]
            box = QDoubleSpinBox()
            box.setObjectName(f"run_{index}_{name}")
            box.setRange(f.minimum, f.maximum)
            box.setDecimals(decimals)
            box.setSingleStep(step)
            box.setKeyboardTracking(False)  # one change per finished number, not per digit
            box.setToolTip(fill(translate("Compare", "{setting} of this run only: {help}"),
                                     setting=translate("Field", f.label),
                                     help=translate("Field", f.help)))
            box.valueChanged.connect(self._on_edited)
            box.setStyleSheet(f"font-size: {theme.font_pt + 1}pt;")
            text = QLabel(label)
            text.setStyleSheet(f"font-size: {theme.font_pt + 1}pt;")
            text.setToolTip(box.toolTip())
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.setSpacing(4)
            pair_layout.addWidget(text)
            pair_layout.addWidget(box)
            editors.addWidget(pair)
            self.editors[name] = box
            self.editor_labels[name] = text
            self.editor_pairs[name] = pair
        self.boundary_view = DecisionBoundaryView(theme)
        self.boundary_view.setObjectName(f"run_boundary_{index}")
        for box in (self.boundary_view.show_train, self.boundary_view.show_test,
                    self.boundary_view.show_wrong):
            box.hide()  # one set of toggles per run is clutter on a projector
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.header)
        layout.addWidget(editors_area)
        layout.addWidget(self.boundary_view, 1)
        self.shrink_view = ShrinkView(theme, colour)
        self.shrink_view.setObjectName(f"run_shrink_{index}")
        self.shrink_view.setFixedHeight(round(170 * theme.scale))
        layout.addWidget(self.shrink_view)
        self.show_decay(False)

    def show_decay(self, on: bool) -> None:
        """Show the weight-decay editor and the shrink view (a comparison about how
        the weights shrink) or leave them out (room for the boundary)."""
        self.editor_pairs["weight_decay"].setVisible(on)
        self.shrink_view.setVisible(on)

    def show_config(self, config: Config) -> None:
        self.config = config
        for name, box in self.editors.items():
            box.blockSignals(True)
            box.setValue(getattr(config, name))
            box.blockSignals(False)
        self.set_status("")

    def set_status(self, status: str) -> None:
        text = run_label(self.config, compare_text) if self.config else ""
        self.header.setText(f"{text} — {status}" if status else text)
        # The plot's own title would repeat the header; the mistakes caption stays.
        self.boundary_view.plot.setTitle(None)

    @Slot()
    def _on_edited(self) -> None:
        values = {name: box.value() for name, box in self.editors.items()}
        self.config = self.config.with_values(**values)
        self.set_status("")
        self.config_edited.emit(self.index, self.config)


class CompareWindow(FollowsLanguage, QWidget):
    """``CompareWindow(config)``: the default three runs on ``config``'s data and
    network; ``configs`` gives the runs explicitly (2–4, differing only in
    regularization). ``start_thread=False`` leaves training to the caller
    (screenshots: ``window.controller.run_steps_blocking(n)``)."""

    snapshots_shown = Signal(object)  # the step counter (and boundaries) now show these

    def __init__(self, config: Config, configs: list[Config] | None = None,
                 theme: Theme | None = None, parent=None, start_thread: bool = True,
                 comparison: str = "course"):
        super().__init__(parent)
        if parent is not None:
            self.setWindowFlag(Qt.WindowType.Window)
        self.setObjectName("compare_window")
        self.theme = theme or Theme.light()
        self.base = config
        self.comparison_name = comparison
        self.run_configs = list(configs) if configs else \
            COMPARISONS[comparison].configs(config)
        self.comparison = Comparison(self.run_configs)
        self.latest: tuple | None = None
        self.controller = CompareController(self.comparison)
        self._build()
        # Every run's boundary, then the shared plots: 15 frames a second each.
        self.pacer = FramePacer(self._show_header, [
            ViewPace("boundaries", self._show_boundaries, COMPARE_FRAME_INTERVAL_S),
            ViewPace("cost", self.cost_view.show_snapshots, COMPARE_FRAME_INTERVAL_S),
            ViewPace("accuracy", self._show_accuracy, COMPARE_FRAME_INTERVAL_S),
        ], self)
        self._connect()
        self._show_runs()
        self._set_title()
        size_to_screen(self, (1600, 1000))
        if start_thread:
            self.controller.start()

    # -- construction -------------------------------------------------------------------
    def _build(self) -> None:
        t = self.theme
        self.play_button = PlayPauseButton()
        self.play_button.setObjectName("compare_play")
        self.play_button.setToolTip(translate("Compare", "Start or pause every run (Space)"))
        self.reset_button = QPushButton(translate("Compare", "Reset"))
        self.reset_button.setObjectName("compare_reset")
        self.reset_button.setToolTip(translate(
            "Compare", "Every run back to step 0 and the shared initial weights (R)"))
        for b in (self.play_button, self.reset_button):
            b.setMinimumHeight(40)
            b.setMinimumWidth(130)
            b.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.step_counter = QLabel(translate("Compare", STEP_TEXT).format(step=0))
        self.step_counter.setObjectName("compare_step_counter")
        self.step_counter.setStyleSheet("font-size: 18pt; font-weight: bold;")
        self.step_counter.setMinimumWidth(170)
        self.run_count = QSpinBox()
        self.run_count.setObjectName("compare_run_count")
        self.run_count.setRange(MIN_RUNS, MAX_RUNS)
        self.run_count.setValue(len(self.run_configs))
        self.run_count.setToolTip(fill(translate(
            "Compare", "How many runs to compare ({least}–{most}); changing it restarts every "
            "run"), least=MIN_RUNS, most=MAX_RUNS))
        self.run_count.setStyleSheet("font-size: 13pt;")
        runs_label = QLabel(translate("Compare", "Runs"))
        runs_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.comparison_box = QComboBox()
        self.comparison_box.setObjectName("compare_preset")
        for preset in COMPARISONS.values():
            self.comparison_box.addItem(translate("Compare", preset.title), preset.name)
            self.comparison_box.setItemData(self.comparison_box.count() - 1,
                                            translate("Compare", preset.description),
                                            Qt.ItemDataRole.ToolTipRole)
        self.comparison_box.setCurrentIndex(self.comparison_box.findData(self.comparison_name))
        self.comparison_box.setToolTip(translate(
            "Compare", "A ready-made comparison; choosing one restarts every run"))
        self.comparison_box.setStyleSheet("font-size: 13pt;")
        note = QLabel(translate(
            "Compare", "Same data · same initial weights · only the regularization differs"))
        note.setObjectName("compare_note")
        note.setStyleSheet("font-size: 13pt; color: #555555;")
        self.message = QLabel()
        self.message.setObjectName("compare_message")
        self.message.setStyleSheet("background: #b00020; color: white; font-size: 14pt;"
                                   "font-weight: bold; padding: 6px;")
        self.message.setWordWrap(True)
        self.message.hide()
        # The groups wrap onto a second line in a narrow window (the note first)
        # instead of making the window wider than a small screen.
        top_area = QWidget()
        top = QFlowLayout(top_area)
        top.setContentsMargins(0, 0, 0, 0)
        top.setHorizontalSpacing(16)
        top.setVerticalSpacing(4)
        for group in ((self.play_button, self.reset_button), (self.step_counter,),
                      (runs_label, self.run_count), (self.comparison_box,), (note,)):
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in group:
                row.addWidget(widget)
            top.addWidget(holder)

        colours = run_colours(t)
        self.columns = [RunColumn(i, colours[i], t) for i in range(MAX_RUNS)]
        columns = QHBoxLayout()
        columns.setSpacing(8)
        for column in self.columns:
            columns.addWidget(column, 1)

        self.cost_view = CompareCostView(t)
        self.accuracy_view = CompareAccuracyView(t)
        self.table = QTableWidget(MAX_RUNS, len(TABLE_COLUMNS))
        self.table.setObjectName("compare_table")
        self.table.setHorizontalHeaderLabels([translate("Compare", c) for c in TABLE_COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = QFont("DejaVu Sans", t.font_pt + 2)
        self.table.setFont(font)
        header_font = QFont("DejaVu Sans", t.font_pt + 1)
        header_font.setBold(True)
        self.table.horizontalHeader().setFont(header_font)
        # Every column as wide as its text, the table as wide as its columns: on a
        # 1280-wide screen "test acc" and "gap" fell off its right edge.
        for c in range(len(TABLE_COLUMNS)):
            self.table.horizontalHeader().setSectionResizeMode(
                c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.setToolTip(translate(
            "Compare", "Accuracy of each run now, measured without dropout; the gap (train − "
            "test, in percentage points) is the overfitting."))
        table_note = QLabel(translate(
            "Compare", "Accuracy now, without dropout.\ngap = train − test (percentage "
            "points):\nthe bigger it is, the more the run overfits."))
        table_note.setObjectName("compare_table_note")
        table_note.setStyleSheet(f"font-size: {t.font_pt + 1}pt; color: #444444;")
        table_column = QVBoxLayout()
        table_column.addWidget(self.table, 1)
        table_column.addWidget(table_note)
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self.cost_view, 5)
        bottom.addWidget(self.accuracy_view, 5)
        bottom.addLayout(table_column, 4)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(top_area)
        layout.addWidget(self.message)
        layout.addLayout(columns, 55)
        layout.addLayout(bottom, 45)

    def _connect(self) -> None:
        worker, queued = self.controller.worker, Qt.ConnectionType.QueuedConnection
        worker.snapshot_ready.connect(self._on_snapshots, queued)
        worker.diverged.connect(self._on_problem, queued)
        worker.error.connect(self._on_problem, queued)
        worker.state_changed.connect(self._on_state_changed, queued)
        self.pacer.interval_changed.connect(self.controller.snapshot_interval_requested)
        self.pacer.shown.connect(self._on_shown)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.reset_button.clicked.connect(self.reset)
        self.run_count.valueChanged.connect(self.set_run_count)
        self.comparison_box.activated.connect(self._on_comparison_chosen)
        for column in self.columns:
            column.config_edited.connect(self._on_run_edited)
        for key, slot in (("Space", self.play_button.toggle), ("R", self.reset)):
            QShortcut(QKeySequence(key), self).activated.connect(slot)

    def _show_runs(self) -> None:
        n = len(self.run_configs)
        decay = shows_shrink(self.run_configs)
        for i, column in enumerate(self.columns):
            column.setVisible(i < n)
            column.show_decay(decay)
            if i < n:
                column.show_config(self.run_configs[i])
        labels = [run_label(c, compare_text) for c in self.run_configs]
        self.cost_view.set_runs(labels)
        self.accuracy_view.set_runs(labels)
        self.table.setRowCount(n)
        colours = run_colours(self.theme)
        for row, label in enumerate(labels):
            item = QTableWidgetItem(f"■ {label}")
            item.setForeground(QColor(colours[row]))
            self.table.setItem(row, 0, item)
        self._fit_table()

    def _fit_table(self) -> None:
        """The table at least as wide as all its columns (runs' names, and room for
        "100.0%" and "+100.0" before the first numbers arrive)."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        widest_number = {1: "100.0%", 2: "100.0%", 3: "+100.0"}
        width = sum(max(header.sectionSize(c), metrics.horizontalAdvance(
            widest_number.get(c, "")) + 16) for c in range(self.table.columnCount()))
        # Room for a vertical scroll bar too: four runs on a short screen need one.
        scroll_bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.table.setMinimumWidth(width + 2 * self.table.frameWidth() + scroll_bar + 12)

    # -- steering -----------------------------------------------------------------------
    @Slot(bool)
    def _on_play_toggled(self, on: bool) -> None:
        if on:
            self.message.hide()
            self.controller.play_requested.emit()
        else:
            self.controller.pause_requested.emit()

    def play(self) -> None:
        self.play_button.setChecked(True)

    def pause(self) -> None:
        self.play_button.setChecked(False)

    @Slot()
    def reset(self) -> None:
        self.message.hide()
        self.controller.reset_requested.emit()

    @Slot(int)
    def set_run_count(self, n: int) -> None:
        """Compare ``n`` runs: the first columns keep their settings, new ones get the
        defaults; every run restarts from the shared initial weights."""
        if n == len(self.run_configs):
            return
        self.pause()
        # New runs share the first run's data, network and optimizer.
        defaults = default_configs(self.run_configs[0], MAX_RUNS)
        self._compare((self.run_configs + defaults[len(self.run_configs):])[:n])

    @Slot(int)
    def _on_comparison_chosen(self, index: int) -> None:
        self.use_comparison(self.comparison_box.itemData(index))

    def use_comparison(self, name: str) -> None:
        """Compare the runs of ``compare.COMPARISONS[name]``, from step 0."""
        self.pause()
        self.comparison_name = name
        self.comparison_box.setCurrentIndex(self.comparison_box.findData(name))
        self._compare(COMPARISONS[name].configs(self.base))

    def _compare(self, configs: list[Config]) -> None:
        self.run_configs = configs
        self.comparison = Comparison(self.run_configs)
        self.latest = None
        self.run_count.blockSignals(True)
        self.run_count.setValue(len(configs))
        self.run_count.blockSignals(False)
        self._show_runs()
        self.controller.comparison_requested.emit(self.comparison)

    @Slot(int, object)
    def _on_run_edited(self, index: int, config: Config) -> None:
        self.run_configs[index] = config
        labels = [run_label(c, compare_text) for c in self.run_configs]
        self.cost_view.set_runs(labels)
        self.accuracy_view.set_runs(labels)
        self.table.item(index, 0).setText(f"■ {labels[index]}")
        self._fit_table()
        self.controller.run_config_requested.emit(index, config)

    def set_run_value(self, index: int, name: str, value: float) -> None:
        """Change one run's λ or keep_prob as if typed into its column (tests)."""
        self.columns[index].editors[name].setValue(value)

    # -- showing ------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshots(self, snapshots: tuple) -> None:
        # Snapshots of a comparison the window has replaced are still in the queue.
        if len(snapshots) == len(self.run_configs):
            self.pacer.offer(snapshots)

    def show_snapshots(self, snapshots: tuple) -> None:
        """Draw every view from ``snapshots`` now (screenshots, tests)."""
        self.pacer.draw_now(snapshots)

    def _show_header(self, snapshots: tuple) -> None:
        self.step_counter.setText(translate("Compare", STEP_TEXT).format(
            step=max(s.step for s in snapshots)))
        for column, snapshot in zip(self.columns, snapshots, strict=False):
            column.set_status(translate("Compare", "diverged") if snapshot.diverged else "")

    def _show_boundaries(self, snapshots: tuple) -> None:
        for column, snapshot in zip(self.columns, snapshots, strict=False):
            column.boundary_view.show_snapshot(snapshot)
            if column.shrink_view.isVisible():
                column.shrink_view.show_snapshot(snapshot)

    def _show_accuracy(self, snapshots: tuple) -> None:
        self.accuracy_view.show_snapshots(snapshots)
        for row, snapshot in enumerate(snapshots):
            train, test = run_accuracies(snapshot)
            for col, text in enumerate((f"{100 * train:.1f}%", f"{100 * test:.1f}%",
                                        f"{100 * (train - test):+.1f}"), start=1):
                item = self.table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, col, item)
                item.setText(text)

    def table_rows(self) -> list[list[str]]:
        """The table's text, row by row (tests)."""
        return [[self.table.item(r, c).text() if self.table.item(r, c) else ""
                 for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    @Slot(object)
    def _on_shown(self, snapshots: tuple) -> None:
        self.latest = snapshots
        self.snapshots_shown.emit(snapshots)

    @Slot(str)
    def _on_problem(self, message: str) -> None:
        self.pause()
        self.message.setText("⚠  " + translate("MainWindow", "{message} — training is paused.")
                             .format(message=message.splitlines()[0]))
        self.message.show()

    @Slot(bool)
    def _on_state_changed(self, running: bool) -> None:
        self.pacer.set_live(running)
        for view in (self.cost_view, self.accuracy_view):
            view.set_live(running)
        self.play_button.show_running(running)

    # -- language -----------------------------------------------------------------------
    def _set_title(self) -> None:
        self.setWindowTitle(translate("Compare", "regviz — compare runs ({preset})").format(
            preset=self.base.preset or translate("MainWindow", "custom")))

    def retranslate(self) -> None:
        """Every text in the current language; the runs go on untouched."""
        retranslate_texts(self)
        self._set_title()
        labels = [run_label(c, compare_text) for c in self.run_configs]
        self.cost_view.set_runs(labels)
        self.accuracy_view.set_runs(labels)
        for row, label in enumerate(labels):
            self.table.item(row, 0).setText(f"■ {label}")
        for column in self.columns:
            if column.config is not None:
                column.set_status("")
        for view in self._views():
            view.apply_theme(view.theme)
        self._fit_table()
        if self.latest is not None:
            self.show_snapshots(self.latest)

    def _views(self) -> list:
        return [self.cost_view, self.accuracy_view,
                *(v for c in self.columns for v in (c.boundary_view, c.shrink_view))]

    # -- shutting down ------------------------------------------------------------------
    def shutdown(self) -> None:
        self.controller.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)


def compare_text(text: str) -> str:
    return translate("Compare", text)


def run_accuracies(snapshot) -> tuple[float, float]:
    """Train and test accuracy of a snapshot's network (evaluation mode)."""
    d = snapshot.data
    return (float(np.mean(snapshot.train_predictions == d.y_train)),
            float(np.mean(snapshot.test_predictions == d.y_test)))


def render_compare_image(config: Config, steps: int, size=(1600, 1000),
                         configs: list[Config] | None = None, comparison: str = "course"):
    """The compare window trained ``steps`` steps, drawn and grabbed as a QImage,
    with no thread started (screenshots and their tests)."""
    from PySide6.QtWidgets import QApplication

    from ..app import create_application

    create_application(deterministic=True)
    window = CompareWindow(config, configs, start_thread=False, comparison=comparison)
    try:
        window.setFixedSize(*size)
        snapshots = window.controller.run_steps_blocking(steps)
        window.show()
        window.show_snapshots(snapshots)
        for _ in range(3):
            QApplication.processEvents()
        return window.grab().toImage()
    finally:
        window.close()
        window.deleteLater()
