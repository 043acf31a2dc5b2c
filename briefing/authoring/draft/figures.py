"""The figures a draft takes from a document, read by the document reader
(:mod:`briefing.authoring.reader`: values, ranges, units, kinds, periods, hedges, quotes that
occur once, the numbers that are no figures with their reason): drafting never reads a number
itself. What it adds: the outline's headings for the reader to see the report's parts by, and
the names of each unit for the manifest, joined when a document writes one unit two ways.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import replace

from briefing.authoring import reader
from briefing.authoring.reader import UnitGuess
from briefing.authoring.reader.structure import lines


def add_unit(units: dict[str, UnitGuess], unit: UnitGuess) -> None:
    """Declare ``unit`` in ``units``: one id, its Chinese measure words joined ("人/名/位");
    a word with a slash of its own ("微克/立方米") is one word, not two."""
    known = units.get(unit.id)
    if known is None:
        units[unit.id] = unit
    elif unit.zh and f"/{unit.zh}/" not in f"/{known.zh}/":
        units[unit.id] = UnitGuess(known.id, f"{known.zh}/{unit.zh}", known.en, known.singular)


@functools.cache
def _units() -> dict[str, UnitGuess]:
    """The units the reader guesses, with their names (those ``briefing init`` declares)."""
    import yaml

    from briefing.authoring.scaffold import UNITS

    units = {ident: UnitGuess(ident, str(u["zh"]), str(u["en"]), u.get("singular"))
             for ident, u in yaml.safe_load(UNITS)["units"].items()}
    units["tier"] = UnitGuess("tier", "梯队", "tier")  # 第一方阵: a group, never a place
    return units


def read_figures(text: str, headings: list[tuple[int, int, int]], date: str | None,
                 hedges: tuple[str, ...] = ()) -> reader.DocumentReading:
    """The document reader's reading of ``text``, each figure's unit with its names.
    ``headings`` are the outline's (start, end, level) of each heading line, so the reader
    sees the report's parts as the draft does (an annex is no part of the year's plans);
    ``date`` (the document's) dates what the text does not."""
    reading = reader.read_figures(text, _blocks(text, headings), date=date, hedges=hedges)
    return replace(reading, figures=tuple(replace(f, unit=_unit(f.unit))
                                          for f in reading.figures))


def _blocks(text: str, headings: list[tuple[int, int, int]]) -> list[reader.Block]:
    """Each line of ``text`` a block, the outline's headings marked with their level."""
    starts = sorted((start, level) for start, _, level in headings)
    blocks = []
    for at, body in lines(text):
        start = at + len(body) - len(body.lstrip(" \t\u3000\ufeff"))
        if body.strip():
            index = bisect_left(starts, (at, 0))
            level = starts[index][1] if index < len(starts) and starts[index][0] < at + len(
                body) else 0
            blocks.append(reader.Block(start, at + len(body), heading=level > 0,
                                       level=level))
    return blocks


def _unit(guess: UnitGuess | None) -> UnitGuess | None:
    """The reader's unit with its names; a unit the form of a number implies (a rank, a
    fraction) has none of its own, and takes those ``briefing init`` declares."""
    if guess is None or guess.zh:
        return guess
    return _units().get(guess.id)
