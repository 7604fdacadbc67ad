"""regviz's engine: pure numpy, no Qt — readable in one sitting and scriptable
from a notebook.

    from regviz.core import MLP, Regularization, Trainer, datasets

Row layout throughout the public API: X is (samples, features) float64, y holds
integer labels 0..k-1.
"""

from . import datasets
from .errors import TrainingDiverged
from .history import History
from .mlp import MLP, LossAndGradients
from .regularization import Regularization
from .trainer import StepResult, Trainer

__all__ = ["MLP", "History", "LossAndGradients", "Regularization", "StepResult", "Trainer",
           "TrainingDiverged", "datasets"]
