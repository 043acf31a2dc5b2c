"""``briefing indicator``: pack by pack, the figure measuring an indicator (or none, or
several candidates), and the analyst's confirmation written into the pack."""

from __future__ import annotations

import csv
import io
import json
import shutil

from _library_packs import PACKS

from briefing.library import open_library
from briefing.library.indicators import find, indicator_label
from briefing.pack import load_pack


def statuses(cli, library_dir, *args):
    data = json.loads(cli("indicator", "gdp-growth", *args, "--json",
                          content=library_dir).stdout)
    return {b["briefing"]: (b["status"], [f["id"] for f in b["figures"]])
            for b in data["briefings"]}


def test_each_briefing_gives_its_figure_or_says_it_has_none(cli, library_dir):
    found = statuses(cli, library_dir, "--period", "2026", "--kind", "target")
    assert found == {
        "daibei-2025": ("none", []),
        "daibei-2026": ("candidate", ["daibei-2026:growth-target-2026"]),  # 经济增长…目标为
        "lanjiang-2025": ("none", []),
        "lanjiang-2026": ("candidate", ["lanjiang-2026:gdp-growth-target-2026"]),
        "nanyu-2025": ("none", []),
        "nanyu-2026": ("candidate", ["nanyu-2026:target-percent-2026"]),  # label 地区生产总值增长
    }


def test_a_range_and_a_ceiling_say_so(cli, library_dir):
    data = json.loads(cli("indicator", "gdp-growth", "--period", "2026", "--kind", "target",
                          "--json", content=library_dir).stdout)
    (daibei,) = [b for b in data["briefings"] if b["briefing"] == "daibei-2026"]
    assert daibei["figures"][0]["high"] == 5 and daibei["figures"][0]["bound"] == "range"
    out = cli("indicator", "unemployment", "--period", "2026", "--kind", "target",
              content=library_dir).stdout
    assert "at most 5.5%" in out and "4.5–5%" in cli(
        "indicator", "gdp-growth", "--period", "2026", content=library_dir).stdout


def test_without_a_period_a_report_has_several_candidates(cli, library_dir):
    found = statuses(cli, library_dir)
    assert found["lanjiang-2026"] == ("several", ["lanjiang-2026:gdp-growth-2025",
                                                  "lanjiang-2026:gdp-growth-target-2026"])
    # 地区生产总值达到9520亿元，同比增长6.1%: the phrase names the 9520亿元, not the 6.1%
    assert found["nanyu-2026"] == ("candidate", ["nanyu-2026:target-percent-2026"])


def test_a_phrase_names_the_number_right_after_it_only():
    library = open_library(PACKS)
    gdp = library.spec.indicator("gdp-growth")
    marine = load_pack(PACKS / "nanyu-2026").figure("target-percent-2026-5")  # 海洋生产总值增长
    assert marine.unit == "percent"
    assert find(load_pack(PACKS / "nanyu-2026"), gdp, "2026", "target").figures != (marine,)
    energy = library.spec.indicator("rd-intensity")
    assert find(load_pack(PACKS / "lanjiang-2026"), energy, "2026").figure.id == \
        "rd-intensity-target-2026"


def test_the_table_shows_value_hedge_period_kind_and_quote(cli, library_dir):
    out = cli("indicator", "gdp-growth", "--period", "2026", "--kind", "target",
              content=library_dir).stdout
    assert "“地区生产总值增长5%左右”" in out and "about 5%" in out
    assert "“地区生产总值增长5.5%以上”" in out and "or more" in out
    assert "none" in out and "candidate (unconfirmed)" in out
    assert "--confirm BRIEFING:FIGURE" in out
    zh = cli("indicator", "gdp-growth", "--period", "2026", "--lang", "zh",
             content=library_dir).stdout
    assert "5%左右" in zh and "候选（未确认）" in zh


def test_csv_has_one_row_per_figure_and_per_briefing_without_one(cli, library_dir):
    text = cli("indicator", "gdp-growth", "--period", "2026", "--kind", "target", "--csv",
               content=library_dir).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["briefing"] for r in rows] == ["daibei-2025", "daibei-2026", "lanjiang-2025",
                                              "lanjiang-2026", "nanyu-2025", "nanyu-2026"]
    lanjiang = rows[3]
    assert lanjiang["display"] == "5%左右" and lanjiang["quote"] == "地区生产总值增长5%左右"
    assert lanjiang["document_title.zh"] == "澜江省2026年政府工作报告"
    assert rows[0]["status"] == "none" and rows[0]["figure"] == ""


def test_confirming_writes_one_line_and_the_pack_still_validates(cli, library_dir):
    section = library_dir / "nanyu-2026" / "sections" / "targets-2026.yaml"
    before = section.read_text(encoding="utf-8")
    done = cli("indicator", "gdp-growth", "--confirm", "nanyu-2026:target-percent-2026",
               content=library_dir)
    assert "confirmed nanyu-2026:target-percent-2026 as gdp-growth" in done.stderr
    after = section.read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["  indicator: gdp-growth"]
    assert load_pack(library_dir / "nanyu-2026").figure("target-percent-2026").indicator \
        == "gdp-growth"
    found = statuses(cli, library_dir, "--period", "2026")
    assert found["nanyu-2026"] == ("confirmed", ["nanyu-2026:target-percent-2026"])
    cli("indicator", "gdp-growth", "--unconfirm", "nanyu-2026:target-percent-2026",
        content=library_dir)
    assert section.read_text(encoding="utf-8") == before


def test_a_confirmed_chinese_only_figure_reads_in_english(cli, library_dir):
    cli("indicator", "gdp-growth", "--confirm", "nanyu-2026:target-percent-2026",
        content=library_dir)
    figures = json.loads(cli("figures", "--briefing", "nanyu-2026", "--indicator",
                             "gdp-growth", "--json", content=library_dir).stdout)
    assert [f["label"] for f in figures] == [{"zh": "2026年地区生产总值增长目标",
                                              "en": "GDP growth target, 2026"}]
    assert figures[0]["indicator"] == "gdp-growth"
    shown = cli("show", "nanyu-2026:target-percent-2026", content=library_dir).stdout
    assert "GDP growth target, 2026" in shown and "TODO: English label" not in shown


def test_indicator_labels_name_kind_and_period():
    library = open_library(PACKS)
    gdp = library.spec.indicator("gdp-growth")
    actual = load_pack(PACKS / "lanjiang-2026").figure("gdp-growth-2025")
    assert indicator_label(gdp, actual).en == "GDP growth, 2025"
    assert indicator_label(gdp, actual).zh == "2025年地区生产总值增长"


def test_confirming_refuses_what_it_cannot_do(cli, library_dir):
    wrong_unit = cli("indicator", "gdp-growth", "--confirm", "lanjiang-2026:gdp-2025",
                     content=library_dir, code=1)
    assert "is in 'yuan' but indicator 'gdp-growth' is in 'percent'" in wrong_unit.stderr
    missing = cli("indicator", "gdp-growth", "--confirm", "lanjiang-2026:nope",
                  content=library_dir, code=1)
    assert "has no figure 'nope'" in missing.stderr
    unknown = cli("indicator", "gdp-grwth", content=library_dir, code=1)
    assert "unknown indicator 'gdp-grwth' (did you mean 'gdp-growth'?)" in unknown.stderr
    not_confirmed = cli("indicator", "gdp-growth", "--unconfirm",
                        "lanjiang-2026:gdp-growth-2025", content=library_dir, code=1)
    assert "is not confirmed as 'gdp-growth'" in not_confirmed.stderr


def test_a_figure_written_on_one_line_is_left_to_the_analyst(cli, library_dir):
    section = library_dir / "nanyu-2025" / "sections" / "targets-2025.yaml"
    text = section.read_text(encoding="utf-8")
    start = text.index("- id: gdp-growth-target-2025")
    end = text.index("- id: new-jobs-target-2025")
    flow = ("- {id: gdp-growth-target-2025, label: {zh: 地区生产总值增长, en: GDP growth}, "
            "value: 6, unit: percent, display: 6%左右, period: '2025', kind: target, "
            "qualifier: 左右, source: {doc: report, quote: 地区生产总值增长6%左右}}\n")
    section.write_text(text[:start] + flow + text[end:], encoding="utf-8")
    result = cli("indicator", "gdp-growth", "--confirm", "nanyu-2025:gdp-growth-target-2025",
                 content=library_dir, code=1)
    assert "not written one key per line: add 'indicator: gdp-growth' to it by hand" \
        in result.stderr
    assert section.read_text(encoding="utf-8") == text[:start] + flow + text[end:]


def test_a_library_without_indicators_says_where_to_declare_them(cli, tmp_path):
    shutil.copytree(PACKS / "daibei-2025", tmp_path / "lib" / "daibei-2025")
    shutil.copytree(PACKS / "daibei-2026", tmp_path / "lib" / "daibei-2026")
    result = cli("indicator", "gdp-growth", content=tmp_path / "lib", code=2)
    assert "no indicators are declared" in result.stderr and "library.yaml" in result.stderr
