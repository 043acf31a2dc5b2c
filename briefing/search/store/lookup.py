"""The text and pinyin indexes read from a :class:`~briefing.search.store.Store`.

:class:`StoredText` and :class:`StoredPinyin` answer what the engine asks of
:class:`~briefing.search.fields.TextIndex` and :class:`~briefing.search.index.PinyinIndex`
(the same names, the same values) without holding the pack's text: a concatenated string is a
:class:`BlockString` whose ``find`` decompresses only the blocks it is asked to search, and a
record or field text is read when a hit needs it. The engine's code is the same for both.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from functools import lru_cache

from briefing.model import Text
from briefing.search.fields import FIELDS, SEP, Record, concat, lower_same_length
from briefing.search.fold import fold_fields
from briefing.search.grams import GramIndex
from briefing.search.store import Store, StoreError

#: decompressed blocks a BlockString keeps, in characters, by stream: the pinyin and initials
#: are what long queries scan (ASCII: a byte a character), the folded text what every query
#: scans and scores (Chinese: two bytes a character), the original text is read for hits only.
#: About 300 MB at most (a library 1000 times the bundled pack fits), reached only when
#: queries have read every block.
CACHE_CHARS = {"py": 96_000_000, "ini": 32_000_000, "low": 80_000_000, "text": 8_000_000}


class BlockString:
    """A long string stored in blocks of whole fields: ``find`` and slices within a field.

    Blocks are decompressed on first use and kept up to a budget of characters; past it the
    oldest are dropped (first in, first out: a lookup is one dict access, no bookkeeping).
    """

    def __init__(self, store: Store, stream: str, bounds: list[int], derive=None,
                 name: str | None = None) -> None:
        self.store = store
        self.stream = stream
        self.bounds = bounds  # offset of each block's first character, then the length
        self.derive = derive  # (block number, block text) -> the text searched (folded)
        self.budget = CACHE_CHARS.get(name or stream, 8_000_000)
        self._cache: dict[int, str] = {}
        self._chars = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self.bounds[-1]

    def block(self, b: int) -> str:
        got = self._cache.get(b)
        if got is not None:
            return got
        got = self.store.block(self.stream, b)
        if self.derive is not None:
            got = self.derive(b, got)
        if len(got) != self.bounds[b + 1] - self.bounds[b]:
            raise StoreError(f"block {self.stream}/{b} has the wrong length")
        with self._lock:
            while self._cache and self._chars + len(got) > self.budget:
                self._chars -= len(self._cache.pop(next(iter(self._cache))))
            if b not in self._cache:
                self._cache[b] = got
                self._chars += len(got)
        return got

    def find(self, needle: str, start: int = 0, stop: int | None = None) -> int:
        stop = len(self) if stop is None else min(stop, len(self))
        for hay, base, lo, hi in self.pieces_of([(start, stop)]):
            p = hay.find(needle, lo, hi)
            if p >= 0:
                return base + p
        return -1

    def pieces_of(self, ranges):
        """(block, its offset, start, stop in it) for each block the ``ranges`` cover, in
        order; a block is read only when the scan reaches it (it may stop early)."""
        bounds, cache, last = self.bounds, self._cache, len(self.bounds) - 1
        for start, stop in ranges:
            b = bisect_right(bounds, start) - 1
            while 0 <= b < last and bounds[b] < stop:
                base, end = bounds[b], bounds[b + 1]
                hay = cache.get(b)
                if hay is None:
                    hay = self.block(b)
                yield (hay, base, start - base if start > base else 0,
                       (stop if stop < end else end) - base)
                b += 1

    def blocks_of(self, numbers):
        """(block, its offset, 0, its length) for each of the block ``numbers``, read as the
        scan reaches it."""
        bounds, cache = self.bounds, self._cache
        for b in numbers:
            hay = cache.get(b)
            if hay is None:
                hay = self.block(b)
            yield hay, bounds[b], 0, len(hay)

    def __contains__(self, needle: str) -> bool:
        return self.find(needle) >= 0

    def __getitem__(self, cut: slice) -> str:
        """``big[a:b]`` for a range inside one block (a field, as the indexes slice them)."""
        return self.part(cut.start, cut.stop)

    def part(self, start: int, stop: int) -> str:
        bounds = self.bounds
        b = bisect_right(bounds, start) - 1
        hay = self._cache.get(b)  # scoring reads a few fields of each of a hundred records
        if hay is None:
            hay = self.block(b)
        base = bounds[b]
        return hay[start - base: stop - base]


class _Lazy:
    """A read-only sequence computed item by item (``len`` and ``[i]``, i in range)."""

    def __init__(self, n: int, get) -> None:
        self._n, self._get = n, get

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int):
        return self._get(i)

    def __iter__(self):
        return (self._get(i) for i in range(self._n))


class StoredGrams(GramIndex):
    """The n-gram block filter with its grams read from the store as they are asked for."""

    def __init__(self, store: Store, stream: str, big: BlockString, starts, blocks) -> None:
        super().__init__(big, starts, {"blocks": blocks, "grams": {}})  # the blocks' layout
        if self.bounds != big.bounds:  # the engine reads the filter's blocks by number
            raise StoreError(f"{stream} n-gram blocks are not its stored blocks")
        self.bounds = big.bounds
        self.grams = _GramTable(store, stream)


class _GramTable:
    def __init__(self, store: Store, stream: str) -> None:
        self.store, self.stream = store, stream
        self._seen: dict[str, int | tuple[int, ...] | None] = {}

    def get(self, g: str, default=None):
        if g not in self._seen:
            try:
                self._seen[g] = _decode(self.store.gram(self.stream, g))
            except ValueError as exc:
                raise StoreError(str(exc)) from None
        got = self._seen[g]
        return default if got is None else got

    def __contains__(self, g: str) -> bool:
        return self.get(g) is not None


def _decode(v: str | bytes | None):
    """A stored gram value: ``"1,5,9"`` block numbers, or a bitset's bytes (little-endian)."""
    if v is None:
        return None
    if isinstance(v, bytes):
        return int.from_bytes(v, "little")
    return tuple(int(x) for x in v.split(",")) if v else ()


class StoredText:
    """What the engine reads of a :class:`~briefing.search.fields.TextIndex`, from a store."""

    def __init__(self, store: Store) -> None:
        meta = store.meta
        self.store = store
        self.key = meta["key"]  # a store is found by it: it names this text as well
        self.starts = store.array("starts")
        n = meta["fields"]
        self._n = n
        if len(self.starts) != n + 1:
            raise StoreError("field table has the wrong length")
        self.field_record = store.array("field_record")
        codes = store.array("field_name")
        names = meta["field_names"]
        self.field_name = _Lazy(n, lambda f: names[codes[f]])
        weights = [FIELDS[name][1] for name in names]
        self.field_weight = _Lazy(n, lambda f: weights[codes[f]])
        headings = [FIELDS[name][0] == 0 for name in names]
        self.field_heading = _Lazy(n, lambda f: headings[codes[f]])
        at, flat = store.array("record_fields.at"), store.array("record_fields")
        nrec = meta["records"]
        self.record_fields = _Lazy(nrec, lambda r: tuple(flat[at[r]: at[r + 1]]))
        k_at, kids = store.array("record_children.at"), store.array("record_children")
        if len(at) != nrec + 1 or len(k_at) != nrec + 1:
            raise StoreError("record table has the wrong length")
        self.record_children = _Lazy(nrec, lambda r: tuple(kids[k_at[r]: k_at[r + 1]]))
        sec_codes, sections = store.array("record_section"), meta["sections"]
        self.record_section = _Lazy(nrec, lambda r: sections[sec_codes[r]]
                                    if sec_codes[r] >= 0 else None)
        blocks = store.array("text.blocks")
        self._plain = store.array("text.plain")
        if len(self._plain) != len(blocks):
            raise StoreError("block table has the wrong length")
        bounds = [self.starts[f] for f in blocks] + [self.starts[-1]]
        self.text = BlockString(store, "text", bounds)
        self.low = BlockString(store, "text", bounds, self._fold_block, name="low")
        self.field_text = _Lazy(n, self._field_text)
        self.records = _Lazy(nrec, lru_cache(maxsize=4096)(self._record))
        self.blocks = blocks
        self.top_sections = tuple(meta["top_sections"])

    def __len__(self) -> int:
        return self._n

    @property
    def chars(self) -> int:
        return self.starts[-1]

    def _fold_block(self, b: int, block: str) -> str:
        """The block as the text index folds it, field by field (see TextIndex); most blocks
        need only lowering, which the store notes when it is written."""
        if self._plain[b]:
            return block.lower()
        parts = block.split(SEP)[:-1]
        return concat(fold_fields([lower_same_length(t) for t in parts]))[0]

    def low_of(self, f: int) -> str:
        return self.low.part(self.starts[f], self.starts[f + 1] - 1)

    def _field_text(self, f: int) -> str:
        return self.text.part(self.starts[f], self.starts[f + 1] - 1)

    def _record(self, r: int) -> Record:
        rid, kind, title_zh, title_en, zh, en = self.store.record(r)
        fields = {self.field_name[f]: f for f in self.record_fields[r]}

        def field(*names: str) -> str:
            for name in names:
                if name in fields:
                    return self.field_text[fields[name]]
            return ""

        title = Text(field("title.zh", "label.zh") if title_zh is None else title_zh,
                     field("title.en", "label.en") if title_en is None else title_en)
        return Record(rid, kind, self.record_section[r], title,
                      field("text.zh") if zh is None else zh,
                      field("text.en") if en is None else en, ())


class StoredPinyin:
    """What the engine reads of a :class:`~briefing.search.index.PinyinIndex`, from a store."""

    def __init__(self, store: Store, text: StoredText) -> None:
        self.store = store
        self.fields = store.array("han_fields")
        self.syllables = frozenset(store.meta["syllables"])
        with_grams = store.meta["grams"]
        self.low_grams = StoredGrams(store, "text", text.low, text.starts, text.blocks) \
            if "text" in with_grams else None
        self.py, self.py_starts, self.py_grams = self._stream("py", "py" in with_grams)
        self.ini, self.ini_starts, self.ini_grams = self._stream("ini", "ini" in with_grams)
        #: whether the pack has an English vocabulary (its words are read by length)
        self.vocab = bool(store.query("SELECT 1 FROM vocab LIMIT 1"))
        fields = self.fields
        n = len(fields)

        def local(f: int) -> int:
            i = bisect_right(fields, f) - 1
            return i if i >= 0 and i < n and fields[i] == f else -1

        self.local = _Lazy(len(text), local)
        self._by_length: dict[int, list[str]] = {}

    def _stream(self, name: str, with_grams: bool
                ) -> tuple[BlockString, object, StoredGrams | None]:
        """A pinyin stream, where its fields start, and its n-gram filter if it has one."""
        starts = self.store.array(f"{name}_starts")
        blocks = self.store.array(f"{name}.blocks")
        if len(starts) != len(self.fields) + 1:
            raise StoreError(f"{name} table has the wrong length")
        bounds = [starts[f] for f in blocks] + [starts[-1]] if len(starts) > 1 else [0, 0]
        big = BlockString(self.store, name, bounds)
        grams = StoredGrams(self.store, name, big, starts, blocks) if with_grams else None
        return big, starts, grams

    def words_near(self, length: int, spread: int) -> list[str]:
        out: list[str] = []
        for n in range(max(1, length - spread), length + spread + 1):
            if n not in self._by_length:
                self._by_length[n] = self.store.words(n)
            out.extend(self._by_length[n])
        return out

    def py_of(self, i: int) -> str:
        return self.py.part(self.py_starts[i], self.py_starts[i + 1] - 1)

    def ini_of(self, i: int) -> str:
        return self.ini.part(self.ini_starts[i], self.ini_starts[i + 1] - 1)
