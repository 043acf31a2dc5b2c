"""The search engine's interface, with a plain case-insensitive substring matcher.

Views and the CLI depend only on :class:`SearchEngine.search` and :class:`Hit`; the matcher
behind them can change (fuzzy, pinyin) without touching them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from briefing.model import Pack, Text

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: what matched, where, and how well (higher ``score`` is better, 0..100)."""

    id: str
    kind: str  # section | item | figure | comparison
    section: str | None  # id of the top-level section, None for pack-wide comparisons
    title: Text
    zh: str  # full text of the hit in Chinese
    en: str  # full text of the hit in English
    score: float
    field: str  # which field matched: title.zh, title.en, text.zh, text.en, ...
    spans: tuple[Span, ...]  # character spans in that field's original text


@dataclass(frozen=True, slots=True)
class Document:
    """A searchable record: an id with named text fields."""

    id: str
    kind: str
    section: str | None
    title: Text
    zh: str
    en: str
    fields: tuple[tuple[str, str], ...]


def documents(pack: Pack) -> Iterator[Document]:
    """Every searchable thing in the pack, with the fields a user might type words from."""
    for node in pack.nodes():
        kind = "section" if node.is_section else "item"
        yield Document(node.id, kind, node.section_id, node.title, node.text.zh, node.text.en,
                       (("title.zh", node.title.zh), ("title.en", node.title.en),
                        ("text.zh", node.text.zh), ("text.en", node.text.en)))
    for fig in pack.figures():
        zh = f"{fig.label.zh}：{fig.display}"
        en = f"{fig.label.en}: {fig.display}"
        yield Document(fig.id, "figure", fig.section_id, fig.label, zh, en,
                       (("label.zh", fig.label.zh), ("label.en", fig.label.en),
                        ("display", fig.display), ("quote", fig.source.quote)))
    for cmp in pack.comparisons:
        note = cmp.note or Text("", "")
        yield Document(cmp.id, "comparison", cmp.section_id, cmp.title, note.zh, note.en,
                       (("title.zh", cmp.title.zh), ("title.en", cmp.title.en)))


class SearchEngine:
    """Finds hits for a query; build once per pack, then call :meth:`search` per keystroke."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._docs = list(documents(pack))

    def search(self, query: str, limit: int = 20, section: str | None = None) -> list[Hit]:
        needle = query.strip().casefold()
        if not needle or limit <= 0:
            return []
        hits = []
        for doc in self._docs:
            if section and doc.section != section:
                continue
            for name, value in doc.fields:
                pos = value.casefold().find(needle)
                if pos >= 0:
                    score = 100.0 * len(needle) / max(len(value), 1)
                    hits.append(Hit(doc.id, doc.kind, doc.section, doc.title, doc.zh, doc.en,
                                    round(50 + score / 2, 2), name,
                                    ((pos, pos + len(needle)),)))
                    break
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]
