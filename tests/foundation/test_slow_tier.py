"""The slow tier (``SLOW`` in tests/conftest.py) names tests that exist: a test renamed or moved
would otherwise drop out of it unseen, into the quick run."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _slow_entries() -> tuple[str, ...]:
    tree = ast.parse((ROOT / "tests" / "conftest.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "SLOW" for target in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError("tests/conftest.py defines no SLOW")


def test_every_slow_entry_names_a_module_or_test_that_exists():
    entries = _slow_entries()
    assert entries
    for entry in entries:
        path, _, name = entry.partition("::")
        module = ROOT / path
        assert module.is_file() and module.name.startswith("test_"), entry
        if name:
            source = module.read_text(encoding="utf-8")
            assert re.search(rf"^(async )?def {re.escape(name)}\(", source, re.M), entry
