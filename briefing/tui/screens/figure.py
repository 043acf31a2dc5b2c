"""Figure details (Enter or ``i`` on a figure row): everything the pack says about one figure.

Label in both languages, the value as displayed and in base units, hedge, period, kind, scope,
note, the verbatim quote with its document, and the comparisons holding the figure (Enter on
one opens it). ``s`` opens the quote in its document, ``f`` compares the figure, ``p`` pins it,
``y`` copies it as one cited Markdown line.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Lang, Pack
from briefing.present.figure_facts import figure_facts
from briefing.present.words import t
from briefing.text.rich_wrap import Wrapped
from briefing.text.sanitize import one_line
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.fact_list import FactList
from briefing.tui.widgets.footer import BriefingFooter
from briefing.tui.widgets.header import BriefingHeader
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.safe_lists import SafeOptionList


class FigureScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Close"),
        Binding("s", "source", "Source"),
        Binding("f", "compare", "Compare"),
        Binding("p", "pin", "Pin"),
        Binding("y", "copy", "Copy"),
    ]

    def __init__(self, pack: Pack, lang: Lang, figure_id: str) -> None:
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.figure_id = figure_id

    def compose(self) -> ComposeResult:
        yield BriefingHeader()
        with VerticalScroll(id="figure-view"):
            yield Prose(id="figure-title")
            yield FactList(id="figure-facts")
            yield Prose(id="figure-quote-title", classes="subtitle")
            yield Prose(id="figure-quote")
            yield Prose(id="figure-comparisons-title", classes="subtitle")
            yield SafeOptionList(id="figure-comparisons")
        yield BriefingFooter()

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self._draw()
        comparisons = self.query_one("#figure-comparisons", OptionList)
        (comparisons if comparisons.option_count else self.query_one("#figure-view")).focus()

    async def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self._draw()

    def _draw(self) -> None:
        figure = self.pack.figure(self.figure_id)
        details = figure_facts(self.pack, figure, self.lang)
        self.sub_title = one_line(figure.label.get(self.lang))  # the header names the figure
        self.query_one("#figure-title", Prose).update(details.title)
        self.query_one("#figure-facts", FactList).update(details.facts)
        self.query_one("#figure-quote-title", Prose).update(
            Text(t("source_quote", self.lang), style="bold"))
        self.query_one("#figure-quote", Prose).update(details.quote)
        comparisons = self.pack.comparisons_for(self.figure_id)
        title = self.query_one("#figure-comparisons-title", Prose)
        title.update(Text(f"{t('compared_in', self.lang)} ({len(comparisons)})", style="bold")
                     if comparisons else Text(t("in_no_comparison", self.lang), style="dim"))
        options = self.query_one("#figure-comparisons", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(Option(Wrapped(Text(one_line(c.title.get(self.lang)))), id=c.id)
                            for c in comparisons)
        options.display = bool(comparisons)
        if comparisons:
            options.highlighted = highlighted or 0

    @on(OptionList.OptionSelected, "#figure-comparisons")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.app.open_comparisons(comparison_id=event.option.id)  # type: ignore[attr-defined]

    def action_source(self) -> None:
        self.app.open_source(self.figure_id)  # type: ignore[attr-defined]

    def action_compare(self) -> None:
        self.app.open_comparisons(figure_id=self.figure_id,  # type: ignore[attr-defined]
                                  only_figure=True)

    def action_pin(self) -> None:
        self.app.toggle_pin(self.figure_id)  # type: ignore[attr-defined]

    def action_copy(self) -> None:
        from briefing.export.brief import figure_line
        from briefing.present.titles import title_of

        line = figure_line(self.pack, self.pack.figure(self.figure_id), self.lang)
        self.app.copy_text(line, title_of(self.pack, self.figure_id, self.lang))  # type: ignore[attr-defined]
