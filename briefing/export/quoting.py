"""One quotation-mark convention for every output: a verbatim quote stands in “…”.

A quote that is one quotation already (“政府搭台、人才唱戏”) keeps its own marks; any other gets
“ ” around it, whatever marks it holds inside (they are the source's, verbatim). The same
marks in Chinese and English, in the export, the brief, the copy and the terminal.
"""

from __future__ import annotations

from briefing.text.sanitize import one_line

_OPENING = "“「『‘"
_CLOSING = {"“": "”", "「": "」", "『": "』", "‘": "’"}


def quoted(quote: str) -> str:
    """A verbatim quote on one line in quotation marks, without doubling marks it has."""
    quote = one_line(quote)
    return quote if _is_enclosed(quote) else f"“{quote}”"


def _is_enclosed(quote: str) -> bool:
    """Whether the first character opens a quotation that the last character closes."""
    if len(quote) < 2 or quote[0] not in _OPENING or quote[-1] != _CLOSING[quote[0]]:
        return False
    opening, closing = quote[0], _CLOSING[quote[0]]
    depth = 0
    for position, char in enumerate(quote):
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return position == len(quote) - 1
    return False
