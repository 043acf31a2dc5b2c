"""Prose: a ``Static`` whose text is broken by the project's line breaker at its own width.

Used for every block of pack text the app draws (reading pane, source view, comparisons,
dialogs), so a number never splits across lines and no line starts with closing punctuation.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from briefing.text.rich_wrap import line_count, wrap_text


class Prose(Widget):
    """Pack text (always ``Text``, never markup), pre-wrapped for the width it is given."""

    DEFAULT_CSS = "Prose { height: auto; }"

    def __init__(self, text: Text | str = "", glue: Iterable[int] = (), **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = Text(text) if isinstance(text, str) else text
        self._glue: frozenset[int] = frozenset(glue)
        self._cache: tuple[int, Text] | None = None
        self._height: tuple[int, int] | None = None  # (width, lines)

    @property
    def text(self) -> Text:
        return self._text

    def update(self, text: Text | str = "", glue: Iterable[int] = ()) -> None:
        """Show ``text``; no line breaks at the ``glue`` offsets (an id stays whole)."""
        self._text = Text(text) if isinstance(text, str) else text
        self._glue = frozenset(glue)
        self._cache = self._height = None
        self.refresh(layout=True)

    def wrapped(self, width: int) -> Text:
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, wrap_text(self._text, max(width, 1), self._glue))
        return self._cache[1]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((self._text.cell_len if "\n" not in self._text.plain else
                    max(Text(line).cell_len for line in self._text.plain.split("\n"))), 0)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self._text.plain:
            return 0
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1].plain.count("\n") + 1
        if self._height is None or self._height[0] != width:
            self._height = (width, line_count(self._text, max(width, 1), self._glue))
        return self._height[1]

    def render(self) -> Text:
        return self.wrapped(self.content_region.width or self.size.width)
