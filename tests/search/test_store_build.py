"""Building a store in two halves: the halves join into what the whole would be, and the
store answers as the index built in memory does, whichever half holds what."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.model import Text
from briefing.search import SearchEngine
from briefing.search.bulk.gram_arrays import gram_blocks
from briefing.search.fields import Record, concat
from briefing.search.grams import block_starts
from briefing.search.index import PinyinIndex, TextIndex, build_data
from briefing.search.store import build as sb
from briefing.search.store import half as store_part
from briefing.search.store import open_store
from briefing.search.store.records import StoreInput

FIELD = st.text(st.sampled_from("ab研发强度 AB-\u00e9x12"), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(FIELD, min_size=2, max_size=40), st.integers(1, 6), st.data())
def test_joined_halves_have_the_grams_of_the_whole(fields, size, data):
    big, starts = concat(fields)
    blocks = block_starts(starts, size)
    k = data.draw(st.integers(0, len(blocks)))
    m = blocks[k] if k < len(blocks) else len(fields)
    first, first_starts = concat(fields[:m]) if m else ("", [0])
    second, second_starts = concat(fields[m:]) if m < len(fields) else ("", [0])
    a = gram_blocks(first, [first_starts[b] for b in blocks[:k]] + [len(first)]) if k else {}
    b = gram_blocks(second, [second_starts[f - m] for f in blocks[k:]] + [len(second)]) \
        if k < len(blocks) else {}
    whole = gram_blocks(big, [starts[b] for b in blocks] + [len(big)])
    assert sb.merge_grams(a, b, k) == whole


@given(st.lists(st.integers(0, 50), max_size=8), st.lists(st.integers(0, 50), max_size=8))
def test_joined_starts_are_the_starts_of_the_joined_parts(a, b):
    parts_a, parts_b = ["x" * n for n in a], ["y" * n for n in b]
    want = concat(parts_a + parts_b)[1]
    got = sb.joined_starts(concat(parts_a)[1], concat(parts_b)[1])
    assert list(got) == list(want)


@given(st.one_of(st.lists(st.integers(0, 300), min_size=1, max_size=24, unique=True),
                 st.integers(1, 2**300)))
def test_gram_values_read_back(v):
    from briefing.search.store.lookup import _decode

    blocks = sorted(v) if isinstance(v, list) else v
    assert _decode(store_part.gram_value(blocks)) == (tuple(blocks) if isinstance(v, list) else v)


def _records(n: int, short: str, long: str) -> list[Record]:
    """``n`` records whose short titles (ranked first) are in ``short`` and long texts in
    ``long`` ("zh" or "en")."""
    words = {"zh": ["研发", "强度", "独角兽", "碳化硅", "人才", "银行"],
             "en": ["research", "intensity", "unicorn", "carbide", "talent", "bank"]}
    out = []
    for i in range(n):
        title = words[short][i % 6] + str(i)
        body = " ".join(words[long][(i + j) % 6] for j in range(12)) if long == "en" else \
            "".join(words[long][(i + j) % 6] for j in range(12))
        out.append(Record(f"r{i}", "item", "s", Text(title, title), body, body,
                          ((f"title.{short}", title), (f"text.{long}", body))))
    return out


@pytest.mark.parametrize(("short", "long"), [("en", "zh"), ("zh", "en")])
def test_a_half_without_chinese_still_gives_the_same_answers(tmp_path, short, long):
    """The first half holds the short fields, the second the long: one of them has no pinyin
    at all, and its streams are empty."""
    text = TextIndex(_records(600, short, long))
    path = tmp_path / "store.sqlite"
    assert sb.write_store(path, text, key="k")
    assert "low" not in text.__dict__  # the whole folded text was never made
    stored = SearchEngine(None, store=open_store(path, "k"))
    memory = SearchEngine(None)
    memory._set(text, PinyinIndex(text, build_data(text)), "built")
    for query in ["研发", "yanfa", "yf", "dujiaoshou", "carbide", "intensty", "bank 银行", "r59"]:
        assert stored.search(query) == memory.search(query), query


def _rows(path) -> dict:
    db = sqlite3.connect(path)
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}"))
                for t in ("meta", "arrays", "block", "gram", "record", "vocab")}
    finally:
        db.close()


def test_without_a_child_the_same_store_is_written(tmp_path, monkeypatch):
    text = TextIndex(_records(600, "zh", "en"))
    assert sb.write_store(tmp_path / "a.sqlite", text, key="k")
    monkeypatch.setattr(sb, "run_in_child", lambda *args, **kw: None)
    assert sb.write_store(tmp_path / "b.sqlite", text, key="k")
    assert _rows(tmp_path / "a.sqlite") == _rows(tmp_path / "b.sqlite")


def test_reading_in_runs_of_any_size_writes_the_same_store(tmp_path, monkeypatch):
    """A half is folded and read for grams in runs of whole blocks, and its pinyin in runs of
    fields: how long the runs are changes nothing in the store."""
    from briefing.search import bulk
    from briefing.search.bulk import pinyin_arrays

    text = TextIndex(_records(600, "zh", "en"))
    monkeypatch.setattr(sb, "run_in_child", lambda *args, **kw: None)  # both halves in this process
    monkeypatch.setattr(bulk, "TABLE_MIN_CHARS", 0)  # the many-fields reader, always
    assert sb.write_store(tmp_path / "a.sqlite", text, key="k")
    monkeypatch.setattr(store_part, "FOLD_AT_ONCE", 1)  # one block per run
    monkeypatch.setattr(pinyin_arrays, "AT_ONCE", 50)  # a few fields per run
    assert sb.write_store(tmp_path / "b.sqlite", text, key="k")
    assert _rows(tmp_path / "a.sqlite") == _rows(tmp_path / "b.sqlite")
    assert len(_rows(tmp_path / "a.sqlite")["block"]) > 10


def test_the_split_leaves_each_half_whole_blocks():
    starts = list(range(0, 1001, 10))  # 100 fields of 9 characters and a separator
    blocks = block_starts(starts, 100)
    k = sb._split(blocks, starts)
    assert 0 < k < len(blocks)
    assert abs(starts[blocks[k]] - 1000 * (1 - sb.CHILD_SHARE)) <= 100
    assert sb._split([0], [0, 5]) == 1  # one block: no second half


def test_progress_runs_from_nothing_to_every_field(tmp_path):
    text = TextIndex(_records(600, "zh", "en"))
    seen: list[tuple[int, int]] = []
    assert sb.write_store(tmp_path / "s.sqlite", text, key="k",
                          progress=lambda done, total: seen.append((done, total)))
    done = [d for d, _ in seen]
    assert done[0] == 0 and done[-1] == len(text) and done == sorted(done)
    assert {t for _, t in seen} == {len(text)}
    assert len(set(done)) >= 5  # it moves while the store is built, not only at the ends


class _FailedChild:
    """A child that started and then failed: its result is the fallback's."""

    def result(self, fallback):
        return fallback()

    def close(self):
        pass


def test_a_failed_child_is_built_here_and_the_store_is_the_same(tmp_path, monkeypatch):
    text = TextIndex(_records(600, "zh", "en"))
    assert sb.write_store(tmp_path / "a.sqlite", text, key="k")
    monkeypatch.setattr(sb, "run_in_child", lambda *args, **kw: _FailedChild())
    assert sb.write_store(tmp_path / "b.sqlite", text, key="k")
    assert _rows(tmp_path / "a.sqlite") == _rows(tmp_path / "b.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite", "b.sqlite"]


def test_a_failed_child_fails_a_build_whose_texts_were_let_go(tmp_path, monkeypatch):
    """With ``release`` the texts are gone once the children have them, so a child that fails
    fails the build: nothing is written, nothing is left behind, and the caller searches in
    memory (see ``IndexSource._large``)."""
    inp = StoreInput(_records(600, "zh", "en"))
    monkeypatch.setattr(sb, "run_in_child", lambda *args, **kw: _FailedChild())
    assert not sb.write_store(tmp_path / "s.sqlite", inp, key="k", release=True)
    assert inp.field_text == [] and len(inp) == 600 * 2
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_build_stops_its_children_and_leaves_nothing(tmp_path, monkeypatch):
    """^C, or the SIGTERM the app's build command unwinds on, while the children build."""
    started = []
    real = sb.run_in_child

    def spy(*args, **kw):
        started.append(real(*args, **kw))
        return started[-1]

    def interrupted(db, inp):
        raise KeyboardInterrupt

    monkeypatch.setattr(sb, "run_in_child", spy)
    monkeypatch.setattr(sb, "_write_tables", interrupted)
    with pytest.raises(KeyboardInterrupt):
        sb.write_store(tmp_path / "s.sqlite", TextIndex(_records(600, "zh", "en")), key="k")
    assert len(started) == 2 and all(c._proc.returncode is not None for c in started)
    assert list(tmp_path.iterdir()) == []
