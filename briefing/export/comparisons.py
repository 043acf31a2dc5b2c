"""A curated comparison as an export table: the comparison's one table, as blocks.

The cells, columns, marks and legend are :mod:`briefing.present.comparison_table`'s (the
export's columns of it, :mod:`briefing.present.comparison_profiles`); this module only turns
them into a :class:`~briefing.export.blocks.Table`: a " *" after a marked row's label, a
:class:`~briefing.export.blocks.Bar` for the bar column, the row's quotes cited in its Source
column, and no-break spaces inside the numbers. A bilingual export draws the table in Chinese
and in English and joins the cells that differ ("人才总量 / All talent"), so both languages
always have the same rows and columns.
"""

from __future__ import annotations

from briefing.model import Lang
from briefing.present.comparison_profiles import for_output
from briefing.present.comparison_rows import ComparisonView
from briefing.present.comparison_table import Column as TableColumn
from briefing.present.comparison_table import ComparisonTable, TableRow
from briefing.present.comparison_table import comparison_table as table_of
from briefing.text.nobreak import bind_numbers, bind_value

from .blocks import Bar, Column, Document, Inline, Run, Table


def comparison_blocks(doc: Document, view: ComparisonView) -> tuple[Table, list[str]]:
    """The table of ``view`` in the document's language(s), and the lines under it (the notes
    of marked rows, then the legend of the marks; for two languages, interleaved)."""
    tables = [for_output(table_of(doc.pack, view, lang), doc.profile) for lang in doc.langs]
    first = tables[0]
    columns = tuple(Column(" / ".join(dict.fromkeys(t.columns[i].header for t in tables)),
                           column.align, _role(column))
                    for i, column in enumerate(first.columns))
    table = Table(columns)
    for index in range(len(first.rows)):
        rows = [(t, t.rows[index]) for t in tables]
        table.rows.append(tuple(_cell(doc, rows, at) for at in range(len(columns))))
    lines = [line for group in zip(*(_lines(t) for t in tables), strict=True)
             for line in dict.fromkeys(group)]
    return table, lines


def _role(column: TableColumn) -> str:
    if column.role in ("bar", "source", "number"):
        return column.role
    return "text" if column.wrap else "fixed"


def _lines(table: ComparisonTable) -> list[str]:
    return [bind_numbers(line, table.lang) for line in (*table.notes, *table.legend)]


def _cell(doc: Document, rows: list[tuple[ComparisonTable, TableRow]],
          at: int) -> tuple[Inline, ...]:
    table, row = rows[0]
    column = table.columns[at]
    if column.role == "bar":
        return (Bar(row.fraction),)
    if column.role == "source":
        cite = doc.cite(doc.pack.figure(f).source for f in row.figures)
        return (cite,) if cite else ()
    texts = [_text(t, r, at, t.lang) for t, r in rows]
    return (Run(" / ".join(dict.fromkeys(texts)), strong=column.emphasis),)


def _text(table: ComparisonTable, row: TableRow, at: int, lang: Lang) -> str:
    role = table.columns[at].role
    text = (bind_value if role == "number" else bind_numbers)(row.cells[at].text, lang)
    if role == "label" and row.marker:
        text += f" {row.marker}"
    return text
