"""Build a large pack's search store in a process of its own.

    python -m briefing.search.build PACK_FOLDER

The app runs this when a reader first searches a large pack that has no store yet (see
:mod:`briefing.tui.screens.search`): building takes a minute or more at library scale and is
pure Python, so in a thread of the app it would hold the interpreter lock the interface needs;
in a process it uses the other core and the app stays as responsive as ever. When it is done
the app's engine finds the store by the pack's digest, as any later start does. Exit status 0
once the store exists, 1 if the pack cannot be loaded or no store was written.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m briefing.search.build PACK_FOLDER", file=sys.stderr)
        return 2
    from briefing.pack import PackInvalid
    from briefing.pack.cache import load_pack_cached
    from briefing.search.engine import SearchEngine
    from briefing.textsafe import clean

    try:
        pack = load_pack_cached(Path(args[0]))
    except (PackInvalid, OSError) as exc:
        first = exc.errors[0] if isinstance(exc, PackInvalid) and exc.errors else exc
        print(f"error: {clean(str(first)).splitlines()[0] if str(first) else type(exc).__name__}",
              file=sys.stderr)
        return 1
    engine = SearchEngine(pack)
    return 0 if engine.prepare() in ("built", "store") else 1


if __name__ == "__main__":
    raise SystemExit(main())
