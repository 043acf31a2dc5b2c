"""The app process one browser tab talks to (``python -m briefing.web.child``).

textual-serve starts this once per WebSocket with Textual's web driver in the environment.
It is not ``briefing tui``: that refuses to run without a terminal, and here stdin and stdout
are the server's pipes. SIGINT is ignored because Ctrl+C in the server's terminal reaches the
whole process group: the server, not the signal, stops the app (a clean quit, no traceback).
The process never outlives its server (:mod:`briefing.web.lifeline`), and a pack that broke
since the server checked it is a one-line page in the tab, not a traceback in the server's
terminal and a blank tab.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from briefing.web.processes import SERVER_PID


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="briefing.web.child")
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--lang", choices=("en", "zh"), default=None)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    from briefing.web.lifeline import DRIVER, die_with_parent

    parent = os.environ.get(SERVER_PID, "")
    die_with_parent(int(parent) if parent.isdecimal() else None)
    if os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver"):
        os.environ["TEXTUAL_DRIVER"] = DRIVER

    from briefing.library import LibraryInvalid
    from briefing.library.locate import default_library_dir, is_library
    from briefing.pack import PackInvalid, bundled_pack_dir
    from briefing.pack.cache import load_pack_cached
    from briefing.tui import BriefingApp
    from briefing.userstate import StateStore

    root = args.content if args.content is not None else default_library_dir()
    try:
        if is_library(root):  # a library: its briefings open as they are read (ids pack:id)
            app = _library_app(args)
        else:
            app = BriefingApp(load_pack_cached(args.content or bundled_pack_dir()),
                              lang=args.lang, store=StateStore())
    except (PackInvalid, LibraryInvalid, OSError) as exc:
        problem = _first_problem(exc)
        print(f"error: {problem}", file=sys.stderr, flush=True)  # the server's log: one line
        _problem_page(problem)
        return
    app.run()


def _library_app(args):
    """The app on a library: its briefings open as they are read (ids pack:id)."""
    from briefing.library import open_library
    from briefing.tui import BriefingApp
    from briefing.userstate import StateStore

    library = open_library(args.content)
    if library.single is None:
        from briefing.library.view import LibraryView

        view = LibraryView(library)
        return BriefingApp(view.pack, lang=args.lang, store=StateStore(), view=view)
    from briefing.library.merge import library_pack

    return BriefingApp(library_pack(library), lang=args.lang, store=StateStore())


def _first_problem(exc: Exception) -> str:
    from briefing.text.sanitize import one_line

    errors = getattr(exc, "errors", None) or getattr(exc, "problems", None)  # Pack, Library
    if errors:
        more = len(errors) - 1
        return one_line(str(errors[0])) + (f" (and {more} more)" if more else "")
    return one_line(f"cannot load the pack: {getattr(exc, 'strerror', None) or exc}")


def _problem_page(problem: str) -> None:
    """A page that says in one line why the briefing cannot open; q or Esc closes it."""
    from rich.text import Text
    from textual.app import App
    from textual.widgets import Static

    class ProblemPage(App[None]):
        BINDINGS = [("q", "quit", "Quit"), ("escape", "quit", "Quit")]  # noqa: RUF012

        def compose(self):
            yield Static(Text.assemble(("The briefing cannot open: ", "bold red"), problem,
                                       "\n\nFix the pack (briefing validate), then reload "
                                       "this page."))

    ProblemPage().run()


if __name__ == "__main__":
    main()
