"""The all-figures view as a sheet, in the manner of VisiData: sort by any column, filter by
kind, period, scope, section (or any words); plain Python.

A filter is words, all of which must match: ``kind:target period:2024 talent`` keeps the
targets of 2024 that mention talent. A ``key:`` word looks in one field, a bare word in all of
them. Words match either language, so a filter typed in English still holds after ``l``.
Sorting is stable, with the pack's order as the tie-breaker; values sort within their unit
(percentages among percentages, then counts, ...): a percentage is not smaller than a count.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.figures.formatting import kind_label, period_label, scope_label
from briefing.model import Figure, Lang, Pack
from briefing.present.panes import FigureRow, figure_row
from briefing.present.words import t
from briefing.text.sanitize import one_line
from briefing.text.table_layout import Column

#: the sheet's columns, left to right (the figure table's, with the section before "Cmp")
COLUMNS = ("label", "value", "period", "kind", "section", "compared")
#: what a ``key:`` word may name (English and Chinese), and the field it looks in
FILTER_KEYS = {
    "figure": "label", "label": "label", "指标": "label",
    "value": "value", "数值": "value", "unit": "unit", "单位": "unit",
    "period": "period", "时期": "period", "kind": "kind", "类型": "kind",
    "scope": "scope", "范围": "scope", "section": "section", "章节": "section",
}


@dataclass(frozen=True, slots=True)
class SheetState:
    """How the sheet is sorted and filtered; the same in both languages."""

    sort: str | None = None  # a key of COLUMNS; None: the pack's order
    descending: bool = False
    filter: str = ""

    def sorted_by(self, column: str, descending: bool) -> SheetState:
        return replace(self, sort=column, descending=descending)

    def filtered(self, text: str) -> SheetState:
        return replace(self, filter=text.strip())


def columns(lang: Lang) -> list[Column]:
    """The sheet's columns: the figure table's with a Section column."""
    from briefing.present.panes import figure_columns

    figure, value, period, kind, compared = figure_columns(lang)
    return [figure, value, period, kind, Column(t("section_column", lang)), compared]


def cells(row: FigureRow) -> list[str]:
    return [row.label, row.value, row.period, row.kind, row.section, row.compared_text]


def header(column: Column, key: str, state: SheetState) -> str:
    """A column's header with the sort arrow when the sheet is sorted by it."""
    if state.sort != key:
        return column.header
    return f"{column.header} {'↓' if state.descending else '↑'}"


def rows(pack: Pack, lang: Lang, state: SheetState) -> list[FigureRow]:
    """Every figure of the pack as a row with its section, filtered and sorted."""
    figures = [f for f in pack.figures() if matches(pack, f, state.filter)]
    if state.sort is not None:
        key = _sort_key(pack, lang, state.sort)
        figures.sort(key=key, reverse=state.descending)  # stable: ties keep the pack's order
    return [replace(figure_row(pack, f, lang), section=_section(pack, f, lang))
            for f in figures]


def describe(state: SheetState, shown: int, total: int, lang: Lang) -> str:
    """The sheet's title line: how many figures show, and the filter that hides the rest."""
    title = f"{t('figures', lang)} ({shown})"
    if state.filter:
        title = f"{t('figures', lang)} ({shown} / {total}) · {t('filter', lang)}: {state.filter}"
    return title


# -- filtering --------------------------------------------------------------------------------
def words(text: str) -> list[tuple[str | None, str]]:
    """``text`` as (field or None, needle) pairs; a ``key:`` of no known field is a word."""
    pairs: list[tuple[str | None, str]] = []
    for word in text.replace("：", ":").split():
        key, sep, needle = word.partition(":")
        field = FILTER_KEYS.get(key.casefold()) if sep else None
        if field is not None:
            if needle:
                pairs.append((field, needle.casefold()))
        else:
            pairs.append((None, word.casefold()))
    return pairs


def matches(pack: Pack, figure: Figure, text: str) -> bool:
    pairs = words(text)
    if not pairs:
        return True
    fields = _fields(pack, figure)
    return all(needle in (fields[field] if field else fields["*"]) for field, needle in pairs)


def _fields(pack: Pack, figure: Figure) -> dict[str, str]:
    """The words each field holds, in both languages, folded for matching."""
    from briefing.figures.formatting import figure_value

    both: dict[str, list[str]] = {}
    for lang in ("en", "zh"):
        unit = pack.unit(figure.unit).label.get(lang) if figure.unit else ""
        for field, value in (
            ("label", figure.label.get(lang)), ("value", figure_value(pack, figure, lang)),
            ("unit", unit), ("period", f"{period_label(figure, lang)} {figure.period}"),
            ("kind", f"{kind_label(figure.kind, lang)} {figure.kind}"),
            ("scope", scope_label(figure.scope, lang, pack) if figure.scope else ""),
            ("section", _section(pack, figure, lang)),
        ):
            both.setdefault(field, []).append(one_line(value or ""))
    fields = {field: "\n".join(values).casefold() for field, values in both.items()}
    fields["*"] = "\n".join(fields.values())
    return fields


# -- sorting ----------------------------------------------------------------------------------
def _section(pack: Pack, figure: Figure, lang: Lang) -> str:
    return one_line(pack.section_of(figure.node_id).title.get(lang))


def _sort_key(pack: Pack, lang: Lang, column: str):
    if column == "value":
        units = {u: i for i, u in enumerate(dict.fromkeys(f.unit for f in pack.figures()))}
        return lambda f: (units[f.unit], f.value, f.high if f.high is not None else f.value)
    if column == "period":
        return lambda f: (f.dated, f.period_key, f.period)
    if column == "section":
        order = {s.id: i for i, s in enumerate(pack.sections)}
        return lambda f: order.get(pack.section_of(f.node_id).id, len(order))
    if column == "compared":
        return lambda f: len(pack.comparisons_for(f.id))
    if column == "kind":
        return lambda f: (kind_label(f.kind, lang), scope_label(f.scope, lang, pack)
                          if f.scope else "")
    return lambda f: one_line(f.label.get(lang)).casefold()
