"""The search index: searchable records, their texts, and their pinyin, cached by content hash.

Two layers, both built lazily by :class:`~briefing.search.engine.SearchEngine`:

* :class:`~briefing.search.fields.TextIndex` — every searchable field of the pack in static-rank
  order, concatenated for ``str.find`` scans (see :mod:`briefing.search.fields`).
* :class:`PinyinIndex` — for every field with Chinese characters, its full pinyin (one syllable
  per character, each preceded by a space marker, so ``" yan fa"`` finds 研发 and maps back to
  character offsets by counting markers) and its initials (one letter per character, so offsets
  are the characters' own). Computing pinyin needs pypinyin's tables (~0.3 s and ~60 MB), so it
  is done once per content hash and stored: in a JSON file shipped inside the package for the
  bundled pack, else in the user's cache directory. A stored index is used only when its key
  equals the pack's and it passes structural checks; anything else is rebuilt, never trusted.
  One in the cache directory must also be this user's and carry a valid keyed digest
  (:mod:`briefing.paths.seal`), so nobody else's index can steer a search.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import os
import re
import tempfile
import zlib
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.paths import cache_dir, prune_cache
from briefing.paths.private import trusted_cache_dir, trusted_file
from briefing.paths.seal import SealedWriter, cache_key, unseal
from briefing.paths.unwind import terminate_unwinds
from briefing.search.bulk import build_grams, read_fields
from briefing.search.fields import (  # noqa: F401  (re-exported: the index's public names)
    FIELDS,
    FORMAT,
    HAN_CLASS,
    HAN_RUN,
    SEP,
    WORD_RE,
    Record,
    TextIndex,
    concat,
    english_words,
    gc_paused,
    lower_same_length,
    records,
)
from briefing.search.grams import (  # noqa: F401
    GRAM_MIN_CHARS,
    GramIndex,
    _grams,
)
from briefing.search.readings import SYLLABLE_RE, Pinyin

BUNDLED_INDEX = Path(__file__).with_name("bundled_index.json")
Progress = Callable[[int, int], None]
#: A stored index this long (UTF-8 bytes of its JSON) or longer is written zlib-compressed.
COMPRESS_MIN_CHARS = 4 * 2**20
ZLIB_LEVEL = 1  # the cheapest level: pinyin and initials compress well at any level
ZLIB_HEAD = b"\x78"  # the first byte of a zlib stream; JSON starts with "{"
CHUNK = 20_000  # list items encoded at a time


class PinyinIndex:
    """Pinyin and initials of every field with Chinese characters, plus the English vocabulary."""

    def __init__(self, text: TextIndex, data: dict) -> None:
        self.fields = array("L", data["fields"])
        self.py, self.py_starts = concat(data["py"])
        self.ini, self.ini_starts = concat(data["ini"])
        grams = data["grams"]
        self.low_grams = _grams(text.low, text.starts, grams.get("low"))
        self.py_grams = _grams(self.py, self.py_starts, grams.get("py"))
        self.ini_grams = _grams(self.ini, self.ini_starts, grams.get("ini"))
        self.syllables = frozenset(data["syllables"])
        self.vocab: list[str] = list(data["vocab"])
        self._by_length: dict[int, list[str]] = {}
        for word in self.vocab:
            self._by_length.setdefault(len(word), []).append(word)
        self.local = array("l", [-1]) * len(text)
        for i, f in enumerate(self.fields):
            self.local[f] = i

    def words_near(self, length: int, spread: int) -> list[str]:
        """Vocabulary words whose length is within ``spread`` of ``length``."""
        out: list[str] = []
        for n in range(max(1, length - spread), length + spread + 1):
            out.extend(self._by_length.get(n, ()))
        return out

    def py_of(self, i: int) -> str:
        return self.py[self.py_starts[i]: self.py_starts[i + 1] - 1]

    def ini_of(self, i: int) -> str:
        return self.ini[self.ini_starts[i]: self.ini_starts[i + 1] - 1]


#: Folded text this long or longer has its n-gram filter and vocabulary built in a child
#: process while this one reads pinyin (below it, starting the child costs more than it saves).
PARALLEL_MIN_CHARS = 4_000_000


def build_data(text: TextIndex, progress: Progress | None = None) -> dict:
    """Compute the stored part of the index (imports pypinyin)."""
    with gc_paused():
        return _build_data(text, progress)


def _build_data(text: TextIndex, progress: Progress | None) -> dict:
    child = None
    if len(text.low) >= PARALLEL_MIN_CHARS:
        from briefing.search.bulk.parallel import run_in_child  # only large builds need it

        child = run_in_child(_low_side, text.low, text.starts)
    try:
        fields = text.han_fields()
        engine = Pinyin()
        total = len(fields)
        texts = [text.low_of(f) for f in fields]  # folded: traditional text read as simplified
        py, ini, syllables = read_fields(engine, texts, progress)
        py_grams, ini_grams = build_grams(*concat(py)), build_grams(*concat(ini))
        serial = functools.partial(_low_side, text.low, text.starts)
        low_grams, vocab = child.result(serial) if child else serial()
    finally:
        if child:
            child.close()
    if progress:
        progress(total, total)
    return {"format": FORMAT, "key": text.key, "fields": fields, "py": py, "ini": ini,
            "syllables": sorted(syllables), "vocab": vocab,
            "grams": {"low": low_grams, "py": py_grams, "ini": ini_grams}}


def _low_side(low: str, starts) -> tuple[dict | None, list[str]]:
    """The folded text's n-gram filter and English vocabulary (what a child can build)."""
    with gc_paused():
        return build_grams(low, starts), sorted(english_words(low))


def valid_data(text: TextIndex, data: object) -> bool:
    """Whether stored index ``data`` belongs to ``text`` and is structurally sound."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != text.key:
        return False
    fields, py, ini = data.get("fields"), data.get("py"), data.get("ini")
    syllables, vocab = data.get("syllables"), data.get("vocab")
    if not all(isinstance(x, list) for x in (fields, py, ini, syllables, vocab)):
        return False
    if not len(fields) == len(py) == len(ini):
        return False
    n = len(text)
    last = -1
    for f, p, i in zip(fields, py, ini, strict=True):
        if not (isinstance(f, int) and last < f < n and isinstance(p, str)
                and isinstance(i, str)):
            return False
        length = len(text.field_text[f])
        if len(i) != length or p.count(" ") != length or SEP in p or SEP in i:
            return False
        last = f
    if not (all(isinstance(s, str) and SYLLABLE_RE.fullmatch(s) for s in syllables)
            and all(isinstance(w, str) for w in vocab)):
        return False
    grams = data.get("grams")
    if not isinstance(grams, dict):
        return False
    sizes = {"low": len(text), "py": len(fields), "ini": len(fields)}
    return all(_valid_grams(grams.get(name), n) for name, n in sizes.items())


def _valid_grams(data: object, fields: int) -> bool:
    """Cheap structural checks; gram values are checked as they are used (see GramIndex)."""
    if data is None:
        return True
    if not isinstance(data, dict) or not isinstance(data.get("grams"), dict):
        return False
    blocks = data.get("blocks")
    if not isinstance(blocks, list) or not blocks or blocks[0] != 0:
        return False
    return all(isinstance(b, int) and 0 <= a < b < fields
               for a, b in itertools.pairwise(blocks))


# -- storing -------------------------------------------------------------------------------------
def cache_path(key: str, directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"search-index-{key[:40]}.json"


def read_json(path: Path, key: bytes | None = None) -> object:
    """Parsed JSON at ``path`` (plain or zlib-compressed), or None when missing, unreadable or
    corrupt; with ``key``, only a file of this user's sealed with it (a cache file)."""
    try:
        with open(path, "rb") as handle:
            if key is not None and not trusted_file(handle.fileno()):
                return None
            raw: bytes | memoryview | None = handle.read()
        if key is not None:
            raw = unseal(raw, key)
            if raw is None:
                return None
        if raw[:1] == ZLIB_HEAD:
            raw = zlib.decompress(raw)
        return json.loads(bytes(raw))
    except (OSError, ValueError, RecursionError, zlib.error, MemoryError):
        return None


def encode_chunks(data: dict) -> Iterator[str]:
    """``data`` as compact JSON, in pieces: long lists are encoded a slice at a time by the C
    encoder (``json.dump`` to a file uses the pure-Python one), so no piece is the whole
    index."""
    yield "{"
    for n, (key, value) in enumerate(data.items()):
        yield ("," if n else "") + _dumps(key) + ":"
        if isinstance(value, list) and len(value) > CHUNK:
            yield "["
            for i in range(0, len(value), CHUNK):
                yield ("," if i else "") + _dumps(value[i: i + CHUNK])[1:-1]
            yield "]"
        else:
            yield _dumps(value)
    yield "}"


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write_json(path: Path, data: dict, keep: int = 8, key: bytes | None = None) -> bool:
    """Write ``data`` atomically (temp file + rename); prune old indexes. False on failure.

    An index of :data:`COMPRESS_MIN_CHARS` or more is zlib-compressed (pinyin strings shrink
    about tenfold); a small one, like the bundled pack's, stays plain JSON. With ``key`` (a
    cache file) it is sealed (:mod:`briefing.paths.seal`).
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".search-index-", suffix=".tmp", dir=path.parent)
        try:
            with terminate_unwinds(), os.fdopen(fd, "wb") as raw_file:
                fh = SealedWriter(raw_file, key) if key is not None else raw_file
                packer = None
                pending: list[bytes] = []
                size = 0
                for piece in encode_chunks(data):
                    chunk = piece.encode("utf-8", "surrogatepass")
                    if packer is None:
                        pending.append(chunk)
                        size += len(chunk)
                        if size >= COMPRESS_MIN_CHARS:
                            packer = zlib.compressobj(ZLIB_LEVEL)
                            for c in pending:
                                fh.write(packer.compress(c))
                            pending = []
                    else:
                        fh.write(packer.compress(chunk))
                if packer is None:
                    fh.write(b"".join(pending))
                else:
                    fh.write(packer.flush())
                if isinstance(fh, SealedWriter):
                    fh.close_seal()
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return False
    if keep:  # 0: the shipped index, written into the package
        prune_cache(path.parent, "search-index-*.json", keep)
    return True


def bundled_key() -> str | None:
    """The key of the index shipped in the package, read from the file's head only."""
    try:
        with BUNDLED_INDEX.open("rb") as fh:
            head = fh.read(256).decode("ascii", "replace")
    except OSError:
        return None
    m = re.search(r'"key":"([0-9a-f]{64})"', head)
    return m.group(1) if m else None


def _open(text: TextIndex, data: object) -> PinyinIndex | None:
    """A :class:`PinyinIndex` from stored ``data``, or None if it does not fit ``text``."""
    if not valid_data(text, data):
        return None
    try:
        return PinyinIndex(text, data)  # type: ignore[arg-type]
    except (TypeError, ValueError, KeyError, IndexError, OverflowError):
        return None


def load_index(text: TextIndex, progress: Progress | None = None,
               directory: Path | None = None) -> tuple[PinyinIndex, str]:
    """The stored index for ``text`` and where it came from: bundled, cache, or built now."""
    if bundled_key() == text.key:
        index = _open(text, read_json(BUNDLED_INDEX))
        if index is not None:
            return index, "bundled"
    folder = trusted_cache_dir(directory)
    key = cache_key(folder) if folder is not None else None
    if folder is None or key is None:  # no cache to trust: build, keep nothing
        return PinyinIndex(text, data := build_data(text, progress)), "built"
    path = cache_path(text.key, folder)
    index = _open(text, read_json(path, key))
    if index is not None:
        return index, "cache"
    data = build_data(text, progress)
    write_json(path, data, key=key)
    return PinyinIndex(text, data), "built"
