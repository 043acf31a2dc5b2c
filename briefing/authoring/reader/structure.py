"""A document's paragraphs and headings, and what each says of time: the year it reviews or
plans, and whether it sets goals.

A report's numbers mean what their section and paragraph make them: "地区生产总值增长5%左右"
is an actual under "一、2025年工作回顾" and a target under "今年经济社会发展的主要预期目标是：".
The caller may pass its own blocks (a draft that has read the headings); otherwise each line is
a block and a line that starts with a heading marker ("一、", "（一）", "第一部分") is a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from briefing.authoring.reader.dates import GOVERNING_YEAR, doc_year_of, plan_end_year

_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|"
                      r"第[一二三四五六七八九十]+(?:部分|章|节)|\d+[.、](?!\d))")
_LEVELS = ((re.compile(r"\s*(?:第[一二三四五六七八九十]+(?:部分|章))"), 1),
           (re.compile(r"\s*[一二三四五六七八九十]+、"), 1),
           (re.compile(r"\s*（[一二三四五六七八九十]+）"), 2),
           (re.compile(r"\s*\d+[.、]"), 3))
#: Words of a heading or sentence that sets goals: its numbers are targets.
GOAL_WORDS = ("主要预期目标", "预期目标", "主要目标", "总体目标", "目标任务", "工作安排",
              "工作打算", "工作思路", "工作要点", "重点工作", "主要任务", "重点任务",
              "工作重点", "发展目标", "奋斗目标", "工作计划", "主要工作")
#: Words of a heading that reviews: its numbers are actuals of the year it names.
REVIEW_WORDS = ("回顾", "总结", "成就", "成绩", "进展", "完成情况")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or heading of the document: ``text[start:end]``."""

    start: int
    end: int
    heading: bool = False
    level: int = 0  # headings: 1 for "一、", 2 for "（一）", 3 for "1."


@dataclass(slots=True)
class Frame:
    """What a block's place in the document says of the time of its numbers."""

    goal: bool = False  # under a heading, or after a sentence, that sets goals
    year: int | None = None  # the year the heading or paragraph names
    goal_from: int | None = None  # offset in the block where a goal-setting sentence starts
    goal_year: int | None = None  # the year that sentence names ("今年", "十五五")
    chain: list[str] = field(default_factory=list)  # the headings above, outermost first


def lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with its offset, without its line break. Only a newline ends a
    line: ``str.splitlines`` also breaks at U+2028, form feeds and the like, and a paragraph
    holding one would no longer be its text verbatim."""
    at = 0
    for line in text.split("\n"):
        yield at, line.removesuffix("\r")
        at += len(line) + 1


def blocks_of(text: str) -> list[Block]:
    """Each non-empty line a block; lines starting with a heading marker are headings."""
    blocks = []
    for at, body in lines(text):
        if body.strip():
            level = _level(body)
            blocks.append(Block(at, at + len(body), heading=level > 0, level=level))
    return blocks


def _level(line: str) -> int:
    if not _HEADING.match(line):
        return 0
    return next(level for pattern, level in _LEVELS if pattern.match(line))


def _head(text: str) -> str:
    """A heading's own words: up to its first full stop (a heading may run into its text)."""
    stop = text.find("。")
    return text[:stop] if stop >= 0 else text


def heading_year(words: str, doc_year: int | None) -> int | None:
    """The year a heading is about: its first year, or its plan's last ("十五五" -> 2030)."""
    years = [int(m.group("year")) for m in GOVERNING_YEAR.finditer(words) if m.group("year")]
    plan = plan_end_year(words)
    if plan and (not years or (doc_year and plan >= doc_year > max(years))):
        return plan
    return years[0] if years else plan


def frames(text: str, blocks: list[Block], doc_year: int | None) -> list[Frame]:
    """The frame of every block, from the headings above it and its own sentences."""
    stack: list[tuple[int, str, bool, int | None]] = []  # (level, words, goal, year)
    result = []
    for block in blocks:
        words = text[block.start:block.end]
        if block.heading:
            head = _head(words)
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            goal = _says_goal(head) if _says_goal(head) is not None else (
                bool(stack) and stack[-1][2])
            year = (heading_year(head, doc_year) or (doc_year if "今年" in head else None)
                    or (stack[-1][3] if stack else None))
            stack.append((block.level, head, goal, year))
        frame = Frame(goal=bool(stack) and stack[-1][2], year=stack[-1][3] if stack else None,
                      chain=[words for _, words, _, _ in stack])
        _paragraph(words, frame, doc_year)
        result.append(frame)
    return result


def _says_goal(words: str) -> bool | None:
    """True for a heading that sets goals, False for one that reviews, None for neither."""
    if any(w in words for w in GOAL_WORDS) or ("今年" in words and "工作" in words):
        return True  # "三、扎实做好今年工作"
    if any(w in words for w in REVIEW_WORDS):
        return False
    return None


_GOAL_SENTENCE = re.compile(r"(?:主要预期目标|预期目标|主要目标|总体目标|目标任务|发展目标)"
                            r"(?:是|为|如下)?[：:]")


def _paragraph(words: str, frame: Frame, doc_year: int | None) -> None:
    """A goal-setting sentence ("今年…主要预期目标是：") makes the rest of the paragraph
    targets of the year it names; a paragraph that opens with a year is about that year."""
    found = _GOAL_SENTENCE.search(words)
    if found:
        start = max(words.rfind(ch, 0, found.start()) for ch in "。！？") + 1
        frame.goal_from = start
        lead = words[start:found.end()]
        frame.goal_year = (heading_year(lead, doc_year) or
                           (doc_year if "今年" in lead or "年度" in lead else None))
    opening = GOVERNING_YEAR.match(words.lstrip("　 \t"))
    if opening and opening.group("year") and not opening.group("to"):
        frame.year = int(opening.group("year"))
    elif words.lstrip().startswith(("过去一年", "一年来", "去年")) and doc_year:
        frame.year = doc_year - 1


def document_year(text: str, blocks: list[Block]) -> int | None:
    """The year a report is written in, whose "今年" its plans name: the latest year of its
    opening lines and headings (a 2026 report reviews 2025 and plans 2026)."""
    heads = [text[b.start:b.end] for b in blocks if b.heading]
    return doc_year_of(text[:300], heads)
