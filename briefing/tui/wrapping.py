"""Styled text broken into lines by the project's one line breaker (:mod:`briefing.typography`).

Textual and Rich wrap at spaces and fold CJK anywhere, which splits "4.15%" and starts lines
with "，". Every text the app draws goes through :func:`wrap_text` first, so by the time it
reaches the screen each line already fits and nothing else breaks it.
"""

from __future__ import annotations

from rich.text import Text

from briefing.typography import break_positions, cell_width, line_spans, wrap

__all__ = ["line_spans", "widest_run", "wrap_lines", "wrap_text"]


def wrap_lines(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells (newlines end lines)."""
    return wrap(text, max(width, 1)) or [""]


def widest_run(text: str) -> int:
    """The widest run of ``text`` that may not be broken: narrower than this, a cell is cut."""
    widest, prev = 0, 0
    for paragraph in text.split("\n"):
        prev = 0
        for pos in (*break_positions(paragraph), len(paragraph)):
            widest = max(widest, cell_width(paragraph[prev:pos].rstrip()))
            prev = pos
    return widest


def wrap_text(text: Text | str, width: int) -> Text:
    """``text`` with a newline at every break, its styles kept; each line fits ``width``."""
    if isinstance(text, str):
        text = Text(text)
    out = Text(style=text.style, justify=text.justify, end="")
    for index, (start, end) in enumerate(line_spans(text.plain, max(width, 1))):
        if index:
            out.append("\n")
        out.append_text(text[start:end])
    return out
