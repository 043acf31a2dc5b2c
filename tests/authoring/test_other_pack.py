"""A pack that is not the bundled one works in every command: no section id, count or city is
known to the code (issue 12)."""

from __future__ import annotations

import json

import pytest
from _synthetic import pack_files, write_pack
from typer.testing import CliRunner

from briefing.cli import app
from briefing.figures.formatting import figure_value, scope_label
from briefing.pack import PackInvalid, load_pack
from briefing.present.comparison_json import view_to_dict
from briefing.present.comparison_rows import build

runner = CliRunner()


def run(pack, *args: str):
    from briefing.cli.console import state

    state.lang, state._pack = "en", None  # each call is a fresh 'briefing' process
    result = runner.invoke(app, ["--content", str(pack), *args])
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == 0, result.output
    return result


def test_it_validates(other_pack):
    assert "ok: qingchuan-2025: 2 sections, 3 items, 7 figures, 2 comparisons" in run(
        other_pack, "validate").stdout


def test_sections_show_three_plans(other_pack):
    tree = json.loads(run(other_pack, "sections", "--json").stdout)
    assert [s["id"] for s in tree] == ["overview", "plans"]
    assert [c["id"] for c in tree[1]["children"]] == ["plan-firms", "plan-talent", "plan-open"]
    assert "Three action plans" in run(other_pack, "sections").stdout


def test_show_figure_with_a_declared_scope_and_hedge(other_pack):
    out = run(other_pack, "show", "rd-rank-2024").stdout
    assert "western region" in out
    zh = run(other_pack, "show", "rd-rank-2024", "--lang", "zh").stdout
    assert "西部地区" in zh
    assert "over 300 people" in run(other_pack, "show", "talent-target-2025").stdout
    assert "more than 1,500 enterprises" in run(other_pack, "show", "hntes-target-2025").stdout


def test_units_have_a_singular(other_pack):
    pack = load_pack(other_pack)
    assert figure_value(pack, pack.figure("park-2025"), "en") == "1 park"
    assert figure_value(pack, pack.figure("hntes-2024"), "en") == "1,200 enterprises"
    assert scope_label("region", "en", pack) == "western region"


def test_figures_and_compare(other_pack):
    figures = json.loads(run(other_pack, "figures", "--json").stdout)
    assert len(figures) == 7
    data = json.loads(run(other_pack, "compare", "contracts-vs-chengdu", "--json").stdout)
    assert data["baseline"] == {"label": {"zh": "青川", "en": "Qingchuan"}, "figure": None}
    assert [r["label"]["en"] for r in data["rows"]] == ["Qingchuan", "Chengdu"]
    assert [round(r["relative_to_baseline"], 6) for r in data["rows"]] == [1.0, 3.0]
    assert "relative_to_suzhou" not in json.dumps(data)
    out = run(other_pack, "compare", "contracts-vs-chengdu").stdout
    assert "Qingchuan" in out and "Suzhou" not in out
    assert "80%" in run(other_pack, "compare", "firms-progress").stdout


def test_export_and_search(other_pack):
    markdown = run(other_pack, "export", "plans").stdout
    assert "Three action plans" in markdown and "Suzhou" not in markdown
    hits = json.loads(run(other_pack, "search", "rencai", "--json").stdout)
    assert any(h["id"] == "plan-talent" for h in hits), hits


def test_help_names_the_loaded_pack(other_pack):
    out = runner.invoke(app, ["--content", str(other_pack), "--help"]).stdout
    assert "Qingchuan S&T Briefing" in out and "Suzhou" not in out


def test_a_baseline_may_be_a_figure(tmp_path):
    files = pack_files()
    cmp = files["comparisons.yaml"][0]
    cmp["baseline"] = {"figure": "hntes-2024"}
    pack = load_pack(write_pack(tmp_path, files))
    view = build(pack, pack.comparison("contracts-vs-chengdu"))
    assert view.rows[0].label.en == "High-tech enterprises"
    assert view_to_dict(pack, view)["baseline"]["figure"] == "hntes-2024"
    assert "contracts-vs-chengdu" in [c.id for c in pack.comparisons_for("hntes-2024")]


def _problems(tmp_path, edit) -> list[str]:
    files = pack_files()
    edit(files)
    with pytest.raises(PackInvalid) as info:
        load_pack(write_pack(tmp_path, files))
    return [str(e) for e in info.value.errors]


def test_a_rule_is_enforced(tmp_path):
    def drop_plan(files):
        files["sections/plans.yaml"]["items"].pop()

    assert _problems(tmp_path, drop_plan) == [
        "sections/plans.yaml: 'plans' must have exactly 3 children, found 2 "
        "(rule at manifest.yaml:48)"]


@pytest.mark.parametrize(("rule", "expected"), [
    ({"node": "plans", "min_children": 4}, "'plans' must have at least 4 children, found 3"),
    ({"node": "plans", "max_children": 2}, "'plans' must have at most 2 children, found 3"),
    ({"node": "plan"}, "rule 1 of the manifest sets no bound"),
    ({"node": "plan", "children": 3}, "a rule names 'plan', which the pack does not have "
                                      "(did you mean 'plans'?)"),
    ({"node": "plans", "children": -1}, "'children' of rule 1 of the manifest must be a whole"),
])
def test_rule_messages(tmp_path, rule, expected):
    def edit(files):
        files["manifest.yaml"]["rules"] = [rule]

    found = _problems(tmp_path, edit)
    assert expected in found[0], found


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda f: f["manifest.yaml"]["hedges"].update({"逾": "lots"}),
     "'meaning' of hedge '逾' must be one of above, about, below, at-least, at-most; got 'lots'"),
    (lambda f: f["manifest.yaml"]["scopes"].update({"Bad Scope": {"zh": "a", "en": "b"}}),
     "scope 'Bad Scope' must be lowercase letters, digits and '-'"),
    (lambda f: f["manifest.yaml"]["units"].update({"parks": {"zh": "个", "en": "parks",
                                                             "one": "park"}}),
     "unknown field 'one' in unit 'parks'"),
    (lambda f: f["comparisons.yaml"][1].update({"baseline": {"label": {"zh": "a", "en": "b"}}}),
     "'baseline' belongs to ratio comparisons; comparison 'firms-progress' is progress"),
    (lambda f: f["comparisons.yaml"][0].update({"baseline": {"figure": "hntes"}}),
     "'baseline' of comparison 'contracts-vs-chengdu' refers to unknown figure 'hntes'"),
])
def test_vocabulary_and_baseline_messages(tmp_path, edit, expected):
    found = _problems(tmp_path, edit)
    assert any(expected in p for p in found), found


def test_undeclared_scope_is_refused(tmp_path):
    def edit(files):
        del files["manifest.yaml"]["scopes"]

    found = _problems(tmp_path, edit)
    assert any("'scope' of figure 'rd-rank-2024' must be one of city, province, national, "
               "global; got 'region'" in p for p in found), found
