"""A report's outline: its title, the lines before its text, and its parts as the report
numbers them, each with the verbatim spans of its own text.

Read from the paragraphs of a document's text (one a line, as :mod:`briefing.documents`
gives them, a PDF's wrapped lines joined already):

* the **front**: the lines before the text starts (the title, a date line "——2026年1月20日在…",
  the speaker, "各位代表："); a cover of more than four short lines (a feature's banners) has
  its headline last;
* **headings** by their marks (see :mod:`~briefing.authoring.draft.markers`), nested by style;
  a heading alone on its line holds the paragraphs after it, a heading that opens a paragraph
  ("一是强统筹，推进工作体系协同发力。组建…") is that paragraph;
* **points** listed inside a paragraph (…：一是…；二是…) are parts of their own, the
  paragraph's words before them staying with it;
* a paragraph after a part's sub-parts is a part of its own (a report's closing words on a
  review, the shortcomings it admits); the report's closing words ("各位代表，…") and an annex
  (附件, 名词解释) are top parts of their own;
* a report with no numbered headings (a feature article) takes its short unpunctuated lines
  between paragraphs as headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.authoring.draft import markers as m
from briefing.authoring.reader.structure import lines

Span = tuple[int, int]
#: Roles of parts the report does not number.
INTRO, CLOSING, ANNEX, PARAGRAPH = "intro", "closing", "annex", "paragraph"
_ROOT = -2
_CLOSING = re.compile(r"[　 ]*(?:各位代表|各位委员|同志们|让我们)")
_SENTENCE = re.compile(r"[。！？；]")
_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]*\]")
_COVER = 4  # more front lines than this: a cover of banners, its headline last
_SUBHEAD = 25
_SHORT_HEAD = 6  # a first clause this short ("今年") takes the next one too
_LEAD = 14  # a paragraph opening with a sentence this short ("创新动能加快集聚。") is a point


@dataclass(slots=True)
class Part:
    """A section or item of the report: its heading (or first words), its own text and its
    parts. ``head`` is verbatim (an item's quote grows from it); ``title`` may be cut."""

    head: Span
    title: str
    style: int = _ROOT
    number: int = 0
    container: bool = True  # a heading alone on its line: the paragraphs after it are its own
    role: str = ""
    paragraphs: list[Span] = field(default_factory=list)
    children: list[Part] = field(default_factory=list)

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def owned(self) -> list[Span]:
        """The spans of the text that belong to this part and none of its parts."""
        return [self.head, *self.paragraphs]


@dataclass(slots=True)
class Outline:
    title: Span | None
    front: list[Span]
    parts: list[Part]


def paragraphs(text: str) -> list[Span]:
    """Each non-empty line, without its indent and trailing spaces."""
    spans = []
    for at, line in lines(text):
        start, end = at, at + len(line)
        while start < end and text[start] in " \t\u3000\ufeff":
            start += 1
        while end > start and text[end - 1] in " \t\u3000":
            end -= 1
        if _BOOKMARK.match(text, start, end):  # a converter's leftover before the words
            start = _BOOKMARK.match(text, start, end).end()
        if end > start:
            spans.append((start, end))
    return spans


def outline(text: str) -> Outline:
    """The outline of ``text`` (see the module's docstring)."""
    lines = paragraphs(text)
    front_end = _front_end(text, lines)
    front = lines[:front_end]
    title = (front[-1] if len(front) > _COVER else front[0]) if front else None
    builder = _Builder(text, subheads=not _numbered(text, lines[front_end:]))
    body = lines[front_end:]
    annex_at = next((i for i, span in enumerate(body) if m.is_annex(text, *span)), len(body))
    for index, span in enumerate(body):
        closing = annex_at - 3 < index < annex_at and _CLOSING.match(text, *span)
        builder.add(span, closing=bool(closing))
    parts = builder.finish()
    front = [s for s in front if s != title]
    if not parts:  # nothing but opening lines: they are the text (a pack needs a section)
        lines = front or [title or (0, 0)]
        parts, front = [Part(head=lines[0], title="", role=INTRO, paragraphs=lines)], []
    return Outline(title, front, parts)


def _front_end(text: str, lines: list[Span]) -> int:
    """How many lines open the document before its text: up to the first heading or the
    first line that reads as a paragraph (it has a full stop: a cover's English banner,
    however long, has none)."""
    for index, (start, end) in enumerate(lines):
        if m.line_mark(text, start, end) or m.is_annex(text, start, end):
            return index
        if _SENTENCE.search(text, start, end):
            return index
    return len(lines)


def _numbered(text: str, lines: list[Span]) -> bool:
    return any((mark := m.line_mark(text, *span)) and mark.style <= m.TOP for span in lines)


class _Builder:
    """Nests paragraphs into parts by their marks, one paragraph at a time."""

    def __init__(self, text: str, subheads: bool) -> None:
        self.text = text
        self.root = Part(head=(0, 0), title="")
        self.stack: list[Part] = [self.root]
        self.subheads = subheads
        self.closing: Part | None = None
        self.pending: Span | None = None  # a short line that may head what follows

    def add(self, span: Span, closing: bool = False) -> None:
        text = self.text
        if self.pending is not None:
            pending, self.pending = self.pending, None
            if _SENTENCE.search(text, *span) or span[1] - span[0] > 60:
                self._heading(pending, m.Mark(m.TOP, 0, pending[0], pending[0]), subhead=True)
            else:
                self._plain(pending)
        if m.is_annex(text, *span):
            annex = Part(head=span, title=m.title_of(text, *span), style=m.ANNEX, role=ANNEX)
            self.root.children.append(annex)
            self.stack, self.closing = [self.root, annex], None
            return
        if self.closing is not None or closing:
            self._closing(span)
            return
        mark = m.line_mark(text, *span)
        if mark and self._in_sequence(mark):
            self._heading(span, mark)
        elif self.subheads and self._may_head(span):
            self.pending = span
        else:
            self._plain(span)

    def finish(self) -> list[Part]:
        if self.pending is not None:
            self._plain(self.pending)
        for part in self.root.walk():
            if part.container and part is not self.root:
                self._lead_points(part)
        parts = list(self.root.children)
        if self.root.paragraphs:
            first = self.root.paragraphs[0]
            intro = Part(head=self._first_clause(first), title="", role=INTRO,
                         paragraphs=self.root.paragraphs)
            parts.insert(0, intro)
        return parts

    # -- headings --------------------------------------------------------------------------
    def _in_sequence(self, mark: m.Mark) -> bool:
        parent = self._parent_for(mark.style)
        same = [c for c in parent.children if c.style == mark.style and not c.role]
        if mark.number == 1 or (same and same[-1].number == mark.number - 1):
            return True
        return mark.style <= m.TOP and not same and parent is self.root

    def _parent_for(self, style: int) -> Part:
        for part in reversed(self.stack):
            if part.style < style:
                return part
        return self.root

    def _heading(self, span: Span, mark: m.Mark, subhead: bool = False) -> None:
        text = self.text
        while self.stack[-1].style >= mark.style and len(self.stack) > 1:
            self.stack.pop()
        parent = self.stack[-1]
        stop = m.head_end(text, mark.end, span[1])
        rest = text[stop:span[1]].strip("。！？；：: \u3000")
        part = Part(head=(mark.start, stop), title=m.title_of(text, mark.end, stop),
                    style=mark.style, number=mark.number, container=not rest)
        if subhead:
            part.head = span
        parent.children.append(part)
        self.stack.append(part)
        if rest:  # the heading opens its paragraph: the paragraph is the part's text
            self._paragraph_into(part, span, skip_first=mark.style == m.POINT)

    def _paragraph_into(self, part: Part, span: Span, skip_first: bool = False) -> None:
        """``span`` is ``part``'s text, minus the points it lists, which become its parts
        (or, when the paragraph opens with a point that goes on listing, its siblings)."""
        points = m.inline_points(self.text, *span)
        if points and skip_first and points[0].start == span[0]:
            self._siblings(part, span, points)
            return
        if points and points[0].start == span[0]:
            points = []  # a list that starts the paragraph under another mark: keep it whole
        cut = points[0].start if points else span[1]
        lead = _trim(self.text, span[0], cut)
        if lead[1] > lead[0]:
            part.paragraphs.append(lead)
        self._points(part, points, span[1])

    def _siblings(self, part: Part, span: Span, points: list[m.Mark]) -> None:
        """A paragraph that opens with 一是 and goes on to 二是, 三是: one part each."""
        parent = self.stack[-2]
        first_end = points[1].start
        part.paragraphs.append(_trim(self.text, span[0], first_end))
        part.head = (part.head[0], min(part.head[1], first_end))
        part.container = False
        for index, point in enumerate(points[1:], 1):
            end = points[index + 1].start if index + 1 < len(points) else span[1]
            parent.children.append(self._point(point, end))
        self.stack[-1] = parent.children[-1]

    def _points(self, parent: Part, points: list[m.Mark], end: int) -> None:
        for index, point in enumerate(points):
            stop = points[index + 1].start if index + 1 < len(points) else end
            parent.children.append(self._point(point, stop))

    def _point(self, mark: m.Mark, end: int) -> Part:
        text = self.text
        stop = m.head_end(text, mark.end, end)
        return Part(head=(mark.start, stop), title=m.title_of(text, mark.end, stop),
                    style=m.POINT, number=mark.number, container=False,
                    paragraphs=[_trim(text, mark.start, end)])

    def _lead_points(self, part: Part) -> None:
        """Paragraphs that each open with a short sentence naming their subject
        ("创新动能加快集聚。全省研发经费…") are points of their own, when two or more do."""
        leads = [self._lead(span) for span in part.paragraphs]
        if sum(1 for lead in leads if lead) < 2 or any(
                m.inline_points(self.text, *span) for span in part.paragraphs):
            return
        first = next(i for i, lead in enumerate(leads) if lead)
        points = []
        for span, lead in zip(part.paragraphs[first:], leads[first:], strict=True):
            head = lead or self._first_clause(span)
            points.append(Part(head=head, title=m.title_of(self.text, *head),
                               style=m.POINT + 1, container=False, paragraphs=[span],
                               role="" if lead else PARAGRAPH))
        part.paragraphs = part.paragraphs[:first]
        part.children[:0] = points

    def _lead(self, span: Span) -> Span | None:
        stop = self.text.find("。", span[0], span[1])
        words = self.text[span[0]:stop]
        if 0 < stop - span[0] <= _LEAD and stop + 1 < span[1] and not re.search(
                r"[，,、；：\d]", words):
            return span[0], stop
        return None

    # -- paragraphs ------------------------------------------------------------------------
    def _plain(self, span: Span) -> None:
        while len(self.stack) > 1 and not self.stack[-1].container:
            self.stack.pop()
        holder = self.stack[-1]
        if holder.children or (holder is self.root and self.root.children):
            part = Part(head=self._first_clause(span), title="", role=PARAGRAPH,
                        container=False, style=m.POINT + 1)
            part.title = m.title_of(self.text, *part.head)
            if holder is self.root:
                holder = self.root.children[-1]
            holder.children.append(part)
            self._paragraph_into(part, span)
        else:
            self._paragraph_into(holder, span)

    def _closing(self, span: Span) -> None:
        if self.closing is None:
            self.closing = Part(head=self._first_clause(span), title="", role=CLOSING)
            self.root.children.append(self.closing)
            self.stack = [self.root]
        self.closing.paragraphs.append(span)

    def _may_head(self, span: Span) -> bool:
        words = self.text[span[0]:span[1]]
        return (len(words) <= _SUBHEAD and "\t" not in words
                and not re.search(r"[。，；！？：,;:!?]", words))

    def _first_clause(self, span: Span) -> Span:
        """The paragraph's first words as its heading: its first clause, and the next while
        that says little ("今年" -> "今年，我市科技创新任务艰巨")."""
        text, end = self.text, span[0]
        while end < span[1] and end - span[0] < _SHORT_HEAD:
            stops = [i for i in (text.find(ch, end + 1, span[1]) for ch in "，。；：！？,;:")
                     if i >= 0]
            end = min(stops) if stops else span[1]
            if text[end:end + 1] in "。！？":
                break
        return span[0], end


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " \t\u3000":
        start += 1
    while end > start and text[end - 1] in " \t\u3000":
        end -= 1
    return start, end
