"""View logic in plain Python: what the panes show, as Rich ``Text`` built from pack data.

Nothing here imports Textual, so it is cheap to unit-test. Pack text is always wrapped in
``Text`` objects (never parsed as markup) after :func:`briefing.text.sanitize.clean`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from rich.text import Text as RichText

from briefing.figures.formatting import (
    figure_value,
    kind_label,
    period_label,
    qualifier_label,
    scope_label,
)
from briefing.model import Figure, Lang, Node, Pack, Source
from briefing.present.comparison_cells import phrase_text
from briefing.present.comparison_rows import ComparisonView, Row
from briefing.present.words import t
from briefing.text.sanitize import clean, one_line
from briefing.text.table_layout import Column

Span = tuple[int, int]
MATCH_STYLE = "black on yellow"
CURRENT_MATCH_STYLE = "bold black on dark_orange"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the reading pane: a node's heading and its text."""

    node_id: str
    heading: str
    body: str
    depth: int

    @property
    def plain(self) -> str:
        return f"{self.heading}\n{self.body}"


def paragraphs(pack: Pack, node: Node, lang: Lang) -> list[Paragraph]:
    """The open node and its descendants, in reading order (only this node, never the pack)."""
    return [Paragraph(n.id, one_line(n.title.get(lang)), clean(n.text.get(lang)).strip(),
                      n.depth - node.depth)
            for n in node.walk()]


def find_spans(text: str, query: str) -> list[Span]:
    """Every case-insensitive occurrence of ``query`` in ``text``, left to right."""
    needle = query.casefold()
    if not needle:
        return []
    hay = text.casefold()
    if len(hay) != len(text):  # casefold changed lengths (e.g. ß); fall back to lower()
        hay, needle = text.lower(), query.lower()
    spans, start = [], 0
    while (pos := hay.find(needle, start)) >= 0:
        spans.append((pos, pos + len(needle)))
        start = pos + max(len(needle), 1)
    return spans


def highlight(text: RichText, spans: Iterable[Span], style: str = MATCH_STYLE) -> RichText:
    for start, end in spans:
        text.stylize(style, start, end)
    return text


def paragraph_text(par: Paragraph, spans: Iterable[Span] = (), current: Span | None = None,
                   section: bool = False) -> RichText:
    """A paragraph as Text; ``spans`` index into :attr:`Paragraph.plain`."""
    heading_style = "bold underline" if section else "bold"
    text = RichText.assemble((par.heading, heading_style), "\n", par.body)
    highlight(text, spans)
    if current:
        text.stylize(CURRENT_MATCH_STYLE, *current)
    return text


@dataclass(frozen=True, slots=True)
class FigureRow:
    figure_id: str
    label: str
    value: str
    qualifier: str
    period: str
    kind: str
    compared: int
    section: str = ""  # the section's title, in the all-figures view only

    @property
    def compared_text(self) -> str:
        """How many comparisons hold the figure ("·" for none), for the table's last column."""
        return str(self.compared) if self.compared else "·"

    @property
    def plain(self) -> str:
        """What find-in-pane searches in this row."""
        return " ".join((self.label, self.value, self.period, self.kind))


def figure_columns(lang: Lang) -> list[Column]:
    """The figure table's columns; the value carries the hedge, so no column of its own."""
    return [Column(t("figure", lang)), Column(t("value", lang), style="bold", whole=True),
            Column(t("period", lang)), Column(t("kind", lang)),
            Column(t("compared_short", lang), justify="center", optional=True)]


def figure_row(pack: Pack, fig: Figure, lang: Lang) -> FigureRow:
    kind = kind_label(fig.kind, lang)
    if fig.scope:
        scope = scope_label(fig.scope, lang, pack)
        kind = f"{kind}（{scope}）" if lang == "zh" else f"{kind} ({scope})"
    return FigureRow(fig.id, one_line(fig.label.get(lang)), one_line(figure_value(pack, fig, lang)),
                     qualifier_label(fig, lang, pack) or "", period_label(fig, lang), kind,
                     len(pack.comparisons_for(fig.id)))


def bilingual_row(pack: Pack, row: FigureRow, other: Lang) -> FigureRow:
    """``row`` with its label in both languages, Chinese on the first line."""
    label = one_line(pack.figure(row.figure_id).label.get(other))
    pair = (label, row.label) if other == "zh" else (row.label, label)
    return replace(row, label="\n".join(pair))


def figure_rows(pack: Pack, node: Node, lang: Lang) -> list[FigureRow]:
    return [figure_row(pack, fig, lang) for fig in node.all_figures()]


def comparisons_in(pack: Pack, node: Node) -> list[str]:
    """Ids of the comparisons that hold a figure of this node, or are filed under it."""
    ids = {f.id for f in node.all_figures()}
    nodes = {n.id for n in node.walk()}
    return [c.id for c in pack.comparisons
            if c.section_id in nodes or ids.intersection(c.figure_ids())]


# -- comparisons -------------------------------------------------------------------------------
def timeline_line(pack: Pack, view: ComparisonView, lang: Lang) -> str:
    """The same metric over time on one line: ``80.6% (2024) → 84% (2025-07) → 90% (2025)``."""
    return " → ".join(
        f"{one_line(phrase_text(pack, view, row, lang))} ({period_label(row.figure, lang)})"
        for row in view.rows if row.figure)


def _row_label(row: Row, lang: Lang) -> str:
    return one_line(row.label.get(lang))


# -- source documents --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QuoteLocation:
    paragraph: int
    start: int
    end: int


def source_paragraphs(document_text: str) -> list[str]:
    return [clean(line) for line in document_text.splitlines()]


def locate_quote(pars: list[str], quote: str) -> QuoteLocation | None:
    """Where the quote is: paragraph index and character span inside that paragraph."""
    quote = clean(quote)
    for index, par in enumerate(pars):
        pos = par.find(quote)
        if pos >= 0:
            return QuoteLocation(index, pos, pos + len(quote))
    return None


def sources_for(pack: Pack, item_id: str) -> list[Source]:
    """Every quote behind a figure or node, in order (a node whose text summarises several
    sentences cites each); a section without its own quote uses its first item's."""
    if pack.has_figure(item_id):
        return [pack.figure(item_id).source]
    if not pack.has_node(item_id):
        return []
    for node in pack.node(item_id).walk():
        if node.sources:
            return list(node.sources)
        for fig in node.figures:
            return [fig.source]
    return []


def source_for(pack: Pack, item_id: str) -> Source | None:
    """The first of :func:`sources_for` (None where there is none)."""
    found = sources_for(pack, item_id)
    return found[0] if found else None


def english_for(pack: Pack, item_id: str) -> str | None:
    """The English of what :func:`source_for` quotes, shown under the Chinese original."""
    if pack.has_figure(item_id):
        fig = pack.figure(item_id)
        return (f"{one_line(fig.label.get('en'))}: {one_line(figure_value(pack, fig, 'en'))} "
                f"({period_label(fig, 'en')})")
    if not pack.has_node(item_id):
        return None
    for node in pack.node(item_id).walk():
        if node.source:
            return f"{one_line(node.title.get('en'))}. {clean(node.text.get('en')).strip()}"
        for fig in node.figures:
            return english_for(pack, fig.id)
    return None


def document_text(pack: Pack, doc_id: str) -> str:
    """The document as a reader sees it, without conversion leftovers such as
    ``[bookmark: OLE_LINK1]`` (read when the source view opens, not at start-up)."""
    return pack.document(doc_id).reading_text()
