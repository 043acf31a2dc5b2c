"""Palette actions, help, the way out at 60 columns, resume with ``--lang`` and per-language
scroll, and toasts that do not sit on a table (issue 28, point 7 and the footer / help)."""

from __future__ import annotations

import asyncio

import pytest
from textual.command import CommandList

from briefing.tui import BriefingApp
from briefing.tui.screens.comparisons import ComparisonsScreen
from briefing.tui.screens.export import ExportDialog
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.footer import BriefingFooter
from briefing.tui.widgets.section_tree import SectionTree
from briefing.userstate import PackState, StateStore
from tests.tui._pilot import read_in_pane
from tests.tui.test_workflow import wait_for


@pytest.fixture
def store(tmp_path) -> StateStore:
    return StateStore(tmp_path / "state")


def _hits(app) -> list[str]:
    lists = app.screen.query(CommandList)
    if not lists:
        return []
    found = lists.first()
    return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]


# -- the palette -------------------------------------------------------------------------------
@pytest.mark.parametrize(("typed", "done"), [
    ("Export (e)", lambda app: isinstance(app.screen, ExportDialog)),
    ("Tree (t)", lambda app: not app.main.tree.display),
    ("Both languages (b)", lambda app: app.main.pane.bilingual),
    ("Language", lambda app: app.lang == "zh"),
    ("Help (?)", lambda app: isinstance(app.screen, HelpScreen)),
])
def test_palette_actions_do_what_their_keys_do(fixture_pack, drive, typed, done):
    async def scenario(pilot):
        app = pilot.app
        await pilot.press("ctrl+p", *typed)
        await wait_for(pilot, lambda: any(typed in hit for hit in _hits(app)))
        assert typed in _hits(app)[0]  # the action first: it is what was typed
        await pilot.press("enter")
        await wait_for(pilot, lambda: done(app))

    drive(BriefingApp(fixture_pack), scenario)


def test_the_palette_lists_actions_beside_content_in_the_apps_language(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: any("导出 (e)" in hit for hit in _hits(app)))
        hits = _hits(app)
        assert any(fixture_pack.sections[0].title.zh in hit for hit in hits)  # content too

    drive(BriefingApp(fixture_pack, lang="zh"), scenario)


def test_help_lists_the_palette_once_in_the_footers_notation(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        rows = app.binding_rows()
        palette = [(keys, label) for keys, label in rows if "palette" in label.casefold()]
        assert len(palette) == 1 and palette[0][0] == "^p"
        keys = " ".join(k for k, _ in rows)
        assert "ctrl+" not in keys and "escape" not in keys  # one notation: ^f, esc

    drive(BriefingApp(fixture_pack), scenario)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_comparisons_at_60_columns_show_the_way_out(fixture_pack, drive, lang):
    async def scenario(pilot):
        app = pilot.app
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonsScreen))
        footer = app.screen.query_one(BriefingFooter)
        await wait_for(pilot, lambda: footer.laid_out_keys())
        out = [k for k in footer.laid_out_keys() if k.action == "app.pop_screen"]
        assert out and out[0].display == "esc"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))

    app = BriefingApp(fixture_pack, lang=lang, start_id="cmp-hnte-progress")
    drive(app, scenario, size=(60, 15))


# -- resume ------------------------------------------------------------------------------------
def test_a_lang_chosen_at_start_is_remembered(fixture_pack, store, drive):
    store.put("fixture", PackState(open_id="achievements", lang="en"))

    async def scenario(pilot):
        app = pilot.app
        await wait_for(pilot, lambda: app.main.pane.node_id == "achievements")
        await wait_for(pilot, lambda: store.load("fixture").lang == "zh")

    drive(BriefingApp(fixture_pack, lang="zh", store=store), scenario)
    resumed = BriefingApp(fixture_pack, store=store)  # no --lang: the one chosen last time
    assert resumed.lang == "zh"


def test_scroll_is_resumed_per_language(fixture_pack, store, drive):
    """Left at one place in English and another in Chinese: each language resumes at its
    own; a language the item was never read in starts at the top, not at the other's
    offset (which points at other text)."""
    store.put("fixture", PackState(open_id="action-plans", lang="en", scroll=7.0,
                                   scrolls={"en": 7.0}))

    def resume(lang: str | None, expected: float):
        async def scenario(pilot):
            app = pilot.app
            pane = app.main.pane
            await wait_for(pilot, lambda: pane.node_id == "action-plans")
            await wait_for(pilot, lambda: pane.max_scroll_y >= 7)
            await wait_for(pilot, lambda: pane.scroll_y == expected, f"scroll {expected}")
            if lang == "zh":  # read on a little in Chinese, then leave
                pane.scroll_to(y=4, animate=False, immediate=True)
                await wait_for(pilot, lambda: pane.scroll_y == 4)
                await pilot.press("q")

        drive(BriefingApp(fixture_pack, lang=lang, store=store), scenario, size=(90, 14))

    resume("zh", 0.0)  # never read in Chinese: the top
    assert store.load("fixture").scrolls == {"en": 7.0, "zh": 4.0}
    resume("en", 7.0)
    resume("zh", 4.0)


# -- toasts ------------------------------------------------------------------------------------
def test_toasts_are_short_and_sit_over_the_tree_not_the_values(fixture_pack):
    async def scenario(pilot):
        app = pilot.app
        await read_in_pane(pilot, "ach-enterprises")
        await pilot.press("p")
        await wait_for(pilot, lambda: app.screen.query("Toast"))
        toast = app.screen.query_one("Toast")
        await wait_for(pilot, lambda: toast.region.width > 0)
        tree = app.query_one(SectionTree).region
        assert toast.region.x == tree.x  # on the left, over the tree
        assert toast.region.height <= 2
        assert max(n.timeout for n in app._notifications) <= 3

    async def main() -> None:  # run_test hides toasts unless asked to show them
        app = BriefingApp(fixture_pack)
        async with app.run_test(size=(140, 42), notifications=True) as pilot:
            await scenario(pilot)

    asyncio.run(main())
