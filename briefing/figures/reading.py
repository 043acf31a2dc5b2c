"""Read the number inside a figure's source wording ("2.43万家", "超千亿", "全国第四", "1/2").

The pack stores every figure twice: as a plain ``value`` in base units and as the source's own
``display`` wording. This module turns the wording back into a number so the validator can prove
the two agree, and so nobody has to trust a hand-typed ``24300`` for "2.43万".
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from briefing.text.lazy_pattern import LazyPattern

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

#: Whole-word idioms that stand for a number in policy prose.
#: 最高 ("the highest", as in 全市最高) is a rank of 1; 零的突破 ("a breakthrough from zero")
#: is the first one ever, a count of 1 (it wins over the numeral 零 it starts with).
IDIOMS = {"翻番": Decimal(2), "翻一番": Decimal(2), "没有": Decimal(0), "最高": Decimal(1),
          "零的突破": Decimal(1)}

#: "1+8": a policy system of one core document and eight supporting ones, nine in all.
_PLUS = LazyPattern(r"(\d+)\+(\d+)(?![\d.])")
_ARABIC = LazyPattern(r"(\d+(?:\.\d+)?)(?:\s*/\s*(\d+(?:\.\d+)?))?([十百千万亿]*)")
_CHINESE = LazyPattern(f"[{_CN_CHARS}]+")
#: "三分之一" (one third) and "七成" (seven tenths, read as 70 percent).
_CN_FRACTION = LazyPattern(f"([{_CN_CHARS}]+)分之([{_CN_CHARS}]+)")
_TENTHS = LazyPattern(r"([一二两三四五六七八九十]|\d+(?:\.\d+)?)成")

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
}


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


def parse_display(display: str) -> float | None:
    """The first number expressed in ``display``, in base units, or None if there is none.

    Arabic numbers may carry 万/亿/千 multipliers ("432亿" -> 4.32e10) or be fractions
    ("1/5" -> 0.2, "三分之一" -> 1/3); Chinese numerals are read in full ("第十七届" -> 17);
    "七成" is 70 (percent); "1+8" (a core policy and eight supporting ones) is 9; a few
    idioms ("翻番" -> 2) count too. Percent signs are kept as
    the percent value (4.15% -> 4.15), as are percentage points ("20.3个百分点" -> 20.3).
    """
    best: tuple[int, Decimal] | None = None
    plus = _PLUS.search(display)
    arabic = _ARABIC.search(display)
    if plus and arabic and plus.start() == arabic.start():
        best = (plus.start(), Decimal(plus.group(1)) + Decimal(plus.group(2)))
    elif arabic:
        try:
            value = Decimal(arabic.group(1))
            if arabic.group(2):
                value = value / Decimal(arabic.group(2))
            value *= _scale(arabic.group(3))
            best = (arabic.start(), value)
        except (InvalidOperation, ZeroDivisionError):
            best = None
    chinese = _CHINESE.search(display)
    if chinese and (best is None or chinese.start() < best[0]):
        best = (chinese.start(), chinese_to_decimal(chinese.group()))
    fraction = _CN_FRACTION.search(display)
    if fraction and (best is None or fraction.start() <= best[0]):
        whole = chinese_to_decimal(fraction.group(1))
        if whole:
            best = (fraction.start(), chinese_to_decimal(fraction.group(2)) / whole)
    tenths = _TENTHS.search(display)
    if tenths and (best is None or tenths.start() <= best[0]):
        digit = tenths.group(1)
        tens = Decimal(digit) if digit[0].isdigit() else chinese_to_decimal(digit)
        best = (tenths.start(), tens * 10)
    for idiom, value in IDIOMS.items():
        pos = display.find(idiom)
        if pos >= 0 and (best is None or pos <= best[0]):
            best = (pos, value)
    if best is None:
        return None
    return float(best[1])


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
