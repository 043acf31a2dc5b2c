"""Read the number inside a figure's source wording ("2.43万家", "超千亿", "全国第四", "1/2").

The pack stores every figure twice: as a plain ``value`` in base units and as the source's own
``display`` wording. This module turns the wording back into a number so the validator can prove
the two agree, and so nobody has to trust a hand-typed ``24300`` for "2.43万".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from briefing.figures.numerals import (
    ARABIC,
    CHINESE,
    DECLINE_WORDS,
    MULTIPLIERS,
    RANGE_JOIN,
    UNIT_IDIOMS,
    strip_separators,
)
from briefing.text.lazy_pattern import LazyPattern

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

#: Whole-word idioms that stand for a number in policy prose.
#: 最高 ("the highest", as in 全市最高) is a rank of 1; 零的突破 ("a breakthrough from zero")
#: is the first one ever, a count of 1 (it wins over the numeral 零 it starts with); 居首 and
#: 位居首位 are a rank of 1. Idioms
#: read by the unit they are recorded in (翻番, 一半) are in numerals.UNIT_IDIOMS.
IDIOMS = {"没有": Decimal(0), "最高": Decimal(1), "零的突破": Decimal(1), "首位": Decimal(1),
          "居首": Decimal(1)}

#: "1+8": a policy system of one core document and eight supporting ones, nine in all.
_PLUS = LazyPattern(r"(\d+)\+(\d+)(?![\d.])")
_ARABIC = LazyPattern(rf"({ARABIC})(?:\s*/\s*(\d+(?:\.\d+)?))?({MULTIPLIERS})")
_CHINESE = LazyPattern(CHINESE)
#: "三分之一" (one third) and "七成" (seven tenths, read as 70 percent).
_CN_FRACTION = LazyPattern(f"({CHINESE})分之({CHINESE})")
_TENTHS = LazyPattern(r"([一二两三四五六七八九十]|\d+(?:\.\d+)?)成")
#: A range: both ends, each with its multiplier and sign ("4.5%—5%", "3-5万", "三至五").
_RANGE = LazyPattern(
    rf"(?P<a>{ARABIC})(?P<am>{MULTIPLIERS})(?P<ap>%|个百分点)?\s*{RANGE_JOIN}\s*"
    rf"(?P<b>{ARABIC})(?P<bm>{MULTIPLIERS})(?P<bp>%|个百分点)?"
    rf"|(?P<ca>{CHINESE})(?:至|到)(?P<cb>{CHINESE})")

#: Hedging words the sources put around numbers, with an English gloss.
QUALIFIERS = {
    "超": "over",
    "超过": "over",
    "余": "more than",
    "多": "more than",
    "以上": "or more",
    "左右": "about",
    "约": "approx.",
    "近": "nearly",
    "预计": "expected",
    # ceilings and floors ("5%以内", "不少于28万人"): bounds of their own, never "nearly"
    "以内": "at most",
    "以下": "at most",
    "不超过": "no more than",
    "不高于": "no more than",
    "不少于": "at least",
    "不低于": "at least",
    "前": "top",  # 前三, 全省前三: a rank of 3 or better
}


@dataclass(frozen=True, slots=True)
class NumberReading:
    """The number a display states: ``value`` in base units, ``high`` the top of a range
    ("4.5%—5%" is 4.5 to 5), and where in the display it is written."""

    value: float
    high: float | None
    start: int
    end: int


def chinese_to_decimal(text: str) -> Decimal:
    """Value of a run of Chinese numerals: "十七" -> 17, "千亿" -> 1e11, "两" -> 2."""
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    for ch in text:
        if ch in _DIGITS:
            number = Decimal(_DIGITS[ch])
        elif ch in _SMALL_UNITS:
            section += (number if number is not None else 1) * _SMALL_UNITS[ch]
            number = None
        else:  # 万 / 亿 scale everything read so far in this section
            part = section + (number or 0)
            if part == 0:
                part = Decimal(1) if total == 0 else Decimal(0)
            if ch == "亿":
                total = (total + part) * _BIG_UNITS[ch]
            else:
                total += part * _BIG_UNITS[ch]
            section = Decimal(0)
            number = None
    return total + section + (number or 0)


def _scale(multipliers: str) -> Decimal:
    scale = Decimal(1)
    for ch in multipliers:
        scale *= _SMALL_UNITS.get(ch) or _BIG_UNITS[ch]
    return scale


def _arabic(digits: str, multipliers: str = "") -> Decimal:
    return Decimal(strip_separators(digits)) * _scale(multipliers)


def _first(display: str, unit: str | None) -> tuple[int, int, Decimal] | None:
    """(start, end, value) of the first number written in ``display``."""
    best: tuple[int, int, Decimal] | None = None
    plus = _PLUS.search(display)
    arabic = _ARABIC.search(display)
    if plus and arabic and plus.start() == arabic.start():
        best = (plus.start(), plus.end(), Decimal(plus.group(1)) + Decimal(plus.group(2)))
    elif arabic:
        try:
            value = Decimal(strip_separators(arabic.group(1)))
            if arabic.group(2):
                value = value / Decimal(arabic.group(2))
            best = (arabic.start(), arabic.end(), value * _scale(arabic.group(3)))
        except (InvalidOperation, ZeroDivisionError):
            best = None
    chinese = _CHINESE.search(display)
    if chinese and (best is None or chinese.start() < best[0]):
        best = (chinese.start(), chinese.end(), chinese_to_decimal(chinese.group()))
    fraction = _CN_FRACTION.search(display)
    if fraction and (best is None or fraction.start() <= best[0]):
        whole = chinese_to_decimal(fraction.group(1))
        if whole:
            best = (fraction.start(), fraction.end(),
                    chinese_to_decimal(fraction.group(2)) / whole)
    tenths = _TENTHS.search(display)
    if tenths and (best is None or tenths.start() <= best[0]):
        digit = tenths.group(1)
        tens = Decimal(digit) if digit[0].isdigit() else chinese_to_decimal(digit)
        best = (tenths.start(), tenths.end(), tens * 10)
    for idiom, value in IDIOMS.items():
        pos = display.find(idiom)
        if pos >= 0 and (best is None or pos <= best[0]):
            best = (pos, pos + len(idiom), value)
    for idiom, by_unit in UNIT_IDIOMS.items():
        pos = display.find(idiom)
        if pos >= 0 and (best is None or pos <= best[0]):
            amount = by_unit.get(unit, by_unit[None])
            best = (pos, pos + len(idiom), Decimal(str(amount)))
    return best


def _range_at(display: str, start: int) -> tuple[int, Decimal, Decimal] | None:
    """(end, low, high) of a range written from ``start``, or None."""
    found = _RANGE.match(display, start)
    if not found:
        return None
    if found.group("ca"):
        low, high = chinese_to_decimal(found.group("ca")), chinese_to_decimal(found.group("cb"))
    else:
        try:
            # "3-5万": the multiplier written once, after the high end, applies to both
            low_scale = found.group("am") or ("" if found.group("ap") else found.group("bm"))
            low = _arabic(found.group("a"), low_scale)
            high = _arabic(found.group("b"), found.group("bm"))
        except InvalidOperation:
            return None
    return (found.end(), low, high) if high > low else None


def read_number(display: str, unit: str | None = None) -> NumberReading | None:
    """The number ``display`` states, in base units, or None if it states none.

    Arabic numbers may carry 万/亿/千 multipliers ("432亿" -> 4.32e10; the 千 of 千瓦 is
    the unit's) and thousands separators ("1,250"), or be fractions ("1/5" -> 0.2,
    "三分之一" -> 1/3); Chinese numerals are read in full ("第十七届" -> 17, "超万亿" ->
    1e12); "七成" is 70 (percent); "1+8" (a core policy and eight supporting ones) is 9;
    idioms count too ("翻番" is 2 times, or 100 when ``unit`` is percent). Percent signs
    are kept as the percent value (4.15% -> 4.15), as are percentage points. A range
    ("4.5%—5%") reads as its low end with ``high`` its top; a decline ("下降11.5%") is
    negative.
    """
    first = _first(display, unit)
    if first is None:
        return None
    start, end, value = first
    high: Decimal | None = None
    ranged = _range_at(display, start)
    if ranged:
        end, value, high = ranged
    if display[:start].rstrip("约近超").endswith(DECLINE_WORDS):
        value, high = (-high, -value) if high is not None else (-value, None)
    return NumberReading(value=float(value), high=None if high is None else float(high),
                         start=start, end=end)


def parse_display(display: str) -> float | None:
    """The value ``display`` states (the low end of a range), or None; see read_number."""
    reading = read_number(display)
    return None if reading is None else reading.value


def fraction_text(display: str) -> str | None:
    """The fraction a display writes, in digits: "1/5" -> "1/5", "三分之一" -> "1/3"."""
    arabic = re.search(r"\d+(?:\.\d+)?/\d+", display)
    if arabic:
        return arabic.group()
    chinese = _CN_FRACTION.search(display)
    if chinese:
        den, num = chinese_to_decimal(chinese.group(1)), chinese_to_decimal(chinese.group(2))
        return f"{num}/{den}"
    return None


def format_value(value: float) -> str:
    """A compact, exact-looking rendering of a base-unit value: 24300 -> "24,300"."""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")
