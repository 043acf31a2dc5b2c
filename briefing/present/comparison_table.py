"""One comparison as ONE table in one language: the presentation model every output draws.

:func:`comparison_table` turns a :class:`~briefing.present.comparison_rows.ComparisonView` (the
numbers and their bounds) into columns (header, alignment, role, whether they may wrap), rows of
cells already formatted with their marks (≥ ≤ ≈, "unclear"), a ``*`` marker and note for each
row the pack marks unlike, the legend of the marks, the figures behind each row and the length
of its bar. The terminal (``briefing compare``), the app's chart, the Markdown export and the
table ``y`` copies all draw this table, each with the columns
:mod:`briefing.present.comparison_profiles` lists for it (:meth:`ComparisonTable.select`);
none of them computes a row, a gap, a bound or a percentage. Plain Python, no Rich.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from briefing.figures.formatting import (
    joined_value,
    period_label,
    scope_label,
    value_parts,
)
from briefing.figures.reading import format_value
from briefing.model import Lang, Pack
from briefing.present import comparison_cells as cells
from briefing.present.bounds import Bound
from briefing.present.comparison_legend import legend_lines
from briefing.present.comparison_rows import ComparisonView, Row
from briefing.present.words import t
from briefing.text.sanitize import one_line

Role = Literal["label", "number", "unit", "bar", "text", "source"]
Align = Literal["left", "right"]
#: The columns of each kind, in their canonical order (an output shows some of them).
KIND_COLUMNS: dict[str, tuple[str, ...]] = {
    "peers": ("label", "bar", "value", "unit", "period", "relation", "phrase", "source"),
    "timeline": ("label", "bar", "value", "unit", "period", "change", "phrase", "source"),
    "ranking": ("label", "value", "scope", "period", "scope_period", "phrase", "source"),
    "ratio": ("label", "bar", "relation", "relative", "phrase", "source"),
    "progress": ("label", "bar", "value", "target", "unit", "gap", "reached", "phrase",
                 "source"),
}
#: Columns of derived numbers: their marks are explained in the legend.
DERIVED = frozenset({"gap", "reached", "change", "relation", "relative"})


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its key (what it holds), header, alignment and role. A ``wrap=False`` column
    is never broken (numbers, hedges, periods); ``emphasis`` draws it bold."""

    key: str
    header: str
    align: Align
    role: Role
    wrap: bool = True
    emphasis: bool = False
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Cell:
    """A formatted cell and the mark of the bound it shows ("≥", "≤", "≈", "unclear", ""); a
    derived cell left without a number says why (``why``: "points" for a share read in
    percentage points, "ceiling" for a target to stay under, "unlike" for an unlike row)."""

    text: str
    mark: str = ""
    why: str = ""


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row: its cells (one per column), the figures behind it (for its source and the
    app's cursor), its bar's length (0..1, or None for no bar) and its marker ("*": the pack
    marks it unlike; ``note`` says how)."""

    cells: tuple[Cell, ...]
    figures: tuple[str, ...]
    fraction: float | None
    marker: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class ComparisonTable:
    """A comparison in one language, with every column its kind has (see :meth:`select`)."""

    id: str
    kind: str
    lang: Lang
    title: str
    note: str
    baseline: str
    columns: tuple[Column, ...]
    rows: tuple[TableRow, ...]
    limits: frozenset[str] = frozenset()  # "floor", "ceiling": what the figures' bounds are

    def index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    def texts(self, key: str) -> list[str]:
        """The cells of column ``key``, top to bottom."""
        at = self.index(key)
        return [row.cells[at].text for row in self.rows]

    @property
    def notes(self) -> tuple[str, ...]:
        """One line per marked row: "* label: how it differs"."""
        label = self.index("label")
        return tuple(f"* {row.cells[label].text}: {row.note}".rstrip(": ")
                     for row in self.rows if row.marker)

    @property
    def legend(self) -> tuple[str, ...]:
        """What the marks in the shown cells mean (≤/≥, ≈), one line each."""
        derived = [(i, c.key) for i, c in enumerate(self.columns) if c.key in DERIVED]
        marks = {key: {row.cells[i].mark for row in self.rows} for i, key in derived}
        whys = {row.cells[i].why for row in self.rows for i, _key in derived} - {""}
        return legend_lines(self.kind, marks, whys, self.limits, self.lang)

    def select(self, spec: Sequence[tuple[str, str, Align | None]]) -> ComparisonTable:
        """The table with only the columns ``spec`` names, in its order, each with the header
        (and alignment, where given) of that output; "{baseline}" in a header is the ratio's
        baseline."""
        picked = [(self.index(key), header, align) for key, header, align in spec
                  if any(c.key == key for c in self.columns)]
        columns = tuple(replace(self.columns[i], header=header.replace("{baseline}",
                                                                        self.baseline),
                                align=align or self.columns[i].align)
                        for i, header, align in picked)
        rows = tuple(replace(row, cells=tuple(row.cells[i] for i, _h, _a in picked))
                     for row in self.rows)
        return replace(self, columns=columns, rows=rows)


def comparison_table(pack: Pack, view: ComparisonView, lang: Lang) -> ComparisonTable:
    """Every column of ``view``'s kind, in ``lang``."""
    keys = KIND_COLUMNS[view.kind]
    rows = [r for r in view.rows if view.kind != "progress" or (r.figure and r.target)]
    built = []
    for row in rows:
        made = {key: _CELLS[key](pack, view, row, lang) for key in keys}
        if view.kind == "progress":
            made = _own_units(pack, row, lang, made)
        marker = "" if row.like_for_like else "*"
        built.append(TableRow(cells=tuple(made[k] for k in keys), figures=row.figure_ids,
                              fraction=row.fraction, marker=marker,
                              note=one_line(row.note.get(lang)) if marker and row.note else ""))
    columns = tuple(_column(key, view.kind, lang) for key in keys)
    return ComparisonTable(id=view.id, kind=view.kind, lang=lang,
                           title=one_line(view.title.get(lang)),
                           note=view.note.get(lang) if view.note else "",
                           baseline=one_line(view.baseline.label.get(lang))
                           if view.baseline else "",
                           columns=columns, rows=tuple(built),
                           limits=frozenset(b.kind for r in rows
                                            for b in (r.bound, r.target_bound) if b))


def _own_units(pack: Pack, row: Row, lang: Lang, made: dict[str, Cell]) -> dict[str, Cell]:
    """A pair in different measure words keeps each one's own: values and gap carry their
    units and the unit column is left empty."""
    assert row.figure is not None and row.target is not None
    unit = value_parts(pack, row.figure, lang)[1]
    target_unit = value_parts(pack, row.target, lang)[1]
    if target_unit == unit:
        return made
    gap = made["gap"]
    if gap.text[-1:].isdigit():
        gap = Cell(joined_value(gap.text, unit, lang), gap.mark)
    return {**made, "value": Cell(joined_value(made["value"].text, unit, lang)),
            "target": Cell(joined_value(made["target"].text, target_unit, lang)),
            "unit": Cell(""), "gap": gap}


# -- columns ---------------------------------------------------------------------------------
_NUMBER_HEADS = {"value": "value", "target": "col_target", "gap": "col_gap",
                 "reached": "col_reached", "change": "col_change", "relative": "col_relative"}


def _column(key: str, kind: str, lang: Lang) -> Column:
    """The column ``key`` with the app's header (an output's profile may rename it)."""
    if key == "label":
        return Column(key, t("figure", lang), "left", "label")
    if key == "bar":
        return Column(key, "", "left", "bar", wrap=False)
    if key == "value" and kind == "ranking":
        return Column(key, t("col_rank", lang), "right", "number", wrap=False, emphasis=True)
    if key == "value" and kind == "progress":
        return Column(key, t("col_actual", lang), "right", "number", wrap=False, emphasis=True)
    if key in _NUMBER_HEADS:
        return Column(key, t(_NUMBER_HEADS[key], lang), "right", "number", wrap=False,
                      emphasis=key in ("value", "reached"))
    if key == "unit":  # a Chinese measure word is never broken ("人次" is not "人⏎次")
        return Column(key, t("col_unit", lang), "left", "unit", wrap=lang != "zh")
    if key in ("period", "scope_period"):
        return Column(key, t("period", lang), "left", "text", wrap=False)
    if key == "scope":
        return Column(key, t("col_scope", lang), "left", "text")
    if key == "relation":
        return Column(key, t("col_relation", lang), "left", "text")
    if key == "source":
        return Column(key, t("source", lang), "left", "source", wrap=False)
    return Column(key, t("value", lang), "left", "text")  # phrase


# -- cells -----------------------------------------------------------------------------------
CellMaker = Callable[[Pack, ComparisonView, Row, Lang], Cell]


def _marked(text: str) -> Cell:
    """A derived number's cell: its mark is the sign it starts with, or "unclear"."""
    if text in cells.UNCLEAR.values():
        return Cell(text, "unclear")
    return Cell(text, text[0] if text[:1] in ("≥", "≤", "≈") else "")


def _bound_mark(text: str, bound: Bound | None) -> Cell:
    """A cell in words ("至少为…", "约2.0倍"): its mark comes from the bound it shows."""
    if text in cells.UNCLEAR.values():
        return Cell(text, "unclear")
    return Cell(text, bound.mark if bound is not None and text not in ("", cells.NOTHING)
                else "")


def _value(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> Cell:
    if row.figure is None:
        return Cell(format_value(row.value))
    return Cell(one_line(value_parts(pack, row.figure, lang)[0]))


def _unit(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> Cell:
    return Cell(one_line(value_parts(pack, row.figure, lang)[1]) if row.figure else "")


def _target(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> Cell:
    return Cell(one_line(value_parts(pack, row.target, lang)[0]) if row.target else "")


def _period(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> Cell:
    return Cell(period_label(row.figure, lang) if row.figure else "")


def _scope(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> Cell:
    return Cell(scope_label(row.figure.scope, lang, pack) if row.figure else "")


def _scope_period(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> Cell:
    if row.figure is None:
        return Cell("")
    return Cell(f"{scope_label(row.figure.scope, lang, pack)} {period_label(row.figure, lang)}")


def _relation(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> Cell:
    if view.kind == "ratio":
        return Cell(one_line(cells.ratio_relation(pack, view, row, lang)))
    first = view.rows[0]
    return _bound_mark(one_line(cells.share_text(row, first, lang)), row.share_bound)


def _reached(pack: Pack, view: ComparisonView, row: Row, lang: Lang) -> Cell:
    text = cells.reached_text(row, lang)
    if row.progress_bound is not None:
        return _marked(text)
    if not row.like_for_like:
        return Cell(text, why="unlike")  # its note says how the pair differs
    ceiling = row.target_bound is not None and row.target_bound.kind == "ceiling"
    return Cell(text, why="ceiling" if ceiling else "points")


_CELLS: dict[str, CellMaker] = {
    "label": lambda pack, view, row, lang: Cell(one_line(row.label.get(lang))),
    "bar": lambda pack, view, row, lang: Cell(""),
    "value": _value,
    "unit": _unit,
    "target": _target,
    "gap": lambda pack, view, row, lang: _marked(cells.gap_text(pack, row, lang)),
    "reached": _reached,
    "change": lambda pack, view, row, lang: _marked(
        cells.change_text(pack, row, view.unit, lang)),
    "period": _period,
    "scope": _scope,
    "scope_period": _scope_period,
    "relation": _relation,
    "relative": lambda pack, view, row, lang: _bound_mark(cells.relative_text(row, lang),
                                                           row.relative_bound),
    "phrase": lambda pack, view, row, lang: Cell(
        one_line(cells.phrase_text(pack, view, row, lang))),
    "source": lambda pack, view, row, lang: Cell(""),
}
