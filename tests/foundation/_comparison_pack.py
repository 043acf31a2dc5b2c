"""A made-up city's S&T report and a pack over it with one comparison of every kind, built to
exercise the honesty rules: floors ("超"), approximate figures ("左右", "约"), two floors, an
unlike progress pair, a peer with no counterpart, and a small share of a large total."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

DOCUMENT = (
    "临江市2024年科技创新工作总结和2025年工作安排\n\n"
    "一、2024年工作回顾\n"
    "2023年全市高新技术企业1880家。2024年，全市高新技术企业超2100家，科技型中小企业3200家，"
    "研发投入强度3.05%左右，技术成果成交额超600亿元，获科技金融支持的企业1500家，"
    "招引科技项目超1000个。截至2025年6月，高新技术企业超2200家，高新技术企业数量居全省第二。\n"
    "全市人才总量388万人，其中高层次人才41万人、留学回国人员超5.2万人；"
    "另有在临江工作的外籍人才1.2万人，统计口径与上述人才不同。\n"
    "与兄弟城市相比，全市研发投入规模约为江州的1/2。\n\n"
    "二、2025年主要目标\n"
    "高新技术企业力争达到2400家，科技型中小企业超3600家，研发投入强度达到3.1%左右，"
    "技术合同成交额720亿元，“科技贷”支持中小企业2000家，新增科技项目超1000个。\n"
)


def _t(zh: str, en: str) -> dict:
    return {"zh": zh, "en": en}


def _fig(fid: str, label: tuple[str, str], value: float, unit: str, display: str,
         period: str, kind: str, quote: str, **extra) -> dict:
    return {"id": fid, "label": _t(*label), "value": value, "unit": unit, "display": display,
            "period": period, "kind": kind, **extra,
            "source": {"doc": "report", "quote": quote}}


FIGURES = [
    _fig("hntes-2023", ("高新技术企业（2023年）", "High-tech enterprises (2023)"), 1880,
         "enterprises", "1880家", "2023", "actual", "2023年全市高新技术企业1880家"),
    _fig("hntes-2024", ("高新技术企业", "High-tech enterprises"), 2100, "enterprises",
         "超2100家", "2024", "actual", "全市高新技术企业超2100家", qualifier="超"),
    _fig("hntes-2025-06", ("高新技术企业（2025年6月）", "High-tech enterprises (June 2025)"),
         2200, "enterprises", "超2200家", "2025-06", "actual",
         "截至2025年6月，高新技术企业超2200家", qualifier="超"),
    _fig("hntes-rank-2024", ("高新技术企业数量全省排名", "High-tech enterprises: provincial rank"),
         2, "rank", "全省第二", "2024", "rank", "高新技术企业数量居全省第二", scope="province"),
    _fig("smes-2024", ("科技型中小企业", "Tech-based SMEs"), 3200, "enterprises", "3200家",
         "2024", "actual", "科技型中小企业3200家"),
    _fig("rd-2024", ("研发投入强度", "R&D intensity"), 3.05, "percent", "3.05%左右", "2024",
         "actual", "研发投入强度3.05%左右", qualifier="左右"),
    _fig("transactions-2024", ("技术成果成交额", "Technology transactions"), 6e10, "yuan",
         "超600亿元", "2024", "actual", "技术成果成交额超600亿元", qualifier="超"),
    _fig("financed-2024", ("获科技金融支持企业", "Firms given tech financing"), 1500,
         "enterprises", "1500家", "2024", "actual", "获科技金融支持的企业1500家"),
    _fig("projects-2024", ("招引科技项目", "Sci-tech projects attracted"), 1000, "projects",
         "超1000个", "2024", "actual", "招引科技项目超1000个", qualifier="超"),
    _fig("talent-2024", ("人才总量", "All talent"), 3_880_000, "people", "388万人", "2024",
         "actual", "全市人才总量388万人"),
    _fig("high-talent-2024", ("高层次人才", "High-level talent"), 410_000, "people", "41万人",
         "2024", "actual", "其中高层次人才41万人"),
    _fig("returnees-2024", ("留学回国人员", "Returnees"), 52_000, "people", "超5.2万人",
         "2024", "actual", "留学回国人员超5.2万人", qualifier="超"),
    _fig("foreign-talent-2024", ("外籍人才", "Foreign talent"), 12_000, "people", "1.2万人",
         "2024", "actual", "在临江工作的外籍人才1.2万人"),
    _fig("rd-ratio-jiangzhou-2024",
         ("研发投入规模与江州之比", "R&D spending as a share of Jiangzhou's"), 0.5, "ratio",
         "1/2", "2024", "ratio", "全市研发投入规模约为江州的1/2", qualifier="约"),
]
TARGETS = [
    _fig("hntes-target-2025", ("高新技术企业目标", "High-tech enterprises target"), 2400,
         "enterprises", "2400家", "2025", "target", "高新技术企业力争达到2400家"),
    _fig("smes-target-2025", ("科技型中小企业目标", "Tech-based SMEs target"), 3600,
         "enterprises", "超3600家", "2025", "target", "科技型中小企业超3600家", qualifier="超"),
    _fig("rd-target-2025", ("研发投入强度目标", "R&D intensity target"), 3.1, "percent",
         "3.1%左右", "2025", "target", "研发投入强度达到3.1%左右", qualifier="左右"),
    _fig("contracts-target-2025", ("技术合同成交额目标", "Technology contracts target"), 7.2e10,
         "yuan", "720亿元", "2025", "target", "技术合同成交额720亿元"),
    _fig("loans-target-2025", ("“科技贷”支持中小企业目标", "SMEs backed by tech loans target"),
         2000, "enterprises", "2000家", "2025", "target", "“科技贷”支持中小企业2000家"),
    _fig("projects-target-2025", ("新增科技项目目标", "New sci-tech projects target"), 1000,
         "projects", "超1000个", "2025", "target", "新增科技项目超1000个", qualifier="超"),
]
UNLIKE = _t("2024年实绩为技术成果成交额，2025年目标为技术合同成交额。",
            "the actual is technology-transaction value, the target technology-contract turnover.")
COMPARISONS = [
    {"id": "progress", "title": _t("2024年实绩与2025年目标", "2024 actuals against 2025 targets"),
     "kind": "progress", "note": _t("完成度 = 实绩 ÷ 目标。", "Reached = actual / target."),
     "entries": [
         {"figure": "hntes-2024", "target": "hntes-target-2025"},
         {"figure": "smes-2024", "target": "smes-target-2025"},
         {"figure": "rd-2024", "target": "rd-target-2025"},
         {"figure": "transactions-2024", "target": "contracts-target-2025",
          "like_for_like": False, "note": UNLIKE},
         {"figure": "financed-2024", "target": "loans-target-2025", "like_for_like": False,
          "note": _t("实绩为获融资企业，目标为“科技贷”支持的中小企业。",
                     "the actual counts financed firms, the target SMEs backed by tech loans.")},
         {"figure": "projects-2024", "target": "projects-target-2025"},
     ]},
    {"id": "talent", "title": _t("人才构成", "The talent pool"), "kind": "peers",
     "entries": [
         {"figure": "talent-2024"}, {"figure": "high-talent-2024"},
         {"figure": "returnees-2024"},
         {"figure": "foreign-talent-2024", "like_for_like": False,
          "note": _t("统计口径与上述人才不同。", "counted on a different basis from the rest.")},
     ]},
    {"id": "hntes-timeline", "title": _t("高新技术企业", "High-tech enterprises over time"),
     "kind": "timeline", "entries": [{"figure": "hntes-2025-06"}, {"figure": "hntes-2023"},
                                     {"figure": "hntes-2024"}]},
    {"id": "peer-ratio",
     "title": _t("研发投入规模：临江与江州", "R&D spending: Linjiang and Jiangzhou"),
     "kind": "ratio", "baseline": {"label": _t("临江", "Linjiang")},
     "entries": [{"figure": "rd-ratio-jiangzhou-2024", "label": _t("江州", "Jiangzhou")}]},
    {"id": "ranks", "title": _t("排名", "Ranks"), "kind": "ranking",
     "entries": [{"figure": "hntes-rank-2024"}]},
]


def pack_files() -> dict[str, object]:
    sha = hashlib.sha256(DOCUMENT.encode("utf-8")).hexdigest()
    manifest = {
        "id": "linjiang-2025",
        "title": _t("临江科技简报", "Linjiang S&T Briefing"),
        "documents": [{"id": "report", "file": "report.txt",
                       "title": _t("临江市2024年科技创新工作总结", "Linjiang 2024 S&T review"),
                       "publisher": _t("临江市科技局", "Linjiang S&T Bureau"),
                       "date": "2025-01", "sha256": sha}],
        "units": {"enterprises": {"zh": "家", "en": "enterprises", "singular": "enterprise"},
                  "people": {"zh": "人", "en": "people", "singular": "person"},
                  "projects": {"zh": "个", "en": "projects", "singular": "project"},
                  "yuan": _t("元", "RMB"), "percent": _t("%", "%"), "rank": _t("名", "rank"),
                  "ratio": _t("比值", "ratio")},
        "sections": ["review", "goals"],
        "comparisons": "comparisons.yaml",
    }
    review = {"id": "review", "title": _t("2024年工作回顾", "The 2024 review"),
              "text": _t("全市高新技术企业超2100家。", "Over 2,100 high-tech firms."),
              "figures": FIGURES}
    goals = {"id": "goals", "title": _t("2025年主要目标", "The 2025 goals"),
             "text": _t("高新技术企业力争达到2400家。", "Aim for 2,400 high-tech firms."),
             "figures": TARGETS}
    return {"manifest.yaml": manifest, "sections/review.yaml": review,
            "sections/goals.yaml": goals, "comparisons.yaml": COMPARISONS}


def write_pack(root: Path) -> Path:
    """The pack's files under ``root/content`` (and its document under ``root/seeds``)."""
    content = root / "content"
    (content / "sections").mkdir(parents=True, exist_ok=True)
    (content / "report.txt").write_text(DOCUMENT, encoding="utf-8")
    for name, data in pack_files().items():
        (content / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return content
