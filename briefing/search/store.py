"""The search index of a large pack, stored whole in one SQLite file and read as it is needed.

A library of briefings is far larger than one pack: holding every field's text, its folded form
and its pinyin in memory costs gigabytes, and a command-line search that unpickles the pack and
rebuilds those strings before answering spends seconds on a query that needs microseconds. So a
pack whose text reaches :data:`~briefing.search.grams.GRAM_MIN_CHARS` keeps its index in a
store holding everything a search touches, cut into the n-gram filter's blocks and compressed:

* the fields' original text (the folded, lower-cased text is derived from it per block), the
  pinyin and the initials, block by block (zlib);
* per-field and per-record tables (arrays), the records' ids and the texts a hit shows (a
  record's text that is one of its fields is not stored twice);
* the n-gram filter (one row per gram) and the English vocabulary (one row per word length).

Opening a store reads a few arrays; a search reads the rows of the grams it needs and
decompresses the blocks those grams allow (recently used blocks are kept). SQLite is the
container because it is in the standard library, reads a row by key without loading the rest,
and a file written to a temporary name and renamed is complete or absent. The SQLite module
is imported only when a store is opened or written: small packs never pay for it.

The store is keyed by the pack's content digest (YAML and loader code) and this package's own
code, so a warm search can find it before, or instead of, loading the pack; it is used only if
its recorded key and format match, and any error while reading it raises :class:`StoreError`,
after which the engine rebuilds from the pack (see :mod:`briefing.search.engine`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import json
import marshal
import os
import tempfile
import threading
import zlib
from array import array
from pathlib import Path

from briefing.paths import cache_dir, prune_cache

STORE_FORMAT = 1
RECORD_BLOCK = 256  # records stored together (their ids and kinds compress well together)
ZLIB_LEVEL = 1  # the cheapest level: about 3x smaller for Chinese, 10x for pinyin
_HERE = Path(__file__).resolve().parent
#: what the stored text and pinyin are derived with (besides the pack itself)
_CODE = [*sorted(_HERE.glob("*.py")), _HERE.parent / "formatting.py"]


class StoreError(Exception):
    """The store could not be read (missing, corrupt, or not the one asked for)."""


@functools.cache
def code_digest() -> str:
    """sha256 of this package's code (read once: a store key is asked for per keystroke while
    a large pack's index is being built)."""
    h = hashlib.sha256(f"briefing-search-store/{STORE_FORMAT}\n".encode())
    for path in _CODE:
        with contextlib.suppress(OSError):
            h.update(path.read_bytes())
    return h.hexdigest()


def store_key(pack_digest: str) -> str:
    """The key of the store for a pack with this content digest."""
    return hashlib.sha256(f"{code_digest()}\n{pack_digest}".encode()).hexdigest()


def store_path(key: str, directory: Path | None = None) -> Path:
    return Path(directory or cache_dir()) / f"search-store-{key[:40]}.sqlite"


# -- writing -------------------------------------------------------------------------------------
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
#: stream name -> the gram index (in build_data's "grams") whose blocks cut it
STREAMS = {"text": "low", "py": "py", "ini": "ini"}


def write_store(path: Path, text, data: dict, *, key: str, glossary=(), documents=(),
                keep: int = 4) -> bool:
    """Write the store for ``text`` (a TextIndex) and ``data`` (from ``build_data``).

    Atomic: written under a temporary name and renamed. False if it could not be written.
    """
    import sqlite3

    from briefing.search.fields import SEP, starts_of

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".search-store-", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError:
        return False
    try:
        db = sqlite3.connect(tmp)
        try:
            db.executescript("PRAGMA page_size=32768; PRAGMA journal_mode=OFF; "
                            "PRAGMA synchronous=OFF; PRAGMA cache_size=-16384;" + _SCHEMA)
            py_starts, ini_starts = starts_of(data["py"]), starts_of(data["ini"])
            sources = {"text": (text.field_text, text.starts), "py": (data["py"], py_starts),
                       "ini": (data["ini"], ini_starts)}
            with_grams: list[str] = []
            for stream, (parts, starts) in sources.items():
                grams = data["grams"].get(STREAMS[stream])
                blocks = grams["blocks"] if grams else [0]
                cuts = [*blocks, len(parts)]
                # each block joined on its own: no copy of the whole text is made
                pieces = (SEP.join(parts[a: z]) + SEP if z > a else ""
                          for a, z in itertools.pairwise(cuts))
                plain: list[bool] = []
                for b, piece in enumerate(pieces):
                    if stream == "text":  # is its folded text just its text lowered?
                        low = text.low[starts[cuts[b]]: starts[cuts[b + 1]]]
                        plain.append(piece.lower() == low)
                    db.execute("INSERT INTO block VALUES (?, ?, ?)", (stream, b, zlib.compress(
                        piece.encode("utf-8", "surrogatepass"), ZLIB_LEVEL)))
                _put_array(db, f"{stream}.blocks", "q", blocks)
                if stream == "text":
                    _put_array(db, "text.plain", "B", plain)
                if grams:
                    # in key order: SQLite appends to its tree instead of inserting at random
                    db.executemany("INSERT INTO gram VALUES (?, ?, ?)", (
                        (stream, g, _gram_value(v)) for g, v in sorted(grams["grams"].items())))
                    with_grams.append(stream)
            _put_array(db, "starts", "q", text.starts)
            _put_array(db, "py_starts", "q", py_starts)
            _put_array(db, "ini_starts", "q", ini_starts)
            _put_array(db, "han_fields", "q", data["fields"])
            _put_array(db, "field_record", "q", text.field_record)
            names = sorted(set(text.field_name))
            code = {n: i for i, n in enumerate(names)}
            _put_array(db, "field_name", "B", [code[n] for n in text.field_name])
            csr = [0]
            for fs in text.record_fields:
                csr.append(csr[-1] + len(fs))
            _put_array(db, "record_fields.at", "q", csr)
            _put_array(db, "record_fields", "q", [f for fs in text.record_fields for f in fs])
            sections = sorted({s for s in text.record_section if s is not None})
            scode = {s: i for i, s in enumerate(sections)}
            _put_array(db, "record_section", "q",
                       [scode[s] if s is not None else -1 for s in text.record_section])
            recs = text.records
            db.executemany("INSERT INTO record VALUES (?, ?)", (
                (r // RECORD_BLOCK, zlib.compress(marshal.dumps(
                    [_record_row(rec) for rec in recs[r: r + RECORD_BLOCK]]), ZLIB_LEVEL))
                for r in range(0, len(recs), RECORD_BLOCK)))
            by_length: dict[int, list[str]] = {}
            for word in data["vocab"]:
                by_length.setdefault(len(word), []).append(word)
            db.executemany("INSERT INTO vocab VALUES (?, ?)",
                           ((n, "\n".join(ws)) for n, ws in by_length.items()))
            tops = sorted(rec.id for rec in text.records
                          if rec.kind == "section" and rec.section == rec.id)
            meta = {"format": STORE_FORMAT, "key": key, "text_key": text.key,
                    "fields": len(text), "records": len(text.records), "field_names": names,
                    "sections": sections, "top_sections": tops,
                    "syllables": data["syllables"], "grams": with_grams,
                    "glossary": [list(g) for g in glossary],
                    "documents": [[str(d.path), d.sha256] for d in documents]}
            db.executemany("INSERT INTO meta VALUES (?, ?)",
                           ((k, json.dumps(v, ensure_ascii=False)) for k, v in meta.items()))
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error, ValueError, OverflowError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    prune_cache(path.parent, "search-store-*.sqlite", keep)
    return True


def _gram_value(v: str | list[int]) -> str | bytes:
    """A gram's blocks as stored: a few as text ("1,5,9"), many as the bitset's bytes."""
    if isinstance(v, str):
        n = int(v, 16)
        return n.to_bytes(max(1, (n.bit_length() + 7) // 8), "little")
    return ",".join(map(str, v))


def _record_row(rec) -> tuple:
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


# -- reading -------------------------------------------------------------------------------------
class Store:
    """An open store: rows read on demand (thread-safe)."""

    def __init__(self, path: Path, key: str | None = None) -> None:
        import sqlite3

        self.path = path
        self._errors = (sqlite3.Error, zlib.error, ValueError, TypeError, EOFError,
                        IndexError, KeyError, OverflowError, UnicodeDecodeError, MemoryError)
        self._lock = threading.Lock()
        self._records: dict[int, list] = {}
        try:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True,
                                       check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(str(exc)) from None
        try:
            self.meta = {k: json.loads(v) for k, v in self._db.execute("SELECT k, v FROM meta")}
            if self.meta.get("format") != STORE_FORMAT or (key and self.meta.get("key") != key):
                raise StoreError("not the store asked for")
        except StoreError:
            self.close()
            raise
        except self._errors as exc:
            self.close()
            raise StoreError(str(exc)) from None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._db.close()

    def discard(self) -> None:
        """Close and delete the store (it could not be read): the next search rebuilds."""
        self.close()
        with contextlib.suppress(OSError):
            self.path.unlink()

    def query(self, sql: str, args: tuple = ()) -> list:
        try:
            with self._lock:
                return self._db.execute(sql, args).fetchall()
        except self._errors as exc:
            raise StoreError(str(exc)) from None

    def array(self, name: str) -> array:
        rows = self.query("SELECT code, data FROM arrays WHERE name = ?", (name,))
        if not rows:
            raise StoreError(f"no array {name}")
        try:
            out = array(rows[0][0])
            out.frombytes(zlib.decompress(rows[0][1]))
        except self._errors as exc:
            raise StoreError(str(exc)) from None
        return out

    def block(self, stream: str, b: int) -> str:
        """Block ``b`` of ``stream``, decompressed (the caller keeps what it reuses)."""
        rows = self.query("SELECT data FROM block WHERE s = ? AND b = ?", (stream, b))
        if not rows:
            raise StoreError(f"no block {stream}/{b}")
        try:
            return zlib.decompress(rows[0][0]).decode("utf-8", "surrogatepass")
        except self._errors as exc:
            raise StoreError(str(exc)) from None

    def gram(self, stream: str, g: str) -> str | bytes | None:
        rows = self.query("SELECT v FROM gram WHERE s = ? AND g = ?", (stream, g))
        return rows[0][0] if rows else None

    def record(self, r: int) -> tuple:
        got = self._records.get(r // RECORD_BLOCK)
        if got is None:
            rows = self.query("SELECT data FROM record WHERE r = ?", (r // RECORD_BLOCK,))
            if not rows:
                raise StoreError(f"no record {r}")
            try:
                got = marshal.loads(zlib.decompress(rows[0][0]))
            except self._errors as exc:
                raise StoreError(str(exc)) from None
            if len(self._records) > 64:
                self._records.clear()
            self._records[r // RECORD_BLOCK] = got
        try:
            return got[r % RECORD_BLOCK]
        except IndexError:
            raise StoreError(f"no record {r}") from None

    def words(self, length: int) -> list[str]:
        rows = self.query("SELECT words FROM vocab WHERE n = ?", (length,))
        return rows[0][0].split("\n") if rows and rows[0][0] else []


def open_store(path: Path, key: str | None = None) -> Store | None:
    """The store at ``path`` if it exists and is the one for ``key``; None otherwise."""
    if not path.is_file():
        return None
    try:
        return Store(path, key)
    except StoreError:
        return None


def find_store(root: Path, directory: Path | None = None) -> Store | None:
    """The store of the pack at ``root``, found without loading the pack: by the digest of its
    files, and only while the source documents it was validated against are unchanged."""
    from briefing.pack.cache import documents_unchanged, pack_digest

    try:
        key = store_key(pack_digest(root))
    except OSError:
        return None
    store = open_store(store_path(key, directory), key)
    if store is not None and not documents_unchanged(store.meta.get("documents", [])):
        store.close()
        return None
    return store
