"""The λ sweep window (issue 18): the train and test error drawn for every λ, and
the best λ the status line, the plot's label and marker and the result name, against
models trained here one per λ and scored by tests/independent_numbers.py, and a
best chosen here by the sweep's stated rule: the lowest test error, ties to the
lower test loss, then to the smaller λ."""

from __future__ import annotations

import math
from concurrent.futures import Future

import pytest
from independent_numbers import accuracy, cross_entropy, trained_run

from regviz.config import load_preset
from regviz.experiment import make_data
from regviz.gui.app import create_application
from regviz.gui.windows import sweep_window
from regviz.gui.windows.sweep_window import SweepWindow
from regviz.sweep import Sweep, train_point

# Two grids on the overfit preset where the rule matters. Both have a tie for the
# lowest test error and their lowest train error elsewhere; on the L2 grid the lowest
# test loss is at a third λ, and on the L1 grid the tie goes to a λ larger than
# another tied one (λ = 0): a best chosen by any other rule lands elsewhere.
# (setting, its name in the window, low, high, steps, the other rule that misses)
CASES = [("l2", "L2 λ", 0.01, 30, 2000, "lowest test loss"),
         ("l1", "L1 λ", 0.1, 10, 500, "smallest λ on ties")]
POINTS = 8


class InProcessSweep(Sweep):
    """The window's sweep with each model trained by ``train_point`` in this
    process, one after the other: the same points without spawning processes."""

    def start(self, on_point=None) -> None:
        data = self.data if self.data is not None else make_data(self.base)
        for value in self.spec.values():
            future = Future()
            future.set_result(train_point(self.base.with_values(**{self.spec.name: value}),
                                          data, self.steps, self.spec.name))
            self._futures.append(future)


def independent_points(base, name, low, high, steps) -> list[dict]:
    values = [0.0, *(low * (high / low) ** (i / (POINTS - 1)) for i in range(POINTS))]
    points = []
    for value in values:
        (*_, last), d = trained_run(base.with_values(**{name: value}), steps, every=steps)
        W, b = last.weights, last.biases
        points.append({"value": value,
                       "train_error": 1 - accuracy(W, b, d.X_train, d.y_train),
                       "test_error": 1 - accuracy(W, b, d.X_test, d.y_test),
                       "train_data_loss": cross_entropy(W, b, d.X_train, d.y_train),
                       "test_loss": cross_entropy(W, b, d.X_test, d.y_test)})
    return points


@pytest.mark.parametrize("name, shown_name, low, high, steps, other_rule", CASES,
                         ids=[case[0] for case in CASES])
def test_the_sweep_shows_each_lambdas_errors_and_the_best_by_its_rule(
        qtbot, monkeypatch, name, shown_name, low, high, steps, other_rule):
    monkeypatch.setattr(sweep_window, "Sweep", InProcessSweep)
    create_application(deterministic=True)
    base = load_preset("overfit")
    w = SweepWindow(base, workers=1)
    qtbot.addWidget(w)
    w.setFixedSize(1200, 800)
    w.show()
    w.setting.setCurrentIndex(w.setting.findData(name))
    w.low.setText(str(low))
    w.high.setText(str(high))
    w.points.setValue(POINTS)
    w.steps.setValue(steps)
    assert w.start()
    qtbot.waitUntil(lambda: not w.running, timeout=60_000)

    expected = independent_points(base, name, low, high, steps)
    drawn = w.plot.curve_data()
    xs, test = drawn["test"]
    assert list(xs) == pytest.approx([math.log10(p["value"]) for p in expected[1:]])
    assert list(test) == pytest.approx([100 * p["test_error"] for p in expected[1:]])
    assert list(drawn["train"][1]) == pytest.approx([100 * p["train_error"]
                                                     for p in expected[1:]])
    assert list(drawn["test_zero"][1]) == pytest.approx([100 * expected[0]["test_error"]])
    assert list(drawn["train_zero"][1]) == pytest.approx([100 * expected[0]["train_error"]])
    # What --sweep --report writes, and what breaks ties: the losses too.
    written = w.result.to_dict()
    for key in ("values", "train_error", "test_error", "train_data_loss", "test_loss"):
        column = "value" if key == "values" else key
        assert written[key] == pytest.approx([p[column] for p in expected], rel=1e-9), key

    lowest = min(p["test_error"] for p in expected)
    tied = [p for p in expected if abs(p["test_error"] - lowest) < 1e-9]
    best = min(tied, key=lambda p: (p["test_loss"], p["value"]))
    # The grid is one where the rule matters (see CASES).
    assert len(tied) > 1
    assert best is not min(expected, key=lambda p: p["train_error"])
    other = {"lowest test loss": min(expected, key=lambda p: p["test_loss"]),
             "smallest λ on ties": min(tied, key=lambda p: p["value"])}[other_rule]
    assert best is not other

    value_text, error_text = f"{best['value']:.3g}", f"{100 * best['test_error']:.1f}%"
    status = w.status.text()
    assert f"Lowest test error {error_text} at {shown_name} = {value_text}." in status, status
    label = w.plot.best_label.toPlainText()
    assert w.plot.best_label.isVisible()
    assert label == f"best {shown_name} = {value_text}\ntest error {error_text}", label
    bx, by = w.plot.best_marker.getData()
    assert (bx[0], by[0]) == pytest.approx((math.log10(best["value"]),
                                            100 * best["test_error"]))
    assert w.result.to_dict()["best"]["value"] == pytest.approx(best["value"])
    w.close()
