"""A comparison as a table for the app: whole labels, numbers right-aligned in their own
columns with the unit beside them, a bar where there is room; plain Python.

The same cells as the CLI's ``briefing compare`` (the same formatters), laid out by
:mod:`briefing.text.table_layout` so labels wrap inside their column, numbers never split, and
each row knows its lines (for the chart's row cursor: ``s`` opens the highlighted row's source).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.figures.formatting import period_label, scope_label, signed_change, value_parts
from briefing.figures.reading import format_value
from briefing.model import Lang, Pack
from briefing.present.comparison_rows import (
    ComparisonView,
    Row,
    bar,
    progress_footnotes,
    progress_reading,
    ratio_relation,
    relative_text,
)
from briefing.present.words import t
from briefing.text.sanitize import clean, one_line
from briefing.text.table_layout import GAP, Column, TableLayout, lay_out

BAR = "\0bar"  # a cell filled with the row's bar once the layout knows how wide it can be
BAR_MAX = 30
BAR_MIN = 6
LABEL_SHARE = 0.45  # of the width, what a long label may take before the bar gets any room
LABEL_MIN = 12  # narrower than this, the table stacks each row instead


@dataclass(slots=True)
class ChartTable:
    """The cells of a comparison; ``figures[i]`` is the figure behind row ``i`` (or None)."""

    columns: list[Column]
    rows: list[list[str]]
    figures: list[str | None]
    fractions: list[float | None]
    track: bool = False  # progress bars show the rest of the way to the target
    footnotes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Drop a column no row fills (no unit beside percentages, no scope in a list)."""
        keep = [i for i in range(len(self.columns))
                if i == 0 or any(row[i].strip() for row in self.rows)]
        if len(keep) < len(self.columns):
            self.columns = [self.columns[i] for i in keep]
            self.rows = [[row[i] for i in keep] for row in self.rows]

    def lay_out(self, width: int) -> TableLayout:
        """Lay the table out in ``width`` cells, giving the bar what the numbers leave."""
        if len(self.columns) < 2 or self.columns[1].header != BAR:
            return lay_out(self.columns, self.rows, width, LABEL_MIN)
        others = [c for i, c in enumerate(self.columns) if i != 1]
        rest = [[cell for i, cell in enumerate(row) if i != 1] for row in self.rows]
        natural = [max([_width(c.header), *(_width(r[i]) for r in rest)])
                   for i, c in enumerate(others)]
        used = min(natural[0], int(width * LABEL_SHARE)) + sum(natural[1:])
        room = width - used - GAP * len(others)
        bar_w = min(room, BAR_MAX)
        if bar_w < BAR_MIN:
            return lay_out(others, rest, width, LABEL_MIN)
        columns = [others[0], Column("", style=self.columns[1].style), *others[1:]]
        rows = [[r[0], self._bar(f, bar_w), *r[1:]] for r, f in zip(rest, self.fractions,
                                                                     strict=True)]
        return lay_out(columns, rows, width, LABEL_MIN)

    def _bar(self, fraction: float | None, width: int) -> str:
        if fraction is None:  # a share read in points, or two floors: no bar, not an empty one
            return " " * width
        done = bar(fraction, width)
        return done + ("░" * (width - len(done)) if self.track else " " * (width - len(done)))


def _width(text: str) -> int:
    from briefing.text.line_breaking import cell_width

    return max((cell_width(line) for line in text.split("\n")), default=0)


def _number(heading: str, style: str = "") -> Column:
    """A right-aligned column of numbers, never wrapped, named on a stacked line."""
    return Column(heading, justify="right", style=style, wrap=False, named_when_stacked=True)


def chart_table(pack: Pack, view: ComparisonView, lang: Lang) -> ChartTable:
    """The comparison's rows as cells, by kind (progress, ratio, ranking, timeline, peers)."""
    label = Column(t("figure", lang))
    bar_col = Column(BAR, style="green" if view.kind == "progress" else "cyan")
    unit = Column(t("col_unit", lang))
    period = Column(t("period", lang), wrap=False)
    rows = [r for r in view.rows if view.kind != "progress" or (r.figure and r.target)]
    figures = [r.figure.id if r.figure else None for r in rows]
    fractions = [r.fraction for r in rows]
    if view.kind == "ranking":
        columns = [label, _number(t("col_rank", lang), "bold"), Column(t("col_scope", lang)),
                   period]
        cells = [[_label(r, lang), value_parts(pack, r.figure, lang)[0] if r.figure else "",
                  scope_label(r.figure.scope, lang, pack) if r.figure else "",
                  period_label(r.figure, lang) if r.figure else ""] for r in rows]
        return ChartTable(columns, cells, figures, fractions)
    if view.kind == "progress":
        columns = [label, bar_col, _number(t("col_actual", lang), "bold"),
                   _number(t("col_target", lang)), unit, _number(t("col_gap", lang)),
                   _number(t("col_reached", lang), "bold")]
        cells = [_progress_cells(pack, r, lang) for r in rows]
        notes = [clean(n) for n in progress_footnotes(view, lang)]
        return ChartTable(columns, cells, figures, fractions, track=True, footnotes=notes)
    if view.kind == "ratio":
        columns = [label, bar_col, Column(t("col_relation", lang)),
                   _number(t("col_relative", lang))]
        cells = [[_label(r, lang), BAR, one_line(ratio_relation(pack, view, r, lang)),
                  relative_text(r, lang)] for r in rows]
        return ChartTable(columns, cells, figures, fractions)
    columns = [label, bar_col, _number(t("value", lang), "bold"), unit, period]
    timeline = view.kind == "timeline"
    if timeline:
        columns.append(_number(t("col_change", lang)))
    cells = []
    for r in rows:
        value, word = _parts(pack, r, lang)
        row = [_label(r, lang), BAR, value, word, period_label(r.figure, lang) if r.figure else ""]
        if timeline:
            row.append("" if r.delta is None or view.unit is None
                       else signed_change(pack, r.delta, view.unit, lang))
        cells.append(row)
    return ChartTable(columns, cells, figures, fractions)


def _label(row: Row, lang: Lang) -> str:
    return one_line(row.label.get(lang))


def _parts(pack: Pack, row: Row, lang: Lang) -> tuple[str, str]:
    if row.figure is None:
        return format_value(row.value), ""
    number, word = value_parts(pack, row.figure, lang)
    return one_line(number), one_line(word)


def _progress_cells(pack: Pack, row: Row, lang: Lang) -> list[str]:
    assert row.figure is not None and row.target is not None
    actual, word = _parts(pack, row, lang)
    target = one_line(value_parts(pack, row.target, lang)[0])
    gap, reached = progress_reading(pack, row, lang)
    label = _label(row, lang) + ("\u00a0*" if row.like_for_like is False else "")  # * stays on
    return [label, BAR, actual, target, word, gap, reached]
