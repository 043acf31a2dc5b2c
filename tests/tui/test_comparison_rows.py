"""The comparisons screen acts on the row the reader is looking at (its chart has a cursor)."""

from __future__ import annotations

from _pilot import wait_until

from briefing.tui.app import BriefingApp
from briefing.tui.screens.comparisons import ComparisonsScreen
from briefing.tui.screens.figure import FigureScreen
from briefing.tui.screens.source import SourceScreen
from briefing.tui.widgets.comparison_chart import ComparisonChart


def test_s_shows_the_source_of_the_highlighted_row(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await wait_until(pilot, lambda: isinstance(app.screen, ComparisonsScreen), "comparisons")
        chart = app.screen.query_one(ComparisonChart)
        await pilot.press("tab")  # from the list of comparisons to the chart's rows
        await wait_until(pilot, lambda: chart.has_focus, "the chart focused")
        await pilot.press("down")
        await wait_until(pilot, lambda: chart.cursor == 1, "the second row")
        second = chart.highlighted
        assert second == chart.table.figures[1] and second != chart.table.figures[0]
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, SourceScreen), "the source view")
        assert app.screen.source == app.pack.figure(second).source
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ComparisonsScreen), "back")
        await pilot.press("enter")  # Enter on a row: that figure's details
        await wait_until(pilot, lambda: isinstance(app.screen, FigureScreen), "the details")
        assert app.screen.figure_id == second

    drive(BriefingApp(fixture_pack, start_id="cmp-hnte-progress"), scenario)


def test_a_click_on_a_chart_row_moves_the_cursor_there(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await wait_until(pilot, lambda: isinstance(app.screen, ComparisonsScreen), "comparisons")
        chart = app.screen.query_one(ComparisonChart)
        await wait_until(pilot, lambda: chart._layout is not None, "the chart drawn")
        row_top = chart._layout.row_top(1)
        await pilot.click(ComparisonChart, offset=(2, row_top))
        await wait_until(pilot, lambda: chart.cursor == 1 and chart.has_focus, "row 2 clicked")

    drive(BriefingApp(fixture_pack, start_id="cmp-ranks"), scenario)


def test_the_chart_keeps_its_row_when_the_language_changes(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        chart = app.screen.query_one(ComparisonChart)
        chart.focus()
        await pilot.press("down")
        await wait_until(pilot, lambda: chart.cursor == 1, "the second row")
        await pilot.press("l")
        await wait_until(pilot, lambda: chart.lang == "zh", "Chinese")
        assert chart.cursor == 1
        header = chart.render_line(0).text
        assert "实际" in header and "目标" in header

    drive(BriefingApp(fixture_pack, start_id="cmp-hnte-progress"), scenario)
