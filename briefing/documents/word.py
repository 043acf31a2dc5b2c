"""A Word file (.docx) through python-docx (MIT): its paragraphs and tables in document order.

A table row becomes one line, its cells separated by tabs (a merged cell once), so a figure
in a table is quoted from its row. Headers, footers and text boxes are not the body and are
left out. The archive is checked before it is opened, so a small file that unpacks to
gigabytes is refused instead of read.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from briefing.documents.extracted import DocumentError, ExtractedDocument, normalise_newlines

#: Unpacked, a Word file's parts may hold this much (its XML is parsed whole, its images kept).
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
_EDGES = " \t\u3000\u00a0"


def read_docx(path: Path, data: bytes) -> ExtractedDocument:
    """The text of a .docx: one paragraph, or one table row, a line."""
    _check_archive(path, data)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = list(_lines(document))
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged file
        raise DocumentError(path, f"is not a readable Word file ({type(exc).__name__}: "
                                  f"{str(exc).splitlines()[0] if str(exc) else 'damaged'})"
                            ) from None
    text = "\n".join(line for line in lines if line)
    return ExtractedDocument(source=path, text=normalise_newlines(text + "\n" if text else ""),
                             format="docx")


def _check_archive(path: Path, data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise DocumentError(path, f"is a damaged Word file ({exc})") from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise DocumentError(path, f"unpacks to {unpacked:,} bytes, over the "
                                  f"{MAX_UNPACKED_BYTES:,} a Word file may")


def _lines(container: Any):
    """Lines of a document, or of a table cell, in order (tables nested in cells too)."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                yield _row(row)
        else:
            yield block.text.strip(_EDGES)


def _row(row: Any) -> str:
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell repeats in every grid column it spans
            continue
        seen.add(id(cell._tc))
        cells.append(" ".join(line for line in _lines(cell) if line))
    return "\t".join(cells).strip()
