"""Keys people already have in their fingers: j/k, → / ← in the tree, Home/End, help."""

from __future__ import annotations

from textual.widgets import OptionList

from briefing.tui import BriefingApp
from briefing.tui.screens.help import HelpScreen
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.section_tree import SectionTree
from tests.tui.test_workflow import wait_for


def test_j_k_move_in_the_tree_the_figures_table_and_lists(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        tree = app.query_one(SectionTree)
        tree.focus()
        start = tree.cursor_line
        await pilot.press("j", "j")
        await wait_for(pilot, lambda: tree.cursor_line == start + 2)
        await pilot.press("k")
        await wait_for(pilot, lambda: tree.cursor_line == start + 1)
        table = app.main.pane.query_one("#figures", FigureTable)
        table.focus()
        await pilot.press("j", "j")
        await wait_for(pilot, lambda: table.cursor == 2)
        await pilot.press("k")
        await wait_for(pilot, lambda: table.cursor == 1)
        await pilot.press("end")
        await wait_for(pilot, lambda: table.cursor == table.row_count - 1)
        await pilot.press("home")
        await wait_for(pilot, lambda: table.cursor == 0)
        await pilot.press("f")
        cmp_list = app.screen.query_one("#cmp-list", OptionList)
        before = cmp_list.highlighted
        await pilot.press("j")
        await wait_for(pilot, lambda: cmp_list.highlighted == before + 1)

    drive(BriefingApp(fixture_pack), scenario)


def test_arrows_fold_and_unfold_and_home_end_jump_in_the_tree(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        tree = app.query_one(SectionTree)
        tree.focus()
        tree.move_cursor(tree._by_id["achievements"])
        await pilot.press("left")
        await wait_for(pilot, lambda: not tree._by_id["achievements"].is_expanded)
        await pilot.press("right")
        await wait_for(pilot, lambda: tree._by_id["achievements"].is_expanded)
        await pilot.press("right")  # unfolded already: step onto its first child
        await wait_for(pilot, lambda: tree.cursor_node.data == "ach-enterprises")
        await pilot.press("left")  # on a leaf: back to its parent
        await wait_for(pilot, lambda: tree.cursor_node.data == "achievements")
        await pilot.press("end")
        await wait_for(pilot, lambda: tree.cursor_line == tree.last_line)
        await pilot.press("home")
        await wait_for(pilot, lambda: tree.cursor_line == 0)
        assert app.main.pane.node_id == "achievements"  # moving never opened anything

    drive(BriefingApp(fixture_pack), scenario)


def test_j_types_into_inputs(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await pilot.press("slash")
        await wait_for(pilot, lambda: app.screen.query("#search-input"))
        await pilot.press("j", "k")
        assert app.screen.query_one("#search-input").value == "jk"

    drive(BriefingApp(fixture_pack), scenario)


def test_help_lists_every_key(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        rows = dict((label, keys) for keys, label in app.binding_rows())
        for label in ("Pin", "Copy", "Both languages"):
            assert label in rows
        keys = " ".join(k for k, _ in app.binding_rows())
        for key in ("j / k", "→ / ←", "home / end", "delete", "K / J"):
            assert key in keys
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape", "l", "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen) and app.lang == "zh")
        assert "收藏" in dict((label, k) for k, label in app.binding_rows())

    drive(BriefingApp(fixture_pack), scenario)


def test_search_remembers_its_query_previews_the_hit_and_pins_it(fixture_pack, drive, tmp_path):
    from textual.widgets import Input

    from briefing.userstate import StateStore

    async def scenario(pilot):
        app = pilot.app
        await pilot.press("slash")
        await wait_for(pilot, lambda: app.screen.query("#search-input"))
        await pilot.press(*"HNTE")
        results = app.screen.query_one("#search-results", OptionList)
        await wait_for(pilot, lambda: results.option_count > 0, "results")
        preview = app.screen.query_one("#search-preview", Prose)
        first = results.get_option_at_index(0).id
        await wait_for(pilot, lambda: "HNTE" in preview.text.plain, "a preview")
        await pilot.press("down")
        second = results.get_option_at_index(1).id
        title = app.screen.hits[second].title.get("en")
        await wait_for(pilot, lambda: title in preview.text.plain, "preview follows")
        results.focus()
        await pilot.press("p")  # pin from the results list
        await wait_for(pilot, lambda: app.session.pins == [second])
        await pilot.press("escape")
        await wait_for(pilot, lambda: not app.screen.query("#search-input"))
        await pilot.press("slash")
        await wait_for(pilot, lambda: app.screen.query("#search-input"))
        assert app.screen.query_one("#search-input", Input).value == "HNTE"
        await wait_for(pilot, lambda: app.screen.query_one("#search-results",
                                                           OptionList).option_count > 0)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.history.current == first, "opened the first hit")

    drive(BriefingApp(fixture_pack, store=StateStore(tmp_path)), scenario)
