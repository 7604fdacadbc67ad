"""Errors the engine raises on purpose."""


class TrainingDiverged(ArithmeticError):
    """The loss (or a parameter) became NaN or infinite.

    The network keeps the parameters of the last finite step, so a GUI can show
    the message, pause, and let the user lower the learning rate or reset."""

    def __init__(self, step: int, loss: float, reason: str | None = None):
        self.step = step
        self.loss = loss
        super().__init__(
            f"training diverged at step {step:,} ({reason or f'the loss became {loss}'}); "
            "lower the learning rate and reset"
        )
