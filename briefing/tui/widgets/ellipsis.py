"""A line cut to its room with "…" right after the last whole character.

Rich's and Textual's own ellipsis pad a wide character they would split with a space, so a
Chinese title ends "工 …"; a label cut here ends "工…" (and never with a space before the
"…"). Used by the section tree's labels and the header's title.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

ELLIPSIS = "…"


def cut_at(plain: str, width: int) -> int | None:
    """How many characters of ``plain`` to keep so they and "…" fit ``width`` cells (None
    when all of it fits)."""
    if cell_len(plain) <= width:
        return None
    keep, used = 0, 0
    for char in plain:
        used += cell_len(char)
        if used > width - 1:
            break
        keep += 1
    while keep and plain[keep - 1].isspace():
        keep -= 1
    return keep


def fit_text(text: Text, width: int) -> Text:
    """``text`` (styles kept) cut to ``width`` cells with "…", or as it is if it fits."""
    keep = cut_at(text.plain, width)
    if keep is None or width < 1:
        return text
    cut = text[:keep]
    cut.append(ELLIPSIS)
    return cut


def fit_content(content: Content, width: int) -> Content:
    """The same for Textual's :class:`~textual.content.Content`."""
    keep = cut_at(content.plain, width)
    if keep is None or width < 1:
        return content
    return content[:keep] + ELLIPSIS
