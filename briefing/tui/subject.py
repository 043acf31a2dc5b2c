"""What a key acts on: the focused row when it can be seen, else the item being read.

``p``, ``y``, ``f``, ``s`` and ``e`` all ask :func:`subject`, so a key never acts on a row
the reader cannot see: a figure table's cursor left 30 lines below the screen after ``g``, or
a list's highlight while the focus is elsewhere. The focused pane is marked (see
``briefing.tcss``), so what a key will act on is always on screen.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.widget import Widget
from textual.widgets import OptionList

from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.section_tree import FIGURES_ID, PINS_ID, SectionTree
from briefing.tui.widgets.visibility import in_view


@dataclass(frozen=True, slots=True)
class Subject:
    """``item_id``: the section, item, figure or comparison a key acts on (None: nothing).
    ``pins``: the tree's Pins node has the cursor. ``row``: a focused row, not the item being
    read."""

    item_id: str | None
    row: bool = False
    pins: bool = False


def _row(item_id: str | None) -> Subject:
    return Subject(item_id, row=True)


def focused_row(focused: Widget | None) -> Subject | None:
    """The row under the cursor of the focused table, list or tree, if it can be seen."""
    if isinstance(focused, FigureTable):
        span = focused.cursor_span()  # None: not laid out yet, to be scrolled to its cursor
        if focused.highlighted is None or (span is not None and not in_view(focused, *span)):
            return None
        return _row(focused.highlighted)
    if isinstance(focused, OptionList) and focused.id in ("comparisons", "see-also"):
        index = focused.highlighted
        if index is None or not in_view(focused):
            return None
        return _row(focused.get_option_at_index(index).id)
    if isinstance(focused, SectionTree):
        node = focused.cursor_node
        if node is None or not focused.scroll_y <= focused.cursor_line < (
                focused.scroll_y + focused.scrollable_content_region.height):
            return None
        if node.data == PINS_ID:
            return Subject(None, row=True, pins=True)
        return _row(None if node.data in (None, "", FIGURES_ID) else node.data)
    return None


def subject(focused: Widget | None, reading: str | None) -> Subject:
    """The focused row if one shows, else ``reading`` (the open section or item; the
    all-figures view is nothing to act on)."""
    row = focused_row(focused)
    if row is not None:
        return row
    return Subject(None if reading in (None, FIGURES_ID) else reading)
