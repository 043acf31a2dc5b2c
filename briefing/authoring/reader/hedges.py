"""The words around a number that bound it: hedges ("超", "左右"), ceilings and floors
("5%以内", "不少于28万人"), and the decline that makes growth negative ("下降11.5%")."""

from __future__ import annotations

from briefing.figures.numerals import DECLINE_WORDS

#: Hedges written before the number, longest first so "不超过" is never read as "超过".
BEFORE = ("不超过", "不高于", "不少于", "不低于", "超过", "突破", "接近", "超", "约", "近",
          "逾")
#: Hedges written after the number and its measure word: "2800家左右", "5.5%以内".
AFTER = ("以上", "左右", "以内", "以下", "上下")
#: Between the number and its measure word: "400余家".
BETWEEN = ("余", "多")
#: Verbs after which a number is the level reached, not a change: "提升至3.65%".
_LEVEL = ("至", "到")


def hedge_before(text: str, start: int, extra: tuple[str, ...] = ()) -> str | None:
    """The hedge written right before ``start``, if any (the pack's own words count too)."""
    words = _sorted(extra)
    if not text.endswith(words, max(0, start - 3), start) and not extra:
        return None
    for word in words:
        if text.endswith(word, max(0, start - len(word)), start):
            return word
    return None


_SORTED: dict[tuple[str, ...], tuple[str, ...]] = {}


def _sorted(extra: tuple[str, ...]) -> tuple[str, ...]:
    """The hedges before a number, the pack's included, longest first (sorted once)."""
    found = _SORTED.get(extra)
    if found is None:
        found = _SORTED[extra] = tuple(sorted({*BEFORE, *extra}, key=len, reverse=True))
    return found


def hedge_after(text: str, number_end: int, end: int) -> str | None:
    """The hedge between the number and its measure word, or right after the measure word."""
    if text[number_end:number_end + 1] in BETWEEN and number_end < end:
        return text[number_end]
    return next((w for w in AFTER if text.startswith(w, end)), None)


def hedge_of(text: str, start: int, number_end: int, end: int,
             extra: tuple[str, ...] = ()) -> tuple[str | None, int]:
    """(hedge word, where the hedged phrase starts): a word before wins over one after,
    and "预计" (a kind, estimate) yields to any other hedge."""
    before = hedge_before(text, start, extra)
    if before:
        return before, start - len(before)
    after = hedge_after(text, number_end, end)
    if after:
        return after, start
    if text.endswith("预计", max(0, start - 2), start):
        return "预计", start - 2
    return None, start


def decline_start(text: str, start: int) -> int | None:
    """Where a decline word right before the number (and its hedge) starts: "下降11.5%",
    "降低约2%"; None if there is none, or the number is a level ("下降至3天")."""
    at = start
    hedge = hedge_before(text, at)
    if hedge in ("约", "近"):
        at -= len(hedge)
    for word in DECLINE_WORDS:
        if text.endswith(word, max(0, at - len(word)), at):
            return at - len(word)
    return None


def is_level(text: str, start: int) -> bool:
    """Whether the number is a level reached ("提升至76.5%", "减少至3天"), not a change."""
    return text.endswith(_LEVEL, max(0, start - 1), start)
