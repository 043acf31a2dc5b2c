"""Pinyin of many fields at once, by table lookups over arrays of code points.

pypinyin reads a character by the dictionary phrase its segmentation puts it in, or alone. A
phrase whose reading of some character differs from that character's reading alone is
*deviating* (about 3,400 of 47,000: 银行 háng, 目的 dì). A field where no deviating phrase can
occur (no pair of characters around a differing one is in it) and no entry of
:data:`~briefing.search.phrases.PHRASES` occurs reads, character by character, as each
character does alone. Those fields are read by looking each code unit up in tables (numpy);
the rest (a few percent) are read by :meth:`~briefing.search.readings.Pinyin.field`. Only the
build of a large pack's index imports this module.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

import numpy as np

from briefing.search.fields import HAN_RUN, starts_of
from briefing.search.readings import (
    _ANY_PHRASE,
    _FIRST,
    NO_READING,
    SYLLABLE_RE,
    Pinyin,
    _one_by_one,
    _syllables,
)

_SEP = "\x00"  # fields.SEP: joins the fields read at once
_ID0 = 0xE000  # syllable n is written chr(_ID0 + n) between the translate passes
_UNICODE = 0x110000
ROW = 8  # bytes of a code unit's " syllable" in the pinyin table (the longest is 7)
CHUNK = 1 << 21  # code units turned into pinyin bytes at once (a 16 MB matrix)
AT_ONCE = 1 << 20  # characters of fields read in one pass (its arrays: tens of MB)


def _pair_keys(pairs: set[str]) -> np.ndarray:
    """Two-character strings as sorted numbers (first code point << 21 | second)."""
    return np.array(sorted(ord(p[0]) << 21 | ord(p[1]) for p in pairs), np.uint64)


def _among(keys: np.ndarray, sorted_keys: np.ndarray) -> np.ndarray:
    """Which of ``keys`` are in ``sorted_keys`` (a binary search each, no sort of ``keys``)."""
    if not len(sorted_keys):
        return np.zeros(len(keys), bool)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return sorted_keys[at] == keys


def _runs(texts: list[str], chars: int) -> Iterator[list[str]]:
    """``texts`` in consecutive runs of about ``chars`` characters."""
    start = size = 0
    for n, text in enumerate(texts):
        size += len(text) + 1
        if size >= chars:
            yield texts[start: n + 1]
            start, size = n + 1, 0
    if start < len(texts) or not texts:
        yield texts[start:]


def code_points(text: str) -> np.ndarray:
    """The code points of ``text``, one per character: 16-bit when all are in the Basic
    Multilingual Plane (its UTF-16, half the memory of UTF-32), else 32-bit."""
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(text):
        return np.frombuffer(data, np.uint16)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)


def _distinct(codes: np.ndarray) -> np.ndarray:
    """The distinct UTF-16 code units in ``codes``, in order."""
    seen = np.zeros(0x10000, bool)
    seen[codes] = True
    return np.flatnonzero(seen)


class FieldReader:
    """:meth:`~briefing.search.readings.Pinyin.field` of many fields, mostly by table lookup."""

    def __init__(self, engine: Pinyin) -> None:
        from pypinyin import Style
        from pypinyin.constants import PHRASES_DICT

        self.engine = engine
        self.alone: dict[str, str] = {}
        left: set[str] = set()
        right: set[str] = set()
        always: set[str] = set()
        norm: dict[str, str] = {}
        convert = engine._converter.convert_style
        for phrase, readings in PHRASES_DICT.items():
            if len(readings) != len(phrase):  # pypinyin then reads the run char by char
                always.update(phrase)
                continue
            for k, c in enumerate(phrase):
                orig = readings[k][0]
                got = norm.get(orig)
                if got is None:
                    got = convert(c, orig, Style.NORMAL, True)
                    got = norm[orig] = got if SYLLABLE_RE.fullmatch(got) else NO_READING
                if got == self.read_alone(c):
                    continue
                if len(phrase) == 1:
                    always.add(c)
                if k:
                    left.add(phrase[k - 1: k + 1])
                if k + 1 < len(phrase):
                    right.add(phrase[k: k + 2])
        self.left, self.right, self.always = left, right, always
        self._left, self._right = _pair_keys(left), _pair_keys(right)
        self._always = np.zeros(_UNICODE, bool)
        self._always[[ord(c) for c in always]] = True
        self._suspect = self._always.copy()  # a character a deviating reading may start at
        self._suspect[[ord(b[1]) for b in left] + [ord(b[0]) for b in right]] = True
        self.syllables: list[str] = []
        self._syllable_id: dict[str, str] = {}
        self.ids = _Ids(self)
        # per UTF-16 code unit: " syllable" as little-endian bytes, its length, the initial
        self._known = np.zeros(0x10000, bool)
        self._py_row = np.zeros(0x10000, np.uint64)
        self._py_len = np.zeros(0x10000, np.uint8)
        self._ini = np.zeros(0x10000, np.uint8)
        self._py_of: dict[int, str] = {}

    def read_alone(self, c: str) -> str:
        got = self.alone.get(c)
        if got is None:
            got = self.alone[c] = self.engine.run(c)[0] if HAN_RUN.fullmatch(c) else NO_READING
        return got

    def syllable_id(self, syllable: str) -> str:
        got = self._syllable_id.get(syllable)
        if got is None:
            got = self._syllable_id[syllable] = chr(_ID0 + len(self.syllables))
            self.syllables.append(syllable)
        return got

    def _learn(self, codes: np.ndarray) -> bool:
        """Fill the tables for the code units in ``codes`` not met before; False if a reading
        is too long for a table row (then the caller reads another way)."""
        for code in codes[~self._known[codes]].tolist():
            syllable = self.read_alone(chr(code)) if code else _SEP
            py = " " + syllable if code else _SEP
            if len(py) > ROW:
                return False
            self._py_of[code] = py
            self._py_row[code] = int.from_bytes(py.encode("ascii"), "little")
            self._py_len[code] = len(py)
            self._ini[code] = ord(syllable[0])
            self._known[code] = True
        return True

    def _translate(self, joined: str, codes: np.ndarray, skip: list[tuple[int, int]]
                   ) -> tuple[list[str], list[str], set[str] | None]:
        """Every field read character by character, as each character reads alone, and the
        syllables read outside the ``skip`` spans (None if not known).

        Text of the Basic Multilingual Plane (``codes``, see :func:`code_points`, are 16-bit)
        is looked up by code unit in numpy tables; text with astral characters goes through
        ``str.translate``.
        """
        if codes.dtype != np.uint16 or not self._learn(_distinct(codes)):
            return self._translate_by_ids(joined)
        edges = [0, *(e for span in skip for e in span), len(codes)]  # out, in, out, ...
        inside = np.repeat(np.arange(len(edges) - 1) % 2 == 1, np.diff(edges))
        outside = _distinct(codes[~inside])
        del inside
        cols = np.arange(ROW, dtype=np.uint8)
        out = bytearray(int(self._py_len[codes].sum(dtype=np.int64)))
        into, at = np.frombuffer(out, np.uint8), 0
        for lo in range(0, len(codes), CHUNK):  # a bounded matrix at a time
            part = codes[lo: lo + CHUNK]
            rows = self._py_row[part].view(np.uint8).reshape(-1, ROW)
            piece = rows[cols < self._py_len[part][:, None]]
            into[at: at + len(piece)] = piece
            at += len(piece)
        del into
        text = out.decode("ascii")
        del out
        py = text.split(_SEP)
        del text
        ini = self._ini[codes].tobytes().decode("ascii").split(_SEP)
        py_of = self._py_of
        return py, ini, {py_of[code][1:] for code in outside.tolist() if code}

    def _translate_by_ids(self, joined: str) -> tuple[list[str], list[str], None]:
        """:meth:`_translate` of any text, by ``str.translate`` through syllable ids."""
        ids = joined.translate(self.ids)
        py_of = [None] * (_ID0 + len(self.syllables))
        ini_of = py_of.copy()
        py_of[0] = ini_of[0] = _SEP
        for n, syllable in enumerate(self.syllables):
            py_of[_ID0 + n], ini_of[_ID0 + n] = " " + syllable, syllable[0]
        return ids.translate(py_of).split(_SEP), ids.translate(ini_of).split(_SEP), None

    def needs_segmentation(self, joined: str, c: np.ndarray | None = None) -> list[int]:
        """Offsets in ``joined`` (whose :func:`code_points` are ``c``) where a deviating
        phrase or a :data:`PHRASES` entry may be."""
        out = [m.start() for m in _ANY_PHRASE.finditer(joined)]
        if c is None:
            c = code_points(joined)
        at = np.flatnonzero(self._suspect[c])
        here = c[at].astype(np.uint64)
        hit = self._always[c[at]]
        before = at > 0
        hit[before] |= _among(c[at[before] - 1].astype(np.uint64) << np.uint64(21)
                              | here[before], self._left)
        after = at + 1 < len(c)
        hit[after] |= _among(here[after] << np.uint64(21)
                             | c[at[after] + 1].astype(np.uint64), self._right)
        return sorted(out + at[hit].tolist())

    def fields(self, texts: list[str]) -> tuple[list[str], list[str], set[str]]:
        """:meth:`Pinyin.field` of each text: (pinyins, initials, every syllable read), read
        :data:`AT_ONCE` characters at a time (each field reads the same either way)."""
        py: list[str] = []
        ini: list[str] = []
        syllables: set[str] = set()
        for run in _runs(texts, AT_ONCE):
            p, i, s = self._fields(run)
            py += p
            ini += i
            syllables |= s
        return py, ini, syllables

    def _fields(self, texts: list[str]) -> tuple[list[str], list[str], set[str]]:
        joined = _SEP.join(texts)
        if joined.count(_SEP) != len(texts) - 1:
            py, ini = _one_by_one(self.engine, texts)
            return py, ini, _syllables(py)
        offsets = starts_of(texts)
        codes = code_points(joined)
        flagged = np.array(self.needs_segmentation(joined, codes), np.intp)
        field_of = np.searchsorted(np.asarray(offsets), flagged, side="right") - 1
        by_field: dict[int, list[int]] = {}
        for n, i in zip(field_of.tolist(), flagged.tolist(), strict=True):
            by_field.setdefault(n, []).append(i - offsets[n])
        py, ini, syllables = self._translate(
            joined, codes, [(offsets[n], offsets[n + 1] - 1) for n in sorted(by_field)])
        for n, at in by_field.items():  # re-read the runs where a phrase may be, as run() does
            syl = py[n].split(" ")[1:]
            for m in HAN_RUN.finditer(texts[n]):
                k = bisect_left(at, m.start())
                if k < len(at) and at[k] < m.end():
                    syl[m.start(): m.end()] = self.engine.run(m.group())
            py[n] = " " + " ".join(syl)
            ini[n] = "".join(map(_FIRST, syl))
            if syllables is not None:
                syllables.update(syl)
        if syllables is None:
            syllables = _syllables(py)
        syllables.discard(NO_READING)
        return py, ini, syllables


class _Ids(dict):
    """Character code -> its syllable's id character, filled in as ``str.translate`` meets them."""

    def __init__(self, reader: FieldReader) -> None:
        super().__init__({0: _SEP})
        self.reader = reader

    def __missing__(self, code: int) -> str:
        reader = self.reader
        got = self[code] = reader.syllable_id(reader.read_alone(chr(code)))
        return got
