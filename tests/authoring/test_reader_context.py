"""Kind and period from context, non-figures with reasons, and unique quotes (issue 31,
points 3 and 4), on passages written for the tests in the style of a work report."""

from __future__ import annotations

import pytest

from briefing.authoring.reader import Block, read_figures
from briefing.authoring.reader import quotes as quoting
from briefing.authoring.reader.structure import blocks_of

REPORT = (
    "政府工作报告\n"
    "——2026年1月20日在江城市第十七届人民代表大会第五次会议上\n"
    "一、2025年工作回顾\n"
    "全市地区生产总值增长5.6%，城镇调查失业率5.1%。五年来，地区生产总值比2020年增加4200亿元，"
    "研发投入强度从2020年的3.1%提升至3.65%。\n"
    "二、“十五五”时期主要目标\n"
    "到2035年，人均地区生产总值迈上3万美元台阶。\n"
    "“十五五”时期的主要目标是：地区生产总值年均增长5%左右，城镇调查失业率控制在5.5%以内。\n"
    "三、2026年工作安排\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长5%左右；城镇调查失业率控制在5.5%以内；"
    "城镇新增就业不少于28万人。\n"
    "（一）扩大有效需求。实施重大项目400个。\n"
)


@pytest.fixture(scope="module")
def reading():
    return read_figures(REPORT)


def by_quote(reading, words: str):
    found = [f for f in reading.figures if words in f.quote]
    assert len(found) == 1, [(f.display, f.quote) for f in reading.figures]
    return found[0]


def test_the_report_year_is_the_latest_of_its_opening_and_headings(reading):
    assert reading.year == 2026


def test_a_review_heading_makes_actuals_of_its_year(reading):
    growth = by_quote(reading, "增长5.6%")
    assert (growth.kind, growth.period) == ("growth", "2025")
    assert (by_quote(reading, "失业率5.1%").kind, by_quote(reading, "失业率5.1%").period) == (
        "actual", "2025")


def test_a_baseline_is_not_the_period(reading):
    increase = by_quote(reading, "4200亿元")
    assert (increase.kind, increase.period) == ("growth", "2025")  # 比2020年: compared with
    base, level = (f for f in reading.figures if "3.65%" in f.quote)
    assert (base.display, base.period, base.kind) == ("3.1%", "2020", "actual")  # 从2020年的
    assert (level.display, level.period, level.kind) == ("3.65%", "2025", "actual")  # 提升至


def test_2035_governs_only_its_own_sentence(reading):
    horizon = by_quote(reading, "3万美元")
    assert (horizon.kind, horizon.period) == ("target", "2035")
    plan = [f for f in reading.figures if "年均增长5%左右" in f.quote and f.display == "5%"]
    assert [(f.kind, f.period) for f in plan] == [("target", "2030")]


def test_five_year_goals_are_targets_for_the_plans_last_year(reading):
    ceiling = [f for f in reading.figures if f.display == "5.5%" and f.period == "2030"]
    assert len(ceiling) == 1 and ceiling[0].kind == "target" and ceiling[0].bound == "at-most"


def test_this_years_goals_are_targets_of_this_year(reading):
    annual = [f for f in reading.figures if f.period == "2026"]
    assert [(f.display, f.kind, f.qualifier) for f in annual] == [
        ("5%", "target", "左右"), ("5.5%", "target", "以内"), ("28万人", "target", "不少于"),
        ("400个", "target", None)]


def test_a_quote_that_occurs_twice_is_widened_until_it_is_unique(reading):
    twice = [f for f in reading.figures if f.display == "5.5%"]
    assert len(twice) == 2
    for found in twice:
        assert found.unique and REPORT.count(found.quote) == 1
        assert found.quote.endswith("城镇调查失业率控制在5.5%以内")
        assert REPORT[found.quote_start:found.quote_start + len(found.quote)] == found.quote


def test_non_figures_are_left_out_with_their_reasons(reading):
    reasons = {(n.text, n.reason) for n in reading.not_figures}
    assert reasons == {
        ("第十七届", "the ordinal of a congress or its session, part of its name"),
        ("第五次", "the ordinal of a congress or its session, part of its name"),
        ("五年", "the span of years the text reviews or plans, not a measured value"),
        ("十五五", "the name of a five-year plan, not a quantity"),
    }
    for item in reading.not_figures:  # every one can be found again, for the ignore list
        assert item.text in item.near and item.near in REPORT


@pytest.mark.parametrize(("text", "number", "reason"), [
    ("加快建设国际科创中心、先进制造中心“四个中心”。", "四个", "a slogan, not a count"),
    ("地铁22号线建成通车。", "22", "the number of a metro or bus line (a name)"),
    ("12345热线接通率达到99%。", "12345", "a hotline or service number (a name), not a quantity"),
    ("数字政府2.0全面上线。", "2.0", "a version number (as in 2.0, 7.0版), not a quantity"),
    ("出台营商环境7.0版措施。", "7.0", "a version number (as in 2.0, 7.0版), not a quantity"),
    ("举办建市80周年系列活动。", "80", "an anniversary in an event's name, not a measured value"),
    ("发展第三代半导体。", "第三",
     "an ordinal in a name or phrase (a generation, a batch, a part), not a rank"),
    ("实施科技企业培育三年行动计划。", "三年", "the span in a plan's name (as in 三年行动计划), "
                                           "not a quantity"),
    ("建设一批重大项目。", "一批", "the article “a” (as in 一批, 一件事), not a count"),
    ("围绕“1+6+N”产业体系。", "1+6+N", "the name of a policy system (as in “1+6+N”), not a count"),
    ("围绕“1030产业”体系布局。", "1030", "a number in a name (as in “1030产业”), not a quantity"),
    ("严格落实中央八项规定精神。", "八项", "a slogan, not a count"),
    ("全面消除劣五类水体。", "五类",
     "a quality class (as in 劣五类, Ⅲ类水), a name, not a quantity"),
])
def test_names_and_phrases_are_not_figures(text, number, reason):
    reading = read_figures(text)
    assert [(n.text, n.reason) for n in reading.not_figures] == [(number, reason)]
    assert all(number not in f.display for f in reading.figures)


WINDOW = "the window a change or total is counted over (五年累计, 近5年, 三年来), not a quantity"


@pytest.mark.parametrize(("text", "window", "value"), [
    ("单位地区生产总值能耗五年累计下降18%。", "五年", "下降18%"),
    ("近5年研发投入年均增长12.5%。", "5年", "12.5%"),
    ("三年来累计培育专精特新企业420家。", "三年", "420家"),
])
def test_the_window_of_a_change_is_not_a_figure_but_the_change_is(text, window, value):
    """五年累计下降18% drafted a "五年" figure beside the 18% (issue 31's non-figures)."""
    reading = read_figures(text)
    assert [(n.text, n.reason) for n in reading.not_figures] == [(window, WINDOW)]
    assert [f.display for f in reading.figures] == [value]


def test_structure_given_by_the_caller_is_used():
    text = "展望\n力争高新技术企业突破1500家。\n"
    blocks = [Block(0, 2, heading=True, level=1), Block(3, len(text) - 1)]
    (found,) = read_figures(text, blocks, year=2026).figures
    assert (found.kind, found.period) == ("target", "2026")
    assert [b.heading for b in blocks_of("一、回顾\n正文。\n")] == [True, False]


def test_a_heading_about_this_years_work_sets_goals():
    text = ("2026年政府工作报告\n三、扎实做好今年工作\n"
            "（一）稳住工业基本盘。新增规上工业企业100家。\n")
    (found,) = read_figures(text).figures
    assert (found.kind, found.period) == ("target", "2026")


def test_an_undated_document_takes_its_date():
    (found,) = read_figures("全市人才总量达407万人。", date="2025-07").figures
    assert found.period == "2025-07" and found.kind == "actual"


def test_quotes_stay_short_without_punctuation():
    text = "增长" + "甲" * 5000 + "12家" + "乙" * 5000
    (found,) = read_figures(text).figures
    assert len(found.quote) <= 2 * quoting.SIDE + len("12家")


def test_the_hashing_answer_agrees_with_searching(monkeypatch):
    """Long documents find unique quotes by rolling hashes: same answers as str.find."""
    text = REPORT * 3 + REPORT.replace("5.6%", "5.7%")
    spans = [(f.quote_start, f.quote_start + len(f.quote)) for f in read_figures(text).figures]
    searched = quoting.once(text, spans)
    monkeypatch.setattr(quoting, "_SEARCH_BUDGET", 0)
    assert quoting.once(text, spans) == searched
    assert any(searched) and not all(searched)
