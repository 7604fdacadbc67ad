"""Lesson mode: lesson files (regviz/lesson.py) and the window stepping through them
(regviz/gui/actions/lesson_mode.py).

(tests/test_lesson.py is about something else: the regularization lesson itself,
overfitting and its cure, checked on the engine.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from regviz import lesson as lessons
from regviz.config import FIELDS_BY_NAME, load_preset
from regviz.experiment import inapplicable_settings
from regviz.gui.actions.lesson_mode import TAB_INDEX, lesson_mode

ROOT = Path(__file__).resolve().parent.parent
LESSON_DIR = ROOT / "resources" / "lessons"
SHIPPED = sorted(p.stem for p in LESSON_DIR.glob("*.json"))


def expected_configs(name: str):
    """Each scene's settings, worked out from the raw JSON: the preset, then the
    lesson's settings, then the scene's own."""
    data = json.loads((LESSON_DIR / f"{name}.json").read_text())
    base = load_preset(data.get("preset", "overfit")).with_values(**data.get("settings", {}))
    return [base.with_values(**scene.get("settings", {})) for scene in data["scenes"]]


# -- the files -------------------------------------------------------------------------

def test_the_course_lessons_are_shipped():
    assert {"overfitting_and_l2", "l1_makes_zeros", "dropout_ensemble", "early_stopping",
            "choosing_lambda"} <= set(SHIPPED)
    assert sorted(lessons.lesson_names()) == SHIPPED  # none left out as broken


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_lesson_loads_with_its_settings(name):
    lesson = lessons.load_lesson(name)
    assert [scene.config for scene in lesson.scenes] == expected_configs(name)
    for scene in lesson.scenes:
        assert 0 < len(scene.caption) <= lessons.MAX_CAPTION_CHARACTERS
        assert scene.caption.count(". ") <= 2, "a caption is one or two sentences"


BAD_LESSONS = [
    ("{not json", "cannot be read"),
    ("[]", "JSON object"),
    ('{"title": "x", "scenes": []}', "non-empty list"),
    ('{"scenes": [{"caption": "c"}]}', '"title"'),
    ('{"title": "x", "scenez": []}', "unknown key 'scenez'"),
    ('{"title": "x", "preset": "nope", "scenes": [{"caption": "c"}]}', "unknown preset"),
    ('{"title": "x", "scenes": [{"caption": "c"}, {"caption": "c", "settings": {"l2": -1}}]}',
     "scene 2: l2=-1 is out of range"),
    ('{"title": "x", "scenes": [{"caption": "c", "settings": {"lamda": 1}}]}',
     "scene 1: unknown setting 'lamda'"),
    ('{"title": "x", "scenes": [{"caption": ""}]}', 'scene 1: "caption"'),
    ('{"title": "x", "scenes": [{"caption": "' + "word " * 60 + '"}]}', "back row"),
    ('{"title": "x", "scenes": [{"caption": "c", "pause_at": "whenever"}]}', "pause_at"),
    ('{"title": "x", "scenes": [{"caption": "c", "pause_at": 0}]}', "pause_at=0"),
    ('{"title": "x", "scenes": [{"caption": "c", "show": ["lambda"]}]}', "not a setting"),
    ('{"title": "x", "scenes": [{"caption": "c", "show": ["l2"], "lock": ["l1"]}]}',
     "which \"show\" hides"),
    ('{"title": "x", "scenes": [{"caption": "c", "tab": "cost"}]}', '"tab"'),
    ('{"title": "x", "scenes": [{"caption": "c", "continue": true}]}', "scene 1"),
    ('{"title": "x", "scenes": [{"caption": "c"}, '
     '{"caption": "c", "continue": true, "settings": {"hidden": [5]}}]}',
     "scene 2: \"continue\" keeps training, but it changes hidden"),
    ('{"title": "x", "scenes": [{"caption": "c", "play": "yes"}]}', '"play"'),
]


@pytest.mark.parametrize("text, fragment", BAD_LESSONS)
def test_a_bad_lesson_file_is_one_line_naming_the_file_and_the_problem(tmp_path, text,
                                                                        fragment):
    path = tmp_path / "mine.json"
    path.write_text(text)
    with pytest.raises(ValueError) as info:
        lessons.load_lesson_file(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message and fragment in message, message


def test_a_broken_lesson_is_left_out_of_the_list_but_named_when_asked_for(tmp_path,
                                                                         monkeypatch):
    (tmp_path / "good.json").write_text('{"title": "Good", "scenes": [{"caption": "c"}]}')
    (tmp_path / "bad.json").write_text('{"title": "Bad", "scenes": [{"caption": 3}]}')
    monkeypatch.setattr(lessons, "lesson_dir", lambda: tmp_path)
    assert lessons.lesson_names() == ["good"]
    with pytest.raises(ValueError, match="bad.json: scene 1"):
        lessons.load_lesson("bad")
    with pytest.raises(ValueError, match="unknown lesson 'gone'; known lessons: good"):
        lessons.load_lesson("gone")


def run_cli(*args, cwd):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd,
                          capture_output=True, text=True, env=env, timeout=300)


def test_list_lessons_and_bad_lesson_on_the_command_line(tmp_path):
    out = run_cli("--list-lessons", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert [line.split("\t")[0] for line in out.stdout.splitlines()][:1] == \
        ["overfitting_and_l2"]
    assert {line.split("\t")[0] for line in out.stdout.splitlines()} == set(SHIPPED)
    bad = tmp_path / "mine.json"
    bad.write_text('{"title": "x", "scenes": [{"caption": "c", "settings": {"l2": "lots"}}]}')
    for args, fragment in ((["--lesson", "nope"], "unknown lesson 'nope'"),
                           (["--lesson", str(bad)], f"{bad}: scene 1: l2='lots'"),
                           (["--lesson", "early_stopping", "--set", "l2=1"], "leave out")):
        out = run_cli(*args, cwd=tmp_path)
        assert out.returncode == 2, out.stderr
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and fragment in lines[0], out.stderr


def test_lesson_report_trains_the_first_scene(tmp_path):
    out = run_cli("--lesson", "choosing_lambda", "--steps", "50", "--report", "r.json",
                  cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["config"]["l2"] == 0.01 and report["steps"] == 50


# -- pausing ---------------------------------------------------------------------------

def test_pause_at_lowest_test_loss_waits_for_the_patience():
    steps = np.arange(0, 5001, 10)
    test_loss = (steps - 2000.0) ** 2 / 1e6 + 0.3  # lowest at step 2000
    history = {"step": steps, "test_loss": test_loss}
    assert lessons.lowest_test_loss_step(history) == 2000
    patience = max(lessons.LOWEST_LOSS_MIN_PATIENCE, lessons.LOWEST_LOSS_PATIENCE * 2000)
    assert not lessons.pause_reached("lowest_test_loss", int(2000 + patience) - 1, history)
    assert lessons.pause_reached("lowest_test_loss", int(2000 + patience), history)
    assert lessons.pause_reached(300, 300, history) and not lessons.pause_reached(300, 299,
                                                                                   history)
    assert not lessons.pause_reached(None, 10**9, history)


# -- the window --------------------------------------------------------------------------

def wait_configured(qtbot, w, config):
    qtbot.waitUntil(lambda: w.controller.experiment.config == config, timeout=10000)


@pytest.mark.parametrize("name", SHIPPED)
def test_each_scene_applies_its_settings_controls_and_views(window, qtbot, name):
    w = window()
    mode = lesson_mode(w)
    lesson = lessons.load_lesson(name)
    mode.start(lesson)
    for index, (scene, config) in enumerate(zip(lesson.scenes, expected_configs(name),
                                                strict=True)):
        if index:
            mode.next_scene()
        assert mode.index == index
        wait_configured(qtbot, w, config)
        assert w.config == config and w.control_panel.config == config
        strip = mode.strip
        assert strip.isVisible() and strip.caption.text() == scene.caption
        assert f"scene {index + 1} of {len(lesson.scenes)}" in strip.heading.text()
        for field_name, control in w.control_panel.controls.items():
            shown = (scene.shown is None or field_name in scene.shown
                     or not FIELDS_BY_NAME[field_name].affects_training)
            assert control.isVisible() == shown, field_name
            # Locked by the scene, or disabled because it changes nothing for these
            # points (Classes for two classes): enabled otherwise.
            usable = field_name not in scene.locked and \
                field_name not in inapplicable_settings(config)
            assert control.isEnabled() == usable, field_name
        if scene.tab:
            assert w.lower_tabs.currentIndex() == TAB_INDEX[scene.tab]
        assert w.boundary_view.show_thinned.isChecked() == scene.thinned_nets
        assert w.boundary_view.show_uncertainty.isChecked() == scene.uncertainty
        if scene.opens:
            teach = w.findChild(QObject, "teach_actions")
            opened = teach.sweep_window if scene.opens == "sweep" else teach.compare_window
            assert opened is not None and opened.isVisible()
            assert opened.config == config
        w.pause()
    mode.leave()
    assert not mode.strip.isVisible()
    assert all(c.isVisible() for c in w.control_panel.controls.values())
    why = inapplicable_settings(w.config)
    assert all(c.isEnabled() == (name not in why)
               for name, c in w.control_panel.controls.items())


def test_a_scene_pauses_at_exactly_its_step_and_restarts_or_continues(window, qtbot,
                                                                      tmp_path):
    path = tmp_path / "steps.json"
    path.write_text(json.dumps({"title": "Steps", "preset": "overfit",
                                "settings": {"speed": 0}, "scenes": [
        {"caption": "first", "pause_at": 700},
        {"caption": "on", "continue": True, "settings": {"l2": 0.7}, "pause_at": 1300},
        {"caption": "again", "settings": {"l2": 0.7}, "play": False},
    ]}))
    w = window()
    mode = lesson_mode(w)
    mode.start(lessons.load_lesson_file(path))
    qtbot.waitUntil(lambda: not w.controller.worker.running
                    and w.controller.experiment.step_count == 700, timeout=20000)
    mode.next_scene()
    qtbot.waitUntil(lambda: not w.controller.worker.running
                    and w.controller.experiment.step_count == 1300, timeout=20000)
    events = w.controller.experiment.events
    assert [(e.step, e.name, e.value) for e in events] == [(700, "l2", 0.7)]
    mode.next_scene()
    qtbot.waitUntil(lambda: w.latest.step == 0 and w.latest.config.l2 == 0.7, timeout=10000)
    assert not w.controller.worker.running


def test_page_keys_and_alt_arrows_move_between_scenes_and_right_still_steps(window, qtbot):
    w = window()
    mode = lesson_mode(w)
    mode.start(lessons.load_lesson("overfitting_and_l2"))
    w.activateWindow()
    w.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert mode.index == 1
    qtbot.keyClick(w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert mode.index == 2
    qtbot.keyClick(w, Qt.Key.Key_PageUp)
    qtbot.keyClick(w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert mode.index == 0
    wait_configured(qtbot, w, mode.scene.config)
    w.pause()
    qtbot.waitUntil(lambda: not w.controller.worker.running, timeout=5000)
    before = w.controller.run_steps_blocking(0).step
    qtbot.keyClick(w, Qt.Key.Key_Right)  # plain →: one training step, not a scene
    qtbot.waitUntil(lambda: w.latest.step == before + 1, timeout=5000)
    assert mode.index == 0
    mode.leave()
    qtbot.keyClick(w, Qt.Key.Key_PageDown)  # no lesson: nothing happens
    assert not mode.active and mode.index == 0


def test_early_stopping_scene_pauses_after_the_lowest_test_loss(window, qtbot):
    w = window()
    mode = lesson_mode(w)
    mode.start(lessons.load_lesson("early_stopping"))
    w.set_value("speed", 0)  # as fast as it goes: the test needs no narration
    qtbot.waitUntil(lambda: w.latest.step > 0 and not w.controller.worker.running,
                    timeout=30000)
    shown = w.controller.run_steps_blocking(0)
    best = shown.history["step"][int(np.argmin(shown.history["test_loss"]))]
    assert shown.step - best >= lessons.LOWEST_LOSS_MIN_PATIENCE
    # ... and it did not run on far past the point where it should have stopped
    patience = max(lessons.LOWEST_LOSS_MIN_PATIENCE, lessons.LOWEST_LOSS_PATIENCE * best)
    assert shown.step - best < patience + 20000


def test_caption_fits_at_1280_by_720(window, qtbot):
    w = window(size=(1280, 720))
    mode = lesson_mode(w)
    lesson = lessons.load_lesson("overfitting_and_l2")
    longest = max(range(len(lesson.scenes)), key=lambda i: len(lesson.scenes[i].caption))
    mode.start(lesson, longest)
    qtbot.waitUntil(lambda: mode.strip.height() > 0, timeout=5000)
    caption = mode.strip.findChild(QLabel, "lesson_caption")
    assert caption.fontInfo().pointSizeF() >= 16  # the back row reads it
    assert caption.height() >= caption.heightForWidth(caption.width())  # nothing cut off
    assert mode.strip.height() <= 0.3 * w.height()
    assert w.boundary_view.height() >= 200
    w.pause()


def test_lesson_settings_apply_to_every_scene_under_the_scenes_own(tmp_path):
    path = tmp_path / "layers.json"
    path.write_text(json.dumps({"title": "Layers", "preset": "l2",
                                "settings": {"l1": 0.1, "seed": 4},
                                "scenes": [{"caption": "a"},
                                           {"caption": "b", "settings": {"l2": 0, "seed": 5}}]}))
    first, second = (scene.config for scene in lessons.load_lesson_file(path).scenes)
    preset = load_preset("l2")
    assert (first.l2, first.l1, first.seed) == (preset.l2, 0.1, 4)
    assert (second.l2, second.l1, second.seed) == (0.0, 0.1, 5)
    assert first.changed_fields(preset) == ["seed", "l1"]
