"""A large pack's store input holds exactly what the in-memory text index would: the same
fields in the same order, the same tables, the same key."""

from __future__ import annotations

import itertools
import marshal
import sys
import zlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.model import Text
from briefing.search.fields import FIELDS, Record, TextIndex, each_record, records
from briefing.search.store import RECORD_BLOCK
from briefing.search.store.records import StoreInput, record_row

ROOT = Path(__file__).resolve().parents[2]


def assert_same(inp: StoreInput, text: TextIndex) -> None:
    assert inp.field_text == text.field_text
    assert list(inp.field_record) == list(text.field_record)
    assert inp.field_name == text.field_name
    assert inp.field_names == sorted(set(text.field_name))
    at, flat = list(inp.record_fields_at), list(inp.record_fields)
    assert [tuple(flat[a:b]) for a, b in itertools.pairwise(at)] == text.record_fields
    assert [inp.sections[c] if c >= 0 else None for c in inp.record_section] \
        == text.record_section
    at, flat = list(inp.record_children_at), list(inp.record_children)
    assert [tuple(flat[a:b]) for a, b in itertools.pairwise(at)] == text.record_children
    assert list(inp.starts) == list(text.starts) and inp.chars == text.chars
    assert len(inp) == len(text) and inp.record_count == len(text.records)
    assert inp.key == text.key
    rows = [row for blob in inp.record_rows for row in marshal.loads(zlib.decompress(blob))]
    assert rows == [record_row(rec) for rec in text.records]
    assert all(len(marshal.loads(zlib.decompress(b))) == RECORD_BLOCK
               for b in inp.record_rows[:-1])
    assert inp.top_sections == sorted(r.id for r in text.records
                                      if r.kind == "section" and r.section == r.id)


def test_the_bundled_pack_and_a_library_read_as_the_text_index_reads_them(bundled):
    sys.path.insert(0, str(ROOT / "bench"))
    from search_bench import synthetic_pack

    for pack in (bundled, synthetic_pack(bundled, 3)):
        assert_same(StoreInput(each_record(pack)), TextIndex(list(records(pack))))


NAME = st.sampled_from([*FIELDS, "other"])  # a field the index does not search is skipped
#: short: many equal lengths (ties); brackets: headings ranked by their core length
VALUE = st.text(st.sampled_from("ab研发 （）()"), max_size=5)
RECORD = st.tuples(st.sampled_from(["section", "item", "figure"]),
                   st.sampled_from([None, "s1", "s2", "r0"]),
                   st.lists(st.tuples(NAME, VALUE), max_size=6),
                   st.sampled_from([None, "r0", "r1", "r3", "missing"]))  # its own: no child


@settings(max_examples=150, deadline=None)
@given(st.lists(RECORD, max_size=30))
def test_any_records_give_the_text_index_tables(drawn):
    recs = [Record(f"r{i}", kind, section, Text("t", "t"), "z", "e", tuple(fields), parent)
            for i, (kind, section, fields, parent) in enumerate(drawn)]
    assert_same(StoreInput(iter(recs)), TextIndex(recs))
