"""Search-result snippets: a window of text around a match, the matches highlighted.

Shared by ``briefing search`` and the app's search box so both show the same thing (and where a
figure's value may not break, :func:`value_glue`). Text goes in as data (``rich.text.Text``),
never as markup.

A window is cut between words: never inside a Latin word ("…sicist" for "physicist", "…-winning"
for "Nobel-winning"), never inside a number, its decimals or its unit ("…15%" for "4.15%",
"…43万" for "2.43万"). Where a cut would fall inside one, it moves to the word's edge, away
from the match.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text

HIGHLIGHT = "bold reverse"
#: marks that belong to the number before them ("2.43万", "54%")
_NUMBER_UNITS = frozenset("%‰万亿千百")
#: marks that join the digits on both sides ("4.15", "19,000")
_NUMBER_JOINS = frozenset(".,")
#: marks that join the letters on both sides into one word ("Nobel-winning", "the city's")
_WORD_JOINS = frozenset("-'’")


def printable(text: str) -> str:
    """``text`` with every unprintable character replaced in place (offsets are kept)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else " " for c in text)


def _wordish(c: str) -> bool:
    return c.isascii() and c.isalnum()


def splits_word(text: str, i: int) -> bool:
    """Whether cutting ``text`` before ``text[i]`` splits a Latin word or a number."""
    if i <= 0 or i >= len(text):
        return False
    before, after = text[i - 1], text[i]
    if _wordish(before) and _wordish(after):
        return True
    if before.isdigit() and after in _NUMBER_UNITS:
        return True
    if before in _NUMBER_JOINS and after.isdigit():
        return i >= 2 and text[i - 2].isdigit()
    if before.isdigit() and after in _NUMBER_JOINS:
        return i + 1 < len(text) and text[i + 1].isdigit()
    if before in _WORD_JOINS and _wordish(after):
        return i >= 2 and _wordish(text[i - 2])
    if _wordish(before) and after in _WORD_JOINS:
        return i + 1 < len(text) and _wordish(text[i + 1])
    return False


def window(text: str, spans: Sequence[tuple[int, int]], width: int) -> tuple[int, int]:
    """Where a snippet of about ``width`` characters around the first span starts and ends,
    cut between words (see the module's docstring)."""
    if not spans:
        start, end = 0, min(len(text), width)
        first = last = 0
    else:
        first = spans[0][0]
        start = max(0, first - width // 3)
        end = min(len(text), start + width)
        start = max(0, min(start, end - width))
        last = min(max(spans[0][1], first), end)
    while start < first and splits_word(text, start):  # forward: towards the match
        start += 1
    while start < first and text[start].isspace():
        start += 1
    floor = max(last, start)
    back = end
    while back > floor and splits_word(text, back):  # back: the cut word left out
        back -= 1
    if back > start and not splits_word(text, back):
        end = back
    else:  # the match's own word (or one longer than the window) runs on: show it whole
        stop = min(len(text), end + width)
        while end < stop and splits_word(text, end):
            end += 1
    return start, end


def snippet(text: str, spans: Sequence[tuple[int, int]], width: int = 80,
            style: str = HIGHLIGHT) -> Text:
    """A window of ``text`` around its first span, with every span in it highlighted."""
    text = printable(text)
    start, end = window(text, spans, width)
    out = Text("…" if start > 0 else "")
    base = len(out)
    out.append(text[start:end].rstrip() if end < len(text) else text[start:end])
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s < e:
            out.stylize(style, base + s - start, base + e - start)
    if end < len(text):
        out.append("…")
    return out


def value_glue(value: str, at: int) -> list[int]:
    """Offsets (``value`` standing at ``at``) the line breaker is not to break at: each of its
    one-cell characters, so "about 4.15%", "over RMB 100 billion" and the number in "增幅10%"
    stay whole. (Glue stands in for a character as a one-cell no-break space, so a two-cell
    Chinese character is not glued: it would be measured a cell short.)"""
    return [at + i for i, c in enumerate(value) if cell_len(c) == 1]
