"""Helpers for the GUI tests."""

from PySide6.QtCore import QObject, Qt, Slot

from regviz.config import load_preset


def at_full_speed(preset: str):
    """``preset``'s config trained as fast as the machine allows: a lesson preset's
    own speed is for a class to watch, not for a test to wait on."""
    return load_preset(preset).with_values(speed=0)


class SnapshotRecorder(QObject):
    """Lives in the GUI thread: the worker's signals arrive here queued, so tests
    never wait on a signal emitted from the worker thread."""

    def __init__(self):
        super().__init__()
        self.snapshots = []
        self.diverged = []
        self.errors = []
        self.states = [None]

    def follow(self, worker) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        worker.snapshot_ready.connect(self.record, queued)
        worker.diverged.connect(self.record_divergence, queued)
        worker.error.connect(self.record_error, queued)
        worker.state_changed.connect(self.record_state, queued)

    @Slot(object)
    def record(self, snapshot):
        self.snapshots.append(snapshot)

    @Slot(str)
    def record_divergence(self, message):
        self.diverged.append(message)

    @Slot(str)
    def record_error(self, message):
        self.errors.append(message)

    @Slot(bool)
    def record_state(self, running):
        self.states.append(running)

    @property
    def last(self):
        return self.snapshots[-1]
