"""What a large pack's search store is built from, read from the pack in one pass.

The in-memory :class:`~briefing.search.fields.TextIndex` keeps a :class:`Record` per searchable
thing, each with a tuple of (name, text) pairs, and a list or tuple per field and record:
for a library of briefings that is about 180 MB on top of the pack, all of it only to be
copied into the store. :class:`StoreInput` reads the same records one at a time and keeps
what the store needs in compact form: the fields' texts (the pack's own strings, in the same
static-rank order), their records and names as arrays, and each record's row already
compressed as the store keeps it. The building process then holds little beyond the pack.

``tests/search/test_store_input.py`` checks every table against the text index's.
"""

from __future__ import annotations

import marshal
import zlib
from array import array
from collections.abc import Iterable

from briefing.search.fields import FIELDS, Record, core_length, gc_paused, starts_of, text_key
from briefing.search.store import RECORD_BLOCK, ZLIB_LEVEL

_NAMES = list(FIELDS)
#: as TextIndex (see fields.static_rank): (class, length or a heading's core length), stable
_RANK = [FIELDS[name][0] << 40 for name in _NAMES]
_HEADING = [FIELDS[name][0] == 0 for name in _NAMES]
_CODE = {name: i for i, name in enumerate(_NAMES)}
_AT_ONCE = 1 << 16  # fields put in rank order at a time


class StoreInput:
    """The fields, field tables and record rows of ``recs`` as the store writes them."""

    def __init__(self, recs: Iterable[Record]) -> None:
        with gc_paused():  # hundreds of thousands of rows are made and none is garbage
            self._read(recs)
        self._key: str | None = None

    def _read(self, recs: Iterable[Record]) -> None:
        import numpy as np  # only a large pack's build needs it (a search never does)

        keys, texts, owner, names = array("Q"), [], array("I"), array("B")
        sections: list[str | None] = []
        parents: list[str | None] = []
        at: dict[str, int] = {}
        rows, pending, tops = [], [], []
        code, rank, heading = _CODE, _RANK, _HEADING
        for r, rec in enumerate(recs):
            for name, value in rec.fields:
                c = code.get(name)
                if value and c is not None:
                    keys.append(rank[c] | (core_length(value) if heading[c] else len(value)))
                    texts.append(value)
                    owner.append(r)
                    names.append(c)
            sections.append(rec.section)
            parents.append(rec.parent)
            at[rec.id] = r
            pending.append(record_row(rec))
            if len(pending) == RECORD_BLOCK:
                rows.append(_pack_rows(pending))
                pending = []
            if rec.kind == "section" and rec.section == rec.id:
                tops.append(rec.id)
        if pending:
            rows.append(_pack_rows(pending))
        # numpy sorts without a Python number per field (a library has about a million)
        order = np.argsort(np.frombuffer(keys, np.uint64), kind="stable")  # ties: record order
        del keys
        self.field_text = []
        for lo in range(0, len(order), _AT_ONCE):
            self.field_text.extend(map(texts.__getitem__, order[lo: lo + _AT_ONCE].tolist()))
        del texts
        by_rank = np.frombuffer(owner, np.uint32)[order]
        self.field_record = array("I", by_rank.tobytes())
        present = sorted({_NAMES[c] for c in set(names)})
        recode = np.array([present.index(n) if n in present else 0 for n in _NAMES], np.uint8)
        self.field_names = present
        self.field_name_codes = array("B", recode[np.frombuffer(names, np.uint8)[order]]
                                      .tobytes())
        del names, order, owner
        # each record's fields in field order: a stable sort of the fields by record
        self.record_fields = array("I", np.argsort(by_rank, kind="stable").astype(np.uint32)
                                   .tobytes())
        counts = np.bincount(by_rank, minlength=len(sections)).astype(np.int64)
        self.record_fields_at = array("q", np.concatenate(([0], np.cumsum(counts))).tobytes())
        del by_rank, counts
        self.sections = sorted({s for s in sections if s is not None})
        scode = {s: i for i, s in enumerate(self.sections)}
        self.record_section = array("q", (scode[s] if s is not None else -1 for s in sections))
        self._children(np, [at.get(p, -1) if p is not None else -1 for p in parents])
        del parents, at
        self.record_rows = rows
        self.record_count = len(sections)
        self.top_sections = sorted(tops)
        self.starts = starts_of(self.field_text)

    def _children(self, np, parent: list[int]) -> None:
        """Each record's children (see fields.children_of), flat in record order, and where
        each record's start."""
        by_parent = np.array(parent, np.int64)
        by_parent[by_parent == np.arange(len(parent))] = -1  # no record is its own child
        kids = np.argsort(by_parent, kind="stable")[np.count_nonzero(by_parent < 0):]
        self.record_children = array("I", kids.astype(np.uint32).tobytes())
        counts = np.bincount(by_parent[by_parent >= 0], minlength=len(parent)).astype(np.int64)
        self.record_children_at = array("q", np.concatenate(([0], np.cumsum(counts))).tobytes())

    def let_go(self) -> None:
        """Drop the texts, tables and rows once the store has them (see
        :func:`~briefing.search.store.build.write_store`'s ``release``); the field offsets
        stay, and with them the number of fields."""
        self.field_text = []
        self.record_rows = []
        for name in ("field_record", "field_name_codes", "record_fields", "record_fields_at",
                     "record_section", "record_children", "record_children_at"):
            setattr(self, name, array(getattr(self, name).typecode))

    def __len__(self) -> int:
        return len(self.starts) - 1  # the texts may have been let go (see write_store)

    @property
    def chars(self) -> int:
        """Length of the fields concatenated, as :attr:`TextIndex.chars`."""
        return self.starts[-1]

    @property
    def field_name(self) -> list[str]:
        """Each field's name (made when asked for: the store keeps the codes)."""
        return [self.field_names[c] for c in self.field_name_codes]

    @property
    def key(self) -> str:
        """The same key as the text index of these records (see :attr:`TextIndex.key`)."""
        if self._key is None:
            self._key = text_key(self.field_name, self.field_text)
        return self._key


def record_row(rec: Record) -> tuple:
    """A record's id, kind and shown texts; a text equal to one of its fields is left out
    (None), and read back from that field."""
    fields = dict(rec.fields)
    title_zh = None if rec.title.zh in (fields.get("title.zh"), fields.get("label.zh")) \
        else rec.title.zh
    title_en = None if rec.title.en in (fields.get("title.en"), fields.get("label.en")) \
        else rec.title.en
    zh = None if rec.zh == fields.get("text.zh") else rec.zh
    en = None if rec.en == fields.get("text.en") else rec.en
    return (rec.id, rec.kind, title_zh, title_en, zh, en)


def _pack_rows(rows: list[tuple]) -> bytes:
    return zlib.compress(marshal.dumps(rows), ZLIB_LEVEL)
