"""Sections' and items' quotes: each heading's words as the report writes them, widened a
clause at a time until they occur once in the document ("（一）" opens many paragraphs;
"（一）实施科技企业领航行动" only one).

A heading widens to the right first (a quote that starts at its mark reads as the heading),
within its paragraph, and only then to the left, across lines if need be (a caption met
twice takes the line before): at most 200 characters either way. Whether spans occur once
is asked of the document reader's :func:`~briefing.authoring.reader.quotes.once`, for all
headings at once (by hashing, in a long document).
"""

from __future__ import annotations

from briefing.authoring.reader.quotes import once

_STOPS = "，。；：！？,;:"
_WHITE = " \t\u3000\n"
REACH = 200


def unique_spans(text: str, heads: list[tuple[int, int, int]]) -> list[tuple[int, int, bool]]:
    """Each (start, end, limit) widened as the module says, ``limit`` bounding its right
    edge: (start, end, whether it occurs once) for each."""
    spans = [[a, b, min(limit, b + REACH), a, max(0, a - REACH)] for a, b, limit in heads]
    found = [False] * len(heads)
    pending = list(range(len(heads)))
    while pending:
        answers = once(text, [(spans[i][0], spans[i][1]) for i in pending])
        still = []
        for i, unique in zip(pending, answers, strict=True):
            found[i] = unique
            if not unique and _widen(text, spans[i]):
                still.append(i)
        pending = still
    return [(a, b, unique) for (a, b, *_), unique in zip(spans, found, strict=True)]


def _widen(text: str, span: list[int]) -> bool:
    """One clause more: to the right while the limit allows, then to the left (``edge``
    moves left every step; ``start`` is the edge without its white space)."""
    start, end, limit, edge, floor = span
    if end < limit:
        stops = [i for i in (text.find(ch, end + 1, limit) for ch in _STOPS) if i >= 0]
        span[1] = min(stops) if stops else limit
        return True
    if edge > floor:
        stops = [i for i in (text.rfind(ch, floor, edge - 1) for ch in _STOPS + "\n") if i >= 0]
        edge = max(stops) + 1 if stops else floor
        start = edge
        while start < end and text[start] in _WHITE:
            start += 1
        span[0], span[3] = start, edge
        return True
    return False


def occurs_once(text: str, quote: str) -> bool:
    first = text.find(quote)
    return first >= 0 and text.find(quote, first + 1) < 0
