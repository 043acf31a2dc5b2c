"""The comparison presentation model, kind by kind and in both languages: its columns, its
formatted cells and their marks, its markers, notes and legend, the figures behind each row."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest

from briefing.model import Comparison, ComparisonEntry, Hedge, Text
from briefing.pack import load_pack
from briefing.present.bounds import INF, Bound
from briefing.present.comparison_cells import percent_text
from briefing.present.comparison_profiles import PROFILES, for_output
from briefing.present.comparison_rows import adhoc, build
from briefing.present.comparison_table import KIND_COLUMNS, comparison_table

#: A made-up city's S&T report, with one comparison of every kind (see its comparisons.yaml).
PACK_DIR = Path(__file__).parent / "comparison_pack"


@pytest.fixture(scope="module")
def pack():
    return load_pack(PACK_DIR)


def table(pack, comparison_id: str, lang: str):
    return comparison_table(pack, build(pack, pack.comparison(comparison_id)), lang)


def cells(model, key: str) -> list[tuple[str, str]]:
    at = model.index(key)
    return [(row.cells[at].text, row.cells[at].mark) for row in model.rows]


# -- bounds ------------------------------------------------------------------------------------
def test_bounds_of_differences_and_shares():
    exact, floor = Bound.exact(2100), Bound(2100, INF)
    assert Bound.exact(2400).minus(floor).kind == "ceiling"  # at most 300 to go
    assert Bound(2400, INF).minus(exact).kind == "floor"  # at least 300 to go
    assert floor.minus(floor).kind == "unclear"
    assert Bound.exact(3.1, True).minus(Bound.exact(3.05, True)).mark == "≈"
    assert floor.over(Bound.exact(2400)).times(100).mark == "≥"
    assert Bound.exact(2100).over(Bound(2400, INF)).mark == "≤"
    assert floor.over(floor).kind == "unclear"
    # ranges and ceilings (issue 31) need no new arithmetic
    share = Bound(4.5, 5).minus(Bound(-INF, 5.5))
    assert share.kind == "floor" and share.value == pytest.approx(-1)
    assert Bound(4.5, 5).minus(Bound.exact(4)).kind == "range"
    assert Bound(4.5, 5).value is None and Bound(-INF, 5).value == 5


@pytest.mark.parametrize(("percent", "text"), [
    (67_000 / 4_070_000 * 100, "1.6%"), (410_000 / 3_880_000 * 100, "11%"), (99.6, "99.6%"),
    (0.04, "0.04%"), (45.3, "45%"), (9.96, "10%"), (100.0, "100%")])
def test_percentages_keep_the_precision_that_keeps_them_true(percent, text):
    assert percent_text(percent) == text
    assert math.isclose(float(text.rstrip("%")), percent, rel_tol=0.05)


# -- every kind, both languages ----------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_progress_rows(pack, lang):
    model = table(pack, "progress", lang)
    assert [c.key for c in model.columns] == list(KIND_COLUMNS["progress"])
    gap, reached = cells(model, "gap"), cells(model, "reached")
    pp, unclear = ("pp", "unclear") if lang == "en" else ("个百分点", "无法判断")
    assert gap[0] == ("≤300", "≤") and reached[0] == ("≥87.5%", "≥")  # a floor actual
    assert gap[1] == ("≥400", "≥") and reached[1] == ("≤88.9%", "≤")  # a floor target
    assert gap[2] == (f"≈0.05{' ' if lang == 'en' else ''}{pp}", "≈")  # two approximate %
    assert reached[2] == ("—", "")  # a share has a gap in points, not a share reached
    assert reached[3] == reached[4] == ("—", "")  # unlike pairs: no share reached
    assert gap[5] == reached[5] == (unclear, "unclear")  # two floors
    assert [r.marker for r in model.rows] == ["", "", "", "*", "*", ""]
    assert model.rows[0].figures == ("hntes-2024", "hntes-target-2025")
    assert model.rows[3].fraction is None and model.rows[0].fraction == pytest.approx(2100 / 2400)
    assert len(model.notes) == 2 and model.notes[0].startswith("* ")
    assert model.legend[0].startswith("≈") and model.legend[-1].startswith("≤/≥")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_peers_rows(pack, lang):
    model = table(pack, "talent", lang)
    relation = cells(model, "relation")
    if lang == "en":
        assert relation[1] == ("11% of All talent", "")
        assert relation[2] == ("≥1.3% of All talent", "≥")  # 超5.2万 of 388万: 1.34%
    else:
        assert relation[1] == ("为人才总量的11%", "")
        assert relation[2] == ("至少为人才总量的1.3%", "≥")
    assert relation[3] == ("—", "")  # no counterpart: no share
    assert model.rows[3].marker == "*" and model.rows[3].note
    assert model.notes == (f"* {model.texts('label')[3]}: {model.rows[3].note}",)
    assert model.rows[0].fraction == 1.0
    assert [c.key for c in for_output(model, "terminal").columns] == ["label", "bar", "value",
                                                                     "unit"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_timeline_rows(pack, lang):
    model = table(pack, "hntes-timeline", lang)
    assert [r.figures[0] for r in model.rows] == ["hntes-2023", "hntes-2024", "hntes-2025-06"]
    change = cells(model, "change")
    unclear = "unclear" if lang == "en" else "无法判断"
    assert change[0] == ("", "")
    assert change[1][1] == "≥" and change[1][0].startswith("≥+220")
    assert change[2] == (unclear, "unclear")
    assert len(model.legend) == 1 and "≤/≥" in model.legend[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ratio_rows(pack, lang):
    model = table(pack, "peer-ratio", lang)
    relative = cells(model, "relative")
    assert relative[0] == ("1×" if lang == "en" else "1倍", "")  # the baseline, exactly 1
    assert relative[1] == (("≈2.0×", "≈") if lang == "en" else ("约2.0倍", "≈"))
    relation = model.texts("relation")[1]
    assert relation == ("Linjiang ≈ 1/2 of Jiangzhou" if lang == "en" else "临江约为江州的1/2")
    assert model.rows[0].figures == () and model.baseline in ("Linjiang", "临江")
    header = for_output(model, "copy").columns[2].header
    assert header == ("vs Linjiang" if lang == "en" else "相对临江")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_ranking_rows(pack, lang):
    model = table(pack, "ranks", lang)
    assert model.texts("value") == ["No. 2" if lang == "en" else "第2"]
    assert model.texts("scope") == ["province" if lang == "en" else "全省"]
    assert model.rows[0].fraction is None and not model.legend


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_adhoc_comparisons(pack, lang):
    peers = comparison_table(pack, adhoc(pack, ["smes-2024", "hntes-2024"]), lang)
    assert peers.kind == "peers" and peers.texts("relation")[1].startswith(
        "≥" if lang == "en" else "至少")
    ranks = comparison_table(pack, adhoc(pack, ["hntes-rank-2024", "hntes-rank-2024"]), lang)
    assert ranks.kind == "ranking" and ranks.title


def test_every_output_profile_names_columns_of_its_kind():
    for output, kinds in PROFILES.items():
        for kind, spec in kinds.items():
            keys = [key for key, _word, _align in spec]
            assert set(keys) <= set(KIND_COLUMNS[kind]), (output, kind)
            assert keys[0] == "label"


def test_a_share_without_floors_says_why_it_has_no_share_reached(pack):
    shares = Comparison(id="shares", title=Text(zh="比重", en="Shares"), kind="progress",
                        entries=(ComparisonEntry(figure="rd-2024", target="rd-target-2025"),))
    for lang in ("en", "zh"):
        model = comparison_table(pack, build(pack, shares), lang)
        assert model.texts("reached") == ["—"]
        assert model.legend[0].startswith("≈") and model.legend[-1].startswith("—")


def test_a_ceiling_target_is_met_from_below(pack):
    """A hedge meaning "at most" (issue 31's 以内) plugs in through figure_bound alone."""
    within = Hedge(word="以内", meaning="at-most", en="within", after=True)
    limited = replace(pack, hedges=(within,), _nodes={}, _figures={})
    target = replace(pack.figure("rd-target-2025"), qualifier="以内", display="3.1%以内")
    limited = with_figure(limited, target)
    entry = ComparisonEntry(figure="rd-2024", target="rd-target-2025")
    view = build(limited, Comparison(id="c", title=Text(zh="上限", en="Ceiling"),
                                     kind="progress", entries=(entry,)))
    assert view.rows[0].target_bound.kind == "ceiling" and view.rows[0].progress_bound is None
    model = comparison_table(limited, view, "en")
    assert model.texts("gap") == ["met"] and model.texts("reached") == ["—"]
    assert any("ceiling" in line for line in model.legend)
    above = with_figure(limited, replace(pack.figure("rd-2024"), value=3.5, display="3.5%左右"))
    model = comparison_table(above, build(above, Comparison(
        id="c", title=Text(zh="上限", en="Ceiling"), kind="progress", entries=(entry,))), "en")
    assert model.texts("gap") == ["≈0.4 pp"]  # 0.4 points over the ceiling, to come down


def with_figure(pack, figure):
    def node(n):
        return replace(n, figures=tuple(figure if f.id == figure.id else f for f in n.figures),
                       children=tuple(node(c) for c in n.children))

    return replace(pack, sections=tuple(node(s) for s in pack.sections), _nodes={}, _figures={})
