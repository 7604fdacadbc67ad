"""File → Save session…, Open session… and Load data….

A session (``regviz/session.py``) is one ``.regviz`` file with the config, the exact
points and, optionally, the weights and history: opening it shows the same step
and the same boundary. Whatever goes wrong while opening (a garbage file, a
truncated archive, points the network cannot take) is shown in a dialog naming
the file and the problem, and the running session stays exactly as it was: the
file is read and checked completely before anything is handed to the training."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ... import session as sessions
from ...experiment import make_data
from ...snapshot import Snapshot
from ...translatable import QT_TRANSLATE_NOOP
from ..language import translate
from .file_writing import busy, show_done, show_error
from .undo_actions import adopt_experiment

SESSION_FILTER = QT_TRANSLATE_NOOP("Sessions", "regviz sessions (*.regviz);;All files (*)")
DATA_FILTER = QT_TRANSLATE_NOOP("Sessions", "Points (*.csv *.npz *.mat);;All files (*)")


def install_session_actions(window) -> None:
    menu = window.menus["file"]
    first = menu.actions()[0] if menu.actions() else None  # keep Quit last
    for name, text, tip, slot in (
            ("open_session", translate("Sessions", "&Open session…"),
             translate("Sessions", "Open a saved .regviz session"),
             lambda: open_session(window)),
            ("save_session", translate("Sessions", "&Save session…"),
             translate("Sessions", "Save settings, points, weights and history in one .regviz "
                       "file"),
             lambda: save_session(window)),
            ("save_session_without_weights",
             translate("Sessions", "Save settings and points only…"),
             translate("Sessions", "Save settings and points; opening it starts training from "
                       "step 0"),
             lambda: save_session(window, include_weights=False)),
            ("load_data", translate("Sessions", "&Load data…"),
             translate("Sessions", "Train on your own points: CSV (x1, x2, label), NPZ or the "
                       "course's data.mat"),
             lambda: load_data(window))):
        action = QAction(text, window)
        action.setObjectName(name)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.insertAction(first, action)
    if first is not None:
        menu.insertSeparator(first)


def exact_snapshot(window) -> Snapshot:
    """A snapshot of the training exactly as it is now, taken in the worker's thread
    between steps (the one drawn may be a frame behind)."""
    return window.controller.run_steps_blocking(0)


def session_from_snapshot(snapshot: Snapshot, include_weights: bool = True):
    if not include_weights:
        return sessions.Session(snapshot.config, snapshot.data.copy())
    return sessions.Session(snapshot.config, snapshot.data.copy(), snapshot.step,
                            [w.copy() for w in snapshot.weights],
                            [b.copy() for b in snapshot.biases],
                            {k: v.copy() for k, v in snapshot.history.items()},
                            list(snapshot.checkpoints))


def save_session(window, path: str | None = None, include_weights: bool = True) -> bool:
    """Save to ``path`` (asked for if None); False if cancelled or it failed."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(window, translate("Sessions", "Save session"),
                                              "session.regviz",
                                              SESSION_FILTER)
        if not path:
            return False
        if not path.endswith(sessions.SUFFIX) and not Path(path).suffix:
            path += sessions.SUFFIX
    try:
        with busy(window, translate("Sessions", "Saving {path} …").format(path=path)):
            session = session_from_snapshot(exact_snapshot(window), include_weights)
            sessions.save(session, path)  # atomic itself: the old file survives a failure
    except (OSError, ValueError) as exc:
        show_error(window, translate("Sessions", "Could not save the session"),
                   translate("Sessions", "The session was not saved to {path}:\n{error}").format(
                       path=path, error=exc))
        return False
    show_done(window, translate("Sessions", "Saved {path}").format(path=path))
    return True


def open_session(window, path: str | None = None) -> bool:
    """Open ``path`` (asked for if None); False (and nothing changed) on any error."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, translate("Sessions", "Open session"), "",
                                              translate("Sessions", SESSION_FILTER))
        if not path:
            return False
    try:
        with busy(window, translate("Sessions", "Opening {path} …").format(path=path)):
            session = sessions.load(path)
            experiment = session.to_experiment()
    except (OSError, ValueError) as exc:
        show_error(window, translate("Sessions", "Could not open the session"),
                   translate("Sessions", "{path} was not opened; the current session is "
                             "unchanged.\n\n{error}").format(path=path, error=exc))
        return False
    window.undo_point(translate("Sessions", "Open {file}").format(file=Path(path).name))
    adopt_experiment(window, experiment)
    show_done(window, translate("Sessions", "Opened {path} at step {step:,}").format(
        path=path, step=experiment.step_count))
    return True


def load_data(window, path: str | None = None) -> bool:
    """Train on the points in ``path`` (asked for if None): the file is loaded and
    checked here first, so a bad one changes nothing."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(window, translate("Sessions", "Load data"), "",
                                              translate("Sessions", DATA_FILTER))
        if not path:
            return False
    try:
        with busy(window, translate("Sessions", "Loading {path} …").format(path=path)):
            config = window.config.with_values(data_file=path)
            make_data(config)
    except (OSError, ValueError) as exc:
        detail = str(exc) if str(path) in str(exc) else f"{path}: {exc}"
        show_error(window, translate("Sessions", "Could not load the data"),
                   translate("Sessions", "The points in {file} were not loaded; training "
                             "continues on the current points.\n\n{error}").format(
                       file=Path(path).name, error=detail))
        return False
    window.control_panel.set_config(config)
    show_done(window, translate("Sessions", "Training on the points in {path}").format(path=path))
    return True
