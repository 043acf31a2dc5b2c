"""A pack may be Chinese only: English output shows the Chinese marked "[zh]" wherever a
translation is missing (never passing it off as English), in every output alike; Chinese
output is unchanged; units and scopes still need their English (numbers are printed in it)."""

from __future__ import annotations

import json

import pytest
from _drafting import DOCUMENTS

from briefing.model import UNTRANSLATED, Text

CITY = DOCUMENTS / "city-work-report-2026.txt"
MARKED = f"{UNTRANSLATED} 2025年工作回顾"


@pytest.fixture
def city(briefing, tmp_path):
    out = tmp_path / "city"
    assert briefing("draft", str(CITY), "-o", str(out)).exit_code == 0
    return out


def test_text_says_it_is_untranslated():
    text = Text(zh="地区生产总值增长")
    assert (text.translated, text.en) == (False, "")
    assert text.get("en") == "[zh] 地区生产总值增长"
    assert text.get("zh") == "地区生产总值增长"
    assert Text(zh="增长", en="growth").get("en") == "growth"


@pytest.mark.parametrize("args", [("sections",), ("show", "review-2025"),
                                  ("figures", "--section", "review-2025"),
                                  ("export", "review-2025"), ("export", "gdp-2025"),
                                  ("compare", "gdp-2025", "budget-revenue-2025")],
                         ids=lambda a: " ".join(a))
def test_every_english_output_marks_the_chinese(briefing, city, args):
    result = briefing("--content", str(city), *args)
    assert result.exit_code == 0, result.output
    assert UNTRANSLATED in result.output
    chinese = briefing("--content", str(city), "--lang", "zh", *args)
    assert chinese.exit_code == 0 and UNTRANSLATED not in chinese.output


def test_the_mark_is_text_not_markup(briefing, city):
    """"[zh]" reaches the terminal as written: Rich never takes it for a style."""
    shown = briefing("--content", str(city), "show", "review-2025").output
    assert MARKED in shown
    assert MARKED in briefing("--content", str(city), "sections").output


def test_json_keeps_english_empty(briefing, city):
    data = json.loads(briefing("--content", str(city), "sections", "--json").output)
    review = next(s for s in data if s["id"] == "review-2025")
    assert review["title"] == {"zh": "2025年工作回顾", "en": ""}


def test_a_bilingual_export_says_which_english_is_missing(briefing, city):
    both = briefing("--content", str(city), "export", "review-2025", "--lang", "both").output
    assert "2025年工作回顾" in both and MARKED in both


def test_search_finds_chinese_and_shows_the_mark(briefing, city):
    result = briefing("--content", str(city), "search", "地区生产总值", "--json")
    hits = json.loads(result.output)
    assert hits and any(h["en"].startswith(UNTRANSLATED) for h in hits)


def _pack_with(make_pack, section_title: dict, units: dict | None = None,
               scopes: dict | None = None):
    def edit(files):
        files["manifest.yaml"].pop("coverage_ignore", None)  # the factory writes no such file
        files["sections/weaknesses.yaml"]["title"] = section_title
        if units is not None:
            files["manifest.yaml"]["units"].update(units)
        if scopes is not None:
            files["manifest.yaml"]["scopes"] = scopes
    return make_pack(edit=edit)


def test_validate_takes_chinese_without_english(briefing, make_pack):
    for title in ({"zh": "短板"}, {"zh": "短板", "en": ""}):
        root = _pack_with(make_pack, title)
        result = briefing("validate", str(root))
        assert result.exit_code == 0, result.output


def test_units_and_scopes_still_need_english(briefing, make_pack):
    root = _pack_with(make_pack, {"zh": "短板"}, units={"beds": {"zh": "张"}})
    result = briefing("validate", str(root))
    assert result.exit_code == 1
    assert "unit 'beds' is missing required field 'en'" in result.output
    root = _pack_with(make_pack, {"zh": "短板"}, scopes={"region": {"zh": "区域"}})
    result = briefing("validate", str(root))
    assert result.exit_code == 1
    assert "'value' of scope 'region' is missing required field 'en'" in result.output
