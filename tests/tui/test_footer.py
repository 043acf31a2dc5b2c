"""The footer: keeps Quit, Help and the language key at any width; lays out once per change."""

from __future__ import annotations

from itertools import pairwise

import pytest
from _pilot import wait_until
from rich.cells import cell_len

from briefing.tui import BriefingApp


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
def test_footer_fits_and_keeps_quit_help_and_language(fixture_pack, drive, lang, size):
    from briefing.tui.widgets.footer import BriefingFooter

    async def scenario(pilot):
        app = pilot.app
        footer = app.screen.query_one(BriefingFooter)
        await wait_until(pilot, lambda: footer.laid_out_keys())
        keys = footer.laid_out_keys()
        words = {key.description for key in keys}
        expected = {"en": {"Quit", "Help", "中文/EN"}, "zh": {"退出", "帮助", "English"}}[lang]
        assert expected <= words
        assert max(key.end for key in keys) <= size[0]
        assert all(a.end < b.start for a, b in pairwise(keys))  # nothing runs under another
        drawn = footer.render().plain
        assert cell_len(drawn) <= size[0]
        for key in keys:  # each key is drawn where a click finds it
            at = drawn.index(f"{key.display} {key.description}")
            assert cell_len(drawn[:at]) == key.start
        palette = [key for key in keys if key.palette]
        if palette:
            assert palette[0].description == ("palette" if lang == "en" else "命令")
            assert drawn.rstrip().endswith(f"▏{palette[0].display} {palette[0].description}")

    drive(BriefingApp(fixture_pack, lang=lang), scenario, size=size)


def test_footer_follows_the_language_and_a_click_runs_its_key(fixture_pack, drive):
    from briefing.tui.screens.help import HelpScreen
    from briefing.tui.widgets.footer import BriefingFooter

    async def scenario(pilot):
        app = pilot.app
        footer = app.screen.query_one(BriefingFooter)
        await wait_until(pilot, lambda: "Quit" in footer.render().plain)
        await pilot.press("l")
        await wait_until(pilot, lambda: "退出" in footer.render().plain)
        help_key = next(key for key in footer.laid_out_keys() if key.description == "帮助")
        await pilot.click(BriefingFooter, offset=(help_key.start + 1, 0))
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))

    drive(BriefingApp(fixture_pack), scenario, size=(120, 35))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [60, 80, 140])
def test_every_screen_shows_its_way_out_and_back_comes_with_forward(fixture_pack, drive, lang,
                                                                    width):
    """At 60 columns the comparisons screen dropped Close (issue 28); "[ Back" without its
    "] Forward" read as a button cut in half."""
    from briefing.tui.screens.comparisons import ComparisonsScreen
    from briefing.tui.widgets.footer import BriefingFooter

    async def scenario(pilot):
        app = pilot.app
        await wait_until(pilot, lambda: isinstance(app.screen, ComparisonsScreen), "compare")
        footer = app.screen.query_one(BriefingFooter)
        await wait_until(pilot, lambda: footer.laid_out_keys(), "the footer")
        actions = {a for key in footer.laid_out_keys() for a in key.actions}
        assert "app.pop_screen" in actions and "quit" in actions
        assert ("app.back" in actions) == ("app.forward" in actions)
        main = app.main.query_one(BriefingFooter).laid_out_keys(width)
        main_actions = {a for key in main for a in key.actions}
        assert "quit" in main_actions
        assert ("app.back" in main_actions) == ("app.forward" in main_actions)

    app = BriefingApp(fixture_pack, lang=lang, start_id="cmp-hnte-progress")
    drive(app, scenario, size=(width, 24))


@pytest.mark.parametrize("key", ["question_mark", "slash", "g"])
def test_a_dialog_shows_its_way_out_in_the_footer_below_it(fixture_pack, drive, key):
    """A dialog has no footer: the one below it showed the main screen's keys, none of which
    closes the dialog."""
    from textual.screen import ModalScreen

    from briefing.tui.widgets.footer import BriefingFooter

    async def scenario(pilot):
        app = pilot.app
        footer = app.main.query_one(BriefingFooter)
        await wait_until(pilot, lambda: "Quit" in footer.render().plain, "the footer")
        await pilot.press(key)
        await wait_until(pilot, lambda: isinstance(app.screen, ModalScreen), "the dialog")
        await wait_until(pilot, lambda: "esc Close" in footer.render().plain, "Close")
        await pilot.press("escape")
        await wait_until(pilot, lambda: "Quit" in footer.render().plain, "the keys again")

    drive(BriefingApp(fixture_pack), scenario, size=(60, 15))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_back_and_forward_are_one_entry_and_a_click_runs_the_half_it_hits(fixture_pack, drive,
                                                                          lang):
    """"[ Back ] Forward" read as a button labelled Back: the pair is drawn "[/] Back/Forward",
    and a click on Forward's half goes forward."""
    from briefing.tui.widgets.footer import BriefingFooter

    async def scenario(pilot):
        app = pilot.app
        footer = app.main.query_one(BriefingFooter)
        app.open_id("weaknesses")
        await wait_until(pilot, lambda: app.main.pane.node_id == "weaknesses", "weaknesses")
        await pilot.press("left_square_bracket")
        await wait_until(pilot, lambda: app.main.pane.node_id == "achievements", "back")
        pair = next(key for key in footer.laid_out_keys() if key.alt_action)
        words = {"en": "Back/Forward", "zh": "后退/前进"}[lang]
        assert (pair.display, pair.description) == ("[/]", words)
        assert (pair.action, pair.alt_action) == ("app.back", "app.forward")
        assert f"[/] {words}" in footer.render().plain
        assert "] " + words.split("/")[1] not in footer.render().plain
        await pilot.click(BriefingFooter, offset=(pair.end - 1, 0))
        await wait_until(pilot, lambda: app.main.pane.node_id == "weaknesses", "forward")
        await pilot.click(BriefingFooter, offset=(pair.start, 0))
        await wait_until(pilot, lambda: app.main.pane.node_id == "achievements", "back again")

    drive(BriefingApp(fixture_pack, lang=lang, start_id="achievements"), scenario,
          size=(140, 30))
