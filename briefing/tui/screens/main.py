"""The main screen: section tree on the left, reading pane on the right, find bar below."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Tree

from briefing.model import Lang, Pack
from briefing.present.words import t
from briefing.tui.screens.tree_size import TreeSizing, fitted
from briefing.tui.subject import Subject, subject
from briefing.tui.widgets.figure_table import FigureTable
from briefing.tui.widgets.find_bar import FindBar
from briefing.tui.widgets.footer import BriefingFooter
from briefing.tui.widgets.header import BriefingHeader
from briefing.tui.widgets.reading_pane import ReadingPane
from briefing.tui.widgets.section_tree import PINS_ID, SectionTree


class MainScreen(TreeSizing, Screen[None]):
    """Where reading happens; the app decides what is open (see ``BriefingApp.open_id``)."""

    AUTO_FOCUS = None  # see on_mount

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "app.back", "Back"),
        Binding("right_square_bracket", "app.forward", "Forward"),
        Binding("alt+left", "app.back", "Back", show=False),
        Binding("alt+right", "app.forward", "Forward", show=False),
        Binding("g", "app.goto", "Go to"),
        Binding("f", "compare", "Compare"),
        Binding("s", "source", "Source"),
        Binding("i", "details", "Details", show=False),
        Binding("slash", "app.search", "Search"),
        Binding("e", "export", "Export"),
        Binding("ctrl+f", "find", "Find"),
        Binding("n", "find_step(1)", "Next match"),
        Binding("N", "find_step(-1)", "Prev match"),
        Binding("t", "toggle_tree", "Tree"),
        Binding("p", "pin", "Pin"),
        Binding("y", "copy", "Copy"),
        Binding("b", "toggle_bilingual", "Both languages", show=False),
        Binding("less_than_sign", "tree_narrower", "Narrower tree", show=False),
        Binding("greater_than_sign", "tree_wider", "Wider tree", show=False),
    ]

    def __init__(self, pack: Pack, lang: Lang, initial: str | None = None) -> None:
        super().__init__()
        self.pack = pack
        self.lang: Lang = lang
        self.initial = initial

    def compose(self) -> ComposeResult:
        session = self.app.session  # type: ignore[attr-defined]
        yield BriefingHeader()
        with Horizontal(id="body"):
            tree = SectionTree(self.pack, self.lang, pins=session.pins,
                               expanded=session.saved_expanded(), id="tree")
            tree.display = not session.state.tree_hidden
            if session.state.tree_width:  # the reader's width, fitted to this screen
                tree.styles.width = fitted(session.state.tree_width, self.app.size.width)
            yield tree
            yield ReadingPane(self.pack, self.lang, self.initial, id="pane")
        yield BriefingFooter()

    def on_mount(self) -> None:
        # the tree has the focus, or the pane when the tree is hidden (Textual's own choice
        # would be the hidden tree: nothing visibly focused); a figure to open takes it next
        (self.tree if self.tree.display else self.pane).focus()
        self.app.open_start()  # type: ignore[attr-defined]

    @property
    def pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def tree(self) -> SectionTree:
        return self.query_one(SectionTree)

    async def show(self, node_id: str, lang: Lang) -> None:
        self.lang = lang
        await self.pane.show(node_id, lang)
        find = self.find_bar
        if find is not None and find.display and find.query_one("Input").value:
            self._run_find(find.query_one("Input").value)

    async def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self.tree.set_lang(lang)
        if self.find_bar is not None:
            self.find_bar.set_lang(lang)
        pane = self.pane
        if pane.node_id:
            # the same figure under the cursor, the focus where it was, the text near where it
            # was: only the words change (the table is refilled, which would start at row 1)
            figure, y = pane.highlighted_figure, pane.scroll_y
            table_focused = isinstance(self.focused, FigureTable)
            await self.show(pane.node_id, lang)
            pane.keep_figure(figure, table_focused, y)

    # -- events ------------------------------------------------------------------------------
    @on(Tree.NodeSelected, "#tree")
    def _tree_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data == PINS_ID:
            event.node.toggle()
        elif event.node.data:
            self.app.open_id(event.node.data)

    @on(ReadingPane.FigureChosen)
    def _figure_chosen(self, event: ReadingPane.FigureChosen) -> None:
        self.app.open_figure(event.figure_id)

    @on(ReadingPane.ReferenceChosen)
    def _reference_chosen(self, event: ReadingPane.ReferenceChosen) -> None:
        self.app.open_id(event.item_id)

    @on(ReadingPane.ComparisonChosen)
    def _comparison_chosen(self, event: ReadingPane.ComparisonChosen) -> None:
        self.app.open_comparisons(comparison_id=event.comparison_id)

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        self._run_find(event.query)

    @on(FindBar.Step)
    def _find_step(self, event: FindBar.Step) -> None:
        self.action_find_step(event.delta)

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        """The bar goes, the matches stay: n / N step through them from the pane."""
        self.pane.focus()
        self.refresh_bindings()

    def _run_find(self, query: str) -> None:
        total = self.pane.find(query)
        if self.find_bar is not None:
            self.find_bar.show_count(1 if total else 0, total, query)
        self.refresh_bindings()

    # -- actions -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_step":
            return bool(self.pane.find_state.matches)
        return True

    @property
    def find_bar(self) -> FindBar | None:
        """The find bar, or None before the first ctrl+f (it is mounted on demand)."""
        bars = self.query(FindBar)
        return bars.first() if bars else None

    async def action_find(self) -> None:
        if self.find_bar is None:
            await self.mount(FindBar(self.lang, id="find"), after="#body")
        self.find_bar.open()

    def action_find_step(self, delta: int) -> None:
        self.pane.step(delta)
        state = self.pane.find_state
        if self.find_bar is not None:
            self.find_bar.show_count(state.current + 1, len(state.matches), state.query)

    def action_toggle_tree(self) -> None:
        tree = self.tree
        tree.display = not tree.display
        if not tree.display and tree.has_focus:
            self.pane.focus()
        self.app.session.remember(tree_hidden=not tree.display)  # type: ignore[attr-defined]

    def subject(self) -> Subject:
        """What ``p``, ``y``, ``f``, ``s`` and ``e`` act on (see :mod:`briefing.tui.subject`)."""
        return subject(self.focused, self.pane.node_id)

    def focused_item(self) -> str | None:
        """What ``p`` pins: the figure, comparison, "See also" entry or tree entry under a
        cursor that can be seen, else the open section or item."""
        return self.subject().item_id

    def action_pin(self) -> None:
        self.app.toggle_pin(self.focused_item())  # type: ignore[attr-defined]

    def action_copy(self) -> None:
        """``y``: the figure a key acts on as a cited Markdown line, a comparison (ad hoc too)
        as a table with each row's quote, a section or item as its text with the quotes it
        rests on."""
        from briefing.export import brief
        from briefing.present.comparison_rows import build, find_comparison, is_comparison
        from briefing.present.titles import title_of

        item = self.focused_item()
        pack = self.pack
        if item and pack.has_figure(item):
            text = brief.figure_line(pack, pack.figure(item), self.lang)
        elif item and is_comparison(pack, item):
            text = "\n".join(brief.comparison_table(
                pack, build(pack, find_comparison(pack, item)), self.lang))
        elif item and pack.has_node(item):
            text = brief.node_text(pack, pack.node(item), self.lang)
        else:
            self.notify(t("nothing_to_copy", self.lang), severity="warning")
            return
        self.app.copy_text(text, title_of(pack, item, self.lang))  # type: ignore[attr-defined]

    async def action_toggle_bilingual(self) -> None:
        await self.pane.toggle_bilingual()

    def focused_figure(self) -> str | None:
        """The figure a key acts on: the figure row under a cursor that can be seen."""
        item = self.focused_item()
        return item if item and self.pack.has_figure(item) else None

    def action_compare(self) -> None:
        """``f``: a figure's comparisons (none: pick figures to compare it with); a row of
        "Compared in": that comparison; the item being read: the comparisons it takes part
        in."""
        from briefing.tui.screens.main_actions import compare

        compare(self)

    def action_details(self) -> None:
        figure = self.focused_figure()
        if figure is None and self.pane.figure_cursor_in_view():
            figure = self.pane.highlighted_figure
        if figure:
            self.app.open_figure(figure)

    def action_source(self) -> None:
        self.app.open_source(self.focused_figure() or self.pane.node_id)

    def action_export(self) -> None:
        from briefing.tui.screens.main_actions import export

        export(self)
