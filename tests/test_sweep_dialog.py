"""The λ sweep window: runs a sweep in worker processes without blocking, plots
the points as they come, marks the best λ, and leaves no process behind."""

import math

import psutil
import pytest
from PySide6.QtCore import Qt

from regviz.config import load_preset
from regviz.gui.actions.teach_actions import TeachActions
from regviz.gui.app import create_application
from regviz.gui.windows.main_window import MainWindow
from regviz.gui.windows.sweep_window import SweepWindow
from regviz.sweep import reading


def sweep_workers():
    """This process's live multiprocessing workers (not the one resource tracker
    multiprocessing keeps for the whole session)."""
    found = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.is_running() and child.status() != psutil.STATUS_ZOMBIE and \
                    "spawn_main" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            pass
    return found


@pytest.fixture
def sweep_window(qtbot):
    create_application(deterministic=True)
    made = []

    def make(**kwargs):
        w = SweepWindow(load_preset("overfit"), workers=2, **kwargs)
        qtbot.addWidget(w)
        w.setFixedSize(1200, 800)
        w.show()
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()
    assert sweep_workers() == []


def configure(w, low, high, points, steps, setting="l2"):
    w.setting.setCurrentIndex(w.setting.findData(setting))
    w.low.setText(str(low))
    w.high.setText(str(high))
    w.points.setValue(points)
    w.steps.setValue(steps)


def test_small_sweep_runs_to_completion_and_shows_points(sweep_window, qtbot):
    w = sweep_window()
    configure(w, 0.1, 10, 8, 300)
    qtbot.mouseClick(w.start_button, Qt.MouseButton.LeftButton)
    assert w.running and not w.start_button.isEnabled() and w.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not w.running, timeout=120_000)
    result = w.result
    assert [p.value for p in result.points][0] == 0.0 and len(result.points) == 9
    assert result.points[-1].value == pytest.approx(10)
    assert w.progress.value() == w.progress.maximum() == 9
    drawn = w.plot.curve_data()
    xs, test = drawn["test"]
    assert list(xs) == pytest.approx([math.log10(p.value) for p in result.points[1:]])
    assert list(test) == pytest.approx([100 * p.test_error for p in result.points[1:]])
    assert list(drawn["test_zero"][1]) == pytest.approx([100 * result.points[0].test_error])
    best = result.best
    bx, by = w.plot.best_marker.getData()
    assert list(by) == pytest.approx([100 * best.test_error])
    assert bx[0] == pytest.approx(w.plot.x_of(best.value))
    assert w.status.text().startswith("Done.")
    assert reading(result) in w.status.text()  # chosen from this curve
    assert w.start_button.isEnabled() and not w.cancel_button.isEnabled()
    assert sweep_workers() == []


def test_default_preset_shows_the_u_and_screenshot(sweep_window, qtbot, assert_screenshot):
    """The window's defaults on the default preset: the best λ beats both λ=0 and
    the largest λ on test error, and the plot marks it."""
    w = sweep_window()
    w.points.setValue(8)  # the default range and steps, fewer points to save time
    assert w.start()
    qtbot.waitUntil(lambda: not w.running, timeout=300_000)
    errors = [p.test_error for p in w.result.points]
    best = w.result.best
    assert w.result.points[0].value == 0.0
    assert best.test_error < errors[0] and best.test_error < errors[-1], errors
    assert w.plot.best_label.isVisible() and f"{best.value:.3g}" in w.plot.best_label.toPlainText()
    # The whole two-line message is shown (after other tests it was once cut in half).
    lines = w.status.fontMetrics().lineSpacing()
    assert w.status.height() >= 2 * lines, (w.status.height(), lines)
    assert_screenshot("sweep_window", w.grab().toImage())


def test_bad_range_is_explained_and_starts_nothing(sweep_window):
    w = sweep_window()
    configure(w, "abc", 10, 8, 300)
    assert not w.start()
    assert "'from' must be a number" in w.status.text()
    configure(w, 10, 1, 8, 300)
    assert not w.start()
    assert "need 0 < from < to" in w.status.text()
    configure(w, 0.01, 1.5, 8, 300, setting="keep_prob")
    assert not w.start()
    assert "keep_prob" in w.status.text() and "≤ 1" in w.status.text()
    assert w.sweep is None and sweep_workers() == []


def test_cancel_stops_every_worker_process(sweep_window, qtbot):
    w = sweep_window()
    configure(w, 0.01, 10, 8, 200_000)
    w.start()
    qtbot.waitUntil(lambda: len(sweep_workers()) > 0, timeout=30_000)
    qtbot.mouseClick(w.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.running, timeout=60_000)
    assert sweep_workers() == []
    assert w.status.text().startswith("Cancelled")
    assert w.start_button.isEnabled()


def test_closing_during_a_sweep_leaves_no_process(sweep_window, qtbot):
    w = sweep_window()
    configure(w, 0.01, 10, 8, 200_000)
    w.start()
    qtbot.waitUntil(lambda: len(sweep_workers()) > 0, timeout=30_000)
    w.close()
    assert sweep_workers() == []
    assert w.sweep.closed


def test_teach_menu_opens_the_sweep_and_main_close_stops_it(qtbot):
    create_application(deterministic=True)
    main = MainWindow(preset="overfit")
    qtbot.addWidget(main)
    teach = main.findChild(TeachActions)
    teach.sweep_action.trigger()
    w = teach.sweep_window
    assert w.isVisible() and w.config == main.config
    configure(w, 0.01, 10, 8, 200_000)
    w.start()
    qtbot.waitUntil(lambda: len(sweep_workers()) > 0, timeout=30_000)
    main.close()
    assert not w.isVisible()
    assert sweep_workers() == []
    assert main.controller.thread.isFinished()


def test_missing_data_file_is_explained(qtbot, tmp_path):
    create_application(deterministic=True)
    config = load_preset("overfit").with_values(data_file=str(tmp_path / "gone.csv"))
    w = SweepWindow(config, workers=1)
    qtbot.addWidget(w)
    configure(w, 0.1, 10, 8, 300)
    assert not w.start()
    assert "Cannot start the sweep" in w.status.text() and "gone.csv" in w.status.text()
    assert not w.running and sweep_workers() == []


class RacingSweep:
    """A stand-in for ``regviz.sweep.Sweep`` whose next model finishes right after
    each look at the finished points: the moment the window once lost points in
    (a real sweep ended showing 7 of its 9 models)."""

    def __init__(self, spec, steps, points):
        self.spec, self.steps, self.total = spec, steps, len(points)
        self._all = points
        self._done = 0
        self.cancelled = False
        self.closed = False

    def done_count(self):
        return self._done

    def finished_points(self):
        seen = {i: self._all[i] for i in range(self._done)}
        self._done = min(self.total, self._done + 1)  # one more finishes just after
        return seen

    def failures(self):
        return []

    def close(self):
        self.closed = True

    def cancel(self, wait=True):
        self.cancelled = self.closed = True


def test_a_model_finishing_during_a_poll_is_still_shown(sweep_window):
    from regviz.sweep import SweepPoint

    w = sweep_window()
    configure(w, 0.1, 10, 8, 300)
    spec = w.spec()
    values = spec.values()
    points = [SweepPoint(v, 0.1 + 0.01 * i, 0.3 - 0.01 * i, 0.2, 0.4, False)
              for i, v in enumerate(values)]
    w.sweep = RacingSweep(spec, 300, points)
    w.plot.set_grid(spec.name, values, 300)
    w.progress.setRange(0, len(values))
    w._set_running(True)
    for _ in range(3 * len(values)):
        if not w.running:
            break
        w._on_poll()
    assert not w.running
    assert len(w.result.points) == len(values) == 9
    assert w.progress.value() == 9
    assert sorted(w.plot.points) == list(range(9))


def test_the_sweep_follows_the_main_windows_current_settings(qtbot):
    """Reopened after a preset switch it brought back the old window and swept with
    the old settings (keep_prob 0.47 of another preset)."""
    create_application(deterministic=True)
    main = MainWindow(preset="overfit")
    qtbot.addWidget(main)
    teach = main.findChild(TeachActions)
    try:
        w = teach.open_sweep()
        assert "preset overfit" in w.base_settings.text()
        main.load_preset("dropout")
        assert teach.open_sweep() is w  # still open: the same window, new settings
        assert w.config == main.config and w.config.keep_prob == 0.86
        assert "preset dropout" in w.base_settings.text() and "keep_prob 0.86" in \
            w.base_settings.text()
        main.set_value("learning_rate", 0.2)  # changed while the sweep window is open
        configure(w, 0.1, 1, 8, 100_000)
        assert w.start()
        assert w.sweep.base == main.config and w.sweep.base.learning_rate == 0.2
        w.cancel()
        qtbot.waitUntil(lambda: not w.running, timeout=60_000)
    finally:
        main.close()
    assert sweep_workers() == []


def test_the_progress_counts_the_models_before_the_start(sweep_window):
    """It said "0 of 100 models trained" when there were 13."""
    w = sweep_window()
    assert w.progress.text() == "0 of 13 models trained"  # 12 values and λ = 0
    w.points.setValue(9)
    assert w.progress.text() == "0 of 10 models trained"
    w.setting.setCurrentIndex(w.setting.findData("keep_prob"))
    assert w.progress.text() == "0 of 9 models trained"
