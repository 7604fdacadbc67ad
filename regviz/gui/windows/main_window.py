"""regviz's main window: the controls on the left, the five live views on the right.

The window only shows and steers: the experiment lives in the training worker's
thread, settings go to it as ``Config`` objects through queued signals, and what
comes back is an immutable ``Snapshot``, drawn by the ``FramePacer`` (only the
newest one; the step label, the status bar and the decision boundary together,
the other views at their own frame rates)."""

from __future__ import annotations

import re
from html import escape

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...config import (
    FIELDS_BY_NAME,
    LIVE_FIELDS,
    Config,
    load_preset,
    preset_names,
)
from ...experiment import Experiment
from ...snapshot import Snapshot
from ...translatable import QT_TRANSLATE_NOOP
from ..actions.export_actions import install_export_actions
from ..actions.help_dialogs import install_help, retranslate_help
from ..actions.language_actions import install_language_menu, show_checked_language
from ..actions.lesson_mode import install_lesson_mode
from ..actions.point_editor import install_point_editor
from ..actions.presentation import apply_display, install_view_actions, set_presentation
from ..actions.scrubbing import install_scrubbing
from ..actions.session_actions import install_session_actions
from ..actions.shortcuts import PRESET_KEYS, install_shortcuts
from ..actions.speed_actions import install_speed_actions
from ..actions.teach_actions import install_teach_actions
from ..actions.undo_actions import install_undo_actions
from ..controls.compact_bar import CompactBar
from ..controls.control_panel import ControlPanel
from ..controls.play_pause_button import PlayPauseButton
from ..frame_label import fill_own_background, fix_label_size, label_size_for
from ..language import FollowsLanguage, fill, retranslate_texts, translate
from ..preset_text import preset_tooltip
from ..settings import remember_preset, save_window
from ..theme import Theme
from ..views.accuracy_view import AccuracyView
from ..views.constraint_view import ConstraintView
from ..views.cost_view import CostView
from ..views.decision_boundary_view import DecisionBoundaryView
from ..views.network_diagram_view import NetworkDiagramView
from ..views.view_tabs import StretchOnly, ViewTabs
from ..views.weight_histogram_view import WeightHistogramView
from ..views.weight_norms_view import WeightNormsView
from ..workers.frame_pacer import FramePacer, ViewPace
from ..workers.training_worker import DEFAULT_SNAPSHOT_INTERVAL_S, TrainingController
from .adaptive_layout import AdaptiveLayout
from .overlay_banner import OverlayBanner

CONTROL_PANEL_WIDTH = 380
DEFAULT_SIZE = (1600, 1000)  # the window's size where the screen has room for it
STEP_TEXT = QT_TRANSLATE_NOOP("MainWindow", "step {step:,}")


def counter_widest() -> str:
    return translate("MainWindow", STEP_TEXT).format(step=8_888_888)  # ten minutes at full speed


def gap_widest() -> str:
    return translate("MainWindow", GAP_TEXT).format(train=100.0, test=100.0, gap=100.0)


# Frames a second per view while training (the boundary: every snapshot, ~34 a
# second). A plot over thousands of steps changes little in a fifteenth of a second,
# and each frame of it is training time lost (see FramePacer). Asked for 12, a view
# drew 10-11: it draws the label's snapshot, so its interval rounds up to the
# boundary's next frame; 15 keeps every view over the 10 the class needs.
VIEW_FRAME_RATES = {"cost": 15, "accuracy": 15, "weight_norms": 15, "network": 15,
                    "weight_histograms": 15, "constraint": 15}


def banner_text(message: str) -> str:
    """The engine's divergence message for a projector: numbers rounded
    (27213.340348634367 reads as noise from the back row), and one piece of advice
    naming the button to press."""
    text = message.strip().rstrip(".")
    # The engine ends with its own advice; the banner gives it in the window's words.
    text = re.split(r";\s*lower the learning rate", text, flags=re.IGNORECASE)[0]
    text = re.sub(r"-?\d+\.\d{3,}(?:e[+-]?\d+)?", _short_number, text)
    text = text[:1].upper() + text[1:]
    return translate("MainWindow", "{what} — lower the learning rate and press Reset.").format(
        what=text)


def _short_number(match: re.Match) -> str:
    value = float(match.group())
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def restart_description(new: Config, old: Config) -> str:
    """How the undo menu names a change of settings that restarts training."""
    labels = [translate("Field", FIELDS_BY_NAME[name].label) for name in new.changed_fields(old)
              if name not in LIVE_FIELDS]
    return translate("MainWindow", "{settings} changed").format(
        settings=translate("MainWindow", ", ").join(labels))


def rate_text(snapshot: Snapshot) -> str:
    """The measured training speed, and the speed asked for, for the status bar."""
    if not snapshot.extra.get("running", False):
        return translate("MainWindow", "paused")
    rate = snapshot.extra.get("steps_per_second", 0.0)
    if not rate:  # the first moments of a run have no measured rate yet
        return translate("MainWindow", "training…")
    speed = snapshot.config.speed
    wanted = (translate("MainWindow", "speed {speed:,g}").format(speed=speed) if speed
              else translate("MainWindow", "max speed"))
    # Two significant digits: a figure that changes at every snapshot cannot be
    # read from the back row, and each change re-lays out the status bar.
    shown = f"{float(f'{rate:.2g}'):,.0f}" if rate >= 10 else f"{rate:.1f}"
    return translate("MainWindow", "{rate} steps/s ({wanted})").format(rate=shown, wanted=wanted)


def gap_text(snapshot: Snapshot) -> str:
    """Train and test accuracy and the gap between them, for the status bar: of the
    weights the boundary plot shows (after a divergence, the last finite ones,
    not the history's last point, which is older)."""
    data = snapshot.data
    if snapshot.train_predictions is None or not len(data.y_train):
        return ""
    train = 100 * float(np.mean(snapshot.train_predictions == data.y_train))
    test = (100 * float(np.mean(snapshot.test_predictions == data.y_test))
            if len(data.y_test) else float("nan"))
    text = translate("MainWindow", GAP_TEXT).format(train=train, test=test, gap=train - test)
    if snapshot.diverged:
        return translate("MainWindow", "diverged at step {step:,}: last finite weights "
                         "{accuracies}").format(step=snapshot.step, accuracies=text)
    return text


GAP_TEXT = QT_TRANSLATE_NOOP("MainWindow",
                             "train {train:.1f}%  ·  test {test:.1f}%  ·  gap {gap:.1f} points")


def play_after_divergence() -> str:
    return translate("MainWindow", "Play cannot go on from a diverged run: lower the "
                     "learning rate and press Reset (R), or Ctrl+Z if a reset went before.")


class MainWindow(FollowsLanguage, QMainWindow):
    """``MainWindow(preset="overfit")`` builds the window without showing it.

    ``start_thread=False`` builds it with the training thread not started (the
    screenshot renderer trains ``window.experiment`` itself, synchronously)."""

    snapshot_shown = Signal(object)  # the step label now shows this snapshot
    frame_drawn = Signal(str, int)  # a view (by name) has drawn the snapshot of a step
    CONTROL_PANEL_WIDTH = CONTROL_PANEL_WIDTH

    def __init__(self, preset: str = "overfit", config: Config | None = None,
                 parent=None, start_thread: bool = True):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.config = config if config is not None else load_preset(preset)
        self.theme = Theme.light()
        self.dark_theme = False
        self.presenting = False
        # Only the interactive launcher remembers settings (launch.restore_window);
        # windows built by tests and the screenshot renderer leave them alone.
        self.remember_settings = False
        # The snapshot the step label shows (while training, the slower views may
        # still show an earlier one; paused, every view shows this one).
        self.latest: Snapshot | None = None
        self._banner_kind = ""  # "diverged", "error", "input" or "" (hidden)
        self.experiment = Experiment(self.config)
        self.controller = TrainingController(self.experiment)
        # Built at its usual size, so the layout chosen while building is the one a
        # test or a screenshot of the default size sees before showing it.
        self.resize(*DEFAULT_SIZE)
        self._build()
        self._build_menus()
        self.pacer = FramePacer(self._show_header, self._view_paces(), self)
        self._connect()
        self._update_title()
        if start_thread:
            self.controller.start()

    # -- construction ---------------------------------------------------------------
    def _view_paces(self) -> list[ViewPace]:
        """The views in the order the pacer draws them; the first, the boundary, is
        drawn with the step label and the status bar."""
        paces = [ViewPace("boundary", self.boundary_view.show_snapshot)]
        for name, view in (("cost", self.cost_view), ("accuracy", self.accuracy_view),
                           ("weight_norms", self.weight_norms_view),
                           ("network", self.network_diagram_view),
                           ("weight_histograms", self.weight_histogram_view),
                           ("constraint", self.constraint_view)):
            # Not drawn while in a tab not shown (a window not shown yet still draws).
            paces.append(ViewPace(name, view.show_snapshot, 1 / VIEW_FRAME_RATES[name],
                                  lambda view=view: view.isVisibleTo(self)))
        return paces

    def _build(self) -> None:
        t = self.theme
        self.boundary_view = DecisionBoundaryView(t)
        self.cost_view = CostView(t)
        self.accuracy_view = AccuracyView(t)
        self.weight_norms_view = WeightNormsView(t)
        self.network_diagram_view = NetworkDiagramView(t)
        self.views = [self.boundary_view, self.cost_view, self.accuracy_view,
                      self.weight_norms_view, self.network_diagram_view]

        self.setCentralWidget(QWidget())
        central = QVBoxLayout(self.centralWidget())
        central.setContentsMargins(0, 0, 0, 0)
        central.setSpacing(0)
        self.sidebar = self._build_sidebar()
        # Where the panel does not fit (or in presentation mode) the demo's controls
        # move to a bar over the views, and the panel becomes a drawer (AdaptiveLayout).
        self.bar = CompactBar(self.control_panel)
        self.bar.hide()
        self.bar.message_changed.connect(self.bar_message_changed)
        central.addWidget(self.bar)
        self.body = QHBoxLayout()
        self.body.setSpacing(0)
        self.body.addWidget(self.sidebar)
        self.body.addWidget(self._build_views(), 1)
        central.addLayout(self.body, 1)

        self.gap_label = QLabel()
        self.gap_label.setObjectName("gap_label")
        fill_own_background(self.gap_label)
        self.gap_label.setToolTip(translate(
            "MainWindow", "Accuracy on the training points and on the held-out test "
            "points; a large gap means the network is overfitting."))
        self.rate_label = QLabel()
        self.rate_label.setObjectName("rate_label")
        fill_own_background(self.rate_label)
        self.rate_label.setStyleSheet("padding: 2px 8px;")
        self.statusBar().addWidget(self.gap_label, 1)
        self.statusBar().addPermanentWidget(self.rate_label)
        self.style_header(1.0)
        self.adaptive_layout = AdaptiveLayout(self)

    def style_header(self, scale: float) -> None:
        """The big type of the buttons, the step counter and the status line,
        ``scale`` times larger (presentation mode)."""
        for b in (self.play_button, self.step_button, self.reset_button):
            # Taller in presentation mode, but not by the whole 1.6: in the compact
            # bar every pixel of height is taken from the views.
            b.setMinimumHeight(round(40 + 20 * (scale - 1)))
            b.setStyleSheet(f"font-size: {round(13 * scale)}pt; font-weight: bold;")
        self.step_counter.setStyleSheet(f"font-size: {round(18 * scale)}pt; font-weight: bold;")
        # Room for the counter's widest text: in the compact bar a counter growing by
        # a digit would push the items after it onto another line. A fixed size: its
        # text changes every frame (see frame_label).
        counter_font = QFont(self.font().family(), round(18 * scale), QFont.Weight.Bold)
        fix_label_size(self.step_counter,
                       QFontMetrics(counter_font).horizontalAdvance(counter_widest()) + 4)
        self._status_pt = round(14 * scale)
        self.fit_status_text()
        self.banner.set_point_size(round(16 * scale))

    def fit_status_text(self) -> None:
        """The status line's type as large as ``style_header`` asks, or as large as
        its longest text fits the window's width (presentation mode on a 1024-wide
        screen): smaller, never cut."""
        room = self.width() - label_size_for(self.rate_label,
                                             self.rate_label.text() or "paused")[0] - 60
        font = QFont(self.font().family(), self._status_pt, QFont.Weight.Bold)
        widest = QFontMetrics(font).horizontalAdvance(gap_widest()) + 16
        point_size = max(9, int(self._status_pt * min(1.0, room / widest)))
        if point_size != getattr(self, "_status_pt_shown", None):
            self._status_pt_shown = point_size
            self.gap_label.setStyleSheet(f"font-size: {point_size}pt; font-weight: bold;"
                                         "padding: 2px 8px;")
        # Fixed sizes (their text changes every frame; see frame_label), both as high
        # as the status line.
        self._fit_gap_label(self.gap_label.text())
        self._fit_rate_label(self.rate_label.text())

    def _fit_gap_label(self, text: str) -> None:
        """The gap label as wide as its widest accuracy line, or ``text`` if wider (a
        divergence's)."""
        metrics = self.gap_label.fontMetrics()
        widest = translate("MainWindow", GAP_TEXT).format(train=100.0, test=100.0, gap=-100.0)
        self._gap_advance = max(metrics.horizontalAdvance(text),
                                metrics.horizontalAdvance(widest))
        fix_label_size(self.gap_label, text=text if metrics.horizontalAdvance(text)
                       > metrics.horizontalAdvance(widest) else widest)

    def _fit_rate_label(self, text: str) -> None:
        """The rate label as wide as ``text`` (a new width re-lays out the status bar:
        rarely, as the rate is shown to two digits) and as high as the status line."""
        self._rate_advance = self.rate_label.fontMetrics().horizontalAdvance(text)
        fix_label_size(self.rate_label, height=self.gap_label.minimumHeight(), text=text)

    def _build_menus(self) -> None:
        """File, View, Teach and Help. Each feature adds its own actions to these
        menus from its own module (``window.menus["teach"]``), so the window does not
        grow with every feature."""
        bar = self.menuBar()
        self.menus = {key: bar.addMenu(title) for key, title in
                      (("file", translate("MainWindow", "&File")),
                       ("edit", translate("MainWindow", "&Edit")),
                       ("view", translate("MainWindow", "&View")),
                       ("teach", translate("MainWindow", "&Teach")),
                       ("help", translate("MainWindow", "&Help")))}
        for key, menu in self.menus.items():
            menu.setObjectName(f"{key}_menu")
        quit_action = QAction(translate("MainWindow", "&Quit"), self)
        quit_action.setObjectName("quit")
        quit_action.triggered.connect(self.close)
        self.menus["file"].addAction(quit_action)
        install_undo_actions(self)
        install_teach_actions(self)
        install_session_actions(self)
        install_export_actions(self)
        install_view_actions(self)
        install_speed_actions(self)
        install_point_editor(self)
        install_help(self)
        install_lesson_mode(self)
        install_scrubbing(self)
        install_language_menu(self)
        install_shortcuts(self)  # last: it gives the actions above their keys

    def _build_sidebar(self) -> QWidget:
        """Play/Step/Reset, the step counter, the preset and every setting, in a
        fixed-width scrollable column: the views are the show."""
        self.play_button = PlayPauseButton()
        self.play_button.setObjectName("play")
        self.play_button.setToolTip(translate("MainWindow", "Start or pause training (Space)"))
        self.step_button = QPushButton(translate("MainWindow", "Step"))
        self.step_button.setObjectName("step")
        self.step_button.setToolTip(translate("MainWindow",
                                              "Pause, train one step and show it (S or →)"))
        self.reset_button = QPushButton(translate("MainWindow", "Reset"))
        self.reset_button.setObjectName("reset")
        self.reset_button.setToolTip(translate(
            "MainWindow", "Back to step 0: the initial weights of this seed (R)"))
        self.transport = QWidget()
        self.transport.setObjectName("transport")
        buttons = QHBoxLayout(self.transport)
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.play_button, self.step_button, self.reset_button):
            buttons.addWidget(b)

        self.step_counter = QLabel(translate("MainWindow", STEP_TEXT).format(step=0))
        self.step_counter.setObjectName("step_counter")
        fill_own_background(self.step_counter)
        self.step_counter.setToolTip(translate(
            "MainWindow", "Training steps (weight updates) since the last reset"))

        self.preset_box = QComboBox()
        self.preset_box.setObjectName("preset")
        for name in preset_names():
            self.preset_box.addItem(name)
        self._show_preset_tooltips()
        self.preset_box.setToolTip(fill(translate(
            "MainWindow", "Load a ready-made experiment; training restarts on its own "
            "points (keys {first}–{last})"), first=PRESET_KEYS[0], last=PRESET_KEYS[-1]))
        if self.config.preset:
            self.preset_box.setCurrentText(self.config.preset)
        self.preset_row = QWidget()
        self.preset_row.setObjectName("preset_row")
        preset_row = QHBoxLayout(self.preset_row)
        preset_row.setContentsMargins(0, 0, 0, 0)
        preset_label = QLabel(translate("MainWindow", "Preset"))
        preset_label.setStyleSheet("font-weight: bold;")
        preset_row.addWidget(preset_label)
        preset_row.addWidget(self.preset_box, 1)

        self.control_panel = ControlPanel(self.config)
        column = QWidget()
        self.sidebar_column = QVBoxLayout(column)
        self.sidebar_column.setContentsMargins(8, 8, 8, 8)
        self.sidebar_column.setSpacing(6)
        for widget in (self.transport, self.step_counter, self.preset_row,
                       self._build_data_note()):
            self.sidebar_column.addWidget(widget)
        # The counter has a fixed width (frame_label): at the column's left, not centred.
        self.sidebar_column.setAlignment(self.step_counter, Qt.AlignmentFlag.AlignLeft)
        self.sidebar_column.addWidget(self.control_panel, 1)
        scroll = QScrollArea()
        scroll.setObjectName("sidebar")
        scroll.setWidget(column)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFixedWidth(CONTROL_PANEL_WIDTH)
        return scroll

    def _show_preset_tooltips(self) -> None:
        for index in range(self.preset_box.count()):
            # As rich text, which Qt wraps: the course's description is a paragraph.
            text = preset_tooltip(self.preset_box.itemText(index))
            self.preset_box.setItemData(index, f"<p>{escape(text)}</p>",
                                        Qt.ItemDataRole.ToolTipRole)

    def _build_data_note(self) -> QLabel:
        """Shown while the run trains on points edited by hand: the numbers are then
        not the preset's, and the window says so (and how to get its points back)."""
        self.data_note = QLabel(translate(
            "MainWindow", "✎ Training on your edited points, not the preset's. "
            "Choose a preset (or its key) to get its points back."))
        self.data_note.setObjectName("data_note")
        self.data_note.setWordWrap(True)
        self.data_note.setStyleSheet("background: #fff3c4; color: #5a4500; padding: 4px 6px;"
                                     "border-radius: 4px;")
        self.data_note.hide()
        self.data_edited = False
        return self.data_note

    def _build_views(self) -> QWidget:
        """Two independent columns, so the cost plot (the lesson) can be taller than
        the weight norms without dragging the boundary/diagram split with it. Which
        view goes where is the AdaptiveLayout's decision (it depends on the room)."""
        # The network's slot (the largest below the map) doubles as the weight
        # histograms' canvas: a histogram per layer over time needs the room.
        self.weight_histogram_view = WeightHistogramView(self.theme)
        self.views.append(self.weight_histogram_view)
        self.lower_tabs = ViewTabs()
        self.lower_tabs.setObjectName("lower_tabs")
        self.lower_tabs.addTab(self.network_diagram_view, translate("MainWindow", "Network"))
        self.lower_tabs.addTab(self.weight_histogram_view,
                               translate("MainWindow", "Weight histograms"))
        # The pair is picked in the Network tab, so the picture sits beside it.
        self.constraint_view = ConstraintView(self.theme)
        self.views.append(self.constraint_view)
        self.lower_tabs.addTab(self.constraint_view, translate("MainWindow", "Constraint"))
        # Accuracy and weight norms share a tab area where three stacked plots would
        # be too short to read.
        self.curve_tabs = ViewTabs()
        self.curve_tabs.setObjectName("curve_tabs")
        self.weight_norms_slot = StretchOnly(self.weight_norms_view)
        # The boundary view's dropout-ensemble boxes change what the worker computes;
        # while paused nothing new would arrive, so ask for a fresh snapshot.
        self.boundary_view.ensemble_changed.connect(
            lambda: self.controller.config_requested.emit(self.config))
        self.left_column = QVBoxLayout()
        self.left_column.setSpacing(6)
        self.right_column = QVBoxLayout()
        self.right_column.setSpacing(6)
        self.views_grid = QHBoxLayout()
        self.views_grid.setContentsMargins(4, 4, 4, 4)
        self.views_grid.setSpacing(6)
        self.views_grid.addLayout(self.left_column, 10)
        self.views_grid.addLayout(self.right_column, 11)
        area = QWidget()
        area.setObjectName("views_area")
        area_layout = QVBoxLayout(area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.setSpacing(0)
        area_layout.addLayout(self.views_grid, 1)
        # A strip under the views for what belongs to all of them (empty for now).
        self.views_footer = QVBoxLayout()
        self.views_footer.setContentsMargins(4, 0, 4, 0)
        area_layout.addLayout(self.views_footer)
        # Over the views, not in their layout: a banner that appears moves nothing.
        self.banner = OverlayBanner(area)
        self.banner.setObjectName("divergence_banner")
        self.views_area = area
        return area

    def _connect(self) -> None:
        worker, queued = self.controller.worker, Qt.ConnectionType.QueuedConnection
        worker.snapshot_ready.connect(self._on_snapshot, queued)
        worker.diverged.connect(self._on_diverged, queued)
        worker.error.connect(self._on_error, queued)
        worker.state_changed.connect(self._on_state_changed, queued)
        self.pacer.interval_changed.connect(self._on_frame_interval_changed)
        self.pacer.shown.connect(self._on_shown)
        self.pacer.frame_drawn.connect(self.frame_drawn)
        self.boundary_view.palette_changed.connect(self.controller.palette_requested)
        self.controller.palette_requested.emit(self.boundary_view.palette)
        self.control_panel.config_previewed.connect(self.preview_config)
        self.play_button.toggled.connect(self._on_play_toggled)
        self.step_button.clicked.connect(self.step_once)
        self.reset_button.clicked.connect(self.reset)
        self.preset_box.activated.connect(self._on_preset_chosen)
        self.control_panel.config_changed.connect(self.apply_config)
        self.boundary_view.sample_selected.connect(self.network_diagram_view.set_selected_sample)
        self.network_diagram_view.link_clicked.connect(self.constraint_view.choose_link)
        self.constraint_view.pair_changed.connect(self.network_diagram_view.set_pair)
        # The picture is computed in the training thread, and only while it is shown.
        self.constraint_view.request_changed.connect(
            self.controller.constraint_pair_requested)

    # -- steering ---------------------------------------------------------------------
    @Slot()
    def toggle_play(self) -> None:
        self.play_button.toggle()

    @Slot(bool)
    def _on_play_toggled(self, on: bool) -> None:
        if on:
            if self._banner_kind == "error":
                self._hide_banner()
            if self.latest is not None and self.latest.diverged:
                # Say why nothing happens instead of silently unpressing the button.
                what = banner_text(self.latest.diverged).rsplit(" — ", 1)[0]
                self._show_banner(f"{what} — {play_after_divergence()}", "diverged")
                self.statusBar().showMessage(play_after_divergence(), 8000)
                self.play_button.setChecked(False)
                return
            self.controller.play_requested.emit()
        else:
            self.controller.pause_requested.emit()

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
        self.undo_point(translate("MainWindow", "Reset"))
        self._hide_banner()
        self.controller.reset_requested.emit()

    def undo_point(self, description: str) -> bool:
        """Keep the run as it is now so Ctrl+Z can bring it back; call before any
        action that throws it away (see actions/undo_actions.py)."""
        return self.undo_actions.push(description)

    @Slot()
    def undo(self) -> bool:
        return self.undo_actions.undo()

    @Slot(object)
    def apply_config(self, config: Config) -> None:
        """Send ``config`` to the training (live fields at the next step, anything
        structural restarts it)."""
        if config.needs_reset(self.config):
            self.undo_point(restart_description(config, self.config))
            self._hide_banner()
        self._send_config(config)

    def _send_config(self, config: Config) -> None:
        self.config = config
        self.controller.config_requested.emit(config)
        self._update_title()

    @Slot(object)
    def preview_config(self, config: Config) -> None:
        """A value the teacher is still dragging to: training follows it now; the
        drag's release (``apply_config``) makes its change marker final."""
        if config.needs_reset(self.config):  # a restarting setting dragged: keep the run
            self.undo_point(restart_description(config, self.config))
        self.config = config
        self.controller.config_previewed.emit(config)

    @Slot(int)
    def _on_preset_chosen(self, index: int) -> None:
        self.load_preset(self.preset_box.itemText(index))

    def load_preset(self, name: str) -> None:
        """Switch to preset ``name``: training restarts from its step 0, even where
        only live settings differ (overfit → l2), so the class sees the whole run."""
        config = load_preset(name)
        self.undo_point(translate("MainWindow", "Preset {name}").format(name=name))
        self.preset_box.setCurrentText(name)
        self.control_panel.show_config(config)
        self._hide_banner()
        self._send_config(config)
        # The preset's own points too: points edited for another lesson must not
        # silently change this one's numbers.
        self.controller.fresh_start_requested.emit()
        if self.remember_settings:
            remember_preset(name)

    def set_value(self, name: str, value) -> None:
        """Change one setting as if typed into its control (tests, scripts); a bad
        value shows the control panel's message and changes nothing."""
        self.control_panel.set_value(name, value)

    @Slot()
    def leave_presentation(self) -> None:
        """Esc: close the settings drawer if it is open, else leave presentation mode."""
        if not self.adaptive_layout.close_drawer():
            set_presentation(self, False)

    @Slot()
    def toggle_panel(self) -> None:
        """Show or hide every setting: the docked panel, or the drawer over the views."""
        self.adaptive_layout.toggle_panel()

    # -- showing ------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snapshot: Snapshot) -> None:
        every_step = snapshot.extra.get("every_step", False)
        self.pacer.offer(snapshot, snapshot.config.speed if every_step else 0.0)

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw every view from ``snapshot`` now (screenshots, tests)."""
        self.pacer.draw_now(snapshot)

    def _show_header(self, snapshot: Snapshot) -> None:
        """What changes every frame outside the views: counter, status, banner
        (drawn in the same turn as the boundary, from the same snapshot)."""
        gap, rate = gap_text(snapshot), rate_text(snapshot)
        if self.gap_label.fontMetrics().horizontalAdvance(gap) > self._gap_advance:
            self._fit_gap_label(gap)
        if self.rate_label.fontMetrics().horizontalAdvance(rate) != self._rate_advance:
            self._fit_rate_label(rate)
        for label, text in ((self.step_counter,
                             translate("MainWindow", STEP_TEXT).format(step=snapshot.step)),
                            (self.gap_label, gap),
                            (self.rate_label, rate)):
            if label.text() != text:  # an unchanged label is not painted again
                label.setText(text)
        self.control_panel.show_training_points(len(snapshot.data.y_train))
        edited = bool(snapshot.extra.get("data_edited", False))
        if edited != self.data_edited:
            self.data_edited = edited
            self.data_note.setVisible(edited)
            self._update_title()
        if snapshot.diverged:
            if self._banner_kind != "diverged":  # keep a longer explanation shown
                self._show_banner(banner_text(snapshot.diverged), "diverged")
        elif self._banner_kind == "diverged":
            self._hide_banner()  # reset, or a new experiment: healthy again

    @Slot(object)
    def _on_shown(self, snapshot: Snapshot) -> None:
        self.latest = snapshot
        self.snapshot_shown.emit(snapshot)

    @Slot(str)
    def bar_message_changed(self, _text: str = "") -> None:
        """A setting in the compact bar refused a value: the bar has no room under
        its fields, so the message takes the banner over the views."""
        message = self.bar.message() if self.bar.header else ""
        if message:
            self._show_banner(message, "input")
        elif self._banner_kind == "input":
            self._hide_banner()

    def _show_banner(self, text: str, kind: str) -> None:
        self._banner_kind = kind
        self.banner.show_message("⚠  " + text)

    def _hide_banner(self) -> None:
        self._banner_kind = ""
        self.banner.hide()

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        self.pause()
        self._show_banner(banner_text(message), "diverged")

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.pause()
        self._show_banner(translate("MainWindow", "{message} — training is paused.").format(
            message=message.splitlines()[0]), "error")

    @Slot(bool)
    def _on_state_changed(self, running: bool) -> None:
        self.pacer.set_live(running)
        # Thin, plain lines while training (a thick antialiased line costs several
        # times as much to paint, and paint time is training time); crisp when paused.
        for view in (self.boundary_view, self.cost_view, self.accuracy_view,
                     self.weight_norms_view, self.network_diagram_view):
            view.set_live(running)
        self.play_button.show_running(running)

    @Slot(float)
    def _on_frame_interval_changed(self, seconds: float) -> None:
        # Snapshots nobody will draw are copies the training thread need not make.
        self.controller.snapshot_interval_requested.emit(
            max(DEFAULT_SNAPSHOT_INTERVAL_S, seconds))

    def _update_title(self) -> None:
        name = self.config.preset or translate("MainWindow", "custom")
        points = translate("MainWindow", " · your edited points") if self.data_edited else ""
        self.setWindowTitle(f"regviz — {name}{points}")

    # -- language ----------------------------------------------------------------------
    def retranslate(self) -> None:
        """Every text in the current language; the run goes on untouched."""
        retranslate_texts(self)
        self.control_panel.retranslate()
        self._show_preset_tooltips()
        self._update_title()
        for label in (self.rate_label, self.gap_label, self.step_counter):
            label.setText("")  # made again from the snapshot below
        retranslate_help(self)
        show_checked_language(self)
        apply_display(self)  # sizes for the new text; every view redrawn
    # -- shutting down ---------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop training and its thread (also done by closing the window)."""
        self.controller.shutdown()

    def closeEvent(self, event) -> None:
        if self.remember_settings:
            save_window(self)
        if self.dark_theme:  # the dark palette is application-wide (see presentation)
            QApplication.setPalette(QApplication.style().standardPalette())
        self.shutdown()
        super().closeEvent(event)
