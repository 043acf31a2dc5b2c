"""Build a large pack's search store in a process of its own.

    python -m briefing.search.build_store PACK_FOLDER

The app runs this when a reader first searches a large pack that has no store yet (see
:mod:`briefing.tui.screens.search`): building takes seconds to minutes at library scale and
is mostly pure Python, so in a thread of the app it would hold the interpreter lock the
interface needs; in a process it uses the other core and the app stays as responsive as
ever. When it is done the app's engine finds the store by the pack's digest, as any later
start does. Exit status 0 once the store exists, 1 if the pack cannot be loaded or no store
was written.

:func:`store_for` is also how ``briefing search`` gets a large pack's store: the pack
is read into the store's input and then let go before the build starts, so the process
that builds holds the pack's texts and not its objects (a library's pack is hundreds of MB).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from pathlib import Path

from briefing.model import Pack
from briefing.search.index import Progress
from briefing.search.store import Store


def store_for(load: Callable[[], Pack], progress: Progress | None = None
              ) -> Store | Pack | None:
    """The store of the pack ``load()`` gives, built now if it has none yet; or the pack
    itself when it is too small to have a store (or has no digest to find one by); or None
    if a store could not be written (the caller then searches the pack in memory).

    The pack is read into what the store is built from and let go before the build starts,
    so this process holds the pack's texts but not its objects while it builds; for that the
    caller must not hold the pack itself. Raises what ``load`` raises.
    """
    from briefing.search.source import large_input
    from briefing.search.store import open_store, store_key, store_path

    pack = load()
    if not getattr(pack, "digest", ""):
        return pack
    key = store_key(pack.digest)
    path = store_path(key)
    store = open_store(path, key)
    if store is not None:
        return store
    found = large_input(pack)
    if found is None:
        return pack
    about = {"glossary": pack.glossary, "documents": pack.documents}
    del pack  # what the store is built from holds the texts it needs; the rest is freed

    from briefing.search.store.build import write_store

    if not write_store(path, found, key=key, progress=progress, release=True, **about):
        return None
    return open_store(path, key)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m briefing.search.build_store PACK_FOLDER", file=sys.stderr)
        return 2
    from briefing.pack import PackInvalid
    from briefing.pack.cache import load_pack_cached
    from briefing.search.engine import SearchEngine
    from briefing.text.sanitize import clean

    try:
        got = store_for(lambda: load_pack_cached(Path(args[0])))
    except (PackInvalid, OSError) as exc:
        first = exc.errors[0] if isinstance(exc, PackInvalid) and exc.errors else exc
        print(f"error: {clean(str(first)).splitlines()[0] if str(first) else type(exc).__name__}",
              file=sys.stderr)
        return 1
    if isinstance(got, Store):
        return 0
    if got is None:
        return 1
    return 0 if SearchEngine(got).prepare() in ("built", "store") else 1


def _terminated(signum, frame) -> None:
    raise SystemExit(1)


if __name__ == "__main__":
    # the app ends a build it no longer waits for: unwind, so no temporary file is left
    signal.signal(signal.SIGTERM, _terminated)
    raise SystemExit(main())
