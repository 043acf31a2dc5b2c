"""The stored index: hash-keyed, cached atomically, rebuilt when stale or corrupt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.paths import cache_dir
from briefing.search import SearchEngine, bulk, readings
from briefing.search import grams as gram_module
from briefing.search import index as idx
from briefing.search.bulk import gram_filter
from briefing.search.bulk.pinyin_arrays import FieldReader
from briefing.search.index import (
    BUNDLED_INDEX,
    GramIndex,
    TextIndex,
    build_data,
    concat,
    load_index,
    records,
)
from briefing.search.phrases import PHRASES, check_phrases

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def small(make_pack):
    from briefing.pack import load_pack

    return load_pack(make_pack())


def test_cache_dir_precedence(monkeypatch, tmp_path):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "a"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "b"))
    assert cache_dir() == tmp_path / "a"
    monkeypatch.delenv("BRIEFING_CACHE_DIR")
    assert cache_dir() == tmp_path / "b" / "briefing"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "briefing"


def test_built_once_then_reused(small, tmp_path):
    first = SearchEngine(small, cache_dir=tmp_path)
    assert first.prepare() == "built"
    files = list(tmp_path.glob("search-index-*.json"))
    assert len(files) == 1 and not list(tmp_path.glob(".search-index-*"))  # no temp left
    second = SearchEngine(small, cache_dir=tmp_path)
    assert second.prepare() == "cache"
    assert [h.id for h in second.search("qiangzhuti")] == [h.id for h in first.search("qiangzhuti")]


@pytest.mark.parametrize("damage", [
    lambda p: p.write_text("{not json", encoding="utf-8"),
    lambda p: p.write_bytes(b"\xff\xfe\x00garbage"),
    lambda p: p.write_text("[]", encoding="utf-8"),
    lambda p: p.write_text("", encoding="utf-8"),
    lambda p: _edit(p, lambda d: d["py"].__setitem__(0, d["py"][0] + " x")),
    lambda p: _edit(p, lambda d: d["ini"].pop()),
    lambda p: _edit(p, lambda d: d.__setitem__("key", "0" * 64)),
    lambda p: _edit(p, lambda d: d.__setitem__("format", -1)),
    lambda p: _edit(p, lambda d: d.__setitem__("syllables", ["NOT A SYLLABLE"])),
    lambda p: _edit(p, lambda d: d.__setitem__("grams", {"low": {"blocks": [5, 1]}})),
    lambda p: _edit(p, lambda d: d.__setitem__("fields", [10**9] * len(d["fields"]))),
])
def test_corrupt_cache_is_rebuilt(small, tmp_path, damage):
    SearchEngine(small, cache_dir=tmp_path).prepare()
    (path,) = tmp_path.glob("search-index-*.json")
    damage(path)
    engine = SearchEngine(small, cache_dir=tmp_path)
    assert engine.prepare() == "built"
    assert [h.id for h in engine.search("qiangzhuti")] == ["ach-enterprises"]
    assert SearchEngine(small, cache_dir=tmp_path).prepare() == "cache"  # repaired


def _edit(path: Path, change) -> None:
    """Change the stored index and seal it again, as a faulty writer of ours would: the
    structural checks, not the seal, must catch it."""
    from briefing.paths.seal import cache_key, seal, unseal

    key = cache_key(path.parent)
    data = json.loads(bytes(unseal(path.read_bytes(), key)))
    change(data)
    path.write_bytes(seal(json.dumps(data).encode(), key))


def test_changed_pack_gets_a_new_key(make_pack, tmp_path):
    from briefing.pack import load_pack

    a = load_pack(make_pack())
    key_a = SearchEngine(a).text_index.key

    def retitle(files):
        files["sections/weaknesses.yaml"]["title"]["zh"] = "短板与差距"

    b = load_pack(make_pack(retitle))
    engine = SearchEngine(b, cache_dir=tmp_path)
    assert engine.text_index.key != key_a
    assert engine.prepare() == "built"
    assert "weaknesses" in [h.id for h in engine.search("duanban")]


def test_unwritable_cache_still_searches(small, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    engine = SearchEngine(small, cache_dir=blocker / "sub")  # cannot mkdir under a file
    assert engine.prepare() == "built"
    assert engine.search("qiangzhuti")


def test_bundled_index_matches_a_fresh_build(bundled):
    """The index shipped in the package is what a build of the bundled pack gives now.

    If this fails after content changed, regenerate it: python3 -m briefing.search.prebuild
    """
    text = TextIndex(list(records(bundled)))
    assert BUNDLED_INDEX.is_file(), "no prebuilt index: python3 -m briefing.search.prebuild"
    shipped = json.loads(BUNDLED_INDEX.read_text(encoding="utf-8"))
    if shipped.get("key") != text.key:  # content changed since; harmless but slower first run
        pytest.skip("briefing/search/bundled_index.json is stale: "
                    "run python3 -m briefing.search.prebuild")
    assert shipped == json.loads(json.dumps(build_data(text), ensure_ascii=False))
    _, source = load_index(text, directory=Path("/nonexistent"))
    assert source == "bundled"


def test_search_never_loads_pypinyin_with_a_stored_index(tmp_path):
    code = (
        "import sys\n"
        "from briefing.pack import load_pack, bundled_pack_dir\n"
        "from briefing.search import SearchEngine\n"
        "e = SearchEngine(load_pack(bundled_pack_dir()))\n"
        "assert e.search('研发') and e.search('yanfa') and e.search('yfjg')\n"
        "print(e.index_source, sorted(m for m in sys.modules if m.startswith('pypinyin')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env={"BRIEFING_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin"},
                         check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["bundled", "[]"]


def test_phrase_table_is_well_formed():
    assert check_phrases() == []
    assert "长光华芯" in PHRASES


def test_phrase_readings_override_pypinyin():
    pinyin = idx.Pinyin()
    py, ini = pinyin.field("苏州长光华芯与长三角")
    assert py.split() == ["su", "zhou", "chang", "guang", "hua", "xin", "yu", "chang", "san",
                          "jiao"]
    assert ini == "szcghxycsj"
    py, ini = pinyin.field("AI+人才")
    assert py.split() == ["-", "-", "-", "ren", "cai"] and ini == "---rc"


#: Characters with several readings, characters in phrases, one without a reading (ext. B).
HAN_SAMPLE = [*"长行重发和乐数调中了得地的为还研发机构人才银行长三角苏州华芯", "\U00020000"]


@settings(max_examples=200, deadline=None)
@given(runs=st.lists(st.text(st.sampled_from(HAN_SAMPLE), min_size=1, max_size=14), max_size=6))
def test_remembered_word_readings_read_as_lazy_pinyin_does(runs):
    from pypinyin import Style, lazy_pinyin

    pinyin = idx.Pinyin()
    for run in [*runs, *runs]:  # the second time from remembered words (and runs)
        pinyin._memo.clear()
        expected = lazy_pinyin(run, style=Style.NORMAL,
                               errors=lambda s: [idx.NO_READING] * len(s))
        got = pinyin._lazy(run, readings._no_readings)
        assert got == expected, run


# -- the n-gram block filter ---------------------------------------------------------------------
alphabet = st.sampled_from([*"abcde 研发机构人才-", "\u00df", "İ"])


@settings(max_examples=150, deadline=None)
@given(fields=st.lists(st.text(alphabet, max_size=40), min_size=1, max_size=60),
       needle=st.text(alphabet, min_size=1, max_size=5))
def test_gram_filter_never_misses(fields, needle):
    big, starts = concat(fields)
    saved = gram_module.GRAM_MIN_BLOCK
    gram_module.GRAM_MIN_BLOCK = 16  # many small blocks
    try:
        grams = GramIndex(big, starts, json.loads(json.dumps(gram_filter(big, starts))))
    finally:
        gram_module.GRAM_MIN_BLOCK = saved
    expected = {i for i, f in enumerate(fields) if needle in f}
    got = set()
    for lo, hi in grams.candidates(needle):
        for i, f in enumerate(fields):
            if lo <= starts[i] < hi and needle in f:
                got.add(i)
    assert got == expected


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from([*"ab yz-研发\x00", "\u00df", "\x01"]), max_size=60))
def test_block_grams_hold_every_gram_a_needle_can_need(s):
    needed = set()
    for n in (1, 2, 3):
        for i in range(len(s) - n + 1):
            g = s[i: i + n]
            if "\x00" not in g and (n < 3 or g.isascii()):
                needed.add(g)
    assert needed <= gram_module.block_grams(s)


def test_large_pack_uses_the_gram_filter_and_finds_the_same(bundled, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from search_bench import synthetic_pack

    pack = synthetic_pack(bundled, 8)
    engine = SearchEngine(pack, cache_dir=tmp_path)
    assert engine.text_index.chars >= idx.GRAM_MIN_CHARS
    py = engine.pinyin_index()
    assert py.low_grams is not None and py.py_grams is not None
    plain = SearchEngine(pack, cache_dir=tmp_path)
    plain_py = plain.pinyin_index()
    plain_py.low_grams = plain_py.py_grams = plain_py.ini_grams = None  # scan everything
    for query in ["研发机构", "yanfa", "yfjg", "Innoscience", "enterprize", "氮化镓", "zzzq",
                  "留创贷 loans", "长光华芯"]:
        a = [(h.id, h.score) for h in engine.search(query, limit=20)]
        b = [(h.id, h.score) for h in plain.search(query, limit=20)]
        assert a == b, query


# -- compressed storage (large indexes) ----------------------------------------------------------
@pytest.fixture
def compress_all(monkeypatch):
    monkeypatch.setattr(idx, "COMPRESS_MIN_CHARS", 0)
    monkeypatch.setattr(idx, "CHUNK", 3)  # long lists written a slice at a time


def test_large_index_is_stored_compressed_and_read_back(small, tmp_path, compress_all):
    first = SearchEngine(small, cache_dir=tmp_path)
    assert first.prepare() == "built"
    (path,) = tmp_path.glob("search-index-*.json")
    raw = path.read_bytes()
    assert raw[:1] == idx.ZLIB_HEAD
    text = first.text_index
    assert idx.read_json(path) == json.loads(json.dumps(build_data(text), ensure_ascii=False))
    second = SearchEngine(small, cache_dir=tmp_path)
    assert second.prepare() == "cache"
    assert [h.id for h in second.search("qiangzhuti")] == [h.id for h in first.search("qiangzhuti")]


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # truncated stream
    lambda raw: raw[:1] + b"\x00" * (len(raw) - 1),  # zlib head, garbage body
    lambda raw: __import__("zlib").compress(b"{not json"),
    lambda raw: __import__("zlib").compress(b"[]"),
])
def test_corrupt_compressed_cache_is_rebuilt(small, tmp_path, compress_all, damage):
    SearchEngine(small, cache_dir=tmp_path).prepare()
    (path,) = tmp_path.glob("search-index-*.json")
    path.write_bytes(damage(path.read_bytes()))
    engine = SearchEngine(small, cache_dir=tmp_path)
    assert engine.prepare() == "built"
    assert [h.id for h in engine.search("qiangzhuti")] == ["ach-enterprises"]
    assert SearchEngine(small, cache_dir=tmp_path).prepare() == "cache"


@settings(max_examples=60, deadline=None)
@given(data=st.dictionaries(st.sampled_from(["a", "py", "grams", "k\u00e9y"]),
                            st.one_of(st.lists(st.text(max_size=6), max_size=9),
                                      st.dictionaries(st.text(max_size=3), st.integers()),
                                      st.integers(), st.text(max_size=8))))
def test_chunked_encoding_is_plain_json(data):
    saved = idx.CHUNK
    idx.CHUNK = 2
    try:
        encoded = "".join(idx.encode_chunks(data))
    finally:
        idx.CHUNK = saved
    assert encoded == json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from([*"ab yz-研发\x00", "\u00df", "\x01", "\x7f", "\U00020000",
                                "\ud800", "é", " "]), max_size=80))
def test_block_keys_are_block_grams(s):
    """The numpy keys of a block name exactly the grams block_grams reads, once each."""
    from briefing.search.bulk import gram_arrays

    keys = gram_arrays.block_keys(s, gram_arrays._Distinct(bits=4)).tolist()  # collisions too
    assert len(keys) == len(set(keys))
    assert {gram_arrays.gram_name(k) for k in keys} == gram_module.block_grams(s)


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from([*"abz AZ-研\x00", "é", "\ud800", "q"]), max_size=60))
def test_english_words_are_the_word_pattern_s(s):
    from briefing.search.fields import WORD_RE, english_words

    assert english_words(s) == set(WORD_RE.findall(s))


@settings(max_examples=100, deadline=None)
@given(fields=st.lists(st.text(st.sampled_from([*"ab yz-研发", "é"]), max_size=30),
                       min_size=1, max_size=80))
def test_gram_build_equals_the_set_based_build(fields):
    """gram_filter gives what inverting block_grams block by block gives."""
    big, starts = concat(fields)
    saved = gram_module.GRAM_MIN_BLOCK
    gram_module.GRAM_MIN_BLOCK = 16
    try:
        data = gram_filter(big, starts)
    finally:
        gram_module.GRAM_MIN_BLOCK = saved
    bounds = [starts[b] for b in data["blocks"]] + [len(big)]
    where: dict[str, list[int]] = {}
    for b in range(len(data["blocks"])):
        for g in gram_module.block_grams(big[bounds[b]: bounds[b + 1]]):
            where.setdefault(g, []).append(b)
    expected = {g: found if len(found) <= gram_module.SPARSE_BLOCKS
                else format(sum(1 << b for b in found), "x") for g, found in where.items()}
    assert data["grams"] == expected


# -- many fields read at once --------------------------------------------------------------------
@pytest.fixture(scope="module")
def field_reader():
    return FieldReader(idx.Pinyin())


def _phrase_sample() -> list[str]:
    """Dictionary phrases (every 97th, and the deviating ones' pairs), our phrases, odd chars."""
    from pypinyin.constants import PHRASES_DICT

    reader = FieldReader(idx.Pinyin())
    words = list(PHRASES_DICT)[::97] + sorted(reader.left)[::7] + sorted(reader.right)[::7]
    return [*words, *PHRASES, *"长行重发和乐数调中了得地的为还研发 a-〇\ue815\ue000",
            "\U00020000", "苏州"]


_SAMPLE = _phrase_sample()


@settings(max_examples=150, deadline=None)
@given(fields=st.lists(st.lists(st.sampled_from(_SAMPLE), min_size=1, max_size=12).map("".join),
                       min_size=1, max_size=30))
def test_field_reader_reads_as_field_by_field(field_reader, fields):
    """Translating where no deviating phrase can occur gives what pypinyin's segmentation does."""
    engine = field_reader.engine
    py, ini = [engine.field(t)[0] for t in fields], [engine.field(t)[1] for t in fields]
    syllables = {s for p in py for s in p.split()} - {readings.NO_READING}
    assert field_reader.fields(fields) == (py, ini, syllables)


def test_read_fields_switches_to_tables_on_many_characters(monkeypatch):
    texts = ["苏州银行的目的", "行长重新发行", "AI+人才", "长三角 yes"] * 5
    engine = idx.Pinyin()
    expected = bulk.read_fields(engine, texts)  # field by field: few characters
    assert expected[0] == [engine.field(t)[0] for t in texts]
    monkeypatch.setattr(bulk, "TABLE_MIN_CHARS", 10)
    assert bulk.read_fields(engine, texts) == expected


def test_gc_paused_restores_the_collector():
    import gc

    from briefing.search.fields import gc_paused

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
