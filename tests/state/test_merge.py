"""State merged, never overwritten (issue 26, items 1, 2 and 15): writers send changes that
are applied to the file as it is when they write; limits refuse loudly instead of dropping;
a damaged file is always kept aside before it is replaced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.tui.session import Session
from briefing.userstate import (
    MAX_PACKS,
    MAX_PINS,
    STATE_FILE,
    LimitReached,
    PackState,
    StateStore,
    changes,
)

FIXTURE = Path(__file__).parent.parent / "tui" / "fixture" / "content"
runner = CliRunner()


def cli_pin(state_dir: Path, *args: str):
    result = runner.invoke(app, ["--content", str(FIXTURE), *args],
                           env={"BRIEFING_STATE_DIR": str(state_dir)})
    assert "Traceback" not in result.output
    return result


@pytest.fixture(autouse=True)
def _clean(fresh_cli_state):
    """A clean CLI state and cache per test (see tests/conftest.py)."""


def test_a_session_keeps_pins_made_elsewhere(fixture_pack, tmp_path):
    """Item 1: the app wrote back its copy of the pins on every navigation."""
    app_session = Session(fixture_pack, StateStore(tmp_path))
    app_session.toggle_pin("hntes-2024")
    assert cli_pin(tmp_path, "pin", "tech-smes-2024").exit_code == 0
    news: list[tuple[list[str], list[str]]] = []
    app_session.on_pins_changed = lambda added, removed: news.append((added, removed))
    app_session.remember(open_id="weaknesses", scroll=0.0)  # a navigation in the app
    assert StateStore(tmp_path).load("fixture").pins == ["hntes-2024", "tech-smes-2024"]
    assert app_session.pins == ["hntes-2024", "tech-smes-2024"]  # and the app sees it
    assert news == [(["tech-smes-2024"], [])]
    app_session.toggle_pin("hntes-2024")  # an unpin from a stale copy keeps the other pin
    assert StateStore(tmp_path).load("fixture").pins == ["tech-smes-2024"]


def test_two_tabs_merge_their_pins(fixture_pack, tmp_path):
    tab_a, tab_b = (Session(fixture_pack, StateStore(tmp_path)) for _ in range(2))
    tab_a.toggle_pin("cmp-ranks")
    tab_b.remember(open_id="achievements")
    tab_b.toggle_pin("weaknesses")
    tab_a.move_pin("weaknesses", -1)  # a pin tab A never saw is moved where the file has it
    assert StateStore(tmp_path).load("fixture").pins == ["weaknesses", "cmp-ranks"]
    assert StateStore(tmp_path).load("fixture").open_id == "achievements"


def test_a_tree_width_set_in_one_tab_keeps_pins_made_in_another(fixture_pack, tmp_path):
    tab_a, tab_b = (Session(fixture_pack, StateStore(tmp_path)) for _ in range(2))
    tab_b.toggle_pin("weaknesses")
    tab_a.remember(tree_width=40, tree_hidden=False)  # a stale copy of the pins
    saved = StateStore(tmp_path).load("fixture")
    assert saved.tree_width == 40 and saved.pins == ["weaknesses"]


def test_refresh_picks_up_pins_without_writing(fixture_pack, tmp_path):
    session = Session(fixture_pack, StateStore(tmp_path))
    assert not session.refresh()
    StateStore(tmp_path).update("fixture", changes.pin("hntes-2024"))
    assert session.refresh() and session.pins == ["hntes-2024"]
    assert not session.refresh()  # nothing new since


def test_pin_beyond_the_limit_is_refused_loudly(tmp_path):
    """Item 2: pin 2,001 was written, reported "pinned", and dropped by the next write."""
    many = [f"id-{n}" for n in range(MAX_PINS)]
    StateStore(tmp_path).put("fixture", PackState(pins=many))
    result = cli_pin(tmp_path, "pin", "hntes-2024")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert f"{MAX_PINS:,} pins" in result.stderr and "pinned" not in result.stdout
    state = StateStore(tmp_path).load("fixture")
    assert state.pins == many and state.set_aside == []


def test_more_pins_than_the_limit_in_a_file_are_all_kept(fixture_pack, tmp_path):
    """A file from elsewhere with more pins than the limit: read whole, written back whole."""
    store = StateStore(tmp_path)
    many = [f"id-{n}" for n in range(MAX_PINS + 500)]
    store.put("fixture", PackState(pins=many))
    session = Session(fixture_pack, StateStore(tmp_path))
    session.remember(open_id="weaknesses")
    with pytest.raises(LimitReached):
        session.toggle_pin("hntes-2024")
    saved = StateStore(tmp_path).load("fixture")
    assert len(saved.pins) + len(saved.set_aside) == MAX_PINS + 500
    assert saved.open_id == "weaknesses"


def _fill(store: StateStore, with_pins: bool) -> None:
    packs = {f"pack-{n}": {**PackState(open_id="x", pins=["p"] if with_pins else [],
                                       used=1000.0 + n).to_json()} for n in range(MAX_PACKS)}
    store.directory.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps({"version": 1, "packs": packs}), encoding="utf-8")


def test_a_new_pack_beyond_the_limit_forgets_the_oldest_position(tmp_path):
    store = StateStore(tmp_path)
    _fill(store, with_pins=False)
    assert store.update("new", changes.set_fields(open_id="a")) is not None
    raw = json.loads(store.path.read_text(encoding="utf-8"))["packs"]
    assert len(raw) == MAX_PACKS and "pack-0" not in raw and "pack-1" in raw and "new" in raw


def test_pins_are_never_evicted_for_a_new_pack(tmp_path):
    store = StateStore(tmp_path)
    _fill(store, with_pins=True)
    before = store.path.read_bytes()
    with pytest.raises(LimitReached, match=f"{MAX_PACKS} packs"):
        store.update("new", changes.pin("a"))
    assert store.path.read_bytes() == before
    result = cli_pin(tmp_path, "pin", "hntes-2024")
    assert result.exit_code == 1 and "unpin another pack's pins" in result.stderr
    assert store.path.read_bytes() == before


def test_a_bad_copy_named_like_a_folder_or_taken_is_never_lost(tmp_path):
    """Item 15: with ``state.json.bad`` a folder, the damaged file vanished."""
    store = StateStore(tmp_path)
    (tmp_path / (STATE_FILE + ".bad")).mkdir()
    (tmp_path / (STATE_FILE + ".bad") / "inside").write_text("x")
    store.path.write_bytes(b"{damaged one")
    assert store.update("fixture", changes.pin("a")) is not None
    assert (tmp_path / (STATE_FILE + ".bad.1")).read_bytes() == b"{damaged one"
    store.path.write_bytes(b"{damaged two")
    assert store.update("fixture", changes.pin("b")) is not None
    assert (tmp_path / (STATE_FILE + ".bad.1")).read_bytes() == b"{damaged one"
    assert (tmp_path / (STATE_FILE + ".bad.2")).read_bytes() == b"{damaged two"
    assert any("kept as state.json.bad.2" in n for n in store.notices)


def test_with_every_bad_name_taken_the_damaged_file_stays(tmp_path):
    store = StateStore(tmp_path)
    for n in range(10):
        (tmp_path / (STATE_FILE + (".bad" if n == 0 else f".bad.{n}"))).write_text("old")
    store.path.write_bytes(b"{damaged")
    assert store.update("fixture", changes.pin("a")) is None
    assert store.path.read_bytes() == b"{damaged"
    assert "not saved" in store.notices[-1]
