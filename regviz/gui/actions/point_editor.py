"""Your own points: Teach → Edit points (Ctrl+D) shows a bar with a class picker;
then a click in the decision-boundary plot adds a point of that class and a
right-click removes the point nearest to it. Shift+click and Shift+right-click do
the same at any time, so a plain click still selects a training point for the
network diagram when not editing.

New points are training points unless the bar says otherwise: the class wants to
see the boundary bend towards a point it just placed, which only happens for
points the network trains on. Every edit sends a copy of the points to the
training (``TrainingController.data_requested``); the network keeps its weights
and trains on on the edited data.

"Clear all points" empties the plane and pauses; training resumes on the new
points once there are training points of at least two classes (the engine needs
something to separate)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QToolBar

from ...experiment import TrainTestData
from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate

MIN_CLASSES_TO_TRAIN = 2
CLASS_SYMBOLS = "●■▲◆★✚"
NEED_TWO_CLASSES = QT_TRANSLATE_NOOP(
    "PointEditor", "Add training points of at least two classes to train again.")


def install_point_editor(window) -> PointEditor:
    editor = PointEditor(window)
    window.point_editor = editor
    return editor


class PointEditor(QObject):
    data_sent = Signal(object)  # the TrainTestData just handed to the training

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.view = window.boundary_view
        self.editing = False
        self._pending: TrainTestData | None = None  # sent, not yet back in a snapshot
        self._held: TrainTestData | None = None  # too few points to train on yet
        self._overlay = pg.ScatterPlotItem(pxMode=True)
        self._overlay.setZValue(20)
        self.view.plot.addItem(self._overlay)
        self._build_actions()
        self._build_bar()
        self.view.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)
        window.controller.worker.snapshot_ready.connect(
            self._on_snapshot_ready, Qt.ConnectionType.QueuedConnection)
        window.snapshot_shown.connect(self._on_snapshot_shown)

    # -- construction ---------------------------------------------------------------
    def _build_actions(self) -> None:
        menu = self.window.menus["teach"]
        self.edit_action = QAction(translate("PointEditor", "&Edit points"), self.window)
        self.edit_action.setObjectName("edit_points")
        self.edit_action.setCheckable(True)
        self.edit_action.setStatusTip(translate(
            "PointEditor", "Click in the decision boundary to add a point, right-click to "
            "remove the nearest"))
        self.edit_action.toggled.connect(self.set_editing)
        self.clear_action = QAction(translate("PointEditor", "&Clear all points"), self.window)
        self.clear_action.setObjectName("clear_points")
        self.clear_action.triggered.connect(self.clear_all)
        menu.addAction(self.edit_action)
        menu.addAction(self.clear_action)

    def _build_bar(self) -> None:
        bar = QToolBar(translate("PointEditor", "Edit points"), self.window)
        bar.setObjectName("point_editor_bar")
        bar.setMovable(False)
        bar.addWidget(QLabel(translate("PointEditor", " New point:  class ")))
        self.class_box = QComboBox()
        self.class_box.setObjectName("point_class")
        self.class_box.setToolTip(translate(
            "PointEditor", "The class of the points you add (its colour in the plot)"))
        bar.addWidget(self.class_box)
        self.target_box = QComboBox()
        self.target_box.setObjectName("point_target")
        self.target_box.addItem(
            translate("PointEditor", "as a training point (the network learns it)"), "train")
        self.target_box.addItem(translate("PointEditor", "as a test point (only measured)"),
                                "test")
        self.target_box.setToolTip(translate(
            "PointEditor", "Training points change the data loss and so the boundary; test "
            "points only change the test loss"))
        bar.addWidget(self.target_box)
        clear = QPushButton(translate("PointEditor", "Clear all points"))
        clear.setObjectName("clear_points_button")
        clear.setToolTip(translate(
            "PointEditor", "Remove every point; training waits until you have added training "
            "points of two classes"))
        clear.clicked.connect(self.clear_all)
        bar.addWidget(clear)
        self.hint = QLabel(translate("PointEditor",
                                     "   click: add  ·  right-click: remove nearest"))
        self.hint.setObjectName("point_editor_hint")
        bar.addWidget(self.hint)
        bar.hide()
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.bar = bar
        self._fill_class_box()

    def _fill_class_box(self) -> None:
        k = self.n_classes()
        if self.class_box.count() == k:
            return
        current = self.class_box.currentIndex()
        self.class_box.clear()
        for c in range(k):
            self.class_box.addItem(f"{CLASS_SYMBOLS[c % len(CLASS_SYMBOLS)]} {c + 1}", c)
        self.class_box.setCurrentIndex(min(max(current, 0), k - 1))

    # -- state ------------------------------------------------------------------------
    def n_classes(self) -> int:
        """How many classes the network's output distinguishes (the picker's choices)."""
        latest = self.window.latest
        if latest is None:
            return max(2, self.window.config.n_classes)
        return max(2, int(latest.weights[-1].shape[1]))

    def data(self) -> TrainTestData | None:
        """The points as the user now sees them (edits not yet trained on included)."""
        if self._held is not None:
            return self._held
        if self._pending is not None:
            return self._pending
        latest = self.window.latest
        return latest.data if latest is not None else None

    @property
    def current_class(self) -> int:
        return int(self.class_box.currentData() or 0)

    def set_class(self, label: int) -> None:
        self.class_box.setCurrentIndex(self.class_box.findData(int(label)))

    @Slot(bool)
    def set_editing(self, on: bool) -> None:
        self.editing = bool(on)
        if self.edit_action.isChecked() != self.editing:
            self.edit_action.setChecked(self.editing)
        self._fill_class_box()
        self.bar.setVisible(self.editing)

    # -- edits ------------------------------------------------------------------------
    def add_point(self, x: float, y: float, label: int | None = None,
                  test: bool | None = None) -> None:
        """Add a point of class ``label`` (the picker's by default) at (x, y)."""
        data = self.data()
        if data is None:
            return
        label = self.current_class if label is None else int(label)
        if test is None:
            test = self.target_box.currentData() == "test"
        point = np.array([[float(x), float(y)]])
        if test:
            new = TrainTestData(data.X_train.copy(), data.y_train.copy(),
                                np.vstack([data.X_test, point]),
                                np.append(data.y_test, label).astype(data.y_test.dtype))
        else:
            new = TrainTestData(np.vstack([data.X_train, point]),
                                np.append(data.y_train, label).astype(data.y_train.dtype),
                                data.X_test.copy(), data.y_test.copy())
        self._send(new)

    def remove_nearest(self, x: float, y: float) -> bool:
        """Remove the training or test point nearest to (x, y); False if none."""
        data = self.data()
        if data is None or not len(data.y_train) + len(data.y_test):
            return False
        where = np.array([x, y], float)
        d_train = np.linalg.norm(data.X_train - where, axis=1) if len(data.y_train) else []
        d_test = np.linalg.norm(data.X_test - where, axis=1) if len(data.y_test) else []
        best_train = int(np.argmin(d_train)) if len(d_train) else None
        best_test = int(np.argmin(d_test)) if len(d_test) else None
        from_train = best_test is None or (best_train is not None
                                           and d_train[best_train] <= d_test[best_test])
        if from_train:
            keep = np.arange(len(data.y_train)) != best_train
            new = TrainTestData(data.X_train[keep], data.y_train[keep],
                                data.X_test.copy(), data.y_test.copy())
        else:
            keep = np.arange(len(data.y_test)) != best_test
            new = TrainTestData(data.X_train.copy(), data.y_train.copy(),
                                data.X_test[keep], data.y_test[keep])
        self._send(new)
        return True

    @Slot()
    def clear_all(self) -> None:
        data = self.data()
        if data is None:
            return
        self.window.undo_point(translate("PointEditor", "Clear all points"))
        empty = np.empty((0, 2))
        no_labels = np.empty(0, dtype=data.y_train.dtype)
        self._send(TrainTestData(empty, no_labels, empty.copy(), no_labels.copy()))

    def _send(self, data: TrainTestData) -> None:
        if len(np.unique(data.y_train)) < MIN_CLASSES_TO_TRAIN:
            # Nothing to learn from yet: hold the points here, show them ourselves.
            if self._held is None:
                self.window.pause()
            self._held = data
            self._show_held()
            self.window.statusBar().showMessage(translate("PointEditor", NEED_TWO_CLASSES))
            return
        self._held = None
        self._overlay.setData([])
        self._pending = data
        self.window.controller.data_requested.emit(data)
        self.data_sent.emit(data)
        if self.window.statusBar().currentMessage() == translate("PointEditor", NEED_TWO_CLASSES):
            self.window.statusBar().clearMessage()

    def _show_held(self) -> None:
        view, data, t = self.view, self._held, self.window.theme
        for item in (view.train_scatter, view.test_scatter, view.wrong_scatter,
                     view.selected_marker):
            item.setData([])
        colours = [pg.mkBrush(*t.class_colours[c % len(t.class_colours)])
                   for c in range(self.n_classes())]
        spots = [{"pos": p, "brush": colours[c], "symbol": "o", "size": t.marker_size}
                 for p, c in zip(data.X_train, data.y_train, strict=True)]
        spots += [{"pos": p, "brush": pg.mkBrush(None), "symbol": "s", "size": t.marker_size,
                   "pen": pg.mkPen(colours[c].color(), width=2.4 * t.scale)}
                  for p, c in zip(data.X_test, data.y_test, strict=True)]
        self._overlay.setData(spots)

    # -- events -----------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot_ready(self, snapshot) -> None:
        if self._pending is not None and snapshot.data is self._pending:
            self._pending = None  # the training has it; snapshots carry it from now on

    @Slot(object)
    def _on_snapshot_shown(self, snapshot) -> None:
        self._fill_class_box()
        if self._held is not None:
            self._show_held()  # a redraw brought the old points back

    def _on_scene_clicked(self, event) -> None:
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if not (self.editing or shift) or event.double():
            return
        vb = self.view.plot.vb
        if not vb.sceneBoundingRect().contains(event.scenePos()):
            return
        where = vb.mapSceneToView(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton:
            self.add_point(where.x(), where.y())
        elif event.button() == Qt.MouseButton.RightButton:
            self.remove_nearest(where.x(), where.y())
        else:
            return
        event.accept()
