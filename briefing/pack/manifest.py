"""The manifest: the pack's id and title, its source documents (hash-checked), units, sections.

A document is read only from inside the pack or from a ``seeds/`` folder beside it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.model import Document, Text
from briefing.pack.checker import ID_RE, inside, line_of, path_problem, valid_date
from briefing.pack.manifest_vocabulary import VocabularyReader
from briefing.pack.rules import RuleReader
from briefing.pack.yamlio import MAX_FILE_BYTES, LineDict

#: Fields a manifest may have; each optional block has its own reader, so adding one is one
#: entry here and one method.
MANIFEST_FIELDS = {"id", "title", "documents", "units", "sections", "comparisons", "glossary",
                   "scopes", "hedges", "rules", "coverage_ignore"}
MAX_GLOSSARY_TERM = 80
DOCUMENT_FIELDS = {"id", "file", "title", "publisher", "date", "sha256"}


@dataclass(frozen=True, slots=True)
class ManifestHead:
    """What the rest of the load needs from the manifest."""

    id: str
    title: Text
    sections: list[str]
    comparisons: str  # a path inside the pack, or "" for none
    coverage_ignore: str  # likewise


class ManifestReader(VocabularyReader, RuleReader):
    """Reads ``manifest.yaml`` and the documents it lists."""

    #: groups of terms a reader may type for one another (search aliases)
    glossary: tuple[tuple[str, ...], ...] = ()

    def manifest(self) -> ManifestHead | None:
        data = self.load("manifest.yaml")
        if data is None:
            return None
        c = self.check
        data = c.fields(data, MANIFEST_FIELDS, "the manifest", 1)
        if data is None:
            return None
        pack_id = c.ident(data, "the manifest") or "pack"
        title = c.text(data, "title", "the manifest") or Text(zh=pack_id, en=pack_id)
        for raw in c.items(data, "documents", "the manifest"):
            self.document(raw, getattr(data.get("documents"), "line", data.line))
        self.read_units(data)
        self.read_scopes(data)
        self.read_hedges(data)
        self.read_rules(data)
        self.glossary = self.read_glossary(data)
        sections = []
        for raw in c.items(data, "sections", "the manifest"):
            if isinstance(raw, str) and ID_RE.match(raw):
                sections.append(raw)
            else:
                c.error(line_of(data, "sections"), f"section entry {raw!r} must be a section id")
        return ManifestHead(id=pack_id, title=title, sections=sections,
                            comparisons=self.pack_path(data, "comparisons"),
                            coverage_ignore=self.pack_path(data, "coverage_ignore"))

    def pack_path(self, data: LineDict, key: str) -> str:
        """An optional file named by the manifest: a relative path inside the pack, or ""."""
        name = self.check.string(data, key, "the manifest", required=False)
        if name and (Path(name).is_absolute() or ".." in Path(name).parts):
            self.check.error(line_of(data, key),
                             f"{key} file '{name}' must be a path inside the pack")
            return ""
        return name or ""

    def read_glossary(self, data: LineDict) -> tuple[tuple[str, ...], ...]:
        """``glossary``: a list of groups, each a list of at least two names for one thing
        (``[SiC, silicon carbide, 碳化硅]``); search finds any of them by any other."""
        c = self.check
        line = line_of(data, "glossary")
        groups = []
        for n, raw in enumerate(c.items(data, "glossary", "the manifest", required=False), 1):
            terms = raw if isinstance(raw, list) else []
            if len(terms) < 2 or not all(
                    isinstance(t, str) and t.strip() and t.isprintable()
                    and len(t) <= MAX_GLOSSARY_TERM for t in terms):
                c.error(line, f"glossary entry {n} must be a list of at least two names, each "
                              f"a one-line string of at most {MAX_GLOSSARY_TERM} characters")
                continue
            groups.append(tuple(dict.fromkeys(t.strip() for t in terms)))
        return tuple(groups)

    def document(self, raw: Any, line: int) -> None:
        c = self.check
        data = c.fields(raw, DOCUMENT_FIELDS, "a document", line)
        if data is None:
            return
        doc_id = c.ident(data, "a document")
        if doc_id:
            self.declared_docs.add(doc_id)
        file = c.string(data, "file", f"document '{doc_id}'")
        title = c.text(data, "title", f"document '{doc_id}'")
        publisher = c.text(data, "publisher", f"document '{doc_id}'")
        date = c.string(data, "date", f"document '{doc_id}'")
        if date is not None and not valid_date(date):
            c.error(line_of(data, "date"), f"date '{date}' of document '{doc_id}' must be "
                                           "YYYY, YYYY-MM or YYYY-MM-DD (a real date)")
            date = None
        sha = c.string(data, "sha256", f"document '{doc_id}'")
        if not (doc_id and file and title and publisher and date and sha):
            return
        if not self.claim_id(doc_id, data.line):
            return
        path = self.safe_document_path(file, line_of(data, "file"))
        if path is None:
            return
        try:
            with path.open("rb") as handle:
                raw_bytes = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            c.error(line_of(data, "file"), f"cannot read document '{file}': {exc.strerror or exc}")
            return
        if len(raw_bytes) > MAX_FILE_BYTES:
            c.error(line_of(data, "file"), f"document '{file}' is over {MAX_FILE_BYTES:,} bytes, "
                                         "the limit for pack files")
            return
        digest = hashlib.sha256(raw_bytes).hexdigest()
        if digest != sha.lower():
            c.error(line_of(data, "sha256"),
                    f"sha256 of '{file}' is {digest}, manifest says {sha}: the seed was changed")
        try:
            self.doc_texts[doc_id] = raw_bytes.decode("utf-8")
        except UnicodeDecodeError as exc:
            c.error(line_of(data, "file"), f"document '{file}' is not UTF-8 (offset {exc.start})")
            return
        self.documents.append(Document(id=doc_id, title=title, publisher=publisher, date=date,
                                       sha256=digest, path=path))

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
