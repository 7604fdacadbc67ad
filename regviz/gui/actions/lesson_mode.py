"""Lesson mode: Teach → Lessons runs a lesson file (``regviz/lesson.py``) scene by
scene. A caption strip above the views says what the class is looking at (big
type, for the back row), the controls a scene does not need are hidden or locked,
and each scene can start training, pause at a step or at the lowest test loss,
pick a tab, switch the dropout-ensemble overlays on or open the λ sweep.

Keys (in ``SHORTCUTS``): Page Down / Page Up — what a presenter's clicker sends —
and Alt+→ / Alt+← move between scenes; plain → stays "step once", as everywhere.
Esc leaves presentation mode first and, when not presenting, the lesson."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...config import FIELDS_BY_NAME
from ...lesson import Lesson, Scene, lesson_names, load_lesson, pause_reached
from ..language import is_language_change, translate

CAPTION_PT = 17  # the caption at 1× (presentation mode scales it like the controls)
DETAIL_PT = 12
TAB_INDEX = {"network": 0, "weight_histograms": 1}


class LessonStrip(QFrame):
    """The caption strip: lesson and scene, the caption, the question, ◀ ▶ ✕."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("lesson_strip")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.heading = QLabel()
        self.heading.setObjectName("lesson_heading")
        self.caption = QLabel()
        self.caption.setObjectName("lesson_caption")
        self.caption.setWordWrap(True)
        self.question = QLabel()
        self.question.setObjectName("lesson_question")
        self.question.setWordWrap(True)
        self.previous_button = QPushButton("◀")
        self.previous_button.setObjectName("lesson_previous")
        self.previous_button.setToolTip(translate("Lessons", "Previous scene (Page Up or Alt+←)"))
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("lesson_next")
        self.next_button.setToolTip(translate("Lessons", "Next scene (Page Down or Alt+→)"))
        self.leave_button = QPushButton("✕")
        self.leave_button.setObjectName("lesson_leave")
        self.leave_button.setToolTip(translate("Lessons", "Leave the lesson: every control back"))
        heading_row = QHBoxLayout()
        heading_row.setSpacing(4)
        heading_row.addWidget(self.heading, 1)
        for button in (self.previous_button, self.next_button, self.leave_button):
            heading_row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 8, 8)
        layout.setSpacing(2)
        layout.addLayout(heading_row)
        layout.addWidget(self.caption)
        layout.addWidget(self.question)
        self.set_scale(1.0)
        self._shown: tuple[Lesson, int] | None = None
        self.hide()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event) and self._shown is not None and not self.isHidden():
            self.show_scene(*self._shown)
        super().changeEvent(event)

    def set_scale(self, scale: float) -> None:
        self.setStyleSheet(
            "#lesson_strip { background: #fff4c2; border-bottom: 3px solid #e69f00; }"
            "#lesson_strip QLabel { color: #1a1a1a; }"
            f"#lesson_heading {{ font-size: {round(DETAIL_PT * scale)}pt; font-weight: bold; }}"
            f"#lesson_caption {{ font-size: {round(CAPTION_PT * scale)}pt; }}"
            f"#lesson_question {{ font-size: {round((DETAIL_PT + 2) * scale)}pt;"
            " font-style: italic; color: #7a3b00; }"
            f"#lesson_strip QPushButton {{ font-size: {round(DETAIL_PT * scale)}pt;"
            f" min-width: {round(40 * scale)}px; padding: 1px 4px; }}")

    def show_scene(self, lesson: Lesson, index: int) -> None:
        """Scene ``index`` of ``lesson``, in the interface's language (a shipped
        lesson's texts are in the translation; a teacher's own file as written)."""
        self._shown = (lesson, index)
        scene = lesson.scenes[index]
        title = f" — {lesson_text(scene.title)}" if scene.title else ""
        self.heading.setText(translate("Lessons", "{lesson} · scene {n} of {count}{title}")
                             .format(lesson=lesson_text(lesson.title), n=index + 1,
                                     count=len(lesson.scenes), title=title))
        self.caption.setText(lesson_text(scene.caption))
        self.question.setText(translate("Lessons", "Ask the class: {question}").format(
            question=lesson_text(scene.question)) if scene.question else "")
        self.question.setVisible(bool(scene.question))
        self.previous_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(lesson.scenes) - 1)
        self.show()


class LessonMode(QObject):
    """Runs one lesson on the main window (find it with ``window.findChild(LessonMode)``)."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("lesson_mode")
        self.window = window
        self.lesson: Lesson | None = None
        self.index = 0
        self._pause_event: str | None = None
        self.strip = LessonStrip()
        area = window.findChild(QWidget, "views_area")
        area.layout().insertWidget(0, self.strip)
        self.strip.previous_button.clicked.connect(self.previous_scene)
        self.strip.next_button.clicked.connect(self.next_scene)
        self.strip.leave_button.clicked.connect(self.leave)
        window.snapshot_shown.connect(self._on_snapshot_shown)
        self._build_menu()

    def _build_menu(self) -> None:
        window = self.window
        menu = window.menus["teach"].addMenu(translate("Lessons", "&Lessons"))
        menu.setObjectName("lessons_menu")
        for name in lesson_names():
            lesson = load_lesson(name)
            action = QAction(lesson_text(lesson.title), window)
            action.setObjectName(f"lesson_{name}")
            action.setStatusTip(lesson_text(lesson.description))
            action.triggered.connect(lambda _=False, n=name: self.start(load_lesson(n)))
            menu.addAction(action)
        menu.addSeparator()
        self.actions = {}
        for name, text, slot in (
                ("next_scene", translate("Lessons", "Next scene"), self.next_scene),
                ("previous_scene", translate("Lessons", "Previous scene"), self.previous_scene),
                ("leave_lesson", translate("Lessons", "Leave the lesson"), self.leave)):
            action = QAction(text, window)
            action.setObjectName(name)
            action.setEnabled(False)
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[name] = action

    @property
    def active(self) -> bool:
        return self.lesson is not None

    @property
    def scene(self) -> Scene | None:
        return self.lesson.scenes[self.index] if self.lesson is not None else None

    # -- moving ---------------------------------------------------------------------
    def start(self, lesson: Lesson, index: int = 0, drive: bool = True) -> None:
        """Open ``lesson`` at scene ``index`` (``drive=False``: show the scene's
        caption and controls only, for a screenshot that trains by itself)."""
        self.lesson = lesson
        for action in self.actions.values():
            action.setEnabled(True)
        self.go_to(index, drive)

    @Slot()
    def next_scene(self) -> None:
        if self.lesson is not None and self.index < len(self.lesson.scenes) - 1:
            self.go_to(self.index + 1)

    @Slot()
    def previous_scene(self) -> None:
        if self.lesson is not None and self.index > 0:
            self.go_to(self.index - 1)

    def go_to(self, index: int, drive: bool = True) -> None:
        """Show scene ``index``: its settings, controls, caption, view choices, and
        (``drive``) its training: restart or continue, play, where to pause."""
        window, lesson = self.window, self.lesson
        self.index = index
        scene = lesson.scenes[index]
        self.strip.show_scene(lesson, index)
        self._show_controls(scene)
        if scene.tab:
            window.lower_tabs.setCurrentIndex(TAB_INDEX[scene.tab])
        boundary = window.boundary_view
        boundary.show_thinned.setChecked(scene.thinned_nets)
        boundary.show_uncertainty.setChecked(scene.uncertainty)
        if not drive:
            return
        window.pause()
        window.control_panel.show_config(scene.config)
        window.apply_config(scene.config)
        if not scene.continue_training:
            window.reset()
        self._pause_event = scene.pause_at if isinstance(scene.pause_at, str) else None
        step = scene.pause_at if isinstance(scene.pause_at, int) else -1
        window.controller.pause_step_requested.emit(step)
        if scene.opens:
            teach = window.findChild(QObject, "teach_actions")
            (teach.open_sweep if scene.opens == "sweep" else teach.open_compare)()
        elif scene.play:
            window.play()

    @Slot()
    def leave(self) -> None:
        """Back to the ordinary window: every control shown and editable, no caption;
        the training and settings stay as the last scene left them."""
        if self.lesson is None:
            return
        self.lesson = None
        self._pause_event = None
        self.window.controller.pause_step_requested.emit(-1)
        self.strip.hide()
        for action in self.actions.values():
            action.setEnabled(False)
        self._show_controls(None)

    # -- what a scene shows -------------------------------------------------------------
    def _show_controls(self, scene: Scene | None) -> None:
        panel = self.window.control_panel
        shown = None if scene is None else scene.shown
        locked = () if scene is None else scene.locked

        def visible(name: str) -> bool:
            # Playback (speed) is the teacher's, not the experiment's: always there.
            return shown is None or name in shown or not FIELDS_BY_NAME[name].affects_training

        for name, control in panel.controls.items():
            control.setVisible(visible(name))
            label = panel.findChild(QLabel, f"{name}_label")
            if label is not None:
                label.setVisible(visible(name))
        panel.set_locked(locked)
        for box in panel.findChildren(QGroupBox):
            names = [c for c in panel.controls if box.isAncestorOf(panel.controls[c])]
            box.setVisible(any(visible(n) for n in names))

    def set_scale(self, scale: float) -> None:
        self.strip.set_scale(scale)

    @Slot(object)
    def _on_snapshot_shown(self, snapshot) -> None:
        if self._pause_event is None or not snapshot.extra.get("running", False):
            return
        if pause_reached(self._pause_event, snapshot.step, snapshot.history):
            self._pause_event = None
            self.window.pause()


def install_lesson_mode(window) -> LessonMode:
    """Teach → Lessons, the caption strip and the scene keys' actions."""
    return LessonMode(window)


def lesson_mode(window) -> LessonMode:
    return window.findChild(LessonMode, "lesson_mode")


def lesson_text(text: str) -> str:
    """A lesson's title, caption or question in the interface's language."""
    return translate("Lessons", text) if text else ""
