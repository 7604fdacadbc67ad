"""The interface's languages, and marking text for translation in modules that must
not import Qt (the config table, the formula, the experiment):
``QT_TRANSLATE_NOOP(context, text)`` returns ``text`` unchanged, and
``pyside6-lupdate`` extracts it by this name. The window translates it where it
shows it (``regviz.gui.language``); the command line stays English."""

from __future__ import annotations

from collections.abc import Callable

# A function that translates one marked text (the window passes Qt's; scripts and the
# command line keep English).
Translator = Callable[[str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate's name)
    return text


def english(text: str) -> str:
    return text


ENGLISH, CHINESE = "en", "zh_CN"
# The languages the window speaks, each named in itself (a menu for someone who
# cannot read the current language).
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}


def parse_language(name: str) -> str:
    """``name`` as a key of LANGUAGES (``zh_CN``, ``zh-CN``, ``zh``, ``en``…);
    ValueError naming the allowed values otherwise."""
    key = name.strip().replace("-", "_").lower()
    for code in LANGUAGES:
        if key in (code.lower(), code.split("_")[0].lower()):
            return code
    raise ValueError(f"unknown language {name!r}: expected one of {', '.join(LANGUAGES)}")
