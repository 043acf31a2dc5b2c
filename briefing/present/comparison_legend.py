"""The lines under a comparison table that say what its marks mean, in either language.

One rule for every output: a ≤/≥ in a derived cell (a gap, a share reached, a change, a
share or size) gets the line saying the source gives only a floor (or a ceiling), so that
number is a bound; a ≈ gets the line saying it was worked out from approximate figures.
"""

from __future__ import annotations

from briefing.model import Lang

#: What a bounded cell is, by column: (zh, en).
_WHAT = {
    "gap": ("差距与完成度", "the gap and the share reached"),
    "reached": ("差距与完成度", "the gap and the share reached"),
    "change": ("变化", "the change"),
    "relation": ("比例", "the share"),
    "relative": ("倍数", "the size"),
}
_LIMITS = {  # the figures' own bounds, as the legend names them: (zh, en)
    frozenset({"floor"}): ("下限（“超”“余”“多”）", 'a floor ("over", "more than")'),
    frozenset({"ceiling"}): ("上限（“以内”“不超过”）", 'a ceiling ("within", "no more than")'),
    frozenset({"floor", "ceiling"}): ("下限或上限（“超”“以内”）",
                                      'a floor or a ceiling ("over", "within")'),
}
#: Where a ≈ is new to the reader (a size or share in words says "about" of its own accord).
_APPROXIMATE_EXPLAINED = frozenset({"gap", "reached", "change"})
APPROXIMATE = {
    "en": '≈: worked out from approximate figures ("about", "approx."), so approximate too.',
    "zh": "≈：由约数（“左右”“约”）算出，因此也是约数。",
}


#: Why a derived cell has no number ("—"), where no other line says so: (zh, en).
NO_NUMBER = {
    "points": ("—：比重和比率按差距的百分点比较，不计完成度。",
               "—: shares and rates are read by the gap in percentage points, not as a share "
               "reached."),
    "ceiling": ("—：目标为上限（“以内”），低于即为达到，不计完成度。",
                '—: the target is a ceiling ("within"), met by staying under it; it has no share '
                "reached."),
}


def legend_lines(kind: str, marks: dict[str, set[str]], whys: set[str],
                 limits: frozenset[str], lang: Lang) -> tuple[str, ...]:
    """The legend for the marks shown, by column (``marks[key]``), of a table of ``kind``
    whose figures are floors and/or ceilings (``limits``): ≈ first, then ≤/≥, then why a
    cell has no number (``whys``; an unlike row's own note says why for it)."""
    lines = []
    if any("≈" in found for key, found in marks.items() if key in _APPROXIMATE_EXPLAINED):
        lines.append(APPROXIMATE[lang])
    bounded = [key for key, found in marks.items() if found & {"≤", "≥"}]
    if bounded:
        lines.append(_bounds_line(kind, bounded[0], limits, lang))
    for why in ("points", "ceiling"):
        if why in whys and not (why == "points" and bounded and kind == "progress"):
            lines.append(NO_NUMBER[why][0 if lang == "zh" else 1])  # else the ≤/≥ line says it
    return tuple(lines)


def _bounds_line(kind: str, key: str, limits: frozenset[str], lang: Lang) -> str:
    zh_limit, en_limit = _LIMITS.get(limits & {"floor", "ceiling"}, _LIMITS[frozenset({"floor"})])
    zh_what, en_what = _WHAT[key]
    if kind == "progress":  # shares are read as gaps in percentage points: say so
        if lang == "zh":
            return f"≤/≥：来源只给出{zh_limit}，{zh_what}因此只是界限；比重按百分点比较。"
        return (f"≤/≥: the source gives only {en_limit}, so {en_what} are bounds; shares are "
                "compared in percentage points.")
    if lang == "zh":
        return f"≤/≥：来源只给出{zh_limit}，{zh_what}因此只是界限。"
    return f"≤/≥: the source gives only {en_limit}, so {en_what} is a bound, not exact."
