"""Source view (``s``): the original document, the quoted sentence highlighted and in view,
the English of the quoted item under it; ``y`` copies the quote."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen

from briefing.model import Lang, Pack, Source
from briefing.present import panes
from briefing.present.words import t
from briefing.text.line_breaking import line_spans
from briefing.text.sanitize import one_line
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.footer import BriefingFooter
from briefing.tui.widgets.header import BriefingHeader
from briefing.tui.widgets.prose import Prose

QUOTE_STYLE = "bold black on yellow"


class SourceScreen(Screen[None]):
    """The document as paragraphs; the one holding the quote is scrolled to the quote's line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Close"),
        Binding("y", "copy", "Copy"),
    ]

    def __init__(self, pack: Pack, lang: Lang, source: Source,
                 english: str | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.source = source
        self.english = english
        self.paragraphs = panes.source_paragraphs(panes.document_text(pack, source.doc))
        self.location = panes.locate_quote(self.paragraphs, source.quote)

    def compose(self) -> ComposeResult:
        yield BriefingHeader()
        yield Prose(self._heading(), id="source-heading")
        with VerticalScroll(id="source-doc"):
            for index, par in enumerate(self.paragraphs):
                text = Text(par)
                loc = self.location
                if loc and loc.paragraph == index:
                    text.stylize(QUOTE_STYLE, loc.start, loc.end)
                yield Prose(text, classes="source-par", id=f"par-{index}")
                if loc and loc.paragraph == index and self.english:
                    yield Prose(Text(self.english), id="source-english")
        yield BriefingFooter()

    def _heading(self) -> Text:
        doc = self.pack.document(self.source.doc)
        lang = self.lang
        text = Text.assemble((one_line(doc.title.get(lang)), "bold"), "\n",
                             (f"{one_line(doc.publisher.get(lang))} · {doc.date}", "dim"))
        if self.location is None:
            text.append("\n" + t("quote_not_found", lang), style="bold red")
        return text

    async def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.query_one("#source-heading", Prose).update(self._heading())

    def action_copy(self) -> None:
        from briefing.text.sanitize import clean

        quote = clean(self.source.quote)
        self.app.copy_text(quote, f"“{one_line(quote)}”")  # type: ignore[attr-defined]

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#source-doc").focus()
        self.call_after_refresh(self.scroll_to_quote)

    def scroll_to_quote(self) -> None:
        """Scroll so the quote's first line sits a few lines below the top of the view."""
        loc = self.location
        if loc is None:
            return
        scroller = self.query_one("#source-doc", VerticalScroll)
        par = self.query_one(f"#par-{loc.paragraph}", Prose)
        width = max(par.content_region.width, 1)
        spans = line_spans(self.paragraphs[loc.paragraph], width)  # as Prose breaks it
        line = next((i for i, (_, end) in enumerate(spans) if loc.start < end), 0)
        y = par.virtual_region.y + line - 2
        scroller.scroll_to(y=max(y, 0), animate=False)

