"""Scoring the document reader against hand-labelled answer keys (``documents/*.key.yaml``).

Shared by the tests (which hold the reader to its goals) and ``bench/draft_quality.py`` (which
reports the numbers). A key lists every number of its document: figures with their value,
unit, kind and period, and the numbers that are not figures. Each entry is found by ``near``
(a verbatim span that occurs once) and ``number`` (the display inside it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DOCUMENTS = Path(__file__).parent / "documents"


@dataclass
class Entry:
    start: int
    end: int
    data: dict
    figure: bool


@dataclass
class Score:
    """What the reader got right and wrong on one or more documents."""

    key_figures: int = 0
    found: int = 0
    headline: int = 0
    headline_right: int = 0
    drafted: int = 0
    wrong_readings: list[str] = field(default_factory=list)
    not_figures_drafted: list[str] = field(default_factory=list)
    annual_targets: int = 0
    annual_targets_tagged: int = 0
    period_right: int = 0
    kind_right: int = 0
    unit_right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_kind: list[str] = field(default_factory=list)
    wrong_period: list[str] = field(default_factory=list)
    key_not_figures: int = 0
    not_figures_with_reason: int = 0
    quotes_bad: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            mine = getattr(self, name)
            setattr(self, name, mine + value)


def documents() -> list[tuple[Path, Path]]:
    """(document, key) pairs of the test documents."""
    return [(key.with_name(key.name.replace(".key.yaml", ".txt")), key)
            for key in sorted(DOCUMENTS.glob("*.key.yaml"))]


def load_key(text: str, key_path: Path) -> tuple[dict, list[Entry]]:
    """The key's header and entries, each located in ``text``; a bad key raises ValueError."""
    data = yaml.safe_load(key_path.read_text(encoding="utf-8"))
    entries = []
    for group, figure in (("figures", True), ("not_figures", False)):
        for item in data.get(group) or []:
            near, number = str(item["near"]), str(item["number"])
            at = text.find(near)
            if at < 0 or text.find(near, at + 1) >= 0:
                raise ValueError(f"{key_path.name}: near {near!r} must occur once in the text")
            inner = near.find(number)
            if inner < 0:
                raise ValueError(f"{key_path.name}: {number!r} is not inside {near!r}")
            entries.append(Entry(at + inner, at + inner + len(number), item, figure))
    return data, entries


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def score(text: str, reading, key: dict, entries: list[Entry]) -> Score:
    """Compare a :class:`DocumentReading` with the key."""
    s = Score()
    year = str(key.get("year", ""))
    taken: set[int] = set()
    for e in entries:
        if not e.figure:
            s.key_not_figures += 1
            if any(n.start < e.end and e.start < n.end for n in reading.not_figures):
                s.not_figures_with_reason += 1
            continue
        d = e.data
        s.key_figures += 1
        headline = bool(d.get("headline"))
        s.headline += headline
        is_annual_target = d["kind"] == "target" and str(d["period"]) == year
        s.annual_targets += is_annual_target
        match = next((i for i, f in enumerate(reading.figures)
                      if f.start < e.end and e.start < f.end and i not in taken), None)
        where = f"{d['near']} [{d['number']}]"
        if match is None:
            s.missed.append(where)
            continue
        taken.add(match)
        f = reading.figures[match]
        s.found += 1
        right = _same(f.value, float(d["value"])) and _same(
            f.high, None if d.get("high") is None else float(d["high"]))
        if not right:
            s.wrong_readings.append(f"{where}: read {f.display!r} as {f.value:g}"
                                    f"{'' if f.high is None else f'–{f.high:g}'}")
        s.headline_right += headline and right
        s.kind_right += f.kind == d["kind"]
        if f.kind != d["kind"]:
            s.wrong_kind.append(f"{where}: {f.kind}, not {d['kind']}")
        s.annual_targets_tagged += is_annual_target and f.kind == "target"
        s.period_right += f.period == str(d["period"])
        if f.period != str(d["period"]):
            s.wrong_period.append(f"{where}: {f.period}, not {d['period']}")
        s.unit_right += bool(f.unit) and f.unit.id == d.get("unit")
    s.drafted = len(reading.figures)
    non = [e for e in entries if not e.figure]
    for i, f in enumerate(reading.figures):
        if text.find(f.quote) != f.quote_start or not f.unique:
            s.quotes_bad.append(f.quote)
        if i in taken:
            continue
        labelled = any(e.start < f.end and f.start < e.end for e in non)
        s.not_figures_drafted.append(f"{f.display} ({'a non-figure' if labelled else 'unlabelled'}"
                                     f"): {f.quote}")
    return s


def run(read) -> tuple[Score, dict[str, Score]]:
    """Score ``read(text)`` on every test document: the total and each document's."""
    total, each = Score(), {}
    for doc, key_path in documents():
        text = doc.read_text(encoding="utf-8")
        key, entries = load_key(text, key_path)
        each[doc.name] = score(text, read(text), key, entries)
        total.add(each[doc.name])
    return total, each
