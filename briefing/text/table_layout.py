"""Lay out a table of wrapped cells in a given number of terminal cells; plain Python.

Why not Rich's ``Table`` or Textual's ``DataTable``: both cut or fold a cell at a fixed width,
and the figure table must keep every label whole (wrapped inside its column), give the label
column whatever room is left, and know which lines belong to which row (for the cursor and
for scrolling the reading pane to it). Widths are terminal cells (CJK is two).

Columns are sized from their content. Each has three measures (:class:`Span`): ``narrow``,
the least it can take without cutting a word (a value with its hedge and unit is one word:
"about 4.15%", "over RMB 100 billion"); ``usual``, what holds most of its cells on one line
(one long value does not widen the column for all the short ones); ``natural``, its widest
cell. The one table layout policy (:func:`fit_widths`), shared by the app's tables and the
command line's (``briefing.cli.fit`` measures Rich cells and asks it), tried in order until
one fits:

1. every column at its usual width, the label (flexible) column gets the rest, and what the
   label does not need goes back to the other columns, up to their natural widths;
2. the same with the optional columns dropped;
3. the other wrapping columns narrowed (the widest first, never below their longest
   unbreakable word), so the label gets what it wants, or at least what it needs;
4. stacked: the label on its own lines, the other cells on indented lines below
   (:func:`pack_units`).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from rich.cells import cell_len
from rich.text import Text

from briefing.text.line_breaking import break_positions, cell_width, line_spans, wrap

Justify = Literal["left", "right", "center"]
GAP = 2  # cells between columns
STACK_INDENT = 2


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    justify: Justify = "left"
    style: str = ""
    optional: bool = False  # dropped before the table falls back to the stacked layout
    wrap: bool = True  # False: a number column, never narrowed below its widest cell
    named_when_stacked: bool = False  # "Target over 19,000" on the stacked line, not a bare number
    #: a value column: a cell breaks only before an opening bracket, so a number with its hedge
    #: and unit stays on one line ("over RMB 100 billion"); a remark in brackets may wrap
    whole: bool = False


@dataclass(slots=True)
class TableLayout:
    """The lines of a laid-out table; ``row_lines[i]`` are the lines of row ``i``.

    ``row_lines`` may be lazy (:class:`_RowLines`): a table of 10,000 figures knows every
    row's height at once, but draws the lines of a row only when it is shown. Where a row
    starts and which row a line belongs to are answered from running totals (a bisection),
    not by adding up the rows above, so drawing a screen of a long table costs the same as
    of a short one.
    """

    widths: list[int] | None  # None: stacked layout
    header: list[Text] = field(default_factory=list)
    row_lines: Sequence[list[Text]] = field(default_factory=list)
    _tops: list[int] | None = None  # running line totals, made on first use

    def _starts(self) -> list[int]:
        if self._tops is None or len(self._tops) != len(self.row_lines) + 1:
            heights = (self.row_lines.heights if isinstance(self.row_lines, _RowLines)
                       else [len(lines) for lines in self.row_lines])
            self._tops = [0, *itertools.accumulate(heights)]
        return self._tops

    @property
    def height(self) -> int:
        return len(self.header) + self._starts()[-1]

    def row_top(self, row: int) -> int:
        """Line (from the table's top) where ``row`` starts."""
        starts = self._starts()
        return len(self.header) + starts[min(max(row, 0), len(starts) - 1)]

    def row_at(self, line: int) -> int | None:
        """The row drawn on ``line``, or None for the header and below the last row."""
        line -= len(self.header)
        starts = self._starts()
        if line < 0 or line >= starts[-1]:
            return None
        return bisect.bisect_right(starts, line) - 1


class _RowLines(Sequence):
    """Rows whose cells are wrapped (so their heights are known) and drawn on demand."""

    def __init__(self, columns: list[Column], wrapped: list[list[list[str]]],
                 widths: list[int]) -> None:
        self.columns, self.wrapped, self.widths = columns, wrapped, widths
        self.heights = [max(len(cell) for cell in row) for row in wrapped]
        self._drawn: dict[int, list[Text]] = {}

    def __len__(self) -> int:
        return len(self.wrapped)

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if row not in self._drawn:
            if not 0 <= row < len(self):
                raise IndexError(row)
            self._drawn[row] = _draw(self.columns, self.wrapped[row], self.widths)
        return self._drawn[row]


def wrap_cell(text: str, width: int, whole: bool = False) -> list[str]:
    """``text`` in lines of at most ``width`` cells, by the project's one line breaker; a
    ``whole`` cell only between its :func:`whole_pieces` (unless one is wider than a line)."""
    width = max(width, 1)
    if not whole:
        return [_shown(line) for line in wrap(text, width)] or [""]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in whole_pieces(paragraph):
            if line and cell_len((line + piece).rstrip()) > width:
                lines.append(line.rstrip())
                line = ""
            if not line and cell_len(piece.rstrip()) > width:  # the last resort
                parts = wrap(piece, width) or [""]
                lines += parts[:-1]
                line = parts[-1] + " " * (len(piece) - len(piece.rstrip()))
                continue
            line += piece
        lines.append(line.rstrip())
    return [_shown(line) for line in lines]


def _shown(line: str) -> str:
    """A no-break space (glue for the breaker) drawn as the space it is: find and copy see
    "about 4.15%", not "about\u00a04.15%"."""
    return line.replace("\u00a0", " ")


_OPENING = "(（[［【"


def whole_pieces(text: str) -> list[str]:
    """A value cut only before an opening bracket: "over 1,000 enterprise services " and
    "(repeat services counted)". Each piece keeps the spaces that follow it."""
    pieces, start = [], 0
    for index, char in enumerate(text):
        if char in _OPENING and text[start:index].strip():
            pieces.append(text[start:index])
            start = index
    pieces.append(text[start:])
    return pieces


def min_width(text: str, whole: bool = False) -> int:
    """The widest unbreakable run of ``text``: narrower than this, a cell would be cut."""
    if whole:
        return max((cell_width(piece.rstrip()) for paragraph in text.split("\n")
                    for piece in whole_pieces(paragraph)), default=0)
    widest = 0
    for paragraph in text.split("\n"):
        prev = 0
        for pos in (*break_positions(paragraph), len(paragraph)):
            widest = max(widest, cell_width(paragraph[prev:pos].rstrip()))
            prev = pos
    return widest


def _longest_line(text: str) -> int:
    return max(cell_len(line) for line in text.split("\n"))


def _pad(line: str, width: int, justify: Justify) -> str:
    room = max(width - cell_len(line), 0)
    if justify == "right":
        return " " * room + line
    if justify == "center":
        return " " * (room // 2) + line + " " * (room - room // 2)
    return line + " " * room


@dataclass(frozen=True, slots=True)
class Span:
    """A column's measured widths: ``narrow``, the least it can take without cutting a word
    (for a column that never wraps, its widest cell); ``natural``, its widest line;
    ``usual``, what holds most of its cells whole (None: the natural width)."""

    narrow: int
    natural: int
    usual: int | None = None

    @property
    def typical(self) -> int:
        """``usual`` within ``narrow`` and ``natural``."""
        usual = self.natural if self.usual is None else self.usual
        return min(max(usual, self.narrow), self.natural)


#: The share of a column's cells its usual width holds on one line; the rest (the longest)
#: wrap, rather than widen the column for every row.
USUAL_SHARE = 0.9


def usual_width(widths: Sequence[int]) -> int:
    """The width that holds :data:`USUAL_SHARE` of ``widths`` (at least all but the longest
    tenth; a short list, all of them)."""
    if not widths:
        return 0
    ordered = sorted(widths)
    return ordered[max(math.ceil(len(ordered) * USUAL_SHARE), 1) - 1]


def measure(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> list[Span]:
    """Each column's :class:`Span` over its header and cells (a heading is never broken:
    "单位" is not "单⏎位"; a number column is never narrowed)."""
    spans = []
    for c, column in enumerate(columns):
        head = _longest_line(column.header)
        lines = [_longest_line(r[c]) for r in rows]
        natural = max([head, *lines])
        narrow = natural if not column.wrap else max(
            [cell_len(column.header), *(min_width(r[c], column.whole) for r in rows)])
        spans.append(Span(narrow, natural, max(head, usual_width(lines))))
    return spans


def fit_widths(columns: Sequence[Column], spans: Sequence[Span], width: int, label_min: int,
               gap: int = GAP, label: int = 0) -> list[int] | None:
    """The one table layout policy: column widths (0 for a dropped column) that fit ``width``,
    or None where the rows must be stacked. Shared by the app and the command line.

    The label column (``label``) is the flexible one: it takes the room the others leave and
    wants ``label_want`` cells (a third of the width, or all it needs). Tried in order: every
    column at its usual width (:attr:`Span.typical`); the optional columns dropped; the other
    wrapping columns narrowed (the widest first, never below their longest word) until the
    label has what it wants. The label needs ``label_min`` cells (or all it needs) and never
    less than its own longest word. Room the label does not need goes back to the other
    columns, up to their natural widths. ``gap`` is what each further column costs beyond
    its content.
    """
    natural = [s.natural for s in spans]
    usual = [s.typical for s in spans]
    narrow = [s.narrow for s in spans]
    label_need = max(min(natural[label], label_min), narrow[label])
    label_want = max(min(natural[label], max(label_min, width // 3)), label_need)
    everything = [c for c in range(len(columns)) if c != label]
    required = [c for c in everything if not columns[c].optional]
    for live in (everything, required):
        others = {c: usual[c] for c in live}
        if width - gap * len(live) - sum(others.values()) >= label_want:
            return _widths(others, label, natural, width - gap * len(live), len(columns))
    gaps = gap * len(required)
    others = {c: usual[c] for c in required}
    for need in (label_want, label_need):  # the widest first, as far as the label needs
        for c in sorted(required, key=lambda c: others[c] - narrow[c], reverse=True):
            over = sum(others.values()) - (width - gaps - need)
            if over <= 0:
                break
            others[c] -= min(over, others[c] - narrow[c])
        if width - gaps - sum(others.values()) >= need:
            return _widths(others, label, natural, width - gaps, len(columns))
    return None


def _widths(others: dict[int, int], label: int, natural: list[int], room: int,
            count: int) -> list[int]:
    """The label gets the room the others leave, up to its natural width; what is left
    goes back to the others (in column order) up to theirs."""
    widths = [0] * count
    widths[label] = min(natural[label], room - sum(others.values()))
    spare = room - widths[label] - sum(others.values())
    for c, w in sorted(others.items()):
        more = min(spare, natural[c] - w) if spare > 0 else 0
        widths[c] = w + max(more, 0)
        spare -= max(more, 0)
    return widths


def lay_out(columns: list[Column], rows: list[list[str]], width: int,
            label_min: int = 20, spans: Sequence[Span] | None = None) -> TableLayout:
    """Lay ``rows`` (one string per column) out in ``width`` cells; ``spans`` (from
    :func:`measure` on the same rows) saves measuring them again for each width."""
    widths = fit_widths(columns, spans or measure(columns, rows), width, label_min)
    if widths is None:
        return _stacked(columns, rows, width)
    layout = TableLayout(widths)
    layout.header = _lines(columns, [c.header for c in columns], widths, header=True)
    wrapped_once: dict[tuple[str, int, bool], list[str]] = {}  # a column repeats its cells

    def wrapped(cell: str, w: int, whole: bool) -> list[str]:
        if not w:
            return []
        key = (cell, w, whole)
        if key not in wrapped_once:
            wrapped_once[key] = wrap_cell(cell, w, whole)
        return wrapped_once[key]

    layout.row_lines = _RowLines(columns, [
        [wrapped(cell, w, col.whole) for col, cell, w in zip(columns, row, widths, strict=True)]
        for row in rows], widths)
    return layout


def _lines(columns: list[Column], cells: list[str], widths: list[int],
           header: bool = False) -> list[Text]:
    wrapped = [wrap_cell(cell, w, col.whole) if w else []
               for col, cell, w in zip(columns, cells, widths, strict=True)]
    return _draw(columns, wrapped, widths, header)


def _draw(columns: list[Column], wrapped: list[list[str]], widths: list[int],
          header: bool = False) -> list[Text]:
    """The lines of one row whose cells are already wrapped to ``widths``."""
    height = max(len(w) for w in wrapped)
    lines = []
    for y in range(height):
        line = Text(style="bold" if header else "")
        first = True
        for col, w, cell_lines in zip(columns, widths, wrapped, strict=True):
            if not w:
                continue
            if not first:
                line.append(" " * GAP)
            first = False
            part = cell_lines[y] if y < len(cell_lines) else ""
            line.append(_pad(part, w, "left" if header else col.justify),
                        style="" if header else col.style)
        lines.append(line)
    return lines


def _stacked(columns: list[Column], rows: list[list[str]], width: int) -> TableLayout:
    """The first cell wrapped to the full width, the others (optional ones left out) joined by
    " · " on indented lines below it. A cell (with its name: "Target over 19,000") moves to
    the next line whole rather than break, unless it is wider than a line on its own."""
    layout = TableLayout(None)
    inner = max(width - STACK_INDENT, 1)
    for row in rows:
        lines = [Text(line) for line in wrap_cell(row[0], width)]
        units = [_stacked_unit(col, cell) for col, cell in zip(columns[1:], row[1:], strict=True)
                 if cell.strip() and not col.optional]
        lines += [Text(" " * STACK_INDENT) + line for line in pack_units(units, inner)]
        layout.row_lines.append(lines)
    return layout


def _stacked_unit(col: Column, cell: str) -> Text:
    unit = Text()
    if col.named_when_stacked and col.header:
        unit.append(f"{col.header}\u00a0", style="dim")  # no break after a name
    if not col.wrap:  # "over 19,000" stays whole on the stacked line too
        cell = cell.replace(" ", "\u00a0")
    elif col.whole:  # as in its column: a remark in brackets may go to the next line
        cell = "".join(piece.rstrip(" ").replace(" ", "\u00a0") + piece[len(piece.rstrip(" ")):]
                       for piece in whole_pieces(cell))
    unit.append(cell, style=col.style)
    return unit


def pack_units(units: list[Text], width: int) -> list[Text]:
    """``units`` joined by " · ", a new line before a unit that does not fit the current one;
    a unit wider than a line is broken by the project's line breaker. How a stacked row lays
    out its cells, in the app and on the command line."""
    lines: list[Text] = []
    current = Text()
    for unit in units:
        if current.plain and current.cell_len + 3 + unit.cell_len <= width:
            current.append(" · ", style="dim")
            current.append_text(unit)
            continue
        if current.plain:
            lines.append(current)
        parts = [unit[start:end] for start, end in line_spans(unit.plain, width)] or [Text()]
        lines += parts[:-1]
        current = parts[-1]
    if current.plain:
        lines.append(current)
    for line in lines:
        line.rstrip()
        line.plain = _shown(line.plain)  # same length: the styles stay where they were
    return lines
