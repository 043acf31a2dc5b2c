"""A search result: what matched, where, and how well (plain data, no UI imports)."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import Text
from briefing.model.base import Frozen
from briefing.present import json_shapes

Span = tuple[int, int]


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class Hit(Frozen):
    """One result: what matched, where, and how well (higher ``score`` is better, 0..100)."""

    id: str
    kind: str  # section | item | figure | comparison
    section: str | None  # id of the top-level section, None for pack-wide comparisons
    title: Text
    zh: str  # full text of the hit in Chinese
    en: str  # full text of the hit in English
    score: float
    field: str  # which field matched best: title.zh, title.en, text.zh, text.en, ...
    spans: tuple[Span, ...]  # character spans in that field's original text
    #: every matched span, in every field, as (field, start, end); ``field``'s are among them
    matches: tuple[tuple[str, int, int], ...] = ()
    #: the original text of each field in ``matches``
    texts: tuple[tuple[str, str], ...] = ()
    #: a figure's value as a reader sees it ("4.15%左右", "about 4.15%"); None for the rest
    value: Text | None = None

    def text_of(self, field: str) -> str:
        """The original text of a matched field ('' if that field did not match)."""
        return dict(self.texts).get(field, "")

    def to_json(self) -> dict:
        """The hit as plain JSON data (the CLI's ``--json`` shape)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "section": self.section,
            "title": json_shapes.text(self.title),
            "score": self.score,
            "zh": self.zh,
            "en": self.en,
            "spans": [{"field": f, "start": s, "end": e} for f, s, e in self.matches],
            "value": json_shapes.text(self.value),
        }
