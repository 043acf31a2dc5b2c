"""What a number from a source allows us to say: exactly it, about it, at least it, at most it,
or somewhere between two numbers; and what follows for a difference or a ratio of two of them.

A source writes "超1万" (over 10,000), "4.2%左右" (about 4.2%), later "5%以内" (within 5%) and
"4.5%—5%": a floor, an approximate value, a ceiling, a range. Every comparison output reads a
figure's bound through :func:`figure_bound` (the one place that knows how a figure says so) and
derives gaps, changes and shares with :meth:`Bound.minus` and :meth:`Bound.over`, so a change
between two floors is "unclear" and a gap between two approximate numbers is approximate in the
terminal, the app, the export and JSON alike.

A bound is an interval ``[low, high]`` (infinite where the source gives no limit) and whether
its ends are approximate. Plain Python, no Rich.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from briefing.figures.vocabulary import hedge_of
from briefing.model import Figure, Pack

INF = math.inf
BoundKind = Literal["exact", "approximate", "floor", "ceiling", "range", "unclear"]
#: Hedge meanings that make the figure a floor ("超1万": at least 10,000) or a ceiling.
FLOOR_MEANINGS = frozenset({"above", "at-least"})
CEILING_MEANINGS = frozenset({"at-most", "within"})
#: Hedges that make the figure approximate ("左右", "约"; "近" is just under, read as about).
APPROXIMATE_MEANINGS = frozenset({"about", "below"})


@dataclass(frozen=True, slots=True)
class Bound:
    """The values a number may have: ``low`` to ``high`` (equal for a single value), with
    ``approximate`` set when the ends are rounded or hedged ("about")."""

    low: float
    high: float
    approximate: bool = False

    @classmethod
    def exact(cls, value: float, approximate: bool = False) -> Bound:
        return cls(value, value, approximate)

    @property
    def kind(self) -> BoundKind:
        low, high = math.isinf(self.low), math.isinf(self.high)
        if low and high:
            return "unclear"
        if high:
            return "floor"
        if low:
            return "ceiling"
        if self.low != self.high:
            return "range"
        return "approximate" if self.approximate else "exact"

    @property
    def value(self) -> float | None:
        """The one number a reader is given: the value, or the limit of a floor or ceiling;
        None for a range or an unclear result (they need two numbers, or none)."""
        kind = self.kind
        if kind in ("exact", "approximate", "floor"):
            return self.low
        return self.high if kind == "ceiling" else None

    @property
    def mark(self) -> str:
        """The sign in front of the number: ≥ (at least), ≤ (at most), ≈ (about), or none."""
        return {"floor": "≥", "ceiling": "≤", "approximate": "≈"}.get(self.kind, "")

    def minus(self, other: Bound) -> Bound:
        """``self - other``: every difference the two allow (an open end stays open)."""
        return Bound(self.low - other.high, self.high - other.low,
                     self.approximate or other.approximate)

    def over(self, other: Bound) -> Bound:
        """``self / other`` for positive quantities (shares, progress, sizes): an open end of
        either leaves that end of the quotient open; unclear where the divisor may be zero."""
        if other.low <= 0 or self.low < 0:
            return Bound(-INF, INF, True)
        low = -INF if math.isinf(other.high) else self.low / other.high
        return Bound(low, self.high / other.low, self.approximate or other.approximate)

    def times(self, factor: float) -> Bound:
        """The bound scaled by a positive ``factor`` (a share as a percentage)."""
        return Bound(self.low * factor, self.high * factor, self.approximate)


def figure_bound(pack: Pack, figure: Figure) -> Bound:
    """What ``figure`` says about its value, from its ``high`` (a range) and its hedge (a
    floor, a ceiling such as 以内 or 不超过, an approximation): the one place a comparison asks.
    """
    hedge = hedge_of(figure.qualifier, pack)
    meaning = hedge.meaning if hedge else None
    if figure.high is not None:  # "4.5%—5%": both ends, as the source gives them
        return Bound(figure.value, figure.high, approximate=meaning in APPROXIMATE_MEANINGS)
    if meaning in FLOOR_MEANINGS:
        return Bound(figure.value, INF)
    if meaning in CEILING_MEANINGS:
        return Bound(-INF, figure.value)
    return Bound.exact(figure.value, approximate=meaning in APPROXIMATE_MEANINGS)


def is_floor(pack: Pack, figure: Figure) -> bool:
    """Whether the source gives only a lower bound for ``figure`` ("超1万", "400余家")."""
    return figure_bound(pack, figure).kind == "floor"


def is_ceiling(pack: Pack, figure: Figure) -> bool:
    """Whether the source gives only an upper bound ("5%以内"): a target to stay under."""
    return figure_bound(pack, figure).kind == "ceiling"
