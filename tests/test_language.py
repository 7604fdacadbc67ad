"""The Simplified Chinese interface (issue 17): every text of the windows in
Chinese after switching, the run untouched by a switch, ``--lang``, the
translation and the bundled font in step with the code."""

from __future__ import annotations

import html
import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import at_full_speed
from PySide6.QtGui import QAction, QFont, QRawFont
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from regviz.config import ACTIVATIONS, DATASETS, INITS, OPTIMIZERS, load_preset, preset_names
from regviz.gui.app import CJK_FONT_FAMILY, FONT_FAMILY, create_application
from regviz.gui.language import current_language, switch_language
from regviz.gui.text_slots import text_slots
from regviz.resource_path import resource_dir
from regviz.translatable import CHINESE, ENGLISH, LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "regviz_zh_CN.ts"

# Latin words a Chinese interface keeps: names (of optimizers, formats, keys,
# settings as typed on the command line), symbols and the values of choice settings.
ALLOWED_WORDS = {
    "regviz", "ReLU", "Adam", "AdamW", "SGD", "PyTorch", "numpy", "Python", "Frobenius",
    "MC", "L1", "L2", "keep_prob", "lr", "wd", "randn", "n_in", "ln", "sign", "max",
    "PNG", "SVG", "CSV", "NPZ", "JPEG", "BMP", "mat", "csv", "npz", "py", "png", "svg",
    "jpg", "jpeg", "bmp", "data", "notebook", "np", "random", "seed",
    "forward_propagation_with_dropout", "init", "course", "he", "nnfs",
    "Ctrl", "Shift", "Alt", "Space", "Page", "Up", "Down", "Esc", "Escape", "PgUp",
    "PgDown", "true", "false", "English",  # the language menu names each in itself
    "weight_decay",  # Adam(weight_decay=0.01), PyTorch's argument
    *DATASETS, *ACTIVATIONS, *INITS, *OPTIMIZERS, *preset_names(),
}
WORD = re.compile(r"[A-Za-z][A-Za-z_]*[A-Za-z]")
TAG = re.compile(r"<[^>]+>")
PRODUCT = re.compile(r"\w+(?:·\w+)+")  # a formula's symbols: lr·wd, decay·step


def english_words(text: str) -> list[str]:
    """The Latin words of ``text`` (tags and entities of rich text left out) that
    are not on the list of what a Chinese interface keeps."""
    plain = PRODUCT.sub(" ", html.unescape(TAG.sub(" ", text)))
    return [w for w in WORD.findall(plain) if w not in ALLOWED_WORDS]


def translated_sources() -> set[str]:
    """The English texts the translation gives a Chinese text for."""
    found = set()
    for message in ET.parse(TS).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if translation and translation != source:
            found.add(source)
    return found


def untranslated_texts(root) -> list[str]:
    """Every text under ``root`` (widgets, menus, actions, tabs, plots) still in
    English: an English source of the translation, or with English words."""
    sources = translated_sources()
    bad = []
    for read, _ in text_slots(root):
        text = read()
        if text and text not in ALLOWED_WORDS and (text in sources or english_words(text)):
            bad.append(text)
    return sorted(set(bad))


@pytest.fixture
def chinese_then_english(qapp):
    """Leaves the interface in English (the other tests' language) whatever happens."""
    create_application(deterministic=True)
    switch_language(ENGLISH)
    yield
    switch_language(ENGLISH)


@pytest.fixture
def main_window(qtbot, chinese_then_english):
    from regviz.gui.windows.main_window import MainWindow

    window = MainWindow(config=load_preset("dropout"), start_thread=False)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    window.experiment.step(300)
    from regviz.snapshot import take_snapshot

    window.show_snapshot(take_snapshot(window.experiment))
    yield window
    window.close()


def open_every_dialog(window) -> None:
    from regviz.gui.actions.export_actions import show_export_dialog
    from regviz.gui.actions.help_dialogs import show_explanations, show_shortcuts

    show_shortcuts(window)
    show_explanations(window)
    show_export_dialog(window)
    window.findChild(QAction, "edit_points").setChecked(True)  # the point editor's bar


# -- every text translated ----------------------------------------------------------------

def test_switching_to_chinese_translates_every_text_of_the_main_window(main_window):
    open_every_dialog(main_window)
    assert untranslated_texts(main_window) != [], "the walk must see English first"
    switch_language(CHINESE)
    assert current_language() == CHINESE
    assert untranslated_texts(main_window) == []
    # The walk reached what it must: menus, tabs, the plots' titles and the help.
    texts = {read() for read, _ in text_slots(main_window)}
    for expected in ("文件(&F)", "视图(&V)", "语言(&L)", "网络", "决策边界", "代价",
                     "训练数据损失", "学习率", "每层的权重范数", "正则化"):
        assert expected in texts, expected
    help_text = main_window.findChild(QLabel, "explanations_dialog_text").text()
    assert "决策边界" in help_text and "过拟合" in help_text
    shortcuts = main_window.findChild(QLabel, "shortcuts_dialog_text").text()
    assert "播放 / 暂停训练" in shortcuts and " 或 " in shortcuts


def test_switching_back_to_english_leaves_no_chinese(main_window):
    open_every_dialog(main_window)
    english = sorted(read() for read, _ in text_slots(main_window))
    switch_language(CHINESE)
    switch_language(ENGLISH)
    chinese = [read() for read, _ in text_slots(main_window)
               if re.search(r"[\u4e00-\u9fff]", read()) and read() != LANGUAGES[CHINESE]]
    assert chinese == []
    assert sorted(read() for read, _ in text_slots(main_window)) == english


def test_the_compare_and_sweep_windows_are_translated_too(qtbot, chinese_then_english):
    from regviz.gui.windows.compare_window import CompareWindow
    from regviz.gui.windows.sweep_window import SweepWindow

    config = load_preset("overfit")
    compare = CompareWindow(config, start_thread=False)
    sweep = SweepWindow(config)
    for window in (compare, sweep):
        qtbot.addWidget(window)
        window.show()
    compare.show_snapshots(compare.controller.run_steps_blocking(50))
    switch_language(CHINESE)
    for window in (compare, sweep):
        assert untranslated_texts(window) == [], window.objectName()
    assert compare.windowTitle().startswith("regviz — 对比实验")
    assert "第 50 步" == compare.step_counter.text()
    compare.close()
    sweep.close()


def test_a_hidden_window_is_translated_when_shown(qtbot, chinese_then_english):
    """A closed window does no work at a switch, and is in the new language when
    shown again."""
    from regviz.gui.windows.main_window import MainWindow

    window = MainWindow(config=load_preset("overfit"), start_thread=False)
    qtbot.addWidget(window)
    switch_language(CHINESE)
    assert window.step_button.text() == "Step"  # not shown: nothing done yet
    window.show()
    assert window.step_button.text() == "单步" and untranslated_texts(window) == []
    window.close()


def test_a_window_built_in_chinese_is_chinese(qtbot, chinese_then_english):
    """Built after the switch (``--lang zh_CN``), not translated by it."""
    from regviz.gui.windows.main_window import MainWindow

    switch_language(CHINESE)
    window = MainWindow(config=load_preset("l2"), start_thread=False)
    qtbot.addWidget(window)
    open_every_dialog(window)
    assert untranslated_texts(window) == []
    window.close()


def test_distinct_sources_never_share_a_translation():
    """A switch finds a text's source from the text shown: two sources with one
    translation would come back as the wrong one (case apart: "Learning rate" and
    the change markers' "learning rate")."""
    by_translation: dict[str, set[str]] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.findtext("translation") or ""
        by_translation.setdefault(translation, set()).add(message.findtext("source").lower())
    shared = {t: s for t, s in by_translation.items() if len(s) > 1}
    assert shared == {}


def test_the_translation_uses_the_fields_own_terms():
    """The usual Chinese terms of the field, where the English names them."""
    zh = {m.findtext("source"): m.findtext("translation")
          for m in ET.parse(TS).getroot().iter("message")}
    for source, term in (("Regularization", "正则化"), ("Learning rate", "学习率"),
                         ("Decision boundary", "决策边界"), ("loss", "损失"),
                         ("Weight norm per layer", "权重范数"), ("train", "训练集"),
                         ("test", "测试集"), ("Early stopping", "早停"),
                         ("Test share", "测试集")):
        assert term in zh[source], (source, zh[source])
    assert "过拟合" in zh[next(s for s in zh if s.startswith("The training cost is"))]
    assert "欠拟合" in zh[next(s for s in zh if s.startswith("Each pair of markers"))]
    assert "丢弃法" in zh["Dropout as an ensemble"]
    assert "保留概率" in zh[next(s for s in zh if s.startswith("Probability that a hidden"))]
    # Symbols stay: λ, ‖W‖, ÷2m.
    assert zh["L2 λ"] == "L2 λ" and zh["‖W‖"] == "‖W‖" and "÷2m" in zh["÷2m (course form)"]


# -- the run goes on -----------------------------------------------------------------------

def test_switching_language_keeps_the_run(qtbot, chinese_then_english):
    from regviz.gui.windows.main_window import MainWindow

    window = MainWindow(config=at_full_speed("overfit"))
    qtbot.addWidget(window)
    window.show()
    window.play()
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step >= 500,
                    timeout=20_000)
    window.pause()
    qtbot.waitUntil(lambda: not window.latest.extra.get("running", True), timeout=5000)
    before = window.controller.capture_state()
    assert before.trainer.step_count >= 500
    switch_language(CHINESE)
    for _ in range(5):
        QApplication.processEvents()
    after = window.controller.capture_state()
    assert after.trainer.step_count == before.trainer.step_count
    np.testing.assert_array_equal(after.trainer.params, before.trainer.params)
    assert window.undo_actions.stack.top is None  # nothing was thrown away
    assert window.step_counter.text() == f"第 {before.trainer.step_count:,} 步"
    # ... and it trains on from there.
    window.play()
    qtbot.waitUntil(lambda: window.latest.step > before.trainer.step_count, timeout=10_000)
    window.close()


def test_view_language_menu_switches_and_remembers(qtbot, chinese_then_english):
    from regviz.gui.settings import remembered_language
    from regviz.gui.windows.main_window import MainWindow

    window = MainWindow(config=load_preset("overfit"), start_thread=False)
    qtbot.addWidget(window)
    window.show()
    window.remember_settings = True
    menu = window.findChild(QMenu, "language_menu")
    assert [a.text() for a in menu.actions()] == list(LANGUAGES.values())
    window.findChild(QAction, "language_zh_CN").trigger()
    assert current_language() == CHINESE and window.menus["view"].title() == "视图(&V)"
    assert remembered_language() == CHINESE
    assert window.findChild(QAction, "language_zh_CN").isChecked()
    window.findChild(QAction, "language_en").trigger()
    assert remembered_language() == ENGLISH and window.menus["view"].title() == "&View"
    window.close()


def test_start_language_follows_the_remembered_choice_then_the_system(chinese_then_english):
    from regviz.gui.language import start_language, system_language
    from regviz.gui.settings import remember_language

    assert start_language() == system_language()  # nothing remembered yet
    remember_language(CHINESE)
    assert start_language() == CHINESE
    assert start_language(ENGLISH) == ENGLISH  # --lang wins


# -- the command line ----------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["fr", "zh_TW", "chinese", ""])
def test_lang_names_the_allowed_values_and_exits_2(bad, capsys, tmp_path):
    from regviz.cli import main

    report = tmp_path / "r.json"
    assert main(["--lang", bad, "--steps", "1", "--report", str(report)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--lang" in err[0] and "en, zh_CN" in err[0], err
    assert not report.exists()  # refused before any work




def test_lang_accepts_the_usual_spellings():
    from regviz.translatable import parse_language

    for name, code in (("zh_CN", CHINESE), ("zh-CN", CHINESE), ("zh", CHINESE),
                       ("ZH_cn", CHINESE), ("en", ENGLISH), ("EN", ENGLISH)):
        assert parse_language(name) == code


def test_lang_renders_a_chinese_screenshot_and_the_cli_stays_english(tmp_path):
    picture = tmp_path / "zh.png"
    done = subprocess.run([sys.executable, "-m", "regviz", "--preset", "l2", "--steps", "20",
                           "--lang", "zh_CN", "--screenshot", str(picture)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert picture.stat().st_size > 10_000
    bad = subprocess.run([sys.executable, "-m", "regviz", "--lang", "zh_CN", "--steps", "-1",
                          "--report", str(tmp_path / "r.json")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "out of range" in bad.stderr  # English for scripts


# -- the translation, the .qm and the font in step with the code ----------------------------

def _tool():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_translation_qm_and_font_are_in_step_with_the_code():
    """lupdate finds no text missing from the .ts (a new untranslated text fails
    here), every text is translated, the committed .qm is the .ts compiled and
    the bundled fonts have a glyph for every character of the translation."""
    assert _tool().problems() == []


def test_the_check_catches_a_new_text_a_stale_qm_and_a_missing_glyph(tmp_path, monkeypatch):
    tool = _tool()
    # A new text in the code, not in the .ts.
    new_source = tmp_path / "new_text.py"
    new_source.write_text('translate("MainWindow", "A text nobody translated")\n')
    sources = tool.sources
    monkeypatch.setattr(tool, "sources", lambda: [*sources(), str(new_source)])
    assert any("A text nobody translated" in p for p in tool.problems())
    monkeypatch.setattr(tool, "sources", sources)
    # A .qm that is not the .ts compiled.
    stale = tmp_path / "stale.qm"
    stale.write_bytes(tool.QM.read_bytes()[:-10])
    monkeypatch.setattr(tool, "QM", stale)
    assert any("is not" in p and "compiled" in p for p in tool.problems())
    # A character of the translation no bundled font has.
    assert tool.missing_glyphs(tool.bundled_fonts(), {"鼇"}) == {"鼇"}


def test_every_character_of_the_translation_has_a_glyph_in_the_bundled_fonts(qapp):
    """Checked again through Qt's own font loading: the subset as the app loads it."""
    fonts = resource_dir() / "fonts"
    subset = QRawFont(str(fonts / "NotoSansSC-regviz-subset.otf"), 14)
    dejavu = QRawFont(str(fonts / "DejaVuSans.ttf"), 14)
    assert subset.isValid() and subset.familyName() == CJK_FONT_FAMILY
    text = "".join(m.findtext("translation") or "" for m in ET.parse(TS).getroot().iter("message"))
    text += "".join(LANGUAGES.values())  # the language menu names each in itself
    missing = {ch for ch in set(text) if not ch.isspace()
               and not subset.supportsCharacter(ord(ch)) and not dejavu.supportsCharacter(ord(ch))}
    assert missing == set()


def test_chinese_text_is_drawn_with_the_bundled_subset(qapp):
    """DejaVu Sans (the window's font) falls back to the subset for Chinese, not to
    whatever CJK font the machine has."""
    from PySide6.QtGui import QTextLayout

    create_application(deterministic=True)
    layout = QTextLayout("决策边界 L2 λ", QFont(FONT_FAMILY, 14))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    families = {run.rawFont().familyName() for run in layout.glyphRuns()}
    assert families == {FONT_FAMILY, CJK_FONT_FAMILY}


# -- pictures --------------------------------------------------------------------------------

def test_chinese_window_matches_its_baseline(assert_screenshot, chinese_then_english):
    from regviz.gui.screenshot import render_window_image

    image = render_window_image(load_preset("l2"), 3000, language=CHINESE)
    assert_screenshot("window_zh_CN", image)


def test_chinese_lesson_matches_its_baseline(assert_screenshot, chinese_then_english):
    """The lesson strip's caption and question, in large type, in Chinese."""
    from regviz.gui.actions.lesson_mode import lesson_mode
    from regviz.gui.screenshot import render_window_image
    from regviz.lesson import load_lesson

    lesson = load_lesson("overfitting_and_l2")
    image = render_window_image(
        lesson.scenes[1].config, 3000, language=CHINESE,
        prepare=lambda w: lesson_mode(w).start(lesson, 1, drive=False))
    assert_screenshot("window_lesson_zh_CN", image)


def test_chinese_presentation_mode_matches_its_baseline(assert_screenshot, chinese_then_english):
    from regviz.gui.actions.presentation import set_presentation
    from regviz.gui.screenshot import render_window_image

    image = render_window_image(
        load_preset("dropout"), 1500, size=(1280, 720), language=CHINESE,
        prepare=lambda w: set_presentation(w, True, full_screen=False))
    assert_screenshot("presentation_mode_zh_CN_1280x720", image)
