"""A comparison as a table for the app: whole labels, numbers right-aligned in their own
columns with the unit beside them, a bar where there is room; plain Python.

The cells are the comparison's one table (:mod:`briefing.present.comparison_table`, the app's
columns of it), laid out by
:mod:`briefing.text.table_layout` so labels wrap inside their column, numbers never split, and
each row knows its lines (for the chart's row cursor: ``s`` opens the highlighted row's source).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Lang, Pack
from briefing.present.comparison_profiles import for_output
from briefing.present.comparison_rows import ComparisonView, bar
from briefing.present.comparison_table import Column as TableColumn
from briefing.present.comparison_table import TableRow, comparison_table
from briefing.text.sanitize import clean
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


def chart_table(pack: Pack, view: ComparisonView, lang: Lang) -> ChartTable:
    """The comparison's table as the app shows it (its profile's columns), in layout terms."""
    table = for_output(comparison_table(pack, view, lang), "app")
    bar_style = "green" if view.kind == "progress" else "cyan"
    columns = [_layout_column(c, bar_style) for c in table.columns]
    rows = [[_cell(c, row, i) for i, c in enumerate(table.columns)] for row in table.rows]
    return ChartTable(columns, rows, [r.figures[0] if r.figures else None for r in table.rows],
                      [r.fraction for r in table.rows], track=view.kind == "progress",
                      footnotes=[clean(n) for n in (*table.notes, *table.legend)])


def _layout_column(column: TableColumn, bar_style: str) -> Column:
    """A model column for :func:`lay_out`: numbers right-aligned, whole, named when stacked."""
    if column.role == "bar":
        return Column(BAR, style=bar_style)
    number = column.role == "number"
    return Column(column.header, justify=column.align, style="bold" if column.emphasis else "",
                  optional=column.optional, wrap=column.wrap, named_when_stacked=number)


def _cell(column: TableColumn, row: TableRow, index: int) -> str:
    if column.role == "bar":
        return BAR
    text = row.cells[index].text
    if column.role == "label" and row.marker:
        return f"{text}\u00a0{row.marker}"  # the marker stays on the label's last line
    return text
