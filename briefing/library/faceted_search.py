"""Search narrowed by facets, for the command line and the app alike.

The engine's best hits are kept while they have every facet: a facet of figures (kind,
period, unit, scope, indicator, label) keeps the figure hits whose figure has it, read through
``figure_of`` (so only the briefings among the hits are loaded); a briefing keeps the hits
inside it. The engine is asked for more hits than are shown, so the narrowing rarely leaves
fewer than asked for where there are that many.

Typed in a search box, facets are words of the query: ``kind:target period:2026 地区生产总值``
(:func:`parse`); a kind may be named in either language (``kind:目标``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from briefing.library.facets import Facets
from briefing.model import Figure

#: Hits asked of the engine per hit shown, when facets narrow them (at least FLOOR).
OVERFETCH, FLOOR = 20, 400
#: A facet as a word of the query, and the field of :class:`Facets` it fills.
KEYS = {"kind": "kinds", "period": "periods", "unit": "units", "scope": "scopes",
        "briefing": "briefings", "indicator": "indicators"}


def parse(query: str) -> tuple[str, Facets]:
    """(the words to search for, the facets among the query's words)."""
    from briefing.figures.formatting import KIND_LABELS

    kinds = {zh: kind for kind, (zh, _) in KIND_LABELS.items()}
    found: dict[str, list[str]] = {}
    words = []
    for word in query.split():
        key, sep, value = word.partition(":")
        if sep and value and key.lower() in KEYS:
            field = KEYS[key.lower()]
            found.setdefault(field, []).append(kinds.get(value, value)
                                               if field == "kinds" else value)
        else:
            words.append(word)
    return " ".join(words), replace(Facets(), **{k: tuple(v) for k, v in found.items()})


def narrow(search: Callable[[int], list], limit: int, facets: Facets | None,
           within: frozenset[str] | None, briefing_of: Callable[[str], str | None],
           figure_of: Callable[[str], Figure]) -> list:
    """The hits ``search(n)`` finds (its best ``n``) that are ``within`` those ids and have
    every facet, at most ``limit``."""
    kept = []
    for hit in search(max(limit * OVERFETCH, FLOOR)):
        if within is not None and hit.id not in within:
            continue
        if facets is not None and not _has(hit, facets, briefing_of, figure_of):
            continue
        kept.append(hit)
        if len(kept) == limit:
            break
    return kept


def _has(hit, facets: Facets, briefing_of, figure_of) -> bool:
    briefing = briefing_of(hit.id)
    if facets.briefings and briefing not in facets.briefings:
        return False
    if not facets.of_figures:
        return True
    return hit.kind == "figure" and facets.matches(figure_of(hit.id), briefing)
