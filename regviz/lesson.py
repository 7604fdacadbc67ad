"""Lessons: scripted scenes a teacher steps through with one key.

A lesson is a JSON file in ``resources/lessons/`` (like a preset)::

    {"title": "Overfitting and L2", "order": 1,
     "description": "one line for --list-lessons",
     "preset": "overfit",                 # the settings every scene starts from
     "settings": {"n_samples": 400},      # ... changed by these (any config field)
     "scenes": [
       {"title": "No regularization",
        "caption": "One or two sentences the class reads from the back row.",
        "question": "Optional: what to ask the class.",
        "settings": {"l2": 0.7},          # this scene's changes to the lesson's settings
        "continue": false,                # true: keep training (live settings only)
        "play": true,                     # start training when the scene opens
        "pause_at": 3000,                 # a step, or "lowest_test_loss"
        "show": ["l2", "keep_prob"],      # the only controls shown (default: all)
        "lock": ["l2"],                   # shown but not editable
        "tab": "network",                 # or "weight_histograms"
        "thinned_nets": true, "uncertainty": false,
        "open": "sweep"}                  # or "compare": opens that Teach window
     ]}

Everything is checked when the file is read; a problem is one line naming the
file (and the scene) and what is wrong, as for a bad preset. Pure Python: no Qt.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .config import FIELDS_BY_NAME, LIVE_FIELDS, Config, load_preset
from .resource_path import resource_dir

PAUSE_EVENTS = ("lowest_test_loss",)
TABS = ("network", "weight_histograms")
OPENS = ("sweep", "compare")
LESSON_KEYS = {"title", "order", "description", "preset", "settings", "scenes"}
SCENE_KEYS = {"title", "caption", "question", "settings", "continue", "play", "pause_at",
              "show", "lock", "tab", "thinned_nets", "uncertainty", "open"}
MAX_CAPTION_CHARACTERS = 200  # two sentences on a projector, not a paragraph
# "Pause at the lowest test loss": the lowest point is known only once the test loss
# has failed to beat it for a while — this share of the steps to it, at least
# LOWEST_LOSS_MIN_PATIENCE steps (early stopping's patience).
LOWEST_LOSS_PATIENCE = 0.5
LOWEST_LOSS_MIN_PATIENCE = 1000


@dataclass(frozen=True)
class Scene:
    """One step of a lesson: the settings to show, what to say, when to stop."""

    title: str
    caption: str
    config: Config
    question: str = ""
    continue_training: bool = False
    play: bool = True
    pause_at: int | str | None = None
    shown: tuple[str, ...] | None = None  # None: every control
    locked: tuple[str, ...] = ()
    tab: str = ""
    thinned_nets: bool = False
    uncertainty: bool = False
    opens: str = ""


@dataclass(frozen=True)
class Lesson:
    name: str
    title: str
    description: str
    scenes: tuple[Scene, ...]
    order: float = 99
    path: Path = field(default=Path(), compare=False)


def lesson_dir() -> Path:
    return resource_dir() / "lessons"


def lesson_names() -> list[str]:
    """Lesson names in menu order (``order``, then name). A broken file is left
    out so it cannot stop the window or ``--list-lessons``; asking for it by name
    gives the error that says what is wrong."""
    lessons = []
    for path in lesson_dir().glob("*.json"):
        try:
            lessons.append(load_lesson_file(path))
        except ValueError:
            continue
    return [lesson.name for lesson in sorted(lessons, key=lambda x: (x.order, x.name))]


def load_lesson(name: str) -> Lesson:
    """The lesson called ``name``; ValueError lists the known lessons."""
    path = lesson_dir() / f"{name}.json"
    if not path.is_file():
        raise ValueError(f"unknown lesson {name!r}; known lessons: {', '.join(lesson_names())}")
    return load_lesson_file(path)


def load_lesson_file(path: str | Path) -> Lesson:
    """Read and check a lesson file; ValueError is one line naming the file and the
    problem (and the scene, counted from 1)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"lesson file {path} cannot be read: {_one_line(exc)}") from None
    try:
        return _lesson_from_dict(path, data)
    except ValueError as exc:
        raise ValueError(f"lesson file {path}: {exc}") from None


def _lesson_from_dict(path: Path, data: Any) -> Lesson:
    if not isinstance(data, dict):
        raise ValueError("must hold a JSON object with a list of \"scenes\"")
    _no_unknown_keys(data, LESSON_KEYS, "the lesson")
    title = _text(data, "title", required=True)
    order = data.get("order", 99)
    if isinstance(order, bool) or not isinstance(order, int | float) or not math.isfinite(order):
        raise ValueError(f"order={order!r} must be a number")
    base = load_preset(_text(data, "preset") or "overfit")
    base = _with_settings(base, data.get("settings", {}), "the lesson's settings")
    scenes_data = data.get("scenes")
    if not isinstance(scenes_data, list) or not scenes_data:
        raise ValueError("\"scenes\" must be a non-empty list of scenes")
    scenes = []
    for number, scene in enumerate(scenes_data, start=1):
        try:
            scenes.append(_scene_from_dict(scene, base))
        except ValueError as exc:
            raise ValueError(f"scene {number}: {exc}") from None
    if scenes[0].continue_training:
        raise ValueError("scene 1: \"continue\" needs a scene before it to continue")
    for number, (before, scene) in enumerate(zip(scenes, scenes[1:], strict=False), start=2):
        if scene.continue_training and scene.config.needs_reset(before.config):
            changed = [n for n in scene.config.changed_fields(before.config)
                       if n not in LIVE_FIELDS]
            raise ValueError(f"scene {number}: \"continue\" keeps training, but it changes "
                             f"{changed[0]}, which restarts it (only "
                             f"{', '.join(sorted(LIVE_FIELDS))} can change live)")
    return Lesson(path.stem, title, _text(data, "description"), tuple(scenes), order, path)


def _scene_from_dict(data: Any, base: Config) -> Scene:
    if not isinstance(data, dict):
        raise ValueError("must be a JSON object")
    _no_unknown_keys(data, SCENE_KEYS, "a scene")
    caption = _text(data, "caption", required=True)
    if len(caption) > MAX_CAPTION_CHARACTERS:
        raise ValueError(f"the caption has {len(caption)} characters; at most "
                         f"{MAX_CAPTION_CHARACTERS} (one or two sentences) can be read "
                         "from the back row")
    config = _with_settings(base, data.get("settings", {}), "settings")
    pause_at = data.get("pause_at")
    if pause_at is not None:
        if isinstance(pause_at, str):
            if pause_at not in PAUSE_EVENTS:
                raise ValueError(f"pause_at={pause_at!r} must be a step (a whole number ≥ 1) "
                                 f"or one of {', '.join(PAUSE_EVENTS)}")
        elif isinstance(pause_at, bool) or not isinstance(pause_at, int) or pause_at < 1:
            raise ValueError(f"pause_at={pause_at!r} must be a step (a whole number ≥ 1) "
                             f"or one of {', '.join(PAUSE_EVENTS)}")
    shown = data.get("show")
    if shown is not None:
        shown = _field_names(shown, "show")
    locked = _field_names(data.get("lock", []), "lock")
    if shown is not None:
        hidden_locked = [name for name in locked if name not in shown]
        if hidden_locked:
            raise ValueError(f"lock names {hidden_locked[0]!r}, which \"show\" hides")
    return Scene(
        title=_text(data, "title"),
        caption=caption,
        config=config,
        question=_text(data, "question"),
        continue_training=_flag(data, "continue", False),
        play=_flag(data, "play", True),
        pause_at=pause_at,
        shown=shown,
        locked=locked,
        tab=_choice(data, "tab", TABS),
        thinned_nets=_flag(data, "thinned_nets", False),
        uncertainty=_flag(data, "uncertainty", False),
        opens=_choice(data, "open", OPENS),
    )


def _with_settings(base: Config, settings: Any, where: str) -> Config:
    if not isinstance(settings, dict):
        raise ValueError(f"{where} must be a JSON object of settings")
    preset = base.preset
    config = base.with_values(**settings)  # ValueError names the setting and range
    config.preset = preset
    return config


def _field_names(value: Any, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"\"{key}\" must be a list of setting names")
    for name in value:
        if name not in FIELDS_BY_NAME:
            raise ValueError(f"\"{key}\" names {name!r}, which is not a setting; known "
                             f"settings: {', '.join(FIELDS_BY_NAME)}")
    return tuple(value)


def _text(data: dict, key: str, required: bool = False) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f"\"{key}\" must be {'a non-empty' if required else 'a'} string")
    return " ".join(value.split())


def _flag(data: dict, key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ValueError(f"\"{key}\"={value!r} must be true or false")
    return value


def _choice(data: dict, key: str, choices: tuple[str, ...]) -> str:
    value = data.get(key, "")
    if value not in ("", *choices):
        raise ValueError(f"\"{key}\"={value!r} must be one of {', '.join(choices)}")
    return value


def _no_unknown_keys(data: dict, known: set[str], what: str) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} in {what}; allowed: "
                         f"{', '.join(sorted(known))}")


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


# -- pausing --------------------------------------------------------------------

def lowest_test_loss_step(history: dict[str, np.ndarray]) -> int | None:
    """The step with the lowest test loss so far (early stopping's best), or None."""
    losses = history.get("test_loss")
    if losses is None or not len(losses) or not np.isfinite(losses).any():
        return None
    return int(history["step"][int(np.nanargmin(losses))])


def pause_reached(pause_at: int | str | None, step: int,
                  history: dict[str, np.ndarray]) -> bool:
    """True once a scene with ``pause_at`` should stop: at that step, or — for
    "lowest_test_loss" — once the lowest test loss has stood unbeaten for the
    patience (half the steps it took, at least 1,000)."""
    if pause_at is None:
        return False
    if isinstance(pause_at, int):
        return step >= pause_at
    best = lowest_test_loss_step(history)
    if best is None:
        return False
    patience = max(LOWEST_LOSS_MIN_PATIENCE, LOWEST_LOSS_PATIENCE * best)
    return step - best >= patience
