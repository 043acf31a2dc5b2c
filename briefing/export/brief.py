"""A brief: the pinned sections, items, figures and comparisons as one document; and what the
app's copy (``y``) puts on the clipboard, each piece with its source.

The brief is the export's own rendering of each pinned thing (one Sources list for all, each
thing shown once: :meth:`~briefing.export.ExportDocument.add_items`). A copy is a
self-contained Markdown fragment that cites inline (a footnote would not survive the paste): a
figure as one line, a comparison as its table with each row's quote, a section or item as its
text with the quotes it rests on; each ends with the documents it cites.
"""

from __future__ import annotations

from briefing.figures.formatting import figure_value, kind_label, period_label
from briefing.model import Figure, Lang, Node, Pack, Text
from briefing.present.comparison_rows import ComparisonView
from briefing.present.titles import kind_of
from briefing.text.nobreak import bind_value
from briefing.text.sanitize import one_line

from . import CiteStyle, ExportDocument, ExportLang, cell, export_items
from .labels import table_label
from .quoting import quoted

WORDS = {"en": {"brief": "Brief"}, "zh": {"brief": "简报"}}


def brief_title(pack: Pack) -> Text:
    return Text(zh=f"{one_line(pack.title.zh)} — {WORDS['zh']['brief']}",
                en=f"{one_line(pack.title.get('en'))} — {WORDS['en']['brief']}")


def brief_document(pack: Pack, ids: list[str], lang: ExportLang = "en",
                   cite: CiteStyle = "footnotes") -> ExportDocument:
    """The brief for ``ids`` (in that order; ids the pack lacks are skipped), ready to render
    as Markdown, HTML or Word."""
    return export_items(pack, [i for i in ids if kind_of(pack, i)], lang, brief_title(pack),
                        cite)


def brief_markdown(pack: Pack, ids: list[str], lang: ExportLang = "en",
                   cite: CiteStyle = "footnotes") -> str:
    """The brief as Markdown."""
    return str(brief_document(pack, ids, lang, cite).render("md"))


def figure_line(pack: Pack, fig: Figure, lang: Lang) -> str:
    """One Markdown line that stands on its own: value, label, period, kind, and the
    verbatim quote with its document (what ``y`` copies)."""
    zh = lang == "zh"
    open_, comma, close = ("（", "，", "）") if zh else (" (", ", ", ")")
    head = (f"**{cell(bind_value(figure_value(pack, fig, lang), lang))}** — "
            f"{cell(table_label(pack, fig, lang))}"
            f"{open_}{cell(period_label(fig, lang))}{comma}{cell(kind_label(fig.kind, lang))}"
            f"{close}")
    return f"{head}{'：' if zh else ': '}{cell(quoted(fig.source.quote))} — " + \
        cell(document_line(pack, fig.source.doc, lang, fig.source.quote))


def document_line(pack: Pack, doc_id: str, lang: Lang, quote: str | None = None) -> str:
    """"Title (Publisher, date, p. 3)": a document as a copy cites it (the page of ``quote``
    where the document has pages)."""
    doc = pack.document(doc_id)
    zh = lang == "zh"
    parts = [one_line(doc.publisher.get(lang)), doc.date]
    page = doc.page_of_quote(quote) if quote else None
    if page is not None:
        parts.append(f"第{page}页" if zh else f"p. {page}")
    inner = ("，" if zh else ", ").join(parts)
    return (f"{one_line(doc.title.get(lang))}（{inner}）" if zh
            else f"{one_line(doc.title.get(lang))} ({inner})")


def comparison_table(pack: Pack, view: ComparisonView, lang: Lang,
                     title: bool = True) -> list[str]:
    """A comparison as ``y`` copies it: its title, its table (the entry, its value in words,
    what its kind adds, the quote behind it), its marks and notes, then its documents."""
    doc = ExportDocument(pack, lang, cite="inline", profile="copy")
    doc.add_view(view, level=1, heading=title)
    return _compact(doc)


def node_text(pack: Pack, node: Node, lang: Lang) -> str:
    """A section or item as ``y`` copies it: its title, its text with the quotes it rests on,
    then their documents (its figures and sub-items are a brief's, not a copy's)."""
    doc = ExportDocument(pack, lang, cite="inline")
    doc.add_heading(1, doc.title(node.title))
    doc.add_paragraphs(node.text, node.sources)
    return "\n".join(_compact(doc))


def _compact(doc: ExportDocument) -> list[str]:
    """A copied fragment: bold titles instead of headings, the Sources as one line."""
    return str(doc.render("md", compact=True)).rstrip("\n").split("\n")
