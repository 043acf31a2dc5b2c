"""What a list of search hits holds, in words: "39 hits: 20 figures, 15 items, 3 comparisons,
1 section" (or "39条结果：数据20项、条目15项……").

A bare "39" says neither what was counted nor that a list cut at its limit may have more: a
full list says "first 40 hits". Shared by ``briefing search`` and the app's search box.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from briefing.model import Lang

#: kinds in the order they are named, and their words (singular, plural; Chinese)
KINDS = {
    "figure": ("figure", "figures", "数据"),
    "item": ("item", "items", "条目"),
    "comparison": ("comparison", "comparisons", "对比"),
    "section": ("section", "sections", "章节"),
}


def hit_count(kinds: Iterable[str], limit: int | None, lang: Lang) -> str:
    """The hits of ``kinds`` (one kind per hit) counted and broken down by kind; ``limit`` is
    how many were asked for (a list that long may have been cut)."""
    counts = Counter(kinds)
    total = sum(counts.values())
    order = [k for k in KINDS if counts[k]] + sorted(k for k in counts if k not in KINDS)
    cut = limit is not None and total >= limit
    single = len(order) == 1 and total > 1  # "12 hits: 12 figures" says it twice
    if lang == "zh":
        head = f"前{total}条结果" if cut else f"{total}条结果"
        if single:
            return f"{head}，均为{_zh(order[0])}"
        return head + ("：" + "、".join(f"{_zh(k)}{counts[k]}项" for k in order) if order else "")
    head = f"first {total} hits" if cut else f"{total} hit{'' if total == 1 else 's'}"
    if single:
        return f"{head}, all {_en(order[0], 2)}"
    return head + (": " + ", ".join(f"{counts[k]} {_en(k, counts[k])}" for k in order)
                   if order else "")


def _zh(kind: str) -> str:
    words = KINDS.get(kind)
    return kind if words is None else words[2]


def _en(kind: str, n: int) -> str:
    words = KINDS.get(kind)
    if words is None:
        return kind
    return words[0] if n == 1 else words[1]
