"""The app process one browser tab talks to (``python -m briefing.web.child``).

textual-serve starts this once per WebSocket with Textual's web driver in the environment.
It is not ``briefing tui``: that refuses to run without a terminal, and here stdin and stdout
are the server's pipes. SIGINT is ignored because Ctrl+C in the server's terminal reaches the
whole process group: the server, not the signal, stops the app (a clean quit, no traceback).
"""

from __future__ import annotations

import argparse
import signal
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="briefing.web.child")
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--lang", choices=("en", "zh"), default=None)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    from briefing.library.locate import default_library_dir, is_library
    from briefing.pack import bundled_pack_dir
    from briefing.pack.cache import load_pack_cached
    from briefing.tui import BriefingApp
    from briefing.userstate import StateStore

    root = args.content if args.content is not None else default_library_dir()
    if is_library(root):  # a library: its briefings open as they are read (ids pack:id)
        from briefing.library import open_library
        from briefing.library.view import LibraryView

        library = open_library(args.content)
        if library.single is None:
            view = LibraryView(library)
            BriefingApp(view.pack, lang=args.lang, store=StateStore(), view=view).run()
            return
        from briefing.library.merge import library_pack

        BriefingApp(library_pack(library), lang=args.lang, store=StateStore()).run()
        return
    pack = load_pack_cached(args.content or bundled_pack_dir())
    BriefingApp(pack, lang=args.lang, store=StateStore()).run()


if __name__ == "__main__":
    main()
