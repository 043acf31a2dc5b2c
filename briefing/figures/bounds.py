"""What a figure says of its quantity: an exact value, a range, a floor or a ceiling.

Every comparison and every output asks here rather than reading hedge words itself, so a
ceiling ("城镇调查失业率控制在5.5%以内") is never a target to climb to and a range
("增长4.5%—5%") never loses its top.
"""

from __future__ import annotations

from typing import NamedTuple

from briefing.figures.vocabulary import hedge_of
from briefing.model import Figure, Pack

#: The kinds of bound, by what the source says of the number.
EXACT, ABOUT, RANGE, ABOVE, AT_LEAST, BELOW, AT_MOST = (
    "exact", "about", "range", "above", "at-least", "below", "at-most")


class Bounds(NamedTuple):
    """``low`` and ``high`` the ends the source allows (None: unbounded that way); ``kind``
    what the wording says: exact, about, range, above (超), at-least (以上, 不少于), below
    (近: short of it) or at-most (以内, 不超过: a ceiling)."""

    low: float | None
    high: float | None
    kind: str


def figure_bounds(pack: Pack | None, figure: Figure) -> Bounds:
    """The bounds of ``figure``'s quantity; ``pack`` adds the hedges its manifest declares."""
    if figure.high is not None:
        return Bounds(figure.value, figure.high, RANGE)
    hedge = hedge_of(figure.qualifier, pack)
    meaning = hedge.meaning if hedge else EXACT
    if meaning in (ABOVE, AT_LEAST):
        return Bounds(figure.value, None, meaning)
    if meaning in (BELOW, AT_MOST):
        return Bounds(None, figure.value, meaning)
    return Bounds(figure.value, figure.value, meaning)


def is_ceiling(pack: Pack | None, figure: Figure) -> bool:
    """Whether ``figure`` is a ceiling ("5.5%以内", "不超过2%"): met by staying at or under it."""
    return figure_bounds(pack, figure).kind == AT_MOST


def bound_kind(pack: Pack | None, figure: Figure) -> str | None:
    """The bound a machine-readable output names: "range", "at-most" or "at-least"; None for
    an exact, approximate or "over" figure (whose qualifier already says so)."""
    kind = figure_bounds(pack, figure).kind
    return kind if kind in (RANGE, AT_MOST, AT_LEAST) else None
