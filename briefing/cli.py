"""The ``briefing`` command line (placeholder: replaced by the full Typer CLI)."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.pack import PackInvalid, bundled_pack_dir, load_pack


def main() -> None:
    path = Path(sys.argv[2]) if len(sys.argv) > 2 else bundled_pack_dir()
    try:
        pack = load_pack(path)
    except PackInvalid as exc:
        for err in exc.errors:
            print(err, file=sys.stderr)
        sys.exit(1)
    print(f"ok: {sum(1 for _ in pack.nodes())} nodes, {sum(1 for _ in pack.figures())} figures")
