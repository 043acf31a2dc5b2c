"""A made-up pack unlike the bundled one, written by the tests: no ``action-plans`` section,
three plans (a manifest rule says so), a ``region`` scope, declared hedges, units with an
English singular, and a ratio comparison against another city."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

DOCUMENT = (
    "青川市2024年科技创新工作报告\n\n"
    "2024年，青川市高新技术企业达到1200家，同比增长15%，研发投入强度达到2.8%，居西部第一。"
    "全市技术合同成交额约为成都的1/3。\n\n"
    "2025年，全市将实施三项行动计划：一是创新主体培育行动，力争高新技术企业突破1500家；"
    "二是人才引育行动，新引进高层次人才逾300人；三是开放合作行动，建设1个国际合作园区。\n"
)


def _t(zh: str, en: str) -> dict:
    return {"zh": zh, "en": en}


def _fig(fid: str, label: tuple[str, str], value: float, unit: str, display: str,
         period: str, kind: str, quote: str, **extra) -> dict:
    return {"id": fid, "label": _t(*label), "value": value, "unit": unit, "display": display,
            "period": period, "kind": kind, **extra,
            "source": {"doc": "report", "quote": quote}}


def pack_files() -> dict[str, object]:
    sha = hashlib.sha256(DOCUMENT.encode("utf-8")).hexdigest()
    manifest = {
        "id": "qingchuan-2025",
        "title": _t("青川科技简报", "Qingchuan S&T Briefing"),
        "documents": [{"id": "report", "file": "report.txt",
                       "title": _t("青川市2024年科技创新工作报告", "Qingchuan 2024 S&T report"),
                       "publisher": _t("青川市科技局", "Qingchuan S&T Bureau"),
                       "date": "2025-01", "sha256": sha}],
        "units": {"enterprises": {"zh": "家", "en": "enterprises", "singular": "enterprise"},
                  "people": {"zh": "人", "en": "people", "singular": "person"},
                  "parks": {"zh": "个", "en": "parks", "singular": "park"},
                  "percent": _t("%", "%"), "rank": _t("名", "rank"),
                  "ratio": _t("比值", "ratio")},
        "scopes": {"region": _t("西部地区", "western region")},
        "hedges": {"逾": "above", "突破": {"meaning": "above", "en": "more than"}},
        "rules": [{"node": "plans", "children": 3}],
        "sections": ["overview", "plans"],
        "comparisons": "comparisons.yaml",
    }
    overview = {
        "id": "overview", "title": _t("总体情况", "Overview"),
        "text": _t("青川市高新技术企业达到1200家。", "Qingchuan had 1,200 high-tech firms."),
        "figures": [
            _fig("hntes-2024", ("高新技术企业", "High-tech enterprises"), 1200, "enterprises",
                 "1200家", "2024", "actual", "青川市高新技术企业达到1200家"),
            _fig("hntes-growth-2024", ("高企增速", "Growth in high-tech firms"), 15, "percent",
                 "15%", "2024", "growth", "同比增长15%"),
            _fig("rd-rank-2024", ("研发投入强度西部排名", "R&D intensity rank in the west"),
                 1, "rank", "西部第一", "2024", "rank", "研发投入强度达到2.8%，居西部第一",
                 scope="region"),
            _fig("contracts-ratio-chengdu-2024", ("技术合同成交额与成都之比",
                                                  "Technology contracts as a share of Chengdu's"),
                 1 / 3, "ratio", "1/3", "2024", "ratio", "全市技术合同成交额约为成都的1/3",
                 qualifier="约"),
        ],
    }
    plan = {"source": {"doc": "report", "quote": "全市将实施三项行动计划"}}
    plans = {
        "id": "plans", "title": _t("三项行动", "Three action plans"),
        "text": _t("全市将实施三项行动计划。", "The city will run three action plans."),
        "items": [
            {"id": "plan-firms", "title": _t("创新主体培育行动", "Growing innovative firms"),
             "text": _t("力争高新技术企业突破1500家。", "Aim for over 1,500 high-tech firms."),
             "source": {"doc": "report", "quote": "一是创新主体培育行动"},
             "figures": [_fig("hntes-target-2025", ("高新技术企业目标", "High-tech firms target"),
                              1500, "enterprises", "1500家", "2025", "target",
                              "力争高新技术企业突破1500家", qualifier="突破")]},
            {"id": "plan-talent", "title": _t("人才引育行动", "Talent"),
             "text": _t("新引进高层次人才逾300人。", "Over 300 high-level people recruited."),
             "source": {"doc": "report", "quote": "二是人才引育行动"},
             "figures": [_fig("talent-target-2025", ("新引进高层次人才", "High-level recruits"),
                              300, "people", "300人", "2025", "target",
                              "新引进高层次人才逾300人", qualifier="逾")]},
            {"id": "plan-open", "title": _t("开放合作行动", "Opening up"),
             "text": _t("建设1个国际合作园区。", "Build one international park."),
             **plan,
             "figures": [_fig("park-2025", ("国际合作园区", "International cooperation parks"),
                              1, "parks", "1个", "2025", "target", "建设1个国际合作园区")]},
        ],
    }
    comparisons = [
        {"id": "contracts-vs-chengdu", "title": _t("技术合同：青川与成都", "Contracts vs Chengdu"),
         "kind": "ratio", "section": "overview",
         "baseline": {"label": _t("青川", "Qingchuan")},
         "entries": [{"figure": "contracts-ratio-chengdu-2024", "label": _t("成都", "Chengdu")}]},
        {"id": "firms-progress", "title": _t("高企：实绩与目标", "High-tech firms vs target"),
         "kind": "progress",
         "entries": [{"figure": "hntes-2024", "target": "hntes-target-2025"}]},
    ]
    return {"manifest.yaml": manifest, "sections/overview.yaml": overview,
            "sections/plans.yaml": plans, "comparisons.yaml": comparisons,
            "report.txt": DOCUMENT}


def write_pack(root: Path, files: dict[str, object] | None = None) -> Path:
    """Write the pack (or an edited copy of :func:`pack_files`) into ``root``."""
    for name, data in (files or pack_files()).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                                  sort_keys=False)
        path.write_text(text, encoding="utf-8")
    return root
