"""A brief: the pinned sections, items, figures and comparisons as one Markdown document,
and the one-line Markdown the app's copy (``y``) puts on the clipboard.

The brief is the export's own rendering of each pinned thing (one Sources list for all);
:func:`figure_line` and :func:`comparison_table` are self-contained fragments for pasting.
All pack text goes through :func:`briefing.export.escape`, as in every export.
"""

from __future__ import annotations

from briefing.export import ExportLang, cell, escape, render_items
from briefing.figures.formatting import figure_value, kind_label, period_label
from briefing.model import Figure, Lang, Pack, Text
from briefing.present.comparison_profiles import for_output
from briefing.present.comparison_rows import ComparisonView
from briefing.present.comparison_table import comparison_table as comparison_table_of
from briefing.present.titles import kind_of
from briefing.text.sanitize import one_line

WORDS = {"en": {"brief": "Brief"}, "zh": {"brief": "简报"}}


def brief_markdown(pack: Pack, ids: list[str], lang: ExportLang = "en") -> str:
    """The brief for ``ids`` (in that order; ids the pack lacks are skipped): one document
    through the export's :func:`~briefing.export.render_items`, so each pinned thing reads
    exactly as its own export and all share one Sources list and footnote numbering."""
    title = Text(zh=f"{one_line(pack.title.zh)} — {WORDS['zh']['brief']}",
                 en=f"{one_line(pack.title.get('en'))} — {WORDS['en']['brief']}")
    return render_items(pack, [i for i in ids if kind_of(pack, i)], lang, title=title)


def figure_line(pack: Pack, fig: Figure, lang: Lang) -> str:
    """One Markdown line that stands on its own: value, label, period, kind, and the
    verbatim quote with its document (what ``y`` copies)."""
    head = (f"**{cell(figure_value(pack, fig, lang))}** — {cell(fig.label.get(lang))} "
            f"({cell(period_label(fig, lang))}, {cell(kind_label(fig.kind, lang))})")
    doc = pack.document(fig.source.doc)
    return (f"{head}: “{cell(fig.source.quote)}” — {cell(doc.title.get(lang))} "
            f"({cell(doc.publisher.get(lang))}, {cell(doc.date)})")


def comparison_table(pack: Pack, view: ComparisonView, lang: Lang,
                     title: bool = True) -> list[str]:
    """A comparison as a Markdown table: label, the value in words, and what its kind adds;
    the comparison's one table in three columns, with its marks, its notes and its legend."""
    table = for_output(comparison_table_of(pack, view, lang), "copy")
    out = [f"**{cell(table.title)}**", ""] if title else []
    rule = {"left": "---", "right": "---:"}
    out += ["| " + " | ".join(cell(c.header) for c in table.columns) + " |",
            "| " + " | ".join(rule[c.align] for c in table.columns) + " |"]
    for row in table.rows:
        label = cell(row.cells[0].text) + (f" {escape(row.marker)}" if row.marker else "")
        out.append("| " + " | ".join([label, *(cell(c.text) for c in row.cells[1:])]) + " |")
    for line in (*table.notes, *table.legend, *([one_line(table.note)] if table.note else [])):
        out += ["", escape(line)]
    return out
