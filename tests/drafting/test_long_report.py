"""A provincial report of about 20,000 characters (generated from templates of my own, see
:mod:`_long_province_report`): the draft follows its headings, reads its headline figures
right (a range, floors, ceilings, the 十五五 list, the 2035 sentence), quotes each once, puts
each figure under its part, and its labels and ids name what is measured, not the
paragraph's point marker (一是, 1.)."""

from __future__ import annotations

import re

import pytest
from _draft_checks import check_nothing_lost, check_placement, check_quotes
from _long_province_report import ANSWERS, PREFECTURES, report

from briefing.authoring.draft.labels import clean, labels
from briefing.model import Text, Unit
from briefing.pack import load_pack


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    from briefing.authoring.draft.pack import draft_pack

    folder = tmp_path_factory.mktemp("long")
    path = folder / "province-report.txt"
    path.write_text(report(), encoding="utf-8")
    draft_pack([path], folder / "pack")
    return load_pack(folder / "pack")


def test_the_report_is_the_size_asked_for():
    assert 20_000 <= len(report()) < 21_000


def test_sections_are_the_reports_top_headings(pack):
    assert [s.title.zh for s in pack.sections] == [
        "引言", "2025年工作回顾", "2026年经济社会发展的总体要求和主要预期目标",
        "“十五五”时期的主要目标", "2026年重点工作", "全面加强政府自身建设", "结束语"]
    review = pack.sections[1]
    assert [c.title.zh for c in review.children][:2] == ["经济运行回升向好", "科技创新能力持续增强"]
    first = review.children[0].children[0]  # 一是…: an item of the part, its text verbatim
    assert first.text.zh.startswith("一是全省地区生产总值达到6.18万亿元")


@pytest.mark.parametrize(("words", "value", "high", "kind", "period", "hedge"), ANSWERS,
                         ids=[a[0] for a in ANSWERS])
def test_headline_figures_are_read_right(pack, words, value, high, kind, period, hedge):
    found = [f for f in pack.figures() if words in f.source.quote and f.display in words]
    assert len(found) == 1, [f.id for f in found]
    fig = found[0]
    assert fig.value == pytest.approx(value) and fig.high == high
    assert (fig.kind, fig.period, fig.qualifier) == (kind, period, hedge)


def test_quotes_are_unique_and_figures_sit_under_their_part(pack):
    check_quotes(pack)
    check_placement(pack)
    check_nothing_lost(pack, pack.documents[0].read(), 4)


def test_labels_and_ids_leave_the_point_markers_out(pack):
    marker = re.compile(r"^(?:[一二三四五六七八九十]+是|\d+\.)")
    assert not [f.label.zh for f in pack.figures() if marker.match(f.label.zh)]
    assert not [f.id for f in pack.figures() if re.match(r"(?:yi|er|san|si|wu)-", f.id)]
    ids = {f.display: f.id for f in pack.figures() if f.period == "2025"}
    assert (ids["6.18万亿元"], ids["下降1.5%"]) == ("gdp-2025", "private-investment-growth-2025")


@pytest.mark.parametrize(("words", "label"), [
    ("一是全省地区生产总值达到", "全省地区生产总值"),
    ("（二）规模以上工业增加值", "规模以上工业增加值"),
    ("3.新建改扩建中小学和幼儿园", "新建改扩建中小学和幼儿园"),
    ("第二，高新技术企业总数突破", "高新技术企业总数"),
    ("第二产业增加值", "第二产业增加值"),  # an ordinal of the name is no marker
    ("全市地区生产总值达到 增长", "全市地区生产总值增长"),  # a change borrows its subject
    ("制造业投资增长 民间投资", "民间投资"),  # a subject of its own does not
    ("新增5G基站 累计建成", "新增5G基站累计建成"),  # words that go on with the one before
    ("城乡居民基本养老保险参保率 新增床位", "新增床位"),
    ("我们新建社区嵌入式养老服务中心", "新建社区嵌入式养老服务中心"),
])
def test_a_label_is_what_is_measured(words, label):
    assert clean(words) == label


def test_a_hedge_against_its_number_is_in_the_display(pack):
    """Chinese output shows the display: "5.5%以内" must not read as an exact 5.5%."""
    hedged = [f for f in pack.figures() if f.qualifier in ("左右", "以上", "以内", "不少于",
                                                            "不低于", "不超过", "突破")]
    assert len(hedged) > 20
    assert not [f.id for f in hedged if f.qualifier not in f.display]
    assert not [f.id for f in pack.figures() if f.display not in f.source.quote]


def test_a_rate_keeps_its_denominator_in_every_language(pack, briefing):
    unit = pack.unit("micrograms-per-cubic-metre")
    assert (unit.label.zh, unit.measure_words) == ("微克/立方米", ("微克/立方米",))
    listed = Unit(id="projects", label=Text(zh="个/项", en="projects"))
    assert listed.measure_words == ("个", "项")  # measure words, the first the one written
    zh = briefing("--content", str(pack.root), "--lang", "zh", "figures").output
    row = next(line for line in zh.splitlines() if "细颗粒物" in line and "2026" in line)
    assert "不超过30" in row and "微克/立方米" in row


def test_a_number_before_what_it_counts_is_labelled_by_the_words_after(drafted, tmp_path):
    doc = tmp_path / "district.txt"
    doc.write_text("临江区政府工作报告\n一、2025年工作回顾\n新建社区养老服务中心8个，"
                   "为3200户困难家庭开展适老化改造，项目平均审批时间压缩到28个工作日。\n",
                   encoding="utf-8")
    figures = {f.display: f for f in load_pack(drafted(doc)).figures()}
    homes = figures["3200户"]
    assert homes.label.zh == "困难家庭开展适老化改造"
    assert homes.id == "kunnan-jiating-kaizhan-2025"  # not "2025", an id of its year alone
    assert figures["28个工作日"].unit == "working-days"


def test_a_prefectures_figures_are_labelled_with_its_name(pack):
    """A paragraph a prefecture: only its first figure's words named the place, so twelve
    figures were labelled 规模以上工业增加值增长 and told apart by -2, -3 in their ids."""
    lines = report().splitlines()
    for name in PREFECTURES:
        (paragraph,) = [line for line in lines if f"{name}地区生产总值达到" in line]
        own = [f for f in pack.figures() if f.source.quote in paragraph]
        assert len(own) >= 5, name
        assert all(f.label.zh.startswith(name) for f in own), [f.label.zh for f in own]
    industry = [f.label.zh for f in pack.figures() if f.label.zh.endswith("规模以上工业增加值增长")
                and f.label.zh.startswith(PREFECTURES)]
    assert len(industry) == len(set(industry)) == len(PREFECTURES)


@pytest.mark.parametrize(("raw", "expected"), [
    (["地区生产总值达到", "规模以上工业增加值增长"], ["地区生产总值", "规模以上工业增加值增长"]),
    (["全市地区生产总值达到", "城镇新增就业"], ["全市地区生产总值", "城镇新增就业"]),
    (["云州工业园区营业收入达到", "新增企业"], ["云州工业园区营业收入", "云州新增企业"]),
    (["社区养老服务设施覆盖率达到", "新增床位"], ["社区养老服务设施覆盖率", "新增床位"]),
    (["设区市空气质量优良天数比率达到", "细颗粒物平均浓度下降到"],
     ["设区市空气质量优良天数比率", "细颗粒物平均浓度下降到"]),
])
def test_a_place_opening_a_sentence_names_its_figures(raw, expected):
    """城市, 地区, 社区, 全市 and 设区市 are words, not places."""
    assert labels(raw, [0] * len(raw)) == expected
