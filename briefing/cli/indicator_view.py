"""``briefing indicator ID`` for people: one row per figure found, pack by pack, with a row
saying so where a briefing has none (Rich; pack text stays inert)."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from briefing.cli.library_view import title_in
from briefing.cli.render import plain
from briefing.figures.formatting import (
    figure_value,
    kind_label,
    period_label,
    qualifier_label,
)
from briefing.library import Library
from briefing.library.indicators import Finding, labelled
from briefing.library.qualified import shown_id
from briefing.model import Lang
from briefing.model.library import Indicator
from briefing.text.rich_wrap import Wrapped
from briefing.text.sanitize import one_line

STATUS = {
    "confirmed": ("已确认", "confirmed"),
    "several-confirmed": ("多个已确认", "several confirmed"),
    "candidate": ("候选（未确认）", "candidate (unconfirmed)"),
    "several": ("多个候选", "several candidates"),
    "none": ("无", "none"),
}
HEADINGS = {
    "en": ("Briefing", "Status", "Figure", "Value", "Hedge", "Period / kind", "Quote",
           "period", "kind", "confirm one with: briefing indicator {id} --confirm BRIEFING:FIGURE"),
    "zh": ("简报", "状态", "指标", "数值", "限定", "时期/类型", "原文", "时期", "类型",
           "确认：briefing indicator {id} --confirm 简报:指标"),
}


def findings_view(library: Library, indicator: Indicator, findings: list[Finding],
                  lang: Lang, period: str | None, kind: str | None) -> RenderableType:
    words = HEADINGS[lang]
    head = f"{indicator.name.get(lang)} ({indicator.id}, {indicator.unit})"
    if period:
        head += f" · {words[7]} {period}"
    if kind:
        head += f" · {words[8]} {kind_label(kind, lang)}"
    table = Table(box=box.SIMPLE_HEAD, header_style="bold")
    table.add_column(words[0], no_wrap=True)
    table.add_column(words[1], max_width=24)
    table.add_column(words[2], ratio=1, max_width=40)
    table.add_column(words[3], justify="right", no_wrap=True)
    table.add_column(words[4], no_wrap=True)
    table.add_column(words[5], no_wrap=True)
    table.add_column(words[6], ratio=2, max_width=50)
    indicators = {indicator.id: indicator}
    unsure = False
    for finding in findings:
        status = STATUS[finding.status][0 if lang == "zh" else 1]
        unsure = unsure or finding.status in ("candidate", "several")
        if not finding.figures:
            table.add_row(Text(finding.briefing), Text(status, style="dim"), "", "", "", "", "")
            continue
        pack = library.pack(finding.briefing)
        for n, fig in enumerate(finding.figures):
            shown = labelled(fig, indicators)
            name = Text.assemble(plain(one_line(title_in(shown.label, lang))), "\n",
                                 (shown_id(library, finding.briefing, fig.id), "dim"))
            table.add_row(Text(finding.briefing if n == 0 else ""),
                          Text(status if n == 0 else ""), Wrapped(name),
                          plain(figure_value(pack, fig, lang), "bold"),
                          plain(qualifier_label(fig, lang, pack)),
                          Text(f"{period_label(fig, lang)} {kind_label(fig.kind, lang)}"),
                          Wrapped(plain(f"“{one_line(fig.source.quote)}”")))
    parts: list[RenderableType] = [plain(head, "bold"), table]
    if unsure:
        parts.append(plain(words[9].format(id=indicator.id), "dim"))
    return Group(*parts)
