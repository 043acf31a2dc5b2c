"""Chinese lines break between words, never inside one ("深 / 圳", "全球排 / 名" were seen)."""

from __future__ import annotations

import pytest

from briefing.text import zh_words
from briefing.text.line_breaking import break_positions, wrap
from briefing.text.zh_words_build import HEADER, build

# Written for these tests in the style of a city's science-and-technology report.
LINES = [
    "全社会研发投入规模：苏州与深圳、北京（2023）",
    "上海—苏州科技集群全球排名",
    "排名：苏州、苏州工业园区与沪苏科技集群（全国、全省、全球）",
    "在各板块的共同努力下，全市技术合同成交额两个超千亿，研发强度预计达到4.15%左右。",
]
WORDS = ["深圳", "北京", "全球", "排名", "研发", "投入", "规模", "集群", "成交额", "强度"]


def _split_inside(line: str, word: str, width: int) -> bool:
    """Whether wrapping ``line`` at ``width`` cells puts a line break inside ``word``."""
    joined = "\n".join(wrap(line, width))
    return word not in joined and word in line


@pytest.mark.parametrize("line", LINES)
def test_no_width_splits_a_word(line):
    for width in range(6, 60):
        for word in WORDS:
            assert not _split_inside(line, word, width), (word, width, wrap(line, width))


def test_breaks_fall_between_words():
    line = "上海—苏州科技集群全球排名"
    breaks = set(break_positions(line))
    for word in ("苏州", "科技", "集群", "全球", "排名"):
        start = line.index(word)
        assert not breaks & set(range(start + 1, start + len(word)))
    assert {line.index("全球"), line.index("排名")} <= breaks  # but between words, yes


def test_a_hedge_stays_with_a_round_amount():
    """"超千亿" has no unit after it, but it is a number: "超 / 千亿" is a misreading."""
    for width in range(8, 30):  # narrower, a last-resort cut
        assert "超千亿" in "\n".join(wrap(LINES[3], width))


def test_the_segmenter_prefers_fewer_pieces():
    assert zh_words.segment("苏州工业园区") == [2]  # 苏州 / 工业园区
    assert zh_words.segment("深圳") == []
    assert zh_words.is_word("成交额") and not zh_words.is_word("额成")


def test_the_shipped_list_is_well_formed():
    text = zh_words.DATA.read_text(encoding="utf-8")
    assert text.startswith(HEADER)
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert len(lines) > 3000
    for line in lines:
        first, two, three, four = line.split("\t")
        assert len(first) == 1
        assert all(len(tail) == 2 for tail in three.split())
        assert all(len(tail) == 3 for tail in four.split())
        assert len(two) == len(set(two))


def test_build_keeps_common_short_words_and_rare_place_names():
    text = build(["深圳 2801 ns", "深圳市 900 ns", "深 10 a", "罕见词 2 n", "工业园区 29 n",
                  "苏州工业园区 12 ns", "ABC 100 eng", "湖塘区 3 ns"])
    body = [line for line in text.splitlines() if not line.startswith("#")]
    assert body == ["工\t\t\t业园区", "深\t圳\t圳市\t", "湖\t\t塘区\t"]


def test_policy_words_jieba_lacks_stay_whole():
    """"出台科 / 创“18条”" and "政策条 / 数" were seen at 80 columns."""
    from briefing.text.zh_words_build import EXTRA, extra_words

    words = extra_words(EXTRA.read_text(encoding="utf-8"))
    assert "科创" in words and all(zh_words.is_word(word) for word in words)
    assert build(["深圳 2801 ns"], ["规上"]).endswith("深\t圳\t\t\n规\t上\t\t\n")
    line = "出台科创“18条”，规上工业企业研发机构建有率和政策条数"
    for width in range(8, 40):
        joined = "\n".join(wrap(line, width))
        for word in ("科创", "规上", "建有率", "条数"):
            assert word in joined, (word, width, joined)


def test_a_district_name_stays_whole():
    """"相 / 城区" was seen in the source view at 60 columns: 相城区 is a place name jieba
    counts only three times."""
    line = "全市第一方阵，相城区技术合同填报数较去年翻番"
    for width in range(8, 40):
        assert "相城区" in "\n".join(wrap(line, width)), wrap(line, width)


def test_a_missing_list_breaks_as_uax14_alone(monkeypatch, tmp_path):
    monkeypatch.setattr(zh_words, "DATA", tmp_path / "missing.txt")
    monkeypatch.setattr(zh_words, "_WORDS", None)
    zh_words.word_interior.cache_clear()
    try:
        assert zh_words.word_interior("深圳") == frozenset()
    finally:
        zh_words.word_interior.cache_clear()
        monkeypatch.setattr(zh_words, "_WORDS", None)


def test_the_shipped_list_is_what_the_builder_writes():
    """Only where jieba is installed (the list's source); regenerate with
    python3 -m briefing.text.zh_words_build."""
    pytest.importorskip("jieba")
    from briefing.text.zh_words_build import EXTRA, extra_words, jieba_dictionary

    fresh = build(jieba_dictionary().read_text(encoding="utf-8").splitlines(),
                  extra_words(EXTRA.read_text(encoding="utf-8")))
    assert zh_words.DATA.read_text(encoding="utf-8") == fresh
