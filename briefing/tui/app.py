"""BriefingApp: owns the pack, the language and the visit history; screens only draw.

Everything a key can do ends in one of the ``open_*`` methods here, so the tree, search,
command palette, go-to and back/forward all navigate the same way.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from briefing.model import Lang, Pack
from briefing.present.comparison_rows import adhoc_figures, is_comparison
from briefing.present.titles import ALL_FIGURES
from briefing.present.words import t
from briefing.text import break_cache
from briefing.text.sanitize import one_line
from briefing.tui.history import History
from briefing.tui.key_labels import ACTION_WORDS, declared_bindings
from briefing.tui.library import LibraryMixin, LibraryView, opened_library_pack
from briefing.tui.screens.main import MainScreen
from briefing.tui.session import Session
from briefing.tui.widgets.section_tree import FIGURES_ID
from briefing.tui.workflow import KEYS_BEYOND, WorkflowMixin
from briefing.userstate import StateStore


def _commands():
    """The palette provider, imported on first ctrl+p (``textual.command`` is slow to import)."""
    from briefing.tui.palette import BriefingCommands

    return BriefingCommands


class BriefingApp(LibraryMixin, WorkflowMixin, App[None]):
    """The interactive briefing. ``lang`` is "en" or "zh"; ``start_id`` any openable id.

    With a ``store`` the app resumes where the pack was left (``lang`` and ``start_id``, when
    given, win over what was saved) and keeps pins; without one it remembers nothing.
    """

    CSS_PATH = "briefing.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help"),
        Binding("l", "toggle_lang", "中文"),
        Binding("j", "vim_move(1)", "Down", show=False),
        Binding("k", "vim_move(-1)", "Up", show=False),
    ]
    COMMANDS = App.COMMANDS | {_commands}
    #: seconds a toast stays (Textual's 5 is long over a table); warnings stay at most 6
    NOTIFICATION_TIMEOUT = 3
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (90, "-wide"),
                                                                 (120, "-roomy"),
                                                                 (170, "-spacious")]

    def __init__(self, pack: Pack, lang: Lang | None = None, start_id: str | None = None,
                 store: StateStore | None = None, view: LibraryView | None = None) -> None:
        super().__init__()
        self.view = view  # a library: briefings are opened (loaded) as they are asked for
        if view is not None:
            pack = opened_library_pack(view, store, start_id)
        self.pack = pack
        self._breaks_known = break_cache.warm(pack.id)  # before any text is broken
        self.session = Session(pack, store)
        self.lang: Lang = lang or self.session.saved_lang() or "en"
        self.resume_scroll = 0.0  # where the resumed item was left, applied once it is shown
        if start_id is None and (saved := self.session.saved_open(self.resolve)):
            start_id, self.resume_scroll = saved, self.session.saved_scroll(self.lang)
        self.start_id = start_id
        self.history = History()
        self._scroll_at: dict[str, float] = {}  # where each visited item was left, for Back
        self.last_search = ""
        self._engine = None
        self.title = one_line(pack.title.get(self.lang))

    def run(self, *args, **kwargs):
        """Run the app, then save the line breaker's results for the next start."""
        try:
            return super().run(*args, **kwargs)
        finally:
            break_cache.save(self.pack.id, self._breaks_known)

    def get_default_screen(self) -> Screen:
        screen = MainScreen(self.pack, self.lang, self._pane_id(self._start()))
        # The breakpoint class is set before the first layout (Textual sets it on the first
        # Resize, after the screen has been styled once without it): one styling, not two.
        width = self.size.width
        for low, name in reversed(self.HORIZONTAL_BREAKPOINTS):
            if width >= low:
                screen.add_class(name)
                break
        return screen

    def _start(self) -> str:
        return (self.start_id and self.resolve(self.start_id)) or self.pack.sections[0].id

    def _pane_id(self, item_id: str) -> str:
        """What the reading pane shows for ``item_id`` (a figure shows its item)."""
        if self.pack.has_figure(item_id):
            return self.pack.figure(item_id).node_id
        if is_comparison(self.pack, item_id):
            return self.pack.sections[0].id
        return item_id

    @property
    def main(self) -> MainScreen:
        return self.screen_stack[0]  # type: ignore[return-value]

    def on_unmount(self) -> None:
        """Quitting ends a search index build still running for this app (see indexing)."""
        from briefing.tui.indexing import end_builds

        end_builds(self)

    def on_mount(self) -> None:
        self.say_state_notices()
        self.watch_state_file()

    def open_start(self) -> None:
        """Called by the main screen once its widgets exist (the pane already shows it)."""
        start = self._start()
        if self.start_id and self.resolve(self.start_id) is None:
            self.notify(f"{t('unknown_id', self.lang)}: {self.start_id}", severity="warning",
                        markup=False)
        if is_comparison(self.pack, start):
            self.history.visit(self._pane_id(start))
            self._after_show(self._pane_id(start))
            self.open_comparisons(comparison_id=start)
            return
        self.history.visit(start)
        self._after_show(start)
        if self.session.state.lang != self.lang:  # a --lang chosen at start is kept too
            self.session.remember(lang=self.lang)
        if self.resume_scroll:
            self.main.pane.restore_scroll(self.resume_scroll)

    @property
    def search_engine(self):
        """Built on first use, so start-up never pays for the index."""
        if self._engine is None:
            from briefing.search.engine import SearchEngine

            self._engine = (self.view.search_engine() if self.view is not None
                            else SearchEngine(self.pack))
        return self._engine

    # -- navigation --------------------------------------------------------------------------
    def resolve(self, item_id: str) -> str | None:
        """The id as the app opens it, or None if the pack has no such thing."""
        item_id = item_id.strip()
        if item_id in (FIGURES_ID, ALL_FIGURES):
            return FIGURES_ID
        figures = adhoc_figures(item_id)  # an ad-hoc comparison: its figures' briefings
        # a library's briefing is loaded when first asked for
        self.open_briefings_for(*(figures or [item_id]))
        if self.pack.has_id(item_id) or (figures and is_comparison(self.pack, item_id)):
            return item_id
        return None

    def open_id(self, item_id: str, record: bool = True) -> bool:
        """Open a section, item, figure (its item, cursor on the figure) or comparison."""
        resolved = self.resolve(item_id)
        if resolved is None:
            self.notify(f"{t('unknown_id', self.lang)}: {item_id}", severity="warning",
                        markup=False)
            return False
        if is_comparison(self.pack, resolved):  # a step in back / forward like any other
            if record:
                self._note_scroll()
                self.history.visit(resolved)
            self._back_to_main()
            self.open_comparisons(comparison_id=resolved)
            return True
        if record:
            self._note_scroll()
            self.history.visit(resolved)
        self._back_to_main()
        # a callable, not a coroutine: a show superseded before it starts is never created
        scroll = None if record else self._scroll_at.get(resolved)
        self.run_worker(partial(self._show, resolved, scroll), group="show", exclusive=True)
        return True

    async def _show(self, item_id: str, scroll: float | None = None) -> None:
        await self.main.show(self._pane_id(item_id), self.lang)
        self._after_show(item_id)
        if scroll:
            self.main.pane.restore_scroll(scroll)

    def _note_scroll(self) -> None:
        """Remember how far the open item was scrolled, so Back can return there."""
        current = self.history.current
        if current is not None and current == self.main.pane.node_id:
            self._scroll_at[current] = self.main.pane.scroll_y

    def _after_show(self, item_id: str) -> None:
        """The tree, the figure cursor, the header and the footer follow what is open."""
        main, node_id = self.main, self._pane_id(item_id)
        main.tree.follow(node_id)
        if self.pack.has_figure(item_id):
            main.pane.focus_figure(item_id)
        else:
            main.pane.settle_focus()
        self.sub_title = (t("figures", self.lang) if node_id == FIGURES_ID
                          else one_line(self.pack.node(node_id).title.get(self.lang)))
        main.refresh_bindings()
        if item_id != self.session.state.open_id:
            self.session.remember(open_id=item_id, scroll=0.0, scrolls={})

    def _back_to_main(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_back(self) -> None:
        self._note_scroll()
        target = self.history.back()
        if target:
            self.open_id(target, record=False)

    def action_forward(self) -> None:
        self._note_scroll()
        target = self.history.forward()
        if target:
            self.open_id(target, record=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.history.can_back or None
        if action == "forward":
            return self.history.can_forward or None
        return True

    # -- other screens -----------------------------------------------------------------------
    def open_comparisons(self, comparison_id: str | None = None, figure_id: str | None = None,
                         only_figure: bool = False, only: list[str] | None = None) -> None:
        from briefing.tui.screens.comparisons import ComparisonsScreen

        self.open_screen(ComparisonsScreen(self.pack, self.lang, comparison_id=comparison_id,
                                           figure_id=figure_id, only_figure=only_figure,
                                           only=only))

    def open_figure(self, figure_id: str) -> None:
        """The figure detail view."""
        from briefing.tui.screens.figure import FigureScreen

        self.open_screen(FigureScreen(self.pack, self.lang, figure_id))

    def open_source(self, item_id: str | None) -> None:
        from briefing.present.panes import english_for, sources_for
        from briefing.tui.screens.source import SourceScreen

        sources = sources_for(self.pack, item_id) if item_id else []
        if not sources or item_id is None:
            self.notify(t("no_source", self.lang), severity="warning")
            return
        self.open_screen(SourceScreen(self.pack, self.lang, sources,
                                      english_for(self.pack, item_id)))

    def open_export(self, choice) -> None:
        """The export dialog offering ``choice`` (an :class:`ExportChoice`)."""
        from briefing.tui.screens.export import ExportDialog

        self.open_screen(ExportDialog(self.pack, choice, self.lang))

    def action_search(self) -> None:
        from briefing.tui.screens.search import SearchScreen

        screen = SearchScreen(self.pack, self.lang, self.search_engine, self.last_search)

        def chosen(item_id: str | None) -> None:
            self.last_search = screen.typed  # offered again next time, as typed
            if item_id:
                self.open_id(item_id)

        self.open_screen(screen, chosen)

    def action_goto(self) -> None:
        from briefing.tui.screens.goto import GotoScreen

        def chosen(item_id: str | None) -> None:
            if item_id:
                self.open_id(item_id)

        self.open_screen(GotoScreen(self.pack, self.lang), chosen)

    def action_command_palette(self) -> None:
        from briefing.tui.palette import SafeCommandPalette

        if self.use_command_palette and not SafeCommandPalette.is_open(self):
            self.push_screen(SafeCommandPalette(id="--command-palette"))

    def get_system_commands(self, screen: Screen):
        """The palette's actions first (export, language, ...), then Textual's own."""
        from briefing.tui.palette_actions import palette_actions

        yield from palette_actions(self, screen)
        yield from super().get_system_commands(screen)

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.open_screen(HelpScreen(self.lang, self.binding_rows()))

    def binding_rows(self) -> list[tuple[str, str]]:
        """(keys, description) for every binding of the main screen and the app."""
        rows: dict[str, list[str]] = {}
        app_bindings = declared_bindings(type(self))
        if self.ENABLE_COMMAND_PALETTE:  # Textual binds the palette's key as the app starts
            app_bindings.append(Binding(self.COMMAND_PALETTE_BINDING, "command_palette",
                                        key_display=self.COMMAND_PALETTE_DISPLAY))
        for binding in declared_bindings(type(self.main)) + app_bindings:
            word = ACTION_WORDS.get(binding.action)
            if word is None:  # Textual's own (focus, copy, ...): listed below
                continue
            # the palette once, saying what it holds (the footer's word is short)
            label = t("palette_long" if word == "palette" else word, self.lang)
            keys = rows.setdefault(label, [])
            display = self.get_key_display(binding)
            if display not in keys:
                keys.append(display)
        # in the notation of the rows above (Textual's key display: ^f, esc, ⏎)
        extra = [("tab / shift+tab", "Next / previous pane" if self.lang == "en" else "切换窗格"),
                 ("space", "Fold / unfold in the tree" if self.lang == "en" else "目录折叠 / 展开"),
                 ("⏎ / i", "Open / figure details" if self.lang == "en" else "打开 / 指标详情"),
                 ("esc", t("close", self.lang))]
        extra += [(keys, en if self.lang == "en" else zh) for keys, en, zh in KEYS_BEYOND]
        return [(" / ".join(keys), label) for label, keys in rows.items()] + extra

    def open_screen(self, screen: Screen, callback=None) -> None:
        """Push ``screen``; its footer words follow the app's language (see key_labels)."""
        self.push_screen(screen, callback)

    # -- language ----------------------------------------------------------------------------
    async def action_toggle_lang(self) -> None:
        await self.set_lang("zh" if self.lang == "en" else "en")

    async def set_lang(self, lang: Lang) -> None:
        left = {self.lang: self.main.pane.scroll_y} if self.main.pane.node_id else {}
        self.lang = lang
        # where the item was left in the language left: resuming in it goes back there
        self.session.remember(lang=lang, scrolls={**self.session.state.scrolls, **left})
        self.title = one_line(self.pack.title.get(lang))
        for screen in self.screen_stack:
            if hasattr(screen, "set_lang"):
                await screen.set_lang(lang)
        current = self.main.pane.node_id
        if current:
            node_title = None if current == FIGURES_ID else self.pack.node(current).title
            self.sub_title = one_line(node_title.get(lang)) if node_title else t("figures", lang)
        self.screen.refresh_bindings()  # the footer redraws its keys in the new language
