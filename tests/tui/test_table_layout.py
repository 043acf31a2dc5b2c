"""The figure table's layout: whole labels, widths that fit, one row per cursor step."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing.present import panes
from briefing.text.table_layout import Column, lay_out

COLUMNS = [Column("Figure"), Column("Value", style="bold"), Column("Period"), Column("Kind"),
           Column("Compared", justify="center", optional=True)]
ROWS = [["Suzhou's total R&D spending as a share of Shenzhen's (2023)", "approx. 1/2", "2023",
         "ratio (national)", "1"],
        ["Suzhou's total R&D spending as a share of Beijing's (2023)", "approx. 1/3", "2023",
         "ratio (national)", "1"],
        ["苏州全社会研发投入规模占深圳的比重（2023年）", "超10亿元", "2024", "实际（全市）", "·"]]


def words(text: str) -> list[str]:
    return text.replace("\n", " ").split()


def row_text(layout, row: int) -> str:
    return " ".join(line.plain for line in layout.row_lines[row])


def test_labels_are_never_cut_and_lines_fit_at_any_width():
    for width in (140, 104, 76, 53, 40, 30, 20):
        layout = lay_out(COLUMNS, ROWS, width)
        for index, row in enumerate(ROWS):
            text = row_text(layout, index)
            # every word of the label, value, period and kind is there
            for cell in row[:4]:
                for word in words(cell):
                    assert word in text or all(ch in text for ch in word), (width, word)
            for line in layout.row_lines[index]:
                assert cell_len(line.plain) <= width


def test_look_alike_labels_stay_distinct():
    layout = lay_out(COLUMNS, ROWS, 53)
    assert "Shenzhen's" in row_text(layout, 0) and "Beijing's" in row_text(layout, 1)


def test_wide_terminals_get_every_column_and_the_label_the_rest():
    layout = lay_out(COLUMNS, ROWS, 140)
    assert layout.widths is not None and all(layout.widths)
    assert "Compared" in layout.header[0].plain
    assert len(layout.row_lines[0]) == 1  # the whole label on one line


def test_narrow_terminals_drop_the_optional_column_then_stack():
    narrow = lay_out(COLUMNS, ROWS, 60)
    assert narrow.widths is not None and narrow.widths[-1] == 0
    stacked = lay_out(COLUMNS, ROWS, 30)
    assert stacked.widths is None and not stacked.header
    lines = [line.plain for line in stacked.row_lines[0]]
    details = lines[next(i for i, line in enumerate(lines) if line.startswith("  ")):]
    assert details[0].startswith("  approx. 1/2 · 2023")
    assert all(line.startswith("  ") for line in details)


def test_row_geometry_maps_lines_to_rows():
    layout = lay_out(COLUMNS, ROWS, 53)
    assert layout.row_at(0) is None  # the header
    for row in range(len(ROWS)):
        top = layout.row_top(row)
        assert layout.row_at(top) == row
        assert layout.row_at(top + len(layout.row_lines[row]) - 1) == row
    assert layout.row_at(layout.height) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab 12%万元，。（）", min_size=1, max_size=40), min_size=5,
                max_size=5), st.integers(min_value=8, max_value=160))
def test_any_cells_fit_their_width(cells, width):
    layout = lay_out(COLUMNS, [cells], width)
    assert layout.height >= 1
    for line in layout.row_lines[0]:
        widest_word = max((cell_len(w) for c in cells for w in c.split()), default=0)
        assert cell_len(line.plain) <= max(width, widest_word + 2)


def test_figure_columns_translate(fixture_pack):
    assert [c.header for c in panes.figure_columns("zh")][:4] == ["指标", "数值", "时期", "类型"]


# -- columns sized from their content (issue 28) -----------------------------------------------
VALUE_COLUMNS = [Column("Figure"), Column("Value", style="bold", whole=True), Column("Period"),
                 Column("Kind"), Column("Compared", justify="center", optional=True)]
VALUES = ["about 4.15%", "over RMB 100 billion", "No. 4", "24,300 enterprises", "54%",
          "over 1,000 enterprise services (repeat services counted)", "超千亿", "4.15%左右",
          "2800家左右", "超1.9万家（含重复）"]


def _figure_rows(count: int = 30) -> list[list[str]]:
    """Rows in the style of a briefing: long labels, mostly short values, one long one."""
    label = ("Share of industrial enterprises above designated size that set up an R&D "
             "institution of their own, by district")
    return [[f"{label} {i}", VALUES[i % len(VALUES)], "2024", "actual (city)", "1"]
            for i in range(count)]


def _value_lines(layout, row: int, column: int = 1) -> list[str]:
    """The text of one cell of a laid-out (not stacked) row, line by line."""
    widths = layout.widths
    start = sum(w + 2 for w in widths[:column] if w)
    return [line.plain[start:start + widths[column]].strip() for line in layout.row_lines[row]]


def test_a_value_with_its_hedge_and_unit_never_breaks():
    rows = _figure_rows()
    for width in range(40, 201, 7):
        layout = lay_out(VALUE_COLUMNS, rows, width)
        for index, row in enumerate(rows):
            text = "\n".join(line.plain for line in layout.row_lines[index])
            core = row[1].split(" (")[0].split("（")[0]  # a remark in brackets may wrap
            assert core in text, (width, core, text)


def test_the_value_column_holds_most_values_not_the_longest():
    """One long value does not widen the column for all: the label gets the room."""
    layout = lay_out(VALUE_COLUMNS, _figure_rows(), 136)
    assert layout.widths is not None
    value = layout.widths[1]
    assert value < len(VALUES[5])  # the long one wraps at its bracket...
    assert _value_lines(layout, 5) == ["over 1,000 enterprise services",
                                       "(repeat services counted)"]
    assert value >= len("over 1,000 enterprise services")  # ...but never inside its number
    assert layout.widths[0] == 136 - sum(layout.widths[1:]) - 2 * 4  # the label: the rest


def test_room_the_label_does_not_need_goes_to_the_other_columns():
    rows = [["R&D intensity", v, "2024", "estimate (city)", "1"] for v in VALUES]
    layout = lay_out(VALUE_COLUMNS, rows, 140)
    assert layout.widths[1] == max(cell_len(v) for v in VALUES)  # every value on one line
    assert all(len(lines) == 1 for lines in layout.row_lines)


def test_stacked_rows_keep_values_whole():
    layout = lay_out(VALUE_COLUMNS, _figure_rows(12), 36)
    assert layout.widths is None
    text = "\n".join(line.plain for lines in layout.row_lines for line in lines)
    for value in ("over RMB 100 billion", "24,300 enterprises", "超1.9万家"):
        assert value in text.replace("\u00a0", " ")


def test_command_line_spans_without_a_usual_width_lay_out_as_before():
    """The command line measures no usual width: every column then counts at its natural."""
    from briefing.text.table_layout import Span, fit_widths

    columns = [Column("Figure"), Column("Value"), Column("Unit")]
    spans = [Span(10, 80), Span(8, 20), Span(5, 25)]
    assert fit_widths(columns, spans, 140, 10) == [80, 20, 25]
    assert fit_widths(columns, spans, 100, 10) == [51, 20, 25]
