"""Mini-batch steps with a penalty, in both conventions, equal the same steps
written out in numpy (tests/numpy_reference.py): forward and backward pass on the
batch's rows only, the penalty's gradient with the course's m = N (the short last
batch of an epoch included) or the book's per-layer λ on weights and biases, and
the update. Built from a Config's ``batch_size``, as the window and the command
line build it."""

import numpy as np
import pytest
from numpy_reference import (
    assert_same_parameters,
    batch_order,
    book_penalty,
    course_penalty,
    sgd_step,
)

from regviz.config import load_preset
from regviz.experiment import Experiment

BATCH = 32
# overfit's 100 training points in batches of 32: 32, 32, 32, then a short 4, then
# the next epoch's first batch (a new order); spiral's 75: 32, 32, 11, 32, 32.
STEPS = 5


def overfit(**values):
    return load_preset("overfit").with_values(batch_size=BATCH, speed=0, **values)


def spiral(**values):
    # 75 training points in 3 classes (softmax): 32, 32, then a short 11.
    return load_preset("overfit").with_values(
        dataset="spiral", classes=3, n_samples=150, noise=0.2, batch_size=BATCH, speed=0,
        **values)


CASES = {
    "course L2": (lambda: overfit(l2=0.7), lambda n_layers, N: course_penalty(0.7, 0.0,
                                                                               n_layers, N)),
    "course L1": (lambda: overfit(l1=0.7), lambda n_layers, N: course_penalty(0.0, 0.7,
                                                                               n_layers, N)),
    "book L2": (lambda: spiral(l2=0.01, divide_by_2m=False, regularize_biases=True,
                               regularized_layers=(1, 2)),
                lambda n_layers, N: book_penalty(0.01, 0.0, (1, 2), n_layers)),
    "book L1": (lambda: spiral(l1=0.005, divide_by_2m=False, regularize_biases=True,
                               regularized_layers=(1, 2)),
                lambda n_layers, N: book_penalty(0.0, 0.005, (1, 2), n_layers)),
}


def reference_run(experiment, penalty, steps):
    """The numpy run from ``experiment``'s initial parameters, step by step:
    [(rows, weights, biases, loss)] after each step."""
    d, c = experiment.data, experiment.config
    weights = [W.copy() for W in experiment.net.weights]
    biases = [b.copy() for b in experiment.net.biases]
    out = []
    for rows in batch_order(c.seed, len(d.y_train), steps, c.batch_size):
        weights, biases, loss = sgd_step(weights, biases, d.X_train[rows], d.y_train[rows],
                                         c.learning_rate, penalty)
        out.append((rows, weights, biases, loss))
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_a_mini_batch_step_with_a_penalty_is_the_numpy_step(case):
    make_config, make_penalty = CASES[case]
    experiment = Experiment(make_config())
    N = len(experiment.data.y_train)
    assert N % BATCH, "the epoch must end on a short batch"
    penalty = make_penalty(experiment.net.n_layers, N)
    expected = reference_run(experiment, penalty, STEPS)
    sizes = []
    for step, (rows, weights, biases, loss) in enumerate(expected, start=1):
        experiment.step(1)
        last = experiment.trainer.last
        assert np.array_equal(last.batch_indices, rows), f"step {step}'s batch"
        sizes.append(len(rows))
        assert last.data_loss == pytest.approx(loss, rel=1e-12), f"step {step}'s batch loss"
        assert_same_parameters(experiment.net.weights, experiment.net.biases, weights,
                               biases, f"step {step} ({len(rows)} rows):")
    assert sizes[N // BATCH] == N % BATCH and set(sizes) == {BATCH, N % BATCH}
