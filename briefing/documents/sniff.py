"""What kind of document a file is, from its first bytes (and its name only where the bytes
cannot tell): a ``.txt`` holding a saved web page is read as the web page it is."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.documents.extracted import ACCEPTED, DocumentError

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
#: Formats people save Chinese documents in that this reader does not take, by their magic
#: bytes, with what to do instead.
_REFUSED = ((b"\xd0\xcf\x11\xe0", "is a Word 97-2003 (.doc), WPS or other OLE file; "
                                  "save it as .docx or PDF"),
            (b"{\\rtf", "is an RTF file; save it as .docx"),
            (b"\x89PNG", "is an image; run OCR on it and add the text"),
            (b"\xff\xd8\xff", "is an image; run OCR on it and add the text"),
            (b"GIF8", "is an image; run OCR on it and add the text"))
_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         rb"<(?:!doctype\s+html|html|head|meta|body|title)\b",
                         re.IGNORECASE | re.DOTALL)
_TAG = re.compile(rb"</?(?:p|div|span|br|table|td|tr|a|font|strong|b|h[1-6])\b[^<>]{0,400}>",
                  re.IGNORECASE)


def sniff(path: Path, head: bytes) -> str:
    """"pdf", "docx", "html" or "text" for a file starting with ``head``; refusals raise."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    for magic, reason in _REFUSED:
        if head.startswith(magic):
            raise DocumentError(path, f"{reason} (accepted: {ACCEPTED})")
    if path.suffix.lower() == ".pdf":
        raise DocumentError(path, "is named .pdf but is not a PDF (no %PDF- header)")
    if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(head):
        return "html"
    return "text"


def looks_like_html(head: bytes) -> bool:
    """A page that starts as HTML, or text thick with tags (a page saved as ``.txt``)."""
    ascii_view = head.replace(b"\x00", b"")  # UTF-16 tags read as ASCII once zeros go
    if ascii_view.startswith(b"\xef\xbb\xbf"):
        ascii_view = ascii_view[3:]
    elif ascii_view[:2] in (b"\xff\xfe", b"\xfe\xff"):
        ascii_view = ascii_view[2:]
    return bool(_HTML_START.match(ascii_view)) or len(_TAG.findall(ascii_view[:8192])) >= 6


def _zip_kind(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentError(path, f"is a damaged ZIP/Word file ({exc})") from None
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        raise DocumentError(path, "is an OFD file; export it as PDF "
                                  f"(accepted: {ACCEPTED})")
    kind = ("an Excel workbook" if "xl/workbook.xml" in names else
            "a PowerPoint file" if "ppt/presentation.xml" in names else "a ZIP archive")
    raise DocumentError(path, f"is {kind}, not a document this reader takes "
                              f"(accepted: {ACCEPTED})")
