"""Sessions saved by earlier versions keep opening, with what was saved.

Each ``tests/fixtures/session_v<version>.regviz`` was written by that version
(tools/make_session_fixture.py) and is never rewritten; the ``.json`` beside it
records the config, step and weights it saved."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from regviz import session
from regviz.config import Config
from regviz.experiment import Experiment

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob(f"session_v*{session.SUFFIX}"))


def recorded(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text())


def test_there_is_a_fixture_to_check():
    assert FIXTURES, "tests/fixtures/ holds no saved session"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_an_old_session_loads_with_its_settings_step_and_weights(path):
    record = recorded(path)
    loaded = session.load(path)
    # Settings added since the fixture was written take their defaults; every
    # setting it recorded comes back as it was.
    settings = loaded.config.to_dict() | {"preset": loaded.config.preset}
    for name, value in record["config"].items():
        assert settings[name] == value, name
    assert loaded.step == record["step"]
    for saved, kept in zip(loaded.weights + loaded.biases, record["weights"] + record["biases"],
                           strict=True):
        np.testing.assert_array_equal(saved, np.array(kept))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_an_old_session_trains_on_as_a_rerun_of_its_config(path):
    """The independent oracle: the recorded config trained from step 0 again. The
    opened session continues as that run does (same points, weights, Adam moments,
    dropout random numbers and mini-batch order) — to rounding: the file was written
    on another machine, and OpenBLAS picks its kernels (and so its last bits) by CPU;
    a lost moment, random state or batch order differs by far more than that."""
    record = recorded(path)
    config = Config.from_dict(record["config"])
    rerun = Experiment(config)
    rerun.step(record["step"])
    opened = session.load(path).to_experiment()
    assert opened.step_count == rerun.step_count == record["step"]
    for key in ("X_train", "y_train", "X_test", "y_test"):
        np.testing.assert_array_equal(getattr(opened.data, key), getattr(rerun.data, key))
    for a, b in zip(opened.net.weights + opened.net.biases,
                    rerun.net.weights + rerun.net.biases, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(opened.trainer.history.as_dict()["test_loss"],
                               rerun.trainer.history.as_dict()["test_loss"], rtol=1e-9)
    opened.step(7)
    rerun.step(7)
    for a, b in zip(opened.net.weights, rerun.net.weights, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-12)


def without_setting(path: Path, folder: Path, name: str) -> Path:
    """A copy of the session at ``path`` whose config lacks the setting ``name``."""
    with np.load(path) as archive:
        arrays = {key: archive[key] for key in archive.files}
    settings = json.loads(str(arrays["config_json"]))
    del settings[name]
    arrays["config_json"] = np.array(json.dumps(settings))
    copy = folder / f"without_{name}{session.SUFFIX}"
    with open(copy, "wb") as fh:  # a name, and np.savez would add ".npz"
        np.savez(fh, **arrays)
    return copy


@pytest.mark.parametrize("name", ["l2", "keep_prob", "batch_size"])
def test_a_session_missing_a_setting_loads_with_its_default(tmp_path, name):
    """As a session saved before the setting existed would be."""
    path = FIXTURES[-1]
    record = recorded(path)
    default = Config().to_dict()[name]
    assert record["config"][name] != default  # else the test could not tell
    loaded = session.load(without_setting(path, tmp_path, name))
    assert getattr(loaded.config, name) == default
    others = {k: v for k, v in record["config"].items() if k not in (name, "preset")}
    assert {k: v for k, v in loaded.config.to_dict().items() if k in others} == others
    assert loaded.step == record["step"]
