"""A brief: the pinned sections, items, figures and comparisons as one Markdown document,
and the one-line Markdown the app's copy (``y``) puts on the clipboard.

The brief is the export's own rendering of each pinned thing (one Sources list for all);
:func:`figure_line` and :func:`comparison_table` are self-contained fragments for pasting.
All pack text goes through :func:`briefing.export.escape`, as in every export.
"""

from __future__ import annotations

from briefing.export import LABELS, ExportLang, cell, escape, render_items
from briefing.figures.formatting import figure_value, kind_label, period_label, scope_label
from briefing.model import Figure, Lang, Pack, Text
from briefing.present.comparison_rows import ComparisonView, relative_text, row_value_text
from briefing.present.titles import kind_of
from briefing.text.sanitize import one_line

WORDS = {
    "en": {"brief": "Brief", "extra": {"progress": "Reached",
           "ratio": "vs {baseline}", "timeline": "Period", "ranking": "Scope", "peers": "Period"}},
    "zh": {"brief": "简报", "extra": {"progress": "完成度",
           "ratio": "相对{baseline}", "timeline": "时期", "ranking": "范围", "peers": "时期"}},
}


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
    """A comparison as a Markdown table: label, the exact value, and what its kind adds."""
    words = LABELS[lang]
    extra = WORDS[lang]["extra"][view.kind]
    if view.baseline:  # "vs {baseline}": the pack names what a ratio is relative to
        extra = extra.replace("{baseline}", cell(view.baseline.label.get(lang)))
    out = [f"**{cell(view.title.get(lang))}**", ""] if title else []
    out += [f"| {words['figure']} | {words['value']} | {extra} |", "| --- | ---: | ---: |"]
    for row in view.rows:
        if view.kind == "progress":
            more = "" if row.progress is None else f"{row.progress:.1f}%"
        elif view.kind == "ratio":
            more = relative_text(row, lang)
        elif view.kind == "ranking":
            more = scope_label(row.figure.scope, lang, pack) if row.figure else ""
        else:
            more = period_label(row.figure, lang) if row.figure else ""
        out.append(f"| {cell(row.label.get(lang))} | {cell(row_value_text(pack, row, lang))} "
                   f"| {cell(more)} |")
    if view.note:
        out += ["", escape(one_line(view.note.get(lang)))]
    return out
