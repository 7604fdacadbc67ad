"""The map of regviz/gui/ in its docstring (and the README's "Where things live")
matches the tree: every folder is on it, every file and class it names exists."""

import ast
import re
from pathlib import Path

import regviz.gui

GUI = Path(regviz.gui.__file__).parent
README = Path(__file__).resolve().parent.parent / "README.md"


def gui_classes() -> set[str]:
    names = set()
    for path in GUI.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
    return names


def subfolders() -> list[str]:
    return sorted(p.name for p in GUI.iterdir() if (p / "__init__.py").is_file())


def test_every_folder_of_gui_is_on_the_map():
    doc = regviz.gui.__doc__
    for name in subfolders():
        assert f"``{name}/``" in doc, f"gui/{name}/ is not on the map in gui/__init__.py"


def test_every_file_and_class_on_the_map_exists():
    doc = regviz.gui.__doc__
    files = {p.name for p in GUI.rglob("*.py")}
    repo = GUI.parent.parent
    for name in re.findall(r"([a-z_/]+\.py)", doc):
        assert name in files or (GUI / name).is_file() or (repo / name).is_file(), \
            f"the map names {name}, which is neither in regviz/gui/ nor a path in the repo"
    classes = gui_classes()
    for name in re.findall(r"``([A-Z][a-z]+[A-Z][A-Za-z]*)``", doc):
        assert name in classes or name in ("Snapshot", "Field", "Config"), \
            f"the map names the class {name}, which regviz/gui/ does not define"


def test_every_module_of_gui_is_named_on_the_map_or_by_its_class():
    doc = regviz.gui.__doc__
    for path in GUI.rglob("*.py"):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
        assert path.name in doc or any(f"``{c}``" in doc for c in classes), \
            f"{path.relative_to(GUI)} is neither named on the map nor one of its classes"


def test_the_readme_map_names_the_same_folders():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Where things live", 1)
    assert len(section) == 2, "README.md has no 'Where things live' section"
    body = section[1].split("\n## ", 1)[0]
    for name in subfolders():
        assert f"gui/{name}/" in body, f"README's map does not name regviz/gui/{name}/"


def test_main_window_is_importable_from_the_package():
    from regviz.gui import MainWindow
    from regviz.gui.windows.main_window import MainWindow as Defined

    assert MainWindow is Defined
