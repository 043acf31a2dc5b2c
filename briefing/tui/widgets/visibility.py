"""Whether part of a widget shows on screen, through every scrolling container around it."""

from __future__ import annotations

from textual.widget import Widget


def in_view(widget: Widget, top: int = 0, height: int | None = None) -> bool:
    """Whether lines ``top`` .. ``top + height`` of ``widget`` show in every scrolling
    container around it (the reading pane around the figure table)."""
    height = widget.outer_size.height if height is None else height
    child: Widget = widget
    y0, y1 = top, top + max(height, 1)
    for parent in widget.ancestors:
        if not isinstance(parent, Widget):
            break
        offset = child.virtual_region.y
        y0, y1 = y0 + offset, y1 + offset
        if parent.is_scrollable:
            view_top = round(parent.scroll_y)
            view_bottom = view_top + parent.scrollable_content_region.height
            if y1 <= view_top or y0 >= view_bottom:
                return False
            y0, y1 = max(y0, view_top) - view_top, min(y1, view_bottom) - view_top
        child = parent
    return True
