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
import json
import marshal
import threading
import zlib
from array import array
from pathlib import Path

from briefing.paths import cache_dir
from briefing.paths.private import trusted_cache_dir, trusted_file

#: 2: headings ranked by their core length; each record's children (for headline hits)
STORE_FORMAT = 2
RECORD_BLOCK = 256  # records stored together (their ids and kinds compress well together)
ZLIB_LEVEL = 1  # the cheapest level: about 3x smaller for Chinese, 10x for pinyin
_SEARCH = Path(__file__).resolve().parents[1]
#: what the stored text and pinyin are derived with (besides the pack itself): the search
#: package, and the formatter of the values it indexes
_CODE = [*sorted(_SEARCH.rglob("*.py")), _SEARCH.parent / "figures" / "formatting.py"]


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
    """The store at ``path`` if it exists and is the one for ``key``; None otherwise.

    Only a store in a private cache folder, written by this user, is opened (see
    :mod:`briefing.paths.private`): SQLite reads it as data (Python's sqlite3 loads no
    extension), but a file someone else can write could steer what a search shows. It is
    not sealed like the other caches: a digest would read all of it, and a search reads
    only the pages a query needs."""
    if trusted_cache_dir(path.parent) is None:
        return None
    try:
        with open(path, "rb") as handle:
            if not trusted_file(handle.fileno()):
                return None
    except OSError:
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
