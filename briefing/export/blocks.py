"""What an export is made of, before it is Markdown, HTML or Word: blocks of plain text.

:class:`~briefing.export.document.ExportDocument` adds headings, paragraphs and tables in
reading order; each renderer (:mod:`~briefing.export.gfm`, :mod:`~briefing.export.html`,
:mod:`~briefing.export.word`) draws the same blocks in its own format. Text here is never
escaped: each renderer makes it inert for its format. A citation is a :class:`Cite` of the
quotes themselves, numbered by the document's :class:`~briefing.present.citations.Citations`,
so footnotes, inline citations and a Word file all point to the same quotes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from briefing.model import Lang, Pack, Source
from briefing.present.citations import Citations

Align = Literal["left", "right"]
#: How prose cites its quotes: footnotes (GFM ``[^1]``, HTML and Word notes at the end), or
#: inline after the paragraph ("(S1, p. 2: “…”)"), which survives any paste.
CiteStyle = Literal["footnotes", "inline"]
CITE_STYLES: tuple[CiteStyle, ...] = ("footnotes", "inline")


@dataclass(frozen=True, slots=True)
class Run:
    """Text, bold where ``strong``."""

    text: str
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Cite:
    """A citation of verbatim quotes: in prose as the document's cite style says, in a table
    cell always inline (a footnote inside a table cell does not survive a paste)."""

    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    """A bar of ``fraction`` (0..1) of its column: drawn where the format can draw one."""

    fraction: float | None


Inline = Run | Cite | Bar


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    parts: tuple[Inline, ...]
    #: the editor's, not the source's (a note): drawn in a quieter style where it can be
    aside: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    align: Align = "left"
    #: "text" (wraps), "number" and "fixed" (never wrap: a value, a period), "source" (the
    #: rows' quotes), "bar" (left out where bars cannot be drawn: Markdown)
    role: str = "text"


@dataclass(slots=True)
class Table:
    columns: tuple[Column, ...]
    rows: list[tuple[tuple[Inline, ...], ...]] = field(default_factory=list)


Block = Heading | Paragraph | Table


def text_of(parts: tuple[Inline, ...]) -> str:
    """The plain text of ``parts`` (citations and bars left out)."""
    return "".join(part.text for part in parts if isinstance(part, Run))


def paragraphs(parts: tuple[Inline, ...]) -> list[tuple[Inline, ...]]:
    """A paragraph whose text holds blank lines, as the paragraphs it is (a citation stays
    with the last)."""
    out: list[list[Inline]] = [[]]
    for part in parts:
        if isinstance(part, Run) and "\n\n" in part.text.strip():
            pieces = [p.strip() for p in part.text.strip().split("\n\n") if p.strip()]
            out[-1].append(Run(pieces[0], part.strong))
            out += [[Run(p, part.strong)] for p in pieces[1:]]
        else:
            out[-1].append(part)
    return [tuple(p) for p in out if p]


class Document(Protocol):
    """What the renderers and the comparison tables read of an
    :class:`~briefing.export.document.ExportDocument` (so they need not import it)."""

    pack: Pack
    langs: tuple[Lang, ...]
    cite_style: CiteStyle
    profile: str
    citations: Citations
    blocks: list[Block]

    @property
    def first(self) -> Lang: ...

    def words(self, key: str) -> str: ...

    def cite(self, sources: Iterable[Source | None]) -> Cite | None: ...

    def where(self, source: Source) -> str: ...

    def cite_text(self, cite: Cite) -> str: ...

    def source_entry(self, doc_id: str, lang: Lang) -> str: ...

    def footnotes(self) -> list[Source]: ...
