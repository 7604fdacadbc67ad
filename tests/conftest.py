"""Test set-up shared by the whole suite.

Qt must run offscreen with a fixed device pixel ratio before any Qt module is
imported, so the environment is set here, at import time of the first conftest.
"""

import atexit
import os
import shutil
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Screenshots are compared pixel by pixel: no scaling from the machine's screen.
os.environ["QT_ENABLE_HIGHDPI_SCALING"] = "0"
os.environ["QT_SCALE_FACTOR"] = "1"
# Remembered settings (QSettings) go to a throw-away folder, never the user's, and
# the folder goes when the test run ends (one was once left in /tmp per run).
_settings_dir = tempfile.mkdtemp(prefix="regviz-test-settings-")
os.environ["REGVIZ_SETTINGS_DIR"] = _settings_dir
atexit.register(shutil.rmtree, _settings_dir, ignore_errors=True)

import gc  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

# As in the app (regviz.gui.app): no automatic cycle collection, which could strike
# inside Qt's code holding a lock (a test hung forever building a window) or in a
# worker thread. Collected between tests instead, where no Qt code is running.
gc.disable()


_tests_run = [0]


@pytest.fixture(autouse=True)
def _collect_garbage_between_tests():
    yield
    # The young generations after every test, everything every 20 tests (a full
    # collection walks the whole heap, which is large in a GUI test session).
    _tests_run[0] += 1
    # Qt's pending deleteLater()s first: a collection that destroyed pyqtgraph's
    # context menus while a window they point into waited for its deferred delete
    # crashed in QWidgetAction::releaseWidget (seen after the monkey test and a
    # presentation test; the event loop does this between events in the app).
    from PySide6.QtCore import QCoreApplication, QEvent
    if QCoreApplication.instance() is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect(2 if _tests_run[0] % 20 == 0 else 1)

SCREENSHOT_DIR = Path(__file__).parent / "screenshots"


def pytest_addoption(parser):
    parser.addoption(
        "--update-screenshots", action="store_true", default=False,
        help="rewrite the baseline PNGs in tests/screenshots/ from this run "
             "(refused when CI is set)",
    )


def pytest_configure(config):
    if config.getoption("--update-screenshots") and os.environ.get("CI"):
        raise pytest.UsageError(
            "--update-screenshots is refused in CI: baselines are updated on a "
            "developer's machine, looked at, and committed"
        )


@pytest.fixture
def assert_screenshot(request):
    """``assert_screenshot(name, qimage)``: compare with tests/screenshots/NAME.png,
    or rewrite that baseline under --update-screenshots."""
    from regviz.gui.image_compare import assert_matches_baseline

    update = request.config.getoption("--update-screenshots")

    def check(name, image, **tolerance):
        baseline = SCREENSHOT_DIR / f"{name}.png"
        if update:
            SCREENSHOT_DIR.mkdir(exist_ok=True)
            assert image.save(str(baseline)), f"could not write {baseline}"
            return None
        return assert_matches_baseline(image, baseline, SCREENSHOT_DIR / "failures", **tolerance)

    return check


@pytest.fixture
def make_view(qtbot):
    """``make_view(ViewClass, size)``: one view alone, light theme, shown and exposed."""
    from regviz.gui.app import create_application
    from regviz.gui.theme import Theme

    create_application(deterministic=True)

    def make(cls, size=(700, 500)):
        view = cls(Theme.light())
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitExposed(view)
        return view

    return make


@pytest.fixture
def window(qtbot):
    """``window(preset="overfit", size=(1600, 1000))``: a shown main window with its
    training thread running (see classroom_helpers.open_window), closed after the
    test with its thread checked finished. Test files with a window of their own
    (one window, other sizes) define their own ``window``."""
    from classroom_helpers import close_window, open_window

    made = []

    def make(preset="overfit", size=(1600, 1000)):
        w = open_window(qtbot, preset, size)
        made.append(w)
        return w

    yield make
    for w in made:
        close_window(w)
