"""Every number as a document writes it, in one linear pass: where it is, what form it takes
(digits, a range, an ordinal, an idiom, a date) and the measure word after it.

One regular expression tries the forms in order at each place, so a date ("2026-02-02") is
taken whole before its pieces could be, and a range ("4.5%—5%") before either end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefing.authoring.reader.dates import DATE
from briefing.authoring.reader.measures import SPECIFIC, measure_at
from briefing.figures.numerals import ARABIC, CHINESE, MULTIPLIERS, RANGE_JOIN

_TOKEN = re.compile(
    rf"(?P<date>{DATE}|\d{{1,2}}\s*{RANGE_JOIN}\s*\d{{1,2}}月)"
    r"|(?P<plan>十[一二三四五六七]五)"
    r"|(?P<plus>\d+(?:\+(?:\d+|[A-Za-z]))+)"
    rf"|(?P<ordinal>第(?:{CHINESE}|\d+))"
    r"|(?P<top>前(?:[一二三四五六七八九十]{1,3}|\d{1,3})(?![\d一二三四五六七八九十]))"
    rf"|(?P<fraction>{CHINESE}分之{CHINESE}|\d+(?:\.\d+)?/\d+(?:\.\d+)?(?![\d.]))"
    rf"|(?P<range>{ARABIC}{MULTIPLIERS}(?:%|个百分点)?\s*{RANGE_JOIN}\s*{ARABIC}{MULTIPLIERS})"
    rf"|(?P<cnrange>{CHINESE}(?:至|到){CHINESE})"
    rf"|(?P<number>{ARABIC}{MULTIPLIERS})"
    r"|(?P<tenths>[一二两三四五六七八九十]成)"
    r"|(?P<idiom>翻两番|翻一番|翻番|一半|半数|零的突破)"
    r"|(?P<first>首位|居首)"
    rf"|(?P<cn>{CHINESE})")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_LATIN = re.compile(r"[A-Za-z_]")
_ENUMERATION = re.compile(r"\d{1,2}[.、．）)](?!\d)")
#: Words a hedge may put between a number and its measure word: "400余家", "260多家".
_BETWEEN = ("余", "多")
_BARE = "百千万亿"
#: Hedges a bare magnitude follows when it stands for a quantity: "超万亿元", "突破千亿".
_BARE_AFTER = ("超过", "超", "突破", "逾", "近", "达", "达到", "上")


@dataclass(frozen=True, slots=True)
class Token:
    """A number as written: ``text[start:end]`` with its measure word; ``form`` the kind of
    writing; ``number_end`` where the number stops and its measure word begins."""

    start: int
    end: int
    form: str
    number_end: int
    measure: str | None


def tokens(text: str) -> Iterator[Token]:
    """Every number of ``text`` but dates, enumeration markers and digits in Latin names."""
    for found in _TOKEN.finditer(text):
        form = found.lastgroup or ""
        start, end = found.start(), found.end()
        if form == "date" or _in_latin_name(text, start, end, form):
            continue
        if form == "number" and _ENUMERATION.match(text, start) and _line_start(text, start):
            continue
        token = _measured(text, form, start, end)
        if token is not None:
            yield token


def _in_latin_name(text: str, start: int, end: int, form: str) -> bool:
    """Digits glued to Latin letters: a name or a leftover ("OLE_LINK1", "5G", "PM2.5")."""
    if form not in ("number", "range", "plus", "fraction"):
        return False
    return bool(_LATIN.match(text, start - 1) if start else False) or bool(
        re.match(r"[A-Za-z]", text[end:end + 1]))


def _line_start(text: str, at: int) -> bool:
    before = text[max(0, at - 4):at]
    return not before.strip(" \t　") or before.endswith("\n") or (
        before.rstrip(" \t　").endswith("\n"))


def _measured(text: str, form: str, start: int, end: int) -> Token | None:
    """The token with its measure word, or None when the form only counts with one."""
    gap = 1 if text[end:end + 1] in _BETWEEN and measure_at(text, end + 1) else 0
    measure = measure_at(text, end + gap)
    stop = end + gap + len(measure) if measure else end
    written = text[start:end]
    if form == "number" and measure is None and _YEAR.fullmatch(written):
        return None  # a year with no unit of its own ("2025高校…大会")
    if form == "cn":
        if written[0] in _BARE:  # "万亿", "千亿": no leading numeral
            if not (_bare_quantity(text, start, end, measure) or text.startswith("级", end)):
                return None  # "超亿元企业": a threshold word, not a quantity
        elif measure is None and not (text.startswith("位数", end) or (
                text.startswith("级", end) and written[-1] in _BARE)):
            return None  # a numeral in a word ("统一", "一是", "两级政府")
    if form == "cnrange" and measure is None:
        return None
    if form == "first" and written == "首位" and not re.search(
            r"(?:居|列|排名|排在)[^，。；]{0,4}$", text[max(0, start - 6):start]):
        return None  # "摆在首位": a priority, not a rank
    return Token(start, stop, form, end, measure)


def _bare_quantity(text: str, start: int, end: int, measure: str | None) -> bool:
    """Whether a bare 万/亿 stands for a quantity: after a hedge, and not naming a class of
    things ("超万亿元，" and "突破千亿" are; "超亿元企业" and "千亿级" are not)."""
    after = end + (len(measure) if measure else 0)
    following = text[after:after + 1]
    closes = not following or following in "，。；、：！？）)\n的和"
    if text.endswith(_BARE_AFTER, max(0, start - 2), start):
        return closes
    return closes and measure in SPECIFIC  # "建成百万亩。": a size with a unit of its own
