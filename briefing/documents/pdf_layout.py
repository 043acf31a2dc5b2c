"""From the lines a PDF draws to the paragraphs its author wrote.

A PDF keeps no paragraphs, only lines placed on pages. This module, which knows nothing of
the PDF library, takes those lines with their positions and:

* drops running headers and footers (a line at a page's top or bottom whose text, digits
  aside, recurs on many pages) and page numbers ("— 3 —", "第3页 共9页", "3/9");
* joins the lines a paragraph was wrapped into: a line that reaches the right margin and is
  followed by one that is not indented, not after a gap, and in the same type size continues
  the same paragraph, on the next page too. Nothing is put between Chinese characters (a
  space only between two Latin letters or digits);
* records where each page starts in the text, so a quote can name its page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

#: A line that is nothing but a page number, in the ways Chinese documents print one.
PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•.|]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*[/／]\s*\d{1,4}|\s*[，,]?\s*共\s*\d{1,4}\s*页)?"
    r"[\s\-—–－·•.|]*$|^(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$", re.IGNORECASE)
#: How many lines at a page's top and bottom may be running headers or footers.
EDGE_LINES = 2
#: A running header or footer recurs on at least this share of pages (and on two at least).
RUNNING_SHARE = 0.4
_WORD_END = re.compile(r"[A-Za-z,;:!?)]")
_WORD_START = re.compile(r"[A-Za-z0-9(]")


@dataclass(frozen=True, slots=True)
class Line:
    """One line as drawn: its text and box in PDF points (y grows upwards)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float  # the type size of its first character
    indented: bool = False  # begins with spaces (an indent typed into the text)


@dataclass(slots=True)
class Page:
    lines: list[Line] = field(default_factory=list)


def lay_out(pages: list[Page]) -> tuple[str, tuple[int, ...]]:
    """The document's text (one paragraph a line) and where each page starts in it."""
    drop_running_lines(pages)
    paragraphs: list[str] = []
    starts: list[int] = []
    length = 0  # characters in "\n".join(paragraphs) so far
    previous: Line | None = None
    previous_right = 0.0
    for page in pages:
        left, right = _margins(page.lines)
        pitch = _pitch(page.lines)
        page_start: int | None = None
        last: Line | None = None  # previous line on this page (for gaps)
        for line in page.lines:
            if previous is not None and _continues(previous, previous_right, line, left,
                                                   last, pitch):
                joint = _joint(paragraphs[-1], line.text)
                if page_start is None:
                    page_start = length + len(joint)
                paragraphs[-1] += joint + line.text
                length += len(joint) + len(line.text)
            else:
                if paragraphs:
                    length += 1  # the newline before the new paragraph
                if page_start is None:
                    page_start = length
                paragraphs.append(line.text)
                length += len(line.text)
            previous, previous_right, last = line, right, line
        starts.append(page_start if page_start is not None else length + bool(paragraphs))
    text = "\n".join(paragraphs) + "\n" if paragraphs else ""
    return text, tuple(min(s, max(len(text) - 1, 0)) for s in starts)


def drop_running_lines(pages: list[Page]) -> None:
    """Remove running headers, footers and page numbers from ``pages``, in place.

    A running line sits at the page's top or bottom, set apart from the body (by a gap wider
    than the body's line spacing, or by its type size), and either recurs, digits aside, on
    many pages or is a page number. Body lines at a page's edge are never set apart, so a
    paragraph that happens to repeat is not taken for a header.
    """
    ordered = [sorted(page.lines, key=lambda line: -line.top) for page in pages]
    seen = Counter(key for lines in ordered
                   for key in {_key(line) for line in lines[:EDGE_LINES] + lines[-EDGE_LINES:]})
    needed = max(2.0, RUNNING_SHARE * len(pages))

    def running(line: Line) -> bool:
        return bool(PAGE_NUMBER.match(line.text)) or seen[_key(line)] >= needed

    for page, lines in zip(pages, ordered, strict=True):
        pitch = _pitch(lines)
        dropped: set[int] = set()
        for edge in (lines, lines[::-1]):
            run = []
            for line in edge[:EDGE_LINES]:
                if not running(line):
                    break
                run.append(line)
            while run:  # the longest run that the body does not continue
                inner = edge[len(run)] if len(run) < len(edge) else None
                if inner is None or _apart(run[-1], inner, pitch):
                    dropped.update(id(line) for line in run)
                    break
                run.pop()
        page.lines = [line for line in page.lines if id(line) not in dropped]


def _apart(edge: Line, inner: Line, pitch: float) -> bool:
    """Whether an edge line is set apart from the body line next to it."""
    size = max(edge.size, inner.size, 1.0)
    if abs(edge.size - inner.size) > 0.15 * size:
        return True
    return abs(edge.bottom - inner.bottom) > 1.3 * (pitch or 1.5 * size)


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.text))


def _margins(lines: list[Line]) -> tuple[float, float]:
    """The page's text block: the leftmost start and rightmost end of its longer lines."""
    body = [line for line in lines if len(line.text) >= 5] or lines
    if not body:
        return 0.0, 0.0
    return min(line.left for line in body), max(line.right for line in body)


def _pitch(lines: list[Line]) -> float:
    """The usual distance from one line to the next on the page (median)."""
    steps = sorted(a.bottom - b.bottom for a, b in pairwise(lines)
                   if 0 < a.bottom - b.bottom < 3 * max(a.size, b.size))
    return steps[len(steps) // 2] if steps else 0.0


def _continues(previous: Line, previous_right: float, line: Line, left: float,
               last: Line | None, pitch: float) -> bool:
    """Whether ``line`` carries on the paragraph ``previous`` is in."""
    size = max(previous.size, line.size, 1.0)
    if line.indented or line.left > left + 0.9 * line.size:
        return False  # an indent starts a paragraph
    if previous.right < previous_right - 1.5 * previous.size:
        return False  # the paragraph ended short of the margin
    if abs(previous.size - line.size) > 0.15 * size:
        return False  # a heading and its text, or text and a note
    if last is not None and pitch and last.bottom - line.bottom > 1.6 * pitch:
        return False  # a gap between paragraphs
    return not PAGE_NUMBER.match(line.text)


def _joint(before: str, after: str) -> str:
    """What goes between two wrapped lines: a space after a Latin word (or its punctuation)
    before another word or a number; nothing anywhere else: not next to Chinese, and not
    inside a number a typesetter broke ("46" / ".5%")."""
    if _WORD_END.match(before[-1:]) and _WORD_START.match(after[:1]):
        return " "
    return ""
