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

from briefing.text.rich_wrap import Wrapped


def _text(cell: RenderableType) -> Text:
    if isinstance(cell, Wrapped):
        return cell.text
    return cell if isinstance(cell, Text) else Text(str(cell))


class FitOrStack:
    """``table`` and the cells of each row, as they were added (columns and rows go through
    this object); a stacked block is headed by the cell of ``label_column``."""

    def __init__(self, table: Table, label_column: int = 0) -> None:
        self.table = table
        self.label_column = label_column
        self.rows: list[list[RenderableType]] = []

    @property
    def headers(self) -> list[str]:
        return [str(column.header) for column in self.table.columns]

    def add_column(self, header: str, **kwargs) -> None:
        self.table.add_column(header, **kwargs)

    def add_row(self, *cells: RenderableType) -> None:
        self.table.add_row(*cells)
        self.rows.append(list(cells))

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)

    def _measured(self, console: Console, options: ConsoleOptions) -> list[tuple[int, int]]:
        """Each column's (narrowest uncut, natural) content width: its header, its widest run
        that may not be broken (a number is one run; a no-wrap column is never narrower than
        its widest cell) and its widest line."""
        spans = [(cell_len(h), cell_len(h)) for h in self.headers]  # a header is one line
        whole = [column.no_wrap for column in self.table.columns]
        for cells in self.rows:
            for index, cell in enumerate(cells):
                measured = Measurement.get(console, options, cell)
                low = measured.maximum if whole[index] else measured.minimum
                spans[index] = (max(spans[index][0], low),
                                max(spans[index][1], measured.maximum))
        return spans

    def column_widths(self, console: Console, options: ConsoleOptions) -> list[int] | None:
        """Content widths that cut nothing within ``options.max_width``, or None if none do.

        Laid out here rather than by Rich, which gives fixed columns their full width first
        and may then squeeze a wrapping column below its longest word."""
        table, count = self.table, len(self.headers)
        _top, right, _bottom, left = Padding.unpack(table.padding)
        edges = (2 if table.box and table.show_edge else 0) + (count - 1 if table.box else 0)
        room = options.max_width - edges - count * (left + right)
        spans = self._measured(console, options)
        widths = [low for low, _high in spans]
        spare = room - sum(widths)
        if spare < 0:
            return None
        wants = [high - low for low, high in spans]
        total = sum(wants)
        if total <= spare:  # room for every column's natural width
            return [high for _low, high in spans]
        for index, want in enumerate(wants):  # what is left, shared as the columns want it
            widths[index] += spare * want // total
        left = room - sum(widths)
        for index in sorted(range(count), key=lambda i: -wants[i])[:left]:
            widths[index] += 1
        return widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self.column_widths(console, options)
        if widths is not None:
            for column, width in zip(self.table.columns, widths, strict=True):
                column.width = width
            yield self.table
            return
        if self.table.title:
            yield self.table.title
            yield Text()
        headers = self.headers
        for cells in self.rows:
            head = cells[self.label_column]
            label = _text(head).copy()
            label.stylize("bold", 0, len(label.plain.split("\n")[0]))
            yield Wrapped(label, head.glue if isinstance(head, Wrapped) else ())
            pairs = []
            others = [(h, c) for i, (h, c) in enumerate(zip(headers, cells, strict=True))
                      if i != self.label_column]
            for header, cell in others:
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
