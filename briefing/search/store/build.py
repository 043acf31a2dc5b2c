"""Build a large pack's search store in two halves at once, and write it.

The first search of a library builds its index: folding, pinyin, n-gram filters and
compression over tens of millions of characters, mostly CPU-bound Python. The fields, in
static-rank order, are cut in two at a block boundary, and each half is built by a child
process (:func:`~briefing.search.store.half.write_part`, run by
:mod:`briefing.search.bulk.parallel`) into a file of its own, while this process writes the
records and field tables. The halves meet only in the store: the second half's blocks are
numbered on from the first's, its offsets shifted, and each gram's blocks joined, the grams
read from both files in order, so no process holds the whole folded text, pinyin or gram
maps, nothing is built twice, and this process (which may hold the pack) holds neither
half. If a child fails in any way, this process builds its half itself (slower, same store).

Where blocks are cut is the only difference from building the index whole: the pinyin and
initials are cut per half. A block filter is exact whatever its blocks, so every answer is
the same (``tests/search/test_store.py`` checks each evaluation keystroke against the index
built in memory).
"""

from __future__ import annotations

import contextlib
import functools
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
from briefing.search.bulk.parallel import Texts, run_in_child
from briefing.search.fields import gc_paused
from briefing.search.grams import SPARSE_BLOCKS, block_size, block_starts
from briefing.search.store import STORE_FORMAT
from briefing.search.store.half import PRAGMAS, STREAMS, _pack, gram_value, write_part
from briefing.search.store.records import StoreInput

#: The share of the characters the second half holds: the first (the short fields, mostly
#: Chinese) costs more per character.
CHILD_SHARE = 0.55

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


# -- the whole -----------------------------------------------------------------------------------
def write_store(path: Path, text, *, key: str, glossary=(), documents=(), progress=None,
                keep: int = 4, release: bool = False) -> bool:
    """Build and write the store of ``text``: a :class:`~briefing.search.store.records.StoreInput`
    (or a :class:`~briefing.search.fields.TextIndex`, whose records are read into one).

    Atomic: written under a temporary name and renamed. False if it could not be written
    (nothing is left behind). ``release``: the input is this store's alone, and its texts
    are let go once the children building the halves have them, so the building process
    holds no more than it must; a child that fails then fails the build, as its half can no
    longer be built here.
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

    def tell(share: float) -> None:
        if progress:
            progress(min(n, int(share * n)), n)

    tell(0)
    try:
        with gc_paused():  # millions of objects are made and none is garbage
            _build_and_write(tmp, text, key=key, glossary=glossary, documents=documents,
                             tell=tell, release=release)
        os.replace(tmp, path)
    except BaseException as exc:  # an interrupted build (SIGTERM, ^C) leaves nothing either
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, (OSError, sqlite3.Error, ValueError, OverflowError, MemoryError)):
            return False
        raise
    prune_cache(path.parent, "search-store-*.sqlite", keep)
    tell(1)
    return True


def _build_and_write(tmp: str, text: StoreInput, *, key: str, glossary, documents,
                     tell: Callable[[float], None], release: bool) -> None:
    """Both halves in children, each into a file of its own; this process writes the records
    and tables meanwhile, then joins the halves' files into the store."""
    starts, n = text.starts, len(text)
    blocks = block_starts(starts, block_size(starts[-1]))
    k = _split(blocks, starts)
    groups = [blocks[:k], blocks[k:]] if k < len(blocks) else [blocks]
    bounds = [g[0] for g in groups] + [n]
    paths = [f"{tmp}.part{i}" for i in range(len(groups))]
    args = [(text.field_text[a:z], [f - a for f in g], path)
            for a, z, g, path in zip(bounds, bounds[1:], groups, paths, strict=False)]
    done = [0.0] * len(groups)

    def part_progress(i: int) -> Callable[[float], None]:
        def report(share: float) -> None:  # from the children's relay threads
            done[i] = share
            tell(0.9 * sum(done) / len(done))
        return report

    children = [run_in_child(write_part, Texts(a[0]), *a[1:], progress=part_progress(i))
                for i, a in enumerate(args)]
    if release and None not in children:
        args = None
        text.field_text.clear()  # the children have them
    try:
        db = sqlite3.connect(tmp)
        try:
            db.executescript(PRAGMAS + _SCHEMA + "PRAGMA cache_size=-4096;")
            about = _write_tables(db, text)
            db.commit()
            if release:
                text.let_go()
            parts = [child.result(functools.partial(_here, args, i, part_progress(i)))
                     if child is not None else _here(args, i, part_progress(i))
                     for i, child in enumerate(children)]
            tell(0.9)
            _join(db, parts, paths, bounds, key=key, about=about, glossary=glossary,
                  documents=documents)
            db.commit()
        finally:
            db.close()
    finally:
        for child in children:
            if child is not None:
                child.close()
        for path in paths:
            with contextlib.suppress(OSError):
                os.unlink(path)


def _here(args: list | None, i: int, progress: Callable[[float], None]) -> dict:
    """Half ``i`` built in this process, after its child failed (if its texts were kept)."""
    if args is None:
        raise OSError("the process building part of the search store failed")
    with contextlib.suppress(OSError):
        os.unlink(args[i][2])  # what a failed child may have left
    return write_part(*args[i], progress=progress)


def _split(blocks: list[int], starts) -> int:
    """The block where the second half starts: about :data:`CHILD_SHARE` of the characters
    from the end (``len(blocks)``: no second half, for a text of one block)."""
    if len(blocks) < 2:
        return len(blocks)
    target = starts[-1] * (1 - CHILD_SHARE)
    best = min(range(1, len(blocks)), key=lambda k: abs(starts[blocks[k]] - target))
    return best


def _join(db, parts: list[dict], paths: list[str], bounds: list[int], *, key: str,
          about: dict, glossary, documents) -> None:
    """The halves' blocks and grams (from their files), then everything else that joins
    them: block tables, field offsets, vocabulary and the store's description."""
    shifts, at = [], dict.fromkeys(STREAMS, 0)
    for part in parts:
        shifts.append(dict(at))
        for stream in STREAMS:
            at[stream] += len(part[stream]["blocks"])
    for n, (path, shift) in enumerate(zip(paths, shifts, strict=True)):
        db.execute(f"ATTACH DATABASE ? AS part{n}", (path,))
        db.execute(f"INSERT INTO block SELECT s, b + CASE s WHEN 'text' THEN ? WHEN 'py' THEN ? "
                   f"ELSE ? END, data FROM part{n}.block", tuple(shift[s] for s in STREAMS))
    if len(paths) == 1:
        db.execute("INSERT INTO gram SELECT s, g, v FROM part0.gram")
    else:  # the first half's grams the second lacks as they are; the second's joined on
        db.execute("INSERT INTO gram SELECT s, g, v FROM part0.gram AS a WHERE NOT EXISTS "
                   "(SELECT 1 FROM part1.gram AS b WHERE b.s = a.s AND b.g = a.g)")
        db.executemany("INSERT INTO gram VALUES (?, ?, ?)", joined_gram_rows(db, shifts[1]))
    db.commit()
    for n in range(len(paths)):
        db.execute(f"DETACH DATABASE part{n}")
    han_at = list(itertools.accumulate((len(p["han"]) for p in parts), initial=0))
    fields = {"text": bounds, "py": han_at, "ini": han_at}
    for stream in STREAMS:
        blocks = [fields[stream][i] + f for i, p in enumerate(parts) for f in p[stream]["blocks"]]
        if not blocks:  # an empty stream: one empty block, no filter
            db.execute("INSERT INTO block VALUES (?, 0, ?)", (stream, _pack("")))
            blocks = [0]
        _put_array(db, f"{stream}.blocks", "q", blocks)
        if stream != "text":
            joined = parts[0][stream]["starts"]
            for p in parts[1:]:
                joined = joined_starts(joined, p[stream]["starts"])
            _put_array(db, f"{stream}_starts", "q", joined)
    _put_array(db, "text.plain", "B", b"".join(p["plain"] for p in parts))
    _put_array(db, "han_fields", "q", array("q", (bounds[i] + f for i, p in enumerate(parts)
                                                  for f in p["han"])))
    by_length: dict[int, list[str]] = {}
    for word in sorted(set().union(*(p["vocab"] for p in parts))):
        by_length.setdefault(len(word), []).append(word)
    db.executemany("INSERT INTO vocab VALUES (?, ?)",
                   ((n, "\n".join(ws)) for n, ws in by_length.items()))
    meta = {"format": STORE_FORMAT, "key": key, **about,
            "syllables": sorted(set().union(*(p["syllables"] for p in parts))),
            "grams": [s for s in STREAMS if any(p[s]["grams"] for p in parts)],
            "glossary": [list(g) for g in glossary],
            "documents": [[str(path), sha] for d in documents for path, sha in d.files()]}
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
    _put_array(db, "record_children.at", "q", inp.record_children_at)
    _put_array(db, "record_children", "q", inp.record_children)
    db.executemany("INSERT INTO record VALUES (?, ?)", enumerate(inp.record_rows))
    return {"fields": len(inp), "records": inp.record_count, "field_names": inp.field_names,
            "sections": inp.sections, "top_sections": inp.top_sections}


# -- joining the halves --------------------------------------------------------------------------
def joined_gram_rows(db, shift: dict[str, int]) -> Iterator[tuple]:
    """The store's rows for the grams of the second half (attached as ``part1``): its blocks
    numbered on by ``shift``, joined with the first half's (``part0``) if it has the gram;
    read from the files as they are written, so no table of grams is ever held whole."""
    for s, g, v, old in db.execute("SELECT b.s, b.g, b.v, a.v FROM part1.gram AS b "
                                   "LEFT JOIN part0.gram AS a ON a.s = b.s AND a.g = b.g"):
        yield s, g, gram_value(_joined(None if old is None else _decoded(old), _decoded(v),
                                       shift[s]))


def _decoded(v: str | bytes) -> int | list[int]:
    return int.from_bytes(v, "little") if isinstance(v, bytes) else \
        [int(x) for x in v.split(",")] if v else []


def _joined(old: int | list[int] | None, v: int | list[int], shift: int) -> int | list[int]:
    """A gram's blocks so far (``old``) and those of the next part, numbered on by ``shift``:
    sorted numbers while there are few, else a bitset."""
    v = v << shift if isinstance(v, int) else [b + shift for b in v]
    if old is None:
        return v
    if isinstance(old, list) and isinstance(v, list) and len(old) + len(v) <= SPARSE_BLOCKS:
        return old + v
    return _bits(old) | _bits(v)


def merge_grams(first: dict, second: dict, shift: int) -> dict:
    """Each gram's blocks in both halves, the second's numbered on by ``shift`` (as
    :func:`joined_gram_rows` joins the halves' files; what the whole would give)."""
    out = dict(first)
    for g, v in second.items():
        out[g] = _joined(first.get(g), v, shift)
    return out


def _bits(v: int | list[int]) -> int:
    return v if isinstance(v, int) else sum(1 << b for b in v)


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
