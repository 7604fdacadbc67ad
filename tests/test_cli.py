"""The command line: headless reports, screenshots and clean errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args, cwd=None, timeout=300):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, cwd=cwd or ROOT, env=env, timeout=timeout,
    )


def test_list_presets_prints_one_name_per_line():
    out = run_cli("--list-presets")
    assert out.returncode == 0, out.stderr
    names = out.stdout.split()
    assert names[:3] == ["overfit", "l2", "dropout"]
    assert {"l1", "underfit", "course", "nnfs"} <= set(names)


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--preset", "nope", "--steps", "1", "--report", "r.json"], "unknown preset 'nope'"),
        (["--set", "l2=-0.5", "--steps", "1", "--report", "r.json"], "l2="),
        (["--set", "keep_prob=0", "--steps", "1", "--report", "r.json"], "keep_prob"),
        (["--set", "colour=blue", "--steps", "1", "--report", "r.json"], "unknown setting"),
        (["--data", "missing.csv", "--steps", "1", "--report", "r.json"], "missing.csv"),
        (["--steps", "-3", "--report", "r.json"], "--steps"),
        (["--steps", "10"], "needs at least one"),
        (["--bogus-flag"], "unrecognized arguments"),
        (["--steps", "5", "--report", "/no/such/folder/r.json"], "does not exist"),
        # A sweep writes only a report: say that, not "needs --screenshot, ...".
        (["--sweep", "l2=0.1:1:3", "--steps", "10"], "--sweep writes its result with --report"),
        (["--sweep", "l2=0.1:1:3"], "--sweep needs --steps N and --report FILE"),
        (["--steps", "1", "--screenshot", "shot.gif"], ".gif is not a picture format"),
    ],
)
def test_bad_flags_exit_2_with_one_clear_line(args, fragment, tmp_path):
    out = run_cli(*args, cwd=tmp_path)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], out.stderr
    assert not (tmp_path / "r.json").exists()


def test_report_and_history_are_headless_and_complete(tmp_path):
    code = (
        "import sys; from regviz.cli import main; "
        f"rc = main(['--preset', 'dropout', '--steps', '300', '--report', r'{tmp_path}/r.json', "
        f"'--history', r'{tmp_path}/h.csv']); "
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph', 'PyQt5', 'PyQt6')); "
        "print(qt); sys.exit(rc or bool(qt))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["steps"] == 300 and report["diverged"] is False
    assert report["config"]["keep_prob"] == 0.86
    for key in ("data_loss", "penalty", "total", "accuracy"):
        assert key in report["train"]
    assert set(report["test"]) >= {"loss", "accuracy"}
    assert len(report["weight_norms"]) == 3
    header, *rows = (tmp_path / "h.csv").read_text().splitlines()
    assert header.startswith("step,") and "weight_norm_3" in header
    assert len(rows) >= 10 and int(rows[-1].split(",")[0]) <= 300


def test_report_config_reruns_identically(tmp_path):
    first = run_cli("--preset", "l2", "--set", "seed=4", "--steps", "200",
                    "--report", str(tmp_path / "a.json"))
    assert first.returncode == 0, first.stderr
    config = json.loads((tmp_path / "a.json").read_text())["config"]
    sets = []
    for key, value in config.items():
        text = ",".join(map(str, value)) if isinstance(value, list) else str(value)
        if key == "regularized_layers" and not value:
            continue
        sets += ["--set", f"{key}={text}"]
    second = run_cli("--preset", "overfit", *sets, "--steps", "200",
                     "--report", str(tmp_path / "b.json"))
    assert second.returncode == 0, second.stderr
    a = json.loads((tmp_path / "a.json").read_text())
    b = json.loads((tmp_path / "b.json").read_text())
    assert a["train"] == b["train"] and a["test"] == b["test"]


def test_divergence_is_reported_not_crashed(tmp_path):
    out = run_cli("--set", "learning_rate=80", "--steps", "2000",
                  "--report", str(tmp_path / "r.json"))
    assert out.returncode == 0, out.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["diverged"] is True and report["steps"] < 2000


def test_reports_show_the_lesson(tmp_path):
    """overfit vs l2 vs dropout, as the course's three experiments."""
    reports = {}
    for preset in ("overfit", "l2", "dropout"):
        path = tmp_path / f"{preset}.json"
        out = run_cli("--preset", preset, "--steps", "15000", "--report", str(path))
        assert out.returncode == 0, out.stderr
        reports[preset] = json.loads(path.read_text())
    none = reports["overfit"]
    assert none["gap"] >= 0.05, none
    for name in ("l2", "dropout"):
        r = reports[name]
        assert r["gap"] < none["gap"], (name, r["gap"], none["gap"])
        assert r["test"]["accuracy"] > none["test"]["accuracy"], name


def test_screenshot_renders_without_a_display(tmp_path):
    """No DISPLAY and no QT_QPA_PLATFORM (a server, ssh): Qt's default platform (xcb)
    aborted with SIGABRT; a picture must render offscreen instead."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--steps", "5",
                          "--screenshot", str(tmp_path / "out.png")],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])
    assert (tmp_path / "out.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name, magic", [("shot.jpg", b"\xff\xd8\xff"),
                                         ("shot.JPEG", b"\xff\xd8\xff"),
                                         ("shot.bmp", b"BM"),
                                         ("shot.png", b"\x89PNG\r\n\x1a\n")])
def test_screenshot_writes_the_format_its_suffix_names(tmp_path, name, magic):
    out = run_cli("--steps", "2", "--screenshot", str(tmp_path / name), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    # The file's own signature (the format's magic bytes), not its name.
    assert (tmp_path / name).read_bytes()[:len(magic)] == magic


@pytest.mark.parametrize("steps, recorded", [(10, [0, 10]), (25, [0, 10, 20, 25])])
def test_history_and_report_end_at_the_last_step(tmp_path, steps, recorded):
    """A 30,000-step run's CSV once ended at 29,990 and --steps 10 held only step 0."""
    out = run_cli("--steps", str(steps), "--history", str(tmp_path / "h.csv"),
                  "--report", str(tmp_path / "r.json"))
    assert out.returncode == 0, out.stderr
    header, *rows = (tmp_path / "h.csv").read_text().splitlines()
    assert [int(row.split(",")[0]) for row in rows] == recorded
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["steps"] == steps and report["history_points"] == len(recorded)
