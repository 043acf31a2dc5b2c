"""The numbers of a pack's documents that no figure quotes, minus those the pack chose to skip.

A number counts as covered when a figure of the same document quotes a span holding it (the
quote's one place: a quote that occurs twice is refused by ``validate`` and credits only its
first place here) and the figure's ``display`` sits on it. Numbers the reader cannot read are
listed too, never passed over. The pack may keep an ignore list (``coverage_ignore`` in the
manifest) of numbers that are not figures, each with a reason::

    - doc: report-2024
      number: "三年"          # the number as written (as coverage prints it)
      near: "连续三年"        # optional: a verbatim span that holds it, when it occurs twice
      reason: a duration in a slogan, not a measured value

Linear in the documents' size: covered characters are marked once, ignore entries are found
once each, and every number is then looked up, not compared with every figure.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from briefing.authoring.reader import read_figures
from briefing.model import Pack
from briefing.pack.errors import PackError

IGNORE_FIELDS = {"doc", "number", "near", "reason"}


@dataclass(frozen=True, slots=True)
class Ignore:
    doc: str
    number: str
    near: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Uncovered:
    """A number no figure covers: ``value`` None when the reader cannot read it; ``reason``
    set when the reader takes it for no figure (a name, a slogan: ignore it with that reason)."""

    doc: str
    start: int
    end: int
    text: str
    line: int
    sentence: str
    value: float | None
    reason: str | None = None

    @property
    def readable(self) -> bool:
        return self.value is not None or self.reason is not None


def covered_spans(pack: Pack, doc_id: str, text: str) -> list[tuple[int, int]]:
    """Where in ``text`` each figure's display sits, inside its quote's first place."""
    spans = []
    for fig in pack.figures():
        if fig.source.doc != doc_id:
            continue
        quote = fig.source.quote
        at = text.find(quote)
        inner = quote.find(fig.display) if at >= 0 else -1
        while inner >= 0:
            spans.append((at + inner, at + inner + len(fig.display)))
            inner = quote.find(fig.display, inner + 1)
    return spans


def covered_marks(pack: Pack, doc_id: str, text: str) -> bytearray:
    """A mark for each character of ``text`` some figure's display covers (looked up in
    constant time per character, however many figures there are)."""
    marks = bytearray(len(text))
    for start, end in covered_spans(pack, doc_id, text):
        marks[start:end] = b"\x01" * (end - start)
    return marks


class _Skips:
    """Where a document's ignore entries apply: everywhere for a number, or inside ``near``."""

    def __init__(self, ignores: list[Ignore], doc_id: str, text: str) -> None:
        self.everywhere: set[str] = set()
        self.spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for rule in ignores:
            if rule.doc != doc_id:
                continue
            if rule.near is None:
                self.everywhere.add(rule.number)
                continue
            at = text.find(rule.near)
            while at >= 0:
                self.spans[rule.number].append((at, at + len(rule.near)))
                at = text.find(rule.near, at + 1)
        self.reach: dict[str, list[int]] = {}
        for number, spans in self.spans.items():
            spans.sort()
            reach, top = [], -1
            for _, b in spans:
                top = max(top, b)
                reach.append(top)
            self.reach[number] = reach  # the furthest end of the spans up to each one

    def skip(self, number: str, start: int, end: int) -> bool:
        if number in self.everywhere:
            return True
        spans = self.spans.get(number)
        if not spans:
            return False
        index = bisect_right(spans, (start, float("inf")))  # the spans starting by ``start``
        return index > 0 and self.reach[number][index - 1] >= end


def uncovered(pack: Pack, ignores: list[Ignore]) -> list[Uncovered]:
    """Every number of every document that neither a figure nor the ignore list accounts for."""
    hedges = tuple(h.word for h in pack.hedges)
    found = []
    for doc in pack.documents:
        text = doc.read()
        marks = covered_marks(pack, doc.id, text)
        skips = _Skips(ignores, doc.id, text)
        reading = read_figures(text, date=doc.date, hedges=hedges)
        numbers = [*((f.start, f.end, f.display, f.line, f.sentence, f.value, None)
                     for f in reading.figures),
                   *((n.start, n.end, n.text, n.line, n.sentence, None, n.reason)
                     for n in reading.not_figures),
                   *((u.start, u.end, u.text, u.line, u.sentence, None, None)
                     for u in reading.unreadable)]
        numbers.sort()
        for start, end, written, line, sentence, value, why in numbers:
            if any(marks[start:end]) or skips.skip(written, start, end):
                continue
            found.append(Uncovered(doc.id, start, end, written, line, sentence, value, why))
    return found


def read_ignores(pack: Pack, name: str) -> tuple[list[Ignore], list[PackError]]:
    """The pack's ignore list, checked: each entry's document exists and its text is there;
    ``near`` is verbatim and holds the number."""
    from briefing.pack.checker import Checker, inside, path_problem
    from briefing.pack.yamlio import YamlProblem, read_yaml

    check = Checker(pack.root)
    check.file = name
    path = Path(pack.root) / name
    try:
        outside = not inside(path.resolve(), Path(pack.root).resolve())
        is_file, exists = path.is_file(), path.exists()
    except (OSError, RuntimeError) as exc:  # a name too long, a symlink loop
        check.error(None, f"cannot be read: {path_problem(exc)}")
        return [], check.errors
    if not is_file:
        check.error(None, "the coverage ignore list named by the manifest is not a file"
                    if exists else "the coverage ignore list named by the manifest is "
                    "missing")
        return [], check.errors
    if outside:
        check.error(None, "file is a link pointing outside the pack; refused")
        return [], check.errors
    try:
        data = read_yaml(path)
    except YamlProblem as problem:
        check.error(problem.line, problem.message)
        return [], check.errors
    if data is None:
        return [], []
    if not isinstance(data, list):
        check.error(1, f"{name} must be a list of numbers to ignore")
        return [], check.errors
    texts = {doc.id: doc.read() for doc in pack.documents}
    result = []
    for raw in data:
        entry = check.fields(raw, IGNORE_FIELDS, "an ignored number", getattr(data, "line", 1))
        if entry is None:
            continue
        doc = check.choice(entry, "doc", "an ignored number", texts)
        number = check.string(entry, "number", "an ignored number")
        near = check.string(entry, "near", "an ignored number", required=False)
        reason = check.string(entry, "reason", "an ignored number")
        if not (doc and number and reason):
            continue
        if near is not None and (number not in near or near not in texts[doc]):
            check.error(entry.line, f"'near' must be verbatim in document '{doc}' and hold "
                                    f"'{number}'")
            continue
        if number not in texts[doc]:
            check.error(entry.line, f"'{number}' does not occur in document '{doc}'")
            continue
        result.append(Ignore(doc=doc, number=number, near=near, reason=reason))
    return result, check.errors
