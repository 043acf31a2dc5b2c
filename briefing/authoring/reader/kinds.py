"""What kind of figure a number is (actual, target, growth, rank…) and the year it belongs to,
from its clause, its paragraph and its section.

Rules of a careful reader: a goal-setting paragraph or section makes its numbers targets of the
year it names; "提升至76.5%" is a level reached (actual), "增长5.6%" growth, "下降11.5%" growth
below zero; 居 is a rank only as 居全国 / 位居 / 居首 (never inside 居民).
"""

from __future__ import annotations

import re

from briefing.authoring.reader.dates import governing_year
from briefing.authoring.reader.structure import Frame

_TARGET_CUES = ("力争", "确保", "目标", "争取", "预期")
_RANK_CUES = re.compile(r"(?:位居|位列|排名|排在|排第|居(?:全国|全省|全市|全球|世界|"
                        r"同类|副省级|省会|中国|国内|首|第|前)|列(?:全国|全省|全市|全球))")
_GROWTH = ("年均增长", "增长", "增加", "提高", "提升", "上涨", "上升", "增速", "增幅", "涨幅",
           "同比", "下降", "降低", "减少", "下滑", "回落", "扩大", "缩小", "净增", "多增",
           "前移", "后移", "进位", "跃升")
_CUMULATIVE = ("累计", "总计", "共计", "先后", "至今")
#: "建设以来", "已为…", "共发放": totals over time; "“十四五”以来" only frames a period.
_SO_FAR = re.compile(r"(?<![五年”])以来|已(?:为|吸引|举办|累计|培育|引进|建成|帮助|服务|支持)|"
                     r"共(?:发放|引进|支持|培育|建成|举办|吸引|帮助|服务)")
_SCOPES = (("全国", "national"), ("全省", "province"), ("全市", "city"), ("全球", "global"),
           ("世界", "global"), ("国内", "national"))


def period_of(sentence_before: str, frame: Frame, in_goal: bool,
              doc_year: int | None) -> tuple[int | None, bool]:
    """The year of a number: its sentence's governing year, else the goal sentence's, the
    paragraph's or the section's; else the document's own year. The flag says whether the
    text dated it (False: the document's year stands in)."""
    year = governing_year(sentence_before, doc_year)
    if year is None and in_goal:
        year = frame.goal_year
    if year is None:
        year = frame.year
    return (year, True) if year is not None else (doc_year, False)


def is_target(clause_before: str, year: int | None, frame: Frame, in_goal: bool,
              doc_year: int | None) -> bool:
    """A number is a target in a goal paragraph or section, with a target word in its clause,
    or when the year its text gives is still to come ("到2027年")."""
    if in_goal or frame.goal:
        return True
    if any(cue in clause_before for cue in _TARGET_CUES):
        return True
    return doc_year is not None and year is not None and year > doc_year


def kind_of(clause_before: str, form: str, unit: str | None, *, target: bool, level: bool,
            following: str, sentence_before: str = "") -> str:
    """The kind of a figure from the words of its clause before it and its own form."""
    tail = clause_before.replace("增加值", "")[-8:]  # value added is a noun, not growth
    if form == "fraction" or unit == "ratio":
        return "ratio"
    if "预计" in clause_before[-12:]:
        return "estimate"
    if target:
        return "target"
    if form in ("ordinal", "top", "first") or unit == "rank":
        return "rank"
    if _RANK_CUES.search(clause_before[-10:]):
        return "rank"
    if (any(cue in clause_before for cue in _CUMULATIVE) or following.startswith("来")
            or clause_before.endswith("连续")):
        return "cumulative"
    if not level and tail.rstrip("了约近超过").endswith(_GROWTH):
        return "growth"
    if unit not in ("percent", "percentage-points") and _SO_FAR.search(sentence_before):
        return "cumulative"
    return "actual"


def scope_of(clause_before: str) -> str | None:
    """The scope a rank names ("全国第四" -> national), the nearest one before it."""
    best: tuple[int, str] | None = None
    for word, scope in _SCOPES:
        at = clause_before.rfind(word)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, scope)
    return best[1] if best else None
