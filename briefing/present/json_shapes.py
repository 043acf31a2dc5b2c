"""Plain-JSON shapes of model objects, for ``--json`` output (stable field names)."""

from __future__ import annotations

from typing import Any

from briefing.figures.vocabulary import hedge_of
from briefing.model import Figure, Node, Pack, Text


def text(value: Text | None) -> dict[str, str] | None:
    return None if value is None else {"zh": value.zh, "en": value.en}


def hedge(fig: Figure, pack: Pack | None = None) -> dict[str, str] | None:
    """The source's hedge in both languages and what it means ("超": "over", "above");
    None for a figure the source states plainly."""
    found = hedge_of(fig.qualifier, pack)
    if found is None:
        return None
    return {"zh": found.word, "en": found.en, "meaning": found.meaning}


def figure(fig: Figure, pack: Pack | None = None) -> dict[str, Any]:
    """A figure's fields; a range adds ``high`` (its top) and ``bound: range``, a ceiling adds
    ``bound: at-most``, so a machine never reads "4.5%—5%" as 4.5% or "5%以内" as 5%; a figure
    confirmed as a library indicator adds ``indicator`` (a pack without indicators prints
    what it printed before they existed). ``pack``: also the hedges its manifest declares
    beyond the built-in ones."""
    record = {
        "id": fig.id,
        "label": text(fig.label),
        "value": fig.value,
        "unit": fig.unit,
        "display": fig.display,
        "period": fig.period,
        "kind": fig.kind,
        "qualifier": fig.qualifier,
        "hedge": hedge(fig, pack),
        "scope": fig.scope,
        "note": text(fig.note),
        "section": fig.section_id,
        "item": fig.node_id,
        "source": {"doc": fig.source.doc, "quote": fig.source.quote},
    }
    if fig.high is not None:
        record["high"] = fig.high
    if fig.indicator is not None:
        record["indicator"] = fig.indicator
    bound = bound_kind(pack, fig)
    if bound:
        record["bound"] = bound
    return record


def bound_kind(pack: Pack | None, fig: Figure) -> str | None:
    """The bound a machine must not miss: "range" (``value`` is only the low end) or "at-most"
    (``value`` is a ceiling, "5%以内"); None otherwise: a floor ("超", "不少于") is the number
    it states, with its ``qualifier`` saying so, as before."""
    if fig.high is not None:
        return "range"
    hedge = hedge_of(fig.qualifier, pack)
    return "at-most" if hedge and hedge.meaning == "at-most" else None


def node_tree(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "title": text(node.title),
        "see_also": list(node.see_also),
        "children": [node_tree(child) for child in node.children],
    }
