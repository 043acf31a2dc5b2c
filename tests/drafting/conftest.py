"""Fixtures for drafting: the test documents (made-up reports in the style of real ones), the
bundled seeds, and a function that drafts a pack from any of them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
DOCUMENTS = HERE / "documents"
REPORTS = sorted(DOCUMENTS.glob("*.txt"))
SEEDS = sorted((HERE.parent.parent / "seeds").glob("*.txt"))
sys.path.insert(0, str(HERE.parent / "documents"))  # the document tests' format writers


@pytest.fixture
def drafted(tmp_path, monkeypatch):
    """``drafted(*documents, name="pack")``: the folder of a pack drafted from them (through
    the same function as ``briefing draft``), with a private cache."""
    from briefing.authoring.draft.pack import draft_pack

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))

    def draft(*documents: Path, name: str = "pack") -> Path:
        return draft_pack(list(documents), tmp_path / name).root

    return draft
