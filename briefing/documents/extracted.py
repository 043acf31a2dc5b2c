"""What the document reader gives back, and the one error it raises.

A pack quotes the extracted text verbatim, so everything a reader needs to cite a place in the
original (the page of a PDF) travels with that text as character offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from briefing.documents import limits

ACCEPTED = ("PDF with a text layer (.pdf), Word (.docx), web page (.html/.htm), "
            "plain text in UTF-8, GB18030/GBK, Big5 or UTF-16")

#: C0 controls other than tab and newline, DEL, and the C1 block: never part of a document.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class DocumentError(Exception):
    """A document that cannot be read; the message is one line naming the file."""

    def __init__(self, path: Path | str, reason: str) -> None:
        reason = " ".join(reason.split())  # a library's message may span lines: one line
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    """A document's text as quotes are taken from it, and where it came from.

    ``pages`` holds, for a PDF, the offset in ``text`` where each page starts (the first is
    0), so a quote's offset tells its page; other formats have no pages.
    """

    source: Path
    text: str
    format: str  # "text", "html", "pdf" or "docx"
    encoding: str | None = None  # how the original's bytes were decoded (text and HTML)
    pages: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()  # what the reader noticed and a person should know

    def page_of(self, offset: int) -> int | None:
        """The 1-based page of the original holding ``text[offset]``; None without pages."""
        return max(1, bisect_right(self.pages, offset)) if self.pages else None

    def text_bytes(self) -> bytes:
        return self.text.encode("utf-8")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; a leading byte-order mark and control characters go."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def check_text_size(path: Path, text: str) -> str:
    """``text``, or the error a pack would give for a text over its file limit."""
    limit = limits.MAX_TEXT_BYTES
    if len(text) * 3 > limit and len(text.encode("utf-8")) > limit:
        raise DocumentError(path, f"its text is over {limit:,} bytes, the limit for a pack's "
                                  "document")
    return text
