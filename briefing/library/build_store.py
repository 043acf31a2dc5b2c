"""Build a library's search store in a process of its own.

    python -m briefing.library.build_store LIBRARY_FOLDER

What :mod:`briefing.search.build_store` does for a pack, for a library's merged pack (the app
runs it on a library's first search, see :mod:`briefing.tui.indexing`). Exit status 0 once
the store exists (or the library is small enough to need none), 1 if it cannot be opened or
no store was written.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m briefing.library.build_store LIBRARY_FOLDER", file=sys.stderr)
        return 2
    from briefing.library import LibraryInvalid, open_library
    from briefing.library.search import whole_pack
    from briefing.pack import PackInvalid
    from briefing.search.build_store import store_for
    from briefing.search.store import Store
    from briefing.text.sanitize import clean

    try:
        library = open_library(Path(args[0]))
        got = store_for(lambda: whole_pack(library))
    except (LibraryInvalid, PackInvalid, OSError) as exc:
        print(f"error: {clean(str(exc)).splitlines()[0] if str(exc) else type(exc).__name__}",
              file=sys.stderr)
        return 1
    return 0 if isinstance(got, Store) or got is not None else 1


def _terminated(signum, frame) -> None:
    raise SystemExit(1)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _terminated)  # an app that quits ends its build
    raise SystemExit(main())
