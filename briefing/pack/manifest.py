"""The manifest: the pack's id and title, its source documents (hash-checked), units, sections.

A document is read only from inside the pack or from a ``seeds/`` folder beside it; each
entry is read by :mod:`briefing.pack.document_entry`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.model import Text
from briefing.pack.checker import ID_RE, line_of
from briefing.pack.document_entry import DocumentEntryReader
from briefing.pack.manifest_vocabulary import VocabularyReader
from briefing.pack.rules import RuleReader
from briefing.pack.yamlio import LineDict

#: Fields a manifest may have; each optional block has its own reader, so adding one is one
#: entry here and one method.
MANIFEST_FIELDS = {"id", "title", "documents", "units", "sections", "comparisons", "glossary",
                   "scopes", "hedges", "rules", "coverage_ignore"}
MAX_GLOSSARY_TERM = 80


@dataclass(frozen=True, slots=True)
class ManifestHead:
    """What the rest of the load needs from the manifest."""

    id: str
    title: Text
    sections: list[str]
    comparisons: str  # a path inside the pack, or "" for none
    coverage_ignore: str  # likewise


class ManifestReader(VocabularyReader, RuleReader, DocumentEntryReader):
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
