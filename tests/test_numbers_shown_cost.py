"""The cost plot and the formula box (issue 18): the early-stopping star and its
label, and the data loss, penalty and total curves under the formula the control
panel states, against a run trained here and scored at every recorded step by
tests/independent_numbers.py (never the engine's history)."""

from __future__ import annotations

import numpy as np
import pytest
from independent_numbers import (
    book_l1,
    book_l2,
    course_l1,
    course_l2,
    cross_entropy,
    trained_run,
)

from regviz.config import load_preset
from regviz.gui.screenshot import render_window


def drawn(view, key):
    """The (step, value) pairs a curve holds (thinned to the plot's width)."""
    curve = view.curves[key]
    return list(zip(curve.xData.tolist(), curve.yData.tolist(), strict=True))


def test_the_star_marks_the_lowest_test_loss_and_its_accuracies():
    steps = 3000
    config = load_preset("overfit")
    window = render_window(config, steps)
    try:
        view = window.cost_view
        # The data given, not the log-scaled display coordinates getData() returns.
        star_x, star_y = view.early_stop_marker.xData, view.early_stop_marker.yData
        label = view.early_stop_label.toPlainText()
        label_shown = view.early_stop_label.isVisible()
        test_curve = drawn(view, "test_loss")
    finally:
        window.close()
    points, _ = trained_run(config, steps)
    assert config.activation == "relu"
    by_step = {p.step: p for p in points}
    for step, loss in test_curve:
        assert loss == pytest.approx(by_step[step].test_loss, rel=1e-9), step
    best = min(points, key=lambda p: p.test_loss)
    # The lowest point is inside the run, and train and test differ there: a star at
    # the end, at the highest loss or with train and test swapped must show.
    assert 0 < best.step < steps and round(100 * best.train_accuracy) != round(
        100 * best.test_accuracy)
    assert view.early_stop_step == best.step
    assert (list(star_x), list(star_y)) == ([best.step], [pytest.approx(best.test_loss)])
    assert label_shown
    assert label == (f"lowest test loss, step {best.step:,}\n"
                     f"train {100 * best.train_accuracy:.0f}% · "
                     f"test {100 * best.test_accuracy:.0f}%")


# (preset, extra settings, steps, what the formula box must say, the penalty it
# names as a function of a point and m, the number of training points)
FORMULAS = [
    pytest.param("l2", {}, 800, ["J = cross-entropy + 0.7/(2m)·Σₗ‖Wₗ‖²", "layers 1–3"],
                 lambda p, m: course_l2(p.weights, 0.7, m), id="course-l2"),
    pytest.param("overfit", {"l1": 0.5}, 800, ["J = cross-entropy + 0.5/(2m)·Σₗ|Wₗ|",
                                              "layers 1–3"],
                 lambda p, m: course_l1(p.weights, 0.5, m), id="course-l1"),
    pytest.param("nnfs", {}, 200, ["J = cross-entropy + 0.0005·Σw² + 0.0005·Σb²",
                                   "layer 1 only"],
                 lambda p, m: book_l2([p.weights[0], p.biases[0]], 0.0005), id="book-l2-biases"),
    pytest.param("l1", {}, 300, ["J = cross-entropy + 0.003·Σ|w|", "layers 1–3"],
                 lambda p, m: book_l1(p.weights, 0.003), id="book-l1"),
]


@pytest.mark.parametrize("preset, settings, steps, stated, penalty", FORMULAS)
def test_the_cost_curves_are_the_objective_the_formula_box_states(preset, settings, steps,
                                                                   stated, penalty):
    config = load_preset(preset).with_values(**settings)
    window = render_window(config, steps)
    try:
        text = window.control_panel.formula_text()
        formula_shown = window.control_panel.formula_label.isVisible()
        view = window.cost_view
        curves = {key: drawn(view, key)
                  for key in ("train_data_loss", "train_penalty", "train_total")}
    finally:
        window.close()
    points, d = trained_run(config, steps)
    assert config.activation == "relu"
    m = len(d.y_train)
    assert formula_shown
    for line in stated:
        assert line in text, text
    course = "/(2m)" in stated[0]
    # The course's m is stated with its value; the book's form has no m.
    assert (f"m = N = {m} training points" in text) == course, text
    by_step = {p.step: p for p in points}
    assert curves["train_penalty"][-1][0] == steps
    for key, pairs in curves.items():
        for step, value in pairs:
            p = by_step[step]
            data_loss = cross_entropy(p.weights, p.biases, d.X_train, d.y_train)
            expected = {"train_data_loss": data_loss, "train_penalty": penalty(p, m),
                        "train_total": data_loss + penalty(p, m)}[key]
            assert value == pytest.approx(expected, rel=1e-9, abs=1e-12), (key, step)
    # The penalty is far from nothing, so a wrong scale or sum must show.
    assert penalty(by_step[steps], m) > 1e-3 * curves["train_total"][-1][1]
    assert np.isfinite([v for pairs in curves.values() for _, v in pairs]).all()

