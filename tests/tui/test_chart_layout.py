"""The comparison chart's table (plain Python): whole numbers in aligned columns, labels
wrapped inside theirs, marks explained, at every width and in both languages."""

from __future__ import annotations

import re

import pytest

from briefing.present.chart_table import chart_table
from briefing.present.comparison_rows import build
from briefing.text.line_breaking import cell_width

WIDTHS = (30, 36, 56, 73, 100, 140)
NUMBER = re.compile(r"[0-9][0-9.,/]*[%万亿]?")


def lines_of(layout) -> list[str]:
    return [line.plain for line in layout.header] + [
        line.plain for lines in layout.row_lines for line in lines]


def packs(fixture_pack, bundled):
    return [fixture_pack, bundled]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_comparison_fits_every_width_with_numbers_whole(fixture_pack, bundled, lang):
    for pack in packs(fixture_pack, bundled):
        for comparison in pack.comparisons:
            view = build(pack, comparison)
            table = chart_table(pack, view, lang)
            for width in WIDTHS:
                layout = table.lay_out(width)
                text = lines_of(layout)
                assert all(cell_width(line) <= width for line in text), (comparison.id, width)
                for row, lines in zip(table.rows, layout.row_lines, strict=True):
                    drawn = [line.plain.replace("\u00a0", " ") for line in lines]
                    for column, cell in zip(table.columns, row, strict=True):
                        cell = cell.replace("\u00a0", " ")
                        # a number column is whole on one line; elsewhere every number is
                        number_column = not column.wrap and "\0" not in cell
                        whole = [cell] if number_column else NUMBER.findall(cell)
                        for part in whole:
                            if part.strip() and cell_width(part) <= width - 4:
                                assert any(part in d for d in drawn), (comparison.id, width, part)


def test_progress_numbers_align_in_their_columns(fixture_pack):
    view = build(fixture_pack, fixture_pack.comparison("cmp-hnte-progress"))
    for lang, words in (("en", ("Actual", "Target", "To go", "Reached")),
                        ("zh", ("实际", "目标", "差距", "完成度"))):
        layout = chart_table(fixture_pack, view, lang).lay_out(100)
        header = layout.header[0].plain
        assert all(word in header for word in words)
        firsts = [lines[0].plain for lines in layout.row_lines]
        # right-aligned: each row's share reached ends where the heading ends
        assert {cell_width(line.rstrip()) for line in firsts} == {cell_width(header.rstrip())}
    zh = lines_of(chart_table(fixture_pack, view, "zh").lay_out(100))
    assert any("1.74万" in line and "超1.9万" in line and "≤91.6%" in line for line in zh)


def test_progress_rows_mark_unlike_pairs_and_floors_with_footnotes(bundled):
    progress = [c for c in bundled.comparisons if c.kind == "progress"]
    assert progress
    for comparison in progress:
        view = build(bundled, comparison)
        for lang in ("en", "zh"):
            table = chart_table(bundled, view, lang)
            unlike = [r for r in view.rows if r.like_for_like is False]
            marked = [row[0] for row in table.rows if row[0].endswith("\u00a0*")]
            assert len(marked) == len(unlike)
            # one per mark, then the legend: ≈ (a gap between approximate figures), then ≤/≥
            legend = table.footnotes[len(unlike):]
            assert all(n.startswith("* ") for n in table.footnotes[:len(unlike)])
            assert 1 <= len(legend) <= 2 and "≤/≥" in legend[-1]


def test_percentage_differences_carry_their_unit(fixture_pack):
    view = build(fixture_pack, fixture_pack.comparison("cmp-rd-unit-timeline"))
    en = chart_table(fixture_pack, view, "en")
    zh = chart_table(fixture_pack, view, "zh")
    changes_en = [row[-1] for row in en.rows if row[-1]]
    changes_zh = [row[-1] for row in zh.rows if row[-1]]
    # a change from or to a floor is a bound (≥), between two floors unclear
    assert changes_en and all(c.endswith(" pp") or c == "unclear" for c in changes_en)
    assert changes_zh and all(c.endswith("个百分点") or c == "无法判断" for c in changes_zh)
    assert any(c.startswith("≥+") for c in changes_en) and "unclear" in changes_en
    # percentages carry "%" in the number: the empty unit column is dropped
    assert "Unit" not in [c.header for c in en.columns]


def test_ratio_rows_state_the_relation_in_words(fixture_pack):
    view = build(fixture_pack, fixture_pack.comparison("cmp-rd-ratio"))
    rows = chart_table(fixture_pack, view, "en").rows
    assert any("≈ 1/2 of Shenzhen" in cell for row in rows for cell in row)
    rows = chart_table(fixture_pack, view, "zh").rows
    assert any("约为深圳的1/2" in cell for row in rows for cell in row)


def test_rows_know_their_figure_for_the_cursor(fixture_pack):
    view = build(fixture_pack, fixture_pack.comparison("cmp-hnte-progress"))
    table = chart_table(fixture_pack, view, "en")
    assert table.figures == ["hntes-2024", "tech-smes-2024"]
    ratio = chart_table(fixture_pack, build(fixture_pack, fixture_pack.comparison("cmp-rd-ratio")),
                        "en")
    assert ratio.figures[0] is None  # the baseline row has no figure of its own


def test_a_narrow_chart_stacks_rows_and_names_each_number(fixture_pack):
    view = build(fixture_pack, fixture_pack.comparison("cmp-hnte-progress"))
    for lang, name in (("en", "Target over 19,000"), ("zh", "目标 超1.9万")):
        layout = chart_table(fixture_pack, view, lang).lay_out(36)
        assert layout.widths is None  # stacked
        # on one line (glued), and drawn with plain spaces (find and copy see what is read)
        assert any(name in line for line in lines_of(layout))


def test_bars_appear_only_where_there_is_room(fixture_pack):
    view = build(fixture_pack, fixture_pack.comparison("cmp-enterprise-peers"))
    table = chart_table(fixture_pack, view, "en")
    assert any("█" in line for line in lines_of(table.lay_out(140)))
    narrow = lines_of(table.lay_out(40))
    assert not any("█" in line for line in narrow)
