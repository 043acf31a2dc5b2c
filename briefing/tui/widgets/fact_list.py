"""Name: value lines with a hanging indent, wrapped by the project's line breaker."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from briefing.text.rich_wrap import wrap_text

GAP = 2


def fact_lines(facts: list[tuple[str, Text]], width: int) -> Text:
    """Names in a column as wide as the widest; values wrapped beside them, indented."""
    name_w = max((cell_len(name) for name, _ in facts), default=0)
    if width - name_w - GAP < 16:  # too narrow for two columns: value under its name
        out = Text()
        for index, (name, value) in enumerate(facts):
            if index:
                out.append("\n")
            out.append(name, style="dim")
            out.append("\n  ")
            out.append_text(_indented(wrap_text(value, max(width - 2, 1)), 2))
        return out
    out = Text()
    for index, (name, value) in enumerate(facts):
        if index:
            out.append("\n")
        out.append(name + " " * (name_w - cell_len(name) + GAP), style="dim")
        out.append_text(_indented(wrap_text(value, width - name_w - GAP), name_w + GAP))
    return out


def _indented(text: Text, indent: int) -> Text:
    lines = text.split("\n", allow_blank=True)
    out = Text()
    for index, line in enumerate(lines):
        if index:
            out.append("\n" + " " * indent)
        out.append_text(line)
    return out


class FactList(Widget):
    DEFAULT_CSS = "FactList { height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.facts: list[tuple[str, Text]] = []
        self._cache: tuple[int, Text] | None = None

    def update(self, facts: list[tuple[str, Text]]) -> None:
        self.facts = facts
        self._cache = None
        self.refresh(layout=True)

    def lines(self, width: int) -> Text:
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, fact_lines(self.facts, max(width, 1)))
        return self._cache[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.lines(width).plain.count("\n") + 1 if self.facts else 0

    def render(self) -> Text:
        return self.lines(self.content_region.width or self.size.width)
