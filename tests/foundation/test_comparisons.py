from __future__ import annotations

import pytest

from briefing.pack import bundled_pack_dir, load_pack
from briefing.present.comparison_rows import (
    IncomparableFigures,
    adhoc,
    bar,
    build,
    progress_percent,
)

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


def test_progress_reads_shares_as_pp_gaps_and_two_floors_as_unclear(bundled):
    """4.15% against 4.2% is 0.05 pp to go, not "98.8% reached"; "over 10,000" against
    "over 10,000" does not say the target is met."""
    from briefing.present.comparison_cells import gap_text, reached_text

    def progress_reading(pack, row, lang):
        return gap_text(pack, row, lang), reached_text(row, lang)

    pack = bundled
    view = build(pack, next(c for c in pack.comparisons if c.kind == "progress"))
    rows = [r for r in view.rows if r.figure and r.target]
    shares = [r for r in rows if r.figure.unit == "percent"]
    assert shares
    for row in shares:
        gap, reached = progress_reading(pack, row, "en")
        assert row.progress is None and reached == "—"
        assert gap.endswith(" pp") or gap == "met"
        assert "个百分点" in progress_reading(pack, row, "zh")[0] or \
            progress_reading(pack, row, "zh")[0] == "已达到"
    floors = [r for r in rows if r.figure.qualifier and r.target.qualifier
              and r.figure.display.startswith("超") and r.target.display.startswith("超")]
    for row in floors:
        assert progress_reading(pack, row, "en") == ("unclear", "unclear")
        assert "100%" not in reached_text(row, "en")
    counts = [r for r in rows if r.figure.unit != "percent" and r not in floors]
    assert any(progress_reading(pack, r, "en")[1].endswith("%") for r in counts)
