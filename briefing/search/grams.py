"""An n-gram block filter: which blocks of a long concatenated string can hold a needle."""

from __future__ import annotations

import codecs
import operator
from array import array
from bisect import bisect_left
from collections import defaultdict, deque
from collections.abc import Iterator
from functools import partial
from itertools import repeat

from briefing.lazyre import LazyPattern
from briefing.search.fields import SEP, WORD_RE

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

    @staticmethod
    def build(big: str, starts) -> dict:
        """The filter of ``big`` as stored in a JSON index (a bitset as hex)."""
        blocks = block_starts(starts, block_size(len(big)))
        bounds = [starts[b] for b in blocks] + [len(big)]
        return {"blocks": blocks, "grams": {g: format(v, "x") if isinstance(v, int) else v
                                            for g, v in gram_blocks(big, bounds).items()}}

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

    ``s`` is cut at spaces and each distinct piece is read once, padded with a space each side
    (which can only add grams): words and pinyin syllables repeat, so this reads far less than
    ``s``. Triples with a space in the middle are added from ``s`` itself.
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


# -- the same grams as block_grams, computed by C passes over bytes ------------------------------
#
# A gram is keyed by an int while blocks are read: an ASCII gram by its bytes read little-endian
# ("narrow"; no byte is 0, so a char, a pair and a triple never share a key), a gram with a
# non-ASCII character by its code points (a pair ``a | b << 32``, "wide"). Grams come from
# 8-byte windows of the block's bytes, cut by ``array`` in C every 4 bytes (each window holds the
# triples that start in its first 6 bytes); only the windows' distinct values are split in
# Python, and a library repeats its words and syllables, so those are few.

_drain = partial(deque, maxlen=0)
_append = list.append
MASK1, MASK2, MASK3 = 0xFF, 0xFFFF, 0xFFFFFF
#: Every byte of a non-ASCII character's UTF-8 to 0, which, like SEP, no kept gram contains.
_HIGH_TO_ZERO = bytes(range(128)) + bytes(128)


def block_codes(s: str, pieces: bool = False, vocab: set[str] | None = None
                ) -> tuple[set[int], set[int]]:
    """:func:`block_grams` of ``s`` as (narrow, wide) keys (see above).

    With ``pieces`` (text of words), the distinct space-separated pieces are read once, as
    :func:`block_grams` does; otherwise (pinyin and initials: a small alphabet, so few distinct
    windows) the whole block is read. ``vocab``, if given, gets the block's English words
    (:data:`WORD_RE`: never across a space, so the distinct pieces hold them all).
    """
    spaced = " " in s and "  " not in s
    if pieces and spaced:
        words = s.split(" ")
        distinct = " \x00 ".join(set(words))
        if vocab is not None:
            vocab.update(WORD_RE.findall(distinct))
        narrow, wide = _exact_codes(" " + distinct + " ", varied=True)
        narrow |= _space_triples(words)
        return narrow, wide
    if vocab is not None:
        vocab.update(WORD_RE.findall(s))
    narrow, wide = _exact_codes(s)
    if spaced:  # block_grams pads the first and last piece with spaces
        for piece in (s[: s.find(" ")], s[s.rfind(" ") + 1:]):
            for g in _grams_of(f" {piece} "):
                if g.isascii():
                    narrow.add(int.from_bytes(g.encode("ascii"), "little"))
                else:
                    wide.add(ord(g) if len(g) == 1 else ord(g[0]) | ord(g[1]) << 32)
    return narrow, wide


def _exact_codes(s: str, varied: bool = False) -> tuple[set[int], set[int]]:
    """Keys of :func:`_grams_of` of ``s``."""
    if s.isascii():
        return _narrow_codes(s.encode("ascii"), varied), set()
    return (_narrow_codes(s.encode("utf-8", "surrogatepass").translate(_HIGH_TO_ZERO), varied),
            _wide_codes(s))


def _space_triples(words: list[str]) -> set[int]:
    """Keys of the ASCII triples "x y" (no SEP) across the spaces that split ``words``."""
    lo = 1 if not words[0] else 0
    hi = len(words) - 1 if not words[-1] else len(words)
    words = words[lo:hi]
    if len(words) < 2:
        return set()
    # x and y as bytes (a character beyond Latin-1 as 0, like SEP: never part of a triple)
    left = "".join(map(_LAST, words[:-1])).encode("latin-1", _ZERO)
    right = "".join(map(_FIRST, words[1:])).encode("latin-1", _ZERO)
    both = bytearray(2 * len(left))
    both[0::2] = left
    both[1::2] = right
    return {(p & 0xFF) | 0x2000 | (p >> 8) << 16 for p in set(memoryview(both).cast("H"))
            if _TRIPLE_END[p & 0xFF] and _TRIPLE_END[p >> 8]}


def _zero(exc: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: a 0 byte for each character the codec lacks."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "\x00" * (exc.end - exc.start), exc.end


_ZERO = "briefing-zero"
codecs.register_error(_ZERO, _zero)
_LAST, _FIRST = operator.itemgetter(-1), operator.itemgetter(0)
#: Whether a byte may stand either side of the space in a "x y" triple (SPACE_TRIPLE).
_TRIPLE_END = [0 < c < 128 and c != 32 for c in range(256)]


def _windows(data: bytes, width: int) -> set[int]:
    """Distinct ``width``-byte little-endian words of ``data`` starting every ``width // 2``
    bytes (``data`` padded with zeros so the last ones are whole)."""
    data += bytes(width + width // 2)
    half = width // 2
    kind = "Q" if width == 8 else "I"
    words = set(array(kind, data[: (len(data) // width) * width]))
    words.update(array(kind, data[half: half + ((len(data) - half) // width) * width]))
    return words


def _narrow_codes(data: bytes, varied: bool = False) -> set[int]:
    """Keys of the chars, pairs and triples of ASCII ``data`` that have no 0 byte.

    ``varied`` text (distinct words) is read as 4-byte words at every offset, each holding
    the triple it starts with; repetitive text (pinyin) as 8-byte words every 4 bytes, each
    holding six, since it has few distinct ones to split.
    """
    if varied:
        data += bytes(4)
        view = memoryview(data)
        quads: set[int] = set()
        for k in range(4):
            quads.update(view[k: k + (len(data) - k) // 4 * 4].cast("I"))
        triples = set(map(operator.and_, quads, repeat(MASK3)))
    else:
        words = _windows(data, 8)
        triples = set()
        for shift in range(0, 48, 8):
            triples.update(map(operator.and_, map(operator.rshift, words, repeat(shift)),
                               repeat(MASK3)))
    pairs = set(map(operator.and_, triples, repeat(MASK2)))
    chars = set(map(operator.and_, pairs, repeat(MASK1)))
    chars.discard(0)
    out = {t for t in triples if t & 0xFF0000 and t & 0xFF00 and t & 0xFF}
    out.update(p for p in pairs if p & 0xFF00 and p & 0xFF)
    out |= chars
    return out


def _wide_codes(s: str) -> set[int]:
    """Keys of the non-ASCII chars of ``s`` and the pairs with one (none with SEP)."""
    words = _windows(s.encode("utf-32-le", "surrogatepass"), 8)
    out = {w for w in words if (w & 0xFFFFFF80 or w >> 39) and w & 0xFFFFFFFF and w >> 32}
    chars = set(map(operator.and_, words, repeat(0xFFFFFFFF)))
    chars.update(map(operator.rshift, words, repeat(32)))
    out.update(c for c in chars if c > 0x7F)
    return out


def _narrow_gram(code: int) -> str:
    return code.to_bytes(1 if code < 0x100 else 2 if code < 0x10000 else 3, "little").decode(
        "ascii")


def _wide_gram(code: int) -> str:
    return chr(code) if code < 1 << 32 else chr(code & 0xFFFFFFFF) + chr(code >> 32)


_BIT_CHARS = bytes.maketrans(b"\x00\x01", b"01")


def bitset(found: list[int], nblocks: int) -> int:
    """The blocks in ``found`` as a bitset (bit b for block b), built in C."""
    bits = bytearray(nblocks)
    _drain(map(bits.__setitem__, found, repeat(1)))
    return int(bits.translate(_BIT_CHARS)[::-1], 2)


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


def gram_blocks(big: str, bounds: list[int], vocab: set[str] | None = None
                ) -> dict[str, list[int] | int]:
    """Each gram of ``big`` (see :func:`block_grams`) -> the blocks (cut at ``bounds``) it is
    in: their sorted numbers if few, else a bitset (bit b for block b). ``vocab``, if given,
    gets the English words of ``big`` (read from the same pieces)."""
    narrow: defaultdict[int, list[int]] = defaultdict(list)
    wide: defaultdict[int, list[int]] = defaultdict(list)
    pieces = not big.isascii()  # words: read distinct ones; pinyin, initials: windows
    for b in range(len(bounds) - 1):
        ascii_codes, wide_codes = block_codes(big[bounds[b]: bounds[b + 1]], pieces, vocab)
        # where[code].append(b) for every code, without a Python-level loop
        _drain(map(_append, map(narrow.__getitem__, ascii_codes), repeat(b)))
        _drain(map(_append, map(wide.__getitem__, wide_codes), repeat(b)))
    nblocks = len(bounds) - 1
    out: dict[str, list[int] | int] = {}
    for where, decode in ((narrow, _narrow_gram), (wide, _wide_gram)):
        for code, found in where.items():
            out[decode(code)] = found if len(found) <= SPARSE_BLOCKS else bitset(
                found, nblocks)
    return out


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


def build_grams(big: str, starts) -> dict | None:
    return GramIndex.build(big, starts) if len(big) >= GRAM_MIN_CHARS else None
