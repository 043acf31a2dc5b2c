"""A PDF laid out like a printed government report reads back as its paragraphs: wrapped
lines joined (nothing inserted between Chinese characters, nor inside a number the
typesetter broke), running header and page numbers gone, pages located."""

from __future__ import annotations

import pytest
from _corpus import BODY_SENTENCES, CLEAN, PARAGRAPHS
from _make import CJK_FONT, RUNNING_HEADER, write_pdf

from briefing.documents import DocumentError, read_document


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    return write_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf")


def test_pdf_gives_the_paragraphs(report_pdf):
    document = read_document(report_pdf)
    assert document.format == "pdf" and document.encoding is None
    assert document.text == CLEAN
    assert RUNNING_HEADER not in document.text and "—" + " 1" not in document.text


@pytest.mark.parametrize(("size", "repeat"), [(10.5, 2), (12, 1)])
def test_indent_typed_as_spaces_and_other_sizes(tmp_path, size, repeat):
    """(A running header is known by recurring: a one-page PDF keeps its header line.)"""
    path = write_pdf(tmp_path / "typed.pdf", typed_indent=True, size=size, repeat=repeat)
    document = read_document(path)
    assert len(document.pages) >= 2 and document.text == CLEAN * repeat


def test_pages_are_located(report_pdf):
    document = read_document(report_pdf)
    assert len(document.pages) == 2 and document.pages[0] == 0
    second = document.pages[1]
    assert document.text[second - 1] != "\n"  # page 2 begins inside a paragraph...
    crossing = next(s for s in BODY_SENTENCES
                    if document.text.index(s) < second < document.text.index(s) + len(s))
    start = document.text.index(crossing)  # ...so a quote runs across the page break
    assert document.page_of(start) == 1
    assert document.page_of(start + len(crossing) - 1) == 2
    assert document.page_of(len(document.text) - 1) == 2


def test_running_lines_recur_however_numbered():
    """Headers with the page's number in them, odd/even headers and "第N页 共M页" go; body
    lines at a page's edge stay, even when they recur digits aside."""
    from briefing.documents.pdf_layout import Line, Page, drop_running_lines

    def body(n: int, row: int) -> Line:
        top = 700 - 28 * row
        return Line(f"第{n}页正文，全市地区生产总值达到1.23万亿元", 80, 500, top, top - 16, 16)

    def page(n: int) -> Page:
        header = "临江市人民政府公报" if n % 2 else f"2026年第{n}期"
        return Page([Line(header, 200, 300, 800, 790, 9), *(body(n, r) for r in range(5)),
                     Line(f"第 {n} 页 共 6 页", 250, 320, 60, 50, 9)])

    pages = [page(n) for n in range(1, 7)]
    drop_running_lines(pages)
    assert [[line.text for line in p.lines] for p in pages] == [
        [f"第{n}页正文，全市地区生产总值达到1.23万亿元"] * 5 for n in range(1, 7)]


@pytest.mark.parametrize(("before", "after", "joined"), [
    ("比重达到4", "6.5%，数字经济", "比重达到46.5%，数字经济"),
    ("全市地区生产总", "值达到1.23万亿元", "全市地区生产总值达到1.23万亿元"),
    ("the Yangtze River", "Delta region", "the Yangtze River Delta region"),
    ("growth of", "5.6% in 2025", "growth of 5.6% in 2025"),
    ("人工智能（AI", "）产业", "人工智能（AI）产业"),
])
def test_wrapped_lines_join_without_inventing_spaces(before, after, joined):
    from briefing.documents.pdf_layout import Line, Page, lay_out

    lines = [Line(before, 80, 500, 700, 684, 16), Line(after, 80, 300, 672, 656, 16)]
    assert lay_out([Page(lines)]) == (joined + "\n", (0,))


def test_scanned_pdf_is_refused_in_one_line(tmp_path):
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (400, 560), "white")
    ImageDraw.Draw(picture).rectangle((40, 40, 360, 80), fill="black")  # a "line of print"
    pdf = FPDF(format="A4")
    for _ in range(2):
        pdf.add_page()
        pdf.image(picture, x=10, y=10, w=190)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: has no text layer (a scanned PDF?)")
    assert "\n" not in message and "iconv" not in message


def test_pages_without_text_are_noted(tmp_path):
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("cjk", "", str(CJK_FONT), collection_font_number=2)
    pdf.set_font("cjk", size=16)
    for n in range(4):
        pdf.add_page()
        if n in (0, 3):
            pdf.multi_cell(0, 10, PARAGRAPHS[3])
    path = tmp_path / "gaps.pdf"
    pdf.output(str(path))
    document = read_document(path)
    assert PARAGRAPHS[3] + "\n" + PARAGRAPHS[3] in document.text
    assert document.notes == ("page(s) 2-3 have no text (scanned or blank)",)


def test_password_protected_pdf_is_refused(tmp_path):
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "GDP grew 5.6%")
    pdf.set_encryption(owner_password="owner", user_password="user",
                       encryption_method=EncryptionMethod.RC4)
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentError, match="password-protected PDF"):
        read_document(path)


@pytest.mark.parametrize("content", [b"%PDF-1.7\n garbage that is not a PDF body",
                                     b"%PDF-1.4\n" + b"\x00" * 100])
def test_damaged_pdf_is_refused(tmp_path, content):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match="is not a readable PDF"):
        read_document(path)
