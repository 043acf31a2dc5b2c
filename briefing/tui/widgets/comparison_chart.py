"""A comparison drawn to fit: numbers in aligned columns, bars where there is room, and a row
cursor so ``s`` and Enter act on the row the reader is looking at."""

from __future__ import annotations

from textual.message import Message

from briefing.model import Lang, Pack
from briefing.present.chart_table import ChartTable, chart_table
from briefing.present.comparison_rows import ComparisonView
from briefing.text.table_layout import TableLayout
from briefing.tui.widgets.row_table import RowTable


class ComparisonChart(RowTable):
    """Lays the comparison out at its current width, so it reflows on resize."""

    class Selected(Message):
        """Enter or a click on the highlighted row: show that figure's details."""

        def __init__(self, figure_id: str) -> None:
            self.figure_id = figure_id
            super().__init__()

    def __init__(self, pack: Pack, lang: Lang, **kwargs) -> None:
        super().__init__(**kwargs)
        self.pack = pack
        self.lang: Lang = lang
        self.view: ComparisonView | None = None
        self.table: ChartTable | None = None

    def show(self, view: ComparisonView | None, lang: Lang | None = None) -> None:
        """Draw ``view``; the cursor stays on its row when only the language changed."""
        same = view is not None and self.view is not None and view.id == self.view.id
        self.view = view
        if lang is not None:
            self.lang = lang
        self.table = chart_table(self.pack, view, self.lang) if view else None
        self.invalidate(cursor=None if same else 0)

    @property
    def row_count(self) -> int:
        return len(self.table.rows) if self.table else 0

    @property
    def highlighted(self) -> str | None:
        """The figure behind the cursor row, else the first row that has one."""
        if not self.table:
            return None
        figures = self.table.figures
        if 0 <= self.cursor < len(figures) and figures[self.cursor]:
            return figures[self.cursor]
        return next((f for f in figures if f), None)

    def build_layout(self, width: int) -> TableLayout:
        if self.table is None:
            return TableLayout(None)
        return self.table.lay_out(max(width, 10))

    def action_select(self) -> None:
        if self.highlighted:
            self.post_message(self.Selected(self.highlighted))
