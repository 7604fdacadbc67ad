"""The lesson regviz exists to show, checked on the GUI's default data and network.

On ``field`` (the course's football-field look-alike, data seed 0, a 50/50 split), a
2-20-3-1 ReLU/ReLU/sigmoid network trained full batch with lr 0.3 from the course's
initial weights overfits: train accuracy ends at least 5 points above test. The
course's L2 (λ=0.7, ÷2m) and, separately, dropout (keep_prob=0.86) each shrink that
gap and raise test accuracy. These are the "overfit", "l2" and "dropout" presets.
"""

import numpy as np
import pytest

from regviz.core import MLP, Regularization, Trainer, datasets

STEPS = 15_000  # the lesson is already clear here; the course runs 30,000
DATA_SEED = 0   # the presets' data_seed
NET_SEED = 1    # the presets' seed (initial weights and dropout masks)

REGULARIZERS = {
    "none": Regularization(),
    "l2": Regularization(l2=0.7, divide_by_2m=True),
    "dropout": Regularization(keep_prob=0.86),
}


def _accuracy(net: MLP, X: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((net.predict_proba(X) >= 0.5) == y))


@pytest.fixture(scope="module")
def accuracies() -> dict[str, tuple[float, float]]:
    """(train, test) accuracy in percent after STEPS steps, per regularizer."""
    X, y = datasets.make("field", seed=DATA_SEED)
    X_train, y_train, X_test, y_test = datasets.split(X, y, 0.5, seed=DATA_SEED)
    results = {}
    for name, reg in REGULARIZERS.items():
        net = MLP([2, 20, 3, 1], activation="relu", init="course", seed=NET_SEED)
        trainer = Trainer(net, X_train, y_train, X_test, y_test, reg, optimizer="sgd",
                          learning_rate=0.3, seed=NET_SEED, record_every=STEPS)
        trainer.step(STEPS)
        results[name] = (100 * _accuracy(net, X_train, y_train),
                         100 * _accuracy(net, X_test, y_test))
    return results


def test_unregularized_network_overfits(accuracies):
    train, test = accuracies["none"]
    assert train >= test + 5, f"no visible overfitting: train {train:.1f}%, test {test:.1f}%"


@pytest.mark.parametrize("name", ["l2", "dropout"])
def test_regularization_shrinks_the_gap_and_raises_test_accuracy(accuracies, name):
    train0, test0 = accuracies["none"]
    train, test = accuracies[name]
    summary = (f"{name}: train {train:.1f}% / test {test:.1f}%; "
               f"none: train {train0:.1f}% / test {test0:.1f}%")
    assert train - test < train0 - test0, "gap not smaller; " + summary
    assert test > test0, "test accuracy not higher; " + summary
