"""The all-figures view sorts by any column and filters, VisiData-style (issue 28, point 3);
``l`` keeps the cursor on the same figure in the main screen and in comparisons."""

from __future__ import annotations

from briefing.present import figure_sheet
from briefing.present.figure_sheet import SheetState
from briefing.tui import BriefingApp
from briefing.tui.screens.comparisons import ComparisonsScreen
from briefing.tui.widgets.comparison_chart import ComparisonChart
from briefing.tui.widgets.figure_sheet import FigureSheet, SheetFilter
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.section_tree import FIGURES_ID
from tests.tui.test_workflow import wait_for


# -- the sheet's rules, plain Python -----------------------------------------------------------
def test_values_sort_within_their_unit_and_periods_in_time(fixture_pack):
    rows = figure_sheet.rows(fixture_pack, "en", SheetState(sort="value"))
    figures = [fixture_pack.figure(r.figure_id) for r in rows]
    units = [f.unit for f in figures]
    assert units == sorted(units, key=units.index)  # each unit's figures together
    for unit in set(units):
        values = [f.value for f in figures if f.unit == unit]
        assert values == sorted(values)
    desc = figure_sheet.rows(fixture_pack, "en", SheetState(sort="period", descending=True))
    keys = [fixture_pack.figure(r.figure_id).period_key for r in desc]
    assert keys == sorted(keys, reverse=True)


def test_a_filter_word_looks_in_its_field_in_either_language(fixture_pack):
    figures = list(fixture_pack.figures())
    targets = {f.id for f in figures if f.kind == "target"}
    assert 0 < len(targets) < len(figures)
    for text in ("kind:target", "类型:目标", "KIND：Target"):
        rows = figure_sheet.rows(fixture_pack, "zh", SheetState(filter=text))
        assert {r.figure_id for r in rows} == targets, text
    section = fixture_pack.sections[0]
    in_section = {f.id for f in figures if fixture_pack.section_of(f.node_id) is section}
    word = section.title.en.split()[-1]
    rows = figure_sheet.rows(fixture_pack, "en", SheetState(filter=f"section:{word}"))
    assert {r.figure_id for r in rows} == in_section
    assert all(r.section == section.title.en for r in rows)
    both = figure_sheet.rows(fixture_pack, "en", SheetState(filter=f"kind:target section:{word}"))
    assert {r.figure_id for r in both} == targets & in_section


# -- the sheet in the app ----------------------------------------------------------------------
async def _open_sheet(pilot) -> FigureSheet:
    app = pilot.app
    app.open_id("figures")
    await wait_for(pilot, lambda: app.main.pane.node_id == FIGURES_ID)
    sheet = app.main.pane.query_one(FigureSheet)
    sheet.focus()
    await wait_for(pilot, lambda: sheet.has_focus and sheet.sheet)
    return sheet


def _periods(pack, sheet: FigureSheet) -> list[tuple[int, int]]:
    return [pack.figure(r.figure_id).period_key for r in sheet.rows]


def test_brackets_sort_by_the_column_under_the_cursor_and_keep_the_figure(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        sheet = await _open_sheet(pilot)
        await pilot.press("down", "down")
        figure = sheet.highlighted
        await pilot.press("right", "right")  # Figure -> Value -> Period
        await wait_for(pilot, lambda: sheet.column_key == "period")
        await pilot.press("right_square_bracket")  # descending
        await wait_for(pilot, lambda: _periods(fixture_pack, sheet)
                       == sorted(_periods(fixture_pack, sheet), reverse=True))
        assert sheet.highlighted == figure  # the cursor stayed on its figure
        assert sheet.columns[2].header.endswith("↓")
        assert app.main.pane.node_id == FIGURES_ID  # ] sorted, it did not go Forward
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: _periods(fixture_pack, sheet)
                       == sorted(_periods(fixture_pack, sheet)))
        assert sheet.columns[2].header.endswith("↑")
        await pilot.press("l")  # the sort holds in the other language, on the same figure
        await wait_for(pilot, lambda: sheet.columns[0].header == "指标")
        assert sheet.highlighted == figure and sheet.has_focus
        assert _periods(fixture_pack, sheet) == sorted(_periods(fixture_pack, sheet))

    drive(BriefingApp(fixture_pack), scenario, size=(140, 42))


def test_bar_filters_as_you_type_enter_keeps_it_escape_clears_it(fixture_pack, drive):
    total = len(list(fixture_pack.figures()))
    targets = sorted(f.id for f in fixture_pack.figures() if f.kind == "target")

    async def scenario(pilot):
        app = pilot.app
        sheet = await _open_sheet(pilot)
        await pilot.press("right", "right", "right")  # the Kind column
        await wait_for(pilot, lambda: sheet.column_key == "kind")
        await pilot.press("vertical_line")
        box = app.main.pane.query_one(SheetFilter)
        await wait_for(pilot, lambda: box.has_focus and box.value == "kind:")
        await pilot.press(*"target")
        await wait_for(pilot, lambda: sorted(r.figure_id for r in sheet.rows) == targets)
        title = str(app.main.pane.query_one("#figures-title").render())
        assert f"({len(targets)} / {total})" in title and "kind:target" in title
        await pilot.press("enter")  # kept: back on the rows, the filter shown above them
        await wait_for(pilot, lambda: sheet.has_focus)
        assert box.display and len(sheet.rows) == len(targets)
        await pilot.press("vertical_line", "escape")
        await wait_for(pilot, lambda: sheet.has_focus and len(sheet.rows) == total)
        assert not box.display

    drive(BriefingApp(fixture_pack), scenario, size=(140, 42))


def test_brackets_are_back_and_forward_in_a_sections_figure_table(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        app.open_id("achievements")
        await wait_for(pilot, lambda: app.main.pane.node_id == "achievements")
        app.open_id("hntes-2024")
        table = app.main.pane.query_one(FigureTable)
        await wait_for(pilot, lambda: table.has_focus and app.main.pane.node_id
                       == "ach-enterprises")
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: app.main.pane.node_id == "achievements")

    drive(BriefingApp(fixture_pack), scenario)


# -- l keeps the cursor ------------------------------------------------------------------------
def test_l_keeps_the_figure_cursor_and_focus_in_the_main_screen(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        app.open_id("tech-smes-2024")
        table = app.main.pane.query_one(FigureTable)
        await wait_for(pilot, lambda: table.has_focus and table.highlighted == "tech-smes-2024")
        await pilot.press("down")
        await wait_for(pilot, lambda: table.cursor == 1)
        figure = table.highlighted
        await pilot.press("l")
        await wait_for(pilot, lambda: app.lang == "zh" and table.columns[0].header == "指标")
        assert table.highlighted == figure and table.has_focus
        await pilot.press("l")
        await wait_for(pilot, lambda: app.lang == "en" and table.columns[0].header == "Figure")
        assert table.highlighted == figure

    drive(BriefingApp(fixture_pack), scenario)


def test_l_keeps_the_chart_row_in_comparisons(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        app.open_comparisons(comparison_id="cmp-hnte-progress")
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonsScreen)
                       and app.screen.focused is not None)
        chart = app.screen.query_one(ComparisonChart)
        chart.focus()
        await wait_for(pilot, lambda: chart.has_focus and chart.row_count > 1)
        await pilot.press("down")
        await wait_for(pilot, lambda: chart.cursor == 1)
        figure = chart.highlighted
        await pilot.press("l")
        await wait_for(pilot, lambda: app.lang == "zh" and chart.lang == "zh")
        assert chart.cursor == 1 and chart.highlighted == figure and chart.has_focus

    drive(BriefingApp(fixture_pack), scenario)
