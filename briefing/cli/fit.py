"""A Rich table laid out by the project's one table layout policy, or stacked row by row.

Rich squeezes a table that does not fit by cutting columns below their narrowest whole width,
so "enterprises" becomes "enterpri / ses" and labels break mid-word. :class:`FitOrStack`
measures its Rich cells, asks :func:`briefing.text.table_layout.fit_widths` (the policy the
app's tables use) for widths, and draws the table with them; where the policy says stack,
each row becomes a block: the label on its own lines, then the other columns as "Header value"
pairs, each pair kept whole (:func:`briefing.text.table_layout.pack_units`).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from briefing.text.rich_wrap import Wrapped
from briefing.text.table_layout import Column, Span, fit_widths, pack_units

#: Narrower than this, a label column makes the rows stack.
LABEL_MIN = 10


def _text(cell: RenderableType) -> Text:
    if isinstance(cell, Wrapped):
        return cell.text
    return cell if isinstance(cell, Text) else Text(str(cell))


class FitOrStack:
    """``table`` and the cells of each row, as they were added (columns and rows go through
    this object); ``label_column`` is the flexible one and heads a stacked block."""

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

    def _spans(self, console: Console, options: ConsoleOptions) -> list[Span]:
        """Each column's narrowest uncut width (its widest run that may not be broken; a
        no-wrap column's widest cell) and natural width, as Rich measures the cells."""
        spans = [(cell_len(h), cell_len(h)) for h in self.headers]  # a header is one line
        whole = [column.no_wrap for column in self.table.columns]
        for cells in self.rows:
            for index, cell in enumerate(cells):
                measured = Measurement.get(console, options, cell)
                low = measured.maximum if whole[index] else measured.minimum
                spans[index] = (max(spans[index][0], low),
                                max(spans[index][1], measured.maximum))
        return [Span(low, high) for low, high in spans]

    def column_widths(self, console: Console, options: ConsoleOptions) -> list[int] | None:
        """Content widths by the shared policy within ``options.max_width``, or None: stack.

        Each further column costs its padding and separator; the table its edges and the
        label's padding."""
        table = self.table
        _top, right, _bottom, left = Padding.unpack(table.padding)
        edges = 2 if table.box and table.show_edge else 0
        gap = left + right + (1 if table.box else 0)
        columns = [Column(h, wrap=not c.no_wrap) for h, c in zip(self.headers, table.columns,
                                                                 strict=True)]
        return fit_widths(columns, self._spans(console, options),
                          options.max_width - edges - left - right, LABEL_MIN, gap=gap,
                          label=self.label_column)

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
            for line in pack_units(pairs, options.max_width - 2):
                yield Padding(Wrapped(line), (0, 0, 0, 2))
        if self.table.caption:
            yield Text()
            yield self.table.caption
