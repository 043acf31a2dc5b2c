"""Search narrowed by facets: the engine's best hits, kept while they have every facet.

A facet of figures (kind, period, unit, scope, indicator, label) keeps figure hits whose
figure has it, read from the hit's own briefing (only the briefings among the hits are
loaded); a briefing keeps the hits inside it. The engine is asked for more hits than shown,
so the narrowing rarely leaves fewer than asked for where the pack has them.
"""

from __future__ import annotations

from briefing.cli.console import state
from briefing.library.facets import Facets
from briefing.search.engine import Hit, SearchEngine

#: Hits asked of the engine per hit shown, when facets narrow them (at least FLOOR).
OVERFETCH, FLOOR = 20, 400


def narrowed(engine: SearchEngine, query: str, limit: int, section: str | None,
             facets: Facets | None, within: frozenset[str] | None) -> list[Hit]:
    briefings = facets.briefings if facets else ()
    if len(briefings) == 1 and section is None and state.qualified:
        section = briefings[0]  # a briefing is a top-level section of the library's pack
    hits = engine.search(query, limit=max(limit * OVERFETCH, FLOOR), section=section)
    kept = []
    for hit in hits:
        if within is not None and hit.id not in within:
            continue
        if facets is not None and not _has(hit, facets):
            continue
        kept.append(hit)
        if len(kept) == limit:
            break
    return kept


def _has(hit: Hit, facets: Facets) -> bool:
    from briefing.cli.console import briefing_of

    briefing = briefing_of(hit.id)
    if facets.briefings and briefing not in facets.briefings:
        return False
    if not facets.of_figures:
        return True
    if hit.kind != "figure":
        return False
    return facets.matches(_figure(briefing, hit.id), briefing)


def _figure(briefing: str, figure_id: str):
    """A hit's figure from its own briefing's pack (the library's others stay unloaded)."""
    if state.qualified:
        from briefing.library.indicators import labelled
        from briefing.library.qualified import split

        library = state.library()
        fig = library.pack(briefing).figure(split(figure_id)[1])
        return labelled(fig, {i.id: i for i in library.spec.indicators})
    return state.pack().figure(figure_id)
