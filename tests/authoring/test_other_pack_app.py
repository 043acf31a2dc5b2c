"""The app opens a pack that is not the bundled one: its title, its three plans, its baseline."""

from __future__ import annotations

import asyncio

from briefing.pack import load_pack
from briefing.tui import BriefingApp
from briefing.tui.screens.comparisons import ComparisonsScreen
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.section_tree import SectionTree


def _walk(node):
    yield node
    for child in node.children:
        yield from _walk(child)


async def _until(pilot, condition, tries: int = 200) -> None:
    """Wait for the app to reach ``condition`` (never a fixed sleep)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition()


def test_app_opens_the_other_pack(other_pack):
    pack = load_pack(other_pack)
    app = BriefingApp(pack)

    async def scenario() -> None:
        async with app.run_test(size=(110, 32)) as pilot:
            await _until(pilot, lambda: app.screen.query(SectionTree))
            assert app.title == "Qingchuan S&T Briefing"
            tree = app.screen.query_one(SectionTree)
            ids = {n.data for n in _walk(tree.root)}
            assert {"overview", "plans", "plan-firms", "plan-talent", "plan-open"} <= ids
            await pilot.press("f")
            await _until(pilot, lambda: isinstance(app.screen, ComparisonsScreen)
                         and app.screen.query("#cmp-subtitle"))  # composed, not only pushed
            screen = app.screen
            assert screen.selected == "contracts-vs-chengdu"
            subtitle = screen.query_one("#cmp-subtitle", Prose)
            await _until(pilot, lambda: "Qingchuan" in subtitle.text.plain)
            assert "size relative to Qingchuan" in subtitle.text.plain

    asyncio.run(scenario())
