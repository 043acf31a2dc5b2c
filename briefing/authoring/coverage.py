"""The numbers of a pack's documents that no figure quotes, minus those the pack chose to skip.

A number counts as covered when a figure of the same document quotes a span holding it and
the figure's ``display`` sits on it. The pack may keep an ignore list (``coverage_ignore`` in
the manifest) of numbers that are not figures, each with a reason::

    - doc: report-2024
      number: "三年"          # the number as written (as coverage prints it)
      near: "连续三年"        # optional: a verbatim span that holds it, when it occurs twice
      reason: a duration in a slogan, not a measured value
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.authoring.number_finder import Mention, find_numbers
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
    doc: str
    mention: Mention


def covered_spans(pack: Pack, doc_id: str, text: str) -> list[tuple[int, int]]:
    """Where in ``text`` each figure's display sits inside each occurrence of its quote."""
    spans = []
    for fig in pack.figures():
        if fig.source.doc != doc_id:
            continue
        quote, at = fig.source.quote, text.find(fig.source.quote)
        while at >= 0:
            inner = quote.find(fig.display)
            while inner >= 0:
                spans.append((at + inner, at + inner + len(fig.display)))
                inner = quote.find(fig.display, inner + 1)
            at = text.find(quote, at + 1)
    return spans


def _ignored(ignores: list[Ignore], doc_id: str, text: str, mention: Mention) -> bool:
    for rule in ignores:
        if rule.doc != doc_id or rule.number != mention.text:
            continue
        if rule.near is None:
            return True
        at = text.find(rule.near)
        while at >= 0:
            if at <= mention.start and mention.end <= at + len(rule.near):
                return True
            at = text.find(rule.near, at + 1)
    return False


def uncovered(pack: Pack, ignores: list[Ignore]) -> list[Uncovered]:
    """Every number of every document that neither a figure nor the ignore list accounts for."""
    hedges = tuple(h.word for h in pack.hedges)
    found = []
    for doc in pack.documents:
        text = doc.read()
        spans = covered_spans(pack, doc.id, text)
        for mention in find_numbers(text, hedges):
            if any(a < mention.end and mention.start < b for a, b in spans):
                continue
            if not _ignored(ignores, doc.id, text, mention):
                found.append(Uncovered(doc=doc.id, mention=mention))
    return found


def read_ignores(pack: Pack, name: str) -> tuple[list[Ignore], list[PackError]]:
    """The pack's ignore list, checked: each entry's document exists and its text is there."""
    from briefing.pack.checker import Checker, inside, path_problem
    from briefing.pack.yamlio import YamlProblem, read_yaml

    check = Checker(pack.root)
    check.file = name
    path = Path(pack.root) / name
    try:
        outside = not inside(path.resolve(), Path(pack.root).resolve())
    except (OSError, RuntimeError) as exc:  # a name too long, a symlink loop
        check.error(None, f"cannot be read: {path_problem(exc)}")
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
        if near is not None and (near not in texts[doc] or number not in near):
            check.error(entry.line, f"'near' must be verbatim in document '{doc}' and hold "
                                    f"'{number}'")
            continue
        if number not in texts[doc]:
            check.error(entry.line, f"'{number}' does not occur in document '{doc}'")
            continue
        result.append(Ignore(doc=doc, number=number, near=near, reason=reason))
    return result, check.errors
