"""Curated comparisons as Markdown tables: the comparison's one table, drawn in GFM.

The cells, columns, marks and legend are :mod:`briefing.present.comparison_table`'s (the
export's columns of it, :mod:`briefing.present.comparison_profiles`); this module only makes
them Markdown: inert cells, a ``\\*`` after a marked row's label, bars of block characters, and
a footnote reference to each row's sources. A bilingual export draws the table in Chinese and in
English and joins the cells that differ ("人才总量 / All talent"), so both languages always have
the same rows and columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.model import Lang, Pack, Source
from briefing.present.comparison_profiles import for_output
from briefing.present.comparison_rows import ComparisonView, bar
from briefing.present.comparison_table import Column, ComparisonTable, TableRow
from briefing.present.comparison_table import comparison_table as table_of

from .markdown import cell, escape

BAR_WIDTH = 20
PROGRESS_BAR_WIDTH = 10


@dataclass
class Spec:
    """One language's table: headers, alignments and rows, plus lines to print under it."""

    headers: list[str]
    aligns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    legend: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Cite:
    """What a table builder needs of the document it is for: the pack, and the footnote
    reference of a quote (numbered in the document's order)."""

    pack: Pack
    ref: Callable[[Source], str]


def comparison_table(doc: Cite, view: ComparisonView, langs: tuple[Lang, ...]) -> Spec:
    """The table of ``view`` in each of ``langs``; for two, the cells that differ joined
    ("人才总量 / All talent") and the legend lines interleaved."""
    specs = [_spec(doc, for_output(table_of(doc.pack, view, lang), "markdown"))
             for lang in langs]
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


def _spec(doc: Cite, table: ComparisonTable) -> Spec:
    width = PROGRESS_BAR_WIDTH if table.kind == "progress" else BAR_WIDTH
    rows = [[_cell(doc, column, row, index, width) for index, column in enumerate(table.columns)]
            for row in table.rows]
    return Spec(headers=[c.header for c in table.columns], aligns=[c.align for c in table.columns],
                rows=rows, legend=[escape(line) for line in (*table.notes, *table.legend)])


def _cell(doc: Cite, column: Column, row: TableRow, index: int, width: int) -> str:
    if column.role == "bar":
        return bar(row.fraction, width)
    if column.role == "source":
        return " ".join(dict.fromkeys(doc.ref(doc.pack.figure(f).source) for f in row.figures))
    text = cell(row.cells[index].text)
    if column.role == "label" and row.marker:
        text += " " + escape(row.marker)
    return text
