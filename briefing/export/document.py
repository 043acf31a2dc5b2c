"""One Markdown document: blocks added in reading order, one footnote numbering, one Sources list.

Everything an export shows goes through :class:`MarkdownDocument`, so a section export, a single
figure or comparison, and a brief of several pinned things all cite the same way: each verbatim
quote is one footnote (numbered in order of first use), each footnote points to its document's
entry (S1, S2, ...) in the Sources list, and each document is listed once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from briefing.figures.formatting import kind_label, period_label, value_parts, value_phrase
from briefing.model import Comparison, Figure, Lang, Node, Pack, Source, Text
from briefing.present.citations import Citations, page_label
from briefing.present.comparison_rows import build
from briefing.text.sanitize import one_line

from .comparisons import Cite, comparison_table
from .markdown import cell, escape, heading, inline, quoted, table

ExportLang = Literal["en", "zh", "both"]
EXPORT_LANGS: tuple[ExportLang, ...] = ("en", "zh", "both")

WORDS: dict[str, tuple[str, str]] = {  # key: (zh, en)
    "figures": ("数据", "Figures"),
    "figure": ("指标", "Figure"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "period": ("时期", "Period"),
    "kind": ("类型", "Kind"),
    "source": ("出处", "Source"),
    "sources": ("来源", "Sources"),
    "comparisons": ("对比", "Comparisons"),
    "see_also": ("另见", "See also"),
}
#: The column headers of the bilingual figures table, each in its own language.
BILINGUAL_COLUMNS = ("中文", "English")


def period(fig: Figure, lang: Lang) -> str:
    """The figure's period as a table cell (the one place exports read ``Figure.period``)."""
    return cell(period_label(fig, lang))


def word(key: str, lang: Lang) -> str:
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


class MarkdownDocument:
    """Build one export; call the ``add_*`` methods in reading order, then :meth:`render`."""

    def __init__(self, pack: Pack, lang: ExportLang = "en") -> None:
        if lang not in EXPORT_LANGS:
            raise ValueError(f"lang must be one of {', '.join(EXPORT_LANGS)}, not {lang!r}")
        self.pack = pack
        self.lang: ExportLang = lang
        #: The languages each text is written in, in order (Chinese first, English beneath).
        self.langs: tuple[Lang, ...] = ("zh", "en") if lang == "both" else (lang,)
        self.citations = Citations()
        self._blocks: list[str] = []
        #: Comparisons already drawn, so a brief of several pins shows each table once.
        self._drawn: set[str] = set()

    # -- small pieces ----------------------------------------------------------------------
    def words(self, key: str) -> str:
        """A fixed label in the document's language(s): "Figures", "数据 / Figures"."""
        return " / ".join(word(key, lang) for lang in self.langs)

    def title(self, text: Text) -> str:
        """Pack text for a heading or a cell: one line, inert, in the document's language(s)."""
        parts = [one_line(text.get(lang)) for lang in self.langs]
        if len(parts) == 2 and parts[0] == parts[1]:
            parts = parts[:1]
        return inline(" / ".join(parts))

    def ref(self, source: Source | None) -> str:
        """A footnote reference to ``source``'s quote ("" for no source)."""
        return "" if source is None else f"[^{self.citations.number(source)}]"

    def add(self, *lines: str) -> None:
        """Raw Markdown lines, then a blank line (for callers composing their own blocks)."""
        self._blocks.extend(lines)
        self._blocks.append("")

    def add_heading(self, level: int, text: str) -> None:
        """A heading from text that is already Markdown (see :meth:`title`, :meth:`words`)."""
        self.add(heading(level, text))

    def add_paragraphs(self, text: Text, source: Source | None = None) -> None:
        """The text in each language, Chinese first with English beneath; the footnote to its
        quote goes after the first language's text."""
        reference = self.ref(source)
        for position, lang in enumerate(self.langs):
            body = escape(text.get(lang).strip())
            if not body:
                continue
            if reference and position == 0:
                body += f" {reference}"
            self.add(body)

    # -- the things a brief is made of -----------------------------------------------------
    def add_node(self, node: Node, level: int = 1, with_figures: bool = True,
                 with_comparisons: bool = True) -> None:
        """A section or item as its export shows it: its text and sub-items as headings and
        paragraphs, then one table of all their figures, then the comparisons those figures
        take part in."""
        for sub in node.walk():
            self.add_heading(level + sub.depth - node.depth, self.title(sub.title))
            self.add_paragraphs(sub.text, sub.source)
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
            zh, en = WORDS["see_also"]
            names = "; ".join(f"{escape(title_of(self.pack, ref, lang))} (`{ref}`)"
                              for ref in refs)
            self.add(f"**{zh if lang == 'zh' else en}:** {names}")

    def add_figure(self, figure: Figure, level: int = 1, with_comparisons: bool = True) -> None:
        """One figure: its label as a heading, a one-row table, its note, its comparisons."""
        self.add_heading(level, self.title(figure.label))
        self.add_figure_table([figure])
        if figure.note:  # a figure's note is the editor's, never the source's words
            self.add_paragraphs(Text(zh=f"编者注：{figure.note.zh}",
                                     en=f"Editor's note: {figure.note.get('en')}"))
        if with_comparisons:
            self.add_comparisons(self.comparisons_of([figure]), level + 1)

    def add_figure_table(self, figures: Iterable[Figure]) -> None:
        """Figures as a table: numbers right-aligned, words left; in both languages, one column
        per language."""
        figures = list(figures)
        if self.lang == "both":
            rows = [[self._figure_sentence(f, "zh") + f" {self.ref(f.source)}",
                     self._figure_sentence(f, "en")] for f in figures]
            self.add(*table(BILINGUAL_COLUMNS, ["left", "left"], rows))
            return
        lang = self.langs[0]
        headers = [word(key, lang) for key in ("figure", "value", "unit", "period", "kind",
                                               "source")]
        rows = []
        for fig in figures:
            number, unit = value_parts(self.pack, fig, lang)
            rows.append([cell(fig.label.get(lang)), cell(number), cell(unit), period(fig, lang),
                         cell(kind_label(fig.kind, lang)), self.ref(fig.source)])
        self.add(*table(headers, ["left", "right", "left", "left", "left", "left"], rows))

    def _figure_sentence(self, fig: Figure, lang: Lang) -> str:
        label = cell(fig.label.get(lang))
        value = cell(value_phrase(self.pack, fig, lang))
        kind = kind_label(fig.kind, lang)
        if lang == "zh":
            return f"{label}：**{value}**（{period(fig, lang)}，{kind}）"
        return f"{label}: **{value}** ({period(fig, lang)}, {kind})"

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
        """A curated comparison: its title, its table (bilingual cells joined), its note."""
        self._drawn.add(comparison.id)
        view = build(self.pack, comparison)
        self.add_heading(level, self.title(view.title))
        spec = comparison_table(Cite(self.pack, self.ref), view, self.langs)
        self.add(*table(spec.headers, spec.aligns, spec.rows))
        for line in spec.legend:
            self.add(line)
        if view.note:
            self.add_paragraphs(view.note)

    # -- the end of the document -----------------------------------------------------------
    def render(self, sources_level: int = 2) -> str:
        """The document: the blocks, the Sources list and the footnotes, as GFM text."""
        lines = list(self._blocks)
        if self.citations.sources:
            lines += [heading(sources_level, self.words("sources")), ""]
            lines += [self._source_entry(doc_id) for doc_id in self.citations.documents]
            lines.append("")
            for number, source in enumerate(self.citations.sources, start=1):
                entry = self.citations.document_number(source.doc)
                page = self.citations.page(self.pack.document(source.doc), source.quote)
                where = f"S{entry}" if page is None else f"S{entry}, " + " / ".join(
                    page_label(page, lang) for lang in self.langs)
                lines.append(f"[^{number}]: {inline(quoted(source.quote))} — {where}")
            lines.append("")
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines) + "\n"

    def _source_entry(self, doc_id: str) -> str:
        """"- **S1** title (publisher, date), sha256 `b55c15132732`"; in both languages the
        English follows the Chinese on its own line."""
        doc = self.pack.document(doc_id)
        parts = []
        for lang in self.langs:
            title = inline(doc.title.get(lang))
            publisher = inline(doc.publisher.get(lang))
            date = inline(doc.date)
            parts.append(f"{title}（{publisher}，{date}）" if lang == "zh"
                         else f"{title} ({publisher}, {date})")
        number = self.citations.document_number(doc_id)
        digest = "".join(ch for ch in doc.sha256[:12] if ch.isalnum())
        return f"- **S{number}** " + "\\\n  ".join(parts) + f" · sha256 `{digest}`"
