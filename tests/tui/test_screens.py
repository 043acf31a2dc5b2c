"""Pilot tests for the screens an item opens: comparisons, figure details, picker, source."""

from __future__ import annotations

from _pilot import footer_descriptions, pane_text, wait_until
from textual.widgets import OptionList

from briefing.tui import BriefingApp
from briefing.tui.screens.comparisons import ComparisonsScreen
from briefing.tui.screens.figure import FigureScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.pick_figures import PickFiguresScreen
from briefing.tui.screens.source import SourceScreen
from briefing.tui.widgets.comparison_chart import ComparisonChart
from briefing.tui.widgets.fact_list import FactList
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.prose import Prose


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


async def open_source(pilot) -> SourceScreen:
    """``s``, then the source view once it is open and has scrolled to its quote."""
    await pilot.press("s")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SourceScreen)
                     and pilot.app.screen.is_mounted)
    screen = pilot.app.screen
    assert isinstance(screen, SourceScreen) and screen.location is not None
    par = screen.query_one(f"#par-{screen.location.paragraph}", Prose)
    scroller = screen.query_one("#source-doc")

    def quote_in_view() -> bool:
        top = scroller.scroll_y
        return top <= par.virtual_region.y + 2 < top + scroller.scrollable_content_region.height

    await wait_until(pilot, quote_in_view)
    return screen


def test_source_view_highlights_the_quote_in_view(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        screen = await open_source(pilot)
        par = screen.query_one(f"#par-{screen.location.paragraph}", Prose)
        spans = [s for s in par.text.spans if "yellow" in str(s.style)]
        assert spans and par.text.plain[spans[0].start:spans[0].end] == (
            "目前建有率超84%")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))

    drive(BriefingApp(fixture_pack, start_id="talent-rd-units"), scenario, size=(60, 15))


def test_source_of_a_figure_scrolls_to_its_line(fixture_pack, drive):
    async def scenario(pilot):
        screen = await open_source(pilot)
        assert screen.source.quote == "力争规上工业研发机构建有率超90%"
        scroller = screen.query_one("#source-doc")
        assert scroller.scroll_y > 0  # the quote is far down a 15-line terminal

    drive(BriefingApp(fixture_pack, start_id="rd-unit-rate-target-2025"), scenario,
          size=(60, 15))


def test_language_toggle_on_the_comparisons_screen(app, drive):
    async def scenario(pilot):
        await pilot.press("f", "l")
        await wait_until(pilot, lambda: isinstance(app.screen, ComparisonsScreen)
                         and app.screen.query_one("#cmp-title", Prose).text.plain
                         == "科技型中小企业与高企")
        assert "关闭" in footer_descriptions(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: "2024年主要成绩" in pane_text(app))

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
