"""Write the bundled pack's search index into the package: ``python3 -m briefing.search.prebuild``.

With it, the first search on a fresh install finds pinyin ready (no pypinyin import, no cache
write). Run it after changing the bundled content; ``tests/search/test_index.py`` checks that
the shipped file equals a fresh build. A stale file is harmless: its key no longer matches, so
the engine ignores it and builds (then caches) its own.
"""

from __future__ import annotations

from briefing.pack import bundled_pack_dir, load_pack
from briefing.search.index import BUNDLED_INDEX, TextIndex, build_data, records, write_json


def main() -> None:
    text = TextIndex(list(records(load_pack(bundled_pack_dir()))))
    data = build_data(text)
    if not write_json(BUNDLED_INDEX, data, keep=0):
        raise SystemExit(f"could not write {BUNDLED_INDEX}")
    print(f"wrote {BUNDLED_INDEX} ({BUNDLED_INDEX.stat().st_size:,} bytes, key {text.key[:12]})")


if __name__ == "__main__":
    main()
