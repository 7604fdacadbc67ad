"""The compare window's table (issue 18): each row's train and test accuracy and
gap, as the class reads them, against runs trained here one by one (no Comparison)
and scored by the numpy forward pass of tests/independent_numbers.py."""

from __future__ import annotations

from independent_numbers import accuracy, trained_run
from PySide6.QtWidgets import QApplication

from regviz.config import load_preset
from regviz.gui.app import create_application
from regviz.gui.windows.compare_window import CompareWindow

STEPS = 3000
# The row label the class reads → the settings that run must have.
RUNS = {"■ none": {}, "■ L2 λ=0.7": {"l2": 0.7}, "■ dropout 0.86": {"keep_prob": 0.86}}


def test_the_table_shows_each_runs_own_accuracies(qtbot):
    """The old test checked the table against the window's own ``run_accuracies``;
    a table with train and test swapped differed from its screenshot by little."""
    create_application(deterministic=True)
    base = load_preset("overfit")
    window = CompareWindow(base, start_thread=False)
    qtbot.addWidget(window)
    try:
        snapshots = window.controller.run_steps_blocking(STEPS)
        window.show()
        window.show_snapshots(snapshots)
        QApplication.processEvents()
        rows = window.table_rows()
    finally:
        window.close()
    shown = {row[0]: row[1:] for row in rows if row[0]}
    assert set(shown) == set(RUNS)
    expected = {}
    for label, settings in RUNS.items():
        points, d = trained_run(base.with_values(**settings), STEPS, every=STEPS)
        W, b = points[-1].weights, points[-1].biases
        train = 100 * accuracy(W, b, d.X_train, d.y_train)
        test = 100 * accuracy(W, b, d.X_test, d.y_test)
        expected[label] = [f"{train:.1f}%", f"{test:.1f}%", f"{train - test:+.1f}"]
    # Swapped runs or columns must show: no two rows alike, train ≠ test in some.
    assert len({tuple(v) for v in expected.values()}) == len(RUNS)
    assert any(v[0] != v[1] for v in expected.values()), expected
    assert shown == expected
