"""A PDF's text layer, through pypdfium2 (PDFium: Apache-2.0/BSD), as positioned lines for
:mod:`briefing.documents.pdf_layout` to make paragraphs of.

PDFium marks where a line ends; each line's box is taken from its first and last visible
characters (their advance boxes, so a final "，" reaches as far as the glyph's cell does). A
page with no text is either blank or scanned: a PDF with no text at all is refused, and pages
without text in a PDF that has some are named in the result's notes.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefing.documents import limits
from briefing.documents.extracted import DocumentError, ExtractedDocument, normalise_newlines
from briefing.documents.pdf_layout import Line, Page, lay_out

#: More pages than this is not a policy document (and would take long to read).
MAX_PAGES = 5000
_LINE = re.compile(r"[^\r\n]+")
_BLANK = " \t\u3000\u00a0\ufffe\x02"
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
#: A space PDFium puts between two Chinese characters drawn apart (justified text).
_CJK_GAP = re.compile(rf"(?<={_CJK}) +(?={_CJK})")


def read_pdf(path: Path, data: bytes) -> ExtractedDocument:
    """The text of a PDF, one paragraph a line, with the offset where each page starts."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise DocumentError(path, "is a password-protected PDF; save an unprotected "
                                      "copy") from None
        raise DocumentError(path, f"is not a readable PDF ({reason})") from None
    try:
        if len(document) > MAX_PAGES:
            raise DocumentError(path, f"has {len(document):,} pages, over the "
                                      f"{MAX_PAGES:,} a document may have")
        pages = _read_pages(path, document, pdfium)
    finally:
        document.close()
    empty = [n for n, page in enumerate(pages, 1) if not page.lines]
    if len(empty) == len(pages):
        raise DocumentError(path, "has no text layer (a scanned PDF?); run OCR on it first, "
                                  "e.g. ocrmypdf --language chi_sim")
    text, starts = lay_out(pages)
    notes = ((f"page(s) {_ranges(empty)} have no text (scanned or blank)",) if empty else ())
    return ExtractedDocument(source=path, text=normalise_newlines(text), format="pdf",
                             pages=starts, notes=notes)


def _read_pages(path: Path, document: Any, pdfium: Any) -> list[Page]:
    pages, size = [], 0
    for index in range(len(document)):
        page = document[index]
        try:
            textpage = page.get_textpage()
            try:
                lines = page_lines(textpage, pdfium.raw)
            finally:
                textpage.close()
        finally:
            page.close()
        size += sum(len(line.text) for line in lines)
        if size * 3 > limits.MAX_TEXT_BYTES * 2:  # past the limit whatever the characters
            raise DocumentError(path, f"its text is over {limits.MAX_TEXT_BYTES:,} bytes, "
                                      "the limit for a pack's document")
        pages.append(Page(lines))
    return pages


def page_lines(textpage: Any, raw: Any) -> list[Line]:
    """The lines of one page, in the order the PDF draws them."""
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # PDFium left characters out: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i) or 0xFFFE)
                       for i in range(count))
    lines = []
    for match in _LINE.finditer(text):
        segment = match.group()
        body = segment.strip(_BLANK)
        if not body:
            continue
        first = match.start() + (len(segment) - len(segment.lstrip(_BLANK)))
        last = match.start() + len(segment.rstrip(_BLANK)) - 1
        left, bottom, _, top = textpage.get_charbox(first, loose=True)
        _, _, right, _ = textpage.get_charbox(last, loose=True)
        lines.append(Line(text=_CJK_GAP.sub("", body), left=left, right=right, top=top,
                          bottom=bottom, size=raw.FPDFText_GetFontSize(textpage, first),
                          indented=first > match.start()))
    return lines


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    parts, start = [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            parts.append(f"{start}-{n}" if n != start else str(n))
            start = None
    return ", ".join(parts)
