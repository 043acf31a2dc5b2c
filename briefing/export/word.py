"""An export as a Word document (python-docx): headings, paragraphs and real tables.

Word has no Markdown to misread: headings use Word's heading styles, tables are Word tables
with a header row, numbers right-aligned, and each row's quotes in its Source column. A bar is
a shaded run of no-break spaces (shading has no gaps in any font, where block characters look
like a segmented strip). Footnote citations are superscript numbers pointing to a Notes list
at the end (python-docx writes no Word footnotes); inline citations follow their paragraph.
Pack text is only ever run text: nothing in it is a field, a link or a style.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from briefing.model import Source
from briefing.text.nobreak import NBSP
from briefing.text.sanitize import clean

from .blocks import Bar, Cite, Document, Heading, Inline, Paragraph, Run, Table, paragraphs
from .quoting import quoted

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.text.paragraph import Paragraph as WordParagraph

BAR_FILL = "4A78B5"
BAR_CELLS = 16  # a full bar is this many no-break spaces
GREY = RGBColor(0x44, 0x4C, 0x56)
#: Chinese text in Word's own fonts for it (Word substitutes where one is missing).
EAST_ASIAN_FONT = "Microsoft YaHei"


def render_docx(doc: Document, sources_level: int = 2) -> bytes:
    word = docx.Document()
    _east_asian_fonts(word)
    notes = {source: number for number, source in enumerate(doc.footnotes(), start=1)}
    title = next((b.text for b in doc.blocks if isinstance(b, Heading)), "")
    word.core_properties.title = _text(title)
    for block in doc.blocks:
        if isinstance(block, Heading):
            word.add_heading(_text(block.text), level=min(max(block.level, 1), 9))
        elif isinstance(block, Paragraph):
            for parts in paragraphs(block.parts):
                _paragraph(doc, word.add_paragraph(), parts, notes, block.aside)
        elif isinstance(block, Table):
            _table(doc, word, block)
    level = min(max(sources_level, 1), 9)
    if doc.citations.documents:
        word.add_heading(_text(doc.words("sources")), level=level)
        for doc_id in doc.citations.documents:
            line = word.add_paragraph()
            line.add_run(f"S{doc.citations.document_number(doc_id)} ").bold = True
            for position, lang in enumerate(doc.langs):
                if position:
                    line.add_run().add_break()
                line.add_run(_text(doc.source_entry(doc_id, lang)))
    if notes:
        word.add_heading(_text(doc.words("notes")), level=level)
        for source, number in notes.items():
            line = word.add_paragraph()
            line.add_run(f"{number}. ").bold = True
            line.add_run(_text(f"{quoted(source.quote)} — {doc.where(source)}"))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _text(text: str) -> str:
    """Text Word can hold: no control characters (XML refuses them)."""
    return clean(text)


def _east_asian_fonts(word: WordDocument) -> None:
    for name in ("Normal", "Title", *(f"Heading {n}" for n in range(1, 7))):
        style = word.styles[name]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)


def _paragraph(doc: Document, line: WordParagraph, parts: tuple[Inline, ...],
               notes: dict[Source, int], aside: bool = False) -> None:
    for part in parts:
        if isinstance(part, Run):
            run = line.add_run(_text(part.text))
            run.bold = part.strong or None
            if aside:
                run.font.color.rgb = GREY
        elif isinstance(part, Cite) and doc.cite_style == "footnotes":
            run = line.add_run(",".join(str(notes[s]) for s in part.sources))
            run.font.superscript = True
        elif isinstance(part, Cite):
            text = doc.cite_text(part)
            run = line.add_run(_text(f"（{text}）" if doc.first == "zh" else f" ({text})"))
            run.font.color.rgb = GREY


def _table(doc: Document, word: WordDocument, table: Table) -> None:
    grid = word.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        line = cell.paragraphs[0]
        line.add_run(_text(column.header)).bold = True
        _align(line, column.align)
    _repeat_header(grid.rows[0])
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, column, parts in zip(cells, table.columns, row, strict=True):
            line = cell.paragraphs[0]
            _align(line, column.align)
            _cell(doc, line, parts, small=column.role == "source")


def _align(line: WordParagraph, align: str) -> None:
    if align == "right":
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _repeat_header(row) -> None:
    """The header row repeats on each page a long table runs onto."""
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _cell(doc: Document, line: WordParagraph, parts: tuple[Inline, ...],
          small: bool) -> None:
    for part in parts:
        if isinstance(part, Run) and part.text:
            run = line.add_run(_text(part.text))
            run.bold = (part.strong and any(c.isdigit() for c in part.text)) or None
        elif isinstance(part, Cite):
            run = line.add_run(_text(doc.cite_text(part)))
            if small:
                run.font.size = Pt(9)
                run.font.color.rgb = GREY
        elif isinstance(part, Bar) and part.fraction is not None:
            _bar(line, part.fraction)


def _bar(line: WordParagraph, fraction: float) -> None:
    """A shaded run of no-break spaces, as long as the bar."""
    length = max(1, round(min(max(fraction, 0.0), 1.0) * BAR_CELLS))
    run = line.add_run(NBSP * length)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), BAR_FILL)
    run._r.get_or_add_rPr().append(shading)
