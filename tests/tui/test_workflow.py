"""The analyst's workflow in the app: resume, pins, copy with citation, bilingual reading."""

from __future__ import annotations

import pytest
from _pilot import saved
from textual.widgets import OptionList, RadioButton

from briefing.export.quoting import quoted
from briefing.tui import BriefingApp
from briefing.tui.screens.comparisons import ComparisonsScreen
from briefing.tui.screens.export import ExportDialog
from briefing.tui.screens.source import SourceScreen
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.section_tree import PINS_ID, SectionTree
from briefing.userstate import PackState


async def wait_for(pilot, condition, what: str = "condition") -> None:
    """Let the app process messages until ``condition()`` holds (never a fixed sleep)."""
    await pilot.app.workers.wait_for_complete()
    for _ in range(200):
        if condition():
            return
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    raise AssertionError(f"timed out waiting for {what}")


def last_notice(app) -> str:
    notices = list(app._notifications)
    return notices[-1].message if notices else ""


def pin_leaves(app) -> list[str]:
    tree = app.main.tree
    return [leaf.data for leaf in tree._pins_node.children]


# -- resume ------------------------------------------------------------------------------------
def test_reopening_restores_item_language_tree_and_scroll(fixture_pack, store, drive):
    async def first_visit(pilot):
        app = pilot.app
        app.open_id("ach-enterprises")
        await wait_for(pilot, lambda: app.main.pane.node_id == "ach-enterprises")
        await pilot.press("l")
        await wait_for(pilot, lambda: app.lang == "zh")
        tree = app.main.tree
        tree._by_id["action-plans"].collapse()
        tree._by_id["talent-services"].collapse()
        await pilot.press("t")
        app.main.pane.scroll_to(y=3, animate=False, immediate=True)
        await wait_for(pilot, lambda: app.main.pane.scroll_y == 3, "scrolled")
        await pilot.press("q")

    drive(BriefingApp(fixture_pack, store=store), first_visit, size=(100, 14))
    state = saved(store)
    assert (state.open_id, state.lang, state.tree_hidden, state.scroll) == (
        "ach-enterprises", "zh", True, 3.0)
    assert PINS_ID in state.expanded and "weaknesses" in state.expanded
    assert "talent-services" not in state.expanded and "action-plans" not in state.expanded

    async def second_visit(pilot):
        app = pilot.app
        assert app.lang == "zh" and app.main.pane.node_id == "ach-enterprises"
        assert app.title == fixture_pack.title.zh
        assert not app.main.tree.display
        tree = app.main.tree
        assert not tree._by_id["action-plans"].is_expanded
        assert tree._pins_node.is_expanded and tree._by_id["weaknesses"].is_expanded
        assert not tree._by_id["talent-services"].is_expanded
        await wait_for(pilot, lambda: app.main.pane.scroll_y == 3, "scroll restored")

    drive(BriefingApp(fixture_pack, store=store), second_visit, size=(100, 14))


def test_command_line_id_and_lang_win_over_saved_state(fixture_pack, store, drive):
    store.put("fixture", PackState(open_id="ach-enterprises", lang="zh", scroll=5))

    async def scenario(pilot):
        app = pilot.app
        assert app.lang == "en" and app.main.pane.node_id == "weaknesses"
        await wait_for(pilot, lambda: saved(store).open_id == "weaknesses")
        assert saved(store).scroll == 0

    drive(BriefingApp(fixture_pack, lang="en", start_id="weaknesses", store=store), scenario)


def test_back_restores_the_scroll_position_it_left(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        pane = app.main.pane
        pane.scroll_to(y=4, animate=False, immediate=True)
        await wait_for(pilot, lambda: pane.scroll_y == 4, "scrolled")
        app.open_id("weaknesses")
        await wait_for(pilot, lambda: pane.node_id == "weaknesses" and pane.scroll_y == 0)
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: pane.node_id == "achievements" and pane.scroll_y == 4,
                       "scroll restored by Back")

    drive(BriefingApp(fixture_pack), scenario, size=(100, 14))


def test_hostile_state_file_is_a_notice_and_unknown_pins_are_set_aside(fixture_pack, store,
                                                                         drive):
    store.put("fixture", PackState(open_id="gone-item", pins=["hntes-2024", "gone-fig"],
                                    expanded=["gone", 5]))  # type: ignore[list-item]

    async def scenario(pilot):
        app = pilot.app
        assert app.main.pane.node_id == "achievements"  # the saved item is gone: default
        assert pin_leaves(app) == ["hntes-2024"]
        messages = [n.message for n in app._notifications]
        assert any("kept aside: gone-fig" in m for m in messages)
        assert any("ignored unreadable expanded" in m for m in messages)

    drive(BriefingApp(fixture_pack, store=store), scenario)
    assert saved(store).set_aside == ["gone-fig"]  # kept in the file, not dropped

    store.path.write_bytes(b"\xff\xfe garbage")

    async def corrupt(pilot):
        assert any("not UTF-8" in n.message for n in pilot.app._notifications)
        assert pilot.app.main.pane.node_id == "achievements"

    drive(BriefingApp(fixture_pack, store=store), corrupt)


# -- pins --------------------------------------------------------------------------------------
def test_p_pins_figures_items_and_comparisons_and_the_tree_lists_them(fixture_pack, store,
                                                                       drive):
    async def scenario(pilot):
        app = pilot.app
        table = app.main.pane.query_one("#figures", FigureTable)
        table.focus()
        await pilot.press("down", "p")  # the second figure of the section
        await wait_for(pilot, lambda: pin_leaves(app) == ["tech-smes-rank-2024"])
        app.main.pane.focus()
        await pilot.press("p")  # the open section
        comparisons = app.main.pane.query_one("#comparisons", OptionList)
        comparisons.focus()
        await pilot.press("p")  # the list starts on its first comparison
        first = comparisons.get_option_at_index(0).id
        await wait_for(pilot, lambda: len(pin_leaves(app)) == 3)
        assert pin_leaves(app) == ["tech-smes-rank-2024", "achievements", first]
        assert saved(store).pins == pin_leaves(app)
        await pilot.press("f")  # the comparisons screen pins its selection
        await wait_for(pilot, lambda: isinstance(app.screen, ComparisonsScreen))
        await pilot.press("p")
        await wait_for(pilot, lambda: first not in pin_leaves(app), "unpinned")
        assert "Unpinned" in last_notice(app)

    drive(BriefingApp(fixture_pack, store=store), scenario)


def test_pins_reorder_and_remove_in_the_tree(fixture_pack, store, drive):
    store.put("fixture", PackState(pins=["weaknesses", "hntes-2024", "cmp-ranks"]))

    async def scenario(pilot):
        app = pilot.app
        tree = app.query_one(SectionTree)
        tree.focus()
        tree.move_cursor(tree._pins_node.children[2])
        await pilot.press("K")
        await wait_for(pilot, lambda: pin_leaves(app) == ["weaknesses", "cmp-ranks",
                                                          "hntes-2024"])
        assert tree.cursor_node.data == "cmp-ranks"
        await pilot.press("ctrl+up")
        await wait_for(pilot, lambda: pin_leaves(app)[0] == "cmp-ranks")
        await pilot.press("delete")
        await wait_for(pilot, lambda: pin_leaves(app) == ["weaknesses", "hntes-2024"])
        assert saved(store).pins == ["weaknesses", "hntes-2024"]
        tree.move_cursor(tree._pins_node.children[1])
        await pilot.press("enter")  # a pinned figure opens its item, cursor on it
        await wait_for(pilot, lambda: app.main.pane.highlighted_figure == "hntes-2024")
        assert tree._pins_node.data == PINS_ID

    drive(BriefingApp(fixture_pack, store=store), scenario)


def test_export_dialog_offers_this_section_or_my_pins(fixture_pack, store, drive, tmp_path,
                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)
    store.put("fixture", PackState(pins=["hntes-2024", "cmp-ranks"]))

    async def scenario(pilot):
        app = pilot.app
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportDialog))
        dialog = app.screen
        assert dialog.query_one("#export-path").value == "./achievements.en.md"
        dialog.query_one("#export-pins", RadioButton).value = True
        await wait_for(pilot, lambda: dialog.query_one("#export-path").value
                       == "./brief.en.md")
        await pilot.click("#export-go")
        await wait_for(pilot, lambda: (tmp_path / "brief.en.md").exists())

    drive(BriefingApp(fixture_pack, store=store), scenario)
    brief = (tmp_path / "brief.en.md").read_text(encoding="utf-8")
    assert brief.index("High-tech enterprises") < brief.index("| ---")
    assert "## Sources" in brief


# -- copy --------------------------------------------------------------------------------------
def test_y_copies_a_figure_with_its_citation(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        app.open_id("hntes-2024")
        await wait_for(pilot, lambda: app.main.pane.highlighted_figure == "hntes-2024")
        await pilot.press("y")
        await wait_for(pilot, lambda: app.clipboard != "")
        line = app.clipboard
        assert "\n" not in line
        quote = "国家高新技术企业1.74万家、全国第四"
        for part in ("17,400", "High-tech enterprises", "2024", quote, "review"):
            assert part.lower() in line.lower(), part
        assert "Copied" in last_notice(app)
        await pilot.press("l")
        await wait_for(pilot, lambda: app.lang == "zh")
        app.main.pane.focus_figure("hntes-2024")
        await wait_for(pilot, lambda: app.main.pane.highlighted_figure == "hntes-2024")
        await pilot.press("y")
        await wait_for(pilot, lambda: app.clipboard.startswith("**1.74万家**"))

    drive(BriefingApp(fixture_pack), scenario)


def test_y_copies_a_comparison_as_a_table_and_the_source_quote(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        app.main.pane.query_one("#comparisons", OptionList).focus()
        await pilot.press("down", "y")
        await wait_for(pilot, lambda: "| ---" in app.clipboard)
        assert app.clipboard.count("\n") >= 3
        comparison = next(c for c in app.pack.comparisons
                          if c.title.en.split(":")[0] in app.clipboard)
        for figure_id in comparison.figure_ids():  # each row's quote, and its document
            source = app.pack.figure(figure_id).source
            assert quoted(source.quote) in app.clipboard
            assert app.pack.document(source.doc).title.en in app.clipboard
        app.open_source("hntes-2024")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen)
                       and app.screen.query("#source-doc"))
        await pilot.press("y")  # the quote, with the document it is from
        await wait_for(pilot, lambda: app.clipboard.startswith(
            "“国家高新技术企业1.74万家、全国第四” — "))
        doc = app.pack.document(app.pack.figure("hntes-2024").source.doc)
        assert doc.publisher.en in app.clipboard and doc.date in app.clipboard

    drive(BriefingApp(fixture_pack), scenario)


def test_copy_says_when_the_terminal_cannot_receive_it(fixture_pack, drive, monkeypatch):
    from briefing.tui import clipboard

    monkeypatch.setattr(clipboard, "osc52_blocker", lambda: "macOS Terminal ignores OSC 52")

    async def scenario(pilot):
        app = pilot.app
        app.open_id("hntes-2024")
        await wait_for(pilot, lambda: app.main.pane.highlighted_figure == "hntes-2024")
        await pilot.press("y")
        await wait_for(pilot, lambda: "cannot receive" in last_notice(app))
        assert "17,400" in last_notice(app)  # the text is shown instead

    drive(BriefingApp(fixture_pack), scenario)


def test_clipboard_blockers():
    from briefing.tui.clipboard import blocker_for

    assert blocker_for({"TERM_PROGRAM": "Apple_Terminal"}, lambda: None)
    assert blocker_for({"TERM": "linux"}, lambda: None)
    assert blocker_for({"TMUX": "/tmp/x", "TERM": "screen"}, lambda: "off")
    assert blocker_for({"TMUX": "/tmp/x", "TERM": "screen"}, lambda: "external") is None
    assert blocker_for({"TERM": "xterm-256color"}, lambda: "off") is None


# -- bilingual ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_b_shows_each_paragraph_in_both_languages(fixture_pack, drive, lang):
    async def scenario(pilot):
        app = pilot.app
        pane = app.main.pane
        await pilot.press("b")
        await wait_for(pilot, lambda: pane.query(".bipar"))
        pair = pane.query(".bipar").first()
        halves = [p.text.plain for p in pair.query(Prose)]
        assert "2024年" in halves[0] and "achievements" in halves[1]  # Chinese, then English
        assert pane.has_class("-side-by-side")
        assert pair.styles.layout.name == "horizontal"
        table = pane.query_one("#figures", FigureTable)
        label = table.rows[0].label
        assert "国家科技型中小企业" in label and "tech" in label.lower()
        # find-in-pane still searches the UI language
        assert pane.find("Suzhou" if lang == "en" else "全市") > 0
        await pilot.resize_terminal(70, 30)
        await wait_for(pilot, lambda: not pane.has_class("-side-by-side"), "stacked")
        assert pane.query(".bipar").first().styles.layout.name == "vertical"
        await pilot.press("b")
        await wait_for(pilot, lambda: not pane.query(".bipar"))

    drive(BriefingApp(fixture_pack, lang=lang), scenario, size=(150, 30))


def test_source_view_shows_the_english_of_the_quoted_item(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        app.open_source("hntes-2024")
        await wait_for(pilot, lambda: app.screen.query("#source-english"))
        english = app.screen.query_one("#source-english", Prose).text.plain
        assert "High-tech enterprises" in english and "17,400" in english

    drive(BriefingApp(fixture_pack), scenario)


def test_figure_detail_view_pins_and_copies(fixture_pack, store, drive):
    from briefing.tui.screens.figure import FigureScreen

    async def scenario(pilot):
        app = pilot.app
        app.open_figure("hntes-2024")
        await wait_for(pilot, lambda: isinstance(app.screen, FigureScreen)
                       and app.screen.query("#figure-view"))
        await pilot.press("p")
        await wait_for(pilot, lambda: pin_leaves(app) == ["hntes-2024"])
        await pilot.press("y")
        await wait_for(pilot, lambda: "国家高新技术企业1.74万家、全国第四" in app.clipboard)
        await pilot.press("p")
        await wait_for(pilot, lambda: pin_leaves(app) == [])
        assert saved(store).pins == []

    drive(BriefingApp(fixture_pack, store=store), scenario)
