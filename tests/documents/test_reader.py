"""One reader for every format: the same figures from each, refusals in one line naming the
file and the formats accepted, bounded reads, and no heavy import until a format needs it."""

from __future__ import annotations

import zipfile

import pytest
from _corpus import BODY_SENTENCES, CLEAN
from _make import write_docx, write_html, write_pdf, write_text

from briefing.authoring.reader import read_figures
from briefing.documents import ACCEPTED, DocumentError, read_document

MAKERS = {
    "pdf": lambda d: write_pdf(d / "report.pdf"),
    "html": lambda d: write_html(d / "report.html"),
    "html-gbk": lambda d: write_html(d / "report.htm", "gbk"),
    "docx": lambda d: write_docx(d / "report.docx"),
    "gb18030": lambda d: write_text(d / "report.txt", CLEAN, "gb18030", crlf=True),
    "utf-16": lambda d: write_text(d / "report.txt", CLEAN, "utf-16"),
    "utf-8-bom": lambda d: write_text(d / "report.txt", CLEAN, "utf-8-sig"),
}


def _figures(text: str) -> list[tuple]:
    """What a draft takes from each number: as written, value, unit, hedge, kind, quote."""
    return [(f.display, f.value, f.high, f.unit, f.qualifier, f.kind, f.quote, f.sentence,
             f.period) for f in read_figures(text).figures]


@pytest.mark.parametrize("kind", MAKERS)
def test_every_format_gives_the_same_figures_as_the_clean_text(tmp_path, kind):
    text = read_document(MAKERS[kind](tmp_path)).text
    for sentence in BODY_SENTENCES:
        assert sentence in text  # quotes stay verbatim
    assert _figures(text) == _figures(CLEAN)
    assert len(_figures(CLEAN)) > 30  # the report has numbers enough to mean something


@pytest.mark.parametrize(("name", "content", "says"), [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "Word 97-2003"),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "is an image"),
    ("notes.rtf", b"{\\rtf1\\ansi hello}", "RTF"),
    ("fake.pdf", "临江市政府工作报告".encode(), "not a PDF"),
])
def test_unaccepted_formats_are_refused_in_one_line(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and says in message and "\n" not in message


@pytest.mark.parametrize(("member", "says"), [("xl/workbook.xml", "an Excel workbook"),
                                              ("OFD.xml", "an OFD file"),
                                              ("readme.txt", "a ZIP archive")])
def test_zip_files_that_are_not_word_are_named(tmp_path, member, says):
    path = tmp_path / "file.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(member, "x")
    with pytest.raises(DocumentError, match=says) as caught:
        read_document(path)
    assert ACCEPTED in str(caught.value)


def test_missing_empty_and_folder(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b" \n")
    for path, says in ((tmp_path / "nowhere.txt", "cannot be read"),
                       (tmp_path / "empty.txt", "is empty"), (tmp_path, "is not a file")):
        with pytest.raises(DocumentError, match=says):
            read_document(path)


def test_reads_are_bounded(tmp_path, monkeypatch):
    from briefing.documents import limits

    path = write_text(tmp_path / "report.txt", CLEAN * 3, "gb18030")
    monkeypatch.setattr(limits, "MAX_ORIGINAL_BYTES", 1000)
    with pytest.raises(DocumentError, match="is over 1,000 bytes, the limit for a document"):
        read_document(path)
    monkeypatch.setattr(limits, "MAX_ORIGINAL_BYTES", 10**6)
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 2000)
    with pytest.raises(DocumentError, match="its text is over 2,000 bytes"):
        read_document(path)


def test_nothing_heavy_is_imported_until_a_format_needs_it(imported_packages):
    heavy = {"pypdfium2", "lxml", "docx", "charset_normalizer", "fpdf"}
    assert imported_packages("import briefing.documents", heavy) == []
    assert imported_packages("from briefing.documents import read_document\n"
                             "import pathlib, tempfile\n"
                             "p = pathlib.Path(tempfile.mkdtemp()) / 'a.txt'\n"
                             "p.write_text('全市地区生产总值增长5.6%。', encoding='utf-8')\n"
                             "read_document(p)", heavy) == []
