"""Time in a report's prose: dates (never figures), the year a clause governs, and the year a
baseline only compares against.

"比2020年增加4200亿元" compares with 2020 but happened in the year under review; "从2020年的
3.1%" is 2020's own value; "到2035年" governs its own sentence and no other; "十五五" ends in
2030, so its list of goals are targets for 2030.
"""

from __future__ import annotations

import re

from briefing.figures.numerals import RANGE_JOIN

#: A year or plan that may govern the numbers after it in its sentence.
GOVERNING_YEAR = re.compile(
    r"(?P<base>比|较|与|同|从|相比)?(?P<to>到|至|截至|截止到|截止)?"
    r"(?:(?P<year>(?:19|20)\d{2})(?:年(?P<since>以来|来)?|(?=" + RANGE_JOIN + r"(?:19|20)\d{2}年))"
    r"|(?P<rel>今年|去年|上年|上一年|明年|本年|目前|当前|截至目前|现阶段)"
    r"|(?P<plan>十[一二三四五六七]五))")
_PLAN_NUMBER = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15, "六": 16, "七": 17}
_PLAN = re.compile(r"十([一二三四五六七])五")
_SINCE = re.compile(r"”?(?:以来|至今|开始|起，)")
_STAGE = re.compile(r"”?(?:规划)?(?:开局|收官|起步|的第|第一年|首年|之年)")
#: Dates and spans of a year written in digits: never figures, and never pieces of them.
DATE = (r"(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?!\d)"
        r"|(?:19|20)\d{2}\s*" + RANGE_JOIN + r"\s*(?:19|20)\d{2}年"
        r"|(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}[日号])?)?"
        r"|\d{1,2}月(?:\d{1,2}[日号]|(?:上|中|下)旬|底|初|末)?(?:" + RANGE_JOIN + r"\d{1,2}月)?"
        r"|\d{1,2}[日号](?=[，。、；至到—\s]|$)"
        r"|前(?:[一二三四]|\d)季度|前(?:[一二三四五六七八九十]{1,2}|\d{1,2})个月"
        r"|[一二三四]季度|第[一二三四]季度|上半年|下半年")


def plan_end_year(words: str) -> int | None:
    """The last year of the five-year plan ``words`` names: "十五五" -> 2030, else None."""
    found = _PLAN.search(words)
    return 2010 + 5 * (_PLAN_NUMBER[found.group(1)] - 11) if found else None


def doc_year_of(opening: str, headings: list[str]) -> int | None:
    """The latest year the opening lines and headings name (not a "到2035年" horizon)."""
    years = []
    for words in (opening, *headings):
        for found in GOVERNING_YEAR.finditer(words):
            if found.group("year") and not found.group("to") and not found.group("base"):
                years.append(int(found.group("year")))
    return max(years) if years else None


def governing_year(before: str, doc_year: int | None) -> int | None:
    """The year the sentence so far (``before``, ending at a number) puts that number in.

    The nearest time expression wins, except a baseline ("比2020年", "较上年") and a start
    ("2020年以来"); "从2020年的" right before the number is that number's own year.
    """
    for found in reversed(list(GOVERNING_YEAR.finditer(before))):
        base, year = found.group("base"), found.group("year")
        if base:
            if base == "从" and year and before[found.end():] == "的":
                return int(year)
            continue
        if found.group("since") or _SINCE.match(before, found.end()) or (
                found.group("plan") and _STAGE.match(before, found.end())):
            continue  # "2020年以来", "“十三五”至今"; "2026年是“十五五”开局之年" (a stage)
        if year:
            return int(year)
        if found.group("plan"):
            return plan_end_year(found.group("plan"))
        rel = found.group("rel")
        if doc_year is None:
            continue
        if rel in ("去年", "上年", "上一年"):
            return doc_year - 1
        return doc_year + 1 if rel == "明年" else doc_year
    return None
