"""A new frame's texts (step counter, status line, captions) repaint their labels
and re-lay out nothing: each re-layout of the window cost 0.2–1.3 ms, several
times a frame (see regviz/gui/frame_label.py). Counted, not timed."""

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from regviz.config import load_preset
from regviz.gui.app import create_application
from regviz.gui.views.network_diagram_view import NetworkDiagramView
from regviz.gui.windows.main_window import MainWindow
from regviz.snapshot import take_snapshot


class LayoutRequests(QObject):
    """The widgets asked to re-lay out (QEvent.LayoutRequest), by object name."""

    def __init__(self):
        super().__init__()
        self.widgets: list[str] = []

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LayoutRequest and isinstance(watched, QWidget):
            self.widgets.append(watched.objectName() or type(watched).__name__)
        return False


def live_snapshot(experiment, steps: int):
    experiment.step(steps)
    snapshot = take_snapshot(experiment)
    # As the worker sends them while training: the rate shown to two digits.
    snapshot.extra.update(running=True, steps_per_second=12_000.0, every_step=False,
                          data_edited=False)
    return snapshot


@pytest.fixture
def window(qtbot):
    create_application(deterministic=True)
    w = MainWindow(config=load_preset("dropout"), start_thread=False)
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_a_new_frame_re_lays_out_nothing(window):
    app = QApplication.instance()
    # Steps of as many digits: a counter or step label one digit wider may take
    # more room once (the scrubber's does), which is not what is tested here.
    window.show_snapshot(live_snapshot(window.experiment, 1000))
    for _ in range(3):
        app.processEvents()
    before = {label: label.text() for label in (
        window.step_counter, window.network_diagram_view.caption, window.rate_label)}
    requests = LayoutRequests()
    app.installEventFilter(requests)
    try:
        window.show_snapshot(live_snapshot(window.experiment, 1234))
        for _ in range(3):
            app.processEvents()
    finally:
        app.removeEventFilter(requests)
    # The frame did change the texts (else nothing would have been tested) ...
    assert window.step_counter.text() == "step 2,234"
    assert all(label.text() != text for label, text in before.items() if
               label is not window.rate_label)
    # ... and no widget was asked to lay itself out again.
    assert requests.widgets == []


def test_a_new_rate_of_another_width_fits_the_status_line(window):
    """The one exception: a rate with more digits widens its label (rarely: two
    significant digits), and the label is as wide as its text asks."""
    snapshot = live_snapshot(window.experiment, 3)
    window.show_snapshot(snapshot)
    narrow = window.rate_label.width()
    snapshot.extra["steps_per_second"] = 1_200_000.0
    window.show_snapshot(snapshot)
    assert window.rate_label.text().startswith("1,200,000 steps/s")
    assert window.rate_label.width() > narrow
    assert window.rate_label.width() >= window.rate_label.fontMetrics().horizontalAdvance(
        window.rate_label.text())


def test_the_diagram_can_shrink_again_after_being_wide(qtbot):
    """The caption's fixed width (its room at the view's width) must not become the
    view's least width: the window could then never make the diagram narrower."""
    create_application(deterministic=True)
    view = NetworkDiagramView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    assert view.caption.width() == 900 - 12
    assert view.minimumSizeHint().width() < 450
    view.resize(400, 300)
    QApplication.processEvents()
    assert view.caption.width() == 400 - 12
    assert view.caption.geometry().bottom() == view.height() - 1
