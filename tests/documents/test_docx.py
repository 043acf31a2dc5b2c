"""A Word file gives its paragraphs and its tables' rows, in document order."""

from __future__ import annotations

import zipfile

import pytest
from _corpus import CLEAN, PARAGRAPHS
from _make import write_docx

from briefing.documents import DocumentError, read_document

TABLE = (("指标", "2025年", "增长（%）"), ("地区生产总值（亿元）", "12300", "5.6"),
         ("一般公共预算收入（亿元）", "1001.5", "2.1"))


def test_docx_paragraphs(tmp_path):
    document = read_document(write_docx(tmp_path / "report.docx"))
    assert document.format == "docx" and document.text == CLEAN


def test_docx_table_rows_are_lines_in_place(tmp_path):
    document = read_document(write_docx(tmp_path / "report.docx", table=TABLE))
    lines = document.text.splitlines()
    at = lines.index("二、2026年主要目标任务")
    assert lines[at - 3:at] == ["\t".join(row) for row in TABLE]
    assert [line for line in lines if "\t" not in line] == list(PARAGRAPHS)


def test_merged_cells_are_read_once(tmp_path):
    import docx

    word = docx.Document()
    grid = word.add_table(rows=2, cols=3)
    merged = grid.cell(0, 0).merge(grid.cell(0, 2))
    merged.text = "2025年主要指标完成情况"
    for c, text in enumerate(("城镇新增就业（万人）", "15.2", "103%")):
        grid.cell(1, c).text = text
    path = tmp_path / "merged.docx"
    word.save(str(path))
    assert read_document(path).text == "2025年主要指标完成情况\n城镇新增就业（万人）\t15.2\t103%\n"


def test_damaged_docx_is_refused_in_one_line(tmp_path):
    path = tmp_path / "damaged.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>not closed")
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: is not a readable Word file") and "\n" not in message


def test_docx_that_unpacks_past_the_bound_is_refused(tmp_path, monkeypatch):
    from briefing.documents import word

    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", 10_000)
    path = write_docx(tmp_path / "big.docx", PARAGRAPHS * 20)
    with pytest.raises(DocumentError, match="unpacks to"):
        read_document(path)
