"""Plain-JSON shapes of model objects, for ``--json`` output (stable field names)."""

from __future__ import annotations

from typing import Any

from briefing.figures.vocabulary import hedge_of
from briefing.model import Figure, Node, Pack, Text


def text(value: Text | None) -> dict[str, str] | None:
    return None if value is None else {"zh": value.zh, "en": value.en}


def figure(fig: Figure, pack: Pack | None = None) -> dict[str, Any]:
    """A figure's fields; a range adds ``high`` (its top) and a range, ceiling or floor adds
    ``bound`` ("range", "at-most", "at-least"), so a machine never reads "5%以内" as 5%."""
    record = {
        "id": fig.id,
        "label": text(fig.label),
        "value": fig.value,
        "unit": fig.unit,
        "display": fig.display,
        "period": fig.period,
        "kind": fig.kind,
        "qualifier": fig.qualifier,
        "scope": fig.scope,
        "note": text(fig.note),
        "section": fig.section_id,
        "item": fig.node_id,
        "source": {"doc": fig.source.doc, "quote": fig.source.quote},
    }
    if fig.high is not None:
        record["high"] = fig.high
    bound = bound_kind(pack, fig)
    if bound:
        record["bound"] = bound
    return record


def bound_kind(pack: Pack | None, fig: Figure) -> str | None:
    """The bound a machine-readable output names: "range", "at-most" (a ceiling) or
    "at-least" (a floor the source states as one: 以上, 不少于); None for an exact, approximate
    or "over" figure, whose qualifier already says so (earlier outputs stay as they were)."""
    if fig.high is not None:
        return "range"
    hedge = hedge_of(fig.qualifier, pack)
    return hedge.meaning if hedge and hedge.meaning in ("at-most", "at-least") else None


def node_tree(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "title": text(node.title),
        "see_also": list(node.see_also),
        "children": [node_tree(child) for child in node.children],
    }
