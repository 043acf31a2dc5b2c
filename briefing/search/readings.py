"""Pinyin readings of Chinese text (pypinyin plus the phrase table), computed at build time."""

from __future__ import annotations

import itertools
import operator
import re
from array import array
from bisect import bisect_left, bisect_right

from briefing.lazyre import LazyPattern
from briefing.search.fields import HAN_RUN, starts_of
from briefing.search.phrases import PHRASES

NO_READING = "-"  # pinyin/initial placeholder for a character without a reading
SYLLABLE_RE = re.compile(r"[a-z]+")


_FIRST = operator.itemgetter(0)


def _no_readings(chars: str) -> list[str]:
    return [NO_READING] * len(chars)


def _no_reading(chars: str) -> list[str]:
    return [NO_READING]


_LONGEST_FIRST = sorted(PHRASES, key=len, reverse=True)
_ANY_PHRASE = LazyPattern("|".join(map(re.escape, _LONGEST_FIRST)) or "(?!)")  # builds only


def _phrase_readings(run: str) -> dict[int, str]:
    """Offsets in ``run`` whose reading :data:`PHRASES` fixes (longest phrase first)."""
    fixed: dict[int, str] = {}
    if not _ANY_PHRASE.search(run):  # most runs: one scan instead of one per phrase
        return fixed
    for phrase in _LONGEST_FIRST:
        if phrase not in run:
            continue
        syllables = PHRASES[phrase].split()
        start = run.find(phrase)
        while start >= 0:
            for i, syllable in enumerate(syllables):
                fixed.setdefault(start + i, syllable)
            start = run.find(phrase, start + len(phrase))
    return fixed


class Pinyin:
    """pypinyin, imported only when an index has to be built.

    A run is read the way ``lazy_pinyin`` reads it (pypinyin's own word segmentation, then its
    converter word by word), but each word's reading is remembered: a library of many packs
    repeats its words far more than its runs, and converting a word is most of pypinyin's cost.
    """

    MEMO_RUNS = 200_000
    MEMO_WORDS = 400_000

    def __init__(self) -> None:
        from pypinyin import Style
        from pypinyin.converter import UltimateConverter
        from pypinyin.core import Pinyin as PypinyinEngine

        # what lazy_pinyin() builds on every call (its defaults: no v_to_u, no tone sandhi)
        self._converter = UltimateConverter(v_to_u=False, neutral_tone_with_five=False,
                                            tone_sandhi=False)
        self._engine = PypinyinEngine(self._converter)
        self._style = Style.NORMAL
        self._memo: dict[str, list[str]] = {}
        self._words: dict[str, list[str]] = {}

    def _lazy(self, text: str, errors) -> list[str]:
        """``lazy_pinyin(text, style=NORMAL, errors=errors)``, word readings remembered."""
        out: list[str] = []
        for word in self._engine.seg(text):
            got = self._words.get(word) if errors is _no_readings else None
            if got is None:
                got = list(itertools.chain.from_iterable(self._converter.convert(
                    word, self._style, False, errors, strict=True)))
                if errors is _no_readings and len(self._words) < self.MEMO_WORDS:
                    self._words[word] = got
            out.extend(got)
        return out

    def run(self, run: str) -> list[str]:
        """One toneless syllable (or :data:`NO_READING`) per character of a run of Han."""
        got = self._memo.get(run)
        if got is not None:
            return got
        out = self._lazy(run, _no_readings)
        if len(out) != len(run):
            out = [(self._lazy(c, _no_reading) or [NO_READING])[0] for c in run]
        out = [s if SYLLABLE_RE.fullmatch(s) else NO_READING for s in out]
        for i, syllable in _phrase_readings(run).items():
            out[i] = syllable
        if len(self._memo) < self.MEMO_RUNS:
            self._memo[run] = out
        return out

    def field(self, text: str) -> tuple[str, str]:
        """(pinyin with a space before each character's syllable, initials) of one field."""
        syl = [NO_READING] * len(text)
        for m in HAN_RUN.finditer(text):
            syl[m.start(): m.end()] = self.run(m.group())
        py = " " + " ".join(syl) if syl else ""
        ini = "".join(map(_FIRST, syl))
        return py, ini


# -- many fields at once -------------------------------------------------------------------------
#: Below this many characters, fields are read one by one (no tables to set up).
TABLE_MIN_CHARS = 1_000_000
_SEP = "\x00"  # fields.SEP: joins the fields read at once
_ID0 = 0xE000  # syllable n is written chr(_ID0 + n) between the translate passes


class FieldReader:
    """Pinyin of many fields at once, by ``str.translate`` where a character's reading is its own.

    pypinyin reads a character by the dictionary phrase its segmentation puts it in, or alone.
    A phrase whose reading of some character differs from that character's reading alone is
    *deviating* (about 3,400 of 47,000: 银行 háng, 目的 dì). A field where no deviating phrase
    can occur (no pair of characters around a differing one is in it) and no entry of
    :data:`PHRASES` occurs reads, character by character, as each character does alone. Those
    fields are translated in C; the rest (a few percent) are read by :meth:`Pinyin.field`.
    """

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
        chars = {b[1] for b in left} | {b[0] for b in right} | always
        self.suspects = re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]"
                                   if chars else "(?!)")
        self.syllables: list[str] = []
        self._syllable_id: dict[str, str] = {}
        self.ids = _Ids(self)
        self._units: set[int] = set()
        self._py_of_unit: list[str] = [""] * 0x10000
        self._ini_of_unit: list[int] = [0] * 0x10000

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

    def _translate(self, joined: str, skip: list[tuple[int, int]]
                   ) -> tuple[list[str], list[str], set[str] | None]:
        """Every field read character by character, as each character reads alone, and the
        syllables read outside the ``skip`` spans (None if not known).

        Text of the Basic Multilingual Plane goes through UTF-16 code units and tables indexed
        by them (``map`` over an ``array``: no hashing, about 3x faster than ``str.translate``
        with a dict); text with astral characters through ``str.translate``.
        """
        data = joined.encode("utf-16-le", "surrogatepass")
        if len(data) != 2 * len(joined):
            ids = joined.translate(self.ids)
            py_of = [None] * (_ID0 + len(self.syllables))
            ini_of = py_of.copy()
            py_of[0] = ini_of[0] = _SEP
            for n, syllable in enumerate(self.syllables):
                py_of[_ID0 + n], ini_of[_ID0 + n] = " " + syllable, syllable[0]
            return ids.translate(py_of).split(_SEP), ids.translate(ini_of).split(_SEP), None
        codes = array("H", data)
        outside: set[int] = set()  # the code units outside the skipped spans
        pos = 0
        for start, end in skip:
            outside.update(codes[pos: start])
            pos = end
        outside.update(codes[pos:])
        inside = set()
        for start, end in skip:
            inside.update(codes[start: end])
        py_of, ini_of = self._py_of_unit, self._ini_of_unit
        for code in (outside | inside).difference(self._units):
            syllable = self.read_alone(chr(code)) if code else _SEP
            py_of[code] = " " + syllable if code else _SEP
            ini_of[code] = ord(syllable[0])
            self._units.add(code)
        py = "".join(map(py_of.__getitem__, codes)).split(_SEP)
        ini = bytes(map(ini_of.__getitem__, codes)).decode("ascii").split(_SEP)
        outside.discard(0)
        return py, ini, {py_of[code][1:] for code in outside}

    def needs_segmentation(self, joined: str) -> list[int]:
        """Offsets in ``joined`` where a deviating phrase or a :data:`PHRASES` entry may be."""
        out = [m.start() for m in _ANY_PHRASE.finditer(joined)]
        left, right, always = self.left, self.right, self.always
        for m in self.suspects.finditer(joined):
            i = m.start()
            if (m.group() in always or (i and joined[i - 1: i + 1] in left)
                    or joined[i: i + 2] in right):
                out.append(i)
        return sorted(out)

    def fields(self, texts: list[str]) -> tuple[list[str], list[str], set[str]]:
        """:meth:`Pinyin.field` of each text: (pinyins, initials, every syllable read)."""
        joined = _SEP.join(texts)
        if joined.count(_SEP) != len(texts) - 1:
            py, ini = _one_by_one(self.engine, texts)
            return py, ini, _syllables(py)
        offsets = starts_of(texts)
        by_field: dict[int, list[int]] = {}
        for i in self.needs_segmentation(joined):
            n = bisect_right(offsets, i) - 1
            by_field.setdefault(n, []).append(i - offsets[n])
        py, ini, syllables = self._translate(
            joined, [(offsets[n], offsets[n + 1] - 1) for n in sorted(by_field)])
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


def _syllables(py: list[str]) -> set[str]:
    """Every syllable in ``py`` (and :data:`NO_READING` if there is one)."""
    out: set[str] = set()
    for p in py:
        out.update(p.split())
    return out


class _Ids(dict):
    """Character code -> its syllable's id character, filled in as ``str.translate`` meets them."""

    def __init__(self, reader: FieldReader) -> None:
        super().__init__({0: _SEP})
        self.reader = reader

    def __missing__(self, code: int) -> str:
        reader = self.reader
        got = self[code] = reader.syllable_id(reader.read_alone(chr(code)))
        return got


def _one_by_one(engine: Pinyin, texts: list[str], progress=None
                ) -> tuple[list[str], list[str]]:
    """:meth:`Pinyin.field` of each text, reporting ``progress(done, total)`` as it goes."""
    py, ini = [], []
    step = max(1, len(texts) // 200)
    for n, t in enumerate(texts):
        p, i = engine.field(t)
        py.append(p)
        ini.append(i)
        if progress and n % step == 0:
            progress(n, len(texts))
    return py, ini


def read_fields(engine: Pinyin, texts: list[str], progress=None
                ) -> tuple[list[str], list[str], set[str]]:
    """(pinyins, initials, syllables but :data:`NO_READING`) of ``texts``: translated by a
    :class:`FieldReader` when there are enough characters to pay for its tables (about
    0.3 s), else field by field. ``progress(done, total)`` is told of the fields read."""
    if sum(map(len, texts)) < TABLE_MIN_CHARS:
        py, ini = _one_by_one(engine, texts, progress)
        syllables = _syllables(py)
        syllables.discard(NO_READING)
        return py, ini, syllables
    if progress:
        progress(0, len(texts))
    return FieldReader(engine).fields(texts)
