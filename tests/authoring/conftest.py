from __future__ import annotations

import pytest
from _synthetic import write_pack


@pytest.fixture
def other_pack(tmp_path, monkeypatch):
    """The synthetic pack in tmp_path, with a private cache and a clean CLI state."""
    from briefing.cli.console import state

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    state.content, state.lang, state._pack = None, "en", None
    yield write_pack(tmp_path / "qingchuan")
    state.content, state.lang, state._pack = None, "en", None
