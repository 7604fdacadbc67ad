"""regviz's window: Qt widgets that only *show* and *steer* the engine.

Where things live (each folder holds one role; the small shared pieces sit here):

- ``windows/`` — the top-level windows: ``MainWindow`` (main_window.py),
  ``CompareWindow`` (compare_window.py), ``SweepWindow`` (sweep_window.py). A window
  builds its views and controls, wires them to a worker and adds its menus. The
  main window's layout for the room it has (panel docked or a drawer, which view
  goes where) is ``AdaptiveLayout`` (adaptive_layout.py); every window opens
  inside its screen (screen_fit.py); messages lie over the views in an
  ``OverlayBanner`` (overlay_banner.py).
- ``views/`` — what draws a ``Snapshot``: ``DecisionBoundaryView``, ``CostView``,
  ``AccuracyView``, ``WeightNormsView``, ``NetworkDiagramView``,
  ``WeightHistogramView``, ``ConstraintView`` (two weights' loss and penalty
  contours), the compare and sweep plots (compare_plots.py, sweep_plot.py, and
  ``ShrinkView``, each run's shrink per step), the lower tabs (view_tabs.py), the
  thinned nets drawn under the boundary (dropout_ensemble_overlay.py). Each has
  ``show_snapshot(snapshot)`` and ``apply_theme(theme)``; plots over steps derive
  from ``HistoryPlot`` (history_plot.py), which decimates curves (decimate.py)
  and lays out the labels of change markers (marker_layout.py); every canvas
  paints its own background (canvas.py).
- ``controls/`` — widgets that change settings: ``ControlPanel`` (one control per
  ``config.FIELDS`` entry, made from the table), the ``PlayPauseButton``, the
  ``HistoryScrubber`` (the timeline under the views) and the ``CompactBar``
  (compact_bar.py: the demo's controls over the views on a small screen or in
  presentation mode, borrowed from the panel by setting name).
- ``workers/`` — threads and pacing: ``TrainingWorker``/``TrainingController``
  (training_worker.py: the experiment trains in a parentless QThread),
  ``CompareController`` (compare_worker.py), ``FramePacer`` (frame_pacer.py: which
  view draws which snapshot when), ``StepPacer`` (step_pacer.py: how many steps
  are due at the set speed; pure Python).
- ``actions/`` — menus, keys and dialogs, each module installing its own actions
  on the window: files (session_actions.py, export_actions.py, with the dialogs'
  shared helpers in file_writing.py), Edit → Undo (undo_actions.py: the run a
  reset, preset, loading or "continue from here" threw away comes back), Teach
  (teach_actions.py), presentation mode and the dark theme (presentation.py), the
  point editor (point_editor.py), Help (help_dialogs.py), Slower/Faster/Full speed
  (speed_actions.py), lesson mode — Teach → Lessons, the caption strip, scene by
  scene (lesson_mode.py) —, rewinding the run with the scrubber and "continue from
  here" (scrubbing.py), View → Language (language_actions.py), and ``SHORTCUTS``
  (shortcuts.py), the one table of keys.
- Here: ``app.py`` (the QApplication: style, bundled font), ``launch.py`` (opening
  the interactive window, remembered settings), ``settings.py`` (what is remembered),
  ``theme.py`` (colours and sizes), ``screenshot.py`` (the window as a picture, for
  ``--screenshot`` and the screenshot tests), ``image_compare.py`` (comparing
  pictures with baselines), ``system_libraries.py`` (before Qt opens a window:
  a display, and the X11 libraries Qt's xcb plugin needs), ``svg_export.py`` (a
  plot as an SVG that every renderer draws like the PNG), ``language.py`` (the
  interface's language: ``translate``, switching at run time, the remembered
  choice), ``text_slots.py`` (every place a window shows text, for switching and
  for the tests), ``preset_text.py`` (a preset's description in the language).

Where to start for a common change:

- a new view — copy the smallest view in ``views/`` (``AccuracyView``, a
  ``HistoryPlot``), then add it in ``MainWindow._build_views`` and to the
  ``FramePacer``'s views (with its frame rate) in ``MainWindow._view_paces``;
- a new setting — a ``Field`` in ``regviz/config.py`` ``FIELDS`` (and the matching
  ``Config`` attribute): the ``ControlPanel``, presets, ``--set`` and sessions pick
  it up from there;
- a new menu action — an ``install_…`` function in ``actions/`` called from
  ``MainWindow._build_menus``; its key goes in ``SHORTCUTS`` (actions/shortcuts.py);
- a new preset — a JSON file in ``resources/presets/``, read by
  ``config.load_preset``;
- a new action that throws the run away (restarts, replaces or rewinds it) — call
  ``window.undo_point("what it is")`` just before it (actions/undo_actions.py);
- a new text in the window — ``translate("Context", "the text")`` (language.py;
  ``QT_TRANSLATE_NOOP`` from ``regviz.translatable`` outside the GUI), then
  ``tools/update_translations.py`` and its Chinese in the .ts.


Import rule: ``regviz.core``, ``config``, ``experiment`` and ``snapshot`` never
import this package (tests/test_import_layers.py). ``from regviz.gui import
MainWindow`` works and imports Qt only when asked for.
"""

from __future__ import annotations

__all__ = ["MainWindow"]


def __getattr__(name: str):
    # Lazy: importing regviz.gui.app (as the command line does) must not build the
    # whole window module tree first.
    if name == "MainWindow":
        from .windows.main_window import MainWindow

        return MainWindow
    raise AttributeError(f"module 'regviz.gui' has no attribute {name!r}")
