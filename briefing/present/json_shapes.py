"""Plain-JSON shapes of model objects, for ``--json`` output (stable field names)."""

from __future__ import annotations

from typing import Any

from briefing.model import Figure, Node, Text


def text(value: Text | None) -> dict[str, str] | None:
    return None if value is None else {"zh": value.zh, "en": value.en}


def figure(fig: Figure) -> dict[str, Any]:
    """Every field of a figure; ``indicator`` only when the figure is confirmed as one (a
    pack without indicators prints exactly what it printed before they existed)."""
    shape = {
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
    if fig.indicator is not None:
        shape["indicator"] = fig.indicator
    return shape


def node_tree(node: Node) -> dict[str, Any]:
    return {
        "id": node.id,
        "title": text(node.title),
        "see_also": list(node.see_also),
        "children": [node_tree(child) for child in node.children],
    }
