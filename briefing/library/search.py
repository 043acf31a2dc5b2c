"""A library's search store: found by the digest of its merged pack without loading a pack,
so a warm search of a library answers as fast as a search of one briefing."""

from __future__ import annotations

from briefing.library.catalog import Library
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
