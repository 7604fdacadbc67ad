"""Presentation mode and the dark theme: View → Presentation mode (F11) puts the
window full screen with everything about 1.6× larger in a high-contrast palette
that survives a washed-out projector; View → Dark theme. Both restyle the plots
(every view's ``apply_theme``) and the Qt widgets (palette, control font, the
sidebar's width), and switching off restores everything."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from ..app import BASE_POINT_SIZE, FONT_FAMILY
from ..language import translate
from ..theme import PRESENTATION_SCALE, Theme
from ..views.history_plot import HistoryPlot
from ..views.view_tabs import ViewTabs
from .lesson_mode import LessonStrip

# The controls' text grows as much as the plots' (the back row reads both); the
# panel, 1.6× as wide, is a drawer in presentation mode and the demo's controls
# sit in the compact bar (windows/adaptive_layout.py).
CONTROL_SCALE = PRESENTATION_SCALE
# Theme colours a curve may have been drawn with, so a restyle can find its new one.
_CURVE_COLOUR_FIELDS = ("train_loss", "penalty", "total", "test_loss", "train_acc",
                        "test_acc")


def is_presenting(window) -> bool:
    return bool(getattr(window, "presenting", False))


def install_view_actions(window) -> None:
    """View → Presentation mode and View → Dark theme (checkable)."""
    menu = window.menus["view"]
    presentation = QAction(translate("View", "&Presentation mode"), window)
    presentation.setObjectName("presentation_mode")
    presentation.setCheckable(True)
    presentation.setToolTip(translate(
        "View", "Full screen, everything 1.6× larger, high contrast for a projector"))
    presentation.toggled.connect(lambda on: set_presentation(window, on))
    dark = QAction(translate("View", "&Dark theme"), window)
    dark.setObjectName("dark_theme")
    dark.setCheckable(True)
    dark.setToolTip(translate("View", "Light text on a dark background"))
    dark.toggled.connect(lambda on: set_dark_theme(window, on))
    menu.addAction(presentation)
    menu.addAction(dark)
    window.presentation_action, window.dark_theme_action = presentation, dark


def set_presentation(window, on: bool, full_screen: bool = True) -> None:
    """Enter or leave presentation mode. ``full_screen=False`` only restyles
    (screenshots keep their fixed size)."""
    on = bool(on)
    _sync_action(getattr(window, "presentation_action", None), on)
    if on == is_presenting(window):
        return
    window.presenting = on
    if on and full_screen:
        window._geometry_before_presenting = window.saveGeometry()
        window._maximized_before_presenting = window.isMaximized()
        window.showFullScreen()
    elif not on and window.isFullScreen():
        window.showNormal()
        if getattr(window, "_maximized_before_presenting", False):
            window.showMaximized()
        elif getattr(window, "_geometry_before_presenting", None) is not None:
            window.restoreGeometry(window._geometry_before_presenting)
    apply_display(window)


def set_dark_theme(window, on: bool) -> None:
    on = bool(on)
    _sync_action(getattr(window, "dark_theme_action", None), on)
    if on == bool(getattr(window, "dark_theme", False)):
        return
    window.dark_theme = on
    apply_display(window)
    if getattr(window, "remember_settings", False):
        from ..settings import save_window

        save_window(window)


@Slot()
def leave_presentation(window) -> None:
    set_presentation(window, False)


def apply_display(window) -> None:
    """Restyle everything for the window's current theme and mode."""
    dark, presenting = bool(getattr(window, "dark_theme", False)), is_presenting(window)
    old, theme = window.theme, Theme.for_display(dark, presenting)
    window.theme = theme
    palette = dark_palette() if dark else QApplication.style().standardPalette()
    window.setPalette(palette)
    # Widgets under a style sheet (the control panel's group boxes) take the
    # application's palette, not their parent's: without this their editors stay
    # white boxes on the dark window. MainWindow.closeEvent puts it back.
    QApplication.setPalette(palette)
    for child in window.findChildren(QWidget):
        sheet = child.styleSheet()
        if sheet:  # re-polished, a style-sheet widget picks up the new palette
            child.setStyleSheet("")
            child.setStyleSheet(sheet)
    control_scale = CONTROL_SCALE if presenting else 1.0
    font = QFont(FONT_FAMILY, round(BASE_POINT_SIZE * control_scale))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    window.setFont(font)
    window.menuBar().setFont(font)
    sidebar = window.findChild(QScrollArea, "sidebar")
    if sidebar is not None:
        sidebar.setFixedWidth(round(window.CONTROL_PANEL_WIDTH * control_scale))
        # The control panel's group boxes carry style sheets, which stop the window's
        # font from propagating to their labels: each widget gets it explicitly (a
        # style-sheet font size would cascade, but would also ignore the dark palette).
        # The compact bar holds some of the panel's rows while it is shown.
        for holder in (sidebar, getattr(window, "bar", None)):
            if holder is not None:
                for child in holder.findChildren(QWidget):
                    child.setFont(font)
        window.control_panel.refit()  # label column and number fields for the new size
        # (refit's cure for combo boxes that keep a larger font's minimum size)
        sheet = window.preset_box.styleSheet()
        window.preset_box.setStyleSheet(sheet + " ")
        window.preset_box.setStyleSheet(sheet)
    window.style_header(control_scale)
    for strip in window.findChildren(LessonStrip):
        strip.set_scale(control_scale)
    for tabs in window.findChildren(ViewTabs):
        tabs.set_scale(control_scale)
    for view in window.views:
        if isinstance(view, HistoryPlot):
            restyle_history_plot(view, old, theme)
        view.apply_theme(theme)
    layout = getattr(window, "adaptive_layout", None)
    if layout is not None:
        layout.update()  # the same window, but its text needs 1.6× the room
    if window.latest is not None:
        window.show_snapshot(window.latest)


def restyle_history_plot(view: HistoryPlot, old: Theme, new: Theme) -> None:
    """What ``HistoryPlot.apply_theme`` leaves as it was built: the curves' colours
    and widths, the legend's text and the grid."""
    colour_map = {getattr(old, name).lower(): getattr(new, name) for name in
                  _CURVE_COLOUR_FIELDS}
    colour_map.update({a.lower(): b for a, b in zip(old.layer_colours, new.layer_colours,
                                                    strict=False)})
    width_factor = new.line_width / old.line_width
    for curve in view.curves.values():
        pen = curve.opts["pen"]
        colour = colour_map.get(pen.color().name().lower(), pen.color().name())
        pen = new.pen(colour, pen.widthF() * width_factor,
                      dashed=pen.style() != pen.style().SolidLine)
        curve.setPen(pen)
        if curve.opts["symbol"]:
            curve.setSymbolBrush(pen.color())
    view.legend.setLabelTextColor(new.foreground)
    view.legend.setLabelTextSize(f"{new.font_pt}pt")
    for _sample, label in view.legend.items:  # the setters above do not re-render
        label.setText(label.text, color=new.foreground, size=f"{new.font_pt}pt")
    view._events_shown = ()  # redraw the event lines in the new colours at the next frame
    view.plot.showGrid(x=True, y=True, alpha=new.grid_alpha)
    if view.log_y_box is not None:
        view.log_y_box.setStyleSheet(f"font-size: {round(BASE_POINT_SIZE * new.scale)}pt;")
    view.fit_to_width()  # the legend's columns and the box follow the new text size


def dark_palette() -> QPalette:
    """Fusion's widgets in light-on-dark: no white boxes left on a dark window."""
    p = QPalette()
    window, base, text = QColor("#2a2a2a"), QColor("#1e1e1e"), QColor("#eeeeee")
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, window), (roles.WindowText, text),
                         (roles.Base, base), (roles.AlternateBase, window),
                         (roles.ToolTipBase, QColor("#333333")), (roles.ToolTipText, text),
                         (roles.PlaceholderText, QColor("#999999")), (roles.Text, text),
                         (roles.Button, QColor("#3a3a3a")), (roles.ButtonText, text),
                         (roles.BrightText, QColor("#ff5555")), (roles.Link, QColor("#56B4E9")),
                         (roles.Highlight, QColor("#0072B2")),
                         (roles.HighlightedText, QColor("#ffffff")),
                         (roles.Light, QColor("#505050")), (roles.Midlight, QColor("#404040")),
                         (roles.Mid, QColor("#303030")), (roles.Dark, QColor("#151515")),
                         (roles.Shadow, QColor("#000000"))):
        p.setColor(role, colour)
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        p.setColor(disabled, role, QColor("#808080"))
    return p


def _sync_action(action, on: bool) -> None:
    if action is not None and action.isChecked() != on:
        action.blockSignals(True)
        action.setChecked(on)
        action.blockSignals(False)
