"""Where the presets and the bundled font live, installed or not."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_dir() -> Path:
    """The resources folder: the installed ``regviz.resources`` package, or the
    checkout's top-level ``resources/`` when running from source uninstalled."""
    try:
        return Path(str(resources.files("regviz.resources")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"
