"""Pinyin readings of Chinese text (pypinyin plus the phrase table), computed at build time."""

from __future__ import annotations

import itertools
import operator
import re

from briefing.search.fields import HAN_RUN
from briefing.search.phrases import PHRASES
from briefing.text.lazy_pattern import LazyPattern

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


# -- many fields at once (see briefing.search.bulk.read_fields) -----------------------------------
def _syllables(py: list[str]) -> set[str]:
    """Every syllable in ``py`` (and :data:`NO_READING` if there is one)."""
    out: set[str] = set()
    for p in py:
        out.update(p.split())
    return out


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
