"""The app over a library (Pilot): the tree lists the briefings and opens any of them, search,
go-to and the palette reach briefings not opened yet, pins and resume work across briefings,
and a brief of pins cites every briefing in one Sources list. Each test waits for the state
it checks, never a fixed time."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from textual.widgets import Input, OptionList

from briefing.library import open_library
from briefing.library.view import LibraryView
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.search import SearchScreen
from briefing.userstate import StateStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tui"))
from _pilot import wait_until


def make_app(library_dir, store=None, start_id=None):
    from briefing.tui import BriefingApp

    view = LibraryView(open_library(library_dir))
    return BriefingApp(view.pack, view=view, store=store, start_id=start_id), view


def drive(app, scenario, size=(130, 36)):
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await wait_until(pilot, lambda: app.main.pane.node_id is not None, "first frame")
            await scenario(pilot)

    asyncio.run(main())


async def searched(pilot, app, query: str) -> tuple[OptionList, list[str]]:
    """``/``, ``query`` typed: the result list and the ids it shows, once it shows some."""
    await pilot.press("slash")
    await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
    await pilot.press(*query)
    results = app.screen.query_one("#search-results", OptionList)
    await wait_until(pilot, lambda: results.option_count > 0, "hits")
    return results, [results.get_option_at_index(i).id for i in range(results.option_count)]


def test_the_tree_lists_every_briefing_and_loads_only_the_first(library_dir):
    app, view = make_app(library_dir)

    async def scenario(pilot):
        tree = app.main.tree
        lines = [str(n.label) for n in tree.root.children]
        assert lines[:6] == [
            "Daibei Province: 2025 government work report  2025-01-22 · 1 doc · EN 100%",
            "Daibei Province: 2026 government work report  2026-01-23 · 1 doc · EN 100%",
            "Lanjiang Province: 2025 government work report  2025-01-15 · 1 doc · EN 100%",
            "Lanjiang Province: 2026 government work report  2026-01-20 · 1 doc · EN 100%",
            "Nanyu Province: 2025 government work report  2025-01-18 · 1 doc · EN 100%",
            "[zh] 南屿省2026年政府工作报告简报  2026-01-19 · 1 doc · EN 0%"]
        assert view.loaded() == ["daibei-2025"]
        assert app.main.pane.node_id == "daibei-2025"

    drive(app, scenario)


def test_opening_a_briefing_in_the_tree_loads_it(library_dir):
    app, view = make_app(library_dir)

    async def scenario(pilot):
        tree = app.main.tree
        tree.focus()
        lanjiang = next(n for n in tree.root.children if n.data == "lanjiang-2026")
        tree.move_cursor(lanjiang)
        await wait_until(pilot, lambda: tree.cursor_node is lanjiang)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "lanjiang-2026" in view.loaded(), "the briefing loads")
        await wait_until(pilot, lambda: [c.data for c in lanjiang.children][:1]
                         == ["lanjiang-2026:review-2025"], "its sections in the tree")
        assert app.main.pane.node_id == "lanjiang-2026"
        assert app.pack.has_figure("lanjiang-2026:gdp-growth-target-2026")

    drive(app, scenario)


def test_search_reaches_a_briefing_not_opened_and_opens_it(library_dir):
    app, view = make_app(library_dir)

    async def scenario(pilot):
        results, ids = await searched(pilot, app, "海洋生产总值")
        assert "nanyu-2026:target-percent-2026-5" in ids  # each hit names its briefing
        assert "nanyu-2026" not in view.loaded()
        results.highlighted = ids.index("nanyu-2026:target-percent-2026-5")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.main.pane.node_id == "nanyu-2026:targets-2026",
                         "the hit's item")
        assert "nanyu-2026" in view.loaded()
        assert app.main.pane.highlighted_figure == "nanyu-2026:target-percent-2026-5"

    drive(app, scenario)


def test_goto_takes_a_qualified_id_of_any_briefing(library_dir):
    app, view = make_app(library_dir)

    async def scenario(pilot):
        await pilot.press("g")
        await wait_until(pilot, lambda: app.screen.query("#goto-input"))
        app.screen.query_one("#goto-input", Input).value = "lanjiang-2025:task-innovation-2025"
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.main.pane.node_id
                         == "lanjiang-2025:task-innovation-2025", "the item")
        assert view.loaded() == ["daibei-2025", "lanjiang-2025"]

    drive(app, scenario)


def test_the_palette_reaches_every_briefing(library_dir):
    app, _ = make_app(library_dir)

    async def scenario(pilot):
        from textual.command import CommandList

        await pilot.press("ctrl+p")
        await pilot.press(*"城镇调查失业率")

        def shown() -> list[str]:
            lists = app.screen.query(CommandList)
            if not lists:
                return []
            found = lists.first()
            return [found.get_option_at_index(i).hit.text for i in range(found.option_count)]

        await wait_until(pilot, lambda: any(s.startswith("nanyu-2026:") for s in shown()),
                         "a hit of a briefing not opened")
        assert {s.split(":")[0] for s in shown() if ":" in s} >= {"daibei-2026",
                                                                  "lanjiang-2025"}

    drive(app, scenario)


def test_pins_and_resume_across_briefings(library_dir, tmp_path):
    store = StateStore(tmp_path / "state")
    app, _ = make_app(library_dir, store=store)

    async def pin_two(pilot):
        for figure in ("lanjiang-2026:gdp-growth-target-2026", "daibei-2026:growth-target-2026"):
            app.open_id(figure)
            await wait_until(pilot, lambda f=figure: app.main.pane.highlighted_figure == f,
                             figure)
            app.toggle_pin(figure)
        await wait_until(pilot, lambda: app.session.pins == [
            "lanjiang-2026:gdp-growth-target-2026", "daibei-2026:growth-target-2026"])
        await app.action_quit()

    drive(app, pin_two)
    again, view = make_app(library_dir, store=StateStore(tmp_path / "state"))

    async def resumed(pilot):
        assert again.main.pane.node_id == "daibei-2026:targets-2026"  # where it was left
        assert set(view.loaded()) == {"lanjiang-2026", "daibei-2026"}  # what the pins need
        assert again.session.pins == ["lanjiang-2026:gdp-growth-target-2026",
                                      "daibei-2026:growth-target-2026"]
        from briefing.export.brief import brief_markdown

        brief = brief_markdown(again.pack, again.session.pins, "en")
        assert brief.count("## Sources") == 1
        assert "“地区生产总值增长5%左右”" in brief
        assert "“今年全省经济增长预期目标为4.5%—5%”" in brief

    drive(again, resumed)


def test_a_library_comparison_opens_with_its_briefings(library_dir):
    app, view = make_app(library_dir)

    async def scenario(pilot):
        assert app.resolve("gdp-growth-targets-2026") == "gdp-growth-targets-2026"
        assert set(view.loaded()) >= {"lanjiang-2026", "daibei-2026", "nanyu-2026"}
        app.open_id("gdp-growth-targets-2026")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "ComparisonsScreen")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen))

    drive(app, scenario)


def test_search_takes_facets_as_words(library_dir):
    app, view = make_app(library_dir)

    async def scenario(pilot):
        _, ids = await searched(pilot, app, "kind:target period:2026 增长")
        assert "nanyu-2026:target-percent-2026" in ids
        assert all(app.figure_of(i).kind == "target" and app.figure_of(i).period == "2026"
                   for i in ids)
        assert "nanyu-2026" not in view.loaded()  # read for the facets, not opened

    drive(app, scenario)
