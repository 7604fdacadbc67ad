"""The config table is the one home of every hyperparameter."""

import json

import pytest

from regviz.config import FIELDS, FIELDS_BY_NAME, Config, load_preset, preset_names


def test_every_field_has_label_help_and_round_trips():
    cfg = Config()
    for f in FIELDS:
        assert f.label and f.help.endswith("."), f.name
        assert f.parse(getattr(cfg, f.name)) == getattr(cfg, f.name)
    assert Config.from_dict(json.loads(cfg.to_json())) == cfg


@pytest.mark.parametrize(
    "assignment, fragment",
    [
        ("l2=-1", "l2=" ),
        ("keep_prob=0", "[0.05, 1]"),
        ("keep_prob=1.5", "keep_prob"),
        ("learning_rate=0", "(0, 100]"),
        ("hidden=20,0", "hidden"),
        ("hidden=", "hidden"),
        ("dataset=mnist", "one of field"),
        ("bogus=1", "unknown setting 'bogus'"),
        ("n_samples=12.5", "whole number"),
        ("l1=nan", "l1"),
        ("regularized_layers=5", "weight layers"),
        ("l2", "KEY=VALUE"),
    ],
)
def test_bad_values_name_the_setting_and_range(assignment, fragment):
    with pytest.raises(ValueError, match=None) as info:
        Config().with_assignments([assignment])
    assert fragment in str(info.value)


def test_assignments_parse_types():
    cfg = Config().with_assignments(
        ["l2=0.7", "keep_prob=0.86", "hidden=64, 32", "divide_by_2m=false", "dataset=Spiral"]
    )
    assert cfg.l2 == 0.7 and cfg.keep_prob == 0.86
    assert cfg.hidden == (64, 32) and cfg.divide_by_2m is False and cfg.dataset == "spiral"


def test_live_and_structural_changes():
    base = Config()
    assert not base.with_values(l2=0.7, keep_prob=0.5, learning_rate=0.1).needs_reset(base)
    assert base.with_values(hidden=(8,)).needs_reset(base)
    assert base.with_values(seed=2).needs_reset(base)
    assert {"l2", "l1", "keep_prob", "learning_rate"} <= {f.name for f in FIELDS if f.live}


def test_regularization_per_layer_and_biases():
    cfg = Config().with_values(hidden=(64,), l2=5e-4, regularize_biases=True,
                               divide_by_2m=False, regularized_layers=(1,))
    reg = cfg.regularization()
    assert list(reg.l2) == [5e-4, 0.0] and list(reg.l2_bias) == [5e-4, 0.0]
    assert reg.divide_by_2m is False
    course = Config().with_values(l2=0.7).regularization()
    assert list(course.l2) == [0.7, 0.7, 0.7] and list(course.l2_bias) == [0, 0, 0]


def test_presets_load_and_share_the_lesson_setup():
    names = preset_names()
    for required in ["overfit", "l2", "dropout", "l1", "underfit", "course", "nnfs"]:
        assert required in names
    overfit, l2, dropout = (load_preset(n) for n in ("overfit", "l2", "dropout"))

    def trained_differently(a, b):  # not how fast or on which step axis it is shown
        return [f for f in a.changed_fields(b) if FIELDS_BY_NAME[f].affects_training]

    # Same data, network and initial weights: they differ only in the regularizer.
    assert trained_differently(l2, overfit) == ["l2"]
    assert trained_differently(dropout, overfit) == ["keep_prob"]
    nnfs = load_preset("nnfs")
    setup = (nnfs.dataset, nnfs.hidden, nnfs.optimizer, nnfs.init)
    assert setup == ("spiral", (64,), "adam", "nnfs")
    with pytest.raises(ValueError, match="known presets"):
        load_preset("nope")


def test_fields_table_matches_config():
    assert set(FIELDS_BY_NAME) == set(Config().to_dict())
