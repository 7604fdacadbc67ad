"""ExperimentState: a whole run (settings, points, weights, history, step) copied
and brought back; what the window's undo keeps."""

import numpy as np

from regviz.config import load_preset
from regviz.experiment import Experiment


def test_a_run_comes_back_exactly_and_trains_on_identically():
    config = load_preset("dropout").with_values(batch_size=64, optimizer="adam",
                                               learning_rate=0.01)
    run = Experiment(config)
    run.step(120)
    run.apply(config.with_values(keep_prob=0.7))  # a live change, logged as an event
    run.step(30)
    edited = run.data.copy()
    edited.X_train[0] += 0.25
    run.set_data(edited)
    state = run.save_state()
    run.reset()  # what the teacher's R did
    assert run.step_count == 0
    back = Experiment.from_state(state)
    assert back.step_count == 150 and back.config == config.with_values(keep_prob=0.7)
    assert back.data_edited and np.array_equal(back.data.X_train, edited.X_train)
    assert [(e.step, e.name) for e in back.events] == [(120, "keep_prob")]
    # Continues as the untouched run would have: compare with one that never reset.
    twin = Experiment(config)
    twin.step(120)
    twin.apply(config.with_values(keep_prob=0.7))
    twin.step(30)
    twin.set_data(edited.copy())
    for e in (back, twin):
        e.step(40)
    assert np.array_equal(back.trainer.net.params, twin.trainer.net.params)
    for k, v in twin.trainer.history.as_dict().items():
        assert np.array_equal(back.trainer.history[k], v, equal_nan=True), k


def test_points_edited_are_flagged_until_a_fresh_start():
    run = Experiment(load_preset("overfit"))
    generated = run.data
    edited = generated.copy()
    edited.y_train[:5] = 1 - edited.y_train[:5]
    run.set_data(edited)
    run.reset()
    assert run.data_edited and run.data is edited  # Reset keeps your points
    run.start_fresh()
    assert not run.data_edited
    assert np.array_equal(run.data.X_train, generated.X_train)
    assert np.array_equal(run.data.y_train, generated.y_train)
