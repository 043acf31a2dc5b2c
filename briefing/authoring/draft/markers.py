"""The numbering marks Chinese reports put before their headings and paragraphs, and the
words of a heading after its mark.

A report numbers its parts in a fixed order of styles: 第一部分 above 第一章 above 第一节
above 一、 above （一） above 1. / 1、 above （1）, with 一是 / 第一， listing points inside a
paragraph or as paragraphs of their own. A mark counts only where it can number something:
at a paragraph's start, or (for 一是 and 第一，) at the start of a sentence or clause, and
only in sequence (the first of its style, or one more than the last) so "三、" inside a
sentence or a stray "10、" is text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十"
#: Styles from the outermost to the innermost; an annex (附件, 名词解释) sits above them all.
ANNEX, PART, CHAPTER, CLAUSE, TOP, PAREN, NUM, PNUM, POINT = range(-1, 8)
_LINE_MARKS = (
    (PART, re.compile(rf"第([{_CN}]{{1,3}})(?:部分|篇|编)[　 ]*")),
    (CHAPTER, re.compile(rf"第([{_CN}]{{1,3}})章[　 ]*")),
    (CLAUSE, re.compile(rf"第([{_CN}]{{1,3}})节[　 ]*")),
    (TOP, re.compile(rf"([{_CN}]{{1,3}})[、．.][　 ]*")),
    (PAREN, re.compile(rf"[（(]([{_CN}]{{1,3}})[）)][　 ]*")),
    (NUM, re.compile(r"(\d{1,2})(?:[、．]|\.(?!\d))[　 ]*")),
    (PNUM, re.compile(r"[（(](\d{1,2})[）)][　 ]*")),
    (POINT, re.compile(rf"([{_CN}]{{1,3}})是|第([{_CN}]{{1,3}})[，,、]")),
)
#: 一是 / 第一， listing points inside a paragraph: at its start, or after a stop or a comma.
_POINT = rf"(?:([{_CN}]{{1,3}})是|第([{_CN}]{{1,3}})[，,、])"
INLINE_POINT = re.compile(rf"(?<=[。；：！？;:!?，,])[　 ]*{_POINT}")
_POINT_AT = re.compile(_POINT)
ANNEX_LINE = re.compile(r"[　 ]*(?:附件[　 ]*\d*|附表[　 ]*\d*|附[：:]|名词解释|名词注释)"
                        r"(?:[：:　 ].{0,40})?$")
#: Where a heading's own words end: the first full stop (a heading may open its paragraph).
_HEAD_STOPS = "。！？；：:"
MAX_TITLE = 30
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Mark:
    """A numbering mark at ``text[start:end]``: its style and its number (1 for 一)."""

    style: int
    number: int
    start: int
    end: int


def cn_number(word: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20 (the numbers marks use)."""
    digits = {ch: n for n, ch in enumerate(_CN, 1)}
    if word.isdigit():
        return int(word)
    if "十" not in word:
        return digits.get(word, 0)
    tens, _, ones = word.partition("十")
    return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)


def line_mark(text: str, start: int, end: int) -> Mark | None:
    """The mark that opens the paragraph ``text[start:end]``, if any."""
    at = start
    while at < end and text[at] in " \t\u3000":
        at += 1
    for style, pattern in _LINE_MARKS:
        found = pattern.match(text, at, end)
        if found and found.end() < end:  # a mark alone on its line numbers nothing
            word = next(g for g in found.groups() if g)
            return Mark(style, cn_number(word), at, found.end())
    return None


def inline_points(text: str, start: int, end: int) -> list[Mark]:
    """The 一是, 二是, … (or 第一，第二，…) listing points inside ``text[start:end]``, in
    sequence from 一; none unless there are at least two."""
    chain: list[Mark] = []
    first = _POINT_AT.match(text, start, end)
    for found in ([first] if first else []) + list(INLINE_POINT.finditer(text, start, end)):
        word = found.group(1) or found.group(2)
        number = cn_number(word)
        mark = Mark(POINT, number, found.start() + _indent(found.group()), found.end())
        if number == len(chain) + 1:
            chain.append(mark)
        elif number == 1 and len(chain) < 2:
            chain = [mark]  # a list that starts again: keep the later one
    return chain if len(chain) >= 2 else []


def _indent(matched: str) -> int:
    return len(matched) - len(matched.lstrip(" \u3000"))


def is_annex(text: str, start: int, end: int) -> bool:
    """A line that opens an annex or a glossary at the end of a report (附件1, 名词解释)."""
    return end - start <= 50 and bool(ANNEX_LINE.match(text, start, end))


def head_end(text: str, start: int, end: int) -> int:
    """Where the heading words starting at ``start`` end: the first full stop, or the line's
    end; cut at its first comma when long or when numbers follow (they are its text's)."""
    stops = [i for i in (text.find(ch, start, end) for ch in _HEAD_STOPS) if i >= 0]
    stop = min(stops) if stops else end
    commas = [i for i in (text.find(ch, start, stop) for ch in "，,") if i > start]
    if commas and (stop - start > MAX_TITLE or _DIGIT.search(text, min(commas), stop)):
        stop = min(commas)  # a long heading, or one that goes on to its numbers
    return stop


def title_of(text: str, start: int, end: int) -> str:
    """A heading's words as a title: trimmed, at most :data:`MAX_TITLE` characters."""
    words = text[start:end].strip(" \t\u3000，,、；;：:")
    return words if len(words) <= MAX_TITLE else words[:MAX_TITLE - 1] + "…"
