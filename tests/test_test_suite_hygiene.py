"""The test suite itself leaves nothing behind in the temporary folder."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_test_run_leaves_no_settings_folder_behind(tmp_path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # where tempfile.mkdtemp puts it
    env.pop("REGVIZ_SETTINGS_DIR", None)
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_config.py", "-k", "preset"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:]
    assert "passed" in out.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("regviz-")] == []
