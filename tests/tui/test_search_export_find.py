"""Pilot tests: search and the command palette, export to Markdown, find in the pane."""

from __future__ import annotations

import pytest
from _pilot import wait_until
from textual.widgets import Input, OptionList, Static

from briefing.export import to_markdown
from briefing.tui.screens.export import ExportDialog
from briefing.tui.screens.main import MainScreen
from briefing.tui.screens.search import SearchScreen
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.reading_pane import FIGURE_ROW


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


def test_search_lists_figure_values_and_says_what_it_counts(app, drive):
    """A figure hit shows its value beside its label; the status counts hits by kind."""
    from briefing.figures.formatting import figure_value

    async def scenario(pilot):
        await pilot.press("slash", *"R&D")
        screen = app.screen
        results = screen.query_one("#search-results", OptionList)
        status = screen.query_one("#search-status", Prose)
        await wait_until(pilot, lambda: results.option_count > 0, "the hits")
        hits = list(screen.hits.values())
        figure = next(h for h in hits if h.kind == "figure")
        option = results.get_option(figure.id)
        value = figure_value(app.pack, app.pack.figure(figure.id), "en")
        assert value in option.prompt.text.plain
        kinds = {h.kind for h in hits}
        words = {"figure": "figure", "item": "item", "section": "section",
                 "comparison": "comparison"}
        assert f"{len(hits)} hit" in status.text.plain  # "39 hits", or "first 40 hits"
        assert all(words[k] in status.text.plain for k in kinds)

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


def test_export_dialog_survives_paths_the_system_refuses(app, tmp_path, monkeypatch, drive):
    """Issue 26, item 7: a path component over 255 bytes typed into the dialog killed the app
    (so did ~nosuchuser/, through Path.expanduser); now each is a message in the dialog."""
    import os

    monkeypatch.chdir(tmp_path)
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    (tmp_path / "null").symlink_to("/dev/null")
    paths = {str(tmp_path / ("x" * 300)): "too long",
             str(tmp_path / "loop" / "x.md"): "symbolic links",
             "~nosuchuser-briefing/x.md": "does not exist",
             str(tmp_path / "null"): "not a regular file",
             f"{tmp_path}/nowhere/": "does not exist"}

    async def scenario(pilot):
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "dialog")
        message = app.screen.query_one("#export-message", Prose)
        for path, words in paths.items():
            app.screen.query_one(Input).value = path
            await pilot.press("enter")
            await wait_until(pilot, lambda words=words: words in message.text.plain, words)
            assert isinstance(app.screen, ExportDialog) and app.is_running
        assert not (tmp_path / "nowhere").exists()

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


@pytest.mark.parametrize(("name", "starts"), [("brief.html", b"<!DOCTYPE html>"),
                                              ("brief.docx", b"PK")])
def test_export_picks_html_or_word_by_the_file_name(app, tmp_path, monkeypatch, drive, name,
                                                    starts):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / name

    async def scenario(pilot):
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog))
        app.screen.query_one(Input).value = f"./{name}"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MainScreen) and target.exists())

    drive(app, scenario)
    assert target.read_bytes().startswith(starts)


def test_search_prompts_fit_their_width_and_keep_values_whole():
    """A figure's value sits between its label and its id; the prompt still breaks within the
    list's width (a CJK value counts two cells a character) and never inside the value."""
    import io
    import re

    from rich.cells import cell_len
    from rich.console import Console

    from briefing.pack import bundled_pack_dir, load_pack
    from briefing.search import SearchEngine
    from briefing.tui.screens.search import _prompt

    pack = load_pack(bundled_pack_dir())
    engine = SearchEngine(pack)
    for query, lang in (("顶尖人才", "zh"), ("R&D", "en"), ("研发", "zh")):
        for hit in [h for h in engine.search(query, limit=40) if h.value is not None][:8]:
            value = hit.value.get(lang)
            for width in range(max(40, len(hit.id) + 2), 90, 3):
                console = Console(width=width, file=io.StringIO(), record=True)
                console.print(_prompt(hit, lang))
                lines = [line.rstrip() for line in console.export_text().splitlines()]
                assert all(cell_len(line) <= width for line in lines), (hit.id, width)
                # its one-cell runs ("about 4.15%", the "10%" of "增幅10%") are never broken
                for run in re.findall(r"[\x20-\x7e]+", value):
                    assert any(run.strip() in line for line in lines), (hit.id, width, lines)
