"""Pilot tests: every binding and the main flows, against the fixture pack."""

from __future__ import annotations

from itertools import pairwise

import pytest
from textual.widgets import Input, OptionList, Static

from briefing.export import to_markdown
from briefing.tui import BriefingApp
from briefing.tui.screens.comparisons import ComparisonsScreen
from briefing.tui.screens.export import ExportDialog
from briefing.tui.screens.figure import FigureScreen
from briefing.tui.screens.goto import GotoScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.pick_figures import PickFiguresScreen
from briefing.tui.screens.search import SearchScreen
from briefing.tui.screens.source import SourceScreen
from briefing.tui.widgets.comparison_chart import ComparisonChart
from briefing.tui.widgets.fact_list import FactList
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.reading_pane import FIGURE_ROW
from briefing.tui.widgets.section_tree import SectionTree


def pane_text(app) -> str:
    pane = app.main.pane
    return "\n".join(p.text.plain for p in pane.query(".paragraph").results(Prose))


def footer_descriptions(app) -> set[str]:
    return {b.binding.description for b in app.screen.active_bindings.values()}


@pytest.fixture
def app(fixture_pack):
    return BriefingApp(fixture_pack)


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


def test_compare_key_shows_curated_comparisons(app, drive):
    async def scenario(pilot):
        await pilot.press("f")
        screen = app.screen
        assert isinstance(screen, ComparisonsScreen)
        assert screen.selected == "cmp-enterprise-peers"
        chart = screen.query_one(ComparisonChart)
        assert chart.view.kind == "peers"
        await pilot.press("down")
        assert screen.selected == "cmp-hnte-progress"
        assert "91.6%" in str(chart.render_line(0)) + "".join(
            str(chart.render_line(y)) for y in range(chart.size.height))
        await pilot.press("down", "down", "down")
        assert screen.selected == "cmp-rd-unit-timeline"
        timeline = screen.query_one("#cmp-timeline", Prose).text.plain
        assert timeline == "80.6% (2024) → over 84% (2025-07) → over 90% (2025)"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)

    drive(app, scenario)


def test_enter_on_a_figure_shows_its_details_and_comparisons(app, drive):
    async def scenario(pilot):
        table = app.main.pane.query_one("#figures", FigureTable)
        table.focus()
        await pilot.press("down")  # the rank figure
        assert app.main.pane.highlighted_figure == "tech-smes-rank-2024"
        await pilot.press("enter")
        await pilot.pause()
        details = app.screen
        assert isinstance(details, FigureScreen)
        assert details.figure_id == "tech-smes-rank-2024"
        facts = dict(details.query_one(FactList).facts)
        assert facts["Period"].plain == "2024"
        assert facts["Id"].plain == "tech-smes-rank-2024"
        fig = app.pack.figure("tech-smes-rank-2024")
        assert fig.source.quote in details.query_one("#figure-quote", Prose).text.plain
        title = details.query_one("#figure-title", Prose).text.plain
        assert fig.label.en in title and fig.label.zh in title  # both languages
        listed = details.query_one("#figure-comparisons", OptionList)
        assert [listed.get_option_at_index(i).id for i in range(listed.option_count)] == [
            "cmp-ranks"]
        await pilot.press("enter")  # opens the comparison under the cursor
        await pilot.pause()
        assert isinstance(app.screen, ComparisonsScreen)
        assert app.screen.selected == "cmp-ranks"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("i")  # i works too, on the highlighted row
        await pilot.pause()
        assert isinstance(app.screen, FigureScreen)
        await pilot.press("f")
        assert isinstance(app.screen, ComparisonsScreen)
        assert app.screen.ids == ["cmp-ranks"]

    drive(app, scenario)


def test_adhoc_same_unit_draws_and_different_units_say_why(app, drive):
    async def scenario(pilot):
        await pilot.press("f", "a")
        pick = app.screen
        assert isinstance(pick, PickFiguresScreen)
        selection = pick.query_one("#pick-list")
        selection.select("tech-smes-2024")
        selection.select("tech-smes-target-2025")
        await pilot.click("#pick-go")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComparisonsScreen)
        assert screen.query_one(ComparisonChart).view.kind == "peers"
        await pilot.press("a")
        selection = app.screen.query_one("#pick-list")
        assert set(selection.selected) == {"tech-smes-2024", "tech-smes-target-2025"}
        app.screen.query_one("#pick-filter").value = "R&D unit"  # filtering keeps the choice
        await pilot.pause()
        # ... and shows it: the two chosen first, then the three that match
        assert selection.option_count == 5
        assert set(selection.selected) == {"tech-smes-2024", "tech-smes-target-2025"}
        assert {selection.get_option_at_index(i).value for i in range(2)} == {
            "tech-smes-2024", "tech-smes-target-2025"}
        selection.select("rd-unit-rate-2024")
        await pilot.pause()
        assert app.screen.chosen == {"tech-smes-2024", "tech-smes-target-2025",
                                     "rd-unit-rate-2024"}
        await pilot.click("#pick-go")
        await pilot.pause()
        assert screen.query_one(ComparisonChart).view is None
        note = screen.query_one("#cmp-note", Prose).text.plain
        assert "different units" in note
        assert app.pack.figure("rd-unit-rate-2024").label.en in note  # named by label
        await pilot.press("l")
        await pilot.pause()
        note = screen.query_one("#cmp-note", Prose).text.plain
        assert note.startswith("这些指标单位不同")
        assert app.pack.figure("rd-unit-rate-2024").label.zh in note

    drive(app, scenario)


def test_source_view_highlights_the_quote_in_view(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        loc = screen.location
        assert loc is not None
        par = screen.query_one(f"#par-{loc.paragraph}", Prose)
        spans = [s for s in par.text.spans if "yellow" in str(s.style)]
        assert spans and par.text.plain[spans[0].start:spans[0].end] == (
            "目前建有率超84%")
        scroller = screen.query_one("#source-doc")
        top = scroller.scroll_y
        quote_y = par.virtual_region.y
        assert top <= quote_y + 2 < top + scroller.scrollable_content_region.height
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)

    drive(BriefingApp(fixture_pack, start_id="talent-rd-units"), scenario, size=(60, 15))


def test_source_of_a_figure_scrolls_to_its_line(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        assert screen.source.quote == "力争规上工业研发机构建有率超90%"
        scroller = screen.query_one("#source-doc")
        assert scroller.scroll_y > 0  # the quote is far down a 15-line terminal

    drive(BriefingApp(fixture_pack, start_id="rd-unit-rate-target-2025"), scenario,
          size=(60, 15))


def test_search_lists_live_and_enter_opens(app, drive):
    async def scenario(pilot):
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"R&D unit")
        results = app.screen.query_one("#search-results", OptionList)
        assert results.option_count >= 1
        first = results.get_option_at_index(0).id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.history.current == first

    drive(app, scenario)


def test_command_palette_finds_what_search_finds_in_the_same_order(app, drive):
    async def palette_ids(pilot, query: str) -> tuple[list[str], list[str]]:
        from textual.command import CommandList

        await pilot.press("ctrl+p")
        await pilot.press(*query)
        expected = [hit.id for hit in app.search_engine.search(query, limit=40)]
        assert len(expected) >= 2
        shown: list[str] = []
        for _ in range(200):  # the palette gathers hits in a worker
            await pilot.pause()
            lists = app.screen.query(CommandList)
            if lists:
                found = lists.first()
                shown = [found.get_option_at_index(i).hit.text
                         for i in range(found.option_count)]
                if shown[: len(expected)] == expected:
                    break
        return shown, expected

    async def scenario(pilot):
        for query in ("研发", "yanfa"):  # Chinese, and pinyin as Chinese readers type it
            shown, expected = await palette_ids(pilot, query)
            assert shown[: len(expected)] == expected  # the engine's hits first, its order
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("ctrl+p", *"weak-rd")  # ids too, as go-to completes them
        await wait_until(pilot, lambda: app.screen.query("CommandList")
                         and app.screen.query_one("CommandList").option_count)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.main.pane.node_id == "weak-rd-spending")

    drive(app, scenario)


async def wait_until(pilot, condition, tries: int = 200) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition()


def test_export_writes_and_refuses_to_overwrite(app, tmp_path, monkeypatch, drive):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "achievements.en.md"

    async def scenario(pilot):
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one(Input).value == "./achievements.en.md"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert target.read_text(encoding="utf-8") == to_markdown(app.pack, "achievements", "en")
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("e", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)  # asked, not overwritten
        assert dialog.query_one("#export-overwrite").display
        assert "already exists" in dialog.query_one("#export-message", Prose).text.plain
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")  # Enter, Enter: the question's default is Cancel
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("e", "enter")
        await pilot.pause()
        await pilot.press("escape")
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("e", "enter")
        await pilot.pause()
        await pilot.click("#export-overwrite")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert target.read_text(encoding="utf-8").startswith("# 2024 achievements")

    drive(app, scenario)


def test_export_reports_errors(app, tmp_path, monkeypatch, drive):
    monkeypatch.chdir(tmp_path)

    async def scenario(pilot):
        await pilot.press("e")
        app.screen.query_one(Input).value = str(tmp_path / "missing-dir" / "x.md")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-message", Prose).text.plain

    drive(app, scenario)


def test_find_in_pane_counts_and_steps(app, drive):
    async def scenario(pilot):
        await pilot.press("ctrl+f")
        await pilot.press(*"enterprise")
        pane = app.main.pane
        total = len(pane.find_state.matches)
        assert total >= 3
        count = str(app.main.query_one("#find-count", Static).render())
        assert count.startswith(f"1/{total}")
        await pilot.press("enter")  # Enter in the find box = next
        assert pane.find_state.current == 1
        app.main.pane.focus()
        await pilot.press("n")
        assert pane.find_state.current == 2
        await pilot.press("N", "N", "N")
        assert pane.find_state.current == total - 1
        assert "n" in {b.key for b in (x.binding for x in app.screen.active_bindings.values())}
        app.main.query_one("#find-input").focus()
        await pilot.press("escape")  # closes the bar, keeps the matches
        assert not app.main.find_bar.display
        assert len(pane.find_state.matches) == total
        await pilot.press("n")
        assert pane.find_state.current == 0
        # figure rows are searched too: stepping onto one puts the table's cursor there
        rows = [i for i, (where, _) in enumerate(pane.find_state.matches) if where == FIGURE_ROW]
        assert rows
        while pane.find_state.current != rows[0]:
            await pilot.press("n")
        table = pane.query_one(FigureTable)
        row = pane.find_state.matches[rows[0]][1][0]
        assert table.cursor == row and "enterprise" in table.rows[row].plain.casefold()
        await pilot.press("g")  # another section: its own matches (none yet)
        app.screen.query_one(Input).value = "weaknesses"
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.pane.node_id == "weaknesses"
        assert not app.main.check_action("find_step", (1,))

    drive(app, scenario)


def test_find_says_no_matches(app, drive):
    async def scenario(pilot):
        await pilot.press("ctrl+f", *"zzzz")
        assert "No matches" in str(app.main.query_one("#find-count", Static).render())

    drive(app, scenario)


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


def test_language_toggle_on_the_comparisons_screen(app, drive):
    async def scenario(pilot):
        await pilot.press("f", "l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ComparisonsScreen)
        assert screen.query_one("#cmp-title", Prose).text.plain == "科技型中小企业与高企"
        assert "关闭" in footer_descriptions(app)
        await pilot.press("escape")
        assert "2024年主要成绩" in pane_text(app)

    drive(app, scenario)


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


def test_picker_by_keyboard_filter_enter_space(app, drive):
    async def scenario(pilot):
        await pilot.press("f", "a", *"SME", "enter", "space", "down", "space")
        pick = app.screen
        assert isinstance(pick, PickFiguresScreen)
        assert len(pick.chosen) == 2
        await pilot.click("#pick-go")
        await pilot.pause()
        assert isinstance(app.screen, ComparisonsScreen)
        assert app.screen.error  # an SME count and its national rank: different units

    drive(app, scenario)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", [(80, 24), (60, 15)])
def test_footer_fits_and_keeps_quit_help_and_language(fixture_pack, drive, lang, size):
    from textual.widgets._footer import FooterKey

    async def scenario(pilot):
        app = pilot.app
        await wait_until(pilot, lambda: app.screen.query(FooterKey))
        keys = list(app.screen.query(FooterKey))
        words = {key.description for key in keys}
        expected = {"en": {"Quit", "Help", "中文/EN"}, "zh": {"退出", "帮助", "English"}}[lang]
        assert expected <= words
        right = max(key.region.right for key in keys)
        assert right <= size[0]
        regions = sorted((key.region for key in keys), key=lambda r: r.x)
        assert all(a.right <= b.x for a, b in pairwise(regions))  # nothing runs under another
        palette = [key for key in keys if key.has_class("-command-palette")]
        if palette:
            assert palette[0].description == ("palette" if lang == "en" else "命令")

    drive(BriefingApp(fixture_pack, lang=lang), scenario, size=size)


def test_comparisons_enter_history_and_the_header_names_them(app, drive):
    async def scenario(pilot):
        app.open_id("weaknesses")
        await wait_until(pilot, lambda: app.main.pane.node_id == "weaknesses")
        app.open_id("cmp-ranks")
        await wait_until(pilot, lambda: isinstance(app.screen, ComparisonsScreen)
                         and app.screen.is_mounted)
        title = app.pack.comparison("cmp-ranks").title.en
        await wait_until(pilot, lambda: app.screen.sub_title == title)
        await pilot.press("left_square_bracket")  # back: to the section it came from
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen)
                         and app.main.pane.node_id == "weaknesses")
        await pilot.press("right_square_bracket")  # forward: the comparison again
        await wait_until(pilot, lambda: isinstance(app.screen, ComparisonsScreen)
                         and app.screen.selected == "cmp-ranks")

    drive(app, scenario)
