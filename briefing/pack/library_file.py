"""A library's ``library.yaml``: title, indicators and cross-document comparisons.

Read here because :mod:`briefing.pack` is the only YAML reader: the same safe loader as pack
files (no aliases, tags or duplicate keys; size and nesting bounded) and the same one-line
``library.yaml:LINE: message`` problems, all reported at once. What the file says about the
library's packs (a comparison naming a briefing the folder lacks) is checked by
:mod:`briefing.library`, which knows the packs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.model import FIGURE_KINDS
from briefing.model.library import (
    CROSS_KINDS,
    CrossComparison,
    CrossEntry,
    Indicator,
    LibrarySpec,
)
from briefing.pack.checker import ID_RE, Checker, did_you_mean, line_of, valid_date
from briefing.pack.errors import PackInvalid
from briefing.pack.yamlio import LineDict, YamlProblem, read_yaml

LIBRARY_FILE = "library.yaml"
LIBRARY_FIELDS = {"title", "bundled", "indicators", "comparisons"}
INDICATOR_FIELDS = {"id", "name", "unit", "phrases", "note"}
COMPARISON_FIELDS = {"id", "title", "kind", "indicator", "period", "figure_kind", "briefings",
                     "note"}
MAX_PHRASE = 40


def read_library_file(root: Path) -> LibrarySpec:
    """The ``library.yaml`` of the library folder ``root`` (an empty spec when it has none);
    raises :class:`PackInvalid` listing every problem."""
    path = Path(root) / LIBRARY_FILE
    if not path.exists():
        return LibrarySpec()
    check = Checker(Path(root))
    check.file = LIBRARY_FILE
    try:
        data = read_yaml(path)
    except YamlProblem as problem:
        check.error(problem.line, problem.message)
        raise PackInvalid(check.errors) from None
    if data is None:
        return LibrarySpec()
    spec = _LibraryReader(check).read(data)
    if check.errors:
        raise PackInvalid(check.errors)
    return spec


class _LibraryReader:
    def __init__(self, check: Checker) -> None:
        self.check = check
        self.ids: dict[str, int] = {}

    def read(self, raw: Any) -> LibrarySpec:
        c = self.check
        data = c.fields(raw, LIBRARY_FIELDS, "the library file", 1)
        if data is None:
            return LibrarySpec()
        title = c.text(data, "title", "the library", required=False)
        bundled = data.get("bundled")
        if bundled is not None and not isinstance(bundled, bool):
            c.error(line_of(data, "bundled"), "'bundled' of the library must be true or false")
            bundled = None
        line = getattr(data.get("indicators"), "line", data.line)
        indicators = [i for i in (self.indicator(r, line) for r in
                                  c.items(data, "indicators", "the library", required=False)) if i]
        known = {i.id for i in indicators}
        line = getattr(data.get("comparisons"), "line", data.line)
        comparisons = [x for x in (self.comparison(r, line, known) for r in
                                   c.items(data, "comparisons", "the library", required=False))
                       if x]
        return LibrarySpec(title=title, bundled=bundled, indicators=tuple(indicators),
                           comparisons=tuple(comparisons))

    def claim(self, ident: str | None, data: LineDict) -> bool:
        if ident is None:
            return False
        line = line_of(data, "id")
        if ident in self.ids:
            self.check.error(line, f"duplicate id '{ident}' (first defined at line "
                                   f"{self.ids[ident]})")
            return False
        self.ids[ident] = line
        return True

    def indicator(self, raw: Any, line: int) -> Indicator | None:
        c = self.check
        data = c.fields(raw, INDICATOR_FIELDS, "an indicator", line)
        if data is None:
            return None
        ident = c.ident(data, "an indicator")
        what = f"indicator '{ident}'"
        name = c.text(data, "name", what)
        unit = c.string(data, "unit", what)
        note = c.text(data, "note", what, required=False)
        phrases: list[str] = []
        for phrase in c.items(data, "phrases", what):
            if (not isinstance(phrase, str) or not phrase.strip() or not phrase.isprintable()
                    or len(phrase) > MAX_PHRASE):
                c.error(line_of(data, "phrases"), f"each phrase of {what} must be one line of "
                                                  f"text, at most {MAX_PHRASE} characters")
            else:
                phrases.append(phrase.strip())
        if "phrases" in data and isinstance(data["phrases"], list) and not data["phrases"]:
            c.error(line_of(data, "phrases"), f"{what} needs at least one phrase")
        if not self.claim(ident, data) or None in (name, unit) or not phrases:
            return None
        return Indicator(id=ident, name=name, unit=unit, phrases=tuple(dict.fromkeys(phrases)),
                         note=note, line=line_of(data, "id"))

    def comparison(self, raw: Any, line: int, indicators: set[str]) -> CrossComparison | None:
        c = self.check
        data = c.fields(raw, COMPARISON_FIELDS, "a comparison", line)
        if data is None:
            return None
        ident = c.ident(data, "a comparison")
        what = f"comparison '{ident}'"
        title = c.text(data, "title", what)
        kind = c.choice(data, "kind", what, CROSS_KINDS)
        indicator = c.string(data, "indicator", what)
        if indicator is not None and indicator not in indicators:
            c.error(line_of(data, "indicator"), f"{what} names unknown indicator '{indicator}'"
                                                f"{did_you_mean(indicator, indicators)}")
            indicator = None
        period = c.string(data, "period", what, required=kind == "peers")
        if period is not None and not valid_date(period, day=False):
            c.error(line_of(data, "period"), f"period '{period}' of {what} must be YYYY or "
                                             "YYYY-MM")
            period = None
        figure_kind = c.choice(data, "figure_kind", what, FIGURE_KINDS, required=False)
        note = c.text(data, "note", what, required=False)
        entries = self.entries(data, what)
        if not self.claim(ident, data) or None in (title, kind, indicator) or entries is None:
            return None
        if kind == "peers" and period is None:
            return None
        return CrossComparison(id=ident, title=title, kind=kind, indicator=indicator,
                               period=period, figure_kind=figure_kind, briefings=entries,
                               note=note, line=line_of(data, "id"))

    def entries(self, data: LineDict, what: str) -> tuple[CrossEntry, ...] | None:
        """``briefings``: ids, or ``{briefing: id, label: {zh, en}}``; None when one is bad."""
        c = self.check
        line = line_of(data, "briefings")
        entries: list[CrossEntry] = []
        ok = True
        for raw in c.items(data, "briefings", what, required=False):
            if isinstance(raw, str):
                raw = LineDict({"briefing": raw})
                raw.line, raw.key_lines = line, {}
            inner = c.fields(raw, {"briefing", "label"}, f"a briefing of {what}", line)
            if inner is None:
                ok = False
                continue
            briefing = c.string(inner, "briefing", f"a briefing of {what}")
            label = c.text(inner, "label", f"briefing '{briefing}' of {what}", required=False)
            if briefing is None or not ID_RE.match(briefing):
                if briefing is not None:
                    c.error(line, f"briefing '{briefing}' of {what} must be a pack id")
                ok = False
            elif any(e.briefing == briefing for e in entries):
                c.error(line, f"{what} lists briefing '{briefing}' twice")
            else:
                entries.append(CrossEntry(briefing=briefing, label=label))
        return tuple(entries) if ok else None
