"""Focus is always visible and keys act on what is visible (issue 28): a focused pane is
marked; ``p``, ``y``, ``f``, ``s`` act on the focused row when it shows, else on the item being
read; ``f`` on a figure in no comparison offers figures of its unit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import SelectionList

from briefing.present import panes
from briefing.tui import BriefingApp
from briefing.tui.screens.comparisons import ComparisonsScreen
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.pick_figures import PickFiguresScreen
from briefing.tui.screens.source import SourceScreen
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.reading_pane import ReadingPane
from briefing.tui.widgets.section_tree import SectionTree
from briefing.tui.widgets.visibility import in_view
from briefing.userstate import PackState, StateStore
from tests.tui._pilot import read_in_pane
from tests.tui.test_workflow import last_notice, wait_for


@pytest.fixture
def store(tmp_path) -> StateStore:
    return StateStore(tmp_path / "state")


def row_shows(table: FigureTable) -> bool:
    span = table.cursor_span()
    return span is not None and in_view(table, *span)


def _left_edge(widget) -> tuple:
    """What the focus mark changes: the pane's left border (type and colour)."""
    return widget.styles.border_left


def test_tab_from_the_tree_marks_the_pane_and_f_acts_on_the_item_read(fixture_pack, drive):
    node = fixture_pack.node("ach-enterprises")

    async def scenario(pilot):
        app = pilot.app
        app.open_id("ach-enterprises")
        await wait_for(pilot, lambda: app.main.pane.node_id == "ach-enterprises")
        app.main.tree.focus()
        await wait_for(pilot, lambda: app.main.tree.has_focus)
        pane = app.main.pane
        unfocused = _left_edge(pane)
        await pilot.press("tab")
        await wait_for(pilot, lambda: pane.has_focus, "the pane focused")
        assert _left_edge(pane) != unfocused  # a visible mark: the bar on its left
        assert _left_edge(pane)[0] != "blank"
        await pilot.press("f")  # on the item being read: the comparisons it takes part in
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonsScreen))
        assert app.screen.ids == panes.comparisons_in(fixture_pack, node)

    drive(BriefingApp(fixture_pack), scenario)


def test_after_go_to_p_pins_the_item_read_not_a_row_out_of_sight(fixture_pack, drive):
    """The figure table had the focus; ``g`` opens another item whose table is below the
    screen: the pane takes the focus and ``p`` pins what is read."""

    async def scenario(pilot):
        app = pilot.app
        app.open_id("hntes-2024")  # the figure table has the focus, on that row
        await wait_for(pilot, lambda: isinstance(app.screen.focused, FigureTable))
        await pilot.press("g", *"plan-enterprises", "enter")
        await wait_for(pilot, lambda: app.main.pane.node_id == "plan-enterprises")
        await wait_for(pilot, lambda: app.main.pane.has_focus, "the pane focused")
        await pilot.press("p")
        await wait_for(pilot, lambda: app.session.pins == ["plan-enterprises"])

    drive(BriefingApp(fixture_pack), scenario, size=(100, 14))


def test_a_focused_table_row_scrolled_out_of_sight_is_not_what_p_pins(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        app.open_id("tech-smes-2024")
        table = app.main.pane.query_one(FigureTable)
        await wait_for(pilot, lambda: table.has_focus and row_shows(table))
        await pilot.press("p")  # the row shows: the figure
        await wait_for(pilot, lambda: app.session.pins == ["tech-smes-2024"])
        app.main.pane.scroll_home(animate=False, immediate=True)
        await wait_for(pilot, lambda: not row_shows(table))
        await pilot.press("p")  # the row is out of sight: the item being read
        await wait_for(pilot, lambda: app.session.pins == ["tech-smes-2024",
                                                            "ach-enterprises"])

    drive(BriefingApp(fixture_pack), scenario, size=(100, 12))


def test_resuming_with_the_tree_hidden_focuses_the_pane(fixture_pack, store, drive):
    store.put("fixture", PackState(open_id="ach-enterprises", tree_hidden=True))

    async def scenario(pilot):
        app = pilot.app
        await wait_for(pilot, lambda: app.main.pane.node_id == "ach-enterprises")
        assert not app.query_one(SectionTree).display
        await wait_for(pilot, lambda: isinstance(app.screen.focused, ReadingPane))

    drive(BriefingApp(fixture_pack, store=store), scenario)


def test_s_and_y_on_the_item_read_when_no_row_is_focused(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        await read_in_pane(pilot, "ach-enterprises")
        await pilot.press("y")
        await wait_for(pilot, lambda: app.clipboard.startswith("**Stronger enterprises**"))
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen))

    drive(BriefingApp(fixture_pack), scenario)


# -- f on a figure in no comparison --------------------------------------------------------------
@pytest.fixture
def uncompared_pack(fixture_pack):
    """The fixture without its R&D-unit timeline: those three percent figures are in none."""
    kept = tuple(c for c in fixture_pack.comparisons if c.id != "cmp-rd-unit-timeline")
    return replace(fixture_pack, comparisons=kept, _nodes={}, _figures={})


def test_f_on_a_figure_in_no_comparison_offers_figures_of_its_unit(uncompared_pack, drive):
    pack = uncompared_pack

    async def scenario(pilot):
        app = pilot.app
        app.open_id("rd-unit-rate-2024")
        await wait_for(pilot, lambda: isinstance(app.screen.focused, FigureTable))
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, PickFiguresScreen))
        picker = app.screen
        listed = picker.query_one(SelectionList)
        ids = [listed.get_option_at_index(i).value for i in range(listed.option_count)]
        assert sorted(ids) == sorted(f.id for f in pack.figures() if f.unit == "percent")
        assert listed.selected == ["rd-unit-rate-2024"]
        await pilot.press("escape")  # nothing picked: back where f was pressed
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, PickFiguresScreen))
        app.screen.query_one(SelectionList).select("rd-unit-rate-2025-07")
        await pilot.click("#pick-go")
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonsScreen))
        screen = app.screen
        assert screen.shown_id == "adhoc:rd-unit-rate-2024,rd-unit-rate-2025-07"

    drive(BriefingApp(pack), scenario)


def test_an_adhoc_comparison_pins_copies_exports_and_reopens(fixture_pack, store, drive,
                                                             tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    adhoc = "adhoc:hntes-2024,hntes-target-2025"

    async def scenario(pilot):
        app = pilot.app
        app.open_comparisons()
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonsScreen)
                       and app.screen.focused is not None)  # mounted: the list focused
        screen = app.screen
        screen._picked(["hntes-2024", "hntes-target-2025"])
        await wait_for(pilot, lambda: screen.shown_id == adhoc)
        await pilot.press("p")
        await wait_for(pilot, lambda: app.session.pins == [adhoc])
        assert "Ad-hoc comparison" in last_notice(app)
        await pilot.press("y")
        await wait_for(pilot, lambda: "High-tech enterprises" in app.clipboard)
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ExportDialog")
        await pilot.press("enter")
        await wait_for(pilot, lambda: (tmp_path / "adhoc-hntes-2024-hntes-target-2025.en.md")
                       .exists())
        await wait_for(pilot, lambda: str(tmp_path) in last_notice(app))  # the full path
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        tree = app.main.tree
        await wait_for(pilot, lambda: [n.data for n in tree._pins_node.children] == [adhoc])
        tree.focus()
        tree.move_cursor(tree._pins_node.children[0])
        await pilot.press("enter")  # a pinned ad-hoc comparison opens again
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonsScreen)
                       and app.screen.shown_id == adhoc)

    drive(BriefingApp(fixture_pack, store=store), scenario)
    exported = (tmp_path / "adhoc-hntes-2024-hntes-target-2025.en.md").read_text("utf-8")
    assert exported.startswith("# Ad-hoc comparison: High-tech enterprises")
    assert StateStore(store.directory).load("fixture").pins == [adhoc]
