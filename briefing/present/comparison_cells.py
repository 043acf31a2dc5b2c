"""A comparison's derived numbers as words, in either language, each with its mark.

The honesty rules in text, once: a bound reads "≥1,600" or "≤25 billion", two floors read
"unclear", a gap between approximate numbers "≈0.05 pp", a share keeps the precision that keeps
it true (67,000 of 4,070,000 is 1.6%, not 2%), and a row the pack marks unlike gets no ratio.
Every output (terminal, app, Markdown, the copied table) takes its cells from here through
:mod:`briefing.present.comparison_table`. Plain Python.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from briefing.figures.formatting import figure_value, quantity_parts, signed_change
from briefing.figures.reading import format_value
from briefing.model import Lang, Pack
from briefing.present.bounds import Bound
from briefing.present.comparison_rows import DEFAULT_BASELINE, ComparisonView, Row
from briefing.text.sanitize import one_line

UNCLEAR = {"en": "unclear", "zh": "无法判断"}
MET = {"en": "met", "zh": "已达到"}
#: A cell with nothing to say: a share of percentages, a ratio of an unlike pair.
NOTHING = "—"
#: How Chinese prose says a mark ("约为B市的1/2", "至少为人才总量的1.6%").
ZH_MARK_WORDS = {"≈": "约", "≥": "至少", "≤": "至多", "": ""}
_RANGE_JOIN = {"en": " to ", "zh": "至"}


def bounded(bound: Bound, lang: Lang, number: Callable[[float], str]) -> str:
    """``bound`` as a cell: its one number with its mark ("≥1,600", "≈0.05 pp"), both ends of
    a range ("1 to 2"), or "unclear"."""
    kind = bound.kind
    if kind == "unclear":
        return UNCLEAR[lang]
    if kind == "range":
        ends = _RANGE_JOIN[lang].join((number(bound.low), number(bound.high)))
        return ("≈" if bound.approximate else "") + ends
    value = bound.value
    assert value is not None
    return bound.mark + number(value)


def unmarked(bound: Bound) -> Bound:
    """The bound's number(s) without its mark, for prose that says the mark in words."""
    if bound.kind == "range":
        return Bound(bound.low, bound.high)
    value = bound.value
    assert value is not None
    return Bound.exact(value)


def percent_text(percent: float) -> str:
    """A percentage to two significant figures, more where rounding would make it say 0% or
    100% when it is not: 1.646 -> "1.6%", 11.06 -> "11%", 99.6 -> "99.6%"."""
    if percent == 0 or not math.isfinite(percent):
        return f"{format_value(percent) if math.isfinite(percent) else percent}%"
    digits = max(0, 1 - math.floor(math.log10(abs(percent))))
    while digits < 6 and (round(percent, digits) == 0
                          or (abs(round(percent, digits)) >= 100 > abs(percent))):
        digits += 1
    return f"{format_value(round(percent, digits))}%"


def gap_text(pack: Pack, row: Row, lang: Lang) -> str:
    """How far a progress row's actual is from its target: "1,600", "≥1,600", "≤25 billion",
    "0.05 pp" (percentage points for shares), "met", or "unclear" (it may or may not be met)."""
    gap, actual = row.gap_bound, row.figure
    if gap is None or actual is None:
        return ""
    if gap.high <= 0:
        return MET[lang]
    if actual.unit == "percent":
        return bounded(gap, lang,
                       lambda v: signed_change(pack, v, "percent", lang).lstrip("+"))
    return bounded(gap, lang, lambda v: quantity_parts(pack, v, actual.unit, lang)[0])


def reached_text(row: Row, lang: Lang) -> str:
    """The share of its target a progress row reaches ("≤91.6%"), "—" where it has none (a
    share, an unlike pair), "unclear" between two floors."""
    if row.progress_bound is None:
        return NOTHING
    return bounded(row.progress_bound, lang, lambda v: f"{format_value(round(v, 1))}%")


def change_text(pack: Pack, row: Row, unit: str | None, lang: Lang) -> str:
    """A timeline row's change from the previous point: "+3.4 pp", "≥+3.4 pp", "unclear"."""
    if row.delta_bound is None or unit is None:
        return ""
    return bounded(row.delta_bound, lang, lambda v: signed_change(pack, v, unit, lang))


def share_text(row: Row, first: Row, lang: Lang) -> str:
    """A peers row in words relative to the first row: "3.8× City A", "≥1.6% of All talent",
    "为A市的3.8倍"; "baseline" for the first, "—" for a row the pack marks unlike."""
    if row is first:
        return "基准" if lang == "zh" else "baseline"
    if not first.value:
        return ""
    share = row.share_bound
    if share is None:
        return NOTHING
    if share.kind == "unclear":
        return UNCLEAR[lang]
    name = one_line(first.label.get(lang))
    big = (share.value if share.value is not None else share.high) >= 1

    def amount(value: float) -> str:
        if big:
            return f"{value:.1f}" + ("倍" if lang == "zh" else "×")
        return percent_text(value * 100)

    if lang == "zh":
        return f"{ZH_MARK_WORDS[share.mark]}为{name}的{bounded(unmarked(share), lang, amount)}"
    text = bounded(share, lang, amount)
    return f"{text} {name}" if big else f"{text} of {name}"


def relative_text(row: Row, lang: Lang) -> str:
    """A ratio row's size relative to the baseline: "1×" for the baseline, "≈2.0×", "约2.0倍";
    nothing for a row the pack marks unlike."""
    size = row.relative_bound
    if size is None:
        return ""
    if row.figure is None:
        return "1倍" if lang == "zh" else "1×"
    if lang == "zh" and size.kind != "unclear":
        return ZH_MARK_WORDS[size.mark] + bounded(unmarked(size), lang, lambda v: f"{v:.1f}倍")
    return bounded(size, lang, lambda v: f"{v:.1f}×")


def ratio_relation(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> str:
    """A ratio row's relation in words, as the source states it: "City A ≈ 1/2 of City B",
    "A市约为B市的1/2" (a bar alone beside "approx. 1/2" reads as the peer's own size)."""
    base = (view.baseline or DEFAULT_BASELINE).label.get(lang)
    if row.figure is None:
        return "基准（=1）" if lang == "zh" else "baseline (= 1)"
    fraction = quantity_parts(pack, row.figure.value, "ratio", lang, row.figure.display)[0]
    peer = row.label.get(lang)
    mark = row.bound.mark if row.bound is not None else ""
    if lang == "zh":
        return f"{base}{ZH_MARK_WORDS[mark]}为{peer}的{fraction}"
    return f"{base} {mark or '='} {fraction} of {peer}"


def phrase_text(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> str:
    """The row's value as one phrase in the source's own words (what a copied table shows):
    "17,400 enterprises → over 19,000 enterprises" for progress, "1" for a ratio's baseline."""
    if row.figure is None:
        return "1" if lang == "en" else "1（基准）"
    if view.kind == "progress" and row.target is not None:
        return f"{figure_value(pack, row.figure, lang)} → {figure_value(pack, row.target, lang)}"
    return figure_value(pack, row.figure, lang)
