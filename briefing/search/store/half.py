"""One part of a large pack's search store, built in a process of its own.

:mod:`briefing.search.store.build` cuts the fields, in static-rank order, in two at a block
boundary and has each half built by a child process (:mod:`briefing.search.bulk.parallel`) running
:func:`write_part`: it folds, compresses and reads the half's text for n-grams, reads its
pinyin and initials, and writes the compressed blocks and the n-gram filters into a SQLite
file of its own, numbered from 0. Only the small rest (block starts, field offsets,
vocabulary, syllables) travels back through the pipe; the store joins the files. So the
process that builds the store never holds a half's blocks, grams or pinyin, and each child
holds one half's.
"""

from __future__ import annotations

import itertools
import sqlite3
import zlib
from array import array
from collections.abc import Callable, Iterator

from briefing.search.bulk import read_fields
from briefing.search.bulk.gram_arrays import GramTable
from briefing.search.fields import (
    HAN_RUN,
    SEP,
    english_words,
    gc_paused,
    joined_lowered_folded,
    starts_of,
)
from briefing.search.grams import GRAM_MAX_BLOCKS, block_size, block_starts
from briefing.search.readings import Pinyin
from briefing.search.store import ZLIB_LEVEL

#: Characters of whole blocks a half folds and compresses at once (its strings: tens of MB).
FOLD_AT_ONCE = 1 << 21
#: Each half cuts its pinyin and initials into at most this many blocks.
HALF_BLOCKS = GRAM_MAX_BLOCKS // 2
STREAMS = ("text", "py", "ini")
#: The tables of a part's file (the store's own, without the rest).
PART_SCHEMA = """
CREATE TABLE block(s TEXT NOT NULL, b INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY(s, b))
    WITHOUT ROWID;
CREATE TABLE gram(s TEXT NOT NULL, g TEXT NOT NULL, v NOT NULL, PRIMARY KEY(s, g))
    WITHOUT ROWID;
"""
PRAGMAS = ("PRAGMA page_size=32768; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
           "PRAGMA cache_size=-16384;")


def write_part(texts: list[str], text_blocks: list[int], path: str,
               max_blocks: int = HALF_BLOCKS,
               progress: Callable[[float], None] | None = None) -> dict:
    """:func:`build_part`, with its blocks and n-gram filters written to a new SQLite file at
    ``path`` (tables ``block`` and ``gram`` as the store has them, numbered from 0) as each
    stream is done, and ``texts`` let go (cleared) once read; returns the rest: each
    stream's block starts (and the pinyin streams' field offsets), whether each block's
    folded text is just it lowered, the fields with Chinese, the vocabulary and the
    syllables."""
    db = sqlite3.connect(path)
    try:
        db.executescript(PRAGMAS + PART_SCHEMA)

        def sink(stream: str, got: dict) -> None:
            db.executemany("INSERT INTO block VALUES (?, ?, ?)",
                           ((stream, b, data) for b, data in enumerate(got.pop("data"))))
            grams = got.pop("grams")
            db.executemany("INSERT INTO gram VALUES (?, ?, ?)",
                           ((stream, g, gram_value(v)) for g, v in grams.items()))
            got["grams"] = bool(grams)
            db.commit()

        return build_part(texts, text_blocks, max_blocks, progress, sink=sink, consume=True)
    finally:
        db.close()


def gram_value(v: int | list[int]) -> str | bytes:
    """A gram's blocks as stored: a few as text ("1,5,9"), many as the bitset's bytes."""
    if isinstance(v, int):
        return v.to_bytes(max(1, (v.bit_length() + 7) // 8), "little")
    return ",".join(map(str, v))


# -- one half ------------------------------------------------------------------------------------
def build_part(texts: list[str], text_blocks: list[int], max_blocks: int = HALF_BLOCKS,
               progress: Callable[[float], None] | None = None,
               sink: Callable[[str, dict], None] | None = None, consume: bool = False) -> dict:
    """Everything the store holds of ``texts`` (consecutive fields), cut into blocks starting
    at the fields ``text_blocks`` (pinyin and initials: at most ``max_blocks``), numbered
    from 0: compressed blocks, n-gram filters, field offsets, vocabulary and syllables.
    ``progress(share)`` is told how much of it is done (roughly, as each stage ends).

    The text is folded, compressed and read for grams :data:`FOLD_AT_ONCE` characters (whole
    blocks) at a time, and the pinyin block by block, so no string of the whole half is made.
    Each stream ("text", "py", "ini") is handed to ``sink(stream, its dict)`` as soon as it
    is done, so its blocks and grams need not be kept (``sink`` may take them out);
    ``consume`` clears ``texts`` once they are read (the pinyin is read from folded copies).
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
        if consume:
            texts.clear()
        text = {"blocks": text_blocks, "data": blocks, "grams": grams.result()}
        del blocks, grams
        (sink or _kept)("text", text)
        tell(0.4)
        py, ini, syllables = read_fields(Pinyin(), folded)
        del folded
        tell(0.7)
        streams = {"py": _stream(py, max_blocks)}
        del py
        (sink or _kept)("py", streams["py"])
        streams["ini"] = _stream(ini, max_blocks)
        del ini
        (sink or _kept)("ini", streams["ini"])
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


def _kept(stream: str, got: dict) -> None:
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


