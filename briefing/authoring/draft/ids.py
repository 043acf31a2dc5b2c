"""Ids that say what they name: "gdp-growth-target-2026", "hntes-2025", "review-2025".

The key words of a label or title become English from the built-in glossary
(:mod:`briefing.authoring.draft.glossary`) where it has them, pinyin where it does not (two
characters a syllable group, as most Chinese words are: 中小学 zhongxiaoxue, 高质量 gaozhi-liang
would be rare); words of action (推进, 加快, 力争…) are left out. A figure's id ends with its
kind (but not "actual") and its period; every id is unique in the pack (-2, -3 when needed).
"""

from __future__ import annotations

import re

from briefing.authoring.draft import pinyin
from briefing.authoring.draft.glossary import GLOSSARY, STOP_WORDS

MAX_TOKENS = 3
MAX_LENGTH = 48
_LONGEST = max(len(word) for word in (*GLOSSARY, *STOP_WORDS))
_STOPS = set(STOP_WORDS)
_HAN = re.compile(r"[\u3400-\u9fff]")
_NUMBER = re.compile(r"\d[\d.,]*[十百千万亿]*[个家项人名只所件座条次张套年]?")
_PLACE = re.compile(r"[^省市县区]{1,3}[省市县区]|[^省市县区]+|.")  # 青岚市 | what follows
_ASCII = re.compile(r"[A-Za-z][A-Za-z0-9.]*")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)年?")
KIND_SUFFIX = {"target": "target", "estimate": "estimate", "rank": "rank", "tier": "tier",
               "ratio": "ratio", "growth": "growth", "cumulative": "total",
               "nominal": "nominal"}


def tokens(words: str, limit: int = MAX_TOKENS) -> list[str]:
    """Up to ``limit`` id words for ``words``: glossary glosses and pinyin groups, in order."""
    words = _NUMBER.sub(" ", words)  # "争创全国重点实验室1家": the number is not the subject
    found: list[str] = []
    spelt: set[str] = set()  # the words that are pinyin, not English
    run: list[str] = []
    at = 0

    def flush() -> None:
        if run:
            groups = _pinyin_groups("".join(run))
            found.extend(groups)
            spelt.update(groups)
            run.clear()

    while at < len(words) and len(found) < limit * 2:
        latin = _ASCII.match(words, at)
        if latin:
            flush()
            found.append(latin.group().lower().replace(".", "-"))
            at = latin.end()
            continue
        for size in range(min(_LONGEST, len(words) - at), 0, -1):
            piece = words[at:at + size]
            if piece in GLOSSARY or (piece in _STOPS and size > 0):
                flush()
                if piece in GLOSSARY:
                    found.append(GLOSSARY[piece])
                at += size
                break
        else:
            if _HAN.match(words, at):
                run.append(words[at])
            else:
                flush()  # punctuation, digits, quotes: a word ends
            at += 1
    flush()
    unique = list(dict.fromkeys(t for t in found if t))
    english = [i for i, t in enumerate(unique) if t not in spelt]
    if len(english) >= 2:  # English says enough: pinyin only for what leads (a place's name)
        unique = [t for i, t in enumerate(unique) if t not in spelt or i < english[0]]
    return unique[:limit]


def _pinyin_groups(run: str) -> list[str]:
    """A run of characters no glossary word covers, as pinyin in groups of two (three for an
    odd run's last), a place's name whole: 幼儿园 youeryuan, 科创飞地 kechuang-feidi,
    青岚市 qinglanshi."""
    groups = []
    for word in _PLACE.findall(run):
        syllables = [s for s in pinyin.syllables(word) if s]
        if word[-1] in "省市县区" and len(word) <= 4:
            groups.append("".join(syllables))
            continue
        index = 0
        while index < len(syllables):
            size = 3 if len(syllables) - index == 3 else 2
            groups.append("".join(syllables[index:index + size]))
            index += size
    return [g for g in groups if g]


def slug(parts: list[str], fallback: str) -> str:
    """The words joined as an id: lowercase letters, digits and '-', at most
    :data:`MAX_LENGTH` characters, cut at a word."""
    text = "-".join(p for p in parts if p)
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    while len(text) > MAX_LENGTH and "-" in text:
        text = text.rsplit("-", 1)[0]
    return text[:MAX_LENGTH].strip("-") or fallback


def figure_base(label: str, kind: str, period: str | None) -> str:
    """``gdp-growth-target-2026`` for the label 地区生产总值增长, a 2026 target."""
    words = tokens(label)
    suffix = KIND_SUFFIX.get(kind, "")
    if suffix and suffix in words:
        suffix = ""
    return slug([*words, suffix, period or ""], "figure")


def node_base(title: str, fallback: str) -> str:
    """``review-2025`` for 2025年工作回顾; ``fallback`` when the title gives no word."""
    words = tokens(_YEAR.sub(" ", title), 4)
    years = _YEAR.findall(title)[:1]
    return slug([*words, *years], fallback) if words else slug([fallback, *years], fallback)


class Ids:
    """The ids a pack has given out; :meth:`claim` makes each new one unique."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())
        self._next: dict[str, int] = {}  # the number to try next for a base (a long report
        #                                   has hundreds of "new-...-2026")

    def claim(self, base: str) -> str:
        n = self._next.get(base, 1)
        ident = base if n == 1 else f"{base}-{n}"
        while ident in self.taken:
            n += 1
            ident = f"{base}-{n}"
        self._next[base] = n + 1
        self.taken.add(ident)
        return ident
