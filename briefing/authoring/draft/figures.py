"""The figures a draft takes from a document, in the shape drafting needs, read by the
authoring number reader (:mod:`briefing.authoring.number_finder`): drafting never reads a
number itself.

Each figure has its value, unit (with the unit's names in both languages, for the manifest),
kind, period and hedge as the reader read them, a quote that occurs once in the document
(the reader's clause, widened to its sentence and then its line while it is not), and the
label words before the number.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from briefing.authoring.number_finder import find_numbers


@dataclass(frozen=True, slots=True)
class UnitWords:
    """A unit's id and names, as a manifest declares it."""

    id: str
    zh: str
    en: str
    singular: str | None = None


@dataclass(frozen=True, slots=True)
class DraftFigure:
    """One figure as the reader found it: ``display`` is ``text[start:end]``; the quote is
    ``text[quote_start:quote_start + len(quote)]`` and occurs there only when ``unique``."""

    start: int
    end: int
    display: str
    value: float
    high: float | None
    unit: UnitWords | None
    kind: str
    period: str | None
    qualifier: str | None
    scope: str | None
    quote: str
    quote_start: int
    unique: bool
    label: str


@dataclass(frozen=True, slots=True)
class NotAFigure:
    """A number that is no figure, with why, and a span around it that occurs once."""

    start: int
    end: int
    text: str
    reason: str
    near: str


def add_unit(units: dict[str, UnitWords], unit: UnitWords) -> None:
    """Declare ``unit`` in ``units``: one id, its Chinese measure words joined ("人/名/位")."""
    known = units.get(unit.id)
    if known is None:
        units[unit.id] = unit
    elif unit.zh and unit.zh not in known.zh.split("/"):
        units[unit.id] = UnitWords(known.id, f"{known.zh}/{unit.zh}", known.en, known.singular)


@functools.cache
def _units() -> dict[str, UnitWords]:
    """The units the reader guesses, with their names (those ``briefing init`` declares)."""
    import yaml

    from briefing.authoring.scaffold import UNITS

    return {ident: UnitWords(ident, str(u["zh"]), str(u["en"]), u.get("singular"))
            for ident, u in yaml.safe_load(UNITS)["units"].items()}


def read_figures(text: str, year: int | None,
                 hedges: tuple[str, ...] = ()) -> tuple[list[DraftFigure], list[NotAFigure]]:
    """The figures of ``text`` and the numbers that are not figures; ``year`` dates the
    figures the text does not date."""
    units = _units()
    figures = []
    for mention in find_numbers(text, hedges):
        at = _quote_start(text, mention.clause, mention.start, mention.end)
        if at < 0:
            continue  # split across a line: nothing verbatim to quote
        quote, at, unique = _unique(text, mention.clause, at, mention.sentence)
        period = mention.period or (str(year) if year else None)
        label = text[at:mention.start] if at <= mention.start else ""
        qualifier = mention.qualifier if mention.qualifier and mention.qualifier in quote \
            else None
        figures.append(DraftFigure(
            start=mention.start, end=mention.end, display=mention.text, value=mention.value,
            high=None, unit=units.get(mention.unit or ""), kind=mention.kind, period=period,
            qualifier=qualifier, scope=_scope(mention.clause) if mention.unit == "rank"
            else None, quote=quote, quote_start=at, unique=unique,
            label=label))
    return figures, []


def _scope(clause: str) -> str:
    return "national" if "全国" in clause else ("province" if "全省" in clause else "city")


def _quote_start(text: str, quote: str, start: int, end: int) -> int:
    """Where ``quote`` sits around ``text[start:end]``, or -1."""
    at = text.find(quote, max(0, end - len(quote)))
    while 0 <= at <= start:
        if at + len(quote) >= end:
            return at
        at = text.find(quote, at + 1)
    return -1


def _unique(text: str, clause: str, at: int, sentence: str) -> tuple[str, int, bool]:
    """The clause, or its sentence, or its line: the first that occurs once."""
    if text.count(clause) == 1:
        return clause, at, True
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    for wider in (sentence, text[line_start:line_end].strip()):
        where = text.find(wider, line_start)
        if wider and 0 <= where <= at and text.count(wider) == 1:
            return wider, where, True
    return clause, at, False
