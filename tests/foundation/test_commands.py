"""The non-interactive commands through Typer's CliRunner: output shapes and error paths."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _clean_cli(fresh_cli_state):
    """Every test here starts from a clean CLI state (see tests/conftest.py)."""


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


def test_sections_json_is_the_tree():
    result = run("sections", "--json")
    assert result.exit_code == 0
    tree = json.loads(result.stdout)
    assert [s["id"] for s in tree] == ["achievements", "weaknesses", "action-plans",
                                       "talent-services"]
    plans = tree[2]
    assert set(plans) == {"id", "title", "see_also", "children"}
    assert tree[3]["see_also"] and all(isinstance(ref, str) for ref in tree[3]["see_also"])
    assert set(plans["title"]) == {"zh", "en"}
    assert len(plans["children"]) == 5


def test_sections_as_a_tree_in_chinese():
    result = run("sections", "--lang", "zh")
    assert result.exit_code == 0
    assert "plan-talent" in result.stdout and "行动" in result.stdout


def test_figures_json_has_every_field():
    result = run("figures", "--section", "weaknesses", "--json")
    figures = json.loads(result.stdout)
    assert figures
    assert set(figures[0]) == {"id", "label", "value", "unit", "display", "period", "kind",
                               "qualifier", "hedge", "scope", "note", "section", "item",
                               "source"}
    assert set(figures[0]["source"]) == {"doc", "quote"}
    assert all(f["section"] == "weaknesses" for f in figures)


def test_figures_table():
    result = run("figures", "--section", "plan-talent")
    assert result.exit_code == 0
    assert "gusu-leading-talents-target-2025" in result.stdout


def test_show_item_cites_sources_in_both_languages():
    en = run("show", "plan-talent")
    zh = run("show", "plan-talent", "--lang", "zh")
    assert en.exit_code == zh.exit_code == 0
    assert "Sources" in en.stdout and "来源" in zh.stdout
    assert "350" in en.stdout and "350人左右" in zh.stdout


def test_show_a_figure_and_a_comparison():
    assert "1.74万家" in run("show", "hntes-2024").stdout
    assert "91.6%" in run("show", "targets-2025-progress").stdout


def test_compare_json_progress():
    result = run("compare", "targets-2025-progress", "--json")
    data = json.loads(result.stdout)
    assert data["kind"] == "progress"
    row = next(r for r in data["rows"] if r["figure"] == "hntes-2024")
    assert row["target"] == "hntes-target-2025"
    assert row["progress_percent"] == pytest.approx(91.58, abs=0.01)


def test_compare_lists_comparisons_and_compares_figures_ad_hoc():
    listing = json.loads(run("compare", "--json").stdout)
    assert "rankings" in {c["id"] for c in listing}
    adhoc = json.loads(run("compare", "hntes-2024", "tech-smes-2024", "--json").stdout)
    assert [r["value"] for r in adhoc["rows"]] == [17400, 24300]


def test_compare_refuses_mixed_units_with_a_reason():
    result = run("compare", "hntes-2024", "rd-intensity-2024")
    assert result.exit_code == 1
    assert "different units" in result.stderr


@pytest.mark.parametrize("args", [("show", "nope"), ("export", "nope"),
                                  ("compare", "nope"), ("figures", "--section", "nope")])
def test_unknown_ids_are_one_line_errors(args):
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown id 'nope'")
    assert result.stderr.count("\n") == 1


def test_unknown_id_suggests_a_close_one():
    assert "did you mean 'plan-talent'?" in run("show", "plan-talnt").stderr


def test_bad_lang_is_rejected():
    result = run("sections", "--lang", "fr")
    assert result.exit_code == 2
    assert "--lang must be 'en' or 'zh'" in result.stderr


def test_validate_bundled_and_broken_packs(make_pack):
    ok = run("validate")
    assert ok.exit_code == 0
    assert ok.stdout.startswith("ok: suzhou-st-2025: 4 sections")

    def edit(files):
        files["sections/achievements.yaml"]["items"][0]["figures"][0]["value"] = 1

    broken = make_pack(edit)
    result = run("validate", str(broken))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {broken / 'sections/achievements.yaml'}:")
    result = run("--content", str(broken), "figures")
    assert result.exit_code == 1


def test_export_to_stdout_file_refuse_and_force(tmp_path):
    out = tmp_path / "weak.md"
    assert run("export", "weaknesses").stdout.startswith("# Weaknesses")
    assert run("export", "weaknesses", "-o", str(out)).exit_code == 0
    first = out.read_text(encoding="utf-8")
    refused = run("export", "weaknesses", "-o", str(out), "--lang", "zh")
    assert refused.exit_code == 1
    assert "already exists; use --force" in refused.stderr
    assert out.read_text(encoding="utf-8") == first
    assert run("export", "weaknesses", "-o", str(out), "--lang", "zh", "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert out.read_text(encoding="utf-8") != first


def test_export_to_unwritable_places(tmp_path):
    result = run("export", "weaknesses", "-o", str(tmp_path))
    assert result.exit_code == 1 and "is a directory" in result.stderr
    result = run("export", "weaknesses", "-o", str(tmp_path / "missing" / "x.md"))
    assert result.exit_code == 1 and "does not exist" in result.stderr
