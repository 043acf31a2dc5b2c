"""Search (``/``): results listed live as you type; Enter opens the highlighted hit.

Only :meth:`SearchEngine.search` and :class:`Hit` are used, so the matcher behind them (plain
substring today, fuzzy and pinyin-aware later) can change without touching this screen.
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from briefing.figures.formatting import figure_value, period_label
from briefing.model import Lang, Pack
from briefing.present.hit_count import hit_count
from briefing.present.snippets import HIGHLIGHT, snippet, value_glue
from briefing.present.words import t
from briefing.text.rich_wrap import Wrapped
from briefing.text.sanitize import one_line
from briefing.tui.indexing import build_in_process
from briefing.tui.screens.dialog import Dialog
from briefing.tui.screens.lifecycle import closed_before_mount
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.safe_lists import SafeOptionList

SHOWN = 40  # hits listed (a full list says "first 40 hits": there may be more)
PREVIEW_CHARS = 360  # about four lines of the dialog: enough to see the hit in its sentence
KIND_WORDS = {"section": "section", "item": "item", "figure": "figure_kind",
              "comparison": "comparison"}


def hit_prompt(hit, lang: Lang, width: int = 70) -> Text:
    """Kind, title in the UI language, a figure's value, and a snippet around the match with
    the match marked."""
    return _laid_out(hit, lang, width)[0]


def _laid_out(hit, lang: Lang, width: int = 70) -> tuple[Text, list[int], range]:
    """:func:`hit_prompt`, and the offsets in it where the value and the id may not break."""
    kind = t(KIND_WORDS.get(hit.kind, "item"), lang)
    title = one_line(hit.title.get(lang))
    text = Text.assemble((f"{kind:<6} ", "dim"))
    title_at = len(text.plain)
    text.append(title, "bold")
    value = one_line(hit.value.get(lang)) if hit.value is not None else ""
    value_at = len(text.plain) + 2
    if value:
        text.append(f"  {value}", "bold cyan")
    id_at = len(text.plain) + 2
    text.append(f"  {hit.id}", "dim italic")
    whole = value_glue(value, value_at), range(id_at + 1, id_at + len(hit.id))
    source = hit.text_of(hit.field)
    if source == title:  # the match is in the title shown: mark it there
        for s, e in hit.spans:
            text.stylize(HIGHLIGHT, title_at + s, title_at + e)
        return text, *whole
    if source and hit.spans:
        text.append("\n")
        text.append_text(snippet(source, hit.spans, width))
    return text, *whole


def _prompt(hit, lang: Lang) -> Wrapped:
    """The hit's prompt, wrapped by the line breaker with a figure's value and the id each
    kept whole on one line."""
    prompt, value, item_id = _laid_out(hit, lang)
    return Wrapped(prompt, [*value, *item_id])


class SearchScreen(Dialog[str | None]):
    """``query`` is the last search, offered again (selected, so typing replaces it);
    ``typed`` is what the input holds now."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("p", "pin", "Pin")]

    def __init__(self, pack: Pack, lang: Lang, engine, query: str = "") -> None:
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.engine = engine
        self.typed = query
        self.hits: dict[str, object] = {}
        #: a large pack's index is being built in the background (see on_mount)
        self.indexing = False

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog", classes="dialog"):
            yield Input(self.typed, placeholder=t("search_placeholder", self.lang),
                        id="search-input")
            yield Prose(id="search-status")
            yield SafeOptionList(id="search-results")
            yield Prose(id="search-preview")

    def on_mount(self) -> None:
        if closed_before_mount(self):
            return
        self.query_one("#search-input").focus()

    def _start_indexing(self) -> None:
        """A library's first search builds its index for a minute or more: in a process of
        its own (the dialog takes keys meanwhile), then the hits for what was typed."""
        self.indexing = True
        self._show_status(t("indexing", self.lang))
        self.run_worker(self._build_index, thread=True, exit_on_error=False)

    def _build_index(self) -> None:
        try:
            if build_in_process(self.app, self.engine) is not None:
                self.engine.prepare()  # the store just written (or, failing that, built here)
        finally:
            with contextlib.suppress(RuntimeError):  # the app has closed meanwhile
                self.app.call_from_thread(self._index_ready)

    def _index_ready(self) -> None:
        self.indexing = False
        if self.is_attached:
            self._list(self.typed)

    def _show_status(self, message: str) -> None:
        self.query_one("#search-status", Prose).update(Text(message, style="dim"))

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.typed = event.value
        if not self.indexing and event.value.strip() and self.engine.builds_slowly():
            self._start_indexing()
        if self.indexing:
            return  # listed when the index is ready
        self._list(event.value)

    def _list(self, query: str) -> None:
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        hits = self._hits(query) if query.strip() else []
        self.hits = {hit.id: hit for hit in hits}
        self._preview(hits[0] if hits else None)
        results.add_options(Option(_prompt(hit, self.lang), id=hit.id) for hit in hits)
        if hits:
            results.highlighted = 0
        self._show_status(t("no_results", self.lang) if query.strip() and not hits else
                          (hit_count((h.kind for h in hits), SHOWN, self.lang) if hits else ""))

    def _hits(self, query: str) -> list:
        """The engine's hits; with facets among the words (``kind:target period:2026``),
        only those that have them (see :mod:`briefing.library.faceted_search`)."""
        if ":" in query:
            from briefing.library.faceted_search import narrow, parse

            words, facets = parse(query)
            if facets:
                app = self.app
                return narrow(lambda n: self.engine.search(words, limit=n), SHOWN, facets,
                              None, app.briefing_of, app.figure_of) if words.strip() else []
        return self.engine.search(query, limit=SHOWN)

    @on(OptionList.OptionHighlighted, "#search-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._preview(self.hits.get(event.option.id or ""))

    def _preview(self, hit) -> None:
        """The highlighted hit in context (a wider window than the list), before Enter."""
        preview = self.query_one("#search-preview", Prose)
        source = hit.text_of(hit.field) if hit is not None else ""
        if not source:
            preview.update("")
            return
        title = one_line(hit.title.get(self.lang))
        where = Text(f"{title}\n", style="bold")
        if source == title:  # the match is the title itself: show what it stands for
            preview.update(where.append(self._hit_context(hit.id)))
            return
        preview.update(where.append_text(snippet(source, hit.spans, PREVIEW_CHARS)))

    def _hit_context(self, item_id: str) -> str:
        """A figure's value and verbatim quote, a node's opening text."""
        pack, lang = self.pack, self.lang
        if pack.has_figure(item_id):
            fig = pack.figure(item_id)
            return (f"{one_line(figure_value(pack, fig, lang))} ({period_label(fig, lang)}) — "
                    f"“{one_line(fig.source.quote)}”")
        if pack.has_node(item_id):
            return one_line(pack.node(item_id).text.get(lang))[:PREVIEW_CHARS]
        return ""

    def action_pin(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is not None and results.option_count:
            self.app.toggle_pin(  # type: ignore[attr-defined]
                results.get_option_at_index(results.highlighted).id)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is not None and results.option_count:
            self.close(results.get_option_at_index(results.highlighted).id)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.close(event.option.id)

    def on_key(self, event) -> None:
        """Down/up in the input move through the results without leaving the input."""
        results = self.query_one("#search-results", OptionList)
        if self.focused is self.query_one("#search-input") and event.key in ("down", "up"):
            event.stop()
            if event.key == "down":
                results.action_cursor_down()
            else:
                results.action_cursor_up()

