"""The reading pane's all-figures view (tree → Figures): the figure table becomes a sheet
(:class:`~briefing.tui.widgets.figure_sheet.FigureSheet`) that sorts and filters.

A mixin of :class:`~briefing.tui.widgets.reading_pane.ReadingPane`: the pane keeps the sort
and the filter (:class:`~briefing.present.figure_sheet.SheetState`), so they hold across
``l``, ``b`` and visits; after each change the cursor stays on the figure it was on.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefing.model import Lang, Pack
from briefing.present import figure_sheet
from briefing.present.figure_sheet import SheetState
from briefing.present.panes import FigureRow
from briefing.present.words import t
from briefing.tui.widgets.figure_sheet import FigureSheet, SheetFilter
from briefing.tui.widgets.section_tree import FIGURES_ID

#: what ``|`` puts in the filter box for the cursor column (label and count: plain words)
FILTER_PREFIX = {"value": "value:", "period": "period:", "kind": "kind:",
                 "section": "section:"}


class AllFiguresView:
    """Handlers by name (``on_…``), not ``@on``: Textual collects decorated handlers only
    from its own classes, and this mixin is not one."""

    pack: Pack
    lang: Lang
    node_id: str | None
    sheet_state: SheetState

    def sheet_rows(self) -> list[FigureRow]:
        return figure_sheet.rows(self.pack, self.lang, self.sheet_state)

    def fill_sheet(self, table: FigureSheet, rows: list[FigureRow], title: Static,
                   box: SheetFilter) -> None:
        """Put ``rows`` in ``table``: a sheet in the all-figures view, else a figure table."""
        lang = self.lang
        table.sheet = self.node_id == FIGURES_ID
        if not table.sheet:
            from briefing.present.panes import figure_columns

            table.set_rows(figure_columns(lang), rows)
            title.update(Text(f"{t('figures', lang)} ({len(rows)})", style="bold"))
            title.display = bool(rows)
            box.display = False
            return
        state = self.sheet_state
        columns = [c.__class__(figure_sheet.header(c, key, state), c.justify, c.style,
                               c.optional, c.wrap, c.named_when_stacked)
                   for c, key in zip(figure_sheet.columns(lang), figure_sheet.COLUMNS,
                                     strict=True)]
        table.set_rows(columns, rows, figure_sheet.cells)
        self._sheet_title(table, title, len(rows))
        title.display = True  # "0 of 40" is worth saying when a filter hides everything
        box.display = bool(state.filter) or box.has_focus
        if box.placeholder != t("sheet_filter_placeholder", lang):
            box.placeholder = t("sheet_filter_placeholder", lang)

    def _sheet_title(self, table: FigureSheet, title: Static, shown: int) -> None:
        lang = self.lang
        total = sum(1 for _ in self.pack.figures())
        line = Text(figure_sheet.describe(self.sheet_state, shown, total, lang), style="bold")
        line.append(f"  ←→ {table.column_name()} · [ ] {t('sort', lang)} · | "
                    f"{t('filter', lang)}", style="dim")
        title.update(line)

    def _filter_box(self) -> SheetFilter:
        return self.query_one("#sheet-filter", SheetFilter)  # type: ignore[attr-defined]

    def _refill_sheet(self) -> None:
        table = self.query_one(FigureSheet)  # type: ignore[attr-defined]
        figure = table.highlighted
        self._fill_figures(self.sheet_rows())  # type: ignore[attr-defined]
        index = table.index_of(figure) if figure else None
        if index is not None:
            table.cursor = index
        if table.has_focus:
            self.call_after_refresh(table.scroll_to_cursor)  # type: ignore[attr-defined]
        elif self._filter_box().has_focus:  # typing a filter: the box, the count, the header
            self.call_after_refresh(self.scroll_to_widget,  # type: ignore[attr-defined]
                                    self.query_one("#figures-title"),  # type: ignore[attr-defined]
                                    animate=False, top=True)

    def on_figure_sheet_sort_asked(self, event: FigureSheet.SortAsked) -> None:
        event.stop()
        self.sheet_state = self.sheet_state.sorted_by(event.column, event.descending)
        self._refill_sheet()

    def on_figure_sheet_column_moved(self, event: FigureSheet.ColumnMoved) -> None:
        event.stop()
        table = self.query_one(FigureSheet)  # type: ignore[attr-defined]
        self._sheet_title(table, self.query_one("#figures-title", Static),  # type: ignore[attr-defined]
                          table.row_count)

    def on_figure_sheet_filter_asked(self, event: FigureSheet.FilterAsked) -> None:
        event.stop()
        box = self._filter_box()
        prefix = FILTER_PREFIX.get(event.column, "")
        text = self.sheet_state.filter
        if prefix and prefix not in text.split():
            text = f"{text} {prefix}".lstrip()
        box.display = True
        box.value = text
        box.cursor_position = len(text)
        box.focus()

    def on_input_changed(self, event: SheetFilter.Changed) -> None:
        if event.input.id != "sheet-filter":
            return
        event.stop()
        if event.value.strip() != self.sheet_state.filter:
            self.sheet_state = self.sheet_state.filtered(event.value)
            self._refill_sheet()

    def on_input_submitted(self, event: SheetFilter.Submitted) -> None:
        if event.input.id != "sheet-filter":
            return
        event.stop()
        self._back_to_rows()

    def on_sheet_filter_cleared(self, event: SheetFilter.Cleared) -> None:
        event.stop()
        self.sheet_state = self.sheet_state.filtered("")
        self._refill_sheet()
        self._back_to_rows()

    def _back_to_rows(self) -> None:
        table = self.query_one(FigureSheet)  # type: ignore[attr-defined]
        self._filter_box().display = bool(self.sheet_state.filter)
        table.focus()
        self.call_after_refresh(table.scroll_to_cursor)  # type: ignore[attr-defined]
