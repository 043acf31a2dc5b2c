"""One document drafted into pack data: its outline's parts as sections and items, their
Chinese text verbatim, every figure under the part its sentence is in, the numbers that are
not figures as coverage ignore entries with their reason, and the units the figures use.

English is left to a translator (the pack says so wherever it shows the Chinese in its
place), except for the few titles the draft writes itself (引言 / Introduction).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from briefing.authoring.draft import ids as idmaker
from briefing.authoring.draft.figures import add_unit, read_figures
from briefing.authoring.draft.front import Front, front_of
from briefing.authoring.draft.glossary import ROLE_TITLES
from briefing.authoring.draft.labels import labels
from briefing.authoring.draft.markers import POINT
from briefing.authoring.draft.outline import ANNEX, Outline, Part, outline
from briefing.authoring.draft.quotes import unique_spans
from briefing.authoring.reader import Found, UnitGuess

#: Why a drafted figure was left for the author (coverage lists its number).
NO_UNIT, NOT_UNIQUE = "no unit the reader knows", "no quote that occurs once"
UNREADABLE = "a number the reader cannot read"
FRONT_REASON = "in the document's title, date or speaker line, not a figure"
DEFINITION_REASON = "in the report's glossary of terms: part of a definition, not a figure"
_GLOSSARY_TITLES = ("名词解释", "名词注释", "名词说明")


@dataclass(slots=True)
class DocumentDraft:
    """A document as a draft: ``nodes`` are the top parts as section data (mappings in the
    order a section file writes them)."""

    doc_id: str
    front: Front
    nodes: list[dict]
    ignore: list[dict] = field(default_factory=list)
    units: dict[str, UnitGuess] = field(default_factory=dict)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (number, why)
    figures: int = 0
    items: int = 0


def draft_document(text: str, doc_id: str, ids: idmaker.Ids,
                   hedges: tuple[str, ...] = ()) -> DocumentDraft:
    """The draft of ``text`` (document ``doc_id``), claiming its ids from ``ids``."""
    found = outline(text)
    front = front_of(text, found)
    reading = read_figures(text, _headings(found), front.date, hedges)
    draft = DocumentDraft(doc_id=doc_id, front=front, nodes=[])
    owners = _owners(found)
    definitions = {id(part) for top in found.parts if top.role == ANNEX
                   and any(word in top.title for word in _GLOSSARY_TITLES)
                   for part in top.walk()}
    placed: dict[int, list[Found]] = {}
    for figure in reading.figures:
        owner = _owner(owners, figure.start)
        if owner is None or id(owner) in definitions:
            why = FRONT_REASON if owner is None else DEFINITION_REASON
            draft.ignore.append(_ignore(text, doc_id, figure.start, figure.end, why))
        elif figure.unit is None:
            draft.left_out.append((figure.display, NO_UNIT))
        elif not figure.unique:
            draft.left_out.append((figure.display, NOT_UNIQUE))
        else:
            placed.setdefault(id(owner), []).append(figure)
    draft.ignore += [{"doc": doc_id, "number": s.text, "near": s.near, "reason": s.reason}
                     for s in reading.not_figures]
    draft.left_out += [(number.text, UNREADABLE) for number in reading.unreadable]
    writer = _NodeWriter(text, doc_id, ids, placed, draft, _quotes(text, found))
    draft.nodes = [writer.node(part) for part in found.parts]
    return draft


def _headings(found: Outline) -> list[tuple[int, int, int]]:
    """(start, end, level) of each heading the report numbers (and each annex), level 1 for
    the outermost: what the number reader needs to know whose goals a paragraph is under."""
    result = []

    def walk(part: Part, level: int) -> None:
        if part.role == ANNEX or (not part.role and part.style < POINT):
            result.append((*part.head, level))
        for child in part.children:
            walk(child, level + 1)

    for top in found.parts:
        walk(top, 1)
    return result


def _quotes(text: str, found: Outline) -> dict[int, str]:
    """Each part's quote (by ``id`` of the part): its heading, widened until it occurs once
    (within its paragraph first)."""
    parts, heads = [], []
    for top in found.parts:
        for part in top.walk():
            start, end = part.head
            if end <= start:
                continue
            limit = max([end, *(b for a, b in part.paragraphs if a <= start < b)])
            line_end = text.find("\n", end)
            parts.append(part)
            heads.append((start, end, max(limit, end if line_end < 0 else line_end)))
    return {id(part): text[a:b]
            for part, (a, b, _) in zip(parts, unique_spans(text, heads), strict=True)}


def _owners(found: Outline) -> list[tuple[int, int, Part]]:
    spans = [(a, b, part) for top in found.parts for part in top.walk()
             for a, b in part.owned() if b > a]
    spans.sort(key=lambda span: (span[0], -span[1]))
    return spans


def _owner(owners: list[tuple[int, int, Part]], offset: int) -> Part | None:
    """The part whose own text holds ``offset``. Parts' texts never overlap; only a part's
    heading lies inside its own paragraph, so the span is among the last few that start
    before ``offset``."""
    index = bisect_right(owners, offset, key=lambda span: span[0]) - 1
    for start, end, part in reversed(owners[max(0, index - 3):index + 1]):
        if start <= offset < end:
            return part
    return None


def _ignore(text: str, doc_id: str, start: int, end: int, reason: str) -> dict:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    near = text[line_start:len(text) if line_end < 0 else line_end].strip()
    return {"doc": doc_id, "number": text[start:end], "near": near, "reason": reason}


class _NodeWriter:
    """Writes parts as section and item mappings, figures under them."""

    def __init__(self, text: str, doc_id: str, ids: idmaker.Ids,
                 placed: dict[int, list[Found]], draft: DocumentDraft,
                 quotes: dict[int, str]) -> None:
        self.text, self.doc_id, self.ids = text, doc_id, ids
        self.placed, self.draft, self.quotes = placed, draft, quotes

    def node(self, part: Part) -> dict:
        text = self.text
        zh_title, en_title = self._title(part)
        body = "\n\n".join(text[a:b] for a, b in part.paragraphs) or zh_title
        base = idmaker.slug([en_title], part.role) if en_title else idmaker.node_base(
            zh_title, part.role or "part")
        data: dict = {"id": self.ids.claim(base),
                      "title": _text(zh_title, en_title), "text": _text(body)}
        quote = self.quotes.get(id(part))
        if quote:
            data["source"] = {"doc": self.doc_id, "quote": quote}
        figures = self.placed.get(id(part), [])
        if figures:
            data["figures"] = self._figures(figures)
        children = [self.node(child) for child in part.children]
        if children:
            data["items"] = children
        self.draft.items += 1
        return data

    def _title(self, part: Part) -> tuple[str, str]:
        if part.role in ROLE_TITLES:
            return ROLE_TITLES[part.role]
        if part.role == ANNEX or not part.title:
            return part.title or self.text[part.head[0]:part.head[1]], ""
        return part.title, ""


    def _figures(self, figures: list[Found]) -> list[dict]:
        sentences = [_sentence(self.text, f.start) for f in figures]
        whole = [_sentence(self.text, f.start, "。！？\n") for f in figures]
        names = labels([f.label for f in figures], sentences, whole)
        result = []
        for figure, name in zip(figures, names, strict=True):
            if len(name) < 2:  # "为3200户困难家庭开展适老化改造": what is counted follows
                name = _words_after(self.text, figure.end) or name or figure.quote
            unit = figure.unit
            assert unit is not None  # figures without one were left out
            add_unit(self.draft.units, unit)
            base = idmaker.figure_base(name, figure.kind, figure.period)
            data: dict = {"id": self.ids.claim(base), "label": _text(name),
                          "value": _number(figure.value)}
            if figure.high is not None:
                data["high"] = _number(figure.high)
            data.update({"unit": unit.id, "display": hedged_display(self.text, figure),
                         "period": figure.period or "undated", "kind": figure.kind})
            if figure.qualifier:
                data["qualifier"] = figure.qualifier
            if figure.scope:
                data["scope"] = figure.scope
            if figure.period is None:
                data["note"] = _text("原文未注明年份。", "The source gives no year.")
            data["source"] = {"doc": self.doc_id, "quote": figure.quote}
            result.append(data)
            self.draft.figures += 1
        return result


def hedged_display(text: str, figure: Found) -> str:
    """The figure's display with its hedge where the source writes it against the number
    ("5%左右", "不少于75万人", "5.5%以内"): Chinese output shows the display, so a floor, a
    ceiling or an estimate that left its hedge out would read as exact."""
    hedge, display = figure.qualifier, figure.display
    if not hedge or hedge in display:
        return display
    if text.startswith(hedge, figure.end):
        widened = display + hedge
    elif text.endswith(hedge, 0, figure.start):
        widened = hedge + display
    else:
        return display
    return widened if widened in figure.quote else display


def _words_after(text: str, end: int, most: int = 16) -> str:
    """The clause's words after a number, when none before it say what it counts."""
    words = text[end:end + most]
    cut = min((i for i in (words.find(ch) for ch in "，。；：、,;:\n") if i >= 0),
              default=len(words))
    return words[:cut].strip()


def _sentence(text: str, offset: int, stops: str = "。！？；\n") -> int:
    """Which sentence ``offset`` is in, as the offset of the stop before it."""
    return max(text.rfind(ch, 0, offset) for ch in stops)


def _number(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e18 else value


def _text(zh: str, en: str = "") -> dict:
    return {"zh": zh, "en": en} if en else {"zh": zh}
