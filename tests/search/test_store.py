"""The search store of a large pack: same answers as in memory, found without the pack, and
never trusted when it is not the one asked for or cannot be read."""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from briefing.search import SearchEngine
from briefing.search import source as source_module
from briefing.search.index import PinyinIndex, TextIndex, build_data, records
from briefing.search.store import find_store, open_store, store_key, store_path
from briefing.search.store.lookup import StoredPinyin, StoredText
from briefing.search.store.records import StoreInput

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "search"))
from eval_set import EVAL  # noqa: E402
from search_bench import keystrokes, pack_folder, synthetic_pack  # noqa: E402

SCALE = 6  # large enough for the n-gram filter (and so for a store)


@pytest.fixture(scope="module")
def big(bundled):
    return replace(synthetic_pack(bundled, SCALE), digest="test-store-digest")


@pytest.fixture(scope="module")
def in_memory(big):
    """An engine holding the large pack's index in memory, as before stores existed."""
    engine = SearchEngine(big)
    text = TextIndex(list(records(big)))
    engine._set(text, PinyinIndex(text, build_data(text)), "built")
    return engine


@pytest.fixture(scope="module")
def cache(tmp_path_factory, big):
    directory = tmp_path_factory.mktemp("store-cache")
    assert SearchEngine(big, cache_dir=directory).prepare() == "built"
    return directory


def _hits(engine, query):
    return [(h.id, h.kind, h.section, h.title, h.zh, h.en, h.score, h.field, h.spans,
             h.matches, h.texts) for h in engine.search(query)]


def test_the_store_answers_every_eval_keystroke_as_memory_does(big, cache, in_memory):
    stored = SearchEngine(big, cache_dir=cache)
    assert stored.prepare() == "store"
    assert isinstance(stored.text_index, StoredText)
    assert isinstance(stored.pinyin_index(), StoredPinyin)
    strokes = keystrokes([q for q, *_ in EVAL])
    differ = [q for q in strokes if _hits(stored, q) != _hits(in_memory, q)]
    assert not differ, differ[:10]
    for query in ["研发", "yanfa", "院士 Shenzhen", "enterprize", "SiC", "研發強度", "zzzq"]:
        for section in (None, "weaknesses-x3"):
            assert stored.search(query, section=section) == in_memory.search(query,
                                                                             section=section)


def test_a_warm_engine_opens_the_store_without_building_the_text(big, cache, monkeypatch):
    def never(pack):
        raise AssertionError("the pack's records were read")

    monkeypatch.setattr(source_module, "records", never)
    engine = SearchEngine(big, cache_dir=cache)
    assert engine.search("yanfa")
    assert engine.index_source == "store"


def test_an_engine_on_a_store_needs_no_pack(big, cache, in_memory):
    key = store_key(big.digest)
    store = open_store(store_path(key, cache), key)
    engine = SearchEngine(None, store=store)
    assert engine.search("SiC") == in_memory.search("SiC")  # the glossary came with it
    assert set(engine.top_sections) == {s.id for s in big.sections}


def test_a_store_of_a_small_pack_answers_too(bundled, tmp_path, monkeypatch):
    """Stores are written for large packs only, but nothing in reading one assumes it."""
    from briefing.search import source
    from briefing.search.store.build import write_store

    pack = replace(bundled, digest="small-but-stored")
    text = TextIndex(list(records(pack)))
    path = store_path(store_key(pack.digest), tmp_path)
    assert write_store(path, text, key=store_key(pack.digest), glossary=pack.glossary)
    monkeypatch.setattr(source, "GRAM_MIN_CHARS", 0)
    stored = SearchEngine(pack, cache_dir=tmp_path)
    plain = SearchEngine(bundled)
    for query in ["研发", "研發", "yanfa", "ys", "SiC", "enterprize", "院士 Shenzhen"]:
        assert stored.search(query) == plain.search(query), query
    assert stored.index_source == "store"


def test_a_large_pack_is_read_for_its_store_without_an_index_in_memory(big, tmp_path):
    """The first search of a large pack reads only what its store is built from, then
    searches the store: the in-memory text index (its records and field lists) is never
    made."""
    engine = SearchEngine(big, cache_dir=tmp_path)
    assert isinstance(engine.text_index, StoreInput)
    assert engine.needs_index("研发")
    assert [h.id for h in engine.search("研发")]
    assert isinstance(engine.text_index, StoredText) and engine.index_source == "built"


def test_a_small_pack_gets_no_store(bundled, tmp_path):
    engine = SearchEngine(replace(bundled, digest="small"), cache_dir=tmp_path)
    assert engine.prepare() in ("bundled", "built")
    assert isinstance(engine.text_index, TextIndex)
    assert not list(tmp_path.glob("search-store-*"))


def test_the_store_is_not_trusted_for_another_key(big, cache):
    key = store_key(big.digest)
    assert open_store(store_path(key, cache), "0" * 64) is None
    assert store_key("another digest") != key


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(max_size=30), st.just("x" * 10_000), st.just("\x00\x1b[2J"),
                 st.just("，。！？"), st.just("")))
def test_odd_queries_never_crash_on_a_store(big, cache, query):
    engine = _stored_engine(big, cache)
    hits = engine.search(query)
    assert isinstance(hits, list) and len(hits) <= 20


_ENGINES: dict = {}


def _stored_engine(big, cache):
    if "e" not in _ENGINES:
        _ENGINES["e"] = SearchEngine(big, cache_dir=cache)
    return _ENGINES["e"]


# -- corruption ----------------------------------------------------------------------------------
@pytest.fixture
def own_cache(tmp_path, cache):
    """A copy of the built store, to break."""
    target = tmp_path / "cache"
    shutil.copytree(cache, target)
    return target


def _the_store(directory: Path, big) -> Path:
    return store_path(store_key(big.digest), directory)


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_an_unreadable_store_file_is_rebuilt(big, own_cache, in_memory, damage):
    path = _the_store(own_cache, big)
    raw = path.read_bytes()
    path.write_bytes({"garbage": b"not a database" * 100, "truncated": raw[: len(raw) // 3],
                      "empty": b""}[damage])
    engine = SearchEngine(big, cache_dir=own_cache)
    assert engine.search("yanfa") == in_memory.search("yanfa")
    assert engine.index_source == "built"
    assert open_store(path, store_key(big.digest)) is not None  # written afresh


def test_a_damaged_block_is_noticed_and_the_index_rebuilt(big, own_cache, in_memory):
    path = _the_store(own_cache, big)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE block SET data = x'789c0300' WHERE 1")  # valid zlib, wrong text
        db.execute("UPDATE gram SET v = 'not,numbers' WHERE s = 'py'")
    engine = SearchEngine(big, cache_dir=own_cache)
    assert engine.search("研发 yanfa") == in_memory.search("研发 yanfa")
    assert engine.index_source == "built"


def test_a_store_that_cannot_be_written_leaves_search_in_memory(big, tmp_path, in_memory):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    engine = SearchEngine(big, cache_dir=blocked)
    assert engine.search("yanfa") == in_memory.search("yanfa")
    assert isinstance(engine.text_index, TextIndex)


def test_the_store_is_written_whole_or_not_at_all(big, cache):
    assert not list(cache.glob("*.tmp"))
    with sqlite3.connect(_the_store(cache, big)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


# -- the command line ----------------------------------------------------------------------------
@pytest.fixture
def large_pack_dir(tmp_path, monkeypatch, big):
    """A pack folder whose validated form (in the pack cache) is the large pack."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    return pack_folder(tmp_path / "pack", cache, big).root


def _cli(*args: str):
    from briefing.cli import app
    from briefing.cli.console import state

    state._pack = None
    state.content = None
    result = CliRunner().invoke(app, list(args))
    state._pack = None
    state.content = None
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_cli_search_answers_from_the_store_without_loading_the_pack(large_pack_dir,
                                                                    monkeypatch, in_memory):
    first = _cli("--content", str(large_pack_dir), "search", "yanfa", "--json")
    assert first.exit_code == 0, first.output
    assert find_store(large_pack_dir) is not None

    import briefing.pack.cache as pack_cache

    def never(root):
        raise AssertionError("the pack was loaded")

    monkeypatch.setattr(pack_cache, "load_pack_cached", never)
    again = _cli("--content", str(large_pack_dir), "search", "yanfa", "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == json.loads(first.stdout)
    expected = [h.to_json() for h in in_memory.search("yanfa")]
    assert json.loads(again.stdout) == json.loads(json.dumps(expected, ensure_ascii=False))
    section = _cli("--content", str(large_pack_dir), "search", "ys", "-s", "weaknesses-x2",
                   "--json")
    assert section.exit_code == 0 and {h["section"] for h in json.loads(section.stdout)} == {
        "weaknesses-x2"}
    unknown = _cli("--content", str(large_pack_dir), "search", "ys", "-s", "nowhere")
    assert unknown.exit_code == 1 and "unknown section 'nowhere'" in unknown.output


def test_the_first_cli_search_builds_the_store_with_the_pack_let_go(large_pack_dir,
                                                                    monkeypatch):
    """No pack object is alive while a large pack's store is built (its texts are), and the
    store is built from an input the build may empty."""
    import gc

    from briefing.model import Pack
    from briefing.search.store import build as store_build

    real, seen = store_build.write_store, []

    def watched(path, text, **kw):
        seen.append((kw.get("release"), [o for o in gc.get_objects()
                                         if isinstance(o, Pack) and o.root == large_pack_dir]))
        return real(path, text, **kw)

    monkeypatch.setattr(store_build, "write_store", watched)
    first = _cli("--content", str(large_pack_dir), "search", "yanfa", "--json")
    assert first.exit_code == 0 and json.loads(first.stdout), first.output
    assert seen == [(True, [])]
    assert find_store(large_pack_dir) is not None


def test_the_build_command_writes_the_store(large_pack_dir, bundled):
    from briefing.search.build_store import main, store_for

    assert main([str(large_pack_dir)]) == 0
    assert find_store(large_pack_dir) is not None
    assert store_for(lambda: bundled) is bundled  # a small pack has no store


def test_a_search_on_a_store_imports_nothing_a_build_needs(large_pack_dir, imported_packages):
    """numpy and pypinyin build a store; a search that finds one never imports them."""
    assert _cli("--content", str(large_pack_dir), "search", "yanfa", "--json").exit_code == 0
    assert find_store(large_pack_dir) is not None
    run = (f"from typer.testing import CliRunner\nfrom briefing.cli import app\n"
           f"r = CliRunner().invoke(app, ['--content', {str(large_pack_dir)!r}, 'search', "
           f"'yanfa', '--json'])\nassert r.exit_code == 0 and r.stdout.startswith('['), r.output")
    assert imported_packages(run, {"numpy", "pypinyin", "textual"}) == []


def test_cli_search_on_a_broken_store_loads_the_pack_and_answers(large_pack_dir):
    first = _cli("--content", str(large_pack_dir), "search", "研发", "--json")
    store = find_store(large_pack_dir)
    assert store is not None
    store.close()
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE block SET data = x'00' WHERE 1")
    again = _cli("--content", str(large_pack_dir), "search", "研发", "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout) == json.loads(first.stdout)


def test_a_changed_source_document_hides_the_store(large_pack_dir):
    _cli("--content", str(large_pack_dir), "search", "yanfa", "--json")
    store = find_store(large_pack_dir)
    assert store is not None
    seed = Path(store.meta["documents"][0][0])
    store.close()
    assert seed.parent == large_pack_dir.parent / "seeds"  # the test's own copy
    seed.write_bytes(seed.read_bytes() + b"\n")
    assert find_store(large_pack_dir) is None
    changed = _cli("--content", str(large_pack_dir), "search", "yanfa")
    assert changed.exit_code == 1  # the pack is loaded, and its check fails


@pytest.mark.parametrize("needle", [" yan fa", " jian she", " yin han g", " ren", "ai", "zzq",
                                    " li an g", "yfjg", "q"])
def test_stored_blocks_scan_as_the_string_in_memory(big, cache, in_memory, needle):
    """Scanning a stored stream's filtered blocks by number finds every occurrence."""
    from briefing.search.source import block_pieces

    stored = _stored_engine(big, cache).pinyin_index()
    plain = in_memory.pinyin_index()
    for name in ("py", "ini"):
        grams = getattr(stored, f"{name}_grams")
        if grams is None:
            continue
        found = []
        for hay, base, lo, hi in block_pieces(getattr(stored, name), grams.bounds,
                                              grams.candidate_blocks(needle)):
            p = hay.find(needle, lo, hi)
            while p >= 0:
                found.append(base + p)
                p = hay.find(needle, p + 1, hi)
        whole = getattr(plain, name)
        expected, p = [], whole.find(needle)
        while p >= 0:
            expected.append(p)
            p = whole.find(needle, p + 1)
        assert found == expected


def test_field_lists_kept_by_earlier_scans_change_no_answer(big, cache):
    """Typed in order, every keystroke answers as an engine that keeps no field lists does
    (the comparison with memory above has them on both sides)."""
    keeping, plain = SearchEngine(big, cache_dir=cache), SearchEngine(big, cache_dir=cache)
    plain.prepare()
    plain._field_lists.keep = lambda *args: None
    strokes = keystrokes([q for q, *_ in EVAL])
    differ = [q for q in strokes if _hits(keeping, q) != _hits(plain, q)]
    assert not differ, differ[:10]
    for section in ("weaknesses-x3", None):
        for query in strokes[::7]:
            assert keeping.search(query, section=section) == plain.search(query,
                                                                            section=section)
    assert keeping._field_lists._lists  # it did keep some
