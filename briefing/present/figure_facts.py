"""What the figure detail view says about one figure, as Rich ``Text``; plain Python.

Every string comes from the pack through :mod:`briefing.figures.formatting` (the one number
formatter), so the detail view, the table and the CLI say the same value the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text

from briefing.figures.formatting import (
    figure_value,
    kind_label,
    period_label,
    qualifier_label,
    scope_label,
)
from briefing.figures.reading import format_value
from briefing.model import Figure, Lang, Pack
from briefing.present.words import t
from briefing.text.sanitize import clean, one_line


@dataclass(frozen=True, slots=True)
class FigureFacts:
    title: Text
    facts: list[tuple[str, Text]]  # (field name, value) in display order
    quote: Text


def base_value(pack: Pack, fig: Figure, lang: Lang) -> str:
    """The stored value in the unit's base: "19,000 enterprises", "43,200,000,000 元"."""
    number = format_value(fig.value)
    if fig.high is not None:  # a range: both ends
        number = f"{number}–{format_value(fig.high)}"
    if fig.unit == "percent":
        return f"{number}%"
    label = one_line(pack.unit(fig.unit).label.get(lang))
    return f"{number}{label}" if lang == "zh" else f"{number} {label}"


def figure_facts(pack: Pack, fig: Figure, lang: Lang) -> FigureFacts:
    other: Lang = "en" if lang == "zh" else "zh"
    title = Text.assemble((one_line(fig.label.get(lang)), "bold"), "\n",
                          (one_line(fig.label.get(other)), "dim"))
    facts: list[tuple[str, Text]] = [
        (t("value", lang), Text(one_line(figure_value(pack, fig, lang)), style="bold"))]
    if lang == "en":
        facts.append((t("as_displayed", lang), Text(one_line(fig.display))))
    facts.append((t("base_value", lang), Text(base_value(pack, fig, lang))))
    if fig.qualifier:
        hedge = qualifier_label(fig, lang)
        facts.append((t("qualifier", lang),
                      Text(hedge if lang == "zh" else f"{hedge} ({fig.qualifier})")))
    facts.append((t("period", lang), Text(period_label(fig, lang))))
    facts.append((t("kind", lang), Text(kind_label(fig.kind, lang))))
    if fig.scope:
        facts.append((t("scope", lang), Text(scope_label(fig.scope, lang))))
    if fig.note:
        facts.append((t("note", lang), Text(clean(fig.note.get(lang)), style="italic")))
    facts.append((t("id", lang), Text(fig.id, style="dim")))
    doc = pack.document(fig.source.doc)
    quote = Text.assemble(("“", "dim"), (clean(fig.source.quote), "bold"), ("”", "dim"), "\n",
                          (f"— {one_line(doc.title.get(lang))}", "italic"), "\n",
                          (f"{one_line(doc.publisher.get(lang))} · {doc.date}", "dim"))
    return FigureFacts(title, facts, quote)
