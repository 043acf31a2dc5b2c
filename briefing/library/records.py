"""A figure of a library as one flat record for ``--json`` and ``--csv``: every field of the
figure, and which briefing and document it comes from."""

from __future__ import annotations

from typing import Any

from briefing.library.qualified import split
from briefing.model import Figure, Pack


def with_briefing(pack: Pack, fig: Figure, record: dict[str, Any]) -> dict[str, Any]:
    """``record`` (the figure's JSON shape) with its briefing, the briefing's own section of
    the figure, and its document's title and date, for a library's merged ``pack``."""
    briefing = split(fig.id)[0]
    node = pack.node(fig.node_id)
    while node.depth > 1 and node.parent_id:
        node = pack.node(node.parent_id)
    doc = pack.document(fig.source.doc)
    top = pack.node(briefing) if briefing and pack.has_node(briefing) else None
    return {**record, "section": node.id, "briefing": briefing,
            "briefing_title": None if top is None else {"zh": top.title.zh, "en": top.title.en},
            "document": doc.id,
            "document_title": {"zh": doc.title.zh, "en": doc.title.en},
            "document_date": doc.date}
