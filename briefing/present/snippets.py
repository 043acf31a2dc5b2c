"""Search-result snippets: a window of text around a match, the matches highlighted.

Shared by ``briefing search`` and the app's search box so both show the same thing. Text goes
in as data (``rich.text.Text``), never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

HIGHLIGHT = "bold reverse"


def printable(text: str) -> str:
    """``text`` with every unprintable character replaced in place (offsets are kept)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else " " for c in text)


def snippet(text: str, spans: Sequence[tuple[int, int]], width: int = 80,
            style: str = HIGHLIGHT) -> Text:
    """A window of ``text`` around its first span, with every span in it highlighted."""
    text = printable(text)
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        first = spans[0][0]
        start = max(0, first - width // 3)
        end = min(len(text), start + width)
        start = max(0, min(start, end - width))
    out = Text("…" if start > 0 else "")
    base = len(out)
    out.append(text[start:end])
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s < e:
            out.stylize(style, base + s - start, base + e - start)
    if end < len(text):
        out.append("…")
    return out
