"""A table that stacks its rows when the terminal is too narrow for its columns whole.

Rich squeezes a table that does not fit by cutting columns below their narrowest whole width,
so "enterprises" becomes "enterpri / ses" and labels break mid-word. :class:`FitOrStack` draws
the table only when every column fits whole (labels wrap at their line-break opportunities,
numbers never wrap); otherwise each row becomes a block: the label on its own lines, then the
other columns as "Header value" pairs, each pair kept whole.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from briefing.wrapped import Wrapped


def _text(cell: RenderableType) -> Text:
    if isinstance(cell, Wrapped):
        return cell.text
    return cell if isinstance(cell, Text) else Text(str(cell))


class FitOrStack:
    """``table`` with its ``headers`` and the cells of each row, as they were added."""

    def __init__(self, table: Table, headers: list[str]) -> None:
        self.table = table
        self.headers = headers
        self.rows: list[list[RenderableType]] = []

    def add_row(self, *cells: RenderableType) -> None:
        self.table.add_row(*cells)
        self.rows.append(list(cells))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)

    def whole_widths(self, console: Console, options: ConsoleOptions) -> list[int]:
        """Each column's narrowest width that cuts nothing: its header or its widest run that
        may not be broken (a number is one run)."""
        widths = [cell_len(header) for header in self.headers]
        whole = [column.no_wrap for column in self.table.columns]
        for cells in self.rows:
            for index, cell in enumerate(cells):
                measured = Measurement.get(console, options, cell)
                widths[index] = max(widths[index],
                                    measured.maximum if whole[index] else measured.minimum)
        return widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.whole_widths(console, options)
        if sum(widths) + 3 * len(widths) + 1 <= options.max_width:
            # Rich gives fixed columns their full width before a ratio column gets any, and
            # may then squeeze a wrapping column below its longest word: forbid that.
            for column, width in zip(self.table.columns, widths, strict=True):
                column.min_width = max(column.min_width or 0, width)
            yield self.table
            return
        if self.table.title:
            yield self.table.title
            yield Text()
        for cells in self.rows:
            label = _text(cells[0]).copy()
            label.stylize("bold")
            yield Wrapped(label)
            pairs = []
            for header, cell in zip(self.headers[1:], cells[1:], strict=True):
                value = _text(cell)
                if header and value.plain.strip():  # not a bar, and something to say
                    pairs.append(Text(f"{header} ", style="dim").append_text(value))
            for line in _pack(pairs, options.max_width - 2):
                yield Padding(Wrapped(line), (0, 0, 0, 2))
        if self.table.caption:
            yield Text()
            yield self.table.caption


def _pack(pairs: list[Text], width: int) -> list[Text]:
    """Header-value pairs on as few lines as fit, each pair whole on one line (in Chinese too,
    where the line breaker could otherwise split a header such as 完成度)."""
    lines: list[Text] = []
    for pair in pairs:
        if lines and cell_len(lines[-1].plain) + 3 + cell_len(pair.plain) <= width:
            lines[-1].append(" · ").append_text(pair)
        else:
            lines.append(pair.copy())
    return lines
