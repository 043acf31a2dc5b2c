"""The reading pane: the open section or item, its figures, and where they are compared.

Only the open node is rendered (its paragraphs as ``Static`` widgets holding ``Text``), which
keeps redraws cheap and lets find-in-pane scroll to the paragraph holding a match.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.containers import Container, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Lang, Pack
from briefing.present import panes
from briefing.present.figure_sheet import SheetState
from briefing.present.words import t
from briefing.text.rich_wrap import Wrapped
from briefing.text.sanitize import one_line
from briefing.tui.widgets.all_figures import AllFiguresView
from briefing.tui.widgets.figure_sheet import FigureSheet, SheetFilter
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.safe_lists import SafeOptionList
from briefing.tui.widgets.section_tree import FIGURES_ID

FIGURE_ROW = -1  # the "paragraph" of a match in the figure table


@dataclass
class FindState:
    query: str = ""
    # (paragraph index, span) for every match in reading order; a match in the figure table
    # is (FIGURE_ROW, (row, row)): the paragraphs come first, then the table's rows
    matches: tuple[tuple[int, tuple[int, int]], ...] = ()
    current: int = 0


class ReadingPane(AllFiguresView, VerticalScroll):
    """Scrollable, focusable view of one node (the all-figures view: see ``AllFiguresView``)."""

    class FigureChosen(Message):
        """A figure row was chosen (Enter, ``i`` or click): the screen shows its details."""

        def __init__(self, figure_id: str) -> None:
            self.figure_id = figure_id
            super().__init__()

    class ReferenceChosen(Message):
        """A "See also" entry was chosen: the app opens that id, whatever it names."""

        def __init__(self, item_id: str) -> None:
            self.item_id = item_id
            super().__init__()

    class ComparisonChosen(Message):
        def __init__(self, comparison_id: str) -> None:
            self.comparison_id = comparison_id
            super().__init__()

    def __init__(self, pack: Pack, lang: Lang, initial: str | None = None, **kwargs) -> None:
        """``initial`` is composed with the pane, so the first frame needs no second layout."""
        super().__init__(**kwargs)
        self.pack = pack
        self.lang: Lang = lang
        self.node_id: str | None = initial
        self._paragraphs: list[panes.Paragraph] = []
        self.find_state = FindState()
        self.bilingual = False  # ``b``: each paragraph in Chinese with its English beside it
        self.sheet_state = SheetState()  # the all-figures view's sort and filter

    def compose(self):
        """Everything for the initial node is built here, before the first layout, so the
        first frame is drawn once instead of being drawn empty and then refilled."""
        if not self.node_id:
            self._paragraphs = []
            yield Prose(id="crumbs")
            yield Vertical(id="paragraphs")
            yield from self._figure_widgets([])
            yield from self._link_widgets("comparisons", [])
            yield from self._link_widgets("see-also", [])
            return
        self._paragraphs, crumbs, figure_rows, comparisons = self._content(self.node_id)
        yield Prose(crumbs, id="crumbs", glue=self._crumb_glue(crumbs))
        yield Vertical(*self._statics(), id="paragraphs")
        yield from self._figure_widgets(figure_rows)
        yield from self._link_widgets("comparisons", comparisons)
        yield from self._link_widgets("see-also", self._see_also(self.node_id))

    def _figure_widgets(self, rows: list[panes.FigureRow]):
        title = Static(id="figures-title", classes="subtitle", markup=False)
        box = SheetFilter(placeholder=t("sheet_filter_placeholder", self.lang),
                          id="sheet-filter")
        box.display = False
        table = FigureSheet(id="figures")
        self._fill_figures(rows, table, title, box)
        return title, box, table

    def _link_widgets(self, name: str, ids: list[str]):
        """A titled list of ids to open: "comparisons" (Compared in) or "see-also"."""
        title = Static(self._links_title(name, ids), id=f"{name}-title", classes="subtitle",
                       markup=False)
        options = SafeOptionList(*self._options(name, ids), id=name, classes="links")
        title.display = options.display = bool(ids)
        return title, options

    def _see_also(self, node_id: str | None) -> list[str]:
        """Where the open node (and its sub-items) point a reader, in reading order."""
        if not node_id or node_id == FIGURES_ID:
            return []
        return self.pack.node(node_id).all_see_also()

    # -- showing a node ----------------------------------------------------------------------
    def _content(self, node_id: str):
        """Paragraphs, breadcrumbs, figure rows and comparison ids of what ``node_id`` shows."""
        lang = self.lang
        if node_id == FIGURES_ID:
            crumbs = Text(t("all_figures", lang), style="bold")
            return [], crumbs, self.sheet_rows(), [c.id for c in self.pack.comparisons]
        node = self.pack.node(node_id)
        return (panes.paragraphs(self.pack, node, lang), self._crumbs(node_id),
                panes.figure_rows(self.pack, node, lang), panes.comparisons_in(self.pack, node))

    def _statics(self) -> list[Prose | Container]:
        """One Prose per paragraph; in bilingual mode a pair, Chinese first. Only the UI
        language's half has the ``paragraph`` class, so find-in-pane searches what it shows."""
        own = [Prose(panes.paragraph_text(par, section=par.depth == 0), classes="paragraph")
               for par in self._paragraphs]
        if not self.bilingual or self.node_id in (None, FIGURES_ID):
            return own
        other_lang: Lang = "en" if self.lang == "zh" else "zh"
        others = panes.paragraphs(self.pack, self.pack.node(self.node_id), other_lang)
        pairs = []
        for mine, par in zip(own, others, strict=True):
            other = Prose(panes.paragraph_text(par, section=par.depth == 0),
                          classes="paragraph-other")
            halves = (mine, other) if self.lang == "zh" else (other, mine)
            pairs.append(Container(*halves, classes="bipar"))
        return pairs

    async def toggle_bilingual(self) -> None:
        self.bilingual = not self.bilingual
        self.set_class(self.bilingual, "-bilingual")
        if self.node_id:
            y = self.scroll_y
            await self.show(self.node_id)
            self.restore_scroll(y)

    def on_resize(self) -> None:
        """Side by side when the pane is wide enough for two columns of text."""
        self.set_class(self.size.width >= 100, "-side-by-side")

    async def show(self, node_id: str, lang: Lang | None = None) -> None:
        if lang is not None:
            self.lang = lang
        self.node_id = node_id
        # the old matches point into the old paragraphs: gone before the first await, so a
        # find step that arrives while the new ones are mounted has nothing stale to paint
        self.find_state = FindState()
        self._paragraphs, crumbs, figure_rows, comparisons = self._content(node_id)
        box = self.query_one("#paragraphs", Vertical)
        await box.remove_children()
        await box.mount_all(self._statics())
        self._fill(crumbs, figure_rows, comparisons)
        self.scroll_home(animate=False)

    def restore_scroll(self, y: float) -> None:
        """Scroll to ``y`` once the freshly shown content has been laid out."""
        self.call_after_refresh(self.scroll_to, y=y, animate=False, immediate=True)

    def _fill(self, crumbs: Text, figure_rows: list[panes.FigureRow], comparisons: list[str]):
        self.query_one("#crumbs", Prose).update(crumbs, self._crumb_glue(crumbs))
        self._fill_figures(figure_rows)
        self._fill_links("comparisons", comparisons)
        self._fill_links("see-also", self._see_also(self.node_id))
        self.find_state = FindState()

    @staticmethod
    def _crumb_glue(crumbs: Text) -> range:
        """The open item's id, "[id]" at the end of the crumbs, stays whole on one line."""
        opening = crumbs.plain.rfind("[")
        return range(opening, len(crumbs.plain)) if opening >= 0 else range(0)

    def _crumbs(self, node_id: str) -> Text:
        chain = []
        node = self.pack.node(node_id)
        while node is not None:
            chain.append(one_line(node.title.get(self.lang)))
            node = self.pack.parent(node)
        text = Text(" › ".join(reversed(chain)), style="dim")
        text.append(f"  [{node_id}]", style="dim italic")
        return text

    def _fill_figures(self, rows: list[panes.FigureRow], table: FigureSheet | None = None,
                      title: Static | None = None, box: SheetFilter | None = None) -> None:
        """Put ``rows`` in the figure table (the mounted ones unless given, as in compose)."""
        lang = self.lang
        table = table or self.query_one(FigureSheet)
        title = title or self.query_one("#figures-title", Static)
        if self.bilingual:  # figure labels in both languages, Chinese first
            other_lang: Lang = "en" if lang == "zh" else "zh"
            rows = [panes.bilingual_row(self.pack, row, other_lang) for row in rows]
        self.fill_sheet(table, rows, title, box or self.query_one(SheetFilter))
        table.display = bool(rows)

    def _links_title(self, name: str, ids: list[str]) -> Text:
        word = t("compared_in" if name == "comparisons" else "see_also", self.lang)
        return Text(f"{word} ({len(ids)})", style="bold")

    def _options(self, name: str, ids: list[str]) -> list[Option]:
        if name == "comparisons":
            titles = [self.pack.comparison(cid).title.get(self.lang) for cid in ids]
        else:
            from briefing.present.titles import title_of

            titles = [title_of(self.pack, ref, self.lang) for ref in ids]
        return [Option(Wrapped(Text(one_line(title))), id=ref)
                for title, ref in zip(titles, ids, strict=True)]

    def _fill_links(self, name: str, ids: list[str]) -> None:
        options = self.query_one(f"#{name}", OptionList)
        options.clear_options()
        title = self.query_one(f"#{name}-title", Static)
        title.update(self._links_title(name, ids))
        title.display = options.display = bool(ids)
        options.add_options(self._options(name, ids))
        # as when the list is built with the pane: the first is highlighted, so Tab + Enter
        # opens it
        options.highlighted = 0 if ids else None

    @property
    def highlighted_figure(self) -> str | None:
        return self.query_one(FigureTable).highlighted

    def figure_cursor_in_view(self) -> bool:
        """Whether the figure table's cursor row shows on screen."""
        from briefing.tui.widgets.visibility import in_view

        table = self.query_one(FigureTable)
        span = table.cursor_span()
        return span is not None and table.display and in_view(table, *span)

    def settle_focus(self) -> None:
        """After a new node is shown: a table or list of the pane had the focus, but its
        cursor now points at rows nobody has seen; the pane itself takes it (and its mark)."""
        focused = self.screen.focused
        if focused is None or (focused is not self and self in focused.ancestors):
            self.focus()

    def keep_figure(self, figure_id: str | None, focus: bool, y: float) -> None:
        """After the same node is shown again (another language): the cursor back on
        ``figure_id``, the table focused again if it was (scrolled to its cursor), else the
        pane back at ``y``."""
        table = self.query_one(FigureTable)
        index = table.index_of(figure_id) if figure_id else None
        if index is not None and focus:
            self.focus_figure(figure_id)  # type: ignore[arg-type]
            return
        if index is not None:
            table.set_reactive(FigureTable.cursor, index)  # no scroll: the pane keeps its place
        self.restore_scroll(y)

    def focus_figure(self, figure_id: str) -> None:
        table = self.query_one(FigureTable)
        index = table.index_of(figure_id)
        if index is None:
            return
        table.focus()
        table.cursor = index  # at once, so a key pressed next acts on this figure
        # scrolled after the refresh: the table's rows are only laid out once it has a width
        self.call_after_refresh(table.scroll_to_cursor)

    @on(FigureTable.Selected)
    def _figure_selected(self, event: FigureTable.Selected) -> None:
        event.stop()
        self.post_message(self.FigureChosen(event.figure_id))

    @on(OptionList.OptionSelected, "#comparisons")
    def _comparison_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ComparisonChosen(event.option.id))

    @on(OptionList.OptionSelected, "#see-also")
    def _reference_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.ReferenceChosen(event.option.id))

    # -- find in pane ------------------------------------------------------------------------
    def find(self, query: str) -> int:
        """Highlight every match of ``query`` (text and figure rows); returns how many."""
        matches = []
        for index, par in enumerate(self._paragraphs):
            matches += [(index, span) for span in panes.find_spans(par.plain, query)]
        table = self.query_one(FigureTable)
        for row, fig in enumerate(table.rows):
            if panes.find_spans(fig.plain, query):
                matches.append((FIGURE_ROW, (row, row)))
        self.find_state = FindState(query, tuple(matches), 0)
        table.set_find(query)
        self._paint()
        return len(matches)

    def step(self, delta: int) -> None:
        state = self.find_state
        if not state.matches:
            return
        state.current = (state.current + delta) % len(state.matches)
        self._paint()

    def clear_find(self) -> None:
        if self.find_state.query:
            self.find_state = FindState()
            self.query_one(FigureTable).set_find("")
            self._paint()

    def _paint(self) -> None:
        state = self.find_state
        current = state.matches[state.current] if state.matches else None
        statics = list(self.query_one("#paragraphs").query(".paragraph").results(Prose))
        for index, (par, static) in enumerate(zip(self._paragraphs, statics, strict=False)):
            spans = [span for i, span in state.matches if i == index]
            mark = current[1] if current and current[0] == index else None
            static.update(panes.paragraph_text(par, spans, mark, section=par.depth == 0))
        if current and current[0] == FIGURE_ROW:
            table = self.query_one(FigureTable)
            if current[1][0] < table.row_count:
                table.cursor = current[1][0]
                table.scroll_to_cursor()
        elif current and current[0] < len(statics):  # paragraphs may be mid-replacement
            self.scroll_to_widget(statics[current[0]], animate=False, center=True)
