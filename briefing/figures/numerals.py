"""How Chinese prose writes a number, as patterns: shared by the validator's reading of a
figure's ``display`` (:mod:`briefing.figures.reading`) and the document reader that drafts
figures (:mod:`briefing.authoring.reader`), so both read "450亿千瓦时" and "1,250" alike.
"""

from __future__ import annotations

CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUMERALS = CN_DIGITS + "十百千万亿"
#: What follows a 千 that starts a unit rather than multiplying: 千瓦 (kW), 千瓦时, 千米, 千克,
#: 千伏, 千帕, 千焦, 千卡, 千兆 ("450亿千瓦时" is 45 billion kWh, not 45 trillion).
UNIT_AFTER_THOUSAND = "瓦米克伏帕焦卡兆"
#: Multipliers written after digits ("2.43万", "432亿", "3千"), never the 千 of a unit.
MULTIPLIERS = rf"(?:[十百万亿]|千(?![{UNIT_AFTER_THOUSAND}]))*"
#: Digits, with thousands separators read whole ("1,250" is 1250, not 250).
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?)"
#: Chinese numerals, without the 千 of a unit.
CHINESE = rf"(?:[{CN_DIGITS}十百万亿]|千(?![{UNIT_AFTER_THOUSAND}]))+"
#: What joins the two ends of a range: 4.5%—5%, 5%-5.5%, 4.5%至5%, 3~5万.
RANGE_JOIN = r"(?:——|—|–|-|－|~|～|至|到)"
#: Words before a number that make it a decline ("下降11.5%" is growth of -11.5%).
DECLINE_WORDS = ("下降", "降低", "减少", "下滑", "回落", "下跌", "缩减")
#: Idioms whose value depends on the unit the figure records them in: 翻番 (doubled) is
#: 2 times, or growth of 100 percent; 一半 (half) is 50 percent, or a ratio of 0.5.
UNIT_IDIOMS: dict[str, dict[str | None, float]] = {
    "翻两番": {None: 4, "times": 4, "percent": 300},
    "翻一番": {None: 2, "times": 2, "percent": 100},
    "翻番": {None: 2, "times": 2, "percent": 100},
    "一半": {None: 50, "percent": 50, "ratio": 0.5},
    "半数": {None: 50, "percent": 50, "ratio": 0.5},
}


def strip_separators(digits: str) -> str:
    """ "1,250.5" -> "1250.5": thousands separators say nothing about the value."""
    return digits.replace(",", "")
