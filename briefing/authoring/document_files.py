"""A document as a pack keeps it: the original copied into ``documents/``, the UTF-8 text
extracted from it beside it (``report.pdf`` -> ``report.pdf.txt``, a GB18030 ``report.txt``
-> ``report.utf8.txt``), both hashed, and the manifest entry that lists them (see
:mod:`briefing.pack.document_entry` for the two forms).

A document that is already UTF-8 text, exactly as the pack would store its text, is kept as
it always was: the file alone. Nothing here overwrites a file: each is written to a temporary
name and linked into place, which fails if the name is taken.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.authoring.yaml_out import flow, scalar
from briefing.documents import DocumentError, ExtractedDocument, read_document

#: Where a pack keeps its documents, relative to the pack.
FOLDER = "documents"


class DocumentFileError(Exception):
    """Why a document cannot be added; one line for the user."""


@dataclass(frozen=True, slots=True)
class KeptDocument:
    """A document read and ready to be written into a pack under ``documents/``."""

    source: Path
    original: bytes
    extracted: ExtractedDocument
    name: str  # the original's file name in documents/

    @property
    def is_own_text(self) -> bool:
        """Whether the original is its text already (UTF-8, as the pack would store it)."""
        return self.extracted.format == "text" and self.original == self.extracted.text_bytes()

    @property
    def file(self) -> str:
        return f"{FOLDER}/{self.name}"

    @property
    def text_file(self) -> str | None:
        """The text's name: ``report.pdf.txt``, or ``report.utf8.txt`` for ``report.txt``."""
        if self.is_own_text:
            return None
        stem, dot, suffix = self.name.rpartition(".")
        if dot and suffix.lower() == "txt":
            return f"{FOLDER}/{stem}.utf8.txt"
        return f"{FOLDER}/{self.name}.txt"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.original).hexdigest()

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.extracted.text_bytes()).hexdigest()

    def targets(self, root: Path) -> list[Path]:
        """The files this document becomes in the pack at ``root``."""
        return [root / name for name in (self.file, self.text_file) if name]


def read_for_pack(path: Path) -> KeptDocument:
    """Read ``path`` as a pack would keep it; :class:`DocumentFileError` if it cannot be."""
    try:
        extracted = read_document(path)
        original = path.read_bytes()
    except DocumentError as exc:
        raise DocumentFileError(str(exc)) from None
    except OSError as exc:
        raise DocumentFileError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    return KeptDocument(source=path, original=original, extracted=extracted, name=path.name)


def write_files(document: KeptDocument, root: Path) -> list[Path]:
    """Write the original (and its text) into the pack; never over an existing file.

    On any failure nothing of this document stays behind.
    """
    (root / FOLDER).mkdir(parents=True, exist_ok=True)
    contents = [document.original]
    if not document.is_own_text:
        contents.append(document.extracted.text_bytes())
    written: list[Path] = []
    try:
        for target, data in zip(document.targets(root), contents, strict=True):
            write_new(target, data)
            written.append(target)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def write_new(target: Path, data: bytes) -> None:
    """Write ``data`` to a new file ``target`` whole: a temporary file linked into place
    (FileExistsError if ``target`` exists; a crash leaves no partial file)."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(tmp, target)
    finally:
        os.unlink(tmp)


def entry_text(doc_id: str, document: KeptDocument, year: str, indent: str = "  ", *,
               title: str | None = None, publisher: str | None = None,
               date: str | None = None) -> str:
    """The manifest entry for ``document``: title, publisher and date to fill in (``TODO``),
    or in Chinese as the document gives them (then English waits for a translator)."""
    pad = indent + "  "
    lines = [f"{indent}- id: {doc_id}",
             f"{pad}file: {_scalar(document.file)}",
             f"{pad}title: {flow({'zh': title})}" if title else
             f'{pad}title: {{zh: "TODO: 文件标题", en: "TODO: document title"}}',
             f"{pad}publisher: {flow({'zh': publisher})}" if publisher
             else f'{pad}publisher: {{zh: "TODO: 发布机构", en: "TODO: publisher"}}',
             f"{pad}date: {scalar(date)}" if date else
             f'{pad}date: "{year}"             # TODO: the document\'s date: YYYY, YYYY-MM or '
             "YYYY-MM-DD",
             f"{pad}sha256: {document.sha256}"]
    if document.text_file is not None:
        lines[-1] += "  # the document as received"
        lines += [f"{pad}text: {_scalar(document.text_file)}  # its text, extracted: quotes "
                  "are verbatim in it",
                  f"{pad}text_sha256: {document.text_sha256}"]
        if document.extracted.pages:
            lines.append(f"{pad}pages: {_pages(document.extracted.pages, pad)}")
    return "\n".join(lines) + "\n"


def _scalar(value: str) -> str:
    """A file name as a YAML scalar: plain when that is safe (nothing YAML gives meaning to,
    nothing that needs an escape), else double-quoted."""
    quoted = scalar(value)
    plain = (value[:1].isalnum() and quoted[1:-1] == value
             and not any(ch in value for ch in ":#{}[],&*!|>'%@`"))
    return value if plain and value == value.strip() else quoted


def _pages(pages: tuple[int, ...], pad: str, width: int = 96) -> str:
    """``[0, 1834, ...]`` in flow style, wrapped under its key (a PDF may have hundreds)."""
    lines, line = [], "["
    for n, offset in enumerate(pages):
        item = f"{offset}" + (", " if n + 1 < len(pages) else "]")
        if len(pad) + 7 + len(line) + len(item) > width:
            lines.append(line.rstrip())
            line = ""
        line += item
    lines.append(line)
    return f"\n{pad}  ".join(lines) + "   # where each page of the original starts in the text"
