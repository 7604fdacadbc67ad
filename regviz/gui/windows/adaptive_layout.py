"""The main window's layout for the space it has: from a 1024×640 projector to a
4K screen, in normal and presentation mode.

Two decisions, made again whenever the window is resized or changes mode (never
per frame):

- **The control panel**: docked on the left when the views keep at least
  ``DOCKED_MIN_VIEWS_WIDTH`` beside it (and not in presentation mode, where the
  views are the show); otherwise a *drawer* laid over the views' left edge,
  closed until asked for (key C, or ☰ All settings), while the ``CompactBar``
  above the views holds what a demo needs (Play, Step, Reset, the preset and the
  lesson's settings). C also hides a docked panel, for the views' sake.
- **The views** (``choose_views``): *grid* — boundary over the network tabs on the
  left, cost, accuracy and weight norms stacked on the right (a tall area);
  *paired* — the same, but accuracy and weight norms share a tab area under the
  cost plot; *compact* — the boundary alone on the left, as wide as it is tall,
  and the cost plot over one tab area for all the others (a short area). The
  decision boundary and the cost plot are always shown, and always the largest.

Thresholds are in pixels at the window's text scale (1.6× in presentation mode:
the same text needs 1.6× the room)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Slot

from ..language import translate

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" (not exported by PySide6)
# The views' least width beside a docked panel (a 1280-wide window keeps it).
DOCKED_MIN_VIEWS_WIDTH = 880
# The views area (width, height at text scale 1) for three curve plots stacked.
GRID_MIN = (1100, 820)
# The views area's least height (at text scale 1) for a second row in each column.
PAIRED_MIN_HEIGHT = 600
# The compact layout's boundary column: about as wide as the views are tall (the
# map is square), within these shares of the width.
COMPACT_LEFT_SHARE = (0.4, 0.55)
# Below this height (at text scale 1) the compact layout's cost plot takes 70%.
SHORT_COMPACT_HEIGHT = 300
# The grid's column stretch and row stretches (the lesson's plot, cost, largest).
GRID_COLUMNS = (10, 11)
ROWS = {"grid": {"boundary": 62, "lower_tabs": 38, "cost": 38, "accuracy": 30, "norms": 32},
        "paired": {"boundary": 62, "lower_tabs": 38, "cost": 55, "curve_tabs": 45},
        "compact": {"boundary": 1, "cost": 55, "lower_tabs": 45}}


@dataclass(frozen=True)
class Arrangement:
    panel: str  # "docked" or "drawer"
    views: str  # "grid", "paired" or "compact"


def panel_docks(window_width: int, panel_width: int, presenting: bool) -> bool:
    """Whether the control panel fits beside the views of a window this wide."""
    return not presenting and window_width - panel_width >= DOCKED_MIN_VIEWS_WIDTH


def choose_views(width: int, height: int, scale: float) -> str:
    """The view arrangement for a views area of ``width``×``height`` pixels whose
    text is ``scale`` times the normal size."""
    if width >= GRID_MIN[0] * scale and height >= GRID_MIN[1] * scale:
        return "grid"
    if height >= PAIRED_MIN_HEIGHT * scale:
        return "paired"
    return "compact"


class AdaptiveLayout(QObject):
    """Arranges ``window`` (a MainWindow) for its size and mode; ``update()`` after
    a mode change, resizes are followed by itself."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("adaptive_layout")
        self.window = window
        self.arrangement: Arrangement | None = None
        self.panel_hidden = False  # the user hid the docked panel (key C)
        self.drawer_open = False
        self._left_width: int | None = None
        # While re-arranging, the resizes it causes are not new reasons to re-arrange
        # (a nested call acted on the half-changed arrangement: leaving full screen,
        # it hid the panel it had just shown).
        self._arranging = False
        w = window
        self._rows = {"boundary": w.boundary_view, "lower_tabs": w.lower_tabs,
                      "cost": w.cost_view, "accuracy": w.accuracy_view,
                      "norms": w.weight_norms_slot, "curve_tabs": w.curve_tabs}
        w.bar.settings_button.clicked.connect(self.toggle_panel)
        window.installEventFilter(self)
        window.centralWidget().installEventFilter(self)
        w.bar.installEventFilter(self)
        w.boundary_view.installEventFilter(self)
        self.update()

    # -- public -------------------------------------------------------------------------
    @property
    def scale(self) -> float:
        return self.window.theme.scale

    def panel_width(self) -> int:
        return self.window.sidebar.width()

    def docked_possible(self) -> bool:
        return panel_docks(self.window.width(), self.panel_width(),
                           self.window.presenting)

    @Slot()
    def toggle_panel(self) -> None:
        """Key C: hide or show the docked panel, or open or close the drawer."""
        if self.docked_possible():
            self.panel_hidden = not self.panel_hidden
        else:
            self.drawer_open = not self.drawer_open
        self.update()

    def close_drawer(self) -> bool:
        """Close the drawer if it is open; whether it was."""
        if self.arrangement is None or self.arrangement.panel != "drawer" or \
                not self.drawer_open:
            return False
        self.drawer_open = False
        self.update()
        return True

    def update(self) -> None:
        """Re-arrange for the window's current size and mode (does nothing when
        nothing changed)."""
        if self._arranging:
            return  # a resize caused by re-arranging: the arrangement in hand decides
        self._arranging = True
        try:
            self._update()
        finally:
            self._arranging = False

    def _update(self) -> None:
        panel = "docked" if self.docked_possible() and not self.panel_hidden else "drawer"
        if panel == "docked":
            self.drawer_open = False
        old = self.arrangement
        if old is None or old.panel != panel:
            self._place_panel(panel)  # first: the bar's height is part of the views' room
        views = choose_views(*self._views_area_size(panel), self.scale)
        self.arrangement = Arrangement(panel, views)
        if old is None or old.views != views:
            self._arrange_views(views)
        self._fit_columns()
        self._place_drawer()
        self.window.fit_status_text()

    # -- the panel ---------------------------------------------------------------------
    def _views_area_size(self, panel: str) -> tuple[int, int]:
        """The views' room in a window of its size with the panel ``panel``: the
        window less the menu bar, status bar, and the panel or the compact bar."""
        w = self.window
        width, height = w.width(), w.height()
        height -= w.menuBar().sizeHint().height() + w.statusBar().sizeHint().height()
        # Strips above and below the views (a lesson's caption, the history scrubber).
        area = w.views_area.layout()
        for i in range(area.count()):
            strip = area.itemAt(i).widget()
            if strip is not None and strip.isVisibleTo(w):
                height -= strip.sizeHint().height() + area.spacing()
        if panel == "docked":
            width -= self.panel_width()
        else:
            height -= w.bar.layout().heightForWidth(width)  # as wrapped at this width
        return width, height

    def _place_panel(self, panel: str) -> None:
        w = self.window
        if panel == "docked":
            for widget in w.bar.give_back():
                widget.show()
            w.bar.hide()
            w.sidebar_column.insertWidget(0, w.transport)
            w.sidebar_column.insertWidget(1, w.step_counter,
                                          alignment=Qt.AlignmentFlag.AlignLeft)
            w.sidebar_column.insertWidget(2, w.preset_row)
            for widget in (w.transport, w.step_counter, w.preset_row):
                widget.show()
            w.body.insertWidget(0, w.sidebar)
            w.sidebar.show()
        else:
            w.body.removeWidget(w.sidebar)
            w.sidebar.setParent(w.centralWidget())  # laid over the views, not beside
            w.bar.lend([w.transport, w.step_counter, w.preset_row])
            w.bar.show()
        w.bar_message_changed()

    def _place_drawer(self) -> None:
        w = self.window
        drawer = self.arrangement.panel == "drawer"
        w.bar.settings_button.setChecked(drawer and self.drawer_open)
        if not drawer:
            return
        if not self.drawer_open:
            w.sidebar.hide()
            return
        central = w.centralWidget()
        top = w.bar.geometry().bottom() + 1 if w.bar.isVisible() else 0
        w.sidebar.setGeometry(0, top, self.panel_width(), max(0, central.height() - top))
        w.sidebar.show()
        w.sidebar.raise_()

    # -- the views -----------------------------------------------------------------------
    def _arrange_views(self, views: str) -> None:
        w = self.window
        left, right = w.left_column, w.right_column
        current = w.lower_tabs.currentWidget()
        for layout in (left, right):
            while layout.count():
                layout.takeAt(0)
        for tabs in (w.lower_tabs, w.curve_tabs):
            for page in (w.accuracy_view, w.weight_norms_slot):
                index = tabs.indexOf(page)
                if index >= 0:
                    tabs.removeTab(index)
        curve_pages = ((w.accuracy_view, translate("MainWindow", "Accuracy")),
                       (w.weight_norms_slot, translate("MainWindow", "Weight norms")))
        rows = ROWS[views]
        if views == "grid":
            placed = {"left": ("boundary", "lower_tabs"),
                      "right": ("cost", "accuracy", "norms")}
        elif views == "paired":
            for i, (page, title) in enumerate(curve_pages):
                w.curve_tabs.insertTab(i, page, title)
            placed = {"left": ("boundary", "lower_tabs"), "right": ("cost", "curve_tabs")}
        else:
            for i, (page, title) in enumerate(curve_pages):
                w.lower_tabs.insertTab(i, page, title)
            placed = {"left": ("boundary",), "right": ("cost", "lower_tabs")}
        for side, layout in (("left", left), ("right", right)):
            for key in placed[side]:
                layout.addWidget(self._rows[key], rows[key])
        shown = {key for keys in placed.values() for key in keys}
        for key, widget in self._rows.items():
            if key in shown:
                widget.show()
            elif key == "curve_tabs":
                widget.hide()
        # The tabs' pages keep their explanations wherever they are.
        for tabs in (w.lower_tabs, w.curve_tabs):
            for i in range(tabs.count()):
                page = tabs.widget(i)
                view = getattr(page, "view", page)
                explanation = getattr(view, "EXPLANATION", "")
                tabs.setTabToolTip(i, translate("Views", explanation) if explanation else "")
        if current is not None and w.lower_tabs.indexOf(current) >= 0:
            w.lower_tabs.setCurrentWidget(current)
        self._left_width = None

    def _fit_columns(self) -> None:
        """The columns' widths: fixed shares, except in the compact layout, where
        the boundary's column is about as wide as the map is tall (it is a square;
        any more width would be empty margin) and the rest goes to the cost plot —
        but never less than the tab area's titles need."""
        w = self.window
        grid, boundary = w.views_grid, w.boundary_view
        if self.arrangement.views != "compact":
            if self._left_width is not None or grid.stretch(0) != GRID_COLUMNS[0]:
                grid.setStretch(0, GRID_COLUMNS[0])
                grid.setStretch(1, GRID_COLUMNS[1])
                boundary.setMaximumWidth(QWIDGETSIZE_MAX)
                self._left_width = None
            return
        width, height = self._views_area_size(self.arrangement.panel)
        # A short area (a small screen in presentation mode) gives the cost plot
        # more of the column: its legend and axes need their rows whatever the height.
        cost = 70 if height < SHORT_COMPACT_HEIGHT * self.scale else ROWS["compact"]["cost"]
        w.right_column.setStretch(0, cost)
        w.right_column.setStretch(1, 100 - cost)
        lo, hi = COMPACT_LEFT_SHARE
        tabs_need = w.lower_tabs.tabBar().sizeHint().width() + 16
        left = boundary.width_for_height(height - 8)
        left = int(max(lo * width, min(left, hi * width, width - tabs_need)))
        if self._left_width is None or abs(left - self._left_width) > 4:
            self._left_width = left
            boundary.setMaximumWidth(left)
            grid.setStretch(0, left)
            grid.setStretch(1, max(1, width - left))
    # -- events --------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize and not self._arranging:
            if watched is self.window:
                self.update()
            elif watched is self.window.boundary_view:
                if self.arrangement is not None:
                    self._fit_columns()  # its toggles re-flowed: the map's height moved
            elif self.arrangement is not None and self.arrangement.panel == "drawer":
                self._place_drawer()  # the central widget or the bar changed height
        return False

