"""The drafted packs' YAML reads back as the data written: any text (quotes, colons, hashes,
numbers-as-text, line breaks, control and zero-width characters), numbers, nested items."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.authoring.draft.yaml_out import dump

TRICKY = ["2025", "2025-01", "1.5", "yes", "no", "null", "~", "on", "- item", "a: b", "a #b",
          "#x", "key:", "{x}", "[1]", "a, b", "'q'", '"q"', "  lead", "trail ", "tab\there",
          "line\nbreak", "two\n\nparagraphs", "\u2028sep", "nel\x85", "bom\ufeff", "c1\x9b",
          "（一）加快建设现代化产业体系", "——2026年1月18日", "*star", "&amp", "!tag", "%pct",
          "@at", "`tick", "|pipe", ">gt", "?q", "=", "<<", "1e5", ".inf", "0x1F", "010"]


def test_tricky_text_reads_back():
    for text in TRICKY:
        data = {"id": "x", "title": {"zh": text}, "text": {"zh": text},
                "items": [{"id": "y", "source": {"doc": "d", "quote": text}, "note": text}]}
        assert yaml.safe_load(dump(data)) == data, repr(text)


def test_numbers_and_lists_read_back():
    data = [{"doc": "d", "number": "5%", "near": "增长5%", "reason": "r"},
            {"value": 1e-05, "high": 1250000000000, "small": 0.15, "big": 1.5e20, "t": True}]
    assert yaml.safe_load(dump(data)) == data


def test_short_mappings_sit_on_one_line_and_paragraphs_on_their_own():
    text = dump({"id": "a", "title": {"zh": "标题"}, "text": {"zh": "第一段。\n\n第二段。"}})
    assert text == "id: a\ntitle: {zh: 标题}\ntext:\n  zh: |-\n    第一段。\n\n    第二段。\n"


#: Characters YAML gives meaning to, in any mix (Hypothesis' own text rarely hits them).
_YAML_CHARS = st.text(alphabet=":?#,[]{}'\"-!&*|>%@`~ \t\n\r\x85\u2028\ufeff0123456789.eE+_<=中文",
                      max_size=12)


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(), _YAML_CHARS), st.one_of(st.text(max_size=8), _YAML_CHARS))
def test_any_text_reads_back(text, other):
    data = {"id": "x", "label": {"zh": text, "en": other}, "items": [{"text": {"zh": text}}],
            "list": [text, other]}
    assert yaml.safe_load(dump(data)) == data
