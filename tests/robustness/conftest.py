"""The robustness suite: every test starts with a clean CLI state and a private cache."""

from __future__ import annotations

import pytest

from briefing.cli.state import state


@pytest.fixture(autouse=True)
def fresh_state(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    state.content, state.lang, state._pack = None, "en", None
    yield
    state.content, state.lang, state._pack = None, "en", None
