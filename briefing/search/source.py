"""Where the engine's indexes come from: built from the pack in memory, or read from a store.

A small pack's text index is built in memory (milliseconds) and its pinyin comes from the
shipped or cached JSON index (:mod:`briefing.search.index`). A large pack (a library of
briefings) is searched from its :mod:`~briefing.search.store`, found by the pack's content
digest before anything is built: a warm start neither rebuilds the text index nor holds the
pack's text in memory, and a command-line search can answer without loading the pack at all.
The first search of a large pack builds its index once, writes the store and then reads from
it like every later search, so the built strings are freed.
"""

from __future__ import annotations

import functools
import itertools
import threading
from collections.abc import Callable
from pathlib import Path

from briefing.model import Pack
from briefing.search.field_scan import FieldLists
from briefing.search.fields import each_record
from briefing.search.grams import GRAM_MIN_CHARS
from briefing.search.index import PinyinIndex, Progress, TextIndex, build_data, load_index, records
from briefing.search.store import Store, StoreError, open_store, store_key, store_path
from briefing.search.store.records import StoreInput

#: A pack with this many records or more takes a second or longer to index the first time
#: (a library: minutes), so the app builds its index in the background.
SLOW_RECORDS = 1000


class IndexSource:
    """The text and pinyin indexes of one pack, loaded once and shared by every search."""

    def __init__(self, pack: Pack | None, *, progress: Progress | None = None,
                 cache_dir: Path | None = None, store: Store | None = None,
                 pack_loader: Callable[[], Pack] | None = None) -> None:
        self.pack = pack
        self.progress = progress
        self.cache_dir = cache_dir
        #: bundled | cache | built | store, once loaded
        self.index_source: str | None = None
        self._pack_loader = pack_loader
        self._lock = threading.RLock()
        self._text = None
        self._py = None
        self._store: Store | None = None
        self._prefixes: frozenset[str] = frozenset()
        self._field_lists = FieldLists()
        if store is not None:
            self._use_store(store, "store")  # one that cannot be read is discarded

    # -- the pack ----------------------------------------------------------------------------
    def _the_pack(self) -> Pack:
        if self.pack is None:
            if self._pack_loader is None:
                raise StoreError("the store cannot be read and no pack was given")
            self.pack = self._pack_loader()
        return self.pack

    @property
    def glossary(self) -> tuple[tuple[str, ...], ...]:
        if self.pack is not None:
            return getattr(self.pack, "glossary", ())
        if self._store is not None:
            return tuple(tuple(g) for g in self._store.meta.get("glossary", ()))
        return ()

    def _digest_key(self) -> str | None:
        digest = getattr(self.pack, "digest", "") if self.pack is not None else ""
        return store_key(digest) if digest else None

    @property
    def ready(self) -> bool:
        """Whether both indexes are loaded (a search then never waits for a build)."""
        return self._py is not None

    def builds_slowly(self) -> bool:
        """Whether the first search would wait for a large pack's index to be built (no store
        for it yet): worth doing in the background, with the reader told."""
        if self._py is not None or self.pack is None or not self._many_records:
            return False
        key = self._digest_key()
        return not (key and store_path(key, self.cache_dir).is_file())

    @functools.cached_property
    def _many_records(self) -> bool:
        """Whether the pack has :data:`SLOW_RECORDS` records or more (counted once)."""
        return many_records(self.pack)

    # -- loading -----------------------------------------------------------------------------
    @property
    def text_index(self) -> TextIndex:
        if self._text is None:
            with self._lock:
                if self._text is None:
                    key = self._digest_key()
                    store = open_store(store_path(key, self.cache_dir), key) if key else None
                    if store is None or not self._use_store(store, "store"):
                        self._text = self._from_pack()
        return self._text

    def _from_pack(self) -> TextIndex | StoreInput:
        """The pack's text index; for a large pack, only what its store is built from (the
        store is then written by :meth:`pinyin_index`, and searched)."""
        pack = self._the_pack()
        found = large_input(pack)
        return found if found is not None else TextIndex(list(records(pack)))

    def pinyin_index(self, progress: Progress | None = None) -> PinyinIndex:
        if self._py is None:
            text = self.text_index
            with self._lock:
                if self._py is None:
                    if isinstance(text, (TextIndex, StoreInput)) \
                            and text.chars >= GRAM_MIN_CHARS:
                        self._large(text, progress or self.progress)
                    else:
                        py, source = load_index(text, progress or self.progress,
                                                self.cache_dir)
                        self._set(text, py, source)
        return self._py

    def _large(self, text: TextIndex | StoreInput, progress: Progress | None) -> None:
        """A large pack's index: its store (by digest, else by text key), or built and stored
        (see :mod:`briefing.search.store.build`); kept in memory if no store can be written."""
        key = self._digest_key() or text.key
        path = store_path(key, self.cache_dir)
        store = open_store(path, key)
        if store is not None and self._use_store(store, "store"):
            return
        from briefing.search.store.build import write_store

        if write_store(path, text, key=key, glossary=self.glossary, progress=progress,
                       documents=getattr(self.pack, "documents", ())):
            store = open_store(path, key)
            if store is not None and self._use_store(store, "built"):
                return
        if isinstance(text, StoreInput):  # searched in memory after all: the whole index
            text = TextIndex(list(records(self._the_pack())))
        self._set(text, PinyinIndex(text, build_data(text, progress)), "built")

    def _use_store(self, store: Store, source: str) -> bool:
        from briefing.search.store.lookup import StoredPinyin, StoredText

        try:
            text = StoredText(store)
            py = StoredPinyin(store, text)
        except (StoreError, KeyError, TypeError, ValueError, IndexError):
            store.discard()
            return False
        self._store = store
        self._set(text, py, source)
        return True

    def forget_scans(self) -> None:
        """Forget the field lists kept from earlier scans (see :mod:`briefing.search.field_scan`):
        answers are the same either way; a benchmark times typing from a clean start."""
        self._field_lists = FieldLists()

    def _set(self, text, py, source: str) -> None:
        self._field_lists = FieldLists()  # of these indexes' strings
        self._prefixes = frozenset(s[:k] for s in py.syllables for k in range(1, len(s) + 1))
        self._text = text
        self._py = py
        self.index_source = source

    def drop_store(self) -> bool:
        """Forget a store that failed to read (and delete it): the next search rebuilds from
        the pack. False if there is no pack to rebuild from."""
        with self._lock:
            store, self._store = self._store, None
            if store is not None:
                store.discard()
            self._text = self._py = None
            self.index_source = None
        try:
            self._the_pack()
        except Exception:
            return False
        return True

    @property
    def top_sections(self) -> tuple[str, ...] | None:
        """Top-level section ids, when known without the pack (from a store)."""
        return self._store and tuple(self._store.meta.get("top_sections", ()))


def many_records(pack: Pack) -> bool:
    """Whether ``pack`` has :data:`SLOW_RECORDS` records or more (a library, not one briefing:
    counted until there are that many)."""
    records = len(pack.comparisons)
    for _ in itertools.chain(pack.nodes(), pack.figures()):
        records += 1
        if records >= SLOW_RECORDS:
            return True
    return False


def large_input(pack: Pack) -> StoreInput | None:
    """What ``pack``'s store is built from, if it is large enough to have one."""
    if many_records(pack):
        found = StoreInput(each_record(pack))
        if found.chars >= GRAM_MIN_CHARS:
            return found
    return None


def pieces(big, ranges):
    """(haystack, its offset in ``big``, start, stop) for each range to scan: ``big`` itself
    when it is a string, else the stored blocks each range covers (start and stop local)."""
    if isinstance(big, str):
        return [(big, 0, pos, stop) for pos, stop in ranges]
    return big.pieces_of(ranges)


def block_pieces(big, bounds, blocks):
    """(haystack, its offset, start, stop) for each of the n-gram filter's ``blocks`` (numbers,
    in order; ``bounds`` are the filter's): a stored string's blocks are its own, so no range
    is looked up, and blocks after the scan stops are never read."""
    if isinstance(big, str):
        return ((big, 0, bounds[b], bounds[b + 1]) for b in blocks)
    return big.blocks_of(blocks)
