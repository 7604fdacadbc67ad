"""The mutation script's list stays plantable: each bug's original text is still in its
file exactly once and its tests still exist (a refactor would otherwise quietly turn
an entry into 'the original text occurs 0 times')."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "mutation_smoke", ROOT / "tools" / "mutation_smoke.py")
mutation_smoke = importlib.util.module_from_spec(spec)
sys.modules["mutation_smoke"] = mutation_smoke  # dataclasses look their module up
spec.loader.exec_module(mutation_smoke)


@pytest.mark.parametrize("mutation", mutation_smoke.MUTATIONS, ids=lambda m: m.name)
def test_each_planted_bug_still_has_its_line_and_its_tests(mutation):
    text = (ROOT / mutation.path).read_text(encoding="utf-8")
    assert text.count(mutation.original) == 1, mutation.path
    assert mutation.original != mutation.mutated
    for node in mutation.tests:
        file, _, name = node.partition("::")
        source = (ROOT / file).read_text(encoding="utf-8")
        assert f"def {name.split('[')[0]}(" in source, node
