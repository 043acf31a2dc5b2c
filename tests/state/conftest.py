"""The state tests use the app's small fixture pack (its ids are stable)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model import Pack
from briefing.pack import load_pack

FIXTURE = Path(__file__).parent.parent / "tui" / "fixture" / "content"


@pytest.fixture(scope="session")
def fixture_pack() -> Pack:
    return load_pack(FIXTURE)
