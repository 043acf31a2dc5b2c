"""Pinyin readings of Chinese text (pypinyin plus the phrase table), computed at build time."""

from __future__ import annotations

import re

from briefing.search.fields import HAN_RUN
from briefing.search.phrases import PHRASES

NO_READING = "-"  # pinyin/initial placeholder for a character without a reading
SYLLABLE_RE = re.compile(r"[a-z]+")


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


class Pinyin:
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
