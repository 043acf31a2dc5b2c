"""Finding figures by what they are, not only by their words: kind, period, unit, scope,
briefing, indicator and words of the label ("targets for 2026 whose label mentions
地区生产总值"). Each facet takes several values (any of them matches); facets combine (all of
them must match). The same filter serves ``briefing figures``, ``briefing search`` and the app.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.model import FIGURE_KINDS, UNDATED, Figure, Pack
from briefing.pack.checker import did_you_mean

_PERIOD = re.compile(r"^\d{4}(-\d{2})?$")


@dataclass(frozen=True, slots=True)
class Facets:
    kinds: tuple[str, ...] = ()
    periods: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    briefings: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    label: str = ""  # words the label must hold, each in Chinese or English

    @property
    def of_figures(self) -> bool:
        """Whether only figures can match (anything beyond the briefing is asked)."""
        return bool(self.kinds or self.periods or self.units or self.scopes
                    or self.indicators or self.label.strip())

    def __bool__(self) -> bool:
        return self.of_figures or bool(self.briefings)

    def matches(self, fig: Figure, briefing: str | None = None) -> bool:
        """Whether ``fig`` (of ``briefing``, when the library has several) has every facet."""
        if self.briefings and briefing not in self.briefings:
            return False
        if self.kinds and fig.kind not in self.kinds:
            return False
        if self.periods and not any(_in_period(fig.period, p) for p in self.periods):
            return False
        if self.units and _own(fig.unit) not in self.units:
            return False
        if self.scopes and fig.scope not in self.scopes:
            return False
        if self.indicators and fig.indicator not in self.indicators:
            return False
        return all(word in _folded(fig.label.zh) or word in _folded(fig.label.en)
                   for word in _folded(self.label).split())

    def problem(self, pack: Pack | None, briefings: Iterable[str] = ()) -> str | None:
        """Why a facet can match nothing (a value nobody uses, with the closest one), or
        None. Units and scopes are checked against ``pack`` when there is one."""
        from briefing.figures.vocabulary import scopes

        known: list[tuple[str, tuple[str, ...], Iterable[str]]] = [
            ("kind", self.kinds, FIGURE_KINDS), ("briefing", self.briefings, list(briefings))]
        if pack is not None:
            known += [("unit", self.units, {_own(u.id) for u in pack.units}),
                      ("scope", self.scopes, scopes(pack))]
        for name, values, options in known:
            options = sorted(options)
            for value in values:
                if value not in options:
                    return f"unknown {name} '{value}'{did_you_mean(value, options)}"
        for period in self.periods:
            if period != UNDATED and not _PERIOD.match(period):
                return f"--period '{period}' must be YYYY, YYYY-MM or '{UNDATED}'"
        return None


def _in_period(period: str, wanted: str) -> bool:
    return period == wanted or period.startswith(wanted + "-")


def _own(unit: str) -> str:
    """A unit's id without the briefing a merge may have qualified it with."""
    return unit.rpartition(":")[2]


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()

