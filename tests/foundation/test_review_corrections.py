"""Corrections from the independent review (issue 10) that the content alone can carry."""

from __future__ import annotations

import pytest
from _pack_text import pack_english

from briefing.figures.reading import parse_display
from briefing.pack import bundled_pack_dir, load_pack

PACK = load_pack(bundled_pack_dir())
FIGURES = list(PACK.figures())


def _english() -> str:
    return pack_english(PACK)


@pytest.mark.parametrize("phrase", [
    "International Elite Entrepreneurship Week", "Technology Transfer Conference",
    "was the first in China", "in full", "domestic gap", "nearly four times",
    "a year on R&D", "enterprise visits", "biopharmaceutical", "led by leading enterprises",
    "national 'HJ'", "only about",
])
def test_english_drops_what_the_sources_do_not_say(phrase):
    assert phrase not in _english()


def test_english_uses_the_events_own_english_names_and_the_sections_own_title():
    feature = PACK.document("feature-2025").read()
    for name in ("Suzhou Entrepreneurship Week for International Elites",
                 "University Technology Transfer and Transformation Conference"):
        assert name in feature and name in _english()
    assert PACK.node("talent-services").title.en == "Talent Services and Technology Transfer"
    fig = PACK.figure("innoscience-gan-wafer-size")
    assert "8-inch" in fig.label.en and "8英寸" in fig.label.zh
    assert PACK.unit("enterprise-services").label.en == \
        "enterprise services (repeat services counted)"


def test_highest_in_the_city_is_a_rank_with_its_window_in_the_note():
    assert parse_display("全市最高") == 1
    fig = PACK.figure("zhangjiagang-hnte-application-cagr-rank-2024")
    assert (fig.kind, fig.unit, fig.value, fig.scope) == ("rank", "rank", 1, "city")
    assert "近三年" in fig.note.zh and "three years" in fig.note.en
    assert not [f for f in FIGURES if f.display == "近三年"]


def test_plan_items_are_targets_and_the_threshold_is_folded_into_its_count():
    for fid in ("talent-intel-systems-2025", "rd-empowerment-measures-2025"):
        assert PACK.figure(fid).kind == "target"
    assert not PACK.has_figure("firms-rd-over-1bn-threshold")
    fig = PACK.figure("firms-rd-over-1bn")
    assert "RMB 1 billion" in fig.label.en and "threshold" in fig.note.en and "门槛" in fig.note.zh


def test_comparison_notes_say_what_the_numbers_cannot():
    academicians = PACK.comparison("academicians-vs-shenzhen")
    assert "no Suzhou counterpart" in academicians.note.en and "全职" in academicians.note.zh
    rankings = PACK.comparison("rankings")
    for word in ("national", "provincial", "global", "Industrial Park", "cluster"):
        assert word in rankings.title.en
    assert "overlap" in PACK.comparison("talent-pool-2025").note.en
    progress = PACK.comparison("targets-2025-progress").note
    assert "floors" in progress.en and "percentage points" in progress.en
    assert "下限" in progress.zh and "百分点" in progress.zh


def test_the_source_view_hides_conversion_markers_but_the_seed_keeps_them():
    from briefing.model import strip_conversion_markers
    from briefing.present import panes

    doc = PACK.document("review-2024")
    assert "[bookmark: OLE_LINK1]" in doc.read()
    shown = panes.document_text(PACK, doc.id)
    assert "[bookmark:" not in shown
    assert strip_conversion_markers("a[bookmark: OLE_LINK4]b") == "ab"
    location = panes.locate_quote(panes.source_paragraphs(shown),
                                  "（一）实施科技企业领航行动，提升企业竞争力")
    assert location is not None and location.start == 0


def test_every_progress_row_carries_gap_like_for_like_and_lower_bound():
    from briefing.present.comparison_json import view_to_dict
    from briefing.present.comparison_rows import build

    progress = [c for c in PACK.comparisons if c.kind == "progress"]
    assert progress
    for comparison in progress:
        for row in view_to_dict(PACK, build(PACK, comparison))["rows"]:
            # null only where the source cannot say (two floors): never 0 for "unclear"
            assert isinstance(row["gap"], float) or row["gap_bound"] == "unclear"
            assert isinstance(row["like_for_like"], bool)
            assert isinstance(row["lower_bound"], bool)
    rows = {r["figure"]: r for r in
            view_to_dict(PACK, build(PACK, PACK.comparison("targets-2025-progress")))["rows"]}
    assert rows["rd-intensity-2024"]["gap"] == 0.05
    assert rows["rd-intensity-2024"]["gap_unit"] == "percentage-points"
    assert rows["hntes-2024"]["gap"] == 1600 and not rows["hntes-2024"]["lower_bound"]
    unlike = {fid for fid, r in rows.items() if not r["like_for_like"]}
    assert unlike == {"tech-transaction-2024", "tech-finance-firms-2024",
                      "sci-tech-projects-attracted-2024"}
    assert all(rows[fid]["row_note"] for fid in unlike)
    assert rows["tech-transaction-2024"]["lower_bound"]
    assert rows["sci-tech-projects-attracted-2024"]["lower_bound"]


def test_an_unlike_progress_row_must_say_how_it_differs(make_pack):
    from briefing.pack import PackInvalid

    def edit(files):
        files["comparisons.yaml"][0]["entries"][0]["like_for_like"] = False

    with pytest.raises(PackInvalid) as info:
        load_pack(make_pack(edit))
    assert any("not like for like needs a 'note'" in str(e) for e in info.value.errors)


def test_a_tier_is_a_tier_and_never_reads_as_a_rank_of_one():
    from briefing.figures.formatting import figure_value

    tiers = [f for f in FIGURES if "方阵" in f.display or "梯队" in f.display]
    assert tiers
    for fig in tiers:
        assert (fig.kind, fig.unit) == ("tier", "tier")
        assert figure_value(PACK, fig, "en") == "first tier"
        assert "No. 1" not in figure_value(PACK, fig, "en")
        assert not PACK.comparisons_for(fig.id)


def test_a_tier_worded_as_a_rank_is_refused(make_pack):
    from briefing.pack import PackInvalid

    def edit(files):
        files["sections/achievements.yaml"]["items"][0]["figures"].append(
            {"id": "tier", "label": {"zh": "梯队", "en": "Tier"}, "value": 1, "unit": "rank",
             "display": "全市第一方阵", "period": "2024", "kind": "rank",
             "source": {"doc": "review-2024", "quote": "姑苏领军人才立项数进入全市第一方阵"}})

    with pytest.raises(PackInvalid) as info:
        load_pack(make_pack(edit))
    assert any("words a group ('全市第一方阵'), not a place" in str(e) for e in info.value.errors)
