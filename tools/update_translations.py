"""Keep the Chinese interface in step with the code, in one command:

    .venv/bin/python tools/update_translations.py

1. ``pyside6-lupdate`` collects every text marked with ``translate(...)`` /
   ``QT_TRANSLATE_NOOP(...)`` in ``regviz/`` into
   ``resources/translations/regviz_zh_CN.ts`` (translations already there are
   kept; a new text arrives "unfinished" — translate it in the .ts, by hand or with
   ``pyside6-linguist``, and run this again);
2. ``pyside6-lrelease`` compiles it to ``regviz_zh_CN.qm``, committed beside it
   (the wheel ships it; nothing is compiled at install time);
3. the bundled font ``resources/fonts/NotoSansSC-regviz-subset.otf`` is cut again
   from Noto Sans CJK SC to exactly the characters the translation uses (needs
   ``fonttools`` and the full font: ``--cjk-font PATH``, by default the Debian /
   Ubuntu package fonts-noto-cjk's file).

``--check`` changes nothing and exits 1 if the .ts misses a text of the code, if
the .qm is not the compiled .ts, or if the font lacks a character the
translation uses (the tests run the same checks)."""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "regviz_zh_CN.ts"
QM = TRANSLATIONS / "regviz_zh_CN.qm"
FONT = ROOT / "resources" / "fonts" / "NotoSansSC-regviz-subset.otf"
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CJK_FACE = "Noto Sans CJK SC"  # the face of the collection to cut from
FONT_FAMILY = "Noto Sans SC regviz"  # the subset's own name: never mistaken for a full font
# Characters the subset keeps beside the translation's: printable ASCII (numbers,
# names, symbols in Chinese text) and the punctuation the source texts use.
ALWAYS = "".join(chr(c) for c in range(0x20, 0x7F))


def tool(name: str) -> str:
    """A PySide6 tool of the running venv (``pyside6-lupdate``)."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "regviz").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", *sources(), "-ts", str(ts)],
                   cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
                   cwd=ROOT, check=True, capture_output=True)


def messages(ts: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation ("" when unfinished) of every text in ``ts``."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished", "obsolete", "vanished")
            found[(name, message.findtext("source") or "")] = (
                (translation.text or "") if done else "")
    return found


def used_characters(ts: Path) -> set[str]:
    return {ch for text in messages(ts).values() for ch in text} | set(ALWAYS)


def cut_font(cjk_font: Path, characters: set[str], out: Path) -> None:
    """The face CJK_FACE of ``cjk_font`` with only ``characters``, renamed."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(cjk_font))
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == CJK_FACE)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(characters)))
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
            names.removeNames(nameID=record.nameID)
    names.setName(FONT_FAMILY, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(f"{FONT_FAMILY} Regular", 4, 3, 1, 0x409)
    names.setName(FONT_FAMILY.replace(" ", "") + "-Regular", 6, 3, 1, 0x409)
    names.setName(FONT_FAMILY.replace(" ", "") + "-Regular", 3, 3, 1, 0x409)
    font.save(str(out))


def missing_glyphs(font_paths: list[Path], characters: set[str]) -> set[str]:
    """The ``characters`` none of ``font_paths`` has a glyph for."""
    from fontTools.ttLib import TTFont

    covered = set()
    for path in font_paths:
        covered |= set(TTFont(str(path)).getBestCmap())
    return {ch for ch in characters if ord(ch) not in covered and not ch.isspace()}


def bundled_fonts() -> list[Path]:
    """The fonts the window renders with: DejaVu Sans, then the CJK subset."""
    return [ROOT / "resources" / "fonts" / "DejaVuSans.ttf", FONT]


def problems() -> list[str]:
    """What ``--check`` finds wrong (empty: all in step)."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        fresh.write_bytes(TS.read_bytes())
        lupdate(fresh)
        committed, extracted = messages(TS), messages(fresh)
        for key in sorted(set(extracted) - set(committed)):
            found.append(f"not in {TS.name}: {key[0]}: {key[1]!r}")
        for key in sorted(set(committed) - set(extracted)):
            found.append(f"in {TS.name} but no longer in the code: {key[0]}: {key[1]!r}")
        for key, text in sorted(committed.items()):
            if not text:
                found.append(f"untranslated in {TS.name}: {key[0]}: {key[1]!r}")
        compiled = Path(tmp) / "fresh.qm"
        lrelease(TS, compiled)
        if not QM.exists() or compiled.read_bytes() != QM.read_bytes():
            found.append(f"{QM.name} is not {TS.name} compiled: run this script")
    if not FONT.exists():
        found.append(f"{FONT} is missing")
    else:
        missing = missing_glyphs(bundled_fonts(), used_characters(TS))


        if missing:
            found.append(f"{FONT.name} has no glyph for {''.join(sorted(missing))!r}")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    parser.add_argument("--cjk-font", type=Path, default=CJK_FONT,
                        help=f"the Noto Sans CJK collection to cut from (default {CJK_FONT})")
    args = parser.parse_args()
    if args.check:
        found = problems()
        print("\n".join(found) or "translations, .qm and font are up to date")
        return 1 if found else 0
    lupdate(TS)
    lrelease(TS, QM)
    cut_font(args.cjk_font, used_characters(TS), FONT)
    untranslated = [key for key, text in messages(TS).items() if not text]
    for context, source in untranslated:
        print(f"untranslated: {context}: {source!r}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    sys.exit(main())
