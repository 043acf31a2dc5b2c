"""Scoring one term against one field: pinyin, initials and typo alternatives, and span merging."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.search.hit import Span
from briefing.search.index import PinyinIndex
from briefing.search.query import Term
from briefing.search.words import at_word_end, at_word_start, is_word_char

MAX_SPANS = 16  # occurrences per field that are collected
#: A name the pack's glossary declares equal to the term: just below the term itself.
ALIAS_QUALITY = 98.0


@dataclass(slots=True)
class FieldMatch:
    score: float
    field: int
    spans: list[Span]



def pinyin_match(term: Term, py: PinyinIndex, i: int, quality: float,
                  spans: list[Span]) -> tuple[float, list[Span]]:
    syl = py.py_of(i)
    for needle, count in term.py_needles:
        p = syl.find(needle)
        found: list[Span] = []
        q = 0.0
        while p >= 0 and len(found) < MAX_SPANS:
            e = p + len(needle)
            complete = e == len(syl) or syl[e] == " "
            if count >= 2:
                q = max(q, 92.0 if complete else 88.0)
            else:
                q = max(q, 80.0 if complete else 70.0)
            found.append((syl.count(" ", 0, p), syl.count(" ", 0, e)))
            p = syl.find(needle, e)
        if q > quality:
            quality, spans = q, found
    if term.ini and quality < 84.0:
        ini = py.ini_of(i)
        p = ini.find(term.ini)
        found = []
        while p >= 0 and len(found) < MAX_SPANS:
            found.append((p, p + len(term.ini)))
            p = ini.find(term.ini, p + len(term.ini))
        q = 84.0 if len(term.ini) >= 3 else 76.0
        if found and q > quality:
            quality, spans = q, found
    if term.mixed and quality < 86.0:
        ini = py.ini_of(i)
        readings: list[str] | None = None
        for needle, segments in term.mixed:
            p = ini.find(needle)
            found = []
            while p >= 0 and len(found) < MAX_SPANS:
                if readings is None:
                    readings = syl.split(" ")[1:]
                got = readings[p: p + len(segments)]
                if all(r.startswith(g) for r, g in zip(got, segments, strict=True)) and all(
                        r == g for r, g in zip(got[:-1], segments[:-1], strict=True)
                        if len(g) > 1):
                    found.append((p, p + len(segments)))
                p = ini.find(needle, p + 1)
            if found:
                quality, spans = 86.0, found
                break
    return quality, spans


def alias_match(term: Term, low: str, quality: float,
                spans: list[Span]) -> tuple[float, list[Span]]:
    """The term's glossary aliases as whole words in ``low`` (``sic`` -> 碳化硅)."""
    for alias in term.aliases:
        found: list[Span] = []
        p = low.find(alias)
        while p >= 0 and len(found) < MAX_SPANS:
            e = p + len(alias)
            start = not is_word_char(alias[0]) or at_word_start(low, p)
            end = not is_word_char(alias[-1]) or at_word_end(low, e)
            if start and end:
                found.append((p, e))
            p = low.find(alias, e)
        if found:
            return ALIAS_QUALITY, found
    return quality, spans


def typo_match(term: Term, low: str, quality: float,
                spans: list[Span]) -> tuple[float, list[Span]]:
    for word, similarity in term.alts:
        q = similarity * 0.9
        if q <= quality:
            continue
        found: list[Span] = []
        p = low.find(word)
        while p >= 0 and len(found) < MAX_SPANS:
            if at_word_start(low, p):
                found.append((p, p + len(word)))
            p = low.find(word, p + len(word))
        if found:
            quality, spans = q, found
    return quality, spans


def merge(spans: set[Span], length: int) -> list[Span]:
    """Sorted, clamped, non-overlapping spans."""
    out: list[Span] = []
    for s, e in sorted(spans):
        s, e = max(0, min(s, length)), max(0, min(e, length))
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
