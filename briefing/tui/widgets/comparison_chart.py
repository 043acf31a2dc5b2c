"""A comparison drawn to fit: bars, progress, ranks or a timeline, from a ComparisonView."""

from __future__ import annotations

from rich.console import RenderableType
from textual.widget import Widget

from briefing.comparisons import ComparisonView
from briefing.model import Lang, Pack
from briefing.tui import views


class ComparisonChart(Widget):
    """Renders at its current width, so bars use the room they have and reflow on resize."""

    DEFAULT_CSS = "ComparisonChart { height: auto; }"

    def __init__(self, pack: Pack, lang: Lang, **kwargs) -> None:
        super().__init__(**kwargs)
        self.pack = pack
        self.lang: Lang = lang
        self.view: ComparisonView | None = None

    def show(self, view: ComparisonView | None, lang: Lang | None = None) -> None:
        self.view = view
        if lang is not None:
            self.lang = lang
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        if self.view is None:
            return ""
        return views.comparison_table(self.pack, self.view, self.lang, max(self.size.width, 20))
