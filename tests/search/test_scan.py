"""The query path's scanning shortcuts: each must find exactly what a plain ``str.find`` finds."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search import grams as gram_module
from briefing.search.fields import concat
from briefing.search.grams import GramIndex
from briefing.search.source import block_pieces

alphabet = st.sampled_from([*"abcde 研发机构人才-", "\u00df", "İ"])


def _occurrences(hay: str, needle: str, lo: int = 0, hi: int | None = None) -> list[int]:
    hi = len(hay) if hi is None else hi
    out, p = [], hay.find(needle, lo, hi)
    while p >= 0:
        out.append(p)
        p = hay.find(needle, p + 1, hi)
    return out


def _grams(big: str, starts, sparse: int) -> GramIndex:
    saved = gram_module.GRAM_MIN_BLOCK, gram_module.SPARSE_BLOCKS
    gram_module.GRAM_MIN_BLOCK, gram_module.SPARSE_BLOCKS = 16, sparse  # many small blocks
    try:
        return GramIndex(big, starts, json.loads(json.dumps(GramIndex.build(big, starts))))
    finally:
        gram_module.GRAM_MIN_BLOCK, gram_module.SPARSE_BLOCKS = saved


@settings(max_examples=200, deadline=None)
@given(fields=st.lists(st.text(alphabet, max_size=40), min_size=1, max_size=60),
       needle=st.text(alphabet, min_size=1, max_size=5), sparse=st.integers(0, 30))
def test_scanning_the_candidate_blocks_finds_every_occurrence(fields, needle, sparse):
    big, starts = concat(fields)
    grams = _grams(big, starts, sparse)  # sparse: grams in few blocks are lists, else bits
    blocks = list(grams.candidate_blocks(needle))
    assert blocks == sorted(set(blocks))
    assert grams.candidates(needle) == [(grams.bounds[b], grams.bounds[b + 1]) for b in blocks]
    found = [base + p for hay, base, lo, hi in block_pieces(big, grams.bounds, blocks)
             for p in _occurrences(hay, needle, lo, hi)]
    assert found == _occurrences(big, needle)
