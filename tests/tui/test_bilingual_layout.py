"""Bilingual reading (``b``) shows both languages: side by side when the pane is wide, stacked
when it is narrow, and never a half squeezed to nothing (the English used to be blank lines)."""

from __future__ import annotations

import pytest
from _pilot import wait_until
from _screen_text import screen_text

from briefing.tui import BriefingApp
from briefing.tui.widgets.prose import Prose


def _words(text: str, count: int = 4) -> str:
    """The first ``count`` words of a paragraph's body (its first line after the heading)."""
    return " ".join(text.split("\n", 1)[1].split()[:count])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(150, 40), (140, 42), (200, 50)])
@pytest.mark.parametrize("tree", [True, False])
def test_wide_panes_show_both_halves_side_by_side(fixture_pack, drive, lang, size, tree):
    async def scenario(pilot):
        app = pilot.app
        pane = app.main.pane
        if not tree:
            await pilot.press("t")
        await pilot.press("b")
        await wait_until(pilot, lambda: pane.query(".bipar") and all(
            p.size.width for p in pane.query(".bipar Prose")), "the pairs laid out")
        side_by_side = pane.content_region.width >= 100
        assert pane.has_class("-side-by-side") == side_by_side
        for pair in pane.query(".bipar"):
            zh, en = pair.query(Prose)
            assert zh.size.height and en.size.height  # neither half is empty
            assert en.size.width >= 30 and zh.size.width >= 30
            if side_by_side:
                assert en.region.y == zh.region.y and en.region.x >= zh.region.right
            else:
                assert en.region.x == zh.region.x and en.region.y >= zh.region.bottom
        text = screen_text(app)
        first_zh, first_en = pane.query(".bipar").first().query(Prose)
        assert _words(first_en.text.plain, 3) in " ".join(text.split())
        assert _words(first_zh.text.plain, 1)[:6] in text

    drive(BriefingApp(fixture_pack, lang=lang), scenario, size=size)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
def test_narrow_panes_stack_the_halves(fixture_pack, drive, lang, size):
    async def scenario(pilot):
        pane = pilot.app.main.pane
        await pilot.press("b")
        await wait_until(pilot, lambda: pane.query(".bipar") and all(
            p.size.width for p in pane.query(".bipar Prose")), "the pairs laid out")
        assert not pane.has_class("-side-by-side")
        for pair in pane.query(".bipar"):
            zh, en = pair.query(Prose)
            assert zh.size.height and en.size.height
            assert en.region.x == zh.region.x and en.region.y >= zh.region.bottom

    drive(BriefingApp(fixture_pack, lang=lang), scenario, size=size)
