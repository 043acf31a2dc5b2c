"""An n-gram block filter: which blocks of a long concatenated string can hold a needle."""

from __future__ import annotations

import operator
from bisect import bisect_left
from collections.abc import Iterator

from briefing.search.fields import SEP
from briefing.text.lazy_pattern import LazyPattern

#: Concatenations shorter than this are scanned whole; longer ones get a :class:`GramIndex`.
GRAM_MIN_CHARS = 400_000
GRAM_MAX_BLOCKS = 4096
GRAM_MIN_BLOCK = 2048
SPARSE_BLOCKS = 24  # grams in at most this many blocks keep a list, not a bitset


class GramIndex:
    """Which blocks of a concatenated string contain which 1-, 2- (and ASCII 3-) grams.

    The string is cut into blocks of whole fields. A gram found in few blocks keeps the sorted
    tuple of their numbers; a common one a bitset (a Python int). Intersecting a needle's grams
    gives the only blocks a scan must visit, so a needle that occurs rarely or nowhere costs
    microseconds instead of a pass over the whole string. An absent gram means "cannot occur":
    the filter never drops a real match.
    """

    def __init__(self, big: str, starts, data: dict) -> None:
        self.block_fields = list(data["blocks"])  # first field of each block
        self.bounds = [starts[f] for f in self.block_fields] + [len(big)]
        self.grams: dict[str, int | tuple[int, ...]] = {
            g: int(v, 16) if isinstance(v, str) else tuple(int(b) for b in v)
            for g, v in data["grams"].items()}
        self.all = (1 << len(self.block_fields)) - 1
        self.count = len(self.block_fields)

    def candidates(self, needle: str) -> list[tuple[int, int]]:
        """(start, end) of every block that may contain ``needle``, in order."""
        bounds = self.bounds
        return [(bounds[b], bounds[b + 1]) for b in self.candidate_blocks(needle)]

    def candidate_blocks(self, needle: str) -> Iterator[int]:
        """The numbers of the blocks that may contain ``needle``, in order. A common needle
        passes most of a few thousand blocks and its scan stops after a few, so the numbers
        are found as they are asked for, not listed up front."""
        mask = self.all
        lists: list[tuple[int, ...]] = []
        for g in needle_grams(needle):
            v = self.grams.get(g)
            if v is None:
                return iter(())
            if isinstance(v, int):
                mask &= v
            else:
                lists.append(v)
        mask &= self.all
        if lists:
            lists.sort(key=len)
            rest = [frozenset(x) for x in lists[1:]]
            bits = format(mask, "b")[::-1]  # bit b is bits[b]: no big-int shift per block
            return iter([b for b in lists[0] if isinstance(b, int) and 0 <= b < self.count
                         and b < len(bits) and bits[b] == "1" and all(b in r for r in rest)])
        return _set_bits(mask)


def _set_bits(mask: int) -> Iterator[int]:
    """The set bits of ``mask``, lowest first."""
    bits = format(mask, "b")[::-1]
    b = bits.find("1")
    while b >= 0:
        yield b
        b = bits.find("1", b + 1)


def block_grams(s: str) -> set[str]:
    """A superset of the grams a needle found in ``s`` can need: every character, every pair,
    every three ASCII characters in a row (none with :data:`SEP`).

    ``s`` is cut at spaces and each distinct piece is read, padded with a space each side
    (which can only add grams); triples with a space in the middle are added from ``s``
    itself. This is the definition in plain Python: the index build computes the same grams
    with numpy (:func:`briefing.search.bulk.gram_arrays.block_keys`, tested equal to this).
    """
    if " " not in s or "  " in s:  # nothing to share, or runs of spaces: read it whole
        return _grams_of(s)
    grams: set[str] = set()
    for piece in set(s.split(" ")):
        grams |= _grams_of(f" {piece} ")
    grams.update(SPACE_TRIPLE.findall(s))
    return grams


#: An ASCII character, a space, an ASCII character (SEP excluded), overlapping.
SPACE_TRIPLE = LazyPattern(r"(?=([\x01-\x1f!-\x7f] [\x01-\x1f!-\x7f]))")  # builds only
ASCII_RUN = LazyPattern(r"[\x00-\x7f]{3,}")


def _grams_of(s: str) -> set[str]:
    grams = set(s)
    grams.update(map(operator.add, s, s[1:]))
    for a in (s,) if s.isascii() else ASCII_RUN.findall(s):
        grams.update(map(operator.add, map(operator.add, a, a[1:]), a[2:]))
    grams.discard(SEP)
    return {g for g in grams if SEP not in g} if SEP in s else grams


def block_size(length: int, max_blocks: int = GRAM_MAX_BLOCKS) -> int:
    """Characters in a block of a string ``length`` long (at most ``max_blocks`` blocks)."""
    return max(GRAM_MIN_BLOCK, length // max_blocks + 1)


def block_starts(starts, size: int) -> list[int]:
    """The first field of each block, cutting the fields (starting at ``starts``, then the
    total length) into blocks of whole fields about ``size`` characters long."""
    fields = len(starts) - 1
    blocks, f = [], 0
    while f < fields:
        blocks.append(f)
        end = starts[f] + size
        f = max(f + 1, bisect_left(starts, end, lo=f + 1, hi=fields))
    return blocks


def needle_grams(needle: str) -> list[str]:
    """The grams every occurrence of ``needle`` must contain (at most 12)."""
    if len(needle) < 3:
        return [needle]
    if needle.isascii():
        grams = [needle[j: j + 3] for j in range(len(needle) - 2)]
    else:
        grams = [needle[j: j + 2] for j in range(len(needle) - 1)]
    return list(dict.fromkeys(grams))[:12]


def _grams(big: str, starts, data: dict | None) -> GramIndex | None:
    return None if data is None else GramIndex(big, starts, data)
