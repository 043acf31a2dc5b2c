"""``read_document``: any accepted document to the UTF-8 text a pack quotes from.

Every read is bounded (:mod:`briefing.documents.limits`): the original before it is parsed,
the text as it is made; each format's reader is linear in its input. The heavy
libraries (pypdfium2, lxml, python-docx, charset-normalizer) load only when a document of
their kind is read.
"""

from __future__ import annotations

from pathlib import Path

from briefing.documents import limits
from briefing.documents.extracted import (
    DocumentError,
    ExtractedDocument,
    check_text_size,
    normalise_newlines,
)
from briefing.documents.sniff import sniff


def read_document(path: Path | str) -> ExtractedDocument:
    """The text of the document at ``path``, or a :class:`DocumentError` naming it."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise DocumentError(path, "is not a file")
    except OSError as exc:
        raise DocumentError(path, f"cannot be read: {exc.strerror or exc}") from None
    if size > limits.MAX_ORIGINAL_BYTES:
        raise DocumentError(path, f"is over {limits.MAX_ORIGINAL_BYTES:,} bytes, the limit for "
                                  "a document")
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.MAX_ORIGINAL_BYTES + 1)
    except OSError as exc:
        raise DocumentError(path, f"cannot be read: {exc.strerror or exc}") from None
    if not data.strip():
        raise DocumentError(path, "is empty")
    kind = sniff(path, data[:8192])
    document = _READERS[kind](path, data)
    check_text_size(path, document.text)
    if not document.text.strip():
        raise DocumentError(path, "has no text")
    return document


def _text(path: Path, data: bytes) -> ExtractedDocument:
    from briefing.documents.encoding import decode

    text, encoding = decode(path, data)
    check_text_size(path, text)
    return ExtractedDocument(source=path, text=normalise_newlines(text), format="text",
                             encoding=encoding)


def _html(path: Path, data: bytes) -> ExtractedDocument:
    from briefing.documents.html import read_html

    return read_html(path, data)


def _pdf(path: Path, data: bytes) -> ExtractedDocument:
    from briefing.documents.pdf import read_pdf

    return read_pdf(path, data)


def _docx(path: Path, data: bytes) -> ExtractedDocument:
    from briefing.documents.word import read_docx

    return read_docx(path, data)


_READERS = {"text": _text, "html": _html, "pdf": _pdf, "docx": _docx}
