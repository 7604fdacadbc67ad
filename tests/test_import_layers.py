"""The package's import graph: no circles anywhere, and the lower layers never
import the upper ones.

Every ``import`` statement counts, those inside functions too: a deferred import
is still a dependency a reader has to follow, and a circle through one is only
hidden until the day someone moves it to the top of the file."""

import ast
from pathlib import Path

import regviz

PACKAGE_DIR = Path(regviz.__file__).parent

# Lower layers first. A module may import its own layer and the ones before it.
LAYERS = (
    ("regviz.core",),
    ("regviz.resource_path", "regviz.translatable", "regviz.atomic_file", "regviz.config",
     "regviz.contour",
     "regviz.formula", "regviz.script_template", "regviz.checkpoints",
     "regviz.boundary_palette", "regviz.constraint_picture", "regviz.picture_format"),
    ("regviz.experiment", "regviz.snapshot", "regviz.session", "regviz.compare",
     "regviz.sweep", "regviz.history_csv", "regviz.script_export", "regviz.lesson"),
    ("regviz.gui",),
    ("regviz.cli", "regviz.__main__"),
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE_DIR.rglob("*.py")}


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The regviz modules ``name`` imports (``from . import x`` counts as importing
    ``x`` when ``x`` is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            targets = [target] + [f"{target}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            # Importing from one's own parent package is what Python does anyway.
            if t in known and t != name and not name.startswith(t + "."):
                found.add(t)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = all_modules()
    known = set(modules)
    return {name: imported_modules(name, path, known) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the list of modules around it, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def layer_of(name: str) -> int:
    for index, prefixes in enumerate(LAYERS):
        if any(name == p or name.startswith(p + ".") for p in prefixes):
            return index
    raise AssertionError(f"{name} is in no layer of LAYERS: add it where it belongs")


def test_the_package_has_no_import_circle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " → ".join(cycle)


def test_lower_layers_never_import_upper_ones():
    upward = [(name, target) for name, targets in import_graph().items()
              for target in targets if layer_of(target) > layer_of(name)]
    assert not upward, "lower layer imports an upper one: " + "; ".join(
        f"{a} imports {b}" for a, b in sorted(upward))


def test_the_circle_finder_finds_a_circle():
    # The finder itself must be able to fail.
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
