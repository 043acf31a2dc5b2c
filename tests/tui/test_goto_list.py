"""Go-to lists titles as you type, and Enter on an empty box does nothing harmful
(issue 28, point 7)."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from briefing.present.titles import matching
from briefing.tui import BriefingApp
from briefing.tui.screens.goto import GotoScreen
from briefing.tui.screens.main import MainScreen
from tests.tui.test_workflow import wait_for


def _listed(screen) -> list[str]:
    options = screen.query_one("#goto-matches", OptionList)
    return [options.get_option_at_index(i).id for i in range(options.option_count)]


def test_matching_puts_ids_first_then_titles(fixture_pack):
    node = fixture_pack.node("weaknesses")
    word = node.title.en.split()[0].casefold()
    found = matching(fixture_pack, word, "en")
    assert "weaknesses" in found
    by_title = [i for i in found if word not in i.casefold()]
    by_id = [i for i in found if word in i.casefold()]
    assert found == by_id + by_title  # ids holding the words come before titles holding them
    zh_word = node.title.zh[:2]
    assert "weaknesses" in matching(fixture_pack, zh_word, "zh")
    assert matching(fixture_pack, "  ", "en") == []


def test_goto_lists_titles_as_you_type_and_the_arrows_choose(fixture_pack, drive):
    target = fixture_pack.node("talent-rd-units")
    words = target.title.en.split()[:2]

    async def scenario(pilot):
        app = pilot.app
        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(app.screen, GotoScreen))
        screen = app.screen
        await pilot.press(*" ".join(words))
        await wait_for(pilot, lambda: "talent-rd-units" in _listed(screen))
        listed = _listed(screen)
        assert listed == matching(fixture_pack, " ".join(words), "en")
        options = screen.query_one("#goto-matches", OptionList)
        prompt = options.get_option_at_index(listed.index("talent-rd-units")).prompt
        assert target.title.en in prompt.plain  # the title, beside its id
        await pilot.press(*["down"] * (listed.index("talent-rd-units") + 1), "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen)
                       and app.main.pane.node_id == "talent-rd-units")

    drive(BriefingApp(fixture_pack), scenario)


def test_enter_on_an_empty_box_does_nothing(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await pilot.press("g")
        await wait_for(pilot, lambda: isinstance(app.screen, GotoScreen))
        screen = app.screen
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: screen.query_one(Input).has_focus)
        assert isinstance(app.screen, GotoScreen)
        assert screen.query_one("#goto-error").render().plain == ""  # no "Unknown id:"
        assert not [n for n in app._notifications if "Unknown" in n.message]
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))

    drive(BriefingApp(fixture_pack), scenario)
