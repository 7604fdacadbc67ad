"""Write this version's saved-session fixture for tests/test_session_fixtures.py:

    .venv/bin/python tools/make_session_fixture.py

Run it once per release whose session format or engine changed, and commit both
files it writes: ``tests/fixtures/session_v<version>.regviz`` (a session saved
by this version) and ``.json`` beside it (what was saved, for the test to check
the loaded file against). Fixtures of earlier versions are kept: every later
version must still open them.

The run is small on purpose (a 40-point data set, 20 steps), yet it stores every
kind of state a session has: weights, history, and checkpoints with Adam's
moments, the dropout random state and a mini-batch order."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from regviz import __version__, session  # noqa: E402
from regviz.config import load_preset  # noqa: E402
from regviz.experiment import Experiment  # noqa: E402

STEPS = 20
# Settings away from their defaults, so a loader that dropped one would be seen.
SETTINGS = dict(n_samples=40, hidden=(4, 3), l2=0.7, optimizer="adam",
                learning_rate=0.05, batch_size=8, speed=0)


def main() -> None:
    config = load_preset("dropout").with_values(**SETTINGS)
    experiment = Experiment(config)
    experiment.step(STEPS)
    folder = ROOT / "tests" / "fixtures"
    folder.mkdir(exist_ok=True)
    path = session.save(session.Session.from_experiment(experiment),
                        folder / f"session_v{__version__}{session.SUFFIX}")
    record = {
        "regviz_version": __version__,
        "format_version": session.FORMAT_VERSION,
        "config": {**config.to_dict(), "preset": config.preset},
        "step": experiment.step_count,
        # repr round-trips a float exactly through JSON.
        "weights": [w.tolist() for w in experiment.net.weights],
        "biases": [b.tolist() for b in experiment.net.biases],
    }
    path.with_suffix(".json").write_text(json.dumps(record, indent=1) + "\n")
    print(f"wrote {path} and {path.with_suffix('.json').name}")


if __name__ == "__main__":
    main()
