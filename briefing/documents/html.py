"""A saved web page to the text of the document it shows.

The page is decoded (byte-order mark, then the page's own charset declaration, then
detection), parsed by lxml's HTML parser (no network, no entities expanded, comments and
scripts dropped) and cut into blocks; the article is the stretch of blocks with the most body
text in it (a maximum-sum run over the blocks: body paragraphs count for, chrome and link lists
against), widened over the short lines that belong to it (headings, the date line, a
signature), with its title in front. Chrome inside the stretch is dropped line by line.

Trafilatura was tried first: it flattens a page laid out with tables (still common on
government sites) into one row and keeps its chrome, so the selection is done here.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.documents.chrome import is_chrome, strip_tool_buttons
from briefing.documents.encoding import decode
from briefing.documents.extracted import DocumentError, ExtractedDocument, normalise_newlines
from briefing.documents.html_blocks import HEADINGS, Block, clean, page_blocks

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
#: Body text: a block this long, with this many clause marks, is a paragraph of the document.
_BODY_CHARS = 30
_BODY_MARKS = re.compile(r"[，。；！？、：,.;]")
_MAX_LINK_DENSITY = 0.4
#: How far before the article its title may be, in blocks.
_TITLE_REACH = 8
_TITLE_NAMES = re.compile(r"title|biaoti|headline|bt\b", re.IGNORECASE)


def read_html(path: Path, data: bytes) -> ExtractedDocument:
    """The article of a saved web page; a page with no article is refused."""
    declared = _CHARSET.search(data[:4096].replace(b"\x00", b""))
    text, encoding = decode(path, data, declared.group(1).decode("ascii") if declared else None)
    from lxml import etree, html

    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                             recover=True, huge_tree=True)  # nesting to 2048, not 256
    try:
        root = html.document_fromstring(_XML_DECLARATION.sub("", text), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise DocumentError(path, f"is not a readable web page ({exc})") from None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        raise DocumentError(path, "is a web page nested too deeply to read whole")
    title = clean(" ".join(root.xpath("//title//text()")))
    blocks = page_blocks(root)
    lines = article(blocks, title)
    if not lines:
        raise DocumentError(path, "is a web page with no article text in it")
    return ExtractedDocument(source=path, text=normalise_newlines("\n".join(lines) + "\n"),
                             format="html", encoding=encoding)


def article(blocks: list[Block], page_title: str = "") -> list[str]:
    """The article's lines: its title, then every block of its stretch that is not chrome."""
    bad = [_is_bad(b) for b in blocks]
    scores = [_score(b, is_bad) for b, is_bad in zip(blocks, bad, strict=True)]
    span = _best_run(scores)
    if span is None:
        return []
    start, end = span
    while start > 0 and not bad[start - 1]:
        start -= 1
    while end < len(blocks) and not bad[end]:
        end += 1
    lines = [strip_tool_buttons(b.text) for b, is_bad in zip(blocks[start:end], bad[start:end],
                                                              strict=True) if not is_bad]
    title = _title(blocks, start, page_title)
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return [line for line in lines if line]


def _is_bad(block: Block) -> bool:
    return block.in_chrome or is_chrome(block.text)


def _score(block: Block, bad: bool) -> int:
    """What a block adds to a stretch's claim to be the article."""
    size = len(block.text)
    if bad or block.link_density > _MAX_LINK_DENSITY:
        return -(size + 10)
    if size >= _BODY_CHARS and len(_BODY_MARKS.findall(block.text)) >= 2:
        return size
    if block.tag == "tr":  # a row of figures is content; a row of words may be layout
        return size // 2 if "\t" in block.text and any(c.isdigit() for c in block.text) else -1
    return -3


def _best_run(scores: list[int]) -> tuple[int, int] | None:
    """The [start, end) run of blocks with the largest total score (Kadane), if positive."""
    best, best_span = 0, None
    total, start = 0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = 0, i
        total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _title(blocks: list[Block], start: int, page_title: str) -> str:
    """The article's title: the nearest heading, title-named block or block the page's
    <title> contains, shortly before the article."""
    for block in reversed(blocks[max(0, start - _TITLE_REACH):start]):
        text = block.text
        if is_chrome(text) or block.link_density > _MAX_LINK_DENSITY:
            continue
        if (block.tag in ("h1", "h2", "h3") or _TITLE_NAMES.search(block.named)
                or (len(text) >= 4 and text in page_title)):
            return text
    first = blocks[start] if start < len(blocks) else None
    return first.text if first is not None and first.tag in HEADINGS else ""
