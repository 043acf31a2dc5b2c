"""Property: whatever the figures say (any value, any hedge), every renderer shows the numbers
and marks of the one presentation model, and JSON says the same of each derived number.

The made-up pack's figures get random values and hedges (in memory); for each comparison, each
output's columns of the model (terminal, app, Markdown, copy) are checked against what that
output draws, row by row where the output keeps rows apart."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import _outputs as out
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.export import cell, escape
from briefing.pack import load_pack
from briefing.present.comparison_profiles import for_output
from briefing.present.comparison_rows import adhoc, build
from briefing.present.comparison_table import DERIVED, comparison_table

#: JSON's word for a bound, by the mark a table shows.
MARKS = {"exact": "", "approximate": "≈", "at-least": "≥", "at-most": "≤", "unclear": "unclear"}
HEDGES = (None, "超", "余", "以上", "左右", "约", "近")


#: A made-up city's S&T report, with one comparison of every kind (see its comparisons.yaml).
PACK_DIR = Path(__file__).parent / "comparison_pack"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


def display(value: float, unit: str, hedge: str | None) -> str:
    """The Chinese wording a source would use for ``value`` with ``hedge``."""
    word = {"enterprises": "家", "people": "人", "projects": "个", "percent": "%",
            "yuan": "亿元"}[unit]
    number = f"{value / 1e8:g}" if unit == "yuan" else f"{value:g}"
    if hedge in ("超", "约", "近"):
        return f"{hedge}{number}{word}"
    if hedge in ("余",):
        return f"{number}{hedge}{word}"
    return f"{number}{word}{hedge or ''}"


@st.composite
def figures(draw, pack):
    """New values and hedges for every count, amount and share of the pack."""
    changed = {}
    for fig in pack.figures():
        if fig.unit in ("rank", "ratio"):
            continue
        if fig.unit == "percent":
            value = draw(st.integers(1, 999)) / 10
        elif fig.unit == "yuan":
            value = draw(st.integers(1, 2000)) * 1e8
        else:
            value = float(draw(st.integers(1, 5_000_000)))
        hedge = draw(st.sampled_from(HEDGES))
        changed[fig.id] = replace(fig, value=value, qualifier=hedge,
                                  display=display(value, fig.unit, hedge))
    return changed


def with_figures(pack, changed):
    def node(n):
        return replace(n, figures=tuple(changed.get(f.id, f) for f in n.figures),
                       children=tuple(node(c) for c in n.children))

    return replace(pack, sections=tuple(node(s) for s in pack.sections), _nodes={},
                   _figures={})


def check_drawn(pack, shown, lang):
    model = comparison_table(pack, shown, lang)
    terminal = out.terminal(pack, shown, lang, width=400)
    app = out.app_rows(pack, shown, lang, width=400)
    copy = out.table_rows(out.copy(pack, shown, lang))
    markdown = out.table_rows(out.markdown(pack, shown, lang)) if shown.id != "ad-hoc" else None
    for output in out.OUTPUTS:
        drawn = for_output(model, output)
        for index, row in enumerate(drawn.rows):
            for column, shown_cell in zip(drawn.columns, row.cells, strict=True):
                text = shown_cell.text
                if not text or column.role in ("bar", "source"):
                    continue
                if output == "terminal":
                    assert text in terminal, (column.key, text, terminal)
                elif output == "app":
                    assert text in app[index], (column.key, text, app[index])
                elif output == "copy":
                    assert cell(text) in " | ".join(copy[index]), (column.key, text, copy[index])
                elif markdown is not None:
                    assert cell(text) in " | ".join(markdown[index]), (column.key, text,
                                                                       markdown[index])
                if column.key in DERIVED and shown_cell.mark in ("≥", "≤", "≈"):
                    assert text.startswith(shown_cell.mark) or column.key in (
                        "relation", "relative"), (column.key, text)
    flat = "".join(terminal.split())
    for output, drawn_text in (("terminal", flat), ("app", "\n".join(app)),
                               ("copy", out.copy(pack, shown, lang))):
        drawn = for_output(model, output)
        for line in (*drawn.notes, *drawn.legend):
            wanted = {"terminal": "".join(line.split()), "app": line,
                      "copy": escape(line)}[output]
            assert wanted in drawn_text, (output, line)


def check_json(pack, shown):
    model = comparison_table(pack, shown, "en")
    rows = out.json_rows(pack, shown)
    keys = {"progress": ("gap", "gap_bound"), "timeline": ("change", "delta_bound")}
    if shown.kind not in keys:
        return
    key, bound = keys[shown.kind]
    number = "gap" if shown.kind == "progress" else "delta"
    for record, (text, mark) in zip(rows, ((r.cells[model.index(key)].text,
                                            r.cells[model.index(key)].mark)
                                           for r in model.rows), strict=True):
        if record[bound] is None:
            assert text == ""
            continue
        assert (record[number] is None) == (record[bound] == "unclear")
        if text != "met":  # met: the gap is at most nothing, whatever its mark
            assert MARKS[record[bound]] == mark, (record, text)
    reached = model.index("reached") if shown.kind == "progress" else None
    for record, row in zip(rows, model.rows, strict=True):
        if reached is not None:
            text = row.cells[reached].text
            assert (record["progress_percent"] is None) == (text in ("—", "unclear")), (record,
                                                                                        text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.data_too_large])
@given(data=st.data())
def test_every_renderer_shows_the_models_numbers_and_marks(pack, data):
    changed = with_figures(pack, data.draw(figures(pack)))
    for comparison in changed.comparisons:
        shown = build(changed, comparison)
        check_json(changed, shown)
        for lang in ("en", "zh"):
            check_drawn(changed, shown, lang)
    shown = adhoc(changed, ["hntes-2024", "smes-2024", "financed-2024"])
    for lang in ("en", "zh"):
        check_drawn(changed, shown, lang)
