"""Content corrections from the bilingual review of issue 29: what a figure's label, kind and
note claim must be what its source sentence says, in both languages."""

from __future__ import annotations

import pytest
from _pack_text import pack_english

from briefing.figures.formatting import kind_label, value_parts
from briefing.pack import bundled_pack_dir, load_pack

PACK = load_pack(bundled_pack_dir())
FIGURES = list(PACK.figures())


def _reads(fid: str, lang: str) -> str:
    """A figure's label and value as a table row puts them side by side."""
    fig = PACK.figure(fid)
    number, unit = value_parts(PACK, fig, lang)
    return f"{fig.label.get(lang)} | {kind_label(fig.kind, lang)} | {number}{unit}"


def test_doubled_reads_as_twice_the_previous_year_never_as_an_increase_of_two_times():
    fig = PACK.figure("xiangcheng-tech-contracts-growth-2024")
    assert (fig.value, fig.unit, fig.display) == (2, "times", "翻番")
    zh, en = _reads(fig.id, "zh"), _reads(fig.id, "en")
    assert "增长" not in zh and "倍数" in zh, zh  # "增长 2倍" would be tripled
    assert "multiple of the previous year" in en, en
    assert "100%" in fig.note.en and "200%" in fig.note.en and "增长100%" in fig.note.zh


TRANSFER_TOTALS = ("joint-university-enterprise-projects-2025-07",
                   "joint-university-enterprise-investment-2025-07",
                   "university-patents-transferred-2025-07", "university-incubated-firms-2025-07",
                   "university-incubated-firms-capital-2025-07")


def test_technology_transfer_totals_carry_their_window_in_both_languages():
    for fid in TRANSFER_TOTALS:
        fig = PACK.figure(fid)
        assert "区域技术转移转化中心建设以来" in fig.label.zh, fid
        assert "since the regional transfer centre was set up" in fig.label.en, fid
        assert fig.source.quote.startswith("区域技术转移转化中心建设以来"), fid


def test_the_award_counts_say_they_are_the_citys_own_awards():
    for fid in ("national-st-award-projects-2023", "jiangsu-st-award-projects-2023"):
        fig = PACK.figure(fid)
        assert fig.label.zh.startswith("苏州") and fig.label.en.startswith("Suzhou's"), fid
        assert fig.scope == "city", fid  # 'national' / 'province' read as the whole country's


def test_a_time_window_is_the_window_of_its_counts_never_a_quantity_of_its_own():
    assert not [f for f in FIGURES if f.display in ("10余年来", "近5年")]
    assert not PACK.has_figure("elite-week-years-2025-07")
    for fid in ("elite-week-talents-2025-07", "elite-week-projects-2025-07"):
        fig = PACK.figure(fid)
        assert "10余年来" in fig.label.zh and "over the past 10-plus years" in fig.label.en
        assert "2009" in fig.note.zh and "2009" in fig.note.en  # the Week is older than that
    subsidies = PACK.figure("returnee-park-subsidies-5y-2025-07")
    assert "近5年" in subsidies.label.zh and "past 5 years" in subsidies.label.en
    assert "最近" in subsidies.note.zh and "not 'nearly'" in subsidies.note.en


def test_the_windows_are_ignored_by_coverage_with_their_reason():
    from briefing.authoring.coverage import read_ignores, uncovered

    ignores, errors = read_ignores(PACK, "coverage-ignore.yaml")
    assert not errors and not uncovered(PACK, ignores)
    reasons = {(i.doc, i.near): i.reason for i in ignores}
    assert "window" in reasons[("feature-2025", "10余年来，国际精英创业周已吸引4万余名")]
    assert "window" in reasons[("feature-2025", "近5年市县两级共发放留创园工作奖励补贴1095万元")]


def test_the_two_named_firms_are_firms_that_grew_up_in_the_city_not_products_of_the_week():
    node = PACK.node("talent-entrepreneurship-week")
    assert "these firms" not in node.text.en and "track record" not in node.title.en
    for lang, week in (("zh", "创业周"), ("en", "Week")):
        paragraphs = node.text.get(lang).split("\n\n")
        naming = [p for p in paragraphs if "长光华芯" in p]
        assert len(paragraphs) == 2 and len(naming) == 1, lang
        said = naming[0].replace("[editor's note: the feature does not say whether either "
                                 "firm took part in the Week]", "")
        assert week not in said, (lang, naming[0])


def test_gui_shang_is_above_designated_size_never_large_firms():
    assert "large industrial" not in pack_english(PACK).lower()
    assert "larger industrial" not in pack_english(PACK).lower()
    progress = PACK.comparison("targets-2025-progress")
    entry = next(e for e in progress.entries if e.figure == "rd-institution-coverage-2024")
    assert "above designated size" in entry.label.en
    assert "above designated size" in PACK.comparison("rd-institution-coverage-timeline").title.en


def test_the_rankings_note_claims_no_grouping_and_hedges_what_the_source_does_not_name():
    note = PACK.comparison("rankings").note
    assert "Grouped" not in note.en and "分组" not in note.zh  # the table is not grouped
    assert "not comparable" in note.en and "不可直接比较" in note.zh
    at = note.en.index("Industrial Park")
    assert "does not name" in note.en and "presumably" in note.en[at:], note.en
    assert "未写明" in note.zh and "推测" in note.zh
    held = PACK.figure("national-hitech-zones-rank-held-2024").note
    assert "presumably" in held.en and "推测" in held.zh


def test_no_number_is_both_a_figure_and_ignored_as_not_one():
    from briefing.authoring.coverage import covered_spans, read_ignores

    ignores, errors = read_ignores(PACK, "coverage-ignore.yaml")
    assert not errors
    for doc in PACK.documents:
        text = doc.read()
        spans = covered_spans(PACK, doc.id, text)
        for rule in (r for r in ignores if r.doc == doc.id):
            scope = rule.near or rule.number
            at = text.find(scope)
            while at >= 0:
                start = at + scope.index(rule.number)
                end = start + len(rule.number)
                clash = [s for s in spans if s[0] < end and start < s[1]]
                assert not clash, (rule.number, rule.reason, text[start - 10:end + 10])
                at = text.find(scope, at + 1)
    edition = PACK.figure("sci-tech-conference-edition-2025")
    assert edition.display == "第二届" and edition.kind == "actual"


def test_a_breakthrough_from_zero_is_a_floor_of_one_in_every_output():
    from briefing.figures.formatting import figure_value
    from briefing.figures.vocabulary import hedge_of

    fig = PACK.figure("lead-national-key-lab-first-2024")
    assert (fig.value, fig.display, fig.qualifier) == (1, "零的突破", "零的突破")
    assert hedge_of(fig.qualifier, PACK).meaning == "at-least"
    assert figure_value(PACK, fig, "en") == "at least 1 institution"
    assert "First" not in fig.label.en and "首个" not in fig.label.zh  # a count, not "the first"
    assert "at least one" in fig.note.en and "至少1家" in fig.note.zh


def test_the_one_plus_eight_count_is_taken_from_the_systems_name():
    fig = PACK.figure("talent-friendly-city-policy-system-2025")
    assert (fig.value, fig.kind) == (9, "nominal")
    assert kind_label(fig.kind, "en") == "nominal (from the name)"
    assert "from its name" in fig.label.en and "取自名称" in fig.label.zh
    assert "does not list" in fig.note.en and "未列出" in fig.note.zh


PLAN_STRUCTURE = ("plan-main-lines-2025", "plan-major-actions-2025",
                  "rd-empowerment-measures-2025", "talent-intel-systems-2025")


def test_counts_of_the_plans_own_structure_share_one_kind_and_say_what_they_are():
    kinds = {PACK.figure(fid).kind for fid in PLAN_STRUCTURE}
    assert kinds == {"target"}, kinds
    for fid in PLAN_STRUCTURE:
        fig = PACK.figure(fid)
        assert fig.period == "2025" and "2025 plan" in fig.label.en and "2025年计划" in fig.label.zh
        assert "own structure" in fig.note.en and "自身结构" in fig.note.zh, fid


def test_counts_as_at_the_speech_are_all_dated_to_the_speech():
    """目前 (currently) and 至今 (to date) in the early-2025 speech mean the same moment."""
    speech = [f for f in FIGURES if f.source.doc == "review-2024"
              and ("目前" in f.source.quote or "至今" in f.source.quote)]
    speech += [PACK.figure(fid) for fid in ("cobuilt-platforms-investment-estimate",
                                            "academicians-shenzhen-foreign")]
    assert len(speech) >= 5
    for fig in speech:
        assert fig.period == "2025", fig.id
        assert "early-2025 speech" in fig.note.en and "2025年初讲话" in fig.note.zh, fig.id
        assert not fig.id.endswith("-2024"), fig.id


@pytest.mark.parametrize("phrase", ["flagship", "local branches", "innovation talent programme",
                                    "projects attracted (2025"])
def test_editorial_additions_are_gone(phrase):
    assert phrase not in pack_english(PACK)


def test_what_one_zone_two_centres_stands_for_is_marked_as_the_editors():
    text = PACK.node("plan-platforms-major").text.en
    named = text.index("pilot zone")
    opened = text.rfind("[editor's note:", 0, named)
    assert opened > text.index("one zone, two centres") and "]" not in text[opened:named]
    assert "presumably" in text[opened:named]
    for fid in ("sc-talents-target-2025", "sci-tech-projects-target-2025"):
        assert "2025 target" in PACK.figure(fid).label.en


def test_the_progress_note_reads_unlike_rows_as_side_by_side_and_an_approximate_gap_as_such():
    comparison = PACK.comparison("targets-2025-progress")
    note = comparison.note
    unlike = [e for e in comparison.entries if e.like_for_like is False]
    assert {e.figure for e in unlike} == {"tech-transaction-2024", "tech-finance-firms-2024",
                                          "sci-tech-projects-attracted-2024"}
    for entry in unlike:  # each says how the pair differs and why the row is kept
        assert "not as progress" in entry.note.en and "不作完成度" in entry.note.zh
    assert "not like-for-like" in note.en and "side by side" in note.en
    assert "口径不同" in note.zh and "并列" in note.zh
    assert "at least the figure shown" not in note.en  # those rows have no percentage to bound
    assert "0.05" in note.en and "approximate" in note.en[note.en.index("0.05") - 200:]
    assert "0.05" in note.zh and "近似" in note.zh
