"""The one line breaker: UAX #14 plus "a number stays with its unit and hedge"."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.text.line_breaking import cell_width, fill, line_spans, wrap

CLOSING = "，。、；：！？）」』”"
# The examples an analyst found split across lines, each with the run that must stay whole.
WHOLE = [
    ("研发强度预计4.15%左右，达到国内先进水平", "4.15%左右"),
    ("引进海内外人才项目100个，服务企业超1000家次。", "100个"),
    ("服务企业超1000家次，覆盖全市各板块。", "超1000家次"),
    ("研发机构建有率：80.6%，力争达到90%。", "80.6%"),
    ("高新技术企业数达1.74万家，位居全国前列。", "1.74万家"),
    ("R&D spending rose to 2,800 yuan per person, up 3.4 pp on 2023.", "2,800"),
    ("比上年提高1.2个百分点，高于全省平均水平", "1.2个百分点"),
]


def _lines_containing(text: str, width: int, run: str) -> bool:
    return any(run in line for line in wrap(text, width))


@pytest.mark.parametrize(("text", "run"), WHOLE)
def test_a_number_stays_whole_with_its_unit_wherever_it_fits(text: str, run: str) -> None:
    # Wide enough for the run with a hedge before it and a closing mark after it.
    for width in range(cell_width(run) + 4, cell_width(text) + 4):
        assert _lines_containing(text, width, run), (width, wrap(text, width))


@pytest.mark.parametrize(("text", "run"), WHOLE)
def test_no_line_starts_with_closing_punctuation(text: str, run: str) -> None:
    for width in range(cell_width(run) + 2, cell_width(text) + 4):
        for line in wrap(text, width):
            assert line[:1] not in CLOSING, (width, wrap(text, width))


def test_the_issue_examples_at_the_widths_they_broke() -> None:
    assert "4.15%左右，" in fill("研究与试验发展经费投入强度预计4.15%左右，", 24)
    assert all(not line.startswith("，") for line in wrap("建有率：80.6%，高于全省", 10))
    assert wrap("超1000家次", 20) == ["超1000家次"]
    assert wrap("项目100个", 9) == ["项目100个"]


def test_width_is_measured_in_cells() -> None:
    assert cell_width("研发") == 4
    assert cell_width("R&D") == 3
    for line in wrap("苏州市科技创新工作会议强调要加快建设具有全球影响力的产业科技创新中心", 10):
        assert cell_width(line) <= 10


def test_english_wraps_at_spaces_and_drops_them() -> None:
    assert wrap("one two three four", 9) == ["one two", "three", "four"]


def test_a_too_long_number_is_cut_only_as_a_last_resort_and_not_inside_its_digits() -> None:
    lines = wrap("建有率80.6%，目标", 6)
    assert "80.6%" in lines
    assert wrap("4.15%左右", 5) == ["4.15%", "左右"]


def test_newlines_end_paragraphs_and_spans_point_into_the_text() -> None:
    text = "第一段文字很长很长很长\n\nsecond paragraph here"
    spans = line_spans(text, 8)
    assert [text[s:e] for s, e in spans] == wrap(text, 8)
    assert "" in wrap(text, 8)
    assert wrap("", 10) == [""]


_text = st.text(
    alphabet=st.sampled_from(
        list("研发强度企业家次个万亿左右以上超约") + list("，。、；：（）“” abcXY0123456789.,%\n")
    ),
    max_size=120,
)
_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*%?")


@settings(max_examples=300, deadline=None)
@given(text=_text, width=st.integers(min_value=1, max_value=40))
def test_properties(text: str, width: int) -> None:
    lines = wrap(text, width)
    # Nothing is lost but the spaces a break swallows.
    assert "".join(lines).replace(" ", "") == text.replace("\n", "").replace(" ", "")
    for line in lines:
        assert line == line.rstrip(" ")
        if cell_width(line) > width and len(line) > 1:  # a lone wide character may overflow
            pytest.fail(f"{line!r} wider than {width}")
    # A number that fits on a line is never split across two.
    for paragraph in text.split("\n"):
        for m in _DIGIT_RUN.finditer(paragraph):
            if cell_width(m.group()) <= width:
                assert any(m.group() in line for line in lines), (m.group(), lines)


def test_a_dash_joining_two_names_never_starts_a_line() -> None:
    """"上海 / —苏州科技集群" was seen at 80 columns (issue 28): UAX #14 breaks before an em
    dash; in Chinese a dash joined to the word before it does not begin a line."""
    text = "位列全国城市创新指数第四，沪—苏科技集群蝉联全球第五。"
    for width in range(6, cell_width(text) + 2):
        assert not any(line.startswith("—") for line in wrap(text, width)), (width, wrap(
            text, width))
    assert wrap("north — south", 8) == ["north —", "south"]  # a spaced dash: as before
