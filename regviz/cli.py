"""The command line: ``python main.py``, ``python -m regviz`` and ``regviz``.

Without ``--steps`` it opens the window. With ``--steps N`` it trains headless and
writes a screenshot (``--screenshot``, which needs Qt) and/or a JSON report and a
CSV history (``--report``/``--history``, which never import Qt). Every bad flag or
value ends in one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .config import FIELDS, Config, load_preset, preset_names
from .history_csv import history_csv
from .translatable import ENGLISH, LANGUAGES, parse_language

EXIT_USAGE = 2
DEFAULT_PRESET = "overfit"


class UsageError(Exception):
    """A bad flag, value or file named on the command line."""


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    keys = ", ".join(f.name for f in FIELDS)
    p = _ArgumentParser(
        prog="regviz",
        description="Watch L1, L2 and dropout regularization work while a small "
                    "neural network trains.",
        epilog=f"Settings for --set: {keys}.",
    )
    p.add_argument("--preset", default=None,
                   help="start from this preset (see --list-presets; default: overfit)")
    p.add_argument("--data", metavar="FILE",
                   help="train on your own points: CSV (x1,x2,label), NPZ or the course's data.mat")
    p.add_argument("--set", dest="assignments", action="append", default=[],
                   metavar="KEY=VALUE", help="change one setting, e.g. --set l2=0.7 (repeatable)")
    p.add_argument("--list-presets", action="store_true", help="print the preset names and exit")
    p.add_argument("--lesson", metavar="NAME",
                   help="open the window in lesson mode at the first scene of lesson NAME "
                        "(see --list-lessons) or of a lesson file NAME.json; Page Down / "
                        "Page Up move between scenes")
    p.add_argument("--list-lessons", action="store_true",
                   help="print the lesson names (and titles) and exit")
    p.add_argument("--steps", type=int, metavar="N",
                   help="train N steps headless (no visible window), then write the outputs")
    p.add_argument("--screenshot", metavar="PICTURE",
                   help="with --steps: save the window as a picture (.png, .jpg or .bmp; "
                        "rendered offscreen, no display needed)")
    p.add_argument("--report", metavar="JSON", help="with --steps: write a JSON summary")
    p.add_argument("--history", metavar="CSV", help="with --steps: write the history as CSV")
    p.add_argument("--export-script", metavar="PY",
                   help="with --steps: write a standalone numpy script that trains the same "
                        "N steps and reports the same numbers (python PY --report r.json)")
    p.add_argument("--lang", metavar="LANGUAGE", default=None,
                   help=f"the window's language: {' or '.join(LANGUAGES)} (default: the one "
                        "chosen last in View → Language, else the system's; pictures: en)")
    p.add_argument("--sweep", metavar="NAME=LOW:HIGH:POINTS",
                   help="with --steps and --report: train one model per value on a log grid "
                        "(plus 0 for l1/l2) in parallel processes, e.g. l2=1e-3:10:12")
    return p


def config_from_args(args: argparse.Namespace) -> Config:
    try:
        config = load_preset(args.preset or DEFAULT_PRESET)
        if args.data:
            config = config.with_values(data_file=args.data)
        return config.with_assignments(args.assignments)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except UsageError as exc:
        print(f"regviz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.lang is not None:
        try:
            args.lang = parse_language(args.lang)
        except ValueError as exc:
            raise UsageError(f"--lang: {exc}") from None
    if args.list_presets:
        print("\n".join(preset_names()))
        return 0
    if args.list_lessons:
        from .lesson import lesson_names, load_lesson

        for name in lesson_names():
            lesson = load_lesson(name)
            print(f"{name}\t{lesson.title} ({len(lesson.scenes)} scenes)")
        return 0
    lesson = _lesson_from_args(args)
    config = lesson.scenes[0].config if lesson else config_from_args(args)
    outputs = [args.screenshot, args.report, args.history, args.export_script]
    if args.steps is None:
        if args.sweep:
            raise UsageError("--sweep needs --steps N and --report FILE")
        if any(outputs):
            raise UsageError("--screenshot, --report, --history and --export-script "
                             "need --steps N")
        _check_data(config)
        _check_display()
        from .gui.launch import run  # Qt only when a window is wanted

        return run(config, use_last_preset=args.preset is None and not args.data
                   and not args.assignments and lesson is None, lesson=lesson,
                   language=args.lang)
    if args.steps < 0:
        raise UsageError(f"--steps {args.steps} is out of range: expected a whole number ≥ 0")
    if args.sweep:
        return _sweep(config, args)
    if not any(outputs):
        raise UsageError("--steps needs at least one of --screenshot, --report, --history, "
                         "--export-script")
    for path in filter(None, outputs):
        _check_writable(path)
    if args.export_script:
        _export_script(config, args.steps, args.export_script)
        if not (args.screenshot or args.report or args.history):
            return 0
    if args.screenshot:
        _check_picture_format(args.screenshot)
        _check_data(config)
        _render_without_a_display()
        from .gui.screenshot import render_window_png

        try:
            render_window_png(config, args.steps, args.screenshot,
                              prepare=_show_lesson(lesson) if lesson else None,
                              language=args.lang or ENGLISH)
        except OSError as exc:  # its message names the path already
            raise UsageError(f"screenshot not written: {exc}") from None
        if not (args.report or args.history):
            return 0
    experiment = _run_headless(config, args.steps)
    if args.report:
        _write_atomic(args.report, json.dumps(experiment.report(), indent=2) + "\n")
    if args.history:
        _write_atomic(args.history, history_csv(experiment))
    return 0


def _sweep(config: Config, args: argparse.Namespace) -> int:
    from .sweep import SweepSpec, run_sweep

    if not args.report or args.screenshot or args.history or args.export_script:
        raise UsageError("--sweep writes its result with --report FILE (and nothing else)")
    _check_writable(args.report)
    try:
        spec = SweepSpec.parse(args.sweep)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    _check_data(config)
    result = run_sweep(config, spec, args.steps)
    payload = {"config": config.to_dict(), "preset": config.preset, **result.to_dict()}
    _write_atomic(args.report, json.dumps(payload, indent=2) + "\n")
    best = result.best
    if best is not None:
        print(f"best {spec.name}={best.value:g}: test error {best.test_error:.3f}")
    return 0


def _lesson_from_args(args: argparse.Namespace):
    """The lesson named by ``--lesson`` (None without it); its first scene's
    settings are the config, so --preset, --data and --set do not mix with it."""
    if args.lesson is None:
        return None
    if args.preset or args.data or args.assignments:
        raise UsageError("--lesson sets every setting itself: leave out --preset, --data "
                         "and --set")
    from .lesson import load_lesson, load_lesson_file

    try:
        if args.lesson.endswith(".json"):  # a teacher's own lesson file
            return load_lesson_file(args.lesson)
        return load_lesson(args.lesson)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _check_display() -> None:
    """Say in one line why no window can open here, before Qt aborts trying."""
    from .gui.system_libraries import DisplayUnavailable, check_display

    try:
        check_display()
    except DisplayUnavailable as exc:
        raise UsageError(str(exc)) from None


def _check_picture_format(path: str) -> None:
    from .picture_format import picture_format

    try:
        picture_format(path)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _show_lesson(lesson):
    def prepare(window):
        from .gui.actions.lesson_mode import lesson_mode

        lesson_mode(window).start(lesson, drive=False)

    return prepare


def _export_script(config: Config, steps: int, path: str) -> None:
    from .experiment import make_data
    from .script_export import write_script

    try:
        write_script(path, config, make_data(config), steps)
    except OSError as exc:  # its message names the path and the reason
        raise UsageError(str(exc)) from None
    except ValueError as exc:
        raise UsageError(f"script not written: {exc}") from None


def _render_without_a_display() -> None:
    """A picture needs no screen: Qt renders it offscreen, so ``--screenshot`` works
    on a server or over ssh (Qt's default, xcb, aborts without a display). A
    platform the user chose (QT_QPA_PLATFORM) is kept."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def _check_data(config: Config) -> None:
    from .experiment import make_data

    try:
        make_data(config)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _run_headless(config: Config, steps: int):
    from .core import TrainingDiverged
    from .experiment import Experiment

    try:
        experiment = Experiment(config)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        experiment.step(steps)
        experiment.finish()  # the history and report end at step N, not before it
    except TrainingDiverged:
        pass  # reported as "diverged": true with the last finite weights
    return experiment


def _check_writable(path: str) -> None:
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {path}: folder {folder} is not writable")
    if Path(path).is_dir():
        raise UsageError(f"cannot write {path}: it is a folder")


def _write_atomic(path: str, text: str) -> None:
    """``text`` to ``path``; a failure leaves any previous file as it was."""
    from .atomic_file import write_atomically

    try:
        write_atomically(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    except OSError as exc:  # its message names the path and the reason
        raise UsageError(str(exc)) from None


if __name__ == "__main__":
    sys.exit(main())
