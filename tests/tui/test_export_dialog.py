"""The export dialog does what the keys say (issue 28, point 4): with the tree's cursor on
Pins ``e`` offers the pins first; the arrows choose as they move, so Down then Enter exports
what the dialog shows; en / zh / both; the toast names the full path."""

from __future__ import annotations

import pytest

from briefing.tui import BriefingApp
from briefing.tui.screens.export import ExportDialog
from briefing.tui.screens.main import MainScreen
from briefing.tui.widgets.choice import Choice
from briefing.userstate import PackState, StateStore
from tests.tui._pilot import read_in_pane
from tests.tui.test_workflow import last_notice, wait_for


@pytest.fixture
def store(tmp_path) -> StateStore:
    store = StateStore(tmp_path / "state")
    store.put("fixture", PackState(pins=["hntes-2024", "cmp-ranks"]))
    return store


@pytest.fixture
def out(tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def _path(dialog: ExportDialog) -> str:
    return dialog.query_one("#export-path").value


async def _open_dialog(pilot) -> ExportDialog:
    await pilot.press("e")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ExportDialog)
                   and pilot.app.screen.query_one("#export-what", Choice).has_focus)
    return pilot.app.screen


def test_e_on_the_trees_pins_offers_the_pins_and_enter_exports_them(fixture_pack, store,
                                                                     out, drive):
    async def scenario(pilot):
        app = pilot.app
        tree = app.main.tree
        await wait_for(pilot, lambda: tree._pins_node is not None and tree.has_focus)
        tree.move_cursor(tree._pins_node)
        await wait_for(pilot, lambda: tree.cursor_node is tree._pins_node)
        dialog = await _open_dialog(pilot)
        assert dialog.query_one("#export-what", Choice).value == "export-pins"
        assert _path(dialog) == "./brief.en.md"
        await pilot.press("enter")
        await wait_for(pilot, lambda: (out / "brief.en.md").exists())
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))
        assert f"{out / 'brief.en.md'}" in last_notice(app)  # the full path, not ./brief

    drive(BriefingApp(fixture_pack, store=store), scenario)
    assert "## Sources" in (out / "brief.en.md").read_text("utf-8")


def test_the_choice_follows_the_arrows_and_enter_exports_what_is_shown(fixture_pack, store,
                                                                        out, drive):
    """The item being read is a section: section first, Down chooses the pins, Up the
    section again; Enter exports the section shown, never the one before."""

    async def scenario(pilot):
        app = pilot.app
        await read_in_pane(pilot, "ach-enterprises")
        dialog = await _open_dialog(pilot)
        what = dialog.query_one("#export-what", Choice)
        assert [b.id for b in what.query("RadioButton")] == [
            "export-item", "export-section", "export-pins"]
        assert what.value == "export-item"
        assert _path(dialog) == "./ach-enterprises.en.md"
        await pilot.press("down")
        await wait_for(pilot, lambda: _path(dialog) == "./achievements.en.md")
        assert what.value == "export-section"
        await pilot.press("down")
        await wait_for(pilot, lambda: _path(dialog) == "./brief.en.md")
        await pilot.press("up")
        await wait_for(pilot, lambda: _path(dialog) == "./achievements.en.md")
        await pilot.press("enter")
        await wait_for(pilot, lambda: (out / "achievements.en.md").exists())
        await wait_for(pilot, lambda: str(out / "achievements.en.md") in last_notice(app))

    drive(BriefingApp(fixture_pack, store=store), scenario)
    assert sorted(p.name for p in out.iterdir()) == ["achievements.en.md"]


@pytest.mark.parametrize(("presses", "code", "langs"), [
    (1, "zh", ("zh",)),
    (2, "both", ("zh", "en")),
])
def test_the_language_choice_names_the_file_and_writes_that_language(
        fixture_pack, store, out, drive, presses, code, langs):
    async def scenario(pilot):
        await read_in_pane(pilot, "achievements")
        dialog = await _open_dialog(pilot)
        lang = dialog.query_one("#export-lang", Choice)
        assert lang.value == "export-en"  # the app's language first
        await pilot.press("tab")
        await wait_for(pilot, lambda: lang.has_focus)
        await pilot.press(*["down"] * presses)
        await wait_for(pilot, lambda: _path(dialog) == f"./achievements.{code}.md")
        await pilot.press("enter")
        await wait_for(pilot, lambda: (out / f"achievements.{code}.md").exists())

    drive(BriefingApp(fixture_pack, store=store), scenario)
    heading = (out / f"achievements.{code}.md").read_text("utf-8").splitlines()[0]
    title = fixture_pack.node("achievements").title
    assert heading.startswith("# ")
    assert [lang for lang in ("zh", "en") if title.get(lang) in heading] == list(langs)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_choice_reads_whole_at_80_columns(fixture_pack, store, out, drive, lang):
    """At 80x24 the language choice read "Both (Chinese, Englis…": each option's label is
    drawn whole, in either language."""
    from briefing.present.words import t
    from tests.tui._screen_text import screen_text

    async def scenario(pilot):
        await read_in_pane(pilot, "achievements")
        dialog = await _open_dialog(pilot)
        labels = [str(button.label) for button in dialog.query("RadioButton")]
        assert t("both_langs", lang) in labels
        await wait_for(pilot, lambda: all(label in screen_text(pilot.app) for label in labels))
        assert "…" not in "".join(line for line in screen_text(pilot.app).splitlines()
                                  if "▐" in line)

    drive(BriefingApp(fixture_pack, store=store, lang=lang), scenario, size=(80, 24))
