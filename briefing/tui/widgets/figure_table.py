"""The figure table of the reading pane: every label whole, one scroll (the pane's).

A ``DataTable`` cuts cells at a column width and scrolls on its own; this widget is as tall as
its wrapped rows (``height: auto``), draws the lines :mod:`briefing.tui.table_layout` computes
for its current width, and scrolls the pane to keep the cursor row in view.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from briefing.tui import views
from briefing.tui.table_layout import Column, TableLayout, lay_out


class FigureTable(Widget, can_focus=True):
    """Rows of :class:`views.FigureRow`; Enter or ``i`` asks for the figure's details."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("enter", "select", "Details", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "figure-table--header", "figure-table--cursor", "figure-table--even-row",
        "figure-table--match", "figure-table--current-match",
    }
    DEFAULT_CSS = """
    FigureTable {
        height: auto;
        & > .figure-table--header { text-style: bold; color: $text-accent; }
        & > .figure-table--even-row { background: $surface-lighten-1 50%; }
        & > .figure-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .figure-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .figure-table--match { background: yellow; color: black; }
        & > .figure-table--current-match { background: darkorange; color: black;
                                           text-style: bold; }
    }
    """

    cursor: reactive[int] = reactive(0, layout=False)

    class Selected(Message):
        """Enter, ``i`` or a click on the highlighted row: show this figure's details."""

        def __init__(self, figure_id: str) -> None:
            self.figure_id = figure_id
            super().__init__()

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[views.FigureRow] = []
        self.columns: list[Column] = []
        self.find_query = ""
        self._layout: TableLayout | None = None
        self._layout_width = -1

    # -- content ---------------------------------------------------------------------------
    def set_rows(self, columns: list[Column], rows: list[views.FigureRow]) -> None:
        self.columns, self.rows = columns, rows
        self.find_query = ""
        self._layout = None
        self.set_reactive(FigureTable.cursor, 0)
        self.refresh(layout=True)

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def highlighted(self) -> str | None:
        return self.rows[self.cursor].figure_id if self.rows else None

    def index_of(self, figure_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.figure_id == figure_id), None)

    def set_find(self, query: str) -> None:
        if query != self.find_query:
            self.find_query = query
            self.refresh()

    def layout_for(self, width: int) -> TableLayout:
        if self._layout is None or self._layout_width != width:
            cells = [[r.label, r.value, r.period, r.kind, r.compared_text] for r in self.rows]
            self._layout = lay_out(self.columns, cells, width)
            self._layout_width = width
        return self._layout

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.layout_for(width).height if self.rows else 0

    # -- drawing ---------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.content_region.width or self.size.width
        layout = self.layout_for(width)
        base = self.rich_style
        header = layout.header
        if y < len(header):
            return self._strip(header[y], base + self.get_component_rich_style(
                "figure-table--header"), width)
        row = layout.row_at(y)
        if row is None:
            return Strip.blank(width, base)
        line = layout.row_lines[row][y - layout.row_top(row)]
        style = base
        if row % 2:
            style += self.get_component_rich_style("figure-table--even-row")
        if row == self.cursor:
            style += self.get_component_rich_style("figure-table--cursor")
        return self._strip(self._marked(line, row), style, width)

    def _marked(self, line: Text, row: int) -> Text:
        if not self.find_query:
            return line
        spans = views.find_spans(line.plain, self.find_query)
        if not spans:
            return line
        current = row == self.cursor
        name = "figure-table--current-match" if current else "figure-table--match"
        style = self.get_component_rich_style(name)
        line = line.copy()
        for start, end in spans:
            line.stylize(style, start, end)
        return line

    def _strip(self, text: Text, style: Style, width: int) -> Strip:
        segments = [seg for seg in text.render(self.app.console) if seg.text != "\n"]
        strip = Strip(segments).apply_style(style)
        return strip.extend_cell_length(width, style).crop(0, width)

    def watch_cursor(self) -> None:
        self.refresh()
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        """Scroll the pane (our parent) so the whole cursor row is in view."""
        if not self.rows or self._layout is None or self.parent is None:
            return
        layout = self._layout
        top = layout.row_top(self.cursor)
        height = len(layout.row_lines[self.cursor])
        if self.cursor == 0:  # keep the header in view with the first row
            top, height = 0, top + height
        region = self.virtual_region
        target = Region(region.x, region.y + top, region.width, height)
        self.parent.scroll_to_region(target, animate=False, immediate=True)  # type: ignore[union-attr]

    # -- keys and mouse --------------------------------------------------------------------
    def action_cursor(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(self.cursor + delta, len(self.rows) - 1))

    def action_cursor_down(self) -> None:  # what j / k call on the focused widget
        self.action_cursor(1)

    def action_cursor_up(self) -> None:
        self.action_cursor(-1)

    def action_cursor_to(self, index: int) -> None:
        if self.rows:
            self.cursor = index % len(self.rows)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.rows[self.cursor].figure_id))

    def move_to(self, figure_id: str) -> bool:
        index = self.index_of(figure_id)
        if index is None:
            return False
        self.cursor = index
        self.scroll_to_cursor()
        return True

    def on_click(self, event: events.Click) -> None:
        layout = self._layout
        row = layout.row_at(event.y) if layout else None
        if row is None:
            return
        if row == self.cursor and self.has_focus:
            self.action_select()
        self.cursor = row
        self.focus()
