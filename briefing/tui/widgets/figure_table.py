"""The figure table of the reading pane: every label whole, one scroll (the pane's).

A :class:`RowTable` of :class:`panes.FigureRow`; it adds find-in-pane marks and asks for a
figure's details on Enter, ``i`` or a click on the highlighted row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.message import Message

from briefing.present import panes
from briefing.text.table_layout import Column, Span, TableLayout, lay_out, measure
from briefing.tui.widgets.row_table import RowTable


class FigureTable(RowTable):
    """Rows of :class:`panes.FigureRow`; Enter or ``i`` asks for the figure's details."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "figure-table--match", "figure-table--current-match",
    }
    DEFAULT_CSS = """
    FigureTable {
        & > .figure-table--match { background: yellow; color: black; }
        & > .figure-table--current-match { background: darkorange; color: black;
                                           text-style: bold; }
    }
    """

    class Selected(Message):
        """Enter, ``i`` or a click on the highlighted row: show this figure's details."""

        def __init__(self, figure_id: str) -> None:
            self.figure_id = figure_id
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[panes.FigureRow] = []
        self.columns: list[Column] = []
        self.find_query = ""
        self._cells: list[list[str]] = []
        self._spans = None
        self._index: dict[str, int] = {}

    def set_rows(self, columns: list[Column], rows: list[panes.FigureRow],
                 cells: Callable[[panes.FigureRow], list[str]] | None = None) -> None:
        """``cells`` gives a row's cells, one per column (default: the figure table's)."""
        self.columns, self.rows = columns, rows
        self.find_query = ""
        self._cells = ([cells(r) for r in rows] if cells else
                       [[r.label, r.value, r.period, r.kind, r.compared_text] for r in rows])
        self._spans: list[Span] | None = None  # measured on the first layout, for all widths
        self._index = {r.figure_id: i for i, r in enumerate(rows)}
        self.invalidate()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted(self) -> str | None:
        return self.rows[self.cursor].figure_id if self.rows else None

    def index_of(self, figure_id: str) -> int | None:
        return self._index.get(figure_id)

    def set_find(self, query: str) -> None:
        if query != self.find_query:
            self.find_query = query
            self.refresh()

    def build_layout(self, width: int) -> TableLayout:
        if self._spans is None:
            self._spans = measure(self.columns, self._cells)
        return lay_out(self.columns, self._cells, width, spans=self._spans)

    def decorate(self, line: Text, row: int) -> Text:
        if not self.find_query:
            return line
        spans = panes.find_spans(line.plain, self.find_query)
        if not spans:
            return line
        current = row == self.cursor
        name = "figure-table--current-match" if current else "figure-table--match"
        style = self.get_component_rich_style(name)
        line = line.copy()
        for start, end in spans:
            line.stylize(style, start, end)
        return line

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.rows[self.cursor].figure_id))

