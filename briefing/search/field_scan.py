"""Which fields of a concatenated string hold a needle: found by ``str.find``, or read off the
complete list of fields that hold a shorter needle inside it.

Typing a query one character at a time asks for needles that grow: ``" yin han"``, then
``" yin han g"``; a query's first word is searched again on every keystroke after it, and a
query of several words joined (``" jian she yin han g"``) begins and ends with needles of its
words. A
needle that occurs rarely is the costly kind: its scan reads every block the n-gram filter lets
through (tens of megabytes of pinyin) to find a handful of fields. Every field holding
``" yin han g"`` also holds ``" yin han"``, so once a scan has listed *all* the fields holding a
needle, a later needle containing it is sought only in those fields, in the same order: the
same fields are found, so the same records in the same rank order. A list is kept only when
its scan ran to the end (none was cut short by having enough records) and is short.

A Latin term is sought at word starts only (see :mod:`briefing.search.words`) by
:func:`word_fields_found`. Passing over occurrences inside words costs a step in Python each,
and a needle can be rare at word starts but everywhere inside words ("ling" in every "-ling" of
a library): :data:`IN_WORD_BUDGET` such occurrences bound the scan, which then stops as one
with enough records does. Such a scan keeps no list and reads none:
where it gives up depends on every occurrence before, which a list of fields does not hold.
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from briefing.search.fields import SEP
from briefing.search.words import inside_word_before

#: needles whose complete field lists are kept, per string (the oldest are dropped first)
MAX_NEEDLES = 256
#: a longer list is not kept: reading that many fields costs about as much as the scan
MAX_FIELDS = 4096
#: occurrences inside words a word-start scan passes over before it stops (each about a
#: microsecond)
IN_WORD_BUDGET = 256


def fields_found(starts, needle: str, scanned: Iterable[tuple[str, int, int, int]]
                 ) -> Iterator[int]:
    """Each field holding ``needle``, in order, once, from the pieces ``scanned`` (haystack,
    its offset, start, stop: see :func:`~briefing.search.source.pieces`); a piece is read only
    when the caller asks past the previous one."""
    for hay, base, pos, stop in scanned:
        find = hay.find
        p = find(needle, pos, stop)
        while p >= 0:
            i = bisect_right(starts, p + base) - 1
            yield i
            p = find(needle, starts[i + 1] - base, stop)


def word_fields_found(starts, needle: str, scanned: Iterable[tuple[str, int, int, int]],
                      budget: int = IN_WORD_BUDGET) -> Iterator[int]:
    """:func:`fields_found`, counting only occurrences at a word start; after ``budget``
    occurrences inside words it stops. A field starts a piece or follows :data:`SEP`, so the
    character before an occurrence is in its piece."""
    inside = inside_word_before(needle)
    for hay, base, pos, stop in scanned:
        find = hay.find
        p = find(needle, pos, stop)
        while p >= 0:
            if p and hay[p - 1] in inside:
                budget -= 1
                if budget < 0:
                    return
                p = find(needle, p + 1, stop)
                continue
            i = bisect_right(starts, p + base) - 1
            yield i
            p = find(needle, starts[i + 1] - base, stop)


def fields_among(big, starts, needle: str, fields: Iterable[int]) -> Iterator[int]:
    """Those of ``fields`` (in order) whose text in ``big`` holds ``needle``."""
    for i in fields:
        if needle in big[starts[i]: starts[i + 1]]:
            yield i


def blocks_from(bounds, blocks: Iterable[int], start: int) -> Iterator[int]:
    """Those of the block numbers ``blocks`` (in order) that end after offset ``start``."""
    for b in blocks:
        if bounds[b + 1] > start:
            yield b


def pieces_from(scanned: Iterable[tuple[str, int, int, int]], start: int
                ) -> Iterator[tuple[str, int, int, int]]:
    """The pieces ``scanned``, each from offset ``start`` on (none may end before it)."""
    for hay, base, pos, stop in scanned:
        yield hay, base, max(pos, start - base), stop


class FieldLists:
    """Lists of the fields that hold a needle, by string (one per index stream): each complete
    up to a field (every field before it that holds the needle is listed), to the string's end
    when its scan was not cut short."""

    def __init__(self) -> None:
        self._lists: dict[int, dict[str, tuple[array, int]]] = {}
        self._lock = threading.Lock()

    def narrowest(self, big, needle: str) -> tuple[array, int] | None:
        """The best kept list of a needle that begins or ends ``needle`` (or is it), and the
        field it is complete up to: the shortest of those complete to the end, else the one
        complete the furthest. (A needle grows at its end as it is typed, and a joined query
        begins and ends with its words; one in the middle is not looked for: a dict lookup
        per prefix and suffix costs microseconds, a pass over every kept needle far more.)"""
        if not needle or SEP in needle:  # it could span two fields: not within one
            return None
        kept = self._lists.get(id(big))
        if not kept:
            return None
        best = None
        n = len(needle)
        for k in range(1, n + 1):
            for known in (needle[:k], needle[n - k:]) if k < n else (needle,):
                got = kept.get(known)
                if got is not None and (best is None or (got[1], -len(got[0])) > (
                        best[1], -len(best[0]))):
                    best = got
        return best

    def keep(self, big, needle: str, fields: array, upto: int) -> None:
        if len(fields) > MAX_FIELDS or not needle or SEP in needle:
            return
        with self._lock:
            kept = self._lists.setdefault(id(big), {})
            kept.pop(needle, None)
            kept[needle] = fields, upto
            while len(kept) > MAX_NEEDLES:
                del kept[next(iter(kept))]
