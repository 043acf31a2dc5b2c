"""Fixtures for the app's tests: a small, stable pack (the real content changes under us)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from briefing.model import Pack
from briefing.pack import load_pack

FIXTURE = Path(__file__).parent / "fixture" / "content"


@pytest.fixture(scope="session")
def fixture_pack() -> Pack:
    return load_pack(FIXTURE)


@pytest.fixture
def app(fixture_pack):
    """A fresh app on the fixture pack, remembering nothing."""
    from briefing.tui import BriefingApp

    return BriefingApp(fixture_pack)


@pytest.fixture
def drive():
    """``drive(app, scenario, size)``: run ``scenario(pilot)`` against ``app`` headless."""
    return _drive


def _drive(app, scenario: Callable[..., Awaitable[None]], size: tuple[int, int] = (110, 32)):
    """Run ``scenario(pilot)`` against ``app`` headless (no pytest-asyncio needed)."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())
    return app


@pytest.fixture
def store(tmp_path):
    """An empty state store of the test's own (resume state and pins)."""
    from briefing.userstate import StateStore

    return StateStore(tmp_path / "state")
