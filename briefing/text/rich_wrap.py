"""Rich text broken by the project's one line breaker (:mod:`briefing.text.line_breaking`).

Rich wraps at spaces and folds CJK text at any character, so "4.15%" can end up on two lines
and a line can start with "，". :class:`Wrapped` is a Rich renderable that breaks its text only
where :func:`briefing.text.line_breaking.line_spans` allows, at whatever width Rich gives it (a
table cell, the console), and tells Rich's table layout how narrow it can go without cutting a
number. :func:`wrap_text` does the same for code that wants the broken ``Text`` itself. Styles
survive.
No Textual here: the CLI, the export preview and the app share it.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from briefing.text.line_breaking import SPACES, break_positions, cell_width, line_spans

__all__ = ["Wrapped", "keep_with_previous", "line_count", "wrap_text"]

_NBSP = "\u00a0"


def _breakable(plain: str, glue: frozenset[int]) -> str:
    """``plain`` with a no-break space at each glued offset (same length, same offsets)."""
    return "".join(_NBSP if i in glue else ch for i, ch in enumerate(plain)) if glue else plain


def _lines(text: Text, width: int, glue: frozenset[int]) -> list[Text]:
    spans = line_spans(_breakable(text.plain, glue), width)
    if len(spans) == 1 and spans[0] == (0, len(text.plain)):
        return [text.copy()]
    # One divide at every line edge (a slice per line would divide the whole text again for
    # each line). No edge falls inside a line, so the piece starting where a line starts is it.
    edges = sorted({edge for span in spans for edge in span} - {0})
    pieces = text.divide(edges)
    piece_at = {start: i for i, start in enumerate([0, *edges])}
    return [pieces[piece_at[start]] for start, _end in spans]


def line_count(text: Text | str, width: int, glue: Iterable[int] = ()) -> int:
    """How many lines :func:`wrap_text` gives, without building them (a layout asks this
    for every block, including those it will never draw)."""
    plain = text.plain if isinstance(text, Text) else text
    return len(line_spans(_breakable(plain, frozenset(glue)), width))


def wrap_text(text: Text | str, width: int, glue: Iterable[int] = ()) -> Text:
    """``text`` with a newline at each break so every line fits ``width`` cells (unless one
    unbreakable run is wider). Spaces at ``glue`` offsets never break (see
    :func:`keep_with_previous`)."""
    if isinstance(text, str):
        text = Text(text)
    return Text("\n").join(_lines(text, width, frozenset(glue)))


def keep_with_previous(text: Text, tail: Text | str, style: str = "") -> tuple[Text, int]:
    """``text`` + " " + ``tail`` where the space may not break, so a citation such as "[2]"
    stays on the line of the sentence it cites. Returns the text and the glued offset."""
    glued = len(text.plain)
    joined = text.copy()
    joined.append(" ")
    joined.append(tail if isinstance(tail, Text) else Text(tail, style=style))
    return joined, glued


class Wrapped:
    """A Rich renderable: ``text`` broken by UAX #14 and the number-and-unit rule."""

    def __init__(self, text: Text | str, glue: Iterable[int] = (), justify: str = "left") -> None:
        self.text = text if isinstance(text, Text) else Text(text)
        self.glue = frozenset(glue)
        self.justify = justify

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in _lines(self.text, options.max_width, self.glue):
            line.justify = self.justify  # type: ignore[assignment]
            line.no_wrap = True
            line.overflow = "fold"
            yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        plain = _breakable(self.text.plain, self.glue)
        if not plain:
            return Measurement(0, 0)
        widest = max(cell_width(p) for p in plain.split("\n"))
        return Measurement(min(_widest_unit(plain), widest), widest)


def _widest_unit(plain: str) -> int:
    """The widest run the breaker will not split: the narrowest the text can go uncut."""
    widest = 0
    for paragraph in plain.split("\n"):
        bounds = [0, *break_positions(paragraph), len(paragraph)]
        for start, end in pairwise(bounds):
            # only real spaces: a glued character is a no-break space, part of the run
            widest = max(widest, cell_width(paragraph[start:end].rstrip(SPACES)))
    return widest
