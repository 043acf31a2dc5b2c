"""One ``documents`` entry of a manifest: the document as received, and the text its quotes
are verbatim in, each checked against its sha256.

Two forms. A document received as UTF-8 text is its own text (every pack before PDFs and web
pages were accepted has only this form, and reads exactly as it did)::

    - id: report
      file: documents/report.txt
      sha256: …                     # of report.txt

Anything else (a PDF, a web page, a Word file, GB18030 or UTF-16 text) keeps the original
as evidence and the UTF-8 text ``briefing add-doc`` extracted from it, which quotes are
proven against; a later extractor can never move a quote, because the text is kept::

    - id: report
      file: documents/report.pdf
      sha256: …                     # of report.pdf: the evidence
      text: documents/report.pdf.txt
      text_sha256: …                # of the text: what quotes rest on
      pages: [0, 1834, 3650]        # PDF only: where each page starts in the text
"""

from __future__ import annotations

import hashlib
from itertools import pairwise
from pathlib import Path
from typing import Any

from briefing.documents.limits import MAX_ORIGINAL_BYTES
from briefing.model import Document
from briefing.pack.checker import inside, line_of, path_problem, valid_date
from briefing.pack.reader import ReaderBase
from briefing.pack.yamlio import MAX_FILE_BYTES, LineDict

DOCUMENT_FIELDS = {"id", "file", "title", "publisher", "date", "sha256", "text", "text_sha256",
                   "pages"}
_CHUNK = 1 << 20


class DocumentEntryReader(ReaderBase):
    """Reads one document entry: its fields, its files and their digests, its text."""

    def document(self, raw: Any, line: int) -> None:
        c = self.check
        data = c.fields(raw, DOCUMENT_FIELDS, "a document", line)
        if data is None:
            return
        doc_id = c.ident(data, "a document")
        if doc_id:
            self.declared_docs.add(doc_id)
        what = f"document '{doc_id}'"
        file = c.string(data, "file", what)
        title = c.text(data, "title", what)
        publisher = c.text(data, "publisher", what)
        date = c.string(data, "date", what)
        if date is not None and not valid_date(date):
            c.error(line_of(data, "date"), f"date '{date}' of document '{doc_id}' must be "
                                           "YYYY, YYYY-MM or YYYY-MM-DD (a real date)")
            date = None
        sha = c.string(data, "sha256", what)
        extracted = self._extracted_fields(data, what)
        if not (doc_id and file and title and publisher and date and sha) or extracted is None:
            return
        if not self.claim_id(doc_id, data.line):
            return
        text_file, text_sha, pages = extracted
        path = self.safe_document_path(file, line_of(data, "file"))
        if path is None:
            return
        limit = MAX_FILE_BYTES if text_file is None else MAX_ORIGINAL_BYTES
        digest = self._digest(path, file, limit, line_of(data, "file"))
        if digest is None:
            return
        if digest != sha.lower():
            c.error(line_of(data, "sha256"), f"sha256 of '{file}' is {digest}, manifest says "
                                             f"{sha}: the document was changed")
        text_path = None
        if text_file is None:
            text = self._text(path, file, line_of(data, "file"), original=True)
        else:
            text_path = self.safe_document_path(text_file, line_of(data, "text"))
            text = None
            if text_path is not None and text_sha is not None:
                text = self._checked_text(text_path, text_file, text_sha, data)
        if text is None:
            return
        if not self._pages_fit(pages, text, data):
            return
        self.doc_texts[doc_id] = text
        self.documents.append(Document(
            id=doc_id, title=title, publisher=publisher, date=date, sha256=digest, path=path,
            text_path=text_path, text_sha256=text_sha.lower() if text_sha else "",
            pages=pages))

    def _extracted_fields(self, data: LineDict, what: str
                          ) -> tuple[str | None, str | None, tuple[int, ...]] | None:
        """``text`` with ``text_sha256``, and ``pages`` (only with a text); None when they
        do not fit together."""
        c = self.check
        text_file = c.string(data, "text", what, required=False)
        text_sha = c.string(data, "text_sha256", what, required=text_file is not None)
        for key, needs in (("text_sha256", "the extracted text it is the sum of"),
                           ("pages", "pages are places in the extracted text")):
            if key in data and "text" not in data:
                c.error(line_of(data, key), f"{what} has '{key}' but no 'text' ({needs})")
                return None
        pages = self._pages(data, what) if "pages" in data else ()
        if pages is None or ("text" in data and (text_file is None or text_sha is None)):
            return None
        return text_file, text_sha, pages

    def _pages(self, data: LineDict, what: str) -> tuple[int, ...] | None:
        raw = data["pages"]
        if (isinstance(raw, list) and raw and raw[0] == 0
                and all(isinstance(p, int) and not isinstance(p, bool) for p in raw)
                and all(a <= b for a, b in pairwise(raw))):
            return tuple(raw)
        self.check.error(line_of(data, "pages"), f"'pages' of {what} must be a list of "
                                                 "character offsets starting at 0, ascending")
        return None

    def _digest(self, path: Path, file: str, limit: int, line: int) -> str | None:
        """sha256 of a document file no larger than ``limit``, read in chunks."""
        digest = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                size = 0
                while chunk := handle.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        self.check.error(line, f"document '{file}' is over {limit:,} bytes, "
                                               "the limit for pack files")
                        return None
                    digest.update(chunk)
        except OSError as exc:
            self.check.error(line, f"cannot read document '{file}': {exc.strerror or exc}")
            return None
        return digest.hexdigest()

    def _checked_text(self, path: Path, file: str, sha: str, data: LineDict) -> str | None:
        """The extracted text, once its own sha256 holds."""
        digest = self._digest(path, file, MAX_FILE_BYTES, line_of(data, "text"))
        if digest is None:
            return None
        if digest != sha.lower():
            self.check.error(line_of(data, "text_sha256"),
                             f"sha256 of '{file}' is {digest}, manifest says {sha}: the "
                             "document's text was changed (quotes are proven against it)")
        return self._text(path, file, line_of(data, "text"), original=False)

    def _text(self, path: Path, file: str, line: int, *, original: bool) -> str | None:
        try:
            return path.read_bytes().decode("utf-8")
        except OSError as exc:
            self.check.error(line, f"cannot read document '{file}': {exc.strerror or exc}")
        except UnicodeDecodeError as exc:
            advice = ("; add it with 'briefing add-doc', which keeps it and its text extracted "
                      "as UTF-8" if original else "")
            self.check.error(line, f"document '{file}' is not UTF-8 text (byte {exc.start})"
                                   + advice)
        return None

    def _pages_fit(self, pages: tuple[int, ...], text: str, data: LineDict) -> bool:
        if pages and pages[-1] > len(text):
            self.check.error(line_of(data, "pages"), f"'pages' goes past the end of its text "
                                                     f"({pages[-1]} > {len(text)} characters)")
            return False
        return True

    def safe_document_path(self, file: str, line: int) -> Path | None:
        """Documents may live in the pack or in a ``seeds/`` folder beside it, nowhere else."""
        c = self.check
        if Path(file).is_absolute():
            c.error(line, f"document path '{file}' is absolute; use a path relative to the pack")
            return None
        root = self.root.resolve()
        seeds = root.parent / "seeds"  # not resolved: a seeds/ that is a link leads out
        try:
            path = (self.root / file).resolve()
            is_file = path.is_file()
        except (OSError, RuntimeError) as exc:  # ENAMETOOLONG, a symlink loop (RuntimeError)
            c.error(line, f"document path '{file}' cannot be used: {path_problem(exc)}")
            return None
        if not any(inside(path, base) for base in (root, seeds)):
            why = " (seeds/ is a link out)" if seeds.is_symlink() else ""
            c.error(line, f"document path '{file}' points outside the pack and its seeds/ "
                          f"folder{why}")
            return None
        if not is_file:
            c.error(line, f"document '{file}' not found")
            return None
        return path
