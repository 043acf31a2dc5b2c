"""Drafts follow their documents' headings: the outline of each test document as a reader
sees it (answer keys written by hand from the documents), every part's text verbatim, every
figure under the part its sentence is in, nothing lost, the bundled seeds alike."""

from __future__ import annotations

import pytest
import yaml
from _draft_checks import check_nothing_lost, check_placement, check_quotes
from _drafting import DOCUMENTS, REPORTS, SEEDS

from briefing.authoring.draft.build import DEFINITION_REASON
from briefing.pack import load_pack

#: Each test document's outline (two spaces a level) and how many lines open it (its title,
#: date and speaker lines, the salutation): the reader's own view of the report.
KEYS = {
    "city-work-report-2026.txt": (4, """\
引言
2025年工作回顾
  科技创新引领作用持续增强
  产业结构加快优化
  城乡建设和生态环境持续改善
  民生保障扎实有力
  五年来，全市地区生产总值年均增长5.9%
  同时，我们也清醒地看到
“十五五”时期的主要目标
  经济实力迈上新台阶
  创新能力实现新跃升
  民生福祉达到新水平
2026年工作安排
  加快建设现代化产业体系
    培育壮大先进制造业集群
    加快发展数字经济
    促进服务业提质扩容
  深入实施创新驱动发展战略
    强化企业创新主体地位
    建设高能级创新平台
    加快科技成果转化
  持续保障和改善民生
结束语
附件：名词解释
  地区生产总值
  普惠托位"""),
    "province-work-report-2026.txt": (3, """\
引言
2025年工作回顾
  创新动能加快集聚
  开放合作持续深化
  民生保障扎实有力
2026年经济社会发展总体要求和主要目标
2026年重点工作
  大力推进科技创新
  全力扩大国内需求
  深化改革扩大开放
  持续增进民生福祉
结束语"""),
    "st-bureau-review-2025.txt": (1, """\
2025年工作总结
  强化企业创新主体地位
  提升创新平台能级
  加快科技成果转化
  优化科技人才生态
  同时也要看到
2026年工作思路
  实施企业创新能力提升行动，壮大创新主体
    梯次培育科技企业
    支持企业建设研发机构
    推动设立企业创新联合体10个
  实施创新平台建设行动，夯实创新基础
    争创全国重点实验室1家
    新建省级新型研发机构5家
  实施科技金融赋能行动，优化创新生态
    扩大科技信贷规模
    设立天使投资基金2只"""),
    "fifteen-five-plan-outline.txt": (3, """\
发展基础和发展环境
“十五五”时期发展目标
  经济发展
  创新驱动
  民生福祉
  绿色发展
重点任务
  建设现代化产业体系
  建设高水平创新型城市
名词解释"""),
}


def outline_of(pack) -> str:
    return "\n".join("  " * node.depth + node.title.zh for node in pack.nodes())


def test_every_test_document_has_a_key():
    assert sorted(KEYS) == [path.name for path in REPORTS]


@pytest.mark.parametrize("name", sorted(KEYS))
def test_sections_and_items_follow_the_headings(drafted, name):
    pack = load_pack(drafted(DOCUMENTS / name))
    assert outline_of(pack) == KEYS[name][1]


@pytest.mark.parametrize("path", REPORTS + SEEDS, ids=lambda p: p.name)
def test_quotes_are_verbatim_and_unique_and_figures_sit_where_their_sentence_is(drafted, path):
    pack = load_pack(drafted(path))
    assert sum(1 for _ in pack.figures()) > 10
    check_quotes(pack)
    check_placement(pack)


@pytest.mark.parametrize("name", sorted(KEYS))
def test_no_paragraph_is_lost(drafted, name):
    pack = load_pack(drafted(DOCUMENTS / name))
    check_nothing_lost(pack, (DOCUMENTS / name).read_text(encoding="utf-8"), KEYS[name][0])


def test_a_heading_that_opens_its_paragraph_is_that_paragraph(drafted):
    """"（一）科技创新引领作用持续增强。全社会…": the item's text is the whole line; a heading
    alone on its line holds the paragraph after it, and the points it lists are its items."""
    pack = load_pack(drafted(DOCUMENTS / "city-work-report-2026.txt"))
    lines = (DOCUMENTS / "city-work-report-2026.txt").read_text(encoding="utf-8").splitlines()
    by_title = {node.title.zh: node for node in pack.nodes()}
    opening = by_title["科技创新引领作用持续增强"]
    assert opening.text.zh == next(line for line in lines if line.startswith("（一）科技创新"))
    assert opening.source.quote == "（一）科技创新引领作用持续增强"
    whole = by_title["加快建设现代化产业体系"]
    assert whole.text.zh == "坚持把发展经济的着力点放在实体经济上，推动传统产业提质升级。"
    assert [child.text.zh for child in whole.children] == [
        "一是培育壮大先进制造业集群，新增规上工业企业300家以上；",
        "二是加快发展数字经济，数字经济核心产业增加值增长10%；",
        "三是促进服务业提质扩容，新增国家级服务业标准化试点3个。"]
    figure = next(whole.children[0].all_figures())
    assert figure.display.startswith("300")


def test_the_front_gives_the_document_its_title_date_and_publisher(drafted):
    pack = load_pack(drafted(DOCUMENTS / "city-work-report-2026.txt"))
    document = pack.documents[0]
    assert (document.title.zh, document.date, document.publisher.zh) == (
        "政府工作报告", "2026-01-18", "临川市人民政府")
    plan = load_pack(drafted(DOCUMENTS / "fifteen-five-plan-outline.txt", name="plan"))
    assert (plan.documents[0].date, plan.documents[0].publisher.zh) == (
        "2026-02", "岚江市发展和改革委员会")
    province = load_pack(drafted(DOCUMENTS / "province-work-report-2026.txt", name="prov"))
    assert province.documents[0].publisher.zh == "东岭省人民政府"


def test_numbers_in_the_front_and_in_definitions_are_not_figures_and_say_why(drafted):
    """"第十六届人民代表大会第六次会议" in the date line, "一个地区" in the glossary of terms:
    the ignore list has them, each with its reason."""
    root = drafted(DOCUMENTS / "city-work-report-2026.txt")
    pack = load_pack(root)
    quotes = [fig.source.quote for fig in pack.figures()]
    assert not any("人民代表大会" in quote or "常住单位" in quote for quote in quotes)
    ignored = yaml.safe_load((root / "coverage-ignore.yaml").read_text(encoding="utf-8"))
    front = [e for e in ignored if "人民代表大会" in e["near"]]
    assert {e["number"][:4] for e in front} == {"第十六届", "第六次"} and all(
        e["reason"] for e in front)
    definition = next(e for e in ignored if "常住单位" in e["near"])
    assert definition["reason"] == DEFINITION_REASON


def test_a_cover_of_banners_has_its_headline_last(drafted):
    """The feature seed opens with banners and their English; its headline is the title."""
    seed = next(path for path in SEEDS if path.name.startswith("000"))
    pack = load_pack(drafted(seed))
    assert pack.title.zh == "苏州：招才引智建设全球科创新高地"
    assert [s.title.zh for s in pack.sections][:2] == ["引言", "汇聚全球英才 引育发展“生力军”"]


def test_the_review_seed_has_its_actions_and_their_measures(drafted):
    """The S&T bureau's speech: two parts, the five 2025 actions each with its measures (the
    points listed inside each action's paragraph)."""
    seed = next(path for path in SEEDS if path.name.startswith("004"))
    pack = load_pack(drafted(seed))
    plans = pack.sections[1]
    actions = [child for child in plans.children if child.title.zh.startswith("实施")]
    assert len(actions) == 5
    assert [len(a.children) for a in actions] == [3, 3, 3, 4, 4]
    assert actions[0].children[0].source.quote.startswith("一是壮大创新型企业集群")
