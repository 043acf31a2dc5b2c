"""Plain text in every encoding Chinese offices save it in reads back character for character."""

from __future__ import annotations

import pytest
from _corpus import CLEAN
from _make import write_text

from briefing.documents import DocumentError, read_document

ENCODINGS = [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gb18030", "gb18030"),
             ("gbk", "gb18030"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
             ("utf-16-be", "utf-16-be")]


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize(("written", "read_as"), ENCODINGS, ids=[e for e, _ in ENCODINGS])
def test_each_encoding_reads_back_exactly(tmp_path, written, read_as, crlf):
    path = write_text(tmp_path / "report.txt", CLEAN, written, crlf=crlf)
    document = read_document(path)
    assert document.text == CLEAN  # BOM gone, CRLF made LF, not one character moved
    assert (document.format, document.encoding) == ("text", read_as)
    assert document.pages == () and document.page_of(10) is None


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_big5_traditional_text(tmp_path, traditional, crlf):
    path = write_text(tmp_path / "report.txt", traditional, "cp950", crlf=crlf)
    document = read_document(path)
    assert document.text == traditional
    assert document.encoding == "cp950"


@pytest.mark.parametrize("text", ["城镇新增就业15.2万人。\n", "临江市\n", "增长5%左右"])
def test_short_gb18030_is_not_taken_for_big5_or_utf16(tmp_path, text):
    document = read_document(write_text(tmp_path / "short.txt", text, "gb18030"))
    assert document.text == text


def test_lone_carriage_returns_and_controls_go(tmp_path):
    path = tmp_path / "mac.txt"
    path.write_bytes("第一行\r第二行\x0c\x07\r\n".encode())
    assert read_document(path).text == "第一行\n第二行\n"


def test_binary_is_refused_in_one_line(tmp_path):
    path = tmp_path / "data.txt"
    path.write_bytes(b"\x00\x01\x02\x03binary\x00\xff" * 10)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and "binary" in message


def test_text_in_no_accepted_encoding_is_refused(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("café au lait\n".encode("latin-1"))
    with pytest.raises(DocumentError, match="cannot tell its encoding"):
        read_document(path)


def test_utf16_with_a_broken_byte_names_the_offset(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"\xff\xfe" + "临江".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(DocumentError, match=r"is not valid UTF-16 \(byte \d+\)"):
        read_document(path)
