"""Build a large pack's search store in two halves at once, and write it.

The first search of a library builds its index: folding, pinyin, n-gram filters and
compression over tens of millions of characters, all CPU-bound Python. The fields, in
static-rank order, are cut in two at a block boundary; a child process (see
:mod:`briefing.search.parallel`) builds the second half while this process builds the first
and then writes the records and field tables. The halves meet only in the store: the second
half's blocks are numbered on from the first's, its offsets shifted, and each gram's blocks
joined. Nothing in a half needs the other, so no process holds the whole folded text, pinyin
or gram maps, and nothing is built twice. If the child fails in any way, this process builds
its half too (slower, same store).

Where blocks are cut is the only difference from building the index whole: the pinyin and
initials are cut per half. A block filter is exact whatever its blocks, so every answer is
the same (``tests/search/test_store.py`` checks each evaluation keystroke against the index
built in memory).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import sqlite3
import tempfile
import zlib
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.paths import prune_cache
from briefing.search.fields import (
    HAN_RUN,
    SEP,
    english_words,
    gc_paused,
    joined_lowered_folded,
    starts_of,
)
from briefing.search.gram_build import GramTable
from briefing.search.grams import (
    GRAM_MAX_BLOCKS,
    SPARSE_BLOCKS,
    block_size,
    block_starts,
)
from briefing.search.parallel import run_in_child
from briefing.search.readings import Pinyin, read_fields
from briefing.search.store import STORE_FORMAT, ZLIB_LEVEL
from briefing.search.store_input import StoreInput

#: The share of the characters the child builds: this process also writes the records, the
#: tables and its half's blocks and grams meanwhile, and its half (the short fields, mostly
#: Chinese) costs more per character.
CHILD_SHARE = 0.6
#: Characters of whole blocks a half folds and compresses at once (its strings: tens of MB).
FOLD_AT_ONCE = 1 << 21
#: Each half cuts its pinyin and initials into at most this many blocks.
HALF_BLOCKS = GRAM_MAX_BLOCKS // 2

_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE arrays(name TEXT PRIMARY KEY, code TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE block(s TEXT NOT NULL, b INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY(s, b))
    WITHOUT ROWID;
CREATE TABLE gram(s TEXT NOT NULL, g TEXT NOT NULL, v NOT NULL, PRIMARY KEY(s, g))
    WITHOUT ROWID;
CREATE TABLE record(r INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE vocab(n INTEGER PRIMARY KEY, words TEXT NOT NULL);
"""
STREAMS = ("text", "py", "ini")


# -- one half ------------------------------------------------------------------------------------
def build_part(texts: list[str], text_blocks: list[int], max_blocks: int = HALF_BLOCKS,
               progress: Callable[[float], None] | None = None) -> dict:
    """Everything the store holds of ``texts`` (consecutive fields), cut into blocks starting
    at the fields ``text_blocks`` (pinyin and initials: at most ``max_blocks``), numbered
    from 0: compressed blocks, n-gram filters, field offsets, vocabulary and syllables.
    ``progress(share)`` is told how much of it is done (roughly, as each stage ends).

    The text is folded, compressed and read for grams :data:`FOLD_AT_ONCE` characters (whole
    blocks) at a time, and the pinyin block by block, so no string of the whole half is made.
    """
    tell = progress or _silent
    with gc_paused():
        starts = starts_of(texts)
        grams, vocab = GramTable(), set()
        blocks, plain, han, folded = [], bytearray(), array("L"), []
        for run in _block_runs([*text_blocks, len(texts)], starts, FOLD_AT_ONCE):
            first, base = run[0], starts[run[0]]
            joined, lowered, low = joined_lowered_folded(texts[first: run[-1]])
            for f, g in itertools.pairwise(run):
                a, z = starts[f] - base, starts[g] - base
                plain.append((lowered[a:z] if lowered is not None else joined[a:z].lower())
                             == low[a:z])  # is the block's folded text just it lowered?
                blocks.append(_pack(joined[a:z]))
                grams.add(low[a:z])
            vocab |= english_words(low)
            for f in range(first, run[-1]):
                t = texts[f]
                if not t.isascii() and HAN_RUN.search(t):
                    han.append(f)
                    folded.append(low[starts[f] - base: starts[f + 1] - base - 1])
        text = {"blocks": text_blocks, "data": blocks, "grams": grams.result()}
        tell(0.4)
        py, ini, syllables = read_fields(Pinyin(), folded)
        del folded
        tell(0.7)
        streams = {"py": _stream(py, max_blocks)}
        del py
        streams["ini"] = _stream(ini, max_blocks)
        tell(1.0)
        return {"text": text, "plain": bytes(plain), "vocab": vocab, "han": han,
                "syllables": syllables, **streams}


def _block_runs(cuts: list[int], starts, chars: int) -> Iterator[list[int]]:
    """Runs of consecutive blocks (each run: its blocks' first fields, then the field after
    its last) of about ``chars`` characters; ``cuts`` are the blocks' first fields, then the
    number of fields."""
    k = 0
    while k < len(cuts) - 1:
        j = k + 1
        while j < len(cuts) - 1 and starts[cuts[j + 1]] - starts[cuts[k]] <= chars:
            j += 1
        yield cuts[k: j + 1]
        k = j


def _silent(share: float) -> None:
    pass


def _stream(parts: list[str], max_blocks: int) -> dict:
    """A pinyin stream of a half: its blocks (compressed), their filter, its field offsets."""
    if not parts:
        return {"blocks": [], "data": [], "grams": {}, "starts": array("L", [0])}
    starts = starts_of(parts)
    blocks = block_starts(starts, block_size(starts[-1], max_blocks))
    grams, data = GramTable(), []
    for a, z in itertools.pairwise([*blocks, len(parts)]):
        piece = SEP.join(parts[a:z]) + SEP
        data.append(_pack(piece))
        grams.add(piece)
    return {"blocks": blocks, "starts": starts, "grams": grams.result(), "data": data}


def _pack(piece: str) -> bytes:
    return zlib.compress(piece.encode("utf-8", "surrogatepass"), ZLIB_LEVEL)


# -- the whole -----------------------------------------------------------------------------------
def write_store(path: Path, text, *, key: str, glossary=(), documents=(), progress=None,
                keep: int = 4) -> bool:
    """Build and write the store of ``text``: a :class:`~briefing.search.store_input.StoreInput`
    (or a :class:`~briefing.search.fields.TextIndex`, whose records are read into one).

    Atomic: written under a temporary name and renamed. False if it could not be written
    (nothing is left behind).
    """
    if not isinstance(text, StoreInput):
        text = StoreInput(text.records)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".search-store-", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError:
        return False
    n = len(text)

    def tell(share: float) -> None:  # this process's half runs as fast as the child's
        if progress:
            progress(min(n, int(share * n)), n)

    tell(0)
    try:
        with gc_paused():  # millions of objects are made and none is garbage
            _build_and_write(tmp, text, key=key, glossary=glossary, documents=documents,
                             tell=tell)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error, ValueError, OverflowError, MemoryError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    prune_cache(path.parent, "search-store-*.sqlite", keep)
    tell(1)
    return True


def _build_and_write(tmp: str, text, *, key: str, glossary, documents,
                     tell: Callable[[float], None]) -> None:
    """The first half here and the second in a child; this process writes the records and
    tables and the first half's blocks while the child works, then joins the halves."""
    starts, n = text.starts, len(text)
    blocks = block_starts(starts, block_size(starts[-1]))
    k = _split(blocks, starts)
    m = blocks[k] if k < len(blocks) else n
    second_args = (text.field_text[m:], [b - m for b in blocks[k:]])
    child = run_in_child(build_part, *second_args) if k < len(blocks) else None
    try:
        first = build_part(text.field_text[:m], blocks[:k], progress=lambda s: tell(0.8 * s))
        db = sqlite3.connect(tmp)
        try:
            db.executescript("PRAGMA page_size=32768; PRAGMA journal_mode=OFF; "
                             "PRAGMA synchronous=OFF; PRAGMA cache_size=-16384;" + _SCHEMA)
            about = _write_tables(db, text)
            _write_blocks(db, first, {s: 0 for s in STREAMS})
            for stream in STREAMS:  # numbered as in the whole: the second's are joined later
                db.executemany("INSERT INTO gram VALUES (?, ?, ?)", (
                    (stream, g, gram_value(v)) for g, v in first[stream]["grams"].items()))
            tell(0.85)
            second = child.result(lambda: build_part(*second_args)) if child \
                else build_part(*second_args)
            tell(0.9)
            _write_second_half(db, first, second, m, key=key, about=about,
                               glossary=glossary, documents=documents)
            db.commit()
        finally:
            db.close()
    finally:
        if child is not None:
            child.close()


def _split(blocks: list[int], starts) -> int:
    """The block where the second half starts: about :data:`CHILD_SHARE` of the characters
    from the end (``len(blocks)``: no second half, for a text of one block)."""
    if len(blocks) < 2:
        return len(blocks)
    target = starts[-1] * (1 - CHILD_SHARE)
    best = min(range(1, len(blocks)), key=lambda k: abs(starts[blocks[k]] - target))
    return best


def _write_blocks(db, half: dict, first_block: dict[str, int]) -> None:
    for stream in STREAMS:
        db.executemany("INSERT INTO block VALUES (?, ?, ?)", (
            (stream, first_block[stream] + b, data)
            for b, data in enumerate(half[stream]["data"])))


def _write_second_half(db, first: dict, second: dict, m: int, *, key: str, about: dict,
                       glossary, documents) -> None:
    """The second half's blocks, then everything that joins the halves: block tables, field
    offsets, grams, vocabulary and the store's description."""
    shift = {s: len(first[s]["blocks"]) for s in STREAMS}
    _write_blocks(db, second, shift)
    with_grams = []
    first_han, second_han = first["han"], second["han"]
    fields = {"text": m, "py": len(first_han), "ini": len(first_han)}
    for stream in STREAMS:
        a, b = first[stream], second[stream]
        blocks = [*a["blocks"], *(fields[stream] + f for f in b["blocks"])]
        if not blocks:  # an empty stream: one empty block, no filter
            db.execute("INSERT INTO block VALUES (?, 0, ?)", (stream, _pack("")))
            blocks = [0]
        _put_array(db, f"{stream}.blocks", "q", blocks)
        grams = joined_grams(a["grams"], b["grams"], shift[stream])
        db.executemany("INSERT INTO gram VALUES (?, ?, ?) ON CONFLICT(s, g) DO UPDATE "
                       "SET v = excluded.v", ((stream, g, gram_value(v))
                                              for g, v in grams.items()))
        if a["grams"] or grams:
            with_grams.append(stream)
        if stream != "text":
            _put_array(db, f"{stream}_starts", "q", joined_starts(a["starts"], b["starts"]))
    _put_array(db, "text.plain", "B", first["plain"] + second["plain"])
    _put_array(db, "han_fields", "q", [*first_han, *(m + f for f in second_han)])
    by_length: dict[int, list[str]] = {}
    for word in sorted(first["vocab"] | second["vocab"]):
        by_length.setdefault(len(word), []).append(word)
    db.executemany("INSERT INTO vocab VALUES (?, ?)",
                   ((n, "\n".join(ws)) for n, ws in by_length.items()))
    meta = {"format": STORE_FORMAT, "key": key, **about,
            "syllables": sorted(first["syllables"] | second["syllables"]),
            "grams": with_grams, "glossary": [list(g) for g in glossary],
            "documents": [[str(d.path), d.sha256] for d in documents]}
    db.executemany("INSERT INTO meta VALUES (?, ?)",
                   ((k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()))


def _write_tables(db, inp: StoreInput) -> dict:
    """Per-field and per-record tables, and the records' rows; returns what the store's
    description says of them."""
    _put_array(db, "starts", "q", inp.starts)
    _put_array(db, "field_record", "q", inp.field_record)
    _put_array(db, "field_name", "B", inp.field_name_codes)
    _put_array(db, "record_fields.at", "q", inp.record_fields_at)
    _put_array(db, "record_fields", "q", inp.record_fields)
    _put_array(db, "record_section", "q", inp.record_section)
    db.executemany("INSERT INTO record VALUES (?, ?)", enumerate(inp.record_rows))
    return {"fields": len(inp), "records": inp.record_count, "field_names": inp.field_names,
            "sections": inp.sections, "top_sections": inp.top_sections}


# -- joining the halves --------------------------------------------------------------------------
def merge_grams(first: dict, second: dict, shift: int) -> dict:
    """Each gram's blocks in both halves, the second's numbered on by ``shift``: sorted block
    numbers while there are few, else a bitset (as :func:`~briefing.search.gram_build.gram_blocks`
    gives for the whole)."""
    return {**first, **joined_grams(first, second, shift)}


def joined_grams(first: dict, second: dict, shift: int) -> dict:
    """:func:`merge_grams` of the grams in ``second`` only (the first's others are as they
    were)."""
    out = {}
    for g, v in second.items():
        v = v << shift if isinstance(v, int) else [b + shift for b in v]
        old = first.get(g)
        if old is None:
            out[g] = v
        elif isinstance(old, list) and isinstance(v, list) \
                and len(old) + len(v) <= SPARSE_BLOCKS:
            out[g] = old + v
        else:
            out[g] = _bits(old) | _bits(v)
    return out


def _bits(v: int | list[int]) -> int:
    return v if isinstance(v, int) else sum(1 << b for b in v)


def gram_value(v: int | list[int]) -> str | bytes:
    """A gram's blocks as stored: a few as text ("1,5,9"), many as the bitset's bytes."""
    if isinstance(v, int):
        return v.to_bytes(max(1, (v.bit_length() + 7) // 8), "little")
    return ",".join(map(str, v))


def joined_starts(first: array, second: array) -> array:
    """Field offsets of two concatenations joined (each ends with its total length)."""
    out = array("q", first)
    base = out.pop()
    out.extend(base + s for s in second)
    return out


def _put_array(db, name: str, code: str, values) -> None:
    """Store numbers as an array of C integers: ``code`` "q" (signed 64-bit) is narrowed to
    "I" or "i" (32-bit) when every value fits, halving what a search holds in memory."""
    if code == "q" and len(values):
        low, high = min(values), max(values)
        code = "I" if low >= 0 and high < 2**32 else "i" if low >= -2**31 and high < 2**31 \
            else "q"
    blob = values.tobytes() if isinstance(values, array) and values.typecode == code \
        else array(code, values).tobytes()
    db.execute("INSERT INTO arrays VALUES (?, ?, ?)", (name, code, zlib.compress(blob, 1)))
