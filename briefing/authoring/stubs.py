"""Figure stubs for every figure of a document, and ignore entries for every number that is not
one: the pack's own fields, filled in as far as the text allows, for an author to correct
rather than type (see :mod:`briefing.authoring.reader` for how the text is read)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from briefing.authoring.reader import DocumentReading, Found, read_figures

TODO = "TODO"


def slug(text: str, fallback: str = "doc") -> str:
    """A pack id from a file name: lowercase ASCII letters, digits and '-'."""
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return value if re.search(r"[a-z]", value) else fallback  # "2024年报告" says nothing


def _number(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e18 else value


def figure_stub(found: Found, doc_id: str, fallback_period: str, ident: str,
                units: set[str] | None = None) -> dict:
    """One figure mapping, fields in the order the guide lists them; a unit the pack does not
    declare (``units``: the pack's, None for any) is TODO, so the draft still validates."""
    stub: dict = {
        "id": ident,
        "label": {"zh": f"{TODO}: {found.label}", "en": f"{TODO}: English label"},
        "value": _number(found.value),
    }
    if found.high is not None:
        stub["high"] = _number(found.high)
    unit = found.unit.id if found.unit else TODO
    if units is not None and unit not in units:
        unit = TODO
    stub.update({"unit": unit, "display": found.display,
                 "period": found.period or fallback_period, "kind": found.kind})
    if found.qualifier:
        stub["qualifier"] = found.qualifier
    if found.scope:
        stub["scope"] = found.scope
    stub["source"] = {"doc": doc_id, "quote": found.quote}
    return stub


def stubs(text: str, doc_id: str, fallback_period: str, hedges: tuple[str, ...] = (),
          reading: DocumentReading | None = None, units: set[str] | None = None) -> list[dict]:
    """A stub for every figure in ``text``, with ids unique among themselves (``units``: the
    pack's unit ids, when drafting into a pack)."""
    reading = reading or read_figures(text, hedges=hedges)
    seen: Counter[str] = Counter()
    result = []
    for found in reading.figures:
        period = found.period or fallback_period
        base = f"{found.kind}-{slug(found.unit.id if found.unit else 'figure', 'figure')}-{period}"
        seen[base] += 1
        ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
        result.append(figure_stub(found, doc_id, fallback_period, ident, units))
    return result


def ignore_entries(reading: DocumentReading, doc_id: str) -> list[dict]:
    """Coverage ignore entries for the numbers that are not figures, each with its reason.

    A number written alike everywhere for the same reason ("十五五", a plan's name) gets one
    entry; one that is also a figure somewhere, or not a figure for different reasons, gets an
    entry per place, located by ``near`` (a span that occurs once where the reader found one).
    """
    reasons: dict[str, set[str]] = defaultdict(set)
    for item in reading.not_figures:
        reasons[item.text].add(item.reason)
    figures = {f.display for f in reading.figures} | {u.text for u in reading.unreadable}
    entries, done = [], set()
    for item in reading.not_figures:
        alike = len(reasons[item.text]) == 1 and item.text not in figures
        if alike and item.text in done:
            continue
        done.add(item.text)
        entry = {"doc": doc_id, "number": item.text}
        if not alike:
            entry["near"] = item.near
        entry["reason"] = item.reason
        entries.append(entry)
    return entries
