"""regviz's main window: the controls on the left, the five live views on the right.

The window only shows and steers: the experiment lives in the training worker's
thread, settings go to it as ``Config`` objects through queued signals, and what
comes back is an immutable ``Snapshot`` drawn on the next turn of the event loop
(only the newest one, if several queued up)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..config import Config, load_preset, preset_description, preset_names
from ..experiment import Experiment
from ..snapshot import Snapshot
from .accuracy_view import AccuracyView
from .control_panel import ControlPanel
from .cost_view import CostView
from .decision_boundary_view import DecisionBoundaryView
from .network_diagram_view import NetworkDiagramView
from .theme import Theme
from .training_worker import TrainingController
from .weight_norms_view import WeightNormsView

CONTROL_PANEL_WIDTH = 380


class MainWindow(QMainWindow):
    """``MainWindow(preset="overfit")`` builds the window without showing it."""

    snapshot_shown = Signal(object)  # emitted in the GUI thread after a draw

    def __init__(self, preset: str = "overfit", config: Config | None = None,
                 parent=None, start_thread: bool = True):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.config = config if config is not None else load_preset(preset)
        self.theme = Theme.light()
        self.latest: Snapshot | None = None
        self._pending: Snapshot | None = None
        self._running = False
        self.experiment = Experiment(self.config)
        self.controller = TrainingController(self.experiment)
        self._build()
        self._connect()
        self._update_title()
        if start_thread:
            self.controller.start()

    # -- construction ---------------------------------------------------------------
    def _build(self) -> None:
        t = self.theme
        self.boundary_view = DecisionBoundaryView(t)
        self.cost_view = CostView(t)
        self.accuracy_view = AccuracyView(t)
        self.weight_norms_view = WeightNormsView(t)
        self.network_diagram_view = NetworkDiagramView(t)
        self.views = [self.boundary_view, self.cost_view, self.accuracy_view,
                      self.weight_norms_view, self.network_diagram_view]

        self.play_button = QPushButton("▶  Play")
        self.play_button.setObjectName("play")
        self.play_button.setCheckable(True)
        self.play_button.setToolTip("Start or pause training (Space)")
        self.step_button = QPushButton("Step")
        self.step_button.setObjectName("step")
        self.step_button.setToolTip("Train one step and show it (S or →)")
        self.reset_button = QPushButton("Reset")
        self.reset_button.setObjectName("reset")
        self.reset_button.setToolTip("Back to the initial weights of this seed (R)")
        for b in (self.play_button, self.step_button, self.reset_button):
            b.setMinimumHeight(38)
        self.step_counter = QLabel("step 0")
        self.step_counter.setObjectName("step_counter")
        self.step_counter.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.preset_box = QComboBox()
        self.preset_box.setObjectName("preset")
        for name in preset_names():
            self.preset_box.addItem(name)
            self.preset_box.setItemData(self.preset_box.count() - 1,
                                        preset_description(name), Qt.ItemDataRole.ToolTipRole)
        self.preset_box.setToolTip("Load a ready-made experiment (keys 1–9)")
        if self.config.preset:
            self.preset_box.setCurrentText(self.config.preset)

        self.control_panel = ControlPanel(self.config)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 8, 8)
        buttons = QHBoxLayout()
        for b in (self.play_button, self.step_button, self.reset_button):
            buttons.addWidget(b)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.step_counter)
        preset_row = QHBoxLayout()
        preset_row.addWidget(QLabel("Preset"))
        preset_row.addWidget(self.preset_box, 1)
        left_layout.addLayout(preset_row)
        left_layout.addWidget(self.control_panel)
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(CONTROL_PANEL_WIDTH)

        self.banner = QLabel()
        self.banner.setObjectName("divergence_banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #b00020; color: white; font-size: 15pt;"
                                  "font-weight: bold; padding: 10px;")
        self.banner.hide()

        grid = QGridLayout()
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setSpacing(6)
        grid.addWidget(self.boundary_view, 0, 0, 2, 1)
        grid.addWidget(self.network_diagram_view, 2, 0, 1, 1)
        grid.addWidget(self.cost_view, 0, 1)
        grid.addWidget(self.accuracy_view, 1, 1)
        grid.addWidget(self.weight_norms_view, 2, 1)
        grid.setColumnStretch(0, 10)
        grid.setColumnStretch(1, 11)
        for row, stretch in enumerate((3, 3, 4)):
            grid.setRowStretch(row, stretch)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.banner)
        right_layout.addLayout(grid, 1)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroll)
        layout.addWidget(right, 1)
        self.setCentralWidget(central)
        self.gap_label = QLabel()
        self.gap_label.setObjectName("gap_label")
        self.gap_label.setStyleSheet("font-size: 13pt; font-weight: bold; padding: 2px 8px;")
        self.rate_label = QLabel()
        self.statusBar().addWidget(self.gap_label, 1)
        self.statusBar().addPermanentWidget(self.rate_label)

    def _connect(self) -> None:
        c = self.controller
        c.worker.snapshot_ready.connect(self._on_snapshot, Qt.ConnectionType.QueuedConnection)
        c.worker.diverged.connect(self._on_diverged, Qt.ConnectionType.QueuedConnection)
        c.worker.error.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        c.worker.running_changed.connect(self._on_running_changed,
                                         Qt.ConnectionType.QueuedConnection)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.step_button.clicked.connect(self.step_once)
        self.reset_button.clicked.connect(self.reset)
        self.preset_box.activated.connect(self._on_preset_chosen)
        self.control_panel.config_changed.connect(self.apply_config)
        self.boundary_view.sample_selected.connect(self.network_diagram_view.set_selected_sample)
        for key, slot in (("Space", self.toggle_play), ("S", self.step_once),
                          ("Right", self.step_once), ("R", self.reset)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
        for i, name in enumerate(preset_names()[:9], start=1):
            shortcut = QShortcut(QKeySequence(str(i)), self)
            shortcut.activated.connect(lambda n=name: self.load_preset(n))

    # -- steering ---------------------------------------------------------------------
    @Slot()
    def toggle_play(self) -> None:
        self.play_button.toggle()

    @Slot(bool)
    def _on_play_toggled(self, on: bool) -> None:
        if on:
            self.banner.hide()
            self.controller.play_requested.emit()
        else:
            self.controller.pause_requested.emit()
        self.play_button.setText("❚❚  Pause" if on else "▶  Play")

    def play(self) -> None:
        self.play_button.setChecked(True)

    def pause(self) -> None:
        self.play_button.setChecked(False)

    @Slot()
    def step_once(self) -> None:
        self.pause()
        self.controller.step_requested.emit(1)

    @Slot()
    def reset(self) -> None:
        self.banner.hide()
        self.controller.reset_requested.emit()

    @Slot(object)
    def apply_config(self, config: Config) -> None:
        structural = config.needs_reset(self.config)
        self.config = config
        if structural:
            self.banner.hide()
        self.controller.config_requested.emit(config)
        self._update_title()

    @Slot(int)
    def _on_preset_chosen(self, index: int) -> None:
        self.load_preset(self.preset_box.itemText(index))

    def load_preset(self, name: str) -> None:
        config = load_preset(name)
        self.preset_box.setCurrentText(name)
        self.control_panel.set_config(config)

    def set_value(self, name: str, value) -> None:
        """Change one setting as if typed into its control (tests, scripts)."""
        self.control_panel._edited(name, value)

    # -- showing ------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snapshot: Snapshot) -> None:
        first = self._pending is None
        self._pending = snapshot
        if first:
            QTimer.singleShot(0, self._draw_pending)

    @Slot()
    def _draw_pending(self) -> None:
        snapshot, self._pending = self._pending, None
        if snapshot is not None:
            self.show_snapshot(snapshot)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw every view from ``snapshot`` (on the GUI thread)."""
        self.latest = snapshot
        for view in self.views:
            view.show_snapshot(snapshot)
        self.step_counter.setText(f"step {snapshot.step:,}")
        h = snapshot.history
        if len(h["step"]):
            train, test = 100 * h["train_accuracy"][-1], 100 * h["test_accuracy"][-1]
            self.gap_label.setText(f"train {train:.1f}%  ·  test {test:.1f}%  ·  "
                                   f"gap {train - test:+.1f} points")
        rate = snapshot.extra.get("steps_per_second", 0.0)
        self.rate_label.setText(f"{rate:,.0f} steps/s" if rate else "paused")
        if snapshot.diverged:
            self._show_banner(snapshot.diverged)
        self.snapshot_shown.emit(snapshot)

    def _show_banner(self, message: str) -> None:
        self.banner.setText(f"⚠  {message[0].upper()}{message[1:]}. "
                            "Lower the learning rate, then press Reset.")
        self.banner.show()

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        self.pause()
        self._show_banner(message)

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.pause()
        self.banner.setText(f"⚠  {message.splitlines()[0]}")
        self.banner.show()

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self._running = running
        if self.play_button.isChecked() != running:
            self.play_button.blockSignals(True)
            self.play_button.setChecked(running)
            self.play_button.setText("❚❚  Pause" if running else "▶  Play")
            self.play_button.blockSignals(False)

    def _update_title(self) -> None:
        name = self.config.preset or "custom"
        self.setWindowTitle(f"regviz — {name}")

    # -- shutting down ---------------------------------------------------------------
    def shutdown(self) -> None:
        self.controller.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
