"""Export the briefing as a document that goes into a client brief untouched: GitHub-flavoured
Markdown, a self-contained HTML page, or a Word file.

What an export holds: headings and paragraphs of the exported section or item, one table of its
figures (labels without what the Period, Kind and Unit columns say, numbers right-aligned with
no-break spaces inside, unit words left, each row's quote in its Source column), the editor's
notes, the curated comparisons its figures take part in, a **Sources** list citing each document
once (title, publisher, date) and the citation of every verbatim quote its prose rests on
(footnotes, or ``cite="inline"`` after the paragraph). ``lang`` is "en", "zh" or "both"
(Chinese with English beneath; table cells hold both where they differ). Pack text is always
inert in every format.

The API, for the CLI, the app, the brief of pinned things and the browser download:

- :func:`to_markdown` ``(pack, item_id, lang)``: the Markdown export of one section, item,
  figure or comparison id, as ``briefing export ID`` writes it.
- :func:`export_items` ``(pack, ids, lang, title=None, cite="footnotes")``: several ids in order
  in ONE :class:`ExportDocument` (one Sources list, one numbering), each shown once; render it
  with ``.render("md" | "html" | "docx")``. :func:`render_items` is its Markdown.
- :class:`ExportDocument` for finer control: ``add_node``, ``add_figure``,
  ``add_figure_table``, ``add_comparison``, ``add_heading``, ``add_paragraphs``, then
  ``render(fmt)``.
- :func:`write_text_atomic` ``(path, data, force=False)``: never overwrites without ``force``
  (:class:`TargetExists`), never leaves a partial file; failures are :class:`ExportError` with a
  one-line message for the user. :func:`default_export_name` names the file.

Modules, one concern each: ``blocks`` (what a document is made of), ``document`` (the builder
and its citations), ``comparisons`` (comparison tables), ``labels`` (figure labels in a table),
``quoting`` (quotation marks), ``markdown`` (GFM escaping), ``gfm``, ``html`` and ``word`` (the
three renderers), ``brief`` (pins and copies), ``write`` (the safe write).
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.model import Pack, Text

from .blocks import CITE_STYLES, CiteStyle
from .document import (
    EXPORT_FORMATS,
    EXPORT_LANGS,
    WORDS,
    ExportDocument,
    ExportFormat,
    ExportLang,
    MarkdownDocument,
)
from .markdown import cell, escape, inline
from .quoting import quoted
from .write import ExportError, TargetExists, default_export_name, write_text_atomic

#: Fixed labels per language (kept for callers that build their own tables, e.g. the brief).
LABELS = {lang: {key: pair[0 if lang == "zh" else 1] for key, pair in WORDS.items()}
          for lang in ("en", "zh")}

__all__ = [
    "CITE_STYLES", "EXPORT_FORMATS", "EXPORT_LANGS", "LABELS", "CiteStyle", "ExportDocument",
    "ExportError", "ExportFormat", "ExportLang", "MarkdownDocument", "TargetExists", "add_item",
    "cell", "default_export_name", "escape", "export_items", "inline", "quoted",
    "render_items", "to_markdown", "write_text_atomic",
]


def add_item(doc: ExportDocument, item_id: str, level: int = 1) -> None:
    """Add a section, item, figure or comparison to ``doc`` as its own export shows it.

    Raises ``KeyError`` for an id the pack does not have.
    """
    doc.add_item(item_id, level)


def to_markdown(pack: Pack, item_id: str, lang: ExportLang = "en",
                cite: CiteStyle = "footnotes") -> str:
    """The Markdown export of one section, item, figure or comparison."""
    doc = ExportDocument(pack, lang, cite)
    doc.add_item(item_id)
    return str(doc.render("md"))


def export_items(pack: Pack, ids: Iterable[str], lang: ExportLang = "en",
                 title: Text | None = None, cite: CiteStyle = "footnotes") -> ExportDocument:
    """Several sections, items, figures or comparisons, in order, as one document: each shown
    once (see :meth:`ExportDocument.add_items`); with a ``title`` they sit one level below."""
    doc = ExportDocument(pack, lang, cite)
    level = 1
    if title is not None:
        doc.add_heading(1, doc.title(title))
        level = 2
    doc.add_items(ids, level)
    return doc


def render_items(pack: Pack, ids: Iterable[str], lang: ExportLang = "en",
                 title: Text | None = None, cite: CiteStyle = "footnotes") -> str:
    """:func:`export_items` as Markdown."""
    return str(export_items(pack, ids, lang, title, cite).render("md"))
