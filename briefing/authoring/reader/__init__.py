"""Read a Chinese policy document as a careful analyst would: every figure with its value,
unit, kind, year, hedge or bound, and a quote that occurs once; every number that is not a
figure with the reason why; every number that cannot be read.

:func:`read_figures` is the one entry point (``stub``, ``coverage`` and a draft briefing all
use it). What is silently passed over, as it is no number at all: dates (a year, "2026-02-02",
"7月10日", "2026—2030年"), enumeration markers ("一是", "（三）", "1."), digits glued to Latin
letters ("5G", "PM2.5"), a bare 万/亿 naming a class ("超亿元企业"). Everything else is a figure,
a non-figure with a reason, or unreadable.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.authoring.reader import hedges as hedging
from briefing.authoring.reader.kinds import is_target, kind_of, period_of, scope_of
from briefing.authoring.reader.measures import UnitGuess, unit_for
from briefing.authoring.reader.nonfigures import reason
from briefing.authoring.reader.quotes import (
    CLAUSE_STOPS,
    SENTENCE_STOPS,
    Stops,
    clause,
    unique_quotes,
)
from briefing.authoring.reader.structure import (
    Block,
    Frame,
    blocks_of,
    document_year,
    frames,
)
from briefing.authoring.reader.tokens import Token, tokens
from briefing.figures.reading import read_number
from briefing.figures.vocabulary import hedges as builtin_hedges

__all__ = ["Block", "DocumentReading", "Found", "NotFigure", "UnitGuess", "Unreadable",
           "read_figures"]

#: Units a form of writing implies when no measure word says otherwise.
_FORM_UNITS = {"ordinal": "rank", "top": "rank", "first": "rank", "fraction": "ratio",
               "tenths": "percent", "idiom": "percent"}
_LIST_JOINS = ("和", "、", "及", "与")
_RANKS = ("ordinal", "top", "first")
_GROUPS = ("方阵", "梯队")


@dataclass(frozen=True, slots=True)
class Found:
    """A figure as drafted: ``display`` is ``text[start:end]`` (with a decline's verb:
    "下降11.5%"), ``value`` and ``high`` (a range's top) in base units, ``quote`` is
    ``text[quote_start:quote_start + len(quote)]`` and ``unique`` says it occurs once."""

    start: int
    end: int
    display: str
    value: float
    high: float | None
    unit: UnitGuess | None
    kind: str
    period: str | None
    qualifier: str | None
    bound: str  # exact, about, range, above, at-least, below, at-most
    quote: str
    quote_start: int
    unique: bool
    label: str  # the clause's words before the number: a draft label
    scope: str | None
    line: int
    sentence: str

    @property
    def text(self) -> str:
        return self.display


@dataclass(frozen=True, slots=True)
class NotFigure:
    """A number that is not a figure: ``text`` as written, ``reason`` why, and ``near`` a
    verbatim span around it that occurs once in the document."""

    start: int
    end: int
    text: str
    reason: str
    near: str
    unique: bool
    line: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A number the reader found but cannot put a value on: to be read by a person."""

    start: int
    end: int
    text: str
    line: int
    sentence: str


@dataclass(frozen=True, slots=True)
class DocumentReading:
    figures: tuple[Found, ...]
    not_figures: tuple[NotFigure, ...]
    unreadable: tuple[Unreadable, ...]
    year: int | None  # the year the document is written in (its "今年"), if it says


@dataclass(slots=True)
class _Draft:
    token: Token
    start: int  # where the display starts (a decline's verb included)
    line: int
    sentence: tuple[int, int]
    clause: tuple[int, int]
    line_span: tuple[int, int]
    fields: dict
    why: str | None = None


def read_figures(text: str, blocks: list[Block] | None = None, *, year: int | None = None,
                  date: str | None = None, hedges: tuple[str, ...] = ()) -> DocumentReading:
    """Every number of ``text``: figures, non-figures (with reasons) and unreadable ones.

    ``blocks``: the document's paragraphs and headings, if the caller has read them (else
    each line is a paragraph, and lines with a heading marker are headings); ``year``: the
    year the document is written in, if known (else the latest its opening and headings
    name, else ``date``'s); ``date``: the document's date ("2025-07"), the period of numbers
    its text does not date; ``hedges``: the pack's own hedge words.
    """
    blocks = blocks if blocks is not None else blocks_of(text)
    doc_year = year if year is not None else document_year(text, blocks)
    if doc_year is None and date and date[:4].isdigit():
        doc_year = int(date[:4])
    block_frames = frames(text, blocks, doc_year)
    drafts: list[_Draft] = []
    walker = _Walker(text, blocks, block_frames)
    for token in tokens(text):
        drafts.append(_draft(text, token, walker, (doc_year, date), hedges, drafts))
    return _finish(text, drafts, doc_year)


class _Walker:
    """The line number and block of each token, tokens taken in order (linear overall)."""

    def __init__(self, text: str, blocks: list[Block], block_frames: list[Frame]) -> None:
        self.text, self.blocks, self.frames = text, blocks, block_frames
        self.index, self.pos, self.line = 0, 0, 1
        self.clauses = Stops(text, CLAUSE_STOPS)
        self.sentences = Stops(text, SENTENCE_STOPS)
        self.lines = Stops(text, "\n")

    def at(self, start: int) -> tuple[int, Block | None, Frame]:
        self.line += self.text.count("\n", self.pos, start)
        self.pos = start
        while self.index < len(self.blocks) and self.blocks[self.index].end <= start:
            self.index += 1
        if self.index < len(self.blocks) and self.blocks[self.index].start <= start:
            return self.line, self.blocks[self.index], self.frames[self.index]
        return self.line, None, Frame()


def _draft(text: str, token: Token, walker: _Walker, when: tuple[int | None, str | None],
           hedges: tuple[str, ...], drafts: list[_Draft]) -> _Draft:
    doc_year, date = when
    line, block, frame = walker.at(token.start)
    sentence = walker.sentences.around(token.start, token.end, 300)
    line_span = (block.start, block.end) if block else walker.lines.around(
        token.start, token.end, 300)
    draft = _Draft(token, token.start, line, sentence,
                   clause(text, token.start, token.end, walker.clauses), line_span, {})
    why = reason(text, token)
    if why:
        draft.why = why
        return draft
    qualifier, phrase_start = hedging.hedge_of(text, token.start, token.number_end, token.end,
                                               hedges)
    if token.form == "top":
        qualifier, phrase_start = "前", token.start
    level = hedging.is_level(text, phrase_start)
    decline = None if level else hedging.decline_start(text, token.start)
    previous = _listed_after(text, drafts, token)
    draft.start = decline if decline is not None else token.start
    unit = None if token.form in _RANKS else unit_for(text, token.start, token.number_end,
                                                       token.measure)
    unit_id = unit.id if unit else _FORM_UNITS.get(token.form)
    if unit is None and unit_id:
        unit = UnitGuess(unit_id, "", unit_id)
    end = token.end
    if token.form == "ordinal" and text.startswith(_GROUPS, end):
        end, unit_id, unit = end + 2, "tier", UnitGuess("tier", "梯队", "tier")  # 第一方阵
    display = text[draft.start:end]
    reading = read_number(display, unit_id)
    if reading is None:
        draft.why = ""  # unreadable
        return draft
    value, high = reading.value, reading.high
    clause_before = text[draft.clause[0]:min(phrase_start, draft.start)]
    in_goal = block is not None and frame.goal_from is not None and (
        token.start >= block.start + frame.goal_from)
    year, dated = period_of(text[sentence[0]:draft.start], frame, in_goal, doc_year)
    target = is_target(clause_before, year if dated else None, frame, in_goal, doc_year)
    kind = kind_of(clause_before, token.form, unit_id, target=target, level=level,
                   following=text[token.end:token.end + 1],
                   sentence_before=text[sentence[0]:draft.start])
    if unit_id == "tier":
        kind = "tier"  # a group of leaders, never a place
    elif kind == "actual" and (decline is not None or display.startswith(("翻", "增长"))):
        kind = "growth"  # "下降11.5%", "翻一番": changes, whatever the clause says
    if previous is not None and kind in ("actual", "growth"):
        kind = previous.fields["kind"]
    draft.fields = {"end": end, "display": display, "value": value, "high": high, "unit": unit,
                    "kind": kind, "period": _period(year, dated, date),
                    "qualifier": qualifier, "label": _label(clause_before, drafts, sentence),
                    "scope": scope_of(clause_before) if unit_id == "rank" else None}
    return draft


def _period(year: int | None, dated: bool, date: str | None) -> str | None:
    """The period as a pack writes it: the year, or the document's date when the text gives
    none and the date is of that year ("2025-07")."""
    if not dated and date and year is not None and date.startswith(str(year)):
        return date[:7]
    return None if year is None else str(year)


def _label(clause_before: str, drafts: list[_Draft], sentence: tuple[int, int]) -> str:
    """The clause's words before the number; a bare verb ("增长", "同比下降") borrows the
    subject of the figure before it in the sentence ("地区生产总值 增长")."""
    label = clause_before.strip(" ，、：:；")
    if len(label) <= 4 and drafts and drafts[-1].fields and drafts[-1].sentence == sentence:
        subject = drafts[-1].fields["label"]
        if subject and subject != label:
            return f"{subject} {label}".strip()
    return label


def _listed_after(text: str, drafts: list[_Draft], token: Token) -> _Draft | None:
    """The figure this one is listed after in one clause ("分别增长4.6%和6.1%"), if any."""
    if not drafts or drafts[-1].why is not None or not drafts[-1].fields:
        return None
    last = drafts[-1]
    between = text[last.token.end:token.start]
    if between in _LIST_JOINS and last.fields["kind"] == "growth":
        return last
    return None


def _bound(qualifier: str | None, high: float | None, hedges: dict) -> str:
    if high is not None:
        return "range"
    found = hedges.get(qualifier) if qualifier else None
    return found.meaning if found else "exact"


def _finish(text: str, drafts: list[_Draft], doc_year: int | None) -> DocumentReading:
    spans = [d.clause if d.why is not None or not d.fields else
             _holding(d.clause, d.start, d.fields["end"]) for d in drafts]
    quoted = unique_quotes(text, spans, [d.line_span for d in drafts])
    known = builtin_hedges()
    figures, skipped, unread = [], [], []
    for draft, (a, b, unique) in zip(drafts, quoted, strict=True):
        sentence = text[draft.sentence[0]:draft.sentence[1]].strip()
        written = text[draft.start:draft.token.end]
        if draft.why:
            skipped.append(NotFigure(draft.token.start, draft.token.end, written, draft.why,
                                     text[a:b], unique, draft.line, sentence))
        elif draft.why == "":
            unread.append(Unreadable(draft.start, draft.token.end, written, draft.line,
                                     sentence))
        else:
            f = draft.fields
            figures.append(Found(
                start=draft.start, end=f["end"], display=f["display"], value=f["value"],
                high=f["high"], unit=f["unit"], kind=f["kind"], period=f["period"],
                qualifier=f["qualifier"], bound=_bound(f["qualifier"], f["high"], known),
                quote=text[a:b], quote_start=a, unique=unique, label=f["label"] or text[a:b],
                scope=f["scope"], line=draft.line, sentence=sentence))
    return DocumentReading(tuple(figures), tuple(skipped), tuple(unread), doc_year)


def _holding(span: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """A quote span that holds the whole display (and its hedge), however the clause fell."""
    return min(span[0], start), max(span[1], end)

