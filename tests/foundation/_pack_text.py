"""Every English string a pack shows a reader, as one text, for tests that look for phrases."""

from __future__ import annotations

from briefing.model import Pack


def pack_english(pack: Pack) -> str:
    """Titles, texts, labels and notes of the pack, its figures and its comparisons' rows."""
    parts = [pack.title.en, *(d.title.en for d in pack.documents),
             *(u.label.en for u in pack.units)]
    for node in pack.nodes():
        parts += [node.title.en, node.text.en]
    for fig in pack.figures():
        parts += [fig.label.en, fig.note.en if fig.note else ""]
    for cmp in pack.comparisons:
        parts += [cmp.title.en, cmp.note.en if cmp.note else ""]
        parts += [e.label.en for e in cmp.entries if e.label]
        parts += [e.note.en for e in cmp.entries if e.note]
    return "\n".join(parts)
