"""Find the numbers in a Chinese policy document, the way a figure would record them.

The rule for what is *not* a figure (shared by ``stub`` and ``coverage``, documented in
docs/writing-a-briefing.md):

* dates: a year (a four-digit number from 1900 to 2100 with no unit of its own, as in
  "2024年" or "2025高校技术转移转化大会"), a month ("7月") and a day ("10日");
* enumeration markers: "一是", "二是", "（三）", "四、" — they number paragraphs, not things;
* digits glued to Latin letters ("OLE_LINK1", "5G"): part of a name or a conversion leftover;
* a bare 万 or 亿 with no digit before it ("超亿元企业"): a threshold word, not a quantity;
* ordinals inside names stay figures ("第十七届" counts editions; "全国第一" is a rank).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from briefing.figures.reading import parse_display

_CN = "零〇一二两三四五六七八九十百千万亿"
_MEASURES = "家个项人名倍届条件只所次位年座台套元亿万%成"
#: A number as written: hedge-free, with its multiplier, fraction, percent or measure word.
NUMBER = re.compile(
    rf"第[{_CN}\d]+[名位届次批]?"                       # ordinals: 第十七届, 第一
    rf"|[{_CN}]+分之[{_CN}]+"                          # 三分之一
    rf"|\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)?[十百千万亿]*(?:个百分点|%|‰)?"
    rf"|[一二两三四五六七八九十]成"                       # 七成
    rf"|[{_CN}]{{1,6}}(?=[{_MEASURES}])"                # 三项, 两个, 千亿
    rf"|翻一番|翻番"
)
_YEAR = re.compile(r"^(19|20)\d{2}$")
_ENUMERATION_AFTER = ("是", "、", "）", ")", "要", "方面")
#: Measure words after a number and the unit id a stub guesses for them.
UNIT_GUESS = [("个百分点", "percentage-points"), ("%", "percent"), ("成", "percent"),
              ("亿元", "yuan"), ("万元", "yuan"), ("元", "yuan"), ("家", "enterprises"),
              ("人", "people"), ("名", "people"), ("倍", "times"), ("届", "editions"),
              ("年", "years"), ("项", "items"), ("个", "items"), ("件", "items"),
              ("条", "items"), ("所", "items"), ("座", "items"), ("位", "people")]
_KIND_CUES = [("target", ("力争", "目标", "将", "计划", "确保")), ("estimate", ("预计",)),
              ("rank", ("排名", "位居", "居", "位列", "排在")),
              ("cumulative", ("累计", "连续")),
              ("growth", ("增长", "提高", "提升", "增加", "同比", "增速"))]
_CLAUSE_END = "，。；：！？\n"
_HEDGES_BEFORE = ("超过", "超", "约", "近", "逾", "突破", "接近", "预计")
_HEDGES_AFTER = ("余", "多", "以上", "左右")


@dataclass(frozen=True, slots=True)
class Mention:
    """One number in a document: where it is, how it is written, and a guess at its meaning."""

    start: int
    end: int
    text: str  # the number as written, with its measure word ("1200家", "三分之一")
    value: float
    unit: str | None
    qualifier: str | None
    kind: str
    clause: str  # the verbatim clause around it (a quote)
    sentence: str  # the verbatim sentence around it
    period: str | None  # the nearest year before it
    line: int


def _is_date(text: str, number: str, start: int, end: int) -> bool:
    after = text[end:end + 1]
    digits = number.rstrip("%")
    if _YEAR.match(digits) and (after in "年-—–至~／/ " or not after.strip()
                                or after not in _MEASURES):
        return True
    if digits.isdigit() and after == "月" and 1 <= int(digits) <= 12:
        return True
    return digits.isdigit() and after in "日号" and text[start - 1:start] == "月"


def _in_latin_name(text: str, start: int, end: int) -> bool:
    """Digits glued to Latin letters: a name or a leftover ("OLE_LINK1", "5G")."""
    return bool(re.match(r"[A-Za-z_]", text[start - 1:start])
                or re.match(r"[A-Za-z]", text[end:end + 1]))


def _is_enumeration(text: str, number: str, start: int, end: int) -> bool:
    if number.startswith("第") or any(ch.isdigit() for ch in number):
        before = text[start - 1:start]
        return before in "（(" and text[end:end + 1] in "）)"
    return text.startswith(_ENUMERATION_AFTER, end) or text[start - 1:start] in "（("


def _span(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in stops) + 1
    rights = [i for i in (text.find(ch, end) for ch in stops) if i >= 0]
    return left, min(rights) if rights else len(text)


def _with_measure(text: str, start: int, end: int) -> tuple[int, str | None]:
    """Extend the mention over its measure word; the unit id guessed from it."""
    if text[end:end + 1] in ("余", "多") and any(text.startswith(w, end + 1)
                                                 for w, _ in UNIT_GUESS):
        end += 1  # "400余家": the hedge sits between the number and its measure word
    for word, unit in UNIT_GUESS:
        if text.startswith(word, end):
            return end + len(word), unit
        if text[start:end].endswith(word):
            return end, unit
    if text[start:end].startswith("第"):
        return end, "rank"
    if "分之" in text[start:end] or re.search(r"\d/\d", text[start:end]):
        return end, "ratio"
    return end, None


def _hedge(text: str, start: int, end: int, extra: tuple[str, ...]) -> str | None:
    for word in sorted(_HEDGES_BEFORE + extra, key=len, reverse=True):
        if text.endswith(word, 0, start):
            return word
    for word in _HEDGES_AFTER:
        if text.startswith(word, end) or word in text[start:end]:
            return word
    return None


def _kind(clause_before: str, number: str, unit: str | None) -> str:
    if number.startswith("第"):
        return "rank" if not number.endswith(("届", "次", "批")) else "actual"
    if unit == "ratio":
        return "ratio"
    clause_before = clause_before.replace("增加值", "")  # value added, a noun
    for kind, cues in _KIND_CUES:
        if any(cue in clause_before for cue in cues):
            return kind
    return "actual"


def find_numbers(text: str, hedges: tuple[str, ...] = ()) -> list[Mention]:
    """Every figure-like number in ``text`` (dates and enumeration markers left out)."""
    years = [(m.start(), m.group(1)) for m in re.finditer(r"((?:19|20)\d{2})年", text)]
    found: list[Mention] = []
    for match in NUMBER.finditer(text):
        start, end, number = match.start(), match.end(), match.group()
        if (_is_date(text, number, start, end) or _is_enumeration(text, number, start, end)
                or _in_latin_name(text, start, end)):
            continue
        end, unit = _with_measure(text, start, end)
        written = text[start:end]
        value = parse_display(written)
        if value is None or not re.search(r"[\d一二两三四五六七八九十百千]", number):
            continue
        if unit == "yuan" and "元" not in written[-1:]:
            unit = None
        c_left, c_right = _span(text, start, end, _CLAUSE_END)
        s_left, s_right = _span(text, start, end, "。；！？\n")
        before = [y for pos, y in years if pos < start]
        qualifier = _hedge(text, start, end, hedges)
        q_start = start - len(qualifier) if qualifier and text.endswith(qualifier, 0, start) \
            else start
        found.append(Mention(
            start=start, end=end, text=written, value=float(Decimal(str(value))), unit=unit,
            qualifier=qualifier, kind=_kind(text[c_left:q_start], number, unit),
            clause=text[c_left:c_right].strip(), sentence=text[s_left:s_right].strip(),
            period=before[-1] if before else None, line=text.count("\n", 0, start) + 1))
    return found
