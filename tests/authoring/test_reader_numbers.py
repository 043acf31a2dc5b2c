"""The document reader reads numbers as a careful analyst does (issue 31, point 2): every
example of the issue, each on a sentence written for the test."""

from __future__ import annotations

import pytest

from briefing.authoring.reader import read_figures
from briefing.figures.reading import read_number


def figures(text: str, **kw):
    return {f.display: f for f in read_figures(text, **kw).figures}


def the(text: str, display: str, **kw):
    found = figures(text, **kw)
    assert display in found, (display, list(found))
    return found[display]


@pytest.mark.parametrize(("text", "display", "value", "unit"), [
    ("全社会用电量450亿千瓦时。", "450亿千瓦时", 4.5e10, "kwh"),
    ("新增装机容量214万千瓦。", "214万千瓦", 2.14e6, "kw"),
    ("建成输电线路320千米。", "320千米", 320, "km"),
    ("人均蔬菜消费量86千克。", "86千克", 86, "kg"),
])
def test_units_with_qian_are_units_not_thousands(text, display, value, unit):
    found = the(text, display)
    assert found.value == pytest.approx(value) and found.unit.id == unit
    assert read_number(display).value == pytest.approx(value)  # the validator reads it alike


@pytest.mark.parametrize(("text", "display", "value", "hedge"), [
    ("全市经济总量超万亿元，稳居全省首位。", "万亿元", 1e12, "超"),
    ("全省经济总量突破万亿。", "万亿", 1e12, "突破"),
    ("中欧班列累计开行超万列，运输货物增长。", "万列", 1e4, "超"),
])
def test_wan_and_yi_without_digits_are_quantities(text, display, value, hedge):
    found = the(text, display)
    assert found.value == pytest.approx(value) and found.qualifier == hedge


def test_a_threshold_naming_a_class_is_not_a_quantity():
    reading = read_figures("营业收入超亿元企业128家，打造5个千亿级产业集群。")
    assert [f.display for f in reading.figures] == ["128家", "5个"]
    assert [(n.text, n.reason) for n in reading.not_figures] == [
        ("千亿", "a size class (as in 千亿级), not a measured size")]


def test_doubling_is_growth_of_100_percent():
    found = the("跨境电商进出口额翻一番，数字贸易额翻番。", "翻一番")
    assert (found.value, found.unit.id, found.kind) == (100, "percent", "growth")
    assert read_number("翻番", "percent").value == 100 and read_number("翻番", "times").value == 2


def test_half_and_nearly_half():
    found = the("民营经济贡献了全市近一半的税收。", "一半")
    assert (found.value, found.unit.id, found.qualifier, found.bound) == (50, "percent", "近",
                                                                          "below")
    assert read_number("近一半").value == 50  # the validator no longer reads it as 1


def test_double_digit_is_not_a_figure():
    reading = read_figures("集成电路产业保持两位数增长。")
    assert reading.figures == ()
    assert reading.not_figures[0].reason == "says only “double-digit” (两位数), not a value"


@pytest.mark.parametrize(("text", "display", "unit"), [
    ("改造老旧小区，惠及居民2006户。", "2006户", "households"),
    ("新增普惠性托位2000张。", "2000张", "childcare-places"),
    ("全市新建充电桩2025个。", "2025个", "charging-points"),
])
def test_a_four_digit_number_with_a_measure_word_is_not_a_year(text, display, unit):
    found = the(text, display)
    assert found.value == int(display[:4]) and found.unit.id == unit


def test_dates_are_dates_not_pieces():
    reading = read_figures("2026-02-02，市政府召开会议；2025年12月31日，全市完成投资3.5亿元；"
                            "1-2月，工业增加值增长6%。")
    assert [f.display for f in reading.figures] == ["3.5亿元", "6%"]
    assert reading.not_figures == () and reading.unreadable == ()


def test_thousands_separators_and_top_ranks_read_whole():
    found = figures("发放创业担保贷款1,250笔，增速居全省前三。")
    assert found["1,250笔"].value == 1250
    top = found["前三"]
    assert (top.value, top.unit.id, top.kind, top.qualifier, top.bound, top.scope) == (
        3, "rank", "rank", "前", "at-most", "province")


def test_an_ordinal_place_is_a_rank_not_people():
    found = the("人均地区生产总值居全国第4位。", "第4位")
    assert (found.value, found.unit.id, found.kind, found.scope) == (4, "rank", "rank",
                                                                     "national")


@pytest.mark.parametrize(("text", "unit"), [
    ("新能源汽车产量45.6万辆。", "vehicles"), ("发布新品32款。", "models"),
    ("工业机器人产量2.1万套。", "robots"), ("新增经营主体21.6万户。", "businesses"),
    ("建成高标准农田32万亩。", "mu"), ("粮食总产量28.5亿斤。", "jin"),
    ("新改建农村公路120公里。", "km"), ("改造棚户区35万平方米。", "square-metres"),
    ("新增装机214万千瓦。", "kw"), ("实际使用外资18.2亿美元。", "usd"),
    ("集装箱吞吐量520万标准箱。", "teu"), ("人均预期寿命达到82岁。", "years-of-age"),
    ("新增养老床位1.6万张。", "beds"), ("举办促消费活动300场。", "events"),
    ("推广新能源农机1200台。", "units"),
    ("项目平均审批时间压缩到28个工作日。", "working-days"),
    ("新建人才公寓1200套。", "apartments"), ("新增税收超亿元楼宇2幢。", "buildings"),
    ("创建美丽宜居示范村12个。", "villages"),
])
def test_measure_words_real_reports_use(text, unit):
    (found,) = read_figures(text).figures
    assert found.unit.id == unit, found.unit


def test_the_noun_decides_what_a_generic_measure_word_counts():
    found = figures("新认定国家重点实验室3家，新增高新技术企业120家，建成中小学15所。")
    assert found["3家"].unit.id == "laboratories"
    assert found["120家"].unit.id == "enterprises"
    assert found["15所"].unit.id == "schools"


def test_rates_keep_their_denominator():
    found = figures("全员劳动生产率58万元/人，PM2.5平均浓度29微克/立方米。")
    assert found["58万元/人"].value == 580000
    assert found["58万元/人"].unit.id == "yuan-per-person"
    assert found["58万元/人"].unit.zh == "元/人"
    assert found["29微克/立方米"].unit.id == "micrograms-per-cubic-metre"


@pytest.mark.parametrize("display", ["4.5%—5%", "5%-5.5%", "4.5-5%", "4.5%至5%"])
def test_a_range_is_one_figure_with_a_low_and_a_high(display):
    (found,) = read_figures(f"今年主要预期目标是：固定资产投资增长{display}。", year=2026).figures
    low, high = (4.5, 5) if display != "5%-5.5%" else (5, 5.5)
    assert (found.display, found.value, found.high, found.bound) == (display, low, high,
                                                                     "range")
    assert read_number(display).high == high  # the validator checks both ends


@pytest.mark.parametrize(("phrase", "hedge", "bound"), [
    ("城镇调查失业率控制在5.5%以内", "以内", "at-most"),
    ("PM2.5平均浓度控制在32微克/立方米以下", "以下", "at-most"),
    ("居民消费价格涨幅不超过2%", "不超过", "at-most"),
    ("PM2.5平均浓度不高于28微克/立方米", "不高于", "at-most"),
    ("城镇新增就业不少于28万人", "不少于", "at-least"),
    ("年度计划投资不低于2800亿元", "不低于", "at-least"),
    ("研发投入强度达到3.7%以上", "以上", "at-least"),
])
def test_ceilings_and_floors_are_bounds_of_their_own(phrase, hedge, bound):
    (found,) = read_figures(f"今年主要预期目标是：{phrase}。", year=2026).figures
    assert (found.qualifier, found.bound, found.kind) == (hedge, bound, "target")
    assert hedge in found.quote


def test_a_decline_is_negative_growth_and_a_level_reached_is_an_actual():
    found = figures("全省PM2.5平均浓度下降11.5%，重污染天数减少至3天，"
                    "高技术制造业占比提升至76.5%。")
    assert (found["下降11.5%"].value, found["下降11.5%"].kind) == (-11.5, "growth")
    assert read_number("下降11.5%").value == -11.5
    assert (found["3天"].value, found["3天"].kind) == (3, "actual")
    assert (found["76.5%"].value, found["76.5%"].kind) == (76.5, "actual")


def test_ju_is_a_rank_only_as_a_rank_verb():
    found = figures("城乡居民收入增长6.1%，居民消费价格上涨0.4%，出口规模居全国第4位，"
                    "区域创新能力位居全省首位。")
    assert found["6.1%"].kind == "growth" and found["0.4%"].kind == "growth"
    assert found["第4位"].kind == "rank"
    assert (found["首位"].value, found["首位"].kind) == (1, "rank")
    assert "首位" not in figures("要把科技创新摆在首位。")
