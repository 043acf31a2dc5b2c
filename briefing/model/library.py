"""What a library of briefings declares in its ``library.yaml``: its title, its indicators and
the comparisons it draws across briefings. Plain, immutable data (only :mod:`briefing.pack`
reads the file; :mod:`briefing.library` puts these to work on the library's packs).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Text
from briefing.model.base import Frozen, restore

#: What a cross-document comparison puts side by side: one period across briefings (peers), or
#: the periods of one measure through the years (timeline).
CROSS_KINDS = ("peers", "timeline")


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Indicator(Frozen):
    """One measure followed across documents ("GDP growth"): its names, its unit and the
    phrases a document names it by (地区生产总值增长, 经济增长)."""

    id: str
    name: Text
    unit: str
    phrases: tuple[str, ...]
    note: Text | None = None
    line: int = field(default=0, compare=False)  # where library.yaml declares it


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class CrossEntry(Frozen):
    """A briefing taking part in a cross-document comparison, with the row's own label."""

    briefing: str
    label: Text | None = None


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class CrossComparison(Frozen):
    """A comparison declared from an indicator: each briefing's figure measuring it.

    ``briefings`` empty means every briefing of the library; ``period`` and ``figure_kind``
    narrow which figure of a briefing counts (a peers comparison needs its period).
    """

    id: str
    title: Text
    kind: str
    indicator: str
    period: str | None = None
    figure_kind: str | None = None
    briefings: tuple[CrossEntry, ...] = ()
    note: Text | None = None
    line: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class LibrarySpec(Frozen):
    """A library's ``library.yaml`` (every field optional: a folder of packs is a library).

    ``bundled`` None leaves the choice to the library: the default library includes the
    bundled briefing, any other does not.
    """

    title: Text | None = None
    bundled: bool | None = None
    indicators: tuple[Indicator, ...] = ()
    comparisons: tuple[CrossComparison, ...] = ()

    def indicator(self, indicator_id: str) -> Indicator:
        for indicator in self.indicators:
            if indicator.id == indicator_id:
                return indicator
        raise KeyError(indicator_id)

    def has_indicator(self, indicator_id: str) -> bool:
        return any(i.id == indicator_id for i in self.indicators)


for _cls in (Indicator, CrossEntry, CrossComparison, LibrarySpec):
    _cls.__setstate__ = restore  # type: ignore[method-assign]
del _cls
