"""Starting the interactive explorer: the one place the command line imports Textual, and only
once it knows there is a terminal to draw on."""

from __future__ import annotations

from briefing.cli.console import fail, qualified_id, state
from briefing.present.titles import ALL_FIGURES


def open_app(start_id: str | None) -> None:
    """Start the interactive explorer (imports Textual only now)."""
    view = start_id is not None and start_id.lower() == ALL_FIGURES  # as go-to opens it
    if view:
        start_id = ALL_FIGURES
    if state.qualified:
        _open_library(start_id, view)
        return
    pack = state.pack()
    start_id = start_id and (start_id if view else qualified_id(pack, start_id))
    if start_id is not None and not view and not pack.has_id(start_id):
        raise fail(f"unknown id '{start_id}' (try: briefing sections)")
    _need_terminal()
    from briefing.tui import BriefingApp
    from briefing.userstate import StateStore

    lang = state.lang if state.lang_given else None  # --lang wins over the saved language
    BriefingApp(pack, lang=lang, start_id=start_id, store=StateStore()).run()


def _need_terminal() -> None:
    """The app needs an interactive, cursor-addressable terminal; say so instead of
    writing escape sequences into a pipe or a dumb terminal."""
    import os
    import sys

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise fail("the app needs an interactive terminal; for plain output use the "
                   "commands (briefing --help), e.g. briefing sections")
    if os.environ.get("TERM") == "dumb":
        raise fail("the app cannot run on TERM=dumb; use the commands (briefing --help), "
                   "e.g. briefing sections")


def _open_library(start_id: str | None, app_view: bool) -> None:
    """The explorer over a library: only the briefings it shows are loaded."""
    from briefing.library.view import LibraryView

    view = LibraryView(state.library())
    if start_id is not None and not app_view:
        if view.briefing_of(start_id) is None and ":" not in start_id:
            start_id = qualified_id(state.pack(), start_id)  # which briefing has it?
        view.load_for([start_id])
        if not view.pack.has_id(start_id):
            raise fail(f"unknown id '{start_id}' (try: briefing sections)")
    _need_terminal()
    from briefing.tui import BriefingApp
    from briefing.userstate import StateStore

    lang = state.lang if state.lang_given else None
    BriefingApp(view.pack, lang=lang, start_id=start_id, store=StateStore(), view=view).run()
