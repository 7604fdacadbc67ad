"""A preset's description in the interface's language."""

from __future__ import annotations

from ..config import preset_description
from .language import translate


def preset_tooltip(name: str) -> str:
    return translate("Presets", preset_description(name))
