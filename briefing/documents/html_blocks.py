"""A parsed web page as the blocks a reader sees: paragraphs, headings, list items and table
rows, each with how much of it is link text and whether it sits in the page's navigation.

Whitespace is what a browser shows: runs collapse to one space, a line break in the source
between two Chinese characters goes (the HTML's wrapping, not the author's space), and the
indent (　　, &nbsp;) at a paragraph's start is not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: Elements whose content is never the document.
SKIPPED = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg",
           "canvas", "math", "button", "input", "select", "textarea", "option", "datalist",
           "video", "audio", "map", "img", "head")
#: Elements that end one block and start another.
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
BLOCK_TAGS = HEADINGS | {
    "p", "div", "td", "th", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead",
    "tfoot", "tr", "section", "article", "header", "footer", "nav", "aside", "blockquote",
    "pre", "hr", "br", "address", "figure", "figcaption", "caption", "center", "form",
    "fieldset", "main", "details", "summary"}
#: Containers that hold a site's chrome, by tag or by the names sites give them.
CHROME_TAGS = frozenset(("nav", "footer", "aside", "form"))
CHROME_NAMES = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|bread|crumbs?|footer|foot|share|bdshare|"
    r"related|xgxw|xgwz|sidebar|side|toolbar|copyright|banner|login|search|qrcode|ewm|"
    r"fontsize|zihao|print|pager|pagination|comment|advert|ads?)(?:$|[\s_-]|\d)", re.IGNORECASE)
#: Elements inside a table row that make it page layout, not a row of data.
_LAYOUT_INSIDE = HEADINGS | {"table", "div", "ul", "ol", "section", "article"}
_MAX_ROW_CHARS = 500
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_CJK = r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]"
#: A line break in the page's source between two Chinese characters (how the HTML was
#: wrapped, not a space the author typed).
_CJK_WRAP = re.compile(rf"(?<={_CJK})[ \t\r\f]*\n[ \t\r\n\f]*(?={_CJK})")
_EDGES = " \t\n\u3000\u00a0"


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a page's text, in reading order."""

    text: str
    link_chars: int
    tag: str  # the block element's tag ("p", "h1", "tr", ...)
    in_chrome: bool  # inside <nav>/<footer> or an element named like chrome
    named: str  # the block element's class and id, lower-cased

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def clean(text: str) -> str:
    """A block's text as a browser shows it (see the module docstring)."""
    return _SPACES.sub(" ", _CJK_WRAP.sub("", text)).strip(_EDGES)


def page_blocks(root: Any) -> list[Block]:
    """The blocks of a parsed page (an lxml HTML root), in document order."""
    from lxml import etree

    etree.strip_elements(root, *SKIPPED, etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    return _Walker().walk(root, etree)


class _Walker:
    """One pass over the tree: text gathered into the open block, closed at block edges."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.link_chars = 0
        self.links = 0  # depth of <a> elements we are in
        self.chrome = 0  # depth of chrome containers we are in
        self.tags: list[tuple[str, str]] = [("body", "")]  # open block elements

    def walk(self, root: Any, etree: Any) -> list[Block]:
        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            tag = element.tag if isinstance(element.tag, str) else ""
            tag = tag.lower()
            if event == "start":
                if self.start(element, tag):
                    walker.skip_subtree()  # its "end" still comes, and closes it
            else:
                self.end(element, tag)
        self.flush()
        return self.blocks

    def start(self, element: Any, tag: str) -> bool:
        """Open ``element``; True when it was taken whole (a table row of data)."""
        named = _named(element)
        chrome = _is_chrome(element, tag)
        if tag in BLOCK_TAGS:
            self.flush()
            self.tags.append((tag, named))
        self.chrome += chrome
        if tag == "tr" and _is_data_row(element):
            cells = [clean(" ".join(cell.itertext())) for cell in element
                     if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
            links = sum(len(clean(" ".join(a.itertext()))) for a in element.iter("a"))
            named = " ".join([named, *(_named(cell) for cell in element
                                       if isinstance(cell.tag, str))]).strip()
            self.emit("\t".join(cells).strip(), links, "tr", named, chrome)
            return True
        if tag == "a":
            self.links += 1
        self.add(element.text)
        return False

    def end(self, element: Any, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
            if len(self.tags) > 1:
                self.tags.pop()
        self.chrome -= _is_chrome(element, tag)
        if tag == "a":
            self.links -= 1
        self.add(element.tail)

    def add(self, text: str | None) -> None:
        if text:
            self.pieces.append(text)
            if self.links:
                self.link_chars += len(clean(text))

    def flush(self) -> None:
        text = clean("".join(self.pieces))
        tag, named = self.tags[-1]
        self.emit(text, self.link_chars, tag, named, self.chrome > 0)
        self.pieces, self.link_chars = [], 0

    def emit(self, text: str, links: int, tag: str, named: str, chrome: bool) -> None:
        if text:
            self.blocks.append(Block(text=text, link_chars=min(links, len(text)), tag=tag,
                                     in_chrome=chrome or self.chrome > 0, named=named))


def _named(element: Any) -> str:
    return " ".join(filter(None, (element.get("class"), element.get("id")))).lower()


def _is_chrome(element: Any, tag: str) -> bool:
    if tag in CHROME_TAGS:
        return True
    named = _named(element)
    return bool(named and CHROME_NAMES.search(named))


def _is_data_row(row: Any) -> bool:
    """A row of a data table (cells of text), not a row of a page laid out as a table."""
    total = 0
    for element in row.iterdescendants():
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _LAYOUT_INSIDE:
            return False
        total += len(element.text or "") + len(element.tail or "")
        if total > _MAX_ROW_CHARS:
            return False
    return True
