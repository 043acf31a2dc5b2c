"""Render Markdown with GitHub's own parser (cmark-gfm) and read back what a reader sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

import cmarkgfm
from cmarkgfm.cmark import Options


def render(markdown: str, footnotes: bool = True) -> str:
    """GFM as GitHub renders it: tables, autolinks, strikethrough, tag filter, footnotes
    (``footnotes=False``: cmark-gfm's default options, as a renderer without them shows it)."""
    return cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=Options.CMARK_OPT_FOOTNOTES if footnotes else 0)


@dataclass
class Table:
    header: list[str] = field(default_factory=list)
    aligns: list[str | None] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class Page(HTMLParser):
    """The parts of rendered HTML the export tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.tables: list[Table] = []
        self.refs: list[str] = []  # footnote ids the text points to ("fn-3")
        self.notes: dict[str, str] = {}  # footnote id -> its visible text
        self.tags: set[str] = set()
        self.links: list[str] = []
        self._chunks: list[str] = []
        self._heading: tuple[int, list[str]] | None = None
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._note: tuple[str, list[str]] | None = None
        self._in_head = False
        self.feed(html)
        self.close()
        self.text = "".join(self._chunks)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        self.tags.add(tag)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = (int(tag[1]), [])
        elif tag == "table":
            self.tables.append(Table())
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
            if tag == "th":
                self.tables[-1].aligns.append(attr.get("align"))
        elif tag == "a":
            href = attr.get("href") or ""
            if "data-footnote-ref" in attr:
                self.refs.append(href.removeprefix("#"))
            elif "data-footnote-backref" not in attr:
                self.links.append(href)
        elif tag == "li" and (attr.get("id") or "").startswith("fn-"):
            self._note = (attr["id"] or "", [])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading:
            level, parts = self._heading
            self.headings.append((level, " ".join("".join(parts).split())))
            self._heading = None
        elif tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            table = self.tables[-1]
            if self._in_head:
                table.header = self._row
            else:
                table.rows.append(self._row)
            self._row = None
        elif tag == "li" and self._note is not None:
            note_id, parts = self._note
            self.notes[note_id] = " ".join("".join(parts).split())
            self._note = None
        self._chunks.append(" " if tag in ("p", "td", "th", "li", "tr") else "")

    def handle_data(self, data: str) -> None:
        self._chunks.append(data)
        for target in (self._heading[1] if self._heading else None, self._cell,
                       self._note[1] if self._note else None):
            if target is not None:
                target.append(data)
