"""The search index: searchable records, their texts, and their pinyin, cached by content hash.

Two layers, both built lazily by :class:`~briefing.search.engine.SearchEngine`:

* :class:`TextIndex` — every searchable field of the pack, ordered by *static rank* (titles and
  labels before texts, short before long) and concatenated into one lower-cased string, so a
  query is a C-speed ``str.find`` scan that stops once it has enough candidates. Built from the
  pack in memory; cheap.
* :class:`PinyinIndex` — for every field with Chinese characters, its full pinyin (one syllable
  per character, each preceded by a space marker, so ``" yan fa"`` finds 研发 and maps back to
  character offsets by counting markers) and its initials (one letter per character, so offsets
  are the characters' own). Computing pinyin needs pypinyin's tables (~0.3 s and ~60 MB), so it
  is done once per content hash and stored: in a JSON file shipped inside the package for the
  bundled pack, else in the user's cache directory. A stored index is used only when its key
  equals the pack's and it passes structural checks; anything else is rebuilt, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import operator
import os
import re
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.model import Pack, Text
from briefing.paths import cache_dir
from briefing.search.phrases import PHRASES

#: Bump when the stored format or the way pinyin is derived changes.
FORMAT = 3
SEP = "\x00"  # between fields in the concatenated strings; never part of a needle
NO_READING = "-"  # pinyin/initial placeholder for a character without a reading

HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RUN = re.compile(f"[{HAN_CLASS}]+")
WORD_RE = re.compile(r"[a-z]{3,}")
SYLLABLE_RE = re.compile(r"[a-z]+")
HEX_RE = re.compile(r"[0-9a-f]+")

#: Field name -> (static rank class, weight). Lower class sorts first; weight scales the score.
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

BUNDLED_INDEX = Path(__file__).with_name("bundled_index.json")
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Record:
    """A searchable thing (section, item, figure or comparison) with its named text fields."""

    id: str
    kind: str
    section: str | None
    title: Text
    zh: str
    en: str
    fields: tuple[tuple[str, str], ...]


def records(pack: Pack) -> Iterator[Record]:
    """Every searchable thing in the pack, with the fields a user might type words from."""
    for node in pack.nodes():
        kind = "section" if node.is_section else "item"
        yield Record(node.id, kind, node.section_id, node.title, node.text.zh, node.text.en,
                     (("title.zh", node.title.zh), ("title.en", node.title.en),
                      ("text.zh", node.text.zh), ("text.en", node.text.en)))
    for fig in pack.figures():
        zh = f"{fig.label.zh}：{fig.display}"
        en = f"{fig.label.en}: {fig.display}"
        fields = [("label.zh", fig.label.zh), ("label.en", fig.label.en),
                  ("display", fig.display), ("quote", fig.source.quote)]
        if fig.note:
            fields += [("note.zh", fig.note.zh), ("note.en", fig.note.en)]
        yield Record(fig.id, "figure", fig.section_id, fig.label, zh, en, tuple(fields))
    for cmp in pack.comparisons:
        note = cmp.note or Text("", "")
        fields = [("title.zh", cmp.title.zh), ("title.en", cmp.title.en)]
        if cmp.note:
            fields += [("note.zh", cmp.note.zh), ("note.en", cmp.note.en)]
        yield Record(cmp.id, "comparison", cmp.section_id, cmp.title, note.zh, note.en,
                     tuple(fields))


def lower_same_length(text: str) -> str:
    """``text.lower()`` with every character kept at its offset (a few expand when lowered)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class TextIndex:
    """The records' fields in static-rank order, and their lower-cased concatenation."""

    def __init__(self, recs: list[Record]) -> None:
        self.records = recs
        entries = []
        for r, rec in enumerate(recs):
            for name, value in rec.fields:
                if value and name in FIELDS:
                    entries.append((FIELDS[name][0], len(value), r, name, value))
        entries.sort(key=lambda e: (e[0], e[1], e[2]))
        self.field_record = array("I", (e[2] for e in entries))
        self.field_name = [e[3] for e in entries]
        self.field_text = [e[4] for e in entries]
        self.field_weight = [FIELDS[e[3]][1] for e in entries]
        by_record: list[list[int]] = [[] for _ in recs]
        for f, e in enumerate(entries):
            by_record[e[2]].append(f)
        self.record_fields = [tuple(fs) for fs in by_record]
        self.record_section = [rec.section for rec in recs]
        self.low, self.starts = concat(lower_same_length(t) for t in self.field_text)
        self._key: str | None = None

    def __len__(self) -> int:
        return len(self.field_text)

    def low_of(self, f: int) -> str:
        return self.low[self.starts[f]: self.starts[f + 1] - 1]

    @property
    def key(self) -> str:
        """sha256 over the index format, the phrase table and every field: the cache key."""
        if self._key is None:
            h = hashlib.sha256(f"briefing-search/{FORMAT}\n".encode())
            h.update(json.dumps(PHRASES, ensure_ascii=False, sort_keys=True).encode())
            for name, text in zip(self.field_name, self.field_text, strict=True):
                h.update(f"\x1e{name}\x1f".encode())
                h.update(text.encode("utf-8", "surrogatepass"))
            self._key = h.hexdigest()
        return self._key

    def han_fields(self) -> list[int]:
        return [f for f, t in enumerate(self.field_text) if HAN_RUN.search(t)]


def concat(parts: Iterator[str] | list[str]) -> tuple[str, array]:
    """Join ``parts`` with :data:`SEP` (one after each) and return the start offset of each."""
    parts = list(parts)
    starts = array("L")
    pos = 0
    for p in parts:
        starts.append(pos)
        pos += len(p) + 1
    starts.append(pos)
    return SEP.join(parts) + SEP, starts


#: Concatenations shorter than this are scanned whole; longer ones get a :class:`GramIndex`.
GRAM_MIN_CHARS = 400_000
GRAM_MAX_BLOCKS = 4096
GRAM_MIN_BLOCK = 2048
SPARSE_BLOCKS = 24  # grams in at most this many blocks keep a list, not a bitset


class GramIndex:
    """Which blocks of a concatenated string contain which 1-, 2- (and ASCII 3-) grams.

    The string is cut into blocks of whole fields. A gram found in few blocks keeps the sorted
    tuple of their numbers; a common one a bitset (a Python int). Intersecting a needle's grams
    gives the only blocks a scan must visit, so a needle that occurs rarely or nowhere costs
    microseconds instead of a pass over the whole string. An absent gram means "cannot occur":
    the filter never drops a real match.
    """

    def __init__(self, big: str, starts, data: dict) -> None:
        self.block_fields = list(data["blocks"])  # first field of each block
        self.bounds = [starts[f] for f in self.block_fields] + [len(big)]
        self.grams: dict[str, int | tuple[int, ...]] = {
            g: int(v, 16) if isinstance(v, str) else tuple(int(b) for b in v)
            for g, v in data["grams"].items()}
        self.all = (1 << len(self.block_fields)) - 1
        self.count = len(self.block_fields)

    @staticmethod
    def build(big: str, starts) -> dict:
        fields = len(starts) - 1
        size = max(GRAM_MIN_BLOCK, len(big) // GRAM_MAX_BLOCKS + 1)
        blocks, f = [], 0
        while f < fields:
            blocks.append(f)
            end = starts[f] + size
            f = max(f + 1, bisect_left(starts, end, lo=f + 1, hi=fields))
        where: dict[str, list[int]] = {}
        bounds = [starts[b] for b in blocks] + [len(big)]
        for b in range(len(blocks)):
            for g in block_grams(big[bounds[b]: bounds[b + 1]]):
                got = where.get(g)
                if got is None:
                    where[g] = [b]
                else:
                    got.append(b)
        out: dict[str, str | list[int]] = {}
        nbytes = (len(blocks) + 7) // 8
        for g, found in where.items():
            if len(found) <= SPARSE_BLOCKS:
                out[g] = found
            else:
                bits = bytearray(nbytes)
                for b in found:
                    bits[b >> 3] |= 1 << (b & 7)
                out[g] = format(int.from_bytes(bits, "little"), "x")
        return {"blocks": blocks, "grams": out}

    def candidates(self, needle: str) -> list[tuple[int, int]]:
        """(start, end) of every block that may contain ``needle``, in order."""
        mask = self.all
        lists: list[tuple[int, ...]] = []
        for g in needle_grams(needle):
            v = self.grams.get(g)
            if v is None:
                return []
            if isinstance(v, int):
                mask &= v
            else:
                lists.append(v)
        mask &= self.all
        if lists:
            lists.sort(key=len)
            rest = [frozenset(x) for x in lists[1:]]
            found = [b for b in lists[0] if isinstance(b, int) and 0 <= b < self.count
                     and mask >> b & 1 and all(b in r for r in rest)]
        else:
            bits = format(mask, "b")[::-1]
            found = []
            b = bits.find("1")
            while b >= 0:
                found.append(b)
                b = bits.find("1", b + 1)
        return [(self.bounds[b], self.bounds[b + 1]) for b in found]


def block_grams(s: str) -> set[str]:
    grams = set(s)
    grams.update(map(operator.add, s, s[1:]))
    a = s.encode("ascii", "ignore").decode("ascii")  # joins ASCII runs: only adds grams
    grams.update({a[j: j + 3] for j in range(len(a) - 2)})
    grams.discard(SEP)
    return {g for g in grams if SEP not in g}


def needle_grams(needle: str) -> list[str]:
    """The grams every occurrence of ``needle`` must contain (at most 12)."""
    if len(needle) < 3:
        return [needle]
    if needle.isascii():
        grams = [needle[j: j + 3] for j in range(len(needle) - 2)]
    else:
        grams = [needle[j: j + 2] for j in range(len(needle) - 1)]
    return list(dict.fromkeys(grams))[:12]


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


def _grams(big: str, starts, data: dict | None) -> GramIndex | None:
    return None if data is None else GramIndex(big, starts, data)


def build_grams(big: str, starts) -> dict | None:
    return GramIndex.build(big, starts) if len(big) >= GRAM_MIN_CHARS else None


# -- building ------------------------------------------------------------------------------------
def _phrase_readings(run: str) -> dict[int, str]:
    """Offsets in ``run`` whose reading :data:`PHRASES` fixes (longest phrase first)."""
    fixed: dict[int, str] = {}
    for phrase in sorted(PHRASES, key=len, reverse=True):
        if phrase not in run:
            continue
        syllables = PHRASES[phrase].split()
        start = run.find(phrase)
        while start >= 0:
            for i, syllable in enumerate(syllables):
                fixed.setdefault(start + i, syllable)
            start = run.find(phrase, start + len(phrase))
    return fixed


class _Pinyin:
    """pypinyin, imported only when an index has to be built."""

    def __init__(self) -> None:
        from pypinyin import Style, lazy_pinyin

        self._lazy = lazy_pinyin
        self._style = Style.NORMAL
        self._memo: dict[str, list[str]] = {}

    def run(self, run: str) -> list[str]:
        """One toneless syllable (or :data:`NO_READING`) per character of a run of Han."""
        got = self._memo.get(run)
        if got is not None:
            return got
        out = self._lazy(run, style=self._style, errors=lambda s: [NO_READING] * len(s))
        if len(out) != len(run):
            out = [self._lazy(c, style=self._style, errors=lambda s: [NO_READING])[0]
                   for c in run]
        out = [s if SYLLABLE_RE.fullmatch(s) else NO_READING for s in out]
        for i, syllable in _phrase_readings(run).items():
            out[i] = syllable
        if len(self._memo) < 200_000:
            self._memo[run] = out
        return out

    def field(self, text: str) -> tuple[str, str]:
        """(pinyin with a space before each character's syllable, initials) of one field."""
        syl = [NO_READING] * len(text)
        for m in HAN_RUN.finditer(text):
            syl[m.start(): m.end()] = self.run(m.group())
        py = "".join(" " + s for s in syl)
        ini = "".join(s[0] for s in syl)
        return py, ini


def build_data(text: TextIndex, progress: Progress | None = None) -> dict:
    """Compute the stored part of the index (imports pypinyin)."""
    fields = text.han_fields()
    engine = _Pinyin()
    py, ini = [], []
    syllables: set[str] = set()
    total = len(fields)
    step = max(1, total // 200)
    for n, f in enumerate(fields):
        p, i = engine.field(text.field_text[f])
        py.append(p)
        ini.append(i)
        if progress and n % step == 0:
            progress(n, total)
    for p in py:
        syllables.update(p.split())
    syllables.discard(NO_READING)
    vocab = sorted(set(WORD_RE.findall(text.low)))
    grams = {"low": build_grams(text.low, text.starts),
             "py": build_grams(*concat(py)), "ini": build_grams(*concat(ini))}
    if progress:
        progress(total, total)
    return {"format": FORMAT, "key": text.key, "fields": fields, "py": py, "ini": ini,
            "syllables": sorted(syllables), "vocab": vocab, "grams": grams}


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


def read_json(path: Path) -> object:
    """Parsed JSON at ``path``, or None when missing, unreadable or corrupt."""
    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError, RecursionError):
        return None


def write_json(path: Path, data: dict, keep: int = 8) -> bool:
    """Write ``data`` atomically (temp file + rename); prune old indexes. False on failure."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".search-index-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        return False
    with contextlib.suppress(OSError):
        if not keep:
            return True
        olds = sorted(path.parent.glob("search-index-*.json"),
                      key=lambda p: p.stat().st_mtime, reverse=True)
        for old in olds[keep:]:
            old.unlink()
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
    path = cache_path(text.key, directory)
    index = _open(text, read_json(path))
    if index is not None:
        return index, "cache"
    data = build_data(text, progress)
    write_json(path, data)
    return PinyinIndex(text, data), "built"
