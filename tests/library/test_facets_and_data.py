"""Facets on figures and search across a library; figures as JSON and CSV with their briefing
and document; the library's comparisons in the CLI, the export and CSV; the library as a
SQLite database read back with sqlite3."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

from _library_packs import BRIEFINGS

from briefing.library import open_library
from briefing.pack import load_pack


def ids(cli, library_dir, *args) -> list[str]:
    return [f["id"] for f in json.loads(cli("figures", *args, "--json",
                                            content=library_dir).stdout)]


def test_targets_for_2026_whose_label_mentions_gdp(cli, library_dir):
    assert ids(cli, library_dir, "--kind", "target", "--period", "2026", "--label",
               "地区生产总值") == ["lanjiang-2026:gdp-growth-target-2026",
                                  "nanyu-2026:target-percent-2026"]


def test_facets_combine_and_repeat(cli, library_dir):
    found = ids(cli, library_dir, "--kind", "actual", "--kind", "growth", "--unit", "percent",
                "--briefing", "daibei-2026", "--label", "growth")
    assert found == ["daibei-2026:gdp-growth-2025"]
    assert ids(cli, library_dir, "--period", "2025", "--briefing", "lanjiang-2026",
               "--unit", "laboratories") == ["lanjiang-2026:labs-2025"]
    table = cli("figures", "--kind", "target", "--period", "2026", "--label", "地区生产总值",
                content=library_dir).stdout
    assert "lanjiang-2026:gdp-growth-target-2026" in table and "about 5%" in table


def test_facet_values_that_match_nothing_are_named(cli, library_dir):
    assert "unknown kind 'targt' (did you mean 'target'?)" in cli(
        "figures", "--kind", "targt", content=library_dir, code=2).stderr
    assert "unknown briefing 'daibei-2027' (did you mean 'daibei-2026'?)" in cli(
        "figures", "--briefing", "daibei-2027", content=library_dir, code=2).stderr
    assert "unknown unit 'percnt'" in cli("figures", "--unit", "percnt",
                                          content=library_dir, code=2).stderr
    assert "must be YYYY" in cli("figures", "--period", "26", content=library_dir,
                                 code=2).stderr


def test_facets_on_one_pack_too(cli):
    bundled_targets = json.loads(cli("figures", "--kind", "target", "--json").stdout)
    assert bundled_targets and {f["kind"] for f in bundled_targets} == {"target"}
    assert "briefing" not in bundled_targets[0]  # one pack: the JSON is as it always was


def test_json_and_csv_name_the_briefing_and_document(cli, library_dir):
    records = json.loads(cli("figures", "--json", content=library_dir).stdout)
    assert len(records) == sum(len(list(p.figures())) for p in open_library(library_dir).packs())
    first = next(r for r in records if r["id"] == "daibei-2026:growth-target-2026")
    assert first["briefing"] == "daibei-2026"
    assert first["briefing_title"]["zh"] == "岱北省2026年政府工作报告简报"
    assert first["document"] == "daibei-2026:report"
    assert first["document_title"] == {"zh": "岱北省2026年政府工作报告",
                                       "en": "Daibei Province 2026 Government Work Report"}
    assert first["document_date"] == "2026-01-23"
    assert first["section"] == "daibei-2026:targets-2026"
    assert first["source"]["quote"] == "今年全省经济增长预期目标为4.5%—5%"
    rows = list(csv.DictReader(io.StringIO(cli("figures", "--csv", content=library_dir)
                                           .stdout)))
    assert {r["briefing"] for r in rows} == set(BRIEFINGS)
    row = next(r for r in rows if r["id"] == "lanjiang-2025:unemployment-target-2025")
    assert row["document_title.en"] == "Lanjiang Province 2025 Government Work Report"
    assert row["source.quote"] == "城镇调查失业率5.5%以内" and row["qualifier"] == "以内"


def test_search_takes_the_same_facets_and_names_each_hits_briefing(cli, library_dir):
    hits = json.loads(cli("search", "增长", "--kind", "target", "--period", "2026", "--json",
                          content=library_dir).stdout)
    assert hits and all(h["kind"] == "figure" for h in hits)
    assert {h["section"] for h in hits} <= {"daibei-2026", "lanjiang-2026", "nanyu-2026"}
    assert all(h["id"].split(":")[0] == h["section"] for h in hits)
    only = json.loads(cli("search", "增长", "--briefing", "nanyu-2025", "--json",
                          content=library_dir).stdout)
    assert only and {h["id"].split(":")[0] for h in only} == {"nanyu-2025"}
    within = json.loads(cli("search", "增长", "--section", "lanjiang-2026:targets-2026",
                            "--json", content=library_dir).stdout)
    assert within and all(h["id"].startswith("lanjiang-2026:") for h in within)
    table = cli("search", "失业率", "-n", "3", content=library_dir).stdout
    assert "Section" in table and "-2025" in table


def test_a_declared_comparison_is_drawn_like_a_curated_one(cli, library_dir):
    out = cli("compare", "gdp-growth-targets-2026", content=library_dir).stdout
    assert "Lanjiang *" in out and "about 5%" in out and "5.5% or more" in out
    assert "not yet confirmed" in out
    data = json.loads(cli("compare", "gdp-growth-targets-2026", "--json",
                          content=library_dir).stdout)
    assert [r["figure"] for r in data["rows"]] == ["lanjiang-2026:gdp-growth-target-2026",
                                                   "daibei-2026:growth-target-2026",
                                                   "nanyu-2026:target-percent-2026"]
    cli("indicator", "gdp-growth", "--confirm", "lanjiang-2026:gdp-growth-target-2026",
        content=library_dir)
    confirmed = json.loads(cli("compare", "gdp-growth-targets-2026", "--json",
                               content=library_dir).stdout)
    assert confirmed["rows"][0]["label"] == {"zh": "澜江省", "en": "Lanjiang"}
    assert "lanjiang-2026" not in confirmed["note"]["en"]


def test_a_briefing_without_the_figure_is_named_in_the_note(cli, library_dir):
    spec = library_dir / "library.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "      - {briefing: nanyu-2026, label: {zh: 南屿省, en: Nanyu}}",
        "      - {briefing: nanyu-2026, label: {zh: 南屿省, en: Nanyu}}\n"
        "      - {briefing: nanyu-2025, label: {zh: 南屿省2025, en: Nanyu 2025}}"),
        encoding="utf-8")
    data = json.loads(cli("compare", "gdp-growth-targets-2026", "--json",
                          content=library_dir).stdout)
    assert len(data["rows"]) == 3
    assert "Left out: nanyu-2025 (no figure for it)." in data["note"]["en"]


def test_a_timeline_across_two_reports(cli, library_dir):
    data = json.loads(cli("compare", "lanjiang-rd-intensity", "--json",
                          content=library_dir).stdout)
    assert [r["display"] for r in data["rows"]] == ["2.68%", "2.75%", "2.76%", "2.85%"]
    assert data["rows"][1]["delta"] is not None


def test_comparison_csv_and_export_with_one_sources_list(cli, library_dir):
    rows = list(csv.DictReader(io.StringIO(cli("compare", "gdp-growth-targets-2026", "--csv",
                                               content=library_dir).stdout)))
    assert [r["display"] for r in rows] == ["5%左右", "4.5%—5%", "5.5%以上"]
    markdown = cli("export", "gdp-growth-targets-2026", content=library_dir).stdout
    assert markdown.count("## Sources") == 1
    for quote in ("地区生产总值增长5%左右", "今年全省经济增长预期目标为4.5%—5%",
                  "地区生产总值增长5.5%以上"):
        assert f"“{quote}”" in markdown


def test_the_library_as_a_sqlite_database(cli, library_dir, tmp_path):
    db_path = tmp_path / "library.db"
    said = cli("library", "export-sqlite", str(db_path), content=library_dir).stderr
    assert "84 figures" in said
    db = sqlite3.connect(db_path)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"briefings", "documents", "nodes", "figures", "indicators",
                      "comparisons", "comparison_rows"}
    assert [r[0] for r in db.execute("SELECT id FROM briefings ORDER BY id")] == BRIEFINGS
    for briefing, figure, display, quote, document in db.execute(
            "SELECT briefing, figure, display, quote, document FROM figures"):
        pack = load_pack(library_dir / briefing)
        assert quote == pack.figure(figure).source.quote and display in quote
        assert document == f"{briefing}:{pack.figure(figure).source.doc}"
        assert quote in pack.document(pack.figure(figure).source.doc).read()
    rows = db.execute("SELECT r.label_en, f.display, f.quote FROM comparison_rows r JOIN "
                      "figures f ON f.id = r.figure WHERE r.comparison = "
                      "'gdp-growth-targets-2026' ORDER BY r.position").fetchall()
    assert rows == [("Lanjiang *", "5%左右", "地区生产总值增长5%左右"),
                    ("Daibei *", "4.5%—5%", "今年全省经济增长预期目标为4.5%—5%"),
                    ("Nanyu *", "5.5%以上", "地区生产总值增长5.5%以上")]
    assert db.execute("SELECT value, high, bound FROM figures WHERE id = "
                      "'daibei-2026:growth-target-2026'").fetchone() == (4.5, 5.0, "range")
    assert db.execute("SELECT bound, hedge FROM figures WHERE id = "
                      "'lanjiang-2026:unemployment-target-2026'").fetchone() == ("at-most",
                                                                                "at-most")
    (phrases,) = db.execute("SELECT phrases FROM indicators WHERE id='gdp-growth'").fetchone()
    assert json.loads(phrases) == ["地区生产总值增长", "经济增长", "GDP增长"]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()
    again = cli("library", "export-sqlite", str(db_path), content=library_dir, code=1)
    assert "already exists; use --force" in again.stderr
    cli("library", "export-sqlite", str(db_path), "--force", content=library_dir)


def test_facets_typed_as_words_of_the_query(cli, library_dir):
    typed = json.loads(cli("search", "kind:target period:2026 增长", "--json",
                           content=library_dir).stdout)
    given = json.loads(cli("search", "增长", "--kind", "target", "--period", "2026", "--json",
                           content=library_dir).stdout)
    assert typed == given and typed
    chinese = json.loads(cli("search", "kind:目标 briefing:nanyu-2026 增长", "--json",
                             content=library_dir).stdout)
    assert chinese and {h["id"].split(":")[0] for h in chinese} == {"nanyu-2026"}
    assert "unknown kind 'goal'" in cli("search", "kind:goal 增长", content=library_dir,
                                        code=2).stderr
    assert "give words to search for" in cli("search", "kind:target", content=library_dir,
                                             code=2).stderr
