"""The interface's language: English (the source text) or Simplified Chinese.

Every text the window shows goes through ``translate(context, text)``, Qt's
``QCoreApplication.translate`` (``pyside6-lupdate`` extracts the calls into
``resources/translations/regviz_zh_CN.ts``; ``pyside6-lrelease`` compiles it to the
``.qm`` committed beside it). ``switch_language`` installs the translator; Qt then
sends every window a LanguageChange event, and ``retranslate_texts`` gives every
widget, menu, tab and plot label the text its source has in the new language
without rebuilding anything (the run goes on).

How ``retranslate_texts`` knows a text's source: each ``translate`` call
remembers which shown text came from which source. Texts that change with the
run are formatted after translating (``translate(ctx, "step {n}").format(n=…)``);
they are not remembered and are redrawn from the next snapshot instead. Texts
fixed when built but made from values are filled with ``fill``
(``fill(translate(ctx, "keys {first}–{last}"), first=…, last=…)``) and are
remembered, values and all.

The choice (``start_language``): ``--lang`` on the command line, else View →
Language (remembered in the settings), else the system's locale. Pictures
(``--screenshot``, the tests) are English unless ``--lang`` says otherwise, so they
do not depend on the machine's locale."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from ..resource_path import resource_dir
from ..translatable import CHINESE, ENGLISH, parse_language

TRANSLATION_STEM = "regviz_"  # resources/translations/regviz_zh_CN.qm

# shown text → (context, source, values): how each remembered text was made.
_sources: dict[str, tuple[str, str, dict]] = {}
_translators: list[QTranslator] = []
_current = ENGLISH


def translate(context: str, text: str) -> str:
    """``text`` in the interface's language (and remembered, so a language switch
    can translate it again). ``pyside6-lupdate`` finds the calls by this name: two
    literal arguments, no keywords."""
    shown = QCoreApplication.translate(context, text)
    _sources[shown] = (context, text, {})
    return shown


def fill(template: str, **values) -> str:
    """``template`` (a ``translate`` result) formatted with ``values``, remembered
    with them: a text fixed when built but made from values (a tooltip naming the
    keys). Texts that change with the run use ``str.format`` and are not remembered."""
    shown = template.format(**values)
    made = _sources.get(template)
    if made is not None:
        _sources[shown] = (made[0], made[1], values)
    return shown


def translation_path(language: str):
    return resource_dir() / "translations" / f"{TRANSLATION_STEM}{language}.qm"


def system_language() -> str:
    """The system locale's language if regviz speaks it, else English."""
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def start_language(requested: str | None = None) -> str:
    """Switch to the language the window opens in (see the module docstring)."""
    from .settings import remembered_language

    language = requested
    if language is None:
        try:
            language = parse_language(remembered_language())
        except ValueError:  # never chosen, or a file edited by hand
            language = system_language()
    switch_language(language)
    return language


def current_language() -> str:
    return _current


def switch_language(language: str) -> None:
    """Show the interface in ``language`` (a key of LANGUAGES) from now on; open
    windows are translated before this returns."""
    global _current
    app = QCoreApplication.instance()
    language = parse_language(language)
    if language == _current and bool(_translators) == (language != ENGLISH):
        return
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language != ENGLISH:
        ours = QTranslator(app)
        path = translation_path(language)
        if not ours.load(str(path)):
            raise OSError(f"the translation {path} could not be loaded")
        # Qt's own words (Close, Cancel, the file dialogs), where Qt ships them.
        qt = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_folder):
            _translators.append(qt)
        _translators.append(ours)
        for translator in _translators:
            app.installTranslator(translator)
    _current = language
    # Qt posts LanguageChange to every window; deliver it now, not at the next turn
    # of the event loop (a picture taken right after must be in the new language).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def is_language_change(event) -> bool:
    return event.type() == QEvent.Type.LanguageChange


def retranslated(text: str) -> str:
    """``text``, if ``translate`` made it, made again in the current language."""
    made = _sources.get(text)
    if made is None:
        return text
    context, source, values = made
    return fill(translate(context, source), **{
        key: retranslated(value) if isinstance(value, str) else value
        for key, value in values.items()})


def retranslate_texts(root) -> None:
    """Every remembered text under widget ``root`` (itself, its child widgets and
    windows, menus, actions, tabs, combo boxes, plot titles, axes and legends) in
    the current language."""
    from .text_slots import text_slots

    for get, set_ in text_slots(root):
        text = get()
        if text and text in _sources:
            new = retranslated(text)
            if new != text:
                set_(new)


class FollowsLanguage:
    """For a window (before its Qt class in the bases): ``retranslate()`` runs when
    the language changes — at once while the window is shown, else when it is shown
    next (a closed window kept alive does no work for a language it may never show)."""

    _language_stale = False

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            if self.isVisible():
                self.retranslate()
            else:
                self._language_stale = True
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self._language_stale:
            self._language_stale = False
            self.retranslate()
        super().showEvent(event)
