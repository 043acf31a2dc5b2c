"""CLI comparison tables: whole columns or one block per row, never a word cut in two."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from briefing.cli.render import comparison_view
from briefing.figures.formatting import value_parts
from briefing.pack import bundled_pack_dir, load_pack
from briefing.present.comparison_rows import build

PACK = load_pack(bundled_pack_dir())


def render(comparison_id: str, width: int, lang: str = "en") -> str:
    console = Console(width=width, record=True, color_system=None, force_terminal=False)
    view = build(PACK, PACK.comparison(comparison_id))
    with console.capture() as captured:
        console.print(comparison_view(PACK, view, lang))
    return captured.get()


def words_of(text: str) -> set[str]:
    return {w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text) if len(w) > 3}


@pytest.mark.parametrize("width", [60, 80, 100, 140])
@pytest.mark.parametrize("comparison", [c.id for c in PACK.comparisons])
def test_no_label_word_unit_or_number_is_cut_at_any_width(comparison, width):
    out = render(comparison, width)
    assert max(cell_len(line) for line in out.splitlines()) <= width
    flat = re.findall(r"[A-Za-z][A-Za-z'-]+", out)
    view = build(PACK, PACK.comparison(comparison))
    for row in view.rows:
        for word in words_of(row.label.en):
            assert word in flat, (word, out)
        if row.figure is not None:
            number, unit = value_parts(PACK, row.figure, "en")
            assert number.split()[-1] in out, (number, out)
            for word in words_of(unit):
                assert word in flat, (word, out)


def test_a_wide_terminal_gets_the_table_and_a_narrow_one_a_block_per_row():
    wide = render("targets-2025-progress", 140)
    assert re.search(r"Figure\s+Value\s+Target\s+Unit\s+Gap\s+Reached", wide)
    narrow = render("targets-2025-progress", 80)
    assert "Figure" not in narrow.splitlines()[2]
    assert re.search(r"^  Value 17,400 · Target over 19,000 · Unit enterprises", narrow, re.M)
    assert "\u00a0" not in narrow  # what is kept together is still plain spaces when copied


def test_a_stacked_row_keeps_each_header_with_its_value():
    narrow = render("targets-2025-progress", 60)
    for pair in ("Target over 19,000", "Gap ≥1,600", "Reached ≤91.6%"):
        assert any(pair in line for line in narrow.splitlines()), (pair, narrow)


@pytest.mark.parametrize("width", [40, 60])
def test_chinese_headers_stay_whole_with_their_values(width):
    narrow = render("targets-2025-progress", width, "zh")
    lines = narrow.splitlines()
    assert any(line.strip().startswith("完成度 ≤91.6%") or " · 完成度 ≤91.6%" in line
               for line in lines), narrow
    assert "完成\n" not in narrow and "完\n" not in narrow


@pytest.mark.parametrize("width", [50, 60, 80, 100, 140])
@pytest.mark.parametrize("query", ["yuanshi", "研发机构", "academicians", "rencai"])
def test_search_results_keep_every_id_whole_on_one_line(query, width):
    from briefing.cli.search import hits_table
    from briefing.search.engine import SearchEngine

    hits = SearchEngine(PACK).search(query, limit=6)
    assert hits
    console = Console(width=width, color_system=None, force_terminal=False)
    with console.capture() as captured:
        console.print(hits_table(hits, "en"))
    out = captured.get()
    assert max(cell_len(line) for line in out.splitlines()) <= width
    for hit in hits:
        assert any(hit.id in line for line in out.splitlines()), (hit.id, out)
        if hit.section:
            assert any(hit.section in line for line in out.splitlines()), (hit.section, out)
