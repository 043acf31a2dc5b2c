"""Building an n-gram block filter with numpy: which blocks of a long string hold which grams.

The first search of a library reads tens of millions of characters for their grams (every
character, every pair, every three ASCII characters in a row; see
:func:`~briefing.search.grams.block_grams`). Read in Python, each character costs a few set
insertions. Here a block becomes an array of code points and its grams 64-bit keys, made in a
few vectorised passes and made distinct by an open-address table (a scatter and a gather);
then the distinct keys of every block are inverted at once by one sort. Only the build imports
numpy: a search reads the finished filter.

Keys: a character is its code point; a pair ``PAIR | a << 21 | b``; an ASCII triple
``TRIPLE | a << 14 | b << 7 | c``. A block needs fewer keys than grams: every pair inside an
ASCII triple, and every character inside a pair, is made from the distinct triples and pairs
afterwards, so only the pairs and characters no longer gram covers are keyed while reading.
"""

from __future__ import annotations

import numpy as np

from briefing.search.fields import SEP
from briefing.search.grams import SPARSE_BLOCKS

PAIR = np.uint64(1 << 42)
TRIPLE = np.uint64(1 << 43)
_CODE = np.uint64(0x1FFFFF)
_ASCII = np.uint64(0x7F)
_7, _14, _21 = np.uint64(7), np.uint64(14), np.uint64(21)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the high bits of key * this
TABLE_BITS = 16  # 64k slots (256 kB): a block's few thousand distinct keys, in cache
DENSE_ROWS = 2048  # bitsets made at once (rows of a block-wide byte matrix)

assert SEP == "\x00"  # code point 0 is the separator: never part of a gram


class _Distinct:
    """Distinct values of an array of keys, by an open-address table reused from block to
    block: each key's slot is written with its position, and a key keeps its place if the
    slot still holds it afterwards. A key that lost its slot to an equal key is a duplicate;
    one that lost it to a different key (a collision, rare) is sorted out separately."""

    def __init__(self, bits: int = TABLE_BITS) -> None:
        self.slot_of = np.zeros(1 << bits, np.int32)
        self.shift = np.uint64(64 - bits)
        self.positions = np.arange(1 << 16, dtype=np.int32)

    def __call__(self, keys: np.ndarray) -> np.ndarray:
        if len(keys) > len(self.positions):
            self.positions = np.arange(2 * len(keys), dtype=np.int32)
        where = self.positions[: len(keys)]
        slots = ((keys * _GOLDEN) >> self.shift).view(np.int64)
        self.slot_of[slots] = where
        holder = self.slot_of[slots]
        kept = keys[holder == where]
        collided = keys != keys[holder]  # lost its slot to a different key
        if collided.any():
            return np.concatenate((kept, _unique(keys[collided])))
        return kept


def _unique(keys: np.ndarray) -> np.ndarray:
    """Sorted distinct keys (numpy's own ``unique`` hashes, slower for a few thousand)."""
    keys = np.sort(keys)
    if len(keys) < 2:
        return keys
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))]


def block_keys(s: str, distinct: _Distinct) -> np.ndarray:
    """The distinct keys of the grams :func:`~briefing.search.grams.block_grams` reads in
    ``s``: those of ``s`` padded with a space each side when its words are space-separated
    (no double space), as reading each distinct word padded gives, but for the triples the
    padding would put two spaces in."""
    padded = " " in s and "  " not in s
    if padded:
        s = " " + s + " "
    c = np.frombuffer(s.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.uint64)
    if len(c) == 0:
        return c
    real = c != 0
    ascii_ = real & (c < 128)
    pair = real[:-1] & real[1:]
    ascii_pair = ascii_[:-1] & ascii_[1:]
    triple = ascii_pair[:-1] & ascii_[2:]
    if padded and len(triple):  # "  x" and "x  " exist only by the padding
        triple[0] &= s[1] != " "
        triple[-1] &= s[-2] != " "
    in_triple = np.zeros(len(pair), bool)
    in_triple[:-1] |= triple
    in_triple[1:] |= triple
    in_pair = np.zeros(len(c), bool)
    in_pair[:-1] |= pair
    in_pair[1:] |= pair
    read = distinct(np.concatenate((
        c[real & ~in_pair],
        (c[:-1] << _21 | c[1:])[pair & ~in_triple] | PAIR,
        (c[:-2] << _14 | c[1:-1] << _7 | c[2:])[triple] | TRIPLE)))
    triples = read[read >= TRIPLE]
    t = triples & ~TRIPLE
    a, b, z = t >> _14, (t >> _7) & _ASCII, t & _ASCII
    pairs = _unique(np.concatenate((read[(read >= PAIR) & (read < TRIPLE)],
                                    a << _21 | b | PAIR, b << _21 | z | PAIR)))
    chars = _unique(np.concatenate((read[read < PAIR], (pairs >> _21) & _CODE, pairs & _CODE)))
    return np.concatenate((chars, pairs, triples))


def gram_name(key: int) -> str:
    """The gram a key stands for."""
    if key & (1 << 43):
        return chr(key >> 14 & 0x7F) + chr(key >> 7 & 0x7F) + chr(key & 0x7F)
    if key & (1 << 42):
        return chr(key >> 21 & 0x1FFFFF) + chr(key & 0x1FFFFF)
    return chr(key)


def gram_blocks(big: str, bounds: list[int]) -> dict[str, list[int] | int]:
    """Each gram of ``big`` (see :func:`~briefing.search.grams.block_grams`) -> the blocks
    (cut at ``bounds``) it is in: their sorted numbers if few, else a bitset (bit b for block
    b)."""
    table = GramTable()
    for b in range(len(bounds) - 1):
        table.add(big[bounds[b]: bounds[b + 1]])
    return table.result()


class GramTable:
    """:func:`gram_blocks` of blocks given one at a time (numbered 0, 1, ...), so the string
    they are cut from never has to exist whole: a block's distinct keys are kept, its text
    is not."""

    def __init__(self) -> None:
        self._distinct = _Distinct()
        self._per_block: list[np.ndarray] = []

    def add(self, block: str) -> None:
        self._per_block.append(block_keys(block, self._distinct))

    def result(self) -> dict[str, list[int] | int]:
        """Each gram -> its blocks (sorted numbers if few, else a bitset)."""
        per_block, self._per_block = self._per_block, []
        nblocks = len(per_block)
        if nblocks < 1:
            return {}
        width = np.uint64(max(1, (nblocks - 1).bit_length()))  # keys have 44 bits: room for it
        both = np.concatenate(per_block)
        both <<= width
        both |= np.repeat(np.arange(nblocks, dtype=np.uint64), [len(k) for k in per_block])
        del per_block
        both.sort()  # by gram, then block: one sort of plain numbers
        keys = both >> width
        both &= (np.uint64(1) << width) - np.uint64(1)
        blocks = both  # the same memory, now the block numbers
        if not len(keys):
            return {}
        first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        count = np.diff(np.append(first, len(keys)))
        names = [gram_name(k) for k in keys[first].tolist()]
        out: dict[str, list[int] | int] = {}
        sparse = count <= SPARSE_BLOCKS  # Python numbers for these grams' blocks only
        numbers = blocks[np.repeat(sparse, count)].tolist()
        at = 0
        for r, n in zip(np.flatnonzero(sparse).tolist(), count[sparse].tolist(), strict=True):
            out[names[r]] = numbers[at: at + n]
            at += n
        del numbers
        dense = np.flatnonzero(~sparse)
        for lo in range(0, len(dense), DENSE_ROWS):  # bitsets, many rows at once
            rows = dense[lo: lo + DENSE_ROWS]
            at = np.concatenate([np.arange(first[r], first[r] + count[r]) for r in rows])
            bits = np.zeros((len(rows), nblocks), np.uint8)
            bits[np.repeat(np.arange(len(rows)), count[rows]), blocks[at].astype(np.intp)] = 1
            packed = np.packbits(bits, axis=1, bitorder="little")
            for r, row in zip(rows.tolist(), packed, strict=True):
                out[names[r]] = int.from_bytes(row.tobytes(), "little")
        return out

