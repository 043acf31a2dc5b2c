"""Fixtures for drafting: a function that drafts a pack from any document (the documents are
in :mod:`_drafting`)."""

from __future__ import annotations

from pathlib import Path

import _drafting  # noqa: F401  (puts the document tests' format writers on the path)
import pytest


@pytest.fixture
def drafted(tmp_path, monkeypatch):
    """``drafted(*documents, name="pack")``: the folder of a pack drafted from them (through
    the same function as ``briefing draft``), with a private cache."""
    from briefing.authoring.draft.pack import draft_pack

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))

    def draft(*documents: Path, name: str = "pack") -> Path:
        return draft_pack(list(documents), tmp_path / name).root

    return draft
