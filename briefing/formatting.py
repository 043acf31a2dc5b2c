"""How a figure reads to a person, in either language; shared by the CLI, export and app.

Chinese keeps the source's own wording ("超1.9万家"); English restates the base-unit value with
the source's hedge ("over 19,000 enterprises", "RMB 43.2 billion", "No. 4").
"""

from __future__ import annotations

import re

from briefing.model import Figure, Lang, Pack
from briefing.numbers import QUALIFIERS, format_value

KIND_LABELS = {
    "actual": ("实际", "actual"),
    "estimate": ("预计", "estimate"),
    "target": ("目标", "target"),
    "rank": ("排名", "rank"),
    "ratio": ("比值", "ratio"),
    "growth": ("增长", "growth"),
    "cumulative": ("累计", "cumulative"),
}
SCOPE_LABELS = {"city": ("全市", "city"), "province": ("全省", "province"),
                "national": ("全国", "national"), "global": ("全球", "global")}
_FRACTION = re.compile(r"\d+(?:\.\d+)?/\d+")


def kind_label(kind: str, lang: Lang) -> str:
    zh, en = KIND_LABELS.get(kind, (kind, kind))
    return zh if lang == "zh" else en


def scope_label(scope: str | None, lang: Lang) -> str:
    if not scope:
        return ""
    zh, en = SCOPE_LABELS.get(scope, (scope, scope))
    return zh if lang == "zh" else en


def qualifier_label(figure: Figure, lang: Lang) -> str:
    if not figure.qualifier:
        return ""
    return figure.qualifier if lang == "zh" else QUALIFIERS.get(figure.qualifier, "")


def _money(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"RMB {value / size:,.4g} {word}"
    return f"RMB {format_value(value)}"


def english_quantity(pack: Pack, figure: Figure) -> str:
    """The figure's value in English, without the hedge."""
    value, unit = figure.value, figure.unit
    if unit == "yuan":
        return _money(value)
    if unit == "percent":
        return f"{format_value(value)}%"
    if unit == "rank":
        return f"No. {format_value(value)}"
    if unit == "ratio":
        fraction = _FRACTION.search(figure.display)
        return fraction.group() if fraction else f"{format_value(value)}×"
    if unit == "times":
        return f"{format_value(value)}×"
    return f"{format_value(value)} {pack.unit(unit).label.en}"  # validated: the unit exists


def figure_value(pack: Pack, figure: Figure, lang: Lang) -> str:
    """What a reader sees as the figure's value: the source wording, or hedged English."""
    if lang == "zh":
        return figure.display
    hedge = qualifier_label(figure, lang)
    quantity = english_quantity(pack, figure)
    if not hedge:
        return quantity
    if figure.qualifier == "以上":  # "or more" reads after the number
        return f"{quantity} ({hedge})"
    return f"{hedge} {quantity}"
