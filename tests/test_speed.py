"""The training speed: a setting like any other (presets, sessions, --set, the
window's control and keys), held by the worker, and for each lesson preset a
pace at which its story can be told."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from regviz import session
from regviz.config import FIELDS_BY_NAME, Config, load_preset, preset_names
from regviz.experiment import Experiment
from regviz.gui.actions.speed_actions import doubled, halved

ROOT = Path(__file__).resolve().parent.parent

# -- a setting like any other --------------------------------------------------------


def test_speed_reads_numbers_and_max_and_refuses_the_rest():
    assert Config().speed == 0.0  # default: as fast as the machine allows
    assert Config().with_assignments(["speed=max"]).speed == 0.0
    assert Config().with_assignments(["speed=MAX"]).speed == 0.0
    assert Config().with_assignments(["speed=300"]).speed == 300.0
    assert Config().with_assignments(["speed=0.5"]).speed == 0.5
    for bad in ("speed=-1", "speed=100001", "speed=fast", "speed=nan"):
        with pytest.raises(ValueError) as info:
            Config().with_assignments([bad])
        message = str(info.value)
        assert "speed=" in message and "[0, 100000]" in message and "max" in message


def test_speed_round_trips_through_presets_json_and_sessions(tmp_path):
    for name in preset_names():
        config = load_preset(name)
        assert config.speed > 0, name  # every preset is a lesson with its own pace
        assert Config.from_dict(json.loads(config.to_json())) == config
    experiment = Experiment(load_preset("l1").with_values(speed=42.0, log_steps=True))
    experiment.step(20)
    path = session.save(session.Session.from_experiment(experiment), tmp_path / "s.regviz")
    loaded = session.load(path)
    assert loaded.config.speed == 42.0 and loaded.config.log_steps is True


def run_cli(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)


def test_set_speed_on_the_command_line(tmp_path):
    report = tmp_path / "r.json"
    out = run_cli("--preset", "l2", "--set", "speed=max", "--set", "log_steps=on",
                  "--steps", "20", "--report", str(report))
    assert out.returncode == 0, out.stderr
    config = json.loads(report.read_text())["config"]
    assert config["speed"] == 0.0 and config["log_steps"] is True
    bad = run_cli("--preset", "l2", "--set", "speed=-5", "--steps", "20")
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1 and "speed" in bad.stderr


def test_speed_changes_are_live_and_leave_no_marker():
    experiment = Experiment(load_preset("overfit"))
    experiment.step(30)
    assert not experiment.apply(experiment.config.with_values(speed=5.0))  # no reset
    assert experiment.step_count == 30 and experiment.events == []


# -- halving and doubling ------------------------------------------------------------


def test_halving_and_doubling():
    assert halved(300, 0) == 150 and halved(3, 0) == 1.5 and halved(1.5, 0) == 1
    assert halved(0, 24_000) == 12_000  # from max: half of what it measured
    assert doubled(150) == 300 and doubled(60_000) == 100_000
    assert doubled(100_000) == 0 and doubled(0) == 0  # past the end: max


# -- each lesson preset at its own pace ----------------------------------------------

LESSON_SECONDS = 20


def lowest_test_loss_step(history) -> int:
    return int(history["step"][int(np.argmin(history["test_loss"]))])


def frames_before(step: int, speed: float, frames_per_second: float) -> float:
    """Frames a view drawing ``frames_per_second`` shows before ``step`` (at most
    one a step: below its frame rate, a view draws each step)."""
    return step / speed * min(frames_per_second, speed)


def lesson_run(name: str):
    config = load_preset(name)
    experiment = Experiment(config)
    experiment.step(int(config.speed * LESSON_SECONDS))
    return config, experiment


@pytest.mark.parametrize("name", ["overfit", "l2", "dropout", "l1", "underfit", "course",
                                  "nnfs", "adamw"])
def test_the_lowest_test_loss_is_seen_coming(name):
    """At the preset's speed, the cost plot (the slowest-drawn view the lesson
    needs) draws at least ten frames before the lowest test loss is reached."""
    from regviz.gui.windows.main_window import VIEW_FRAME_RATES

    config, experiment = lesson_run(name)
    h = experiment.trainer.history.as_dict()
    step = lowest_test_loss_step(h)
    assert frames_before(step, config.speed, VIEW_FRAME_RATES["cost"]) >= 10, (name, step)


def test_each_lesson_is_unmistakable_within_twenty_seconds():
    overfit_config, overfit = lesson_run("overfit")
    h = overfit.trainer.history.as_dict()
    # overfit: the test loss turns and climbs well above its lowest point.
    assert h["test_loss"][-1] > 1.15 * h["test_loss"].min()
    assert lowest_test_loss_step(h) < 0.1 * overfit.step_count
    # l2 (the same run with λ): no climb at all.
    _, l2 = lesson_run("l2")
    h2 = l2.trainer.history.as_dict()
    assert h2["test_loss"][-1] < 1.02 * h2["test_loss"].min()
    # dropout: a smaller train–test gap than no regularization after as many steps.
    _, dropout = lesson_run("dropout")
    plain = Experiment(overfit_config)
    plain.step(dropout.step_count)
    assert dropout.report()["gap"] < plain.report()["gap"] - 0.02
    # l1: most weights of some layer exactly zero.
    _, l1 = lesson_run("l1")
    assert max(float(np.mean(w == 0)) for w in l1.net.weights) > 0.5
    # underfit: the penalty crushes the weights to a tenth or less.
    config, underfit = lesson_run("underfit")
    start = Experiment(config)
    for now, then in zip(underfit.net.weights, start.net.weights, strict=True):
        assert np.linalg.norm(now) < 0.1 * np.linalg.norm(then)


# -- the window ----------------------------------------------------------------------


def test_speed_has_a_log_slider_with_max_at_its_fast_end(window):
    from PySide6.QtWidgets import QSlider

    w = window()
    slider = w.findChild(QSlider, "speed_slider")
    slider.setValue(slider.maximum())
    assert w.config.speed == 0 and w.control_panel.widget("speed").text() == "max"
    slider.setValue(0)
    assert w.config.speed == 1
    w.set_value("speed", "300")
    assert w.config.speed == 300 and FIELDS_BY_NAME["speed"].live


def test_a_slow_speed_draws_every_step_and_shows_the_rate(window, qtbot):
    w = window()
    w.set_value("speed", 8)
    steps = []
    w.frame_drawn.connect(lambda name, step: name == "cost" and steps.append(step))
    w.play()
    qtbot.waitUntil(lambda: len(steps) >= 12, timeout=20000)
    qtbot.waitUntil(lambda: "(speed 8)" in w.rate_label.text(), timeout=5000)
    w.pause()
    # Every step got its own frame, even in a view drawn 15 times a second at most.
    live = steps[1:]
    assert live == list(range(live[0], live[0] + len(live)))
    qtbot.waitUntil(lambda: w.rate_label.text() == "paused", timeout=3000)


def test_the_speed_keys(window, qtbot):
    w = window()
    w.set_value("speed", 200)
    for key, expected in ((Qt.Key.Key_BracketRight, 400), (Qt.Key.Key_BracketLeft, 200),
                          (Qt.Key.Key_Minus, 100), (Qt.Key.Key_Equal, 200),
                          (Qt.Key.Key_M, 0), (Qt.Key.Key_M, 200)):
        qtbot.keyClick(w, key)
        assert w.config.speed == expected, key
    qtbot.waitUntil(lambda: w.controller.experiment.config.speed == 200, timeout=3000)
