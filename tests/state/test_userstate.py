"""The per-user state file: round trips, pins, and what hostile or damaged files get."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.userstate import MAX_BYTES, STATE_FILE, PackState, StateStore, state_dir

PACK = "test-pack"
SLOW_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]  # a busy CI machine
GOOD_PINS = ["tech-smes-2024", "hntes-2024", "weaknesses"]


@pytest.fixture
def store(tmp_path) -> StateStore:
    return StateStore(tmp_path)


def write(store: StateStore, data: object | bytes) -> None:
    store.directory.mkdir(parents=True, exist_ok=True)
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    store.path.write_bytes(raw)


def test_state_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "s"))
    assert state_dir() == tmp_path / "s"
    monkeypatch.delenv("BRIEFING_STATE_DIR")
    assert state_dir().name == "briefing"


def test_round_trip_keeps_every_field_and_other_packs(store):
    saved = PackState(open_id="ach-enterprises", lang="zh", expanded=["achievements"],
                      tree_hidden=True, tree_width=40, scroll=12.0,
                      pins=["tech-smes-2024", "achievements"],
                      set_aside=["gone"])
    assert store.put(PACK, saved)
    assert store.put("other", PackState(pins=["x"]))
    assert StateStore(store.directory).load(PACK) == saved
    assert StateStore(store.directory).load("other").pins == ["x"]
    assert store.notices == []
    assert not list(store.directory.glob(".state.*.tmp"))


def test_missing_file_is_the_default_without_a_notice(store):
    assert store.load(PACK) == PackState()
    assert store.notices == []


def test_pin_toggle_and_move():
    state = PackState()
    assert state.toggle_pin("a") and state.toggle_pin("b") and state.toggle_pin("c")
    assert state.move_pin("c", -5) and state.pins == ["c", "a", "b"]
    assert not state.move_pin("c", -1)
    assert not state.toggle_pin("a") and state.pins == ["c", "b"]
    assert not state.move_pin("missing", 1)


def test_reconcile_sets_aside_unknown_pins_and_brings_them_back(fixture_pack):
    state = PackState(pins=["tech-smes-2024", "no-such-figure", "achievements"])
    assert state.reconcile(fixture_pack) == ["no-such-figure"]
    assert state.pins == ["tech-smes-2024", "achievements"]
    assert state.set_aside == ["no-such-figure"]
    state.set_aside.append("weaknesses")  # the pack has it (again)
    assert state.reconcile(fixture_pack) == ["no-such-figure"]
    assert state.pins == ["tech-smes-2024", "achievements", "weaknesses"]


@pytest.mark.parametrize(("raw", "words"), [
    (b"\xff\xfe\x00 not utf-8", "not UTF-8"),
    (b'{"version": 1, "packs": {"test-pack": {"pins": ["a"', "not valid JSON"),
    (b"", "not valid JSON"),
    (b"[1, 2, 3]", "unexpected shape"),
    (b'{"packs": []}', "unexpected shape"),
    (b"[" * 100_000, "not valid JSON"),
    (b" " * (MAX_BYTES + 1), "larger than"),
])
def test_unreadable_files_are_ignored_with_one_notice(store, raw, words):
    write(store, raw)
    assert store.load(PACK) == PackState()
    assert len(store.notices) == 1
    assert words in store.notices[0] and "\n" not in store.notices[0]


def test_wrong_types_cost_only_their_own_field(store):
    write(store, {"packs": {PACK: {
        "open": ["not", "an", "id"], "lang": "fr", "expanded": "achievements",
        "tree_hidden": "yes", "tree_width": 10**9, "scroll": -3,
        "pins": ["tech-smes-2024", 7, None, "bad\nid", "x" * 500, "hntes-2024"],
        "set_aside": {"a": 1},
    }, "other": "not a dict", 5: {}}})
    state = store.load(PACK)
    assert state.pins == ["tech-smes-2024", "hntes-2024"]  # the readable pins survive
    assert state.open_id is None and state.lang is None and state.expanded is None
    assert state.tree_hidden is False and state.scroll == 0 and state.set_aside == []
    assert state.tree_width is None
    notice = " ".join(store.notices)
    for name in ("open", "lang", "expanded", "tree_hidden", "tree_width", "scroll", "pins",
                 "set_aside"):
        assert name in notice


def test_saving_over_an_unreadable_file_keeps_a_copy(store):
    write(store, b"{broken")
    assert store.put(PACK, PackState(pins=["tech-smes-2024"]))
    assert (store.directory / (STATE_FILE + ".bad")).read_bytes() == b"{broken"
    assert StateStore(store.directory).load(PACK).pins == ["tech-smes-2024"]


def test_unwritable_folder_is_a_notice_not_a_crash(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    store = StateStore(blocker / "sub")
    assert not store.put(PACK, PackState(pins=["a"]))
    assert "not saved" in store.notices[0]


def test_update_sees_what_another_writer_saved(store):
    StateStore(store.directory).put(PACK, PackState(pins=["a"]))
    result = store.update(PACK, lambda s: (s.toggle_pin("b"), s)[1])
    assert result is not None and result.pins == ["a", "b"]


# -- anything at all in the file ---------------------------------------------------------------
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                   max_size=4),
    max_leaves=8,
)
fields = st.fixed_dictionaries({}, optional={
    k: json_values | st.lists(st.text(max_size=20), max_size=5)
    for k in ("open", "lang", "expanded", "tree_hidden", "tree_width", "scroll", "pins",
              "set_aside")})


@settings(max_examples=150, suppress_health_check=SLOW_OK)
@given(raw=st.binary(max_size=300))
def test_any_bytes_load_without_raising(tmp_path_factory, raw):
    store = StateStore(tmp_path_factory.mktemp("s"))
    write(store, raw)
    assert isinstance(store.load(PACK), PackState)


@settings(max_examples=200, suppress_health_check=SLOW_OK)
@given(entry=fields, pins=st.lists(st.sampled_from(GOOD_PINS), max_size=3, unique=True))
def test_any_entry_loads_to_valid_types_and_keeps_good_pins(tmp_path_factory, entry, pins):
    store = StateStore(tmp_path_factory.mktemp("s"))
    if "pins" not in entry:
        entry = {**entry, "pins": [*pins, 42]}
    write(store, {"packs": {PACK: entry}})
    state = store.load(PACK)
    assert state.open_id is None or isinstance(state.open_id, str)
    assert state.lang in (None, "en", "zh")
    assert isinstance(state.tree_hidden, bool) and isinstance(state.scroll, float)
    assert state.tree_width is None or isinstance(state.tree_width, int)
    assert all(isinstance(i, str) for i in [*state.pins, *state.set_aside])
    if entry["pins"] == [*pins, 42]:
        assert state.pins == pins
    # whatever was read can be written back and read again unchanged
    assert store.put(PACK, state)
    assert StateStore(store.directory).load(PACK) == state


# -- two writers at once -----------------------------------------------------------------------
def _writer(directory: str, pack_id: str, rounds: int) -> None:
    store = StateStore(Path(directory))
    for n in range(rounds):
        store.put(pack_id, PackState(open_id=f"item-{n}", pins=[f"pin-{i}" for i in range(50)]))
        store.update("shared", lambda s, n=n: (s.toggle_pin(f"{pack_id}-{n}"), s)[1])


def test_two_writers_never_tear_the_file(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    writers = [ctx.Process(target=_writer, args=(str(tmp_path), name, 60))
               for name in ("a", "b")]
    for proc in writers:
        proc.start()
    reads = 0
    while any(p.is_alive() for p in writers) or reads < 20:
        reader = StateStore(tmp_path)
        reader.load("a")
        assert reader.notices == [], reader.notices
        reads += 1
    for proc in writers:
        proc.join()
        assert proc.exitcode == 0
    final = StateStore(tmp_path)
    assert final.load("a").open_id == "item-59" and final.load("b").open_id == "item-59"
    # the locked read-modify-write lost no pin from either writer
    assert len(final.load("shared").pins) == 120
    assert not list(tmp_path.glob(".state.*.tmp"))
