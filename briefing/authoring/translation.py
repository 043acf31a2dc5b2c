"""How much of a pack is in English: its texts counted by kind (titles, texts, labels,
notes, the documents' titles and publishers), each translated or not.

English that is missing (a drafted, Chinese-only pack) or a placeholder that still says
``TODO`` (what ``briefing init`` and ``stub`` write) is not translated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from briefing.model import Pack, Text

KINDS = ("titles", "texts", "labels", "notes", "documents")


@dataclass(slots=True)
class Count:
    done: int = 0
    total: int = 0


def is_translated(text: Text) -> bool:
    return text.translated and not text.en.lstrip().startswith("TODO")


def texts(pack: Pack) -> Iterator[tuple[str, Text]]:
    """Every text of the pack a translator writes English for, with its kind."""
    yield "titles", pack.title
    for node in pack.nodes():
        yield "titles", node.title
        yield "texts", node.text
        for figure in node.figures:
            yield "labels", figure.label
            if figure.note:
                yield "notes", figure.note
    for comparison in pack.comparisons:
        yield "titles", comparison.title
        if comparison.note:
            yield "notes", comparison.note
        if comparison.baseline:
            yield "labels", comparison.baseline.label
        for entry in comparison.entries:
            if entry.label:
                yield "labels", entry.label
            if entry.note:
                yield "notes", entry.note
    for document in pack.documents:
        yield "documents", document.title
        yield "documents", document.publisher


def translation_counts(pack: Pack) -> dict[str, Count]:
    counts = {kind: Count() for kind in KINDS}
    for kind, text in texts(pack):
        counts[kind].total += 1
        counts[kind].done += is_translated(text)
    return counts
