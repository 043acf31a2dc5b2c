"""Curated comparisons as Markdown tables, one builder per comparison kind.

Each builder returns the table for ONE language (headers, alignments, rows of Markdown cells);
a bilingual export builds it in Chinese and in English and joins the cells that differ
("人才总量 / All talent"), so both languages always have the same rows and columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.figures.formatting import (
    joined_value,
    period_label,
    scope_label,
    signed_change,
    value_parts,
)
from briefing.model import Figure, Lang, Pack, Source
from briefing.present.comparison_rows import (
    ComparisonView,
    Row,
    bar,
    progress_reading,
    ratio_relation,
    relative_text,
)
from briefing.text.sanitize import one_line

from .markdown import cell, escape

BAR_WIDTH = 20
PROGRESS_BAR_WIDTH = 10
#: Hedges that make a value a floor: "over 10,000" is at least 10,000.
FLOOR_HEDGES = frozenset({"超", "超过", "余", "多", "以上"})

HEAD: dict[str, tuple[str, str]] = {  # key: (zh, en)
    "entry": ("对象", "Entry"), "value": ("数值", "Value"), "unit": ("单位", "Unit"),
    "relation": ("关系", "Relation"), "bar": ("图示", "Bar"), "source": ("出处", "Source"),
    "size": ("相对规模", "Relative size"), "indicator": ("指标", "Indicator"),
    "actual": ("实绩", "Actual"), "target": ("目标", "Target"),
    "gap": ("距目标", "Gap to target"), "reached": ("完成度", "Reached"),
    "ranking": ("排名项", "Ranking"), "rank": ("名次", "Rank"), "scope": ("范围", "Scope"),
    "period": ("时期", "Period"), "point": ("时点", "Point"), "change": ("变化", "Change"),
}


@dataclass
class Spec:
    """One language's table: headers, alignments and rows, plus lines to print under it."""

    headers: list[str]
    aligns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)


def head(keys: str, lang: Lang) -> list[str]:
    return [HEAD[key][0 if lang == "zh" else 1] for key in keys.split()]


@dataclass(frozen=True)
class Cite:
    """What a table builder needs of the document it is for: the pack, and the footnote
    reference of a quote (numbered in the document's order)."""

    pack: Pack
    ref: Callable[[Source], str]


def comparison_table(doc: Cite, view: ComparisonView, langs: tuple[Lang, ...]) -> Spec:
    """The table of ``view`` in each of ``langs``; for two, the cells that differ joined
    ("人才总量 / All talent") and the legend lines interleaved."""
    specs = [BUILDERS[view.kind](doc, view, lang) for lang in langs]
    merged = specs[0]
    if len(specs) == 2:
        merged = Spec(headers=_join(specs[0].headers, specs[1].headers), aligns=specs[0].aligns,
                      rows=[_join(a, b) for a, b in zip(specs[0].rows, specs[1].rows,
                                                        strict=True)],
                      legend=[line for pair in zip(specs[0].legend, specs[1].legend,
                                                   strict=True) for line in pair])
    return merged


def _join(first: list[str], second: list[str]) -> list[str]:
    return [a if a == b else f"{a} / {b}" for a, b in zip(first, second, strict=True)]


def _label(row: Row, lang: Lang) -> str:
    return cell(row.label.get(lang))


def _sources(doc: Cite, *figures: Figure | None) -> str:
    return " ".join(dict.fromkeys(doc.ref(f.source) for f in figures if f is not None))


def _parts(doc: Cite, fig: Figure, lang: Lang) -> list[str]:
    return [cell(part) for part in value_parts(doc.pack, fig, lang)]


# -- peers: one unit, one scale, each entry in words relative to the first ------------------------
def _peers(doc: Cite, view: ComparisonView, lang: Lang) -> Spec:
    spec = Spec(head("entry value unit relation bar source", lang),
                ["left", "right", "left", "left", "left", "left"])
    base = view.rows[0]
    for row in view.rows:
        assert row.figure is not None  # peers rows always hold a figure
        spec.rows.append([_label(row, lang), *_parts(doc, row.figure, lang),
                          cell(_relation_to(row, base, lang)), bar(row.fraction, BAR_WIDTH),
                          _sources(doc, row.figure)])
    return spec


def _relation_to(row: Row, base: Row, lang: Lang) -> str:
    name = one_line(base.label.get(lang))
    if row is base:
        return "基准" if lang == "zh" else "baseline"
    if not base.value:
        return ""
    hedged = any(f is not None and f.qualifier for f in (row.figure, base.figure))
    share = row.value / base.value
    if share >= 1:
        amount = f"{share:.1f}"
        if lang == "zh":
            return f"{'约' if hedged else ''}为{name}的{amount}倍"
        return f"{'≈' if hedged else ''}{amount}× {name}"
    percent = f"{share * 100:.0f}%"
    if lang == "zh":
        return f"{'约' if hedged else ''}为{name}的{percent}"
    return f"{'≈' if hedged else ''}{percent} of {name}"


# -- ratio: peer fractions ("about 1/2 of City B") as sizes relative to the first row ----------
def _ratio(doc: Cite, view: ComparisonView, lang: Lang) -> Spec:
    spec = Spec(head("entry relation size bar source", lang),
                ["left", "left", "right", "left", "left"])
    for row in view.rows:
        relation = one_line(ratio_relation(doc.pack, view, row, lang))
        size = relative_text(row, lang) if row.figure else ("1×" if lang == "en" else "1倍")
        spec.rows.append([_label(row, lang), cell(relation), cell(size),
                          bar(row.fraction, BAR_WIDTH), _sources(doc, row.figure)])
    return spec


# -- progress: actual against target, with the gap and the bounds the hedges allow ---------------
def _progress(doc: Cite, view: ComparisonView, lang: Lang) -> Spec:
    spec = Spec(head("indicator unit actual target gap reached bar source", lang),
                ["left", "left", "right", "right", "right", "right", "left", "left"])
    bounded = False
    for row in view.rows:
        actual, target = row.figure, row.target
        assert actual is not None and target is not None  # progress rows pair two figures
        actual_number, unit = value_parts(doc.pack, actual, lang)
        target_number, target_unit = value_parts(doc.pack, target, lang)
        if target_unit != unit:  # a pair in different measure words: keep each one's own
            actual_number = joined_value(actual_number, unit, lang)
            target_number = joined_value(target_number, target_unit, lang)
            unit = ""
        gap, reached = _gap_and_reached(doc, row, lang)
        if not unit and gap[-1:].isdigit():  # no unit column to read it from
            gap = joined_value(gap, value_parts(doc.pack, actual, lang)[1], lang)
        bounded = bounded or any(mark in gap + reached for mark in "≤≥")
        drawn = actual.unit != "percent" and reached[-1:] == "%"
        spec.rows.append([_label(row, lang), cell(unit), cell(actual_number),
                          cell(target_number), cell(gap), cell(reached),
                          bar(row.fraction, PROGRESS_BAR_WIDTH) if drawn else "",
                          _sources(doc, actual, target)])
    if bounded:
        spec.legend.append(_floor_legend(lang, "gap"))
    return spec


def _gap_and_reached(doc: Cite, row: Row, lang: Lang) -> tuple[str, str]:
    """The gap and the share reached, as every view reads them (comparisons.progress_reading)."""
    return progress_reading(doc.pack, row, lang)


# -- ranking and timeline -------------------------------------------------------------------------
def _ranking(doc: Cite, view: ComparisonView, lang: Lang) -> Spec:
    spec = Spec(head("ranking rank scope period source", lang),
                ["left", "right", "left", "left", "left"])
    for row in view.rows:
        fig = row.figure
        assert fig is not None
        rank = joined_value(*value_parts(doc.pack, fig, lang), lang)
        spec.rows.append([_label(row, lang), cell(rank),
                          cell(scope_label(fig.scope, lang, doc.pack)),
                          cell(period_label(fig, lang)),
                          _sources(doc, fig)])
    return spec


def _timeline(doc: Cite, view: ComparisonView, lang: Lang) -> Spec:
    spec = Spec(head("point period value unit change bar source", lang),
                ["left", "left", "right", "left", "right", "left", "left"])
    previous: Figure | None = None
    for row in view.rows:
        fig = row.figure
        assert fig is not None
        change = ""
        if row.delta is not None and previous is not None:
            change = signed_change(doc.pack, row.delta, fig.unit, lang)
            later_floor, earlier_floor = (f.qualifier in FLOOR_HEDGES for f in (fig, previous))
            if later_floor and earlier_floor:
                change = "无法判断" if lang == "zh" else "unclear"
            elif later_floor or earlier_floor:  # a floor later: at least; earlier: at most
                change = ("≥" if later_floor else "≤") + change
        spec.rows.append([_label(row, lang), cell(period_label(fig, lang)), *_parts(doc, fig, lang),
                          cell(change), bar(row.fraction, BAR_WIDTH), _sources(doc, fig)])
        previous = fig
    if any(mark in row[4] for row in spec.rows for mark in "≤≥"):
        spec.legend.append(_floor_legend(lang, "change"))
    return spec


def _floor_legend(lang: Lang, what: str) -> str:
    if lang == "zh":
        said = {"gap": "差距与完成度", "change": "变化"}[what]
        return escape(f"≥/≤：来源只给出下限（“超”“余”“多”），{said}因此只是界限。")
    said = {"gap": "the gap and the share reached are bounds", "change": "the change is a bound"}
    return escape(f"≥/≤: the source gives only a floor (\"over\", \"more than\"), so "
                  f"{said[what]}, not exact.")


BUILDERS: dict[str, Callable[[Cite, ComparisonView, Lang], Spec]] = {
    "peers": _peers, "ratio": _ratio, "progress": _progress, "ranking": _ranking,
    "timeline": _timeline,
}
