"""A brief: the pinned sections, items, figures and comparisons as one Markdown document.

Each pinned thing is rendered as the section export renders it (headings, text, a figures
table, comparisons as tables) with one shared, numbered list of sources at the end, so a
quote cited by two pins is listed once. The same Markdown fragments serve the app's copy
(``y``): :func:`figure_line` and :func:`comparison_table`. All pack text goes through
:func:`briefing.export.escape`, as in every export.
"""

from __future__ import annotations

from typing import Literal

from briefing.citations import Citations
from briefing.comparisons import ComparisonView, build, relative_text, row_value_text
from briefing.export import LABELS, cell, escape
from briefing.formatting import figure_value, kind_label, scope_label
from briefing.model import LANGS, Figure, Lang, Node, Pack
from briefing.textsafe import one_line

BriefLang = Lang | Literal["both"]

WORDS = {
    "en": {"brief": "Brief", "pinned": "pinned", "extra": {"progress": "Reached",
           "ratio": "vs Suzhou", "timeline": "Period", "ranking": "Scope", "peers": "Period"}},
    "zh": {"brief": "简报", "pinned": "项", "extra": {"progress": "完成度",
           "ratio": "相对苏州", "timeline": "时期", "ranking": "范围", "peers": "时期"}},
}


def kind_of(pack: Pack, item_id: str) -> str | None:
    """"section", "item", "figure" or "comparison"; None if the pack has no such id."""
    if pack.has_node(item_id):
        return "section" if pack.node(item_id).is_section else "item"
    if pack.has_figure(item_id):
        return "figure"
    if pack.has_comparison(item_id):
        return "comparison"
    return None


def title_of(pack: Pack, item_id: str, lang: Lang) -> str:
    """A pinned thing's name in one line: a node's title, a figure's label, a comparison's."""
    kind = kind_of(pack, item_id)
    if kind in ("section", "item"):
        return one_line(pack.node(item_id).title.get(lang))
    if kind == "figure":
        return one_line(pack.figure(item_id).label.get(lang))
    if kind == "comparison":
        return one_line(pack.comparison(item_id).title.get(lang))
    return item_id


def brief_markdown(pack: Pack, ids: list[str], lang: BriefLang = "en") -> str:
    """The brief for ``ids`` (in that order; ids the pack lacks are skipped)."""
    ids = [i for i in ids if kind_of(pack, i)]
    langs: tuple[Lang, ...] = LANGS[::-1] if lang == "both" else (lang,)  # zh, then en
    notes = Citations()
    title = " / ".join(f"{one_line(pack.title.get(lg))} — {WORDS[lg]['brief']}" for lg in langs)
    out = [f"# {escape(title)}", ""]
    for item_id in ids:
        heading = " / ".join(title_of(pack, item_id, lg) for lg in langs)
        out += [f"## {escape(heading)}", ""]
        for lg in langs:
            out += _pinned(pack, item_id, lg, notes)
        if pack.has_figure(item_id):  # the figure's own words, once whatever the language
            out += [f"> “{escape(one_line(pack.figure(item_id).source.quote))}”", ""]
    out += sources(pack, notes, langs)
    return "\n".join(out)


def _pinned(pack: Pack, item_id: str, lang: Lang, notes: Citations) -> list[str]:
    kind = kind_of(pack, item_id)
    if kind == "figure":
        fig = pack.figure(item_id)
        return [f"**{cell(figure_value(pack, fig, lang))}** ({cell(fig.period)}, "
                f"{cell(kind_label(fig.kind, lang))}) [^{notes.number(fig.source)}]", ""]
    if kind == "comparison":
        return [*comparison_table(pack, build(pack, pack.comparison(item_id)), lang, False), ""]
    return _node(pack, pack.node(item_id), lang, notes)


def _node(pack: Pack, node: Node, lang: Lang, notes: Citations) -> list[str]:
    """As the section export: the node's text, its sub-items, then a figures table."""
    words = LABELS[lang]
    out: list[str] = []
    for child in node.walk():
        if child is not node:
            level = min(child.depth - node.depth + 2, 6)
            out += [f"{'#' * level} {escape(one_line(child.title.get(lang)))}", ""]
        body = escape(child.text.get(lang).strip())
        if child.source:
            body += f" [^{notes.number(child.source)}]"
        out += [body, ""]
    figures = list(node.all_figures())
    if figures:
        out += [f"**{words['figures']}**", ""]
        out.append(f"| {words['figure']} | {words['value']} | {words['period']} | "
                   f"{words['kind']} | {words['source']} |")
        out.append("| --- | ---: | --- | --- | --- |")
        for fig in figures:
            out.append(f"| {cell(fig.label.get(lang))} | {cell(figure_value(pack, fig, lang))} "
                       f"| {cell(fig.period)} | {cell(kind_label(fig.kind, lang))} "
                       f"| [^{notes.number(fig.source)}] |")
        out.append("")
    return out


def figure_line(pack: Pack, fig: Figure, lang: Lang, notes: Citations | None = None) -> str:
    """One Markdown line: value, label, period, kind and the verbatim quote with its document.

    With ``notes`` the quote becomes a footnote (the brief); without, it is written inline
    (what ``y`` copies), so the line stands on its own.
    """
    head = (f"**{cell(figure_value(pack, fig, lang))}** — {cell(fig.label.get(lang))} "
            f"({cell(fig.period)}, {cell(kind_label(fig.kind, lang))})")
    if notes is not None:
        return f"{head} [^{notes.number(fig.source)}]"
    doc = pack.document(fig.source.doc)
    return (f"{head}: “{cell(fig.source.quote)}” — {cell(doc.title.get(lang))} "
            f"({cell(doc.publisher.get(lang))}, {cell(doc.date)})")


def comparison_table(pack: Pack, view: ComparisonView, lang: Lang,
                     title: bool = True) -> list[str]:
    """A comparison as a Markdown table: label, the exact value, and what its kind adds."""
    words = LABELS[lang]
    extra = WORDS[lang]["extra"][view.kind]
    out = [f"**{cell(view.title.get(lang))}**", ""] if title else []
    out += [f"| {words['figure']} | {words['value']} | {extra} |", "| --- | ---: | ---: |"]
    for row in view.rows:
        if view.kind == "progress":
            more = "" if row.progress is None else f"{row.progress:.1f}%"
        elif view.kind == "ratio":
            more = relative_text(row, lang)
        elif view.kind == "ranking":
            more = scope_label(row.figure.scope, lang) if row.figure else ""
        else:
            more = row.figure.period if row.figure else ""
        out.append(f"| {cell(row.label.get(lang))} | {cell(row_value_text(pack, row, lang))} "
                   f"| {cell(more)} |")
    if view.note:
        out += ["", escape(one_line(view.note.get(lang)))]
    return out


def sources(pack: Pack, notes: Citations, langs: tuple[Lang, ...]) -> list[str]:
    """The numbered sources list (footnotes) every cited quote points to."""
    if not notes.sources:
        return []
    lang = langs[-1]
    out = [f"## {' / '.join(LABELS[lg]['sources'] for lg in langs)}", ""]
    for number, source in enumerate(notes.sources, start=1):
        doc = pack.document(source.doc)
        out.append(f"[^{number}]: “{escape(one_line(source.quote))}” — "
                   f"{escape(one_line(doc.title.get(lang)))} "
                   f"({escape(one_line(doc.publisher.get(lang)))}, {escape(doc.date)})")
    out.append("")
    return out
