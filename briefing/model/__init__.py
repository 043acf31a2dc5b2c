"""The briefing's content model: immutable, typed, and free of any UI or YAML code.

Everything downstream (search index, comparisons, export, the CLI and the Textual views) reads
these objects; only :mod:`briefing.pack` builds them from files. Every command that opens a
pack imports this module, so its classes share ``repr``, ``==`` and ``hash`` (and unpickling)
from :mod:`briefing.model.base` instead of having each compiled at import.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from briefing.model.base import Frozen, restore
from briefing.text.lazy_pattern import LazyPattern

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")

FIGURE_KINDS = ("actual", "estimate", "target", "rank", "tier", "ratio", "growth", "cumulative",
                "nominal")
#: The period of a figure whose source gives no year (it must then say so in its note).
UNDATED = "undated"
#: Scopes every pack has; a manifest may add its own under ``scopes``.
SCOPES = ("city", "province", "national", "global")
#: What a hedge word says of the number it qualifies: "above" (超: more than it), "at-least"
#: (以上, 不少于: it or more), "about" (左右), "below" (近: nearly, short of it) and "at-most"
#: (以内, 不超过: a ceiling, it or less).
HEDGE_MEANINGS = ("above", "about", "below", "at-least", "at-most")
COMPARISON_KINDS = ("peers", "ratio", "progress", "ranking", "timeline")


#: What English shows before Chinese that no one has translated yet (a drafted pack is Chinese
#: only until it is): every English output reads "[zh] 地区生产总值增长", never passing the
#: Chinese off as English.
UNTRANSLATED = "[zh]"


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Text(Frozen):
    """A piece of text in Chinese and, once translated, English (``en`` is "" until then)."""

    zh: str
    en: str = ""

    @property
    def translated(self) -> bool:
        return bool(self.en)

    def get(self, lang: Lang) -> str:
        """The text in ``lang``; English not written yet is the Chinese, marked
        :data:`UNTRANSLATED`."""
        if lang == "zh":
            return self.zh
        return self.en or (f"{UNTRANSLATED} {self.zh}" if self.zh else "")


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Source(Frozen):
    """A verbatim span of one source document."""

    doc: str
    quote: str


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Unit(Frozen):
    """A unit of count; ``label.en`` is the plural, ``singular`` the form for exactly one."""

    id: str
    label: Text
    singular: str | None = None

    def english(self, value: float) -> str:
        return self.singular if value == 1 and self.singular else self.label.en

    @property
    def measure_words(self) -> tuple[str, ...]:
        """Its Chinese measure words, the first the one written: "个/项" are two, but a rate
        (an id with "-per-": "微克/立方米", "万元/人") is one word with its denominator."""
        if "-per-" in self.id:
            return (self.label.zh,)
        return tuple(self.label.zh.split("/"))


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Scope(Frozen):
    """Where a rank or figure applies ("national"), with its name in both languages."""

    id: str
    label: Text


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Hedge(Frozen):
    """A source's hedge around a number ("超", "逾"): what it means and how English says it.

    ``after`` puts the English after the number ("100 or more").
    """

    word: str
    meaning: str
    en: str
    after: bool = False


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Baseline(Frozen):
    """What a ratio comparison measures against (size 1): a figure of the pack, or a label."""

    label: Text
    figure: str | None = None


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Document(Frozen):
    """One source document, checked against its sha256 when the pack loads.

    ``path`` and ``sha256`` are the document as received (the evidence). A document that was
    not UTF-8 text (a PDF, a web page, a Word file, GB18030 text) also has ``text_path``, the
    UTF-8 text extracted from it, with its own ``text_sha256``: every quote is verbatim in
    that text, and a later extractor can never move one silently. ``pages`` gives, for a PDF,
    the offset in the text where each of its pages starts.
    """

    id: str
    title: Text
    publisher: Text
    date: str
    sha256: str
    path: Path
    text_path: Path | None = None
    text_sha256: str = ""
    pages: tuple[int, ...] = ()

    def read(self) -> str:
        """The text quotes are verbatim in: the extracted text, or the document itself."""
        return (self.text_path or self.path).read_text(encoding="utf-8")

    def files(self) -> tuple[tuple[Path, str], ...]:
        """Every file the document rests on, with the sha256 it must have."""
        if self.text_path is None:
            return ((self.path, self.sha256),)
        return (self.path, self.sha256), (self.text_path, self.text_sha256)

    def page_of(self, offset: int) -> int | None:
        """The page of the original (1 for the first) that ``read()[offset]`` is on; None
        for a document without pages."""
        if not self.pages:
            return None
        return max(1, bisect_right(self.pages, offset))

    def page_of_quote(self, quote: str, text: str | None = None) -> int | None:
        """The page a verbatim quote starts on (``text``: :meth:`read`, if already read)."""
        if not self.pages:
            return None
        offset = (self.read() if text is None else text).find(quote)
        return self.page_of(offset) if offset >= 0 else None

    def reading_text(self) -> str:
        """The document as a person should read it: :meth:`read` without conversion markers.

        The seed on disk stays byte-identical (quotes are proven against it); only what a
        source view shows drops leftovers such as ``[bookmark: OLE_LINK1]``.
        """
        return strip_conversion_markers(self.read())


#: Word-processor leftovers in converted seeds ("[bookmark: OLE_LINK1]"): not the author's text.
_CONVERSION_MARKER = LazyPattern(r"\[bookmark: [^\]\n]*\]")


def strip_conversion_markers(text: str) -> str:
    """``text`` without word-processor conversion markers such as ``[bookmark: OLE_LINK1]``."""
    return _CONVERSION_MARKER.sub("", text)


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Figure(Frozen):
    """One number from a source, as data: value in base units plus the words it came from.

    A range ("增长4.5%—5%") is one figure: ``value`` its low end, ``high`` its top, and
    ``display`` the source's whole range wording.
    """

    id: str
    label: Text
    value: float
    unit: str
    display: str
    period: str
    kind: str
    source: Source
    node_id: str
    section_id: str
    qualifier: str | None = None
    scope: str | None = None
    note: Text | None = None
    high: float | None = None
    #: the library indicator this figure is confirmed to measure (``library.yaml``), if any
    indicator: str | None = None

    @property
    def dated(self) -> bool:
        return self.period != UNDATED

    @property
    def period_key(self) -> tuple[int, int]:
        """Sort key for timelines: "2024" is end of 2024, "2025-07" is July 2025."""
        year, _, month = self.period.partition("-")
        try:
            return int(year[:4]), int(month) if month else 12
        except ValueError:
            return 0, 0


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Node(Frozen):
    """A section or an item of the briefing; items nest (a plan has its measures)."""

    id: str
    title: Text
    text: Text
    section_id: str
    parent_id: str | None
    depth: int
    children: tuple[Node, ...] = ()
    figures: tuple[Figure, ...] = ()
    #: the verbatim sentences its text rests on, in the order it draws on them; a text that
    #: summarises several sentences (of one document or several) cites each
    sources: tuple[Source, ...] = ()
    #: ids elsewhere in the pack (items, figures, comparisons) a reader starting here needs
    see_also: tuple[str, ...] = ()

    @property
    def is_section(self) -> bool:
        return self.parent_id is None

    @property
    def source(self) -> Source | None:
        """The first of :attr:`sources` (None for a section that cites nothing itself)."""
        return self.sources[0] if self.sources else None

    def walk(self) -> Iterator[Node]:
        """This node and all its descendants, depth first, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_figures(self) -> Iterator[Figure]:
        for node in self.walk():
            yield from node.figures

    def all_see_also(self) -> list[str]:
        """Where this node and its descendants point a reader, in reading order."""
        return [ref for node in self.walk() for ref in node.see_also]


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class ComparisonEntry(Frozen):
    """One row of a comparison. ``like_for_like`` is False when the row cannot be read against
    the others (a progress row whose actual and target measure different things, a peer with no
    counterpart): it then gets no ratio or share, and ``note`` says how it differs."""

    figure: str
    label: Text | None = None
    target: str | None = None
    like_for_like: bool = True
    note: Text | None = None


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Comparison(Frozen):
    """A curated group of figures meant to be read side by side."""

    id: str
    title: Text
    kind: str
    entries: tuple[ComparisonEntry, ...]
    note: Text | None = None
    section_id: str | None = None
    baseline: Baseline | None = None

    def figure_ids(self) -> Iterator[str]:
        if self.baseline and self.baseline.figure:
            yield self.baseline.figure
        for entry in self.entries:
            yield entry.figure
            if entry.target:
                yield entry.target


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Pack(Frozen):
    """A loaded, validated content pack with lookup tables."""

    id: str
    title: Text
    root: Path
    documents: tuple[Document, ...]
    units: tuple[Unit, ...]
    sections: tuple[Node, ...]
    comparisons: tuple[Comparison, ...]
    digest: str = ""
    #: groups of names for one thing (``("SiC", "silicon carbide", "碳化硅")``): search aliases
    glossary: tuple[tuple[str, ...], ...] = ()
    scopes: tuple[Scope, ...] = ()  # the manifest's own, beyond briefing.figures.vocabulary's
    hedges: tuple[Hedge, ...] = ()  # likewise
    coverage_ignore: str = ""  # the manifest's list of numbers that are not figures, if any
    _nodes: dict[str, Node] = field(default_factory=dict, repr=False, compare=False)
    _figures: dict[str, Figure] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for section in self.sections:
            for node in section.walk():
                self._nodes[node.id] = node
                for figure in node.figures:
                    self._figures[figure.id] = figure

    # -- lookups ---------------------------------------------------------------------------
    def nodes(self) -> Iterator[Node]:
        for section in self.sections:
            yield from section.walk()

    def figures(self) -> Iterator[Figure]:
        for section in self.sections:
            yield from section.all_figures()

    def node(self, node_id: str) -> Node:
        return self._nodes[node_id]

    def figure(self, figure_id: str) -> Figure:
        return self._figures[figure_id]

    def has_node(self, node_id: str) -> bool:
        return node_id in self._nodes

    def has_figure(self, figure_id: str) -> bool:
        return figure_id in self._figures

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def unit(self, unit_id: str) -> Unit:
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)

    def comparison(self, comparison_id: str) -> Comparison:
        for comparison in self.comparisons:
            if comparison.id == comparison_id:
                return comparison
        raise KeyError(comparison_id)

    def has_comparison(self, comparison_id: str) -> bool:
        return any(c.id == comparison_id for c in self.comparisons)

    def has_id(self, item_id: str) -> bool:
        """Whether ``item_id`` names a node, a figure or a comparison of this pack."""
        return (self.has_node(item_id) or self.has_figure(item_id)
                or self.has_comparison(item_id))

    def section_of(self, node_id: str) -> Node:
        return self.node(self.node(node_id).section_id)

    def parent(self, node: Node) -> Node | None:
        return self.node(node.parent_id) if node.parent_id else None

    def comparisons_for(self, figure_id: str) -> list[Comparison]:
        """The curated comparisons a figure appears in."""
        return [c for c in self.comparisons if figure_id in set(c.figure_ids())]

    def ids(self) -> list[str]:
        """Every id a user can open: nodes, figures and comparisons."""
        return [*self._nodes, *self._figures, *(c.id for c in self.comparisons)]


# Unpickling a cached pack: dataclasses gives a frozen slots class its own __setstate__, which
# asks fields() again for every object; restore reads the same state (see briefing.model.base).
for _cls in (Text, Source, Unit, Scope, Hedge, Baseline, Document, Figure, Node, ComparisonEntry,
             Comparison, Pack):
    _cls.__setstate__ = restore  # type: ignore[method-assign]
del _cls
