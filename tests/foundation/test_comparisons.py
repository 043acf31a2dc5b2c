from __future__ import annotations

import pytest

from briefing.comparisons import IncomparableFigures, adhoc, bar, build, progress_percent
from briefing.pack import bundled_pack_dir, load_pack

PACK = load_pack(bundled_pack_dir())


def test_bar_has_eighth_cell_precision_and_clamps():
    assert bar(1.0, 10) == "█" * 10
    assert bar(0.5, 10) == "█" * 5
    assert bar(0.0625, 2) == "▏"
    assert bar(2.0, 4) == "████"
    assert bar(None, 10) == ""
    assert bar(0.001, 10) == "▏", "a non-zero value is never invisible"


def test_progress_is_actual_over_target():
    view = build(PACK, PACK.comparison("targets-2025-progress"))
    row = next(r for r in view.rows if r.figure and r.figure.id == "hntes-2024")
    assert row.progress == pytest.approx(17400 / 19000 * 100)
    assert row.fraction == pytest.approx(17400 / 19000)
    reached = progress_percent(PACK.figure("rd-intensity-2024"),
                               PACK.figure("rd-intensity-target-2025"))
    assert reached == pytest.approx(4.15 / 4.2 * 100)


def test_ratio_comparison_is_relative_to_its_baseline():
    view = build(PACK, PACK.comparison("rd-input-vs-peers"))
    assert [r.label.en for r in view.rows] == ["Suzhou", "Shenzhen", "Beijing"]
    assert [round(r.relative, 6) for r in view.rows] == [1.0, 2.0, 3.0]
    assert view.rows[-1].fraction == pytest.approx(1.0)
    assert view.rows[0].fraction == pytest.approx(1 / 3)


def test_peers_scale_to_the_largest_value():
    view = build(PACK, PACK.comparison("academicians-vs-shenzhen"))
    assert [r.value for r in view.rows] == [13, 49, 49]
    assert view.rows[0].fraction == pytest.approx(13 / 49)


def test_rankings_are_ordered_best_first():
    view = build(PACK, PACK.comparison("rankings"))
    ranks = [r.value for r in view.rows]
    assert ranks == sorted(ranks) and ranks[0] == 1
    assert all(r.fraction is None for r in view.rows)


def test_timeline_is_ordered_by_period_with_deltas():
    view = build(PACK, PACK.comparison("rd-institution-coverage-timeline"))
    assert [r.figure.period for r in view.rows] == ["2024", "2025-07", "2025"]
    assert view.rows[0].delta is None
    assert view.rows[1].delta == pytest.approx(84 - 80.6)


def test_adhoc_compares_same_units_and_refuses_mixed_ones():
    view = adhoc(PACK, ["hntes-2024", "tech-smes-2024"])
    assert [r.value for r in view.rows] == [17400, 24300]
    with pytest.raises(IncomparableFigures, match="different units"):
        adhoc(PACK, ["hntes-2024", "rd-intensity-2024"])
    with pytest.raises(IncomparableFigures, match="at least two"):
        adhoc(PACK, ["hntes-2024"])
