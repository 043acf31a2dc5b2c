"""Which columns of a comparison table each output shows, under which header: in one place.

Every output draws the same :class:`~briefing.present.comparison_table.ComparisonTable`; they
differ only in how much room they have. The terminal keeps to the numbers, the app adds the
period, the Markdown export adds the relation to the first peer, the bars and the sources, and
the table ``y`` copies is four columns: the entry, its value in words, what its kind adds, the
quotes behind it.
"""

from __future__ import annotations

from briefing.model import Lang
from briefing.present.comparison_table import Align, ComparisonTable
from briefing.present.words import t

#: Headers by word: (zh, en).
_WORDS = {
    "figure": ("指标", "Figure"), "value": ("数值", "Value"), "unit": ("单位", "Unit"),
    "change": ("变化", "Change"), "relation": ("关系", "Relation"), "times": ("×", "×"),
    "target": ("目标", "Target"), "gap": ("差距", "Gap"), "reached": ("完成度", "Reached"),
    "period_kind": ("时期/类型", "Period / kind"),
    # the export's
    "entry": ("对象", "Entry"), "indicator": ("指标", "Indicator"), "point": ("时点", "Point"),
    "ranking": ("排名项", "Ranking"), "rank": ("名次", "Rank"), "scope": ("范围", "Scope"),
    "period": ("时期", "Period"), "bar": ("图示", "Bar"), "source": ("出处", "Source"),
    "size": ("相对规模", "Relative size"), "actual": ("实绩", "Actual"),
    "gap_to_target": ("距目标", "Gap to target"),
    # the copy's
    "vs_baseline": ("相对{baseline}", "vs {baseline}"),
}
#: Per output and kind: (column key, header word, alignment or None for the column's own).
#: A header word starting with "app:" is the app's own word (:mod:`briefing.present.words`).
Spec = tuple[tuple[str, str, Align | None], ...]
PROFILES: dict[str, dict[str, Spec]] = {
    "terminal": {
        "peers": (("label", "figure", None), ("bar", "", None), ("value", "value", None),
                  ("unit", "unit", None)),
        "timeline": (("label", "figure", None), ("bar", "", None), ("value", "value", None),
                     ("unit", "unit", None), ("change", "change", None)),
        "ranking": (("label", "figure", None), ("value", "value", None),
                    ("scope_period", "period_kind", None)),
        "ratio": (("label", "figure", None), ("bar", "", None), ("relation", "relation", None),
                  ("relative", "times", None)),
        "progress": (("label", "figure", None), ("value", "value", None),
                     ("target", "target", None), ("unit", "unit", None), ("gap", "gap", None),
                     ("reached", "reached", None)),
    },
    "app": {
        "peers": (("label", "app:figure", None), ("bar", "", None), ("value", "app:value", None),
                  ("unit", "app:col_unit", None), ("period", "app:period", None)),
        "timeline": (("label", "app:figure", None), ("bar", "", None),
                     ("value", "app:value", None), ("unit", "app:col_unit", None),
                     ("period", "app:period", None), ("change", "app:col_change", None)),
        "ranking": (("label", "app:figure", None), ("value", "app:col_rank", None),
                    ("scope", "app:col_scope", None), ("period", "app:period", None)),
        "ratio": (("label", "app:figure", None), ("bar", "", None),
                  ("relation", "app:col_relation", None),
                  ("relative", "app:col_relative", None)),
        "progress": (("label", "app:figure", None), ("bar", "", None),
                     ("value", "app:col_actual", None), ("target", "app:col_target", None),
                     ("unit", "app:col_unit", None), ("gap", "app:col_gap", None),
                     ("reached", "app:col_reached", None)),
    },
    "markdown": {
        "peers": (("label", "entry", None), ("value", "value", None), ("unit", "unit", None),
                  ("relation", "relation", None), ("bar", "bar", None),
                  ("source", "source", None)),
        "ratio": (("label", "entry", None), ("relation", "relation", None),
                  ("relative", "size", None), ("bar", "bar", None), ("source", "source", None)),
        "progress": (("label", "indicator", None), ("unit", "unit", None),
                     ("value", "actual", None), ("target", "target", None),
                     ("gap", "gap_to_target", None), ("reached", "reached", None),
                     ("bar", "bar", None), ("source", "source", None)),
        "ranking": (("label", "ranking", None), ("value", "rank", None),
                    ("scope", "scope", None), ("period", "period", None),
                    ("source", "source", None)),
        "timeline": (("label", "point", None), ("period", "period", None),
                     ("value", "value", None), ("unit", "unit", None),
                     ("change", "change", None), ("bar", "bar", None),
                     ("source", "source", None)),
    },
    "copy": {kind: (("label", "figure", None), ("phrase", "value", "right"),
                    (extra, word, "right"), ("source", "source", None))
             for kind, extra, word in (("progress", "reached", "reached"),
                                       ("ratio", "relative", "vs_baseline"),
                                       ("timeline", "period", "period"),
                                       ("ranking", "scope", "scope"),
                                       ("peers", "period", "period"))},
}


def header(word: str, lang: Lang) -> str:
    """A header word in ``lang`` ("" for none)."""
    if not word:
        return ""
    if word.startswith("app:"):
        return t(word.removeprefix("app:"), lang)
    zh, en = _WORDS[word]
    return zh if lang == "zh" else en


def for_output(table: ComparisonTable, output: str) -> ComparisonTable:
    """``table`` as ``output`` ("terminal", "app", "markdown", "copy") shows it."""
    spec = PROFILES[output][table.kind]
    return table.select(tuple((key, header(word, table.lang), align)
                              for key, word, align in spec))
