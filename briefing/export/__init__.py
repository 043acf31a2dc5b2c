"""Export the briefing as GitHub-flavoured Markdown that goes into a client brief untouched.

What an export holds: headings and paragraphs of the exported section or item, one table of its
figures (numbers right-aligned, unit words left), the curated comparisons its figures take part
in (as tables with bars of block characters), a **Sources** list citing each document once
(title, publisher, date, short sha256), and one footnote per verbatim quote pointing to its
source entry. ``lang`` is "en", "zh" or "both" (Chinese with English beneath; figures as a
two-column table). Pack text is always inert (:mod:`briefing.export.markdown`).

The API, for the CLI, the app, the brief of pinned things and the browser download:

- :func:`to_markdown` ``(pack, item_id, lang)``: the export of one section, item, figure or
  comparison id, as ``briefing export ID`` writes it.
- :func:`render_items` ``(pack, ids, lang, title=None)``: several ids in the given order in ONE
  document (one Sources list, one footnote numbering), each rendered as its own export renders
  it; with a ``title`` the items sit one level below it. For a brief of pins.
- :class:`MarkdownDocument` for finer control: ``add_node``, ``add_figure``,
  ``add_figure_table`` (several figures in one table), ``add_comparison``, ``add_heading``,
  ``add_paragraphs``, ``add`` (raw lines), then ``render()``.
- :func:`write_text_atomic` ``(path, text, force=False)``: never overwrites without ``force``
  (:class:`TargetExists`), never leaves a partial file; failures are :class:`ExportError` with a
  one-line message for the user. :func:`default_export_name` names the file.

Modules, one concern each: ``markdown`` (escaping and GFM blocks), ``document`` (the builder,
footnotes and sources), ``comparisons`` (comparison tables), ``write`` (the safe write).
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.model import Pack, Text
from briefing.present.comparison_rows import find_comparison, is_comparison

from .document import EXPORT_LANGS, WORDS, ExportLang, MarkdownDocument
from .markdown import cell, escape, inline, quoted
from .write import ExportError, TargetExists, default_export_name, write_text_atomic

#: Fixed labels per language (kept for callers that build their own tables, e.g. the brief).
LABELS = {lang: {key: pair[0 if lang == "zh" else 1] for key, pair in WORDS.items()}
          for lang in ("en", "zh")}

__all__ = [
    "EXPORT_LANGS", "LABELS", "ExportError", "ExportLang", "MarkdownDocument", "TargetExists",
    "add_item", "cell", "default_export_name", "escape", "inline", "quoted", "render_items",
    "to_markdown", "write_text_atomic",
]


def add_item(doc: MarkdownDocument, item_id: str, level: int = 1) -> None:
    """Add a section, item, figure or comparison to ``doc`` as its own export shows it.

    Raises ``KeyError`` for an id the pack does not have.
    """
    pack = doc.pack
    if pack.has_node(item_id):
        doc.add_node(pack.node(item_id), level)
    elif pack.has_figure(item_id):
        doc.add_figure(pack.figure(item_id), level)
    elif is_comparison(pack, item_id):  # curated, or ad-hoc (``adhoc:a,b``)
        doc.add_comparison(find_comparison(pack, item_id), level)
    else:
        raise KeyError(item_id)


def to_markdown(pack: Pack, item_id: str, lang: ExportLang = "en") -> str:
    """The Markdown export of one section, item, figure or comparison."""
    doc = MarkdownDocument(pack, lang)
    add_item(doc, item_id)
    return doc.render()


def render_items(pack: Pack, ids: Iterable[str], lang: ExportLang = "en",
                 title: Text | None = None) -> str:
    """Several sections, items, figures or comparisons, in order, as one document."""
    doc = MarkdownDocument(pack, lang)
    level = 1
    if title is not None:
        doc.add_heading(1, doc.title(title))
        level = 2
    for item_id in ids:
        add_item(doc, item_id, level)
    return doc.render()
