"""The exported standalone script (regviz/script_export.py) trains the same run.

The oracle is regviz's own ``--report``: the engine (regviz/core, a preallocated
column-layout workspace over one flat parameter buffer) and the script (a plain
program made from regviz/script_template.py) are separate implementations, and
the script, run as ``python out.py --report r.json`` in a subprocess, must give
the same numbers to 1e-9. The grid covers every setting the script supports with
a non-default value, and a test fails as soon as a config field is added that the
exporter does not know.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from regviz import script_export
from regviz.cli import main as regviz_main
from regviz.config import FIELDS, Config, load_preset
from regviz.core import TrainingDiverged
from regviz.experiment import Experiment, make_data

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE = 1e-9
REPORT_NUMBERS = (("train", "data_loss"), ("train", "penalty"), ("train", "total"),
                  ("train", "accuracy"), ("test", "loss"), ("test", "accuracy"))

# (id, preset, --set assignments, steps). Binary and 3-class data; L1, L2, dropout,
# Adam, momentum, decay, mini-batches, biases, chosen layers, every activation/init.
GRID = [
    ("overfit-sgd-binary", "overfit", [], 1500),
    ("course-l2", "l2", [], 1500),
    ("course-dropout", "dropout", [], 1500),
    ("l1-book", "l1", [], 1000),
    ("nnfs-adam-3class-l2-biases-layer1", "nnfs", [], 600),
    ("adam-l1-dropout-tanh", "overfit",
     ["optimizer=adam", "learning_rate=0.01", "l1=0.3", "keep_prob=0.8", "activation=tanh",
      "regularize_biases=true"], 600),
    ("momentum-batches-decay", "overfit",
     ["optimizer=momentum", "learning_rate=0.05", "batch_size=64", "lr_decay=0.001",
      "l2=0.4", "seed=7"], 600),
    ("spiral4-sigmoid-he-batches-l1", "nnfs",
     ["classes=4", "activation=sigmoid", "init=he", "keep_prob=0.7", "batch_size=50",
      "l1=0.001", "hidden=16,8", "noise=0.1", "n_samples=400", "data_seed=3"], 500),
    ("moons-leaky-2m-layer2", "overfit",
     ["dataset=moons", "activation=leaky_relu", "regularized_layers=2", "l2=2",
      "test_fraction=0.3", "learning_rate=0.5"], 600),
    ("adamw-decay-biases-layers", "overfit",
     ["optimizer=adam", "learning_rate=0.01", "weight_decay=0.05", "regularize_biases=true",
      "regularized_layers=1,2", "keep_prob=0.9"], 500),
    ("sgd-decay-with-l2-l1", "l2", ["weight_decay=0.3", "l1=0.01"], 800),
    ("adam-l2-l1-book-biases", "overfit",
     ["optimizer=adam", "learning_rate=0.005", "l2=0.001", "l1=0.0005",
      "divide_by_2m=false", "regularize_biases=true", "keep_prob=0.9"], 400),
]


def _config(preset: str, assignments: list[str]) -> Config:
    return load_preset(preset).with_assignments(assignments)


def _regviz_report(tmp_path: Path, preset: str, assignments: list[str], steps: int,
                   extra: list[str] = ()) -> dict:
    """regviz --report, as the command line writes it (in this process: the headless
    path never imports Qt)."""
    path = tmp_path / "regviz.json"
    sets = [a for item in assignments for a in ("--set", item)]
    rc = regviz_main(["--preset", preset, *sets, *extra, "--steps", str(steps),
                      "--report", str(path)])
    assert rc == 0
    return json.loads(path.read_text())


def _script_report(script: Path, tmp_path: Path, *args: str) -> dict:
    out_path = tmp_path / "script.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # Run from an empty folder with -I: the script must not find regviz at all.
    out = subprocess.run([sys.executable, "-I", str(script), "--report", str(out_path), *args],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out_path.read_text())


def _assert_same_numbers(regviz: dict, script: dict) -> None:
    for part, key in REPORT_NUMBERS:
        a, b = regviz[part][key], script[part][key]
        assert abs(a - b) <= TOLERANCE, f"{part}.{key}: regviz {a!r}, script {b!r}"
    assert script["steps"] == regviz["steps"]
    np.testing.assert_allclose(script["weight_norms"], regviz["weight_norms"],
                               rtol=0, atol=TOLERANCE)
    np.testing.assert_allclose(script["zero_fraction"], regviz["zero_fraction"],
                               rtol=0, atol=TOLERANCE)


@pytest.mark.parametrize("case", GRID, ids=[c[0] for c in GRID])
def test_exported_script_reproduces_the_report(case, tmp_path):
    _, preset, assignments, steps = case
    regviz = _regviz_report(tmp_path, preset, assignments, steps)
    script = script_export.write_script(tmp_path / "out.py", _config(preset, assignments),
                                        make_data(_config(preset, assignments)), steps)
    _assert_same_numbers(regviz, _script_report(script, tmp_path))


def test_command_line_export_and_report_agree_for_3_classes(tmp_path):
    """regviz --export-script in a subprocess, then the script in another."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--preset", "nnfs", "--set", "keep_prob=0.8",
         "--steps", "400", "--export-script", str(tmp_path / "out.py"),
         "--report", str(tmp_path / "regviz.json")],
        capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    regviz = json.loads((tmp_path / "regviz.json").read_text())
    _assert_same_numbers(regviz, _script_report(tmp_path / "out.py", tmp_path))


def test_script_steps_flag_trains_that_many_steps(tmp_path):
    """The exported default is the export's --steps; --steps N on the script overrides."""
    config = _config("l2", [])
    script = script_export.write_script(tmp_path / "out.py", config, make_data(config), 50)
    regviz = _regviz_report(tmp_path, "l2", [], 120)
    _assert_same_numbers(regviz, _script_report(script, tmp_path, "--steps", "120"))


def test_own_data_file_is_inlined_exactly(tmp_path):
    rng = np.random.default_rng(5)
    X = rng.normal(size=(90, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)
    csv = tmp_path / "points.csv"
    csv.write_text("\n".join(f"{float(a)!r},{float(b)!r},{c}"
                              for (a, b), c in zip(X, y, strict=True)))
    regviz = _regviz_report(tmp_path, "overfit", [f"data_file={csv}"], 500)
    config = _config("overfit", [f"data_file={csv}"])
    script = script_export.write_script(tmp_path / "out.py", config, make_data(config), 500)
    csv.unlink()  # the script carries the points itself
    _assert_same_numbers(regviz, _script_report(script, tmp_path))


def test_live_changes_are_replayed_at_their_steps(tmp_path):
    """λ, keep_prob and the learning rate changed while training (as a teacher does
    with the sliders) are in CHANGES and applied before the same steps."""
    start = _config("overfit", [])
    experiment = Experiment(start)
    experiment.step(200)
    experiment.apply(experiment.config.with_values(l2=0.7, keep_prob=0.86))
    experiment.step(150)
    experiment.apply(experiment.config.with_values(learning_rate=0.1, l1=0.05))
    experiment.step(250)
    experiment.apply(experiment.config.with_values(regularized_layers=(1, 3)))
    experiment.step(100)
    expected = experiment.report()
    script = script_export.write_script(tmp_path / "out.py", experiment.start_config,
                                        experiment.data, experiment.step_count,
                                        experiment.events)
    text = script.read_text()
    assert "(200, 'l2', 0.7)" in text and "(350, 'learning_rate', 0.1)" in text
    _assert_same_numbers(expected, _script_report(script, tmp_path))


# -- every field is accounted for ----------------------------------------------------

def test_every_config_field_is_known_to_the_exporter():
    assert script_export.unsupported_fields() == []
    groups = (script_export.DATA_FIELDS, script_export.SCRIPT_FIELDS,
              script_export.NOT_TRAINING_FIELDS)
    names = [name for group in groups for name in group]
    assert sorted(names) == sorted(f.name for f in FIELDS), "a field is in two groups"


@pytest.mark.parametrize("name", [f.name for f in FIELDS])
def test_every_field_that_changes_training_is_exercised_by_the_grid(name):
    """A new field that changes training must get a grid case with a non-default
    value (and so be checked against the engine to 1e-9), else this fails."""
    if name in script_export.NOT_TRAINING_FIELDS:
        pytest.skip(f"{name} does not change training (checked below)")
    default = getattr(Config(), name)
    exercised = [case_id for case_id, preset, assignments, _ in GRID
                 if getattr(_config(preset, assignments), name) != default]
    if name == "data_file":
        exercised.append("test_own_data_file_is_inlined_exactly")
    assert exercised, f"no export test case sets {name} to anything but its default"


@pytest.mark.parametrize("name", script_export.NOT_TRAINING_FIELDS or ["(none)"])
def test_fields_declared_not_training_leave_the_numbers_alone(name):
    if name == "(none)":
        pytest.skip("no field is declared as not changing training")
    field = next(f for f in FIELDS if f.name == name)
    other = field.maximum if field.kind in ("int", "float") else not field.default
    reports = []
    for value in (field.default, other):
        experiment = Experiment(_config("dropout", []).with_values(**{name: value}))
        experiment.step(200)
        reports.append(experiment.report())
    for part, key in REPORT_NUMBERS:
        assert reports[0][part][key] == reports[1][part][key]


def test_a_new_training_field_stops_the_export(monkeypatch):
    from regviz import config as config_module
    from regviz.config import Field

    new = Field("gradient_noise", "float", 0.0, "Gradient noise", "", "training")
    monkeypatch.setattr(script_export, "FIELDS", (*config_module.FIELDS, new))
    config = _config("overfit", [])
    with pytest.raises(ValueError, match="gradient_noise"):
        script_export.script_text(config, make_data(config), 10)


# -- the script itself ----------------------------------------------------------------

def test_script_needs_numpy_only(tmp_path):
    config = _config("nnfs", [])
    text = script_export.script_text(config, make_data(config), 10)
    imported = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= {"__future__", "argparse", "json", "math", "numpy"}, imported
    assert "# regviz:" not in text, "a template marker was left in the script"


def test_header_names_the_formula_as_configured():
    book = _config("nnfs", [])
    text = script_export.script_text(book, make_data(book), 10)
    assert "0.0005·Σw²" in text and "0.0005·Σb²" in text and "layer 1 only" in text
    assert "biases penalized too" in text
    course = _config("l2", [])
    text = script_export.script_text(course, make_data(course), 10)
    assert "0.7/(2m)·Σₗ‖Wₗ‖²" in text and "biases not penalized" in text


def test_command_line_export_needs_steps_and_a_writable_place(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for args, fragment in ((["--export-script", "x.py"], "need --steps"),
                           (["--steps", "5", "--export-script", "/no/such/dir/x.py"],
                            "does not exist")):
        out = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path,
                             capture_output=True, text=True, env=env, timeout=120)
        assert out.returncode == 2 and fragment in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.py").exists()


def _load_script_module(path: Path):
    spec = importlib.util.spec_from_file_location("exported_run", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@st.composite
def configs(draw):
    hidden = draw(st.lists(st.integers(1, 12), min_size=1, max_size=3))
    dataset = draw(st.sampled_from(["field", "spiral", "gaussian", "xor"]))
    values = dict(
        dataset=dataset, n_samples=draw(st.integers(40, 160)),
        classes=draw(st.integers(2, 4)), data_seed=draw(st.integers(0, 50)),
        hidden=tuple(hidden), activation=draw(st.sampled_from(["relu", "tanh", "sigmoid",
                                                                "leaky_relu"])),
        init=draw(st.sampled_from(["course", "nnfs", "he"])), seed=draw(st.integers(0, 99)),
        optimizer=draw(st.sampled_from(["sgd", "momentum", "adam"])),
        learning_rate=draw(st.sampled_from([0.001, 0.01, 0.1, 0.5])),
        lr_decay=draw(st.sampled_from([0.0, 0.01])),
        batch_size=draw(st.sampled_from([0, 7, 32, 1000])),
        l2=draw(st.sampled_from([0.0, 0.01, 0.7, 3.0])),
        l1=draw(st.sampled_from([0.0, 0.001, 0.2])),
        weight_decay=draw(st.sampled_from([0.0, 0.01, 0.5])),
        regularize_biases=draw(st.booleans()), divide_by_2m=draw(st.booleans()),
        regularized_layers=tuple(draw(st.sets(st.integers(1, len(hidden) + 1), max_size=2))),
        keep_prob=draw(st.sampled_from([1.0, 0.9, 0.5])),
    )
    return Config().with_values(**values)


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(config=configs(), steps=st.integers(0, 120))
def test_any_config_trains_the_same_in_the_script(tmp_path_factory, config, steps):
    """In-process (the script loaded as a module), for many configs: the parameters
    after ``steps`` steps are the engine's exactly, and so are the report numbers."""
    experiment = Experiment(config)
    try:
        experiment.step(steps)
    except TrainingDiverged:
        assume(False)  # a blown-up run has no numbers to compare
    path = tmp_path_factory.mktemp("script") / "run.py"
    script_export.write_script(path, config, experiment.data, steps)
    module = _load_script_module(path)
    with np.errstate(all="ignore"):
        params, final, done, diverged = module.train(steps, module.SETTINGS, module.CHANGES,
                                                     module.X_TRAIN, module.Y_TRAIN,
                                                     module.N_CLASSES)
    assert not diverged and done == steps
    np.testing.assert_array_equal(np.concatenate([p.ravel() for p in params]),
                                  experiment.net.params)
    _assert_same_numbers(experiment.report(), module.report(params, final, done, diverged))
