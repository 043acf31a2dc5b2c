"""Quotes for drafted figures: the clause around a number, widened until it occurs once in its
document ("城镇调查失业率控制在5.5%以内" in both the five-year goals and this year's), so a
quote always says which place it cites.

Bounded and linear: a clause is at most ``SIDE`` characters either side of its number, a quote
widens at most ``STEPS`` times within its line, and whether quotes are unique is answered for
all of them at once, with ``str.find`` for a short document and rolling hashes (numpy) for a
long one.
"""

from __future__ import annotations

import re
from bisect import bisect_left

CLAUSE_STOPS = "，。；：！？\n"
SENTENCE_STOPS = "。！？；\n"
SIDE = 40
STEPS = 6
MAX_QUOTE = 240
#: Above this many characters times quotes, uniqueness is found by hashing, not searching.
_SEARCH_BUDGET = 30_000_000


def bounded_span(text: str, start: int, end: int, stops: str, side: int) -> tuple[int, int]:
    """From the stop before ``start`` to the stop after ``end``, at most ``side`` characters
    either way (a document without punctuation still gives short quotes)."""
    low = max(0, start - side)
    left = max(text.rfind(ch, low, start) for ch in stops) + 1 or low
    left = max(left, low)
    high = min(len(text), end + side)
    rights = [i for i in (text.find(ch, end, high) for ch in stops) if i >= 0]
    return left, min(rights) if rights else high


class Stops:
    """Where a text's stops are (found once), for the span around any place in log time."""

    def __init__(self, text: str, stops: str) -> None:
        self.size = len(text)
        self.at = [m.start() for m in re.finditer(f"[{re.escape(stops)}]", text)]

    def around(self, start: int, end: int, side: int) -> tuple[int, int]:
        """As :func:`bounded_span`."""
        low, high = max(0, start - side), min(self.size, end + side)
        index = bisect_left(self.at, start)
        left = self.at[index - 1] + 1 if index and self.at[index - 1] >= low else low
        index = bisect_left(self.at, end)
        right = self.at[index] if index < len(self.at) and self.at[index] < high else high
        return left, right


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\u3000\r":
        a += 1
    while b > a and text[b - 1] in " \t\u3000\r":
        b -= 1
    return a, b


def clause(text: str, start: int, end: int, stops: Stops | None = None) -> tuple[int, int]:
    """The clause holding ``text[start:end]``, trimmed of spaces (``stops``: the text's
    clause stops, found once)."""
    span = stops.around(start, end, SIDE) if stops else bounded_span(text, start, end,
                                                                     CLAUSE_STOPS, SIDE)
    return _trim(text, *span)


def _widen(text: str, a: int, b: int, line: tuple[int, int], step: int) -> tuple[int, int]:
    """One clause more: to the left on even steps, to the right on odd ones (or the other
    side when one is at its line's edge)."""
    left_ok, right_ok = a > line[0], b < line[1]
    if left_ok and (step % 2 == 0 or not right_ok):
        low = max(line[0], a - 1 - SIDE)
        stop = max(text.rfind(ch, low, a - 1) for ch in CLAUSE_STOPS)
        a = stop + 1 if stop >= low else low
    elif right_ok:
        high = min(line[1], b + 1 + SIDE)
        found = [i for i in (text.find(ch, b + 1, high) for ch in CLAUSE_STOPS) if i >= 0]
        b = min(found) if found else high
    return _trim(text, a, b)


def unique_quotes(text: str, spans: list[tuple[int, int]],
                  lines: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """Each span widened, clause by clause within its line, until its text occurs once in
    ``text``: (start, end, unique) for each."""
    current = list(spans)
    unique = [False] * len(spans)
    pending = list(range(len(spans)))
    for step in range(STEPS + 1):
        if not pending:
            break
        answers = once(text, [current[i] for i in pending])
        still = []
        for i, found_once in zip(pending, answers, strict=True):
            if found_once:
                unique[i] = True
                continue
            a, b = current[i]
            widened = _widen(text, a, b, lines[i], step)
            if step < STEPS and widened != (a, b) and widened[1] - widened[0] <= MAX_QUOTE:
                current[i] = widened
                still.append(i)
        pending = still
    return [(a, b, u) for (a, b), u in zip(current, unique, strict=True)]


def once(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each ``text[a:b]`` occurs exactly once in ``text``."""
    if len(text) * len(spans) <= _SEARCH_BUDGET:
        result = []
        for a, b in spans:
            quote = text[a:b]
            result.append(text.find(quote, text.find(quote) + 1) < 0)
        return result
    from briefing.authoring.reader.hashing import once_hashed

    return once_hashed(text, spans)
