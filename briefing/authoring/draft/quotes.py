"""A section's or item's quote: its heading's words as the report writes them, widened a
clause at a time within its paragraph until they occur once in the document ("（一）" opens
many paragraphs; "（一）实施科技企业领航行动" only one)."""

from __future__ import annotations

_STOPS = "，。；：！？,;:"
_REACH = 200


def once(text: str, quote: str) -> bool:
    first = text.find(quote)
    return first >= 0 and text.find(quote, first + 1) < 0


def unique_span(text: str, start: int, end: int, limit: int) -> tuple[int, int, bool]:
    """``text[start:end]`` widened to the right (up to ``limit``, at most 200 characters), and
    then to the left (across lines, if need be, up to 200 characters), until it occurs once;
    whether it does."""
    limit = min(limit, end + _REACH)  # bounded: a paragraph may be a whole document long
    while not once(text, text[start:end]) and end < limit:
        stops = [i for i in (text.find(ch, end + 1, limit) for ch in _STOPS) if i >= 0]
        end = min(stops) if stops else limit
    floor = max(0, start - _REACH)  # a caption met twice ("(江苏)") takes the line before
    edge = start  # moves left every step; ``start`` is the edge without its white space
    while not once(text, text[start:end]) and edge > floor:
        stops = [i for i in (text.rfind(ch, floor, edge - 1) for ch in _STOPS + "\n")
                 if i >= 0]
        edge = start = max(stops) + 1 if stops else floor
        while start < end and text[start] in " \t\u3000\n":
            start += 1
    return start, end, once(text, text[start:end])
