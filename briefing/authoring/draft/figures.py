"""The figures a draft takes from a document, in the shape drafting needs, read by the
document reader (:mod:`briefing.authoring.reader`): drafting never reads a number itself.

Each figure has its value (a range's top too), unit (with the unit's names in both languages,
for the manifest), kind, period and hedge as the reader read them, a quote that occurs once
in the document (the reader's clause, widened while it does not), and the label words
before the number.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass

from briefing.authoring import reader


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

    units = {ident: UnitWords(ident, str(u["zh"]), str(u["en"]), u.get("singular"))
             for ident, u in yaml.safe_load(UNITS)["units"].items()}
    units["tier"] = UnitWords("tier", "梯队", "tier")  # 第一方阵: a group, never a place
    return units


def read_figures(text: str, headings: list[tuple[int, int, int]], date: str | None,
                 hedges: tuple[str, ...] = ()
                 ) -> tuple[list[DraftFigure], list[NotAFigure], list[str]]:
    """The figures of ``text``, the numbers that are not figures, and those the reader cannot
    read. ``headings`` are the outline's (start, end, level) of each heading line, so the
    reader sees the report's parts as the draft does (an annex is no part of the year's
    plans); ``date`` (the document's) dates what the text does not."""
    reading = reader.read_figures(text, _blocks(text, headings), date=date, hedges=hedges)
    figures = [DraftFigure(
        start=f.start, end=f.end, display=f.display, value=f.value, high=f.high,
        unit=_unit(f.unit), kind=f.kind, period=f.period, qualifier=f.qualifier, scope=f.scope,
        quote=f.quote, quote_start=f.quote_start, unique=f.unique, label=f.label)
        for f in reading.figures]
    skipped = [NotAFigure(n.start, n.end, n.text, n.reason, n.near) for n in reading.not_figures]
    return figures, skipped, [u.text for u in reading.unreadable]


def _blocks(text: str, headings: list[tuple[int, int, int]]) -> list[reader.Block]:
    """Each line of ``text`` a block, the outline's headings marked with their level."""
    starts = sorted((start, level) for start, _, level in headings)
    blocks, at = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start = at + len(body) - len(body.lstrip(" \t\u3000\ufeff"))
        if body.strip():
            index = bisect_left(starts, (at, 0))
            level = starts[index][1] if index < len(starts) and starts[index][0] < at + len(
                body) else 0
            blocks.append(reader.Block(start, at + len(body), heading=level > 0,
                                       level=level))
        at += len(line)
    return blocks


def _unit(guess) -> UnitWords | None:
    """The reader's unit with its names; a unit the form of a number implies (a rank, a
    fraction) has none of its own, and takes those ``briefing init`` declares."""
    if guess is None:
        return None
    if guess.zh:
        return UnitWords(guess.id, guess.zh, guess.en, guess.singular)
    return _units().get(guess.id)
