"""Labels whose text changes every frame (the step counter, the status line, the
views' captions) have a fixed size.

Why: ``QLabel.setText`` always calls ``updateGeometry``, and unless the label's
least and greatest sizes are equal Qt then re-lays out the whole window in the
next turn of the event loop (every layout up to the window, the views' Python
``sizeHint`` and flow layouts among them) and repaints what moved: 0.2–1.3 ms
for each new text, measured (``benchmarks/frame_cost.py``), several times a frame.
A label of fixed size only repaints itself. Its size is set again whenever the
room or the type changes (resize, presentation mode), never per frame."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" (not exported by PySide6)


def label_size_for(label: QLabel, text: str) -> tuple[int, int]:
    """The size ``label`` would ask for to show ``text`` (its font, style sheet and
    padding), whatever size it is fixed at now."""
    shown = label.text()
    label.setMinimumSize(0, 0)  # a fixed size would bound the size it asks for
    label.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
    label.ensurePolished()
    label.setText(text)
    hint = label.sizeHint()
    label.setText(shown)
    return hint.width(), hint.height()


def fix_label_size(label: QLabel, width: int | None = None, height: int | None = None,
                   text: str | None = None) -> None:
    """Fix ``label`` at ``width``×``height`` pixels; either left out is the size it
    asks for to show ``text`` (default: what it shows)."""
    if width is None or height is None:
        hint = label_size_for(label, label.text() if text is None else text)
        width = hint[0] if width is None else width
        height = hint[1] if height is None else height
    width = max(0, int(width))
    if (label.minimumWidth(), label.maximumWidth(), label.minimumHeight(),
            label.maximumHeight()) != (width, width, height, height):
        label.setFixedSize(width, height)


def fill_own_background(label: QLabel) -> None:
    """``label`` fills its own box with the window colour (what every label it is
    used for sits on): opaque, its repaint does not repaint the widgets beneath it
    (the window, the views' area, the tab pane … down to the label)."""
    label.setAutoFillBackground(True)
