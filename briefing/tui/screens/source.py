"""Source view (``s``): the original document, the quoted sentence highlighted and in view,
the English of the quoted item under it; ``y`` copies the quote with its document.

An item whose text summarises several sentences cites each: ``n`` / ``N`` step through its
quotes (across documents: the view changes document), the heading says which one is shown.
"""

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
        Binding("n", "quote_step(1)", "Next quote"),
        Binding("N", "quote_step(-1)", "Previous quote"),
    ]

    def __init__(self, pack: Pack, lang: Lang, source: Source | list[Source],
                 english: str | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.sources = list(source) if isinstance(source, list) else [source]
        self.english = english
        self.index = 0
        self._load()

    @property
    def source(self) -> Source:
        """The quote shown."""
        return self.sources[self.index]

    def _load(self) -> None:
        self.paragraphs = panes.source_paragraphs(panes.document_text(self.pack,
                                                                      self.source.doc))
        self.location = panes.locate_quote(self.paragraphs, self.source.quote)

    def compose(self) -> ComposeResult:
        yield BriefingHeader()
        yield Prose(self._heading(), id="source-heading")
        with VerticalScroll(id="source-doc"):
            yield from self._document()
        yield BriefingFooter()

    def _document(self) -> list[Prose]:
        widgets = []
        for index, par in enumerate(self.paragraphs):
            text = Text(par)
            loc = self.location
            if loc and loc.paragraph == index:
                text.stylize(QUOTE_STYLE, loc.start, loc.end)
            widgets.append(Prose(text, classes="source-par", id=f"par-{index}"))
            if loc and loc.paragraph == index and self.english:
                widgets.append(Prose(Text(self.english), id="source-english"))
        return widgets

    def _heading(self) -> Text:
        doc = self.pack.document(self.source.doc)
        lang = self.lang
        text = Text.assemble((one_line(doc.title.get(lang)), "bold"), "\n",
                             (f"{one_line(doc.publisher.get(lang))} · {doc.date}", "dim"))
        if len(self.sources) > 1:
            text.append("\n" + t("quote_of", lang).format(n=self.index + 1,
                                                          total=len(self.sources)))
        if self.location is None:
            text.append("\n" + t("quote_not_found", lang), style="bold red")
        return text

    async def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.query_one("#source-heading", Prose).update(self._heading())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quote_step":  # only an item that cites several quotes steps
            return len(self.sources) > 1
        return True

    async def action_quote_step(self, step: int) -> None:
        """Show the next (or previous) of the item's quotes, wrapping round."""
        if len(self.sources) < 2:
            return
        self.index = (self.index + step) % len(self.sources)
        self._load()
        scroller = self.query_one("#source-doc", VerticalScroll)
        await scroller.remove_children()
        await scroller.mount_all(self._document())
        self.query_one("#source-heading", Prose).update(self._heading())
        self.call_after_refresh(self.scroll_to_quote)

    def action_copy(self) -> None:
        """The quote in quotation marks, with its document: pasted anywhere, it cites."""
        from briefing.export.brief import document_line
        from briefing.export.quoting import quoted
        from briefing.text.sanitize import clean

        source = self.source
        quote = quoted(clean(source.quote))
        line = f"{quote} — {document_line(self.pack, source.doc, self.lang, source.quote)}"
        self.app.copy_text(line, quote)  # type: ignore[attr-defined]

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
