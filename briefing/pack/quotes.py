"""Where a quote that is not verbatim parts from its document, told the way an author fixes it.

Most failed quotes are one character off (an ASCII "," where the source has "，", a dropped
space), so the hint names the nearest span of the document and the first character that
differs, with both code points: full-width and half-width punctuation look alike.
"""

from __future__ import annotations

import unicodedata

#: Shorter common prefixes than this are coincidence, not a near miss.
MIN_MATCH = 2


def _longest_prefix(quote: str, text: str) -> tuple[int, int]:
    """(length, position) of the longest prefix of ``quote`` found in ``text``."""
    low, high, where = 0, len(quote), 0
    while low < high:  # a prefix that occurs has every shorter prefix occurring too
        mid = (low + high + 1) // 2
        pos = text.find(quote[:mid])
        if pos >= 0:
            low, where = mid, pos
        else:
            high = mid - 1
    return low, where


def _char(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith("CJK UNIFIED IDEOGRAPH"):  # the character itself says it all
        name = ""
    shown = repr(ch) if ch.isspace() or not ch.isprintable() else f"“{ch}”"
    return f"{shown} (U+{ord(ch):04X}{' ' + name if name else ''})"


def near_miss(quote: str, text: str, width: int = 24) -> str:
    """A one-line hint for a quote that is not in ``text``; "" when nothing is close."""
    length, start = _longest_prefix(quote, text)
    if length < MIN_MATCH:
        reversed_length, _ = _longest_prefix(quote[::-1], text[::-1])
        if reversed_length < MIN_MATCH:
            return "no part of it was found in the document"
        tail = quote[len(quote) - reversed_length:]
        start = text.find(tail) - (len(quote) - reversed_length)
        if start < 0:
            return f"only its end “{tail}” was found in the document"
        length = next(i for i, ch in enumerate(quote) if text[start + i] != ch)
    line = text.count("\n", 0, max(start, 0)) + 1
    span = text[start:start + len(quote)].replace("\n", "⏎")
    if len(span) > width * 2:
        span = span[:width * 2 - 1] + "…"
    ours = quote[length] if length < len(quote) else None
    theirs = text[start + length] if start + length < len(text) else None
    if ours is None:
        return f"nearest span (document line {line}): “{span}”"
    where = f"character {length + 1} of the quote"
    found = _char(theirs) if theirs is not None else "the end of the document"
    return (f"nearest span (document line {line}): “{span}”; {where} is {_char(ours)} where "
            f"the document has {found}")
