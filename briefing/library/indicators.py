"""Which figure of each briefing measures an indicator: the one the analyst confirmed
(``indicator:`` on the figure), else the candidates its phrases find, else none.

A figure is a candidate when it has the indicator's unit and names it: a phrase in its Chinese
label, the indicator's English name in its English label, or a phrase just before its number
in its quote (nothing but words between them, :data:`GAP` characters at most, so
"地区生产总值增长5%左右" names GDP growth and "地区生产总值6.55万亿元，增长5.4%" does not name
the 5.4% by the phrase alone). Nothing here guesses further: two candidates are two, and
say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.figures.formatting import kind_label
from briefing.model import Figure, Pack, Text
from briefing.model.library import Indicator
from briefing.present.translation import is_translated

#: Characters allowed between a phrase and the number it names in a quote ("预期目标为").
GAP = 8

CONFIRMED, SEVERAL_CONFIRMED, CANDIDATE, SEVERAL, NONE = (
    "confirmed", "several-confirmed", "candidate", "several", "none")


@dataclass(frozen=True, slots=True)
class Finding:
    """What one briefing has for an indicator: ``status`` and the figures (its own ids)."""

    briefing: str
    status: str
    figures: tuple[Figure, ...]

    @property
    def figure(self) -> Figure | None:
        """The one figure that answers, when there is exactly one."""
        return self.figures[0] if len(self.figures) == 1 else None


def names_it(fig: Figure, indicator: Indicator) -> bool:
    """Whether ``fig`` names ``indicator`` (its unit aside)."""
    if any(phrase in fig.label.zh for phrase in indicator.phrases):
        return True
    if is_translated(fig.label) and indicator.name.en.casefold() in fig.label.en.casefold():
        return True
    quote = fig.source.quote
    for phrase in indicator.phrases:
        start = quote.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            at = quote.find(fig.display, end)
            if 0 <= at - end <= GAP and not any(ch.isdigit() for ch in quote[end:at]):
                return True
            start = quote.find(phrase, start + 1)
    return False


def selected(fig: Figure, period: str | None, kind: str | None) -> bool:
    """Whether ``fig`` is of ``period`` (a year takes its months too) and ``kind``."""
    if kind is not None and fig.kind != kind:
        return False
    return period is None or fig.period == period or fig.period.startswith(period + "-")


def find(pack: Pack, indicator: Indicator, period: str | None = None,
         kind: str | None = None) -> Finding:
    """What ``pack`` has for ``indicator`` among its figures of ``period`` and ``kind``."""
    chosen = [f for f in pack.figures() if selected(f, period, kind)]
    confirmed = tuple(f for f in chosen if f.indicator == indicator.id)
    if confirmed:
        return Finding(pack.id, CONFIRMED if len(confirmed) == 1 else SEVERAL_CONFIRMED,
                       confirmed)
    candidates = tuple(f for f in chosen if f.indicator is None and f.unit == indicator.unit
                       and names_it(f, indicator))
    status = NONE if not candidates else CANDIDATE if len(candidates) == 1 else SEVERAL
    return Finding(pack.id, status, candidates)


def indicator_label(indicator: Indicator, fig: Figure) -> Text:
    """A confirmed figure's label from its indicator: "GDP growth target, 2026",
    "2026年地区生产总值增长目标"."""
    en_kind = "" if fig.kind in ("actual", "growth") else f" {kind_label(fig.kind, 'en')}"
    zh_kind = "" if fig.kind in ("actual", "growth") else kind_label(fig.kind, "zh")
    period = fig.period if fig.dated else ""
    en = f"{indicator.name.en}{en_kind}" + (f", {period}" if period else "")
    zh = (f"{period}年" if period and len(period) == 4 else period) + indicator.name.zh + zh_kind
    return Text(zh=zh, en=en)


def labelled(fig: Figure, indicators: dict[str, Indicator]) -> Figure:
    """``fig`` with its indicator's labels when it is confirmed as one and has no English
    label of its own (a drafted Chinese-only pack reads in English at once)."""
    indicator = indicators.get(fig.indicator or "")
    if indicator is None or is_translated(fig.label):
        return fig
    from dataclasses import replace

    return replace(fig, label=indicator_label(indicator, fig))
