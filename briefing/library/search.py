"""Search across a library: one engine over every briefing, whatever the app has open.

A library large enough has a search store (see :mod:`briefing.search.store`), found by the
digest of its merged pack without loading a pack, so a warm search of a library answers as
fast as a search of one briefing; its first build runs in a process of its own
(``python -m briefing.library.build_store LIBRARY``). A small library is searched in memory
from its merged pack, loaded on the first search.
"""

from __future__ import annotations

import functools
import sys

from briefing.library.catalog import Library
from briefing.search.engine import SearchEngine
from briefing.search.source import SLOW_RECORDS
from briefing.search.store import Store, open_store, store_key, store_path


def find_library_store(library: Library) -> Store | None:
    """The store of ``library``'s pack, while the documents it was built from are unchanged;
    None when there is none yet (or the library is too small to have one)."""
    from briefing.pack.cache import documents_unchanged

    key = store_key(library.pack_digest)
    store = open_store(store_path(key), key)
    if store is not None and not documents_unchanged(store.meta.get("documents", [])):
        store.close()
        return None
    return store


def whole_pack(library: Library):
    """The library's pack, its briefings' own packs let go once merged (what a search index
    is built from holds their texts)."""
    from briefing.library.merge import library_pack

    pack = library_pack(library)
    library.forget_all()
    return pack


class LibraryEngine(SearchEngine):
    """A search engine over a library: its store when there is one, else its merged pack."""

    def __init__(self, library: Library) -> None:
        self.library = library
        super().__init__(None, store=find_library_store(library),
                         pack_loader=functools.partial(whole_pack, library))

    def _digest_key(self) -> str | None:
        return store_key(self.library.pack_digest)

    @functools.cached_property
    def _large(self) -> bool:
        """Whether the library has :data:`SLOW_RECORDS` records or more (from its summaries:
        sections and figures)."""
        found = sum(e.summary.figures + e.summary.sections for e in self.library.entries
                    if e.summary is not None)
        return found >= SLOW_RECORDS

    def builds_slowly(self) -> bool:
        if self.ready or not self._large:
            return False
        return not store_path(self._digest_key() or "").is_file()

    def build_args(self) -> list[str]:
        """The command that builds this library's store in a process of its own."""
        return [sys.executable, "-m", "briefing.library.build_store",
                str(self.library.root)]


def library_engine(library: Library) -> LibraryEngine:
    return LibraryEngine(library)
