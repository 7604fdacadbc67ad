"""Saved sessions round-trip exactly and bad files change nothing."""

import numpy as np
import pytest

from regviz import session
from regviz.config import load_preset
from regviz.experiment import Experiment


def test_round_trip_config_data_weights_and_history(tmp_path):
    experiment = Experiment(load_preset("dropout").with_values(seed=3))
    experiment.step(400)
    path = session.save(session.Session.from_experiment(experiment), tmp_path / "s.regviz")
    loaded = session.load(path)
    assert loaded.config == experiment.config
    for key in ("X_train", "y_train", "X_test", "y_test"):
        np.testing.assert_array_equal(getattr(loaded.data, key), getattr(experiment.data, key))
    restored = loaded.to_experiment()
    for a, b in zip(restored.net.weights, experiment.net.weights, strict=True):
        np.testing.assert_array_equal(a, b)
    grid = np.random.default_rng(0).uniform(-1, 1, (50, 2))
    np.testing.assert_array_equal(restored.net.predict_proba(grid),
                                  experiment.net.predict_proba(grid))
    assert restored.step_count == 400
    np.testing.assert_array_equal(restored.trainer.history.as_dict()["test_loss"],
                                  experiment.trainer.history.as_dict()["test_loss"])


def test_config_and_data_only(tmp_path):
    experiment = Experiment(load_preset("l2"))
    experiment.step(50)
    s = session.Session.from_experiment(experiment, include_weights=False)
    loaded = session.load(session.save(s, tmp_path / "c.regviz"))
    assert loaded.weights is None and loaded.step == 0
    assert loaded.to_experiment().step_count == 0


@pytest.mark.parametrize("content", [b"", b"garbage that is not a zip", b"PK\x03\x04trunc"])
def test_bad_files_raise_value_error_naming_the_file(tmp_path, content):
    bad = tmp_path / "bad.regviz"
    bad.write_bytes(content)
    with pytest.raises(ValueError, match="bad.regviz"):
        session.load(bad)


def test_truncated_session_and_missing_keys(tmp_path):
    experiment = Experiment(load_preset("overfit"))
    good = session.save(session.Session.from_experiment(experiment), tmp_path / "g.regviz")
    raw = good.read_bytes()
    (tmp_path / "t.regviz").write_bytes(raw[: len(raw) // 2])
    with pytest.raises(ValueError, match="t.regviz"):
        session.load(tmp_path / "t.regviz")
    np.savez(tmp_path / "k.npz", format_version=np.array(1))
    with pytest.raises(ValueError, match="missing"):
        session.load(tmp_path / "k.npz")


def test_failed_save_keeps_the_previous_file(tmp_path):
    experiment = Experiment(load_preset("overfit"))
    path = session.save(session.Session.from_experiment(experiment), tmp_path / "s.regviz")
    before = path.read_bytes()
    broken = session.Session.from_experiment(experiment)
    broken.biases = broken.biases[:-1]  # zip(strict=True) fails mid-save
    with pytest.raises(ValueError):
        session.save(broken, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.regviz"]
