"""Damaged files and absurd values: a ValueError (exit 2 on the command line) that
names the file or setting and what is wrong — never another exception, never a
traceback, and nothing the user had is overwritten.

Complements test_datasets.py (one bad file of each kind), test_session.py and
test_cli.py: here files are damaged systematically (cut at every length, bytes
flipped) and the command line gets values at the edges of floating point."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import scipy.io

from regviz import cli, config, session
from regviz.config import load_preset
from regviz.core import datasets
from regviz.experiment import Experiment

ROOT = Path(__file__).resolve().parent.parent


def points(n=60, seed=0):
    rng = np.random.default_rng(seed)
    return rng.uniform(-1, 1, (n, 2)), np.arange(n) % 2


def write_csv(path):
    X, y = points()
    np.savetxt(path, np.column_stack([X, y]), delimiter=",", fmt="%.17g",
               header="x1,x2,label", comments="")


def write_npz(path):
    X, y = points()
    np.savez_compressed(path, X=X, y=y, X_test=X[:10], y_test=y[:10])


def write_mat(path):
    X, y = points()
    scipy.io.savemat(path, {"X": X.T, "y": y[None, :].astype(float),
                            "Xval": X[:10].T, "yval": y[None, :10].astype(float)},
                     do_compression=True)


WRITERS = {"csv": write_csv, "npz": write_npz, "mat": write_mat}


def damaged_versions(raw: bytes, count: int, seed: int = 0):
    """(label, bytes): ``raw`` cut at ``count`` lengths from 0 to all but one byte,
    and ``count`` copies with three bytes flipped."""
    for n in np.unique(np.linspace(0, len(raw) - 1, count).astype(int)):
        yield f"cut at {n}", raw[:n]
    rng = np.random.default_rng(seed)
    for i in range(count):
        damaged = bytearray(raw)
        for at in rng.integers(0, len(raw), 3):
            damaged[at] ^= 0xFF
        yield f"flip {i}", bytes(damaged)


def assert_value_error_naming(call, path: Path, *words: str) -> ValueError:
    with pytest.raises(ValueError) as info:
        call(path)
    assert type(info.value) is ValueError, type(info.value)  # no numpy/scipy/zlib type
    message = str(info.value)
    assert path.name in message, message
    for word in words:
        assert word in message, message
    return info.value


# -- data files -----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", WRITERS)
def test_a_damaged_data_file_loads_or_is_a_value_error_naming_it(tmp_path, kind):
    good = tmp_path / f"good.{kind}"
    WRITERS[kind](good)
    datasets.load(good)  # the undamaged file is fine
    for label, raw in damaged_versions(good.read_bytes(), 40):
        path = tmp_path / f"damaged.{kind}"
        path.write_bytes(raw)
        try:
            loaded = datasets.load(path)
        except ValueError as exc:
            assert type(exc) is ValueError and path.name in str(exc), (label, exc)
        else:  # a CSV cut at a line end, or a flip in a zip's slack, is still data
            assert np.isfinite(loaded.X_train).all() and len(np.unique(loaded.y_train)) >= 2
        assert path.read_bytes() == raw, "loading changed the file"


@pytest.mark.parametrize("name", ["empty.npz", "empty.mat", "folder.csv"])
def test_empty_files_and_folders_are_value_errors(tmp_path, name):
    path = tmp_path / name
    if name.startswith("folder"):
        path.mkdir()
    else:
        path.write_bytes(b"")
    assert_value_error_naming(datasets.load, path)


def test_huge_coordinates_are_refused_with_the_row(tmp_path):
    path = tmp_path / "far.csv"
    X, y = points()
    X[7, 1] = 1e300
    np.savetxt(path, np.column_stack([X, y]), delimiter=",")
    assert_value_error_naming(datasets.load, path, "1e+300", "row 7", "at most")


# -- sessions -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def saved_session(tmp_path_factory):
    experiment = Experiment(load_preset("dropout"))
    experiment.step(30)
    folder = tmp_path_factory.mktemp("session")
    return session.save(session.Session.from_experiment(experiment), folder / "good.regviz")


def test_a_damaged_session_is_a_value_error_naming_it_or_loads_unchanged(
        tmp_path, saved_session):
    """Before, a flipped byte in the compressed archive escaped as zlib.error or
    NotImplementedError from zipfile. A damaged file that still loads (a flip in a
    field nothing reads, such as a file's date in the zip) must give exactly what
    was saved: every array is checked against its CRC, so anything else is a bug."""
    saved = session.load(saved_session)
    outcomes = {"refused": 0, "loaded": 0}
    good = saved_session.read_bytes()
    assert good[:4] == b"PK\x03\x04"  # the first member's local header
    undated = bytearray(good)
    undated[10:14] = bytes(b ^ 0xFF for b in good[10:14])  # its modification date and time
    for label, raw in [*damaged_versions(good, 60), ("date flipped", bytes(undated))]:
        path = tmp_path / "damaged.regviz"
        path.write_bytes(raw)
        try:
            loaded = session.load(path)
        except ValueError as exc:
            assert type(exc) is ValueError and path.name in str(exc), (label, exc)
            outcomes["refused"] += 1
        else:
            assert_same_session(loaded, saved, label)
            outcomes["loaded"] += 1
        assert path.read_bytes() == raw, "loading changed the file"
    # Both branches were taken: a cut file cannot load; a flipped date is read by nobody.
    assert outcomes["refused"] >= 1 and outcomes["loaded"] >= 1, outcomes


def assert_same_session(loaded: session.Session, saved: session.Session, label: str) -> None:
    assert loaded.config == saved.config, label
    assert loaded.step == saved.step, label
    for key in ("X_train", "y_train", "X_test", "y_test"):
        np.testing.assert_array_equal(getattr(loaded.data, key), getattr(saved.data, key),
                                      err_msg=label)
    for a, b in zip(loaded.weights + loaded.biases, saved.weights + saved.biases, strict=True):
        np.testing.assert_array_equal(a, b, err_msg=label)
    assert loaded.history.keys() == saved.history.keys(), label
    for name in saved.history:
        np.testing.assert_array_equal(loaded.history[name], saved.history[name], err_msg=label)


def rewritten(saved: Path, folder: Path, **changes) -> Path:
    """A copy of the session at ``saved`` with arrays replaced (None: removed)."""
    with np.load(saved) as archive:
        arrays = {key: archive[key] for key in archive.files}
    for key, value in changes.items():
        if value is None:
            arrays.pop(key)
        else:
            arrays[key] = np.asarray(value)
    path = folder / "edited.regviz"
    with open(path, "wb") as fh:  # a name, and np.savez would add ".npz"
        np.savez(fh, **arrays)
    return path


# The saved session's training and test points (the dropout preset's split).
N_TRAIN, N_TEST = datasets.split_sizes(load_preset("dropout").n_samples,
                                       load_preset("dropout").test_fraction)

SESSION_DEFECTS = {  # what is changed → words the message must contain
    "config JSON is a list": (dict(config_json="[1, 2]"), "JSON object"),
    "config JSON is cut": (dict(config_json='{"l2": 0.'), "edited.regviz"),
    "λ out of range": (dict(config_json='{"l2": -1}'), "l2"),
    "labels NaN": (dict(y_train=np.full(N_TRAIN, np.nan)), "y_train"),
    "labels negative": (dict(y_test=-np.ones(N_TEST)), "y_test"),
    "labels as text": (dict(y_train=np.array(["a"] * N_TRAIN)), "y_train"),
    "labels in a matrix": (dict(y_train=np.zeros((N_TRAIN, 2))), "y_train"),
    "step negative": (dict(step=-5), "step"),
    "step fractional": (dict(step=2.5), "step"),
    "step absurd": (dict(step=1e300), "step"),
    "weights NaN": (dict(weight_0=np.full((2, 20), np.nan)), "weight_0"),
    "weights of another network": (dict(weight_0=np.zeros((3, 3))), "weights"),
    "bias missing": (dict(bias_1=None), "bias_1"),
    "history NaN": (dict(history_test_loss=np.full(4, np.nan)), "history_test_loss"),
    "history of another length": (dict(history_test_loss=np.zeros(1000)), "edited.regviz"),
    "points huge": (dict(X_train=np.full((N_TRAIN, 2), 1e300)), "X"),
    "no training points": (dict(X_train=np.zeros((0, 2)), y_train=np.zeros(0)), "X_train"),
}


@pytest.mark.parametrize("defect", SESSION_DEFECTS)
def test_an_inconsistent_session_is_refused_at_load_naming_the_problem(
        tmp_path, saved_session, defect):
    """Before, most of these loaded and failed later (to_experiment) without the
    file's name, or loaded NaN weights that would reach the plots."""
    changes, word = SESSION_DEFECTS[defect]
    path = rewritten(saved_session, tmp_path, **changes)
    before = path.read_bytes()
    assert_value_error_naming(session.load, path, word)
    assert path.read_bytes() == before


def test_the_untouched_session_still_loads(saved_session):
    assert session.load(saved_session).to_experiment().step_count == 30


# -- presets ----------------------------------------------------------------------------------

BROKEN_PRESETS = {
    "empty": (b"", "cannot be read"),
    "garbage": (b"\x00\xff garbage", "cannot be read"),
    "cut": (b'{"order": 1, "settings": {"l2": 0.', "cannot be read"),
    "a_list": (b"[1, 2]", "JSON object"),
    "settings_list": (b'{"settings": [1, 2]}', "JSON object"),
    "bad_value": (b'{"settings": {"l2": -1}}', "l2"),
    "unknown_key": (b'{"settings": {"colour": "red"}}', "colour"),
    "nan_value": (b'{"settings": {"keep_prob": NaN}}', "keep_prob"),
    "huge_seed": (b'{"settings": {"seed": 1e400}}', "seed"),
}


@pytest.fixture
def preset_folder(tmp_path, monkeypatch):
    folder = tmp_path / "presets"
    folder.mkdir()
    for name, (content, _) in BROKEN_PRESETS.items():
        (folder / f"{name}.json").write_bytes(content)
    (folder / "fine.json").write_text(json.dumps({"order": 2, "settings": {"l2": 0.5}}))
    (folder / "odd_order.json").write_text(json.dumps({"order": "first", "settings": {}}))
    monkeypatch.setattr(config, "preset_dir", lambda: folder)
    return folder


@pytest.mark.parametrize("name", BROKEN_PRESETS)
def test_a_broken_preset_is_a_value_error_naming_its_file(preset_folder, name):
    path = preset_folder / f"{name}.json"
    before = path.read_bytes()
    error = assert_value_error_naming(lambda _: load_preset(name), path, BROKEN_PRESETS[name][1])
    assert str(preset_folder) in str(error)
    assert path.read_bytes() == before


def test_broken_presets_do_not_stop_the_list(preset_folder):
    """Before, one preset file holding a JSON list (or a text "order") crashed
    preset_names(), and with it the window and --list-presets."""
    assert config.preset_names() == ["fine", "odd_order"]
    assert load_preset("fine").l2 == 0.5


# -- the command line -----------------------------------------------------------------------

def run_main(*args) -> tuple[int, list[str]]:
    """``regviz.cli.main(args)`` in this process: exit code and stderr lines (an
    exception other than the handled ones fails the test, as a traceback would)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(list(args))
    return code, err.getvalue().strip().splitlines()


ABSURD = ["nan", "-nan", "inf", "-inf", "1e308", "-1e308", "1e309", "9" * 400, "-" + "9" * 30,
          "", " ", "0x1p3", "1e", "--", "None", "[0.5]", "0.5.5"]


@pytest.mark.parametrize("field", ["learning_rate", "l2", "keep_prob", "seed", "n_samples",
                                   "batch_size", "hidden", "noise", "lr_decay"])
def test_absurd_values_exit_2_with_one_line_naming_the_setting(tmp_path, field):
    report = tmp_path / "r.json"
    for value in ABSURD:
        if field == "hidden" and value.strip() == "":
            continue  # an empty list means "no hidden layer" to nobody: checked below
        code, lines = run_main("--set", f"{field}={value}", "--steps", "1", "--report",
                               str(report))
        assert code == 2, (field, value)
        assert len(lines) == 1 and field in lines[0], (field, value, lines)
        assert not report.exists()


def test_empty_hidden_layers_and_minus_zero(tmp_path):
    report = tmp_path / "r.json"
    code, lines = run_main("--set", "hidden=", "--steps", "1", "--report", str(report))
    assert code == 2 and len(lines) == 1 and "hidden" in lines[0]
    code, lines = run_main("--set", "l2=-0", "--steps", "1", "--report", str(report))
    assert code == 0, lines
    reported = json.loads(report.read_text())["config"]["l2"]
    assert reported == 0 and str(reported) == "0.0"  # not "-0.0"


def test_absurd_values_end_to_end_print_no_traceback(tmp_path):
    for value in ("nan", "1e308", "9" * 400):
        out = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--set", f"learning_rate={value}",
             "--steps", "1", "--report", "r.json"],
            capture_output=True, text=True, cwd=tmp_path, timeout=120,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
        assert not (tmp_path / "r.json").exists()


def simulate_read_only(monkeypatch, folder: Path) -> None:
    """Make ``folder`` refuse new files as a read-only folder does for a user who is
    not root: ``os.access`` says so, and creating or renaming a file in it raises
    PermissionError. Simulated, so the tests run as root (CI) too, where chmod
    would not stop anything."""
    import tempfile

    folder = folder.resolve()

    def inside(path) -> bool:
        return Path(path).resolve().parent == folder

    real_access, real_mkstemp, real_replace = os.access, tempfile.mkstemp, os.replace

    def access(path, mode, *args, **kwargs):
        if Path(path).resolve() == folder and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).resolve() == folder:
            raise PermissionError(13, "Permission denied", str(folder))
        return real_mkstemp(*args, dir=dir, **kwargs)

    def replace(src, dst, *args, **kwargs):
        if inside(dst):
            # As the system words it: both names.
            raise PermissionError(13, "Permission denied", str(src), None, str(dst))
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize("flag, name", [("--report", "r.json"), ("--screenshot", "x.png"),
                                        ("--history", "h.csv")])
def test_a_read_only_folder_exits_2_and_keeps_the_file(tmp_path, monkeypatch, flag, name):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / name).write_bytes(b"the user's file")
    simulate_read_only(monkeypatch, folder)
    code, lines = run_main("--steps", "5", flag, str(folder / name))
    assert code == 2 and len(lines) == 1, lines
    assert f"cannot write {folder / name}" in lines[0] and "not writable" in lines[0], lines
    assert (folder / name).read_bytes() == b"the user's file"
    assert [p.name for p in folder.iterdir()] == [name]


@pytest.mark.parametrize("stage", ["create", "rename"])
@pytest.mark.parametrize("flag, name", [("--report", "r.json"), ("--history", "h.csv")])
def test_a_folder_whose_check_passes_but_refuses_the_write_keeps_the_file(
        tmp_path, monkeypatch, flag, name, stage):
    """The check before training says writable (as for root, or an ACL the check
    does not see), the write itself is refused, when the temporary file is created
    or when it is renamed over the user's: exit 2, the file as it was, no
    temporary file left."""
    import tempfile

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / name).write_bytes(b"the user's file")
    real_mkstemp = tempfile.mkstemp
    simulate_read_only(monkeypatch, folder)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: True)
    if stage == "rename":
        monkeypatch.setattr(tempfile, "mkstemp", real_mkstemp)
    code, lines = run_main("--steps", "5", flag, str(folder / name))
    assert code == 2 and len(lines) == 1, lines
    assert str(folder / name) in lines[0] and "Permission denied" in lines[0], lines
    # The user's file by name, not the temporary one (a refused rename once printed
    # the system's "'.out-x1.csv' -> 'out.csv'").
    assert f"cannot write {folder / name}: Permission denied" in lines[0], lines
    assert (folder / name).read_bytes() == b"the user's file"
    assert [p.name for p in folder.iterdir()] == [name]


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs Linux's /proc")
@pytest.mark.parametrize("flag", ["--report", "--screenshot"])
def test_a_folder_nobody_can_write_exits_2_and_keeps_the_file(flag):
    """/proc refuses new files even to root: the read-only folder every machine has.
    (Through a subprocess: the screenshot needs Qt, and the real exit path is tested.)"""
    target = Path("/proc/version")
    before = target.read_bytes()
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--steps", "5", flag, str(target)],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = out.stderr.strip().splitlines()
    assert out.returncode == 2 and len(lines) == 1, out.stderr
    assert "cannot write /proc/version" in lines[0] and "Traceback" not in out.stderr
    assert target.read_bytes() == before


def test_a_folder_that_turns_read_only_mid_run_keeps_the_file(tmp_path, monkeypatch):
    """The check before training passed; the write after it fails (permissions
    changed, disk full): exit 2, the previous report intact, no temp file left."""
    import tempfile

    report = tmp_path / "r.json"
    report.write_text("previous report")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, lines = run_main("--steps", "5", "--report", str(report))
    assert code == 2 and len(lines) == 1 and "Permission denied" in lines[0], lines
    assert report.read_text() == "previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]
