"""The figure table as a sheet in the all-figures view, with VisiData's keys: ``←`` ``→`` move
a column cursor (its header is marked), ``[`` ``]`` sort ascending / descending by that
column, ``|`` filters (:mod:`briefing.present.figure_sheet` says how).

Everywhere else (a section's figures) the keys are not this table's: ``[`` and ``]`` are Back
and Forward as on every screen. The sheet only asks; the reading pane sorts, filters and
refills it, so the same rows come back after ``l`` or ``b``.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Input

from briefing.present import figure_sheet
from briefing.text.table_layout import GAP
from briefing.tui.widgets.figure_table import FigureTable


class FigureSheet(FigureTable):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "column(-1)", "Column", show=False),
        Binding("right", "column(1)", "Column", show=False),
        Binding("left_square_bracket", "sort(False)", "Sort ↑"),
        Binding("right_square_bracket", "sort(True)", "Sort ↓"),
        Binding("vertical_line", "filter", "Filter"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"figure-sheet--column"}
    DEFAULT_CSS = """
    FigureSheet:focus > .figure-sheet--column { text-style: reverse bold; }
    """

    class SortAsked(Message):
        def __init__(self, column: str, descending: bool) -> None:
            self.column = column
            self.descending = descending
            super().__init__()

    class ColumnMoved(Message):
        """The column cursor moved: the title line names the column."""

    class FilterAsked(Message):
        """``|``: open the filter box (on the column under the cursor)."""

        def __init__(self, column: str) -> None:
            self.column = column
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.sheet = False  # the all-figures view: the keys above are live
        self.column = 0  # index into figure_sheet.COLUMNS

    @property
    def column_key(self) -> str:
        return figure_sheet.COLUMNS[self.column]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("column", "sort", "filter"):
            return self.sheet  # not here: the key goes on to the screen ([ is Back)
        return True

    def action_column(self, delta: int) -> None:
        self.column = (self.column + delta) % len(figure_sheet.COLUMNS)
        self.refresh()
        self.post_message(self.ColumnMoved())

    def action_sort(self, descending: bool) -> None:
        self.post_message(self.SortAsked(self.column_key, descending))

    def action_filter(self) -> None:
        self.post_message(self.FilterAsked(self.column_key))

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        layout = self._layout
        if not self.sheet or layout is None or layout.widths is None or y >= len(layout.header):
            return strip
        start, end = self._column_cells(layout.widths)
        if start == end:
            return strip
        style = self.get_component_rich_style("figure-sheet--column")
        return Strip.join([strip.crop(0, start), strip.crop(start, end).apply_style(style),
                           strip.crop(end, strip.cell_length)])

    def _column_cells(self, widths: list[int]) -> tuple[int, int]:
        """Where the cursor column's header is, in cells (nothing if the column was dropped)."""
        x = 0
        for index, width in enumerate(widths):
            if not width:
                continue
            if index == self.column:
                return x, x + width
            x += width + GAP
        return 0, 0

    def column_name(self) -> str:
        """The cursor column's header (for the title line, also when the table is stacked)."""
        if self.column < len(self.columns):
            return self.columns[self.column].header
        return ""


class SheetFilter(Input):
    """The filter box above the sheet: it filters as you type; Enter keeps the filter and goes
    back to the rows, Esc clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear", "Clear", show=False),
    ]

    class Cleared(Message):
        pass

    def __init__(self, **kwargs) -> None:
        # not selected on focus: ``|`` puts "kind:" in the box for the typing that follows
        super().__init__(select_on_focus=False, **kwargs)

    def action_clear(self) -> None:
        self.value = ""
        self.post_message(self.Cleared())
