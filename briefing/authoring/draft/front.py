"""What a report's opening lines say of it: its title, its date, who issued it, and the year
it is written in (the year of its "今年")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.authoring.draft.outline import Outline

_DAY = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
_ISSUER = re.compile(r"([\u4e00-\u9fff]{2,10}?(?:人民政府|科学技术局|科技局|统计局|委员会|"
                     r"办公厅|办公室|发展和改革委员会|发展改革委|管理局|[局厅委]))")
_PLACE = re.compile(r"在([\u4e00-\u9fff]{2,8}?[省市县区])第")


@dataclass(frozen=True, slots=True)
class Front:
    title: str | None
    date: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    publisher: str | None
    year: int | None


def front_of(text: str, found: Outline) -> Front:
    title = text[found.title[0]:found.title[1]] if found.title else None
    lines = [text[a:b] for a, b in found.front]
    opening = [line for line in ([title] if title else []) + lines]
    date = _date(opening)
    years = [int(y) for line in opening for y in _YEAR.findall(line)]
    year = int(date[:4]) if date else (max(years) if years else None)
    return Front(title=title, date=date, publisher=_publisher(title, lines), year=year)


def _date(lines: list[str]) -> str | None:
    for line in lines:
        found = _DAY.search(line)
        if found:
            year, month, day = found.groups()
            if 1 <= int(month) <= 12 and (day is None or 1 <= int(day) <= 31):
                return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return None


def _publisher(title: str | None, lines: list[str]) -> str | None:
    """Who issued the report: named in its title ("云湖市科学技术局2025年工作总结") or on the
    speaker's line ("云湖市人民政府市长"); a government work report given at a people's
    congress is its government's ("在东川省第十四届人民代表大会…" -> 东川省人民政府)."""
    for line in [title or "", *(line for line in lines if not line.startswith("—"))]:
        found = _ISSUER.search(line)
        if found:
            return found.group(1)
    if title and "政府工作报告" in title:
        for line in lines:
            place = _PLACE.search(line)
            if place:
                return place.group(1) + "人民政府"
    return None
