"""``briefing search`` narrowed by facets (see :mod:`briefing.library.faceted_search`)."""

from __future__ import annotations

from briefing.cli.console import briefing_of, state
from briefing.library.faceted_search import narrow
from briefing.library.facets import Facets
from briefing.model import Figure
from briefing.search.engine import Hit, SearchEngine


def narrowed(engine: SearchEngine, query: str, limit: int, section: str | None,
             facets: Facets | None, within: frozenset[str] | None) -> list[Hit]:
    briefings = facets.briefings if facets else ()
    if len(briefings) == 1 and section is None and state.qualified:
        section = briefings[0]  # a briefing is a top-level section of the library's pack
    return narrow(lambda n: engine.search(query, limit=n, section=section), limit, facets,
                  within, briefing_of, figure_of)


def figure_of(figure_id: str) -> Figure:
    """A hit's figure from its own briefing's pack (the library's others stay unloaded)."""
    if state.qualified:
        from briefing.library.indicators import labelled
        from briefing.library.qualified import split

        library = state.library()
        briefing, own = split(figure_id)
        fig = library.pack(briefing or "").figure(own)
        return labelled(fig, {i.id: i for i in library.spec.indicators})
    return state.pack().figure(figure_id)
