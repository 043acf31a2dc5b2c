"""Every text the app draws is broken by the project's line breaker: numbers and ids whole,
no closing punctuation at a line start, lines within the widget."""

from __future__ import annotations

from briefing.text.line_breaking import cell_width
from briefing.tui.app import BriefingApp
from briefing.tui.screens.source import SourceScreen
from briefing.tui.widgets.prose import Prose

CLOSING = set("，。、；：！？）》」』")


async def wait_for(pilot, condition, what: str) -> None:
    """Let the app process messages until ``condition()`` holds (never a fixed sleep)."""
    for _ in range(200):
        if condition():
            return
        await pilot.pause()
    raise AssertionError(f"timed out waiting for {what}")


def test_the_breadcrumbs_keep_the_open_items_id_whole(fixture_pack, drive):
    async def scenario(pilot):
        crumbs = pilot.app.main.pane.query_one("#crumbs", Prose)
        await wait_for(pilot, lambda: "[ach-enterprises]" in crumbs.text.plain, "the crumbs")
        lines = crumbs.render().plain.split("\n")
        assert any("[ach-enterprises]" in line for line in lines), lines
        assert all(cell_width(line) <= crumbs.content_region.width for line in lines)

    drive(BriefingApp(fixture_pack, start_id="ach-enterprises", lang="zh"), scenario,
          size=(80, 24))


def test_source_view_wraps_without_splitting_numbers(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "the source view")
        screen = app.screen
        for par in screen.query(".source-par").results(Prose):
            width = par.content_region.width
            lines = par.render().plain.split("\n")
            assert all(cell_width(line) <= width for line in lines)
            assert not any(line[:1] in CLOSING for line in lines), lines
            joined = "".join(lines)
            for number in ("2.43万家", "80.6%", "20.3个百分点"):
                if number in joined:
                    assert any(number in line for line in lines), (number, lines)

    drive(BriefingApp(fixture_pack, start_id="rd-unit-rate-2024", lang="zh"), scenario,
          size=(60, 15))
