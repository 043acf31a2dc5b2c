"""Searchable records and their text fields, concatenated for C-speed scans (no pinyin here).

:class:`TextIndex` holds every searchable field of the pack, ordered by *static rank* (titles and
labels before texts, short before long) and concatenated into one lower-cased, folded string
(see :mod:`briefing.search.fold`), so a query is a ``str.find`` scan that stops once it has
enough candidates. Built from the pack in memory; cheap.

A heading's length is that of its *core*, the words before a parenthesised qualifier:
"研发强度（全社会研发投入占GDP比重）" is about 研发强度, "Total R&D spending (2025 target)"
about total R&D spending. The qualifier neither pushes a heading down the static rank nor
counts against a match in it (see the engine's focus).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import json
import operator
from array import array
from collections.abc import Iterator
from typing import NamedTuple

from briefing.figures.formatting import figure_value
from briefing.model import Pack, Text
from briefing.model.bulk import gc_paused
from briefing.search.fold import HAN_CLASS, fold_fields, fold_joined
from briefing.search.phrases import PHRASES
from briefing.text.lazy_pattern import LazyPattern

#: Bump when the stored format or the way pinyin is derived changes (5: headings ranked by
#: their core length).
FORMAT = 5
SEP = "\x00"  # between fields in the concatenated strings; never part of a needle

HAN_RUN = LazyPattern(f"[{HAN_CLASS}]+")  # compiled by index builds, not by searches
#: A word of the English vocabulary (typos are corrected to these); see :func:`english_words`.
WORD_RE = LazyPattern(r"[a-z]{3,}")
#: Bytes that may stand in an English word ([a-z], as :data:`WORD_RE`); the rest split.
_WORD_BYTES = b" " * 97 + b"abcdefghijklmnopqrstuvwxyz" + b" " * 133

#: Field name -> (static rank class, weight). Lower class sorts first; weight scales the score.
#: Class 0 holds the headings (titles and labels).
FIELDS: dict[str, tuple[int, float]] = {
    "title.zh": (0, 1.0),
    "title.en": (0, 1.0),
    "label.zh": (0, 1.0),
    "label.en": (0, 1.0),
    "display": (1, 0.95),
    "text.zh": (2, 0.9),
    "text.en": (2, 0.9),
    "note.zh": (3, 0.8),
    "note.en": (3, 0.8),
    "quote": (3, 0.8),
}


class Record(NamedTuple):
    """A searchable thing (section, item, figure or comparison) with its named text fields.

    A named tuple rather than a frozen dataclass: a library has hundreds of thousands of
    records, and a tuple is made in C (a frozen dataclass sets each field through
    ``object.__setattr__``: 0.7 s of a 1000x library's index build)."""

    id: str
    kind: str
    section: str | None
    title: Text
    zh: str
    en: str
    fields: tuple[tuple[str, str], ...]
    #: the id of the node it belongs to (a figure's node, a node's parent), if any
    parent: str | None = None


#: Between a figure's label and its value in its record's texts (see :func:`figure_value_of`).
VALUE_SEP = Text("：", ": ")


def figure_value_of(title: Text, zh: str, en: str) -> Text:
    """A figure record's value, from its texts (its label, :data:`VALUE_SEP`, its value)."""
    return Text(zh[len(title.zh) + len(VALUE_SEP.zh):], en[len(title.en) + len(VALUE_SEP.en):])


def core_length(heading: str) -> int:
    """How long a heading is without the parenthesised qualifiers at its end (its whole
    length when it has none, or is nothing else)."""
    core = heading.rstrip()
    while core.endswith(("）", ")")):
        at = max(core.rfind("（"), core.rfind("("))
        if at <= 0:
            break
        core = core[:at].rstrip()
    return len(core)


def records(pack: Pack) -> Iterator[Record]:
    """Every searchable thing in the pack, with the fields a user might type words from."""
    with gc_paused():
        found = list(each_record(pack))
    yield from found


def each_record(pack: Pack) -> Iterator[Record]:
    """:func:`records`, one at a time (a large pack's store input keeps none of them)."""
    for node in pack.nodes():
        kind = "section" if node.is_section else "item"
        yield Record(node.id, kind, node.section_id, node.title, node.text.zh, node.text.get("en"),
                     (("title.zh", node.title.zh), ("title.en", node.title.en),
                      ("text.zh", node.text.zh), ("text.en", node.text.en)), node.parent_id)
    for fig in pack.figures():
        # the value as the reader sees it: the source's wording, hedged English ("about 4.15%")
        zh = f"{fig.label.zh}{VALUE_SEP.zh}{figure_value(pack, fig, 'zh')}"
        en = f"{fig.label.get('en')}{VALUE_SEP.en}{figure_value(pack, fig, 'en')}"
        fields = [("label.zh", fig.label.zh), ("label.en", fig.label.en),
                  ("display", fig.display), ("quote", fig.source.quote)]
        if fig.note:
            fields += [("note.zh", fig.note.zh), ("note.en", fig.note.en)]
        yield Record(fig.id, "figure", fig.section_id, fig.label, zh, en, tuple(fields),
                     fig.node_id)
    for cmp in pack.comparisons:
        note = cmp.note or Text("", "")
        fields = [("title.zh", cmp.title.zh), ("title.en", cmp.title.en)]
        if cmp.note:
            fields += [("note.zh", cmp.note.zh), ("note.en", cmp.note.en)]
        yield Record(cmp.id, "comparison", cmp.section_id, cmp.title, note.zh, note.get("en"),
                     tuple(fields))


def static_rank(name: str, value: str) -> int:
    """A field's place in the static rank, as one int: its class, then its length (a
    heading's core length)."""
    cls = FIELDS[name][0]
    return cls << 40 | (core_length(value) if cls == 0 else len(value))


def children_of(recs: list[Record]) -> list[tuple[int, ...]]:
    """Each record's children (the records whose ``parent`` it is), in record order."""
    at = {rec.id: r for r, rec in enumerate(recs)}
    out: list[list[int]] = [[] for _ in recs]
    for r, rec in enumerate(recs):
        p = at.get(rec.parent) if rec.parent is not None else None
        if p is not None and p != r:
            out[p].append(r)
    return [tuple(kids) for kids in out]


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every character kept at its offset (a few expand when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class TextIndex:
    """The records' fields in static-rank order, and their lower-cased concatenation."""

    def __init__(self, recs: list[Record]) -> None:
        with gc_paused():
            self._build(recs)
        self._key: str | None = None

    def _build(self, recs: list[Record]) -> None:
        self.records = recs
        entries = [(name, value, r) for r, rec in enumerate(recs) for name, value in rec.fields
                   if value and name in FIELDS]
        # Static rank: (class, length), ties in record order. ``entries`` is already in record
        # order and the sort is stable, so one int per entry is the whole key (C compares,
        # no key tuples).
        keys = [static_rank(name, value) for name, value, _ in entries]
        entries = [entries[i] for i in sorted(range(len(entries)), key=keys.__getitem__)]
        self.field_record = array("I", map(_THIRD, entries))
        self.field_name = list(map(_FIRST, entries))
        self.field_text = list(map(_SECOND, entries))
        weight = {name: w for name, (_, w) in FIELDS.items()}
        self.field_weight = list(map(weight.__getitem__, self.field_name))
        self.field_heading = [FIELDS[name][0] == 0 for name in self.field_name]
        by_record: list[list[int]] = [[] for _ in recs]
        for f, r in enumerate(self.field_record):
            by_record[r].append(f)
        self.record_fields = [tuple(fs) for fs in by_record]
        self.record_section = [rec.section for rec in recs]
        self.record_children = children_of(recs)
        self.starts = starts_of(self.field_text)

    @functools.cached_property
    def low(self) -> str:
        """The fields lower-cased, folded and concatenated (made when first asked for: a large
        pack's store is built in parts, and the whole string is never needed)."""
        return lower_fold_concat(self.field_text)[0]

    def __len__(self) -> int:
        return len(self.field_text)

    @property
    def chars(self) -> int:
        """Length of the concatenated fields (of :attr:`low`, without making it)."""
        return self.starts[-1]

    def low_of(self, f: int) -> str:
        return self.low[self.starts[f]: self.starts[f + 1] - 1]

    @property
    def key(self) -> str:
        """sha256 over the index format, the phrase table and every field: the cache key."""
        if self._key is None:
            self._key = text_key(self.field_name, self.field_text)
        return self._key

    def han_fields(self) -> list[int]:
        """Fields with a Han character (an ASCII one has none: skipped without a regex)."""
        return [f for f, t in enumerate(self.field_text) if not t.isascii() and HAN_RUN.search(t)]


def text_key(names: list[str], texts: list[str]) -> str:
    """sha256 over the index format, the phrase table and every field's name and text."""
    h = hashlib.sha256(f"briefing-search/{FORMAT}\n".encode())
    h.update(json.dumps(PHRASES, ensure_ascii=False, sort_keys=True).encode())
    for name, text in zip(names, texts, strict=True):
        h.update(f"\x1e{name}\x1f".encode())
        h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def english_words(text: str) -> set[str]:
    """The distinct words :data:`WORD_RE` finds in ``text`` (runs of at least three of a-z),
    by a byte translation and a split instead of the regular expression over every character
    (an index build reads tens of millions)."""
    data = text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES)
    return {w.decode("ascii") for w in set(data.split()) if len(w) >= 3}


def concat(parts: Iterator[str] | list[str]) -> tuple[str, array]:
    """Join ``parts`` with :data:`SEP` (one after each) and return the start offset of each."""
    parts = list(parts)
    return SEP.join(parts) + SEP, starts_of(parts)


def starts_of(parts: list[str]) -> array:
    """Where each of ``parts`` starts in their :func:`concat`, then its length (without
    joining them: the search store writes a large pack's fields block by block)."""
    return array("L", itertools.accumulate(map(_ONE.__add__, map(len, parts)), initial=0))


def lower_fold_concat(texts: list[str]) -> tuple[str, array]:
    """``concat(fold_fields([lower_same_length(t) for t in texts]))``, done on the joined string
    (see :func:`joined_lowered_folded`)."""
    return joined_lowered_folded(texts)[2], starts_of(texts)


def joined_lowered_folded(texts: list[str]) -> tuple[str, str | None, str]:
    """``texts`` joined as :func:`concat` joins them, that lowered (None if it is not the
    folded text's one-for-one source), and the folded text of :func:`lower_fold_concat`.

    Lower-casing and folding map one character to one (with a per-field fallback when they do
    not), so the joined string can be lowered and folded in a few C passes instead of one call
    per field; :data:`SEP` is neither cased nor Han, so it gives no character new context.
    """
    big = SEP.join(texts) + SEP
    low = big.lower()
    if len(low) == len(big):
        folded = fold_joined(low)
        if folded is not None:
            return big, low, folded
    return big, None, concat(fold_fields([lower_same_length(t) for t in texts]))[0]


_FIRST, _SECOND, _THIRD = (operator.itemgetter(i) for i in range(3))
_ONE = 1  # each field is followed by SEP: its length plus one, added in C
