"""A table of wrapped rows with a row cursor, as tall as its rows: the pane around it scrolls.

A ``DataTable`` cuts cells at a column width and scrolls on its own. Subclasses say what the
rows are (:meth:`RowTable.build_layout`, from :mod:`briefing.text.table_layout`); this class
draws the lines for the current width, moves the cursor (keys and mouse) and scrolls the
parent so the whole cursor row is in view. The figure table and the comparison chart are both
one of these, so they look and behave alike.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from briefing.text.table_layout import TableLayout


class RowTable(Widget, can_focus=True):
    """Rows laid out by :meth:`build_layout`; Enter (or a click on the cursor row) activates."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("enter", "select", "Details", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header", "row-table--cursor", "row-table--even-row",
    }
    DEFAULT_CSS = """
    RowTable {
        height: auto;
        & > .row-table--header { text-style: bold; color: $text-accent; }
        & > .row-table--even-row { background: $surface-lighten-1 50%; }
        /* the cursor row is marked only while the table has the focus: a highlighted row is
           the row the keys act on (see briefing.tui.subject) */
        &:focus > .row-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    cursor: reactive[int] = reactive(0, layout=False)

    #: Layouts kept, by width: Textual asks for the height at the width with and without a
    #: scrollbar, and a resize goes back and forth; a long table is not laid out each time.
    KEEP_LAYOUTS = 4

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._layout: TableLayout | None = None
        self._layout_width = -1
        self._layouts: dict[int, TableLayout] = {}

    # -- what subclasses provide -----------------------------------------------------------
    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def build_layout(self, width: int) -> TableLayout:
        """The rows laid out in ``width`` cells."""
        raise NotImplementedError

    def decorate(self, line: Text, row: int) -> Text:
        """A hook to mark up one drawn line of ``row`` (find-in-pane matches)."""
        return line

    def action_select(self) -> None:
        """Enter on the cursor row."""

    # -- layout ----------------------------------------------------------------------------
    def invalidate(self, cursor: int | None = 0) -> None:
        """The rows changed: lay them out again (and put the cursor at ``cursor``)."""
        self._layout = None
        self._layouts.clear()
        if cursor is not None:
            self.set_reactive(RowTable.cursor, cursor)
        self.refresh(layout=True)

    def layout_for(self, width: int) -> TableLayout:
        if self._layout is None or self._layout_width != width:
            if width not in self._layouts:
                if len(self._layouts) >= self.KEEP_LAYOUTS:
                    self._layouts.pop(next(iter(self._layouts)))
                self._layouts[width] = self.build_layout(width)
            self._layout = self._layouts[width]
            self._layout_width = width
        return self._layout

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.layout_for(width).height if self.row_count else 0

    # -- drawing ---------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.content_region.width or self.size.width
        layout = self.layout_for(width)
        base = self.rich_style
        header = layout.header
        if y < len(header):
            return self._strip(header[y], base + self.get_component_rich_style(
                "row-table--header"), width)
        row = layout.row_at(y)
        if row is None:
            return Strip.blank(width, base)
        line = layout.row_lines[row][y - layout.row_top(row)]
        style = base
        if row % 2:
            style += self.get_component_rich_style("row-table--even-row")
        if row == self.cursor:
            style += self.get_component_rich_style("row-table--cursor")
        return self._strip(self.decorate(line, row), style, width)

    def _strip(self, text: Text, style: Style, width: int) -> Strip:
        segments = [seg for seg in text.render(self.app.console) if seg.text != "\n"]
        strip = Strip(segments).apply_style(style)
        return strip.extend_cell_length(width, style).crop(0, width)

    # -- cursor ----------------------------------------------------------------------------
    def watch_cursor(self) -> None:
        self.refresh()
        self.scroll_to_cursor()

    def cursor_span(self) -> tuple[int, int] | None:
        """(first line, number of lines) of the cursor row in the table, None if not laid out."""
        layout = self._layout
        if not self.row_count or layout is None or self.cursor >= len(layout.row_lines):
            return None
        return layout.row_top(self.cursor), len(layout.row_lines[self.cursor])

    def scroll_to_cursor(self) -> None:
        """Scroll the pane (our parent) so the whole cursor row is in view."""
        if not self.row_count or self._layout is None or self.parent is None:
            return
        layout = self._layout
        if self.cursor >= len(layout.row_lines):
            return
        top = layout.row_top(self.cursor)
        height = len(layout.row_lines[self.cursor])
        if self.cursor == 0:  # keep the header in view with the first row
            top, height = 0, top + height
        region = self.virtual_region
        target = Region(region.x, region.y + top, region.width, height)
        self.parent.scroll_to_region(target, animate=False, immediate=True)  # type: ignore[union-attr]

    def action_cursor(self, delta: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(self.cursor + delta, self.row_count - 1))

    def action_cursor_down(self) -> None:  # what j / k call on the focused widget
        self.action_cursor(1)

    def action_cursor_up(self) -> None:
        self.action_cursor(-1)

    def action_cursor_to(self, index: int) -> None:
        if self.row_count:
            self.cursor = index % self.row_count

    def on_click(self, event: events.Click) -> None:
        layout = self._layout
        row = layout.row_at(event.y) if layout else None
        if row is None:
            return
        if row == self.cursor and self.has_focus:
            self.action_select()
        self.cursor = row
        self.focus()
