"""Pilot tests: starting, navigating (tree, go-to, history, panes), language, help, resizing."""

from __future__ import annotations

import pytest
from _pilot import footer_descriptions, pane_text, wait_until
from textual.widgets import Input, OptionList

from briefing.tui import BriefingApp
from briefing.tui.screens.goto import GotoScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.comparison_chart import ComparisonChart
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.section_tree import SectionTree
from briefing.tui.widgets.visibility import in_view


def test_starts_on_the_first_section_with_layout(app, drive):
    async def scenario(pilot):
        assert isinstance(app.screen, MainScreen)
        assert app.main.pane.node_id == "achievements"
        assert app.title == "Suzhou S&T Policy Briefing (test pack)"
        assert "Stronger enterprises" in pane_text(app)
        table = app.main.pane.query_one("#figures", FigureTable)
        assert table.row_count == 5
        assert app.main.pane.query_one("#comparisons", OptionList).option_count == 4
        # pack text is data: markup-looking text shows literally
        assert "[bold]This is not markup[/bold]" in pane_text(app)

    drive(app, scenario)


def test_start_id_opens_an_item_and_a_figure(fixture_pack, drive):
    async def at_item(pilot):
        assert pilot.app.main.pane.node_id == "weak-rd-spending"
        assert pilot.app.main.tree.cursor_node.data == "weak-rd-spending"

    drive(BriefingApp(fixture_pack, start_id="weak-rd-spending"), at_item)

    async def at_figure(pilot):
        app = pilot.app
        assert app.main.pane.node_id == "ach-enterprises"
        assert app.main.pane.highlighted_figure == "hntes-2024"
        assert isinstance(app.focused, FigureTable)

    drive(BriefingApp(fixture_pack, start_id="hntes-2024"), at_figure)


def test_tree_enter_opens_and_back_forward(app, drive):
    async def scenario(pilot):
        tree = app.query_one(SectionTree)
        tree.focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.main.pane.node_id == "ach-enterprises"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.main.pane.node_id == "ach-rd-institutions"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.main.pane.node_id == "ach-enterprises"
        assert tree.cursor_node.data == "ach-enterprises"  # the tree follows the pane
        await pilot.press("alt+left")
        await pilot.pause()
        assert app.main.pane.node_id == "achievements"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.main.pane.node_id == "ach-enterprises"
        await pilot.press("alt+right")
        await pilot.pause()
        assert app.main.pane.node_id == "ach-rd-institutions"
        # Enter opens a section without folding it; space folds it
        section = tree._by_id["achievements"]
        tree.move_cursor(section)
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.pane.node_id == "achievements" and section.is_expanded
        await pilot.press("space")
        assert not section.is_expanded

    drive(app, scenario)


def test_tab_moves_between_panes_and_mouse_opens(app, drive):
    async def scenario(pilot):
        app.query_one(SectionTree).focus()
        await pilot.press("tab")
        assert app.focused is app.main.pane
        await pilot.press("tab")
        assert isinstance(app.focused, FigureTable)
        tree = app.query_one(SectionTree)
        line = tree._by_id["weaknesses"].line
        await pilot.click(SectionTree, offset=(4, line - tree.scroll_offset.y))
        await pilot.pause()
        assert app.main.pane.node_id == "weaknesses"

    drive(app, scenario)


def test_goto_jumps_and_rejects_unknown_ids(app, drive):
    async def scenario(pilot):
        await pilot.press("g")
        assert isinstance(app.screen, GotoScreen)
        await pilot.press(*"nope", "enter")
        assert isinstance(app.screen, GotoScreen)
        assert "nope" in app.screen.query_one("#goto-error", Prose).text.plain
        app.screen.query_one(Input).value = "talent-rd-units"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.pane.node_id == "talent-rd-units"
        assert app.main.tree.cursor_node.data == "talent-rd-units"
        await pilot.press("g", "escape")
        assert isinstance(app.screen, MainScreen)

    drive(app, scenario)


def test_goto_enter_accepts_the_completion_it_shows(app, drive):
    async def scenario(pilot):
        await pilot.press("g", *"weak")
        field = app.screen.query_one(Input)
        for _ in range(100):  # the suggester answers from a worker
            if field._suggestion:
                break
            await pilot.pause()
        assert field._suggestion == "weaknesses"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.main.pane.node_id == "weaknesses"

    drive(app, scenario)


def test_language_toggle_switches_ui_and_content(app, drive):
    async def scenario(pilot):
        assert "Find" in footer_descriptions(app)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "zh"
        assert app.title == "苏州科技创新政策简报（测试）"
        assert "强主体，推进企业创新能级提升" in pane_text(app)
        assert str(app.main.tree._by_id["weaknesses"].label) == "短板与差距"
        assert "查找" in footer_descriptions(app)
        await pilot.press("l")
        await pilot.pause()
        assert app.lang == "en" and "Stronger enterprises" in pane_text(app)

    drive(app, scenario)


def test_lang_option_sets_the_start_language(fixture_pack, drive):
    async def scenario(pilot):
        assert "2024年主要成绩" in pane_text(pilot.app)

    drive(BriefingApp(fixture_pack, lang="zh"), scenario)


def test_help_tree_toggle_and_quit(app, drive):
    async def scenario(pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = dict((label, k) for k, label in app.binding_rows())
        assert "[" in keys["Back"]
        assert "f" in keys["Find"]
        await pilot.press("escape")
        tree = app.query_one(SectionTree)
        await pilot.press("t")
        assert not tree.display
        await pilot.press("t")
        assert tree.display
        await pilot.press("q")

    drive(app, scenario)
    assert app.return_code == 0


@pytest.mark.parametrize("size", [(60, 15), (40, 10), (250, 80)])
def test_every_screen_survives_small_and_large_terminals(fixture_pack, size, drive):
    async def scenario(pilot):
        app = pilot.app
        for keys in (["f"], ["escape", "s"], ["escape", "slash", "e", "escape"],
                     ["e", "escape"], ["question_mark", "escape"], ["l"], ["f"],
                     ["escape", "t", "ctrl+f", "a", "escape"]):
            await pilot.press(*keys)
            await pilot.pause()
        assert isinstance(app.screen, MainScreen)

    drive(BriefingApp(fixture_pack), scenario, size=size)


def test_panes_reflow_when_the_terminal_is_resized(app, drive):
    async def scenario(pilot):
        await pilot.press("f", "down")
        chart = app.screen.query_one(ComparisonChart)
        wide = chart.size.width
        await pilot.resize_terminal(60, 15)
        await pilot.pause()
        assert chart.size.width < wide
        lines = [chart.render_line(y).text for y in range(chart.size.height)]
        assert all(len(line.rstrip()) <= chart.size.width for line in lines)
        await pilot.press("escape")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert app.main.pane.size.width > 100

    drive(app, scenario)


def test_see_also_lists_where_the_pack_points_and_enter_opens_it(drive):
    """Talent Services points readers to the report's talent results: listed under the text,
    Enter opens the first, and Back returns."""
    from briefing.pack import bundled_pack_dir, load_pack

    pack = load_pack(bundled_pack_dir())
    refs = list(pack.node("talent-services").see_also)

    async def scenario(pilot):
        app = pilot.app
        links = app.main.pane.query_one("#see-also", OptionList)
        await wait_until(pilot, lambda: links.option_count == len(refs))
        assert [links.get_option_at_index(i).id for i in range(len(refs))] == refs
        links.focus()  # scrolls the list into view: p acts on rows that can be seen
        await wait_until(pilot, lambda: in_view(links))
        await pilot.press("p")  # p pins the entry under the cursor, not the open section
        await wait_until(pilot, lambda: app.session.pins == [refs[0]])
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.main.pane.node_id == refs[0])
        assert not app.main.pane.query_one("#see-also", OptionList).display
        await pilot.press("left_square_bracket")
        await wait_until(pilot, lambda: app.main.pane.node_id == "talent-services")

    drive(BriefingApp(pack, start_id="talent-services"), scenario)
