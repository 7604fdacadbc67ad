"""Test set-up shared by the whole suite.

Qt must run offscreen with a fixed device pixel ratio before any Qt module is
imported, so the environment is set here, at import time of the first conftest.
"""

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Screenshots are compared pixel by pixel: no scaling from the machine's screen.
os.environ["QT_ENABLE_HIGHDPI_SCALING"] = "0"
os.environ["QT_SCALE_FACTOR"] = "1"
# Remembered settings (QSettings) go to a throw-away folder, never the user's.
os.environ["REGVIZ_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="regviz-test-settings-")
