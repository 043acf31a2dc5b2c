"""Index building: the n-gram filter and the pinyin of many fields, read the cheapest way.

Small inputs are read in plain Python; large ones (a library's) by numpy arrays
(:mod:`.gram_arrays`, :mod:`.pinyin_arrays`), and one half of the work may run in a second
process (:mod:`.parallel`). Only builds import this package, and numpy loads only when an input
is large enough to pay for it: a search, and a small pack's build, never import it.
"""

from __future__ import annotations

from briefing.search.grams import GRAM_MIN_CHARS, block_size, block_starts
from briefing.search.readings import NO_READING, Pinyin, _one_by_one, _syllables

#: Below this many characters, fields are read one by one (no tables to set up).
TABLE_MIN_CHARS = 1_000_000


def build_grams(big: str, starts) -> dict | None:
    """:func:`gram_filter` of ``big``, or None when ``big`` is short enough to scan whole."""
    return gram_filter(big, starts) if len(big) >= GRAM_MIN_CHARS else None


def gram_filter(big: str, starts) -> dict:
    """The n-gram block filter of ``big`` as stored in a JSON index (a bitset as hex), what
    :class:`~briefing.search.grams.GramIndex` reads."""
    from briefing.search.bulk.gram_arrays import gram_blocks

    blocks = block_starts(starts, block_size(len(big)))
    bounds = [starts[b] for b in blocks] + [len(big)]
    return {"blocks": blocks, "grams": {g: format(v, "x") if isinstance(v, int) else v
                                        for g, v in gram_blocks(big, bounds).items()}}


def read_fields(engine: Pinyin, texts: list[str], progress=None
                ) -> tuple[list[str], list[str], set[str]]:
    """(pinyins, initials, syllables but :data:`NO_READING`) of ``texts``: translated by a
    :class:`~.pinyin_arrays.FieldReader` when there are enough characters to pay for its
    tables (about 0.3 s), else field by field. ``progress(done, total)`` is told of the fields
    read."""
    if sum(map(len, texts)) < TABLE_MIN_CHARS:
        py, ini = _one_by_one(engine, texts, progress)
        syllables = _syllables(py)
        syllables.discard(NO_READING)
        return py, ini, syllables
    from briefing.search.bulk.pinyin_arrays import FieldReader

    if progress:
        progress(0, len(texts))
    return FieldReader(engine).fields(texts)
