"""How much of a pack is in English: its texts counted by kind (titles, texts, labels,
notes, the documents' titles and publishers), each translated or not.

English that is missing (a drafted, Chinese-only pack) or a placeholder that still says
``TODO`` (what ``briefing init`` and ``stub`` write) is not translated.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from briefing.model import Lang, Pack, Text

KINDS = ("titles", "texts", "labels", "notes", "documents")


@dataclass(slots=True)
class Count:
    done: int = 0
    total: int = 0


def is_translated(text: Text) -> bool:
    """Whether ``text`` has its English: not empty and not a ``TODO`` placeholder."""
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


def shown(text: Text, lang: Lang) -> str:
    """``text`` as a reader sees it in ``lang``: English that is missing or still a ``TODO``
    placeholder is the Chinese, marked untranslated ("[zh] 南屿省政府工作报告")."""
    if lang == "en" and not is_translated(text):
        return Text(zh=text.zh).get("en")
    return text.get(lang)


def translated_share(pack: Pack) -> float:
    """The share (0..1) of the pack's texts that have their English (1 when it has none)."""
    counts = translation_counts(pack).values()
    total = sum(c.total for c in counts)
    return sum(c.done for c in counts) / total if total else 1.0


def translation_counts(pack: Pack) -> dict[str, Count]:
    counts = {kind: Count() for kind in KINDS}
    for kind, text in texts(pack):
        counts[kind].total += 1
        counts[kind].done += is_translated(text)
    return counts
