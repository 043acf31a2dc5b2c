"""One export: blocks added in reading order, one numbering of quotes, one Sources list.

Everything an export shows goes through :class:`ExportDocument`, so a section export, a single
figure or comparison, a brief of several pinned things and the table ``y`` copies all cite the
same way: each document is listed once in **Sources** (S1, S2, ... by title, publisher and
date), each verbatim quote is cited in the text where it is used. Prose cites its quotes as the
document's ``cite`` style says (footnotes, or inline after the paragraph); a table cites each
row's quotes inline in its Source column, since a footnote in a table cell does not survive a
paste. The same blocks render as GitHub-flavoured Markdown, HTML or a Word document
(:meth:`ExportDocument.render`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from briefing.figures.formatting import kind_label, period_label, value_parts
from briefing.model import Comparison, Figure, Lang, Node, Pack, Source, Text
from briefing.present.citations import Citations, page_label
from briefing.present.comparison_rows import ComparisonView, build, find_comparison, is_comparison
from briefing.present.titles import kind_of
from briefing.text.nobreak import bind_numbers, bind_value
from briefing.text.sanitize import one_line

from .blocks import (
    CITE_STYLES,
    Block,
    Cite,
    CiteStyle,
    Column,
    Heading,
    Inline,
    Paragraph,
    Run,
    Table,
)
from .comparisons import comparison_blocks
from .labels import short_label, table_label
from .quoting import quoted

ExportLang = Literal["en", "zh", "both"]
EXPORT_LANGS: tuple[ExportLang, ...] = ("en", "zh", "both")
ExportFormat = Literal["md", "html", "docx"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("md", "html", "docx")

WORDS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    "figures": ("数据", "Figures"),
    "figure": ("指标", "Figure"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "period": ("时期", "Period"),
    "kind": ("类型", "Kind"),
    "source": ("出处", "Source"),
    "sources": ("来源", "Sources"),
    "notes": ("注释", "Notes"),
    "comparisons": ("对比", "Comparisons"),
    "see_also": ("另见", "See also"),
    "editor_note": ("编者注", "Editor's note"),
}


def word(key: str, lang: Lang) -> str:
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


def joined(cells: Sequence[str]) -> str:
    """One cell per language joined: the same text once, different texts "zh / en"."""
    return " / ".join(dict.fromkeys(cells))


class ExportDocument:
    """Build one export; call the ``add_*`` methods in reading order, then :meth:`render`.

    ``profile`` names the comparison columns (:mod:`briefing.present.comparison_profiles`):
    "markdown" for an export, "copy" for the table ``y`` copies.
    """

    def __init__(self, pack: Pack, lang: ExportLang = "en", cite: CiteStyle = "footnotes",
                 profile: str = "markdown") -> None:
        if lang not in EXPORT_LANGS:
            raise ValueError(f"lang must be one of {', '.join(EXPORT_LANGS)}, not {lang!r}")
        if cite not in CITE_STYLES:
            raise ValueError(f"cite must be one of {', '.join(CITE_STYLES)}, not {cite!r}")
        self.pack = pack
        self.lang: ExportLang = lang
        self.cite_style: CiteStyle = cite
        self.profile = profile
        #: The languages each text is written in, in order (Chinese first, English beneath).
        self.langs: tuple[Lang, ...] = ("zh", "en") if lang == "both" else (lang,)
        self.citations = Citations()
        self.blocks: list[Block] = []
        #: Comparisons already drawn, so a brief of several pins shows each table once.
        self._drawn: set[str] = set()

    # -- small pieces ----------------------------------------------------------------------
    @property
    def first(self) -> Lang:
        """The language citations and fixed punctuation are written in (Chinese for both)."""
        return self.langs[0]

    def words(self, key: str) -> str:
        """A fixed label in the document's language(s): "Figures", "数据 / Figures"."""
        return " / ".join(word(key, lang) for lang in self.langs)

    def title(self, text: Text) -> str:
        """Pack text for a heading or a cell: one line, in the document's language(s)."""
        return joined([one_line(text.get(lang)) for lang in self.langs])

    def cite(self, sources: Iterable[Source | None]) -> Cite | None:
        """A citation of ``sources`` (numbered in order of first use); None for none."""
        kept = tuple(dict.fromkeys(s for s in sources if s is not None))
        for source in kept:
            self.citations.number(source)
        return Cite(kept) if kept else None

    def where(self, source: Source) -> str:
        """Where a quote is: its document's entry and, for a paged one, the page ("S1, p. 2")."""
        number = self.citations.document_number(source.doc)
        page = self.citations.page(self.pack.document(source.doc), source.quote)
        if page is None:
            return f"S{number}"
        comma = "，" if self.first == "zh" else ", "
        return f"S{number}{comma}{page_label(page, self.first)}"

    def cite_text(self, cite: Cite) -> str:
        """The quotes of ``cite`` inline: "S1: “…”, “…”; S2, p. 3: “…”" (Chinese
        punctuation in a Chinese or bilingual document: "S1：“…”、“…”；S2，第3页：“…”")."""
        zh = self.first == "zh"
        groups: dict[str, list[str]] = {}
        for source in cite.sources:
            groups.setdefault(self.where(source), []).append(quoted(source.quote))
        colon, comma, semicolon = ("：", "、", "；") if zh else (": ", ", ", "; ")
        return semicolon.join(f"{where}{colon}{comma.join(quotes)}"
                              for where, quotes in groups.items())

    def add_heading(self, level: int, text: str) -> None:
        self.blocks.append(Heading(level, text))

    def add_paragraphs(self, text: Text, sources: Sequence[Source] | Source | None = (),
                       aside: bool = False) -> None:
        """The text in each language, Chinese first with English beneath; the citation of its
        quotes (one, or several) goes after the first language's text."""
        cite = self.cite([sources] if isinstance(sources, Source) or sources is None
                         else sources)
        for position, lang in enumerate(self.langs):
            body = text.get(lang).strip()
            if not body:
                continue
            parts: list[Inline] = [Run(bind_numbers(body, lang))]
            if cite is not None and position == 0:
                parts.append(cite)
            self.blocks.append(Paragraph(tuple(parts), aside=aside))

    # -- the things a brief is made of -----------------------------------------------------
    def add_items(self, ids: Iterable[str], level: int = 1) -> None:
        """Several ids in order, each shown once: a figure or item inside a section or item
        that is also listed is shown there, in its table, not again on its own; a comparison
        already drawn is not drawn again. Ids the pack lacks are skipped."""
        ids = [i for i in dict.fromkeys(ids) if kind_of(self.pack, i) is not None]
        covered: set[str] = set()
        for item_id in ids:
            if self.pack.has_node(item_id):
                for sub in self.pack.node(item_id).walk():
                    covered |= {f.id for f in sub.figures}
                    if sub.id != item_id:
                        covered.add(sub.id)
        for item_id in ids:
            if item_id not in covered:
                self.add_item(item_id, level)

    def add_item(self, item_id: str, level: int = 1) -> None:
        """A section, item, figure or comparison as its own export shows it (a comparison
        this document already drew is left out). ``KeyError`` for an id the pack lacks."""
        pack = self.pack
        if pack.has_node(item_id):
            self.add_node(pack.node(item_id), level)
        elif pack.has_figure(item_id):
            self.add_figure(pack.figure(item_id), level)
        elif is_comparison(pack, item_id):  # curated, or ad-hoc (``adhoc:a,b``)
            if item_id not in self._drawn:
                self.add_comparison(find_comparison(pack, item_id), level)
        else:
            raise KeyError(item_id)

    def add_node(self, node: Node, level: int = 1, with_figures: bool = True,
                 with_comparisons: bool = True) -> None:
        """A section or item as its export shows it: its text and sub-items as headings and
        paragraphs, then one table of all their figures with their notes, then the
        comparisons those figures take part in."""
        for sub in node.walk():
            self.add_heading(level + sub.depth - node.depth, self.title(sub.title))
            self.add_paragraphs(sub.text, sub.sources)
        figures = list(node.all_figures())
        if with_figures and figures:
            self.add_heading(level + 1, self.words("figures"))
            self.add_figure_table(figures)
        if with_comparisons:
            self.add_comparisons(self.comparisons_of(figures), level + 1)
        self.add_see_also(node.all_see_also())

    def add_see_also(self, refs: list[str]) -> None:
        """Where the pack points a reader next: one line per language, titles and ids."""
        if not refs:
            return
        from briefing.present.titles import title_of

        for lang in self.langs:
            names = "; ".join(f"{title_of(self.pack, ref, lang)} ({ref})" for ref in refs)
            colon = "：" if lang == "zh" else ": "
            self.blocks.append(Paragraph((Run(word("see_also", lang), strong=True),
                                          Run(colon + names))))

    def add_figure(self, figure: Figure, level: int = 1, with_comparisons: bool = True) -> None:
        """One figure: its label as a heading, its table (the heading is its label), its
        note, its comparisons."""
        self.add_heading(level, self.title(figure.label))
        self.add_figure_table([figure], with_label=False)
        if with_comparisons:
            self.add_comparisons(self.comparisons_of([figure]), level + 1)

    def add_figure_table(self, figures: Iterable[Figure], with_label: bool = True) -> None:
        """Figures as a table: label (without what the other columns say), the number
        right-aligned, its unit, period, kind and the quote it rests on; in both languages
        each cell holds both where they differ. Each figure's editor's note follows."""
        figures = list(figures)
        keys = ("figure", "value", "unit", "period", "kind", "source")[0 if with_label else 1:]
        roles = {"value": "number", "period": "fixed", "kind": "fixed", "source": "source"}
        columns = tuple(Column(self.words(key), "right" if key == "value" else "left",
                               roles.get(key, "text")) for key in keys)
        table = Table(columns)
        for fig in figures:
            cells = {key: joined([self._figure_cell(fig, key, lang) for lang in self.langs])
                     for key in keys[:-1]}
            row: list[tuple[Inline, ...]] = [
                (Run(cells[key], strong=key == "value"),) for key in keys[:-1]]
            cite = self.cite([fig.source])
            row.append((cite,) if cite else ())
            table.rows.append(tuple(row))
        self.blocks.append(table)
        self.add_figure_notes(figures, with_label)

    def _figure_cell(self, fig: Figure, key: str, lang: Lang) -> str:
        if key == "figure":
            return one_line(table_label(self.pack, fig, lang))
        if key in ("value", "unit"):
            number, unit = value_parts(self.pack, fig, lang)
            return bind_value(one_line(number), lang) if key == "value" else one_line(unit)
        if key == "period":
            return period_label(fig, lang)
        return kind_label(fig.kind, lang)

    def add_figure_notes(self, figures: list[Figure], with_label: bool = True) -> None:
        """Each figure's note (the editor's, never the source's words), after its table."""
        for fig in figures:
            if fig.note is None:
                continue
            for lang in self.langs:
                zh = lang == "zh"
                which = ""
                if with_label:  # which row: its label, short (no bracket)
                    short = one_line(short_label(fig.label.get(lang)))
                    which = f"（{short}）" if zh else f", {short}"
                # only the word is bold: "**编者注**（…）：", which GFM reads as bold in any script
                self.blocks.append(Paragraph((
                    Run(word("editor_note", lang), strong=True),
                    Run(which + ("：" if zh else ": ")),
                    Run(bind_numbers(fig.note.get(lang).strip(), lang))), aside=True))

    def comparisons_of(self, figures: Iterable[Figure]) -> list[Comparison]:
        """The curated comparisons any of ``figures`` takes part in, in pack order, less those
        this document has already drawn."""
        ids = {f.id for f in figures}
        return [c for c in self.pack.comparisons
                if ids & set(c.figure_ids()) and c.id not in self._drawn]

    def add_comparisons(self, comparisons: list[Comparison], level: int) -> None:
        """A "Comparisons" heading and each comparison under it (nothing if there are none)."""
        if not comparisons:
            return
        self.add_heading(level, self.words("comparisons"))
        for comparison in comparisons:
            self.add_comparison(comparison, level + 1)

    def add_comparison(self, comparison: Comparison, level: int = 1) -> None:
        """A curated comparison: its title, its table (bilingual cells joined), the notes of
        its marked rows, the legend of its marks, its note."""
        self._drawn.add(comparison.id)
        self.add_view(build(self.pack, comparison), level)

    def add_view(self, view: ComparisonView, level: int = 1, heading: bool = True) -> None:
        """A comparison, curated or picked (``heading`` False: the table without its title)."""
        if heading:
            self.add_heading(level, self.title(view.title))
        table, lines = comparison_blocks(self, view)
        self.blocks.append(table)
        for line in lines:
            self.blocks.append(Paragraph((Run(line),)))
        if view.note:
            self.add_paragraphs(view.note)

    # -- the end of the document -----------------------------------------------------------
    def source_entry(self, doc_id: str, lang: Lang) -> str:
        """"Title (Publisher, date)" of a cited document, in ``lang``."""
        doc = self.pack.document(doc_id)
        title, publisher = one_line(doc.title.get(lang)), one_line(doc.publisher.get(lang))
        return (f"{title}（{publisher}，{doc.date}）" if lang == "zh"
                else f"{title} ({publisher}, {doc.date})")

    def footnotes(self) -> list[Source]:
        """The quotes prose cites as footnotes, in order of first citation (number i+1); none
        when citations are inline."""
        if self.cite_style != "footnotes":
            return []
        found: dict[Source, None] = {}
        for block in self.blocks:
            if isinstance(block, Paragraph):
                for part in block.parts:
                    if isinstance(part, Cite):
                        found.update(dict.fromkeys(part.sources))
        return list(found)

    def render(self, fmt: ExportFormat = "md", sources_level: int = 2,
               compact: bool = False) -> str | bytes:
        """The document as GFM text ("md"), a self-contained HTML page ("html") or the bytes
        of a Word file ("docx"). ``compact`` (Markdown): a fragment for the clipboard, with
        bold lines for headings and the Sources on one line."""
        if fmt == "md":
            from .gfm import render_gfm

            return render_gfm(self, sources_level, compact)
        if fmt == "html":
            from .html import render_html

            return render_html(self, sources_level)
        if fmt == "docx":
            from .word import render_docx

            return render_docx(self, sources_level)
        raise ValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")


#: The name this builder had when it only wrote Markdown.
MarkdownDocument = ExportDocument
