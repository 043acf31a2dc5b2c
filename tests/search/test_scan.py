"""The query path's scanning shortcuts: each must find exactly what a plain ``str.find`` finds."""

from __future__ import annotations

import json
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search import grams as gram_module
from briefing.search.bulk import gram_filter
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
        return GramIndex(big, starts, json.loads(json.dumps(gram_filter(big, starts))))
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


def _holding(fields: list[str], needle: str) -> list[int]:
    return [i for i, f in enumerate(fields) if needle in f]


@settings(max_examples=300, deadline=None)
@given(fields=st.lists(st.text(alphabet, max_size=40), min_size=1, max_size=60),
       needle=st.text(alphabet, min_size=1, max_size=5),
       more=st.text(alphabet, max_size=4), before=st.booleans(), cut=st.floats(0, 1))
def test_a_longer_needle_is_found_among_the_fields_of_a_shorter_one(fields, needle, more,
                                                                    before, cut):
    """What the engine's scan does with a kept list: the fields listed, then a scan of the
    rest; the list may be complete to the end or only up to a field (``cut``)."""
    from briefing.search.field_scan import (
        FieldLists,
        blocks_from,
        fields_among,
        fields_found,
        pieces_from,
    )

    big, starts = concat(fields)
    grams = _grams(big, starts, 8)
    found = list(fields_found(starts, needle, block_pieces(big, grams.bounds,
                                                           grams.candidate_blocks(needle))))
    assert found == _holding(fields, needle)
    upto = round(cut * len(fields))
    lists = FieldLists()
    lists.keep(big, needle, array("i", [i for i in found if i < upto]), upto)
    wider = more + needle if before else needle + more
    listed, got_upto = lists.narrowest(big, wider)
    assert got_upto == upto
    got = list(fields_among(big, starts, wider, listed))
    if upto < len(fields):
        at = starts[upto]
        blocks = blocks_from(grams.bounds, grams.candidate_blocks(wider), at)
        got += fields_found(starts, wider, pieces_from(block_pieces(big, grams.bounds, blocks),
                                                       at))
    assert got == _holding(fields, wider)


def test_field_lists_keep_only_short_lists_of_needles_within_one_field():
    from briefing.search import field_scan
    from briefing.search.field_scan import FieldLists

    big, lists = "ab\x00cd\x00", FieldLists()
    lists.keep(big, "b\x00c", array("i", [0]), 2)
    lists.keep(big, "", array("i", [0, 1]), 2)
    lists.keep(big, "a", array("i", range(field_scan.MAX_FIELDS + 1)), 2)
    assert lists.narrowest(big, "ab\x00cd") is None
    lists.keep(big, "a", array("i", [0]), 1)  # complete up to field 1
    lists.keep(big, "ab", array("i", [0]), 2)  # complete to the end
    lists.keep(big, "b", array("i", [0]), 2)
    assert lists.narrowest(big, "a") == (array("i", [0]), 1)
    assert lists.narrowest(big, "zab") == (array("i", [0]), 2)
    assert lists.narrowest(big, "cd") is None and lists.narrowest("other", "ab") is None
    assert lists.narrowest(big, "zabz") is None  # in the middle: not looked for
    for k in range(field_scan.MAX_NEEDLES + 1):
        lists.keep(big, f"x{k}", array("i"), 2)
    assert lists.narrowest(big, "ab") is None  # the oldest were dropped


_word_alphabet = st.sampled_from([*"abz 研-9", "\u00df"])


def _word_scan(fields: list[str], needle: str, budget: int) -> list[int]:
    """What a word-start scan finds, read the slow way: each field's occurrences in order,
    the rest of a field passed over once one starts a word, giving up on the occurrence
    inside a word that is one more than ``budget``."""
    from briefing.search.words import at_word_start

    out = []
    for i, f in enumerate(fields):
        for p in [p for p in range(len(f)) if f.startswith(needle, p)]:
            if at_word_start(f, p):
                out.append(i)
                break
            budget -= 1
            if budget < 0:
                return out
    return out


@settings(max_examples=300, deadline=None)
@given(fields=st.lists(st.text(_word_alphabet, max_size=30), min_size=1, max_size=50),
       needle=st.text(_word_alphabet, min_size=1, max_size=3).filter(
           lambda n: n[0].isascii() and n[0].isalnum()),
       budget=st.integers(0, 40))
def test_a_word_start_scan_finds_word_starts_and_gives_up_on_its_budget(fields, needle,
                                                                         budget):
    """Fields holding a needle at a word start, in order; a scan that passes over more than
    ``budget`` occurrences inside words gives up there."""
    from briefing.search.field_scan import word_fields_found

    big, starts = concat(fields)
    grams = _grams(big, starts, 8)
    scanned = list(word_fields_found(starts, needle, block_pieces(
        big, grams.bounds, grams.candidate_blocks(needle)), budget))
    assert scanned == _word_scan(fields, needle, budget)
    every = list(word_fields_found(starts, needle, [(big, 0, 0, len(big))], 10**9))
    assert every == _word_scan(fields, needle, 10**9)
