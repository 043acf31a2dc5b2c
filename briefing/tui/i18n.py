"""The app's own words in both languages (pack text carries its own translations)."""

from __future__ import annotations

from briefing.model import Lang

WORDS: dict[str, tuple[str, str]] = {
    # key: (en, zh)
    "quit": ("Quit", "退出"),
    "help": ("Help", "帮助"),
    "lang": ("中文/EN", "English"),
    "back": ("Back", "后退"),
    "forward": ("Forward", "前进"),
    "goto": ("Go to", "跳转"),
    "compare": ("Compare", "对比"),
    "source": ("Source", "原文"),
    "search": ("Search", "搜索"),
    "export": ("Export", "导出"),
    "find": ("Find", "查找"),
    "next": ("Next match", "下一个"),
    "previous": ("Prev match", "上一个"),
    "tree": ("Tree", "目录"),
    "close": ("Close", "关闭"),
    "figures": ("Figures", "数据"),
    "figure": ("Figure", "指标"),
    "value": ("Value", "数值"),
    "qualifier": ("Qualifier", "限定"),
    "period": ("Period", "时期"),
    "kind": ("Kind", "类型"),
    "compared_in": ("Compared in", "对比"),
    "comparisons": ("Comparisons", "对比"),
    "all_figures": ("All figures", "全部数据"),
    "adhoc": ("Pick figures to compare…", "自选指标对比…"),
    "adhoc_key": ("Pick figures", "自选指标"),
    "adhoc_title": ("Ad-hoc comparison: pick two or more figures with the same unit",
                    "自选对比：选择两个或以上单位相同的指标"),
    "filter_placeholder": ("Filter figures (label, value or id)", "筛选指标（名称、数值或编号）"),
    "adhoc_go": ("Compare selected", "对比所选"),
    "incomparable": ("Cannot compare", "无法对比"),
    "no_comparisons": ("This figure is not in any curated comparison; pick figures to compare "
                       "it ad hoc.", "该指标不在任何预设对比中，可自选指标进行对比。"),
    "search_placeholder": ("Search sections, items, figures…", "搜索章节、条目、数据…"),
    "no_results": ("No results", "无结果"),
    "goto_placeholder": ("Type an id, e.g. achievements", "输入编号，例如 achievements"),
    "unknown_id": ("Unknown id", "未知编号"),
    "export_title": ("Export to Markdown", "导出为 Markdown"),
    "export_path": ("File path", "文件路径"),
    "export_do": ("Export", "导出"),
    "cancel": ("Cancel", "取消"),
    "overwrite": ("Overwrite", "覆盖"),
    "exists": ("already exists. Overwrite it?", "已存在，是否覆盖？"),
    "exported": ("Exported to", "已导出到"),
    "find_placeholder": ("Find in this section", "在本节中查找"),
    "matches": ("matches", "处匹配"),
    "no_matches": ("No matches", "无匹配"),
    "no_source": ("This has no source quote.", "此处没有原文出处。"),
    "quote_not_found": ("The quote was not found in the document.", "原文中未找到该引文。"),
    "bindings": ("Key bindings", "快捷键"),
    "key": ("Key", "按键"),
    "action": ("Action", "功能"),
    "reached": ("reached", "已完成"),
    "rank": ("No.", "第"),
    "section": ("section", "章节"),
    "figure_kind": ("figure", "数据"),
    "item": ("item", "条目"),
    "comparison": ("comparison", "对比"),
    "kind_peers": ("same unit, bars scaled by value", "同一单位，按数值比例"),
    "kind_progress": ("actual vs target", "实际与目标"),
    "kind_ranking": ("ranks (lower is better)", "排名（越小越好）"),
    "kind_ratio": ("size relative to Suzhou", "相对苏州的规模"),
    "kind_timeline": ("the same metric over time", "同一指标的时间变化"),
}


def t(key: str, lang: Lang) -> str:
    en, zh = WORDS[key]
    return zh if lang == "zh" else en
