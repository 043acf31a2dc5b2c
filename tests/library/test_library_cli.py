"""``briefing library``: list, add (copy or link, validated first, never overwriting),
remove (asked, moved aside), validate; and every reading command on a library."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from _library_packs import BRIEFINGS, PACKS


def test_list_names_each_briefing_with_date_documents_and_english(cli, library_dir):
    out = cli("library", content=library_dir).stdout
    for briefing in BRIEFINGS:
        assert briefing in out
    assert "Lanjiang Province: 2026 government work report" in out
    assert "[zh] 南屿省2026年政府工作报告简报" in out  # no English: its Chinese, marked
    assert "TODO" not in out
    data = json.loads(cli("library", "--json", content=library_dir).stdout)
    rows = {b["id"]: b for b in data["briefings"]}
    assert rows["nanyu-2026"]["translated"] == 0 and rows["daibei-2026"]["translated"] == 1
    assert rows["lanjiang-2025"]["documents"][0]["date"] == "2025-01-15"
    assert rows["lanjiang-2025"]["figures"] == 16


def test_the_default_library_starts_with_the_bundled_briefing(cli):
    data = json.loads(cli("library", "--json").stdout)
    assert [b["bundled"] for b in data["briefings"]] == [True]


def test_add_copies_a_validated_pack_and_never_overwrites(cli, tmp_path):
    lib = tmp_path / "lib"
    result = cli("library", "add", str(PACKS / "nanyu-2025"), content=lib)
    assert f"added {lib / 'nanyu-2025'}" in result.stderr
    assert (lib / "nanyu-2025" / "documents" / "report.txt").is_file()
    assert not (lib / "nanyu-2025").is_symlink()
    again = cli("library", "add", str(PACKS / "nanyu-2025"), content=lib, code=1)
    assert "already holds a briefing with id 'nanyu-2025'" in again.stderr
    assert not [p for p in lib.iterdir() if p.name.startswith(".adding")]


def test_add_refuses_a_pack_that_does_not_validate(cli, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(PACKS / "daibei-2025", broken)
    (broken / "documents" / "report.txt").write_text("changed", encoding="utf-8")
    result = cli("library", "add", str(broken), content=tmp_path / "lib", code=1)
    assert "does not validate" in result.stderr and "sha256" in result.stderr
    assert not (tmp_path / "lib" / "daibei-2025").exists()


def test_add_link_reads_the_pack_where_it_is(cli, tmp_path):
    source = tmp_path / "drafts" / "lanjiang-2026"
    shutil.copytree(PACKS / "lanjiang-2026", source)
    lib = tmp_path / "lib"
    cli("library", "add", "--link", str(source), content=lib)
    assert (lib / "lanjiang-2026").is_symlink()
    cli("library", "add", str(PACKS / "daibei-2026"), content=lib)
    shown = cli("show", "lanjiang-2026:gdp-growth-target-2026", content=lib).stdout
    assert "地区生产总值增长5%左右" in shown


def test_add_copies_the_seeds_a_pack_reads_beside_it(cli, tmp_path):
    lib = tmp_path / "lib"
    where = cli("library", "add", str(bundled()), content=lib).stderr
    copied = next(p for p in lib.iterdir() if not p.name.startswith("."))
    assert (copied / "seeds").is_dir() and (copied / "content" / "manifest.yaml").is_file()
    assert str(copied / "content") in where
    cli("library", "add", str(PACKS / "nanyu-2025"), content=lib)
    listed = json.loads(cli("library", "--json", content=lib).stdout)["briefings"]
    assert all(b["problem"] is None for b in listed) and len(listed) == 2


def bundled():
    from briefing.pack import bundled_pack_dir

    return bundled_pack_dir()


def test_remove_asks_then_moves_the_copy_aside(cli, tmp_path, monkeypatch):
    lib = tmp_path / "lib"
    cli("library", "add", str(PACKS / "nanyu-2025"), content=lib)
    cli("library", "add", str(PACKS / "nanyu-2026"), content=lib)
    refused = cli("library", "remove", "nanyu-2025", content=lib, code=2)
    assert "needs --yes" in refused.stderr and (lib / "nanyu-2025").is_dir()
    monkeypatch.setattr("briefing.cli.library._can_ask", lambda: True)  # a terminal
    said_no = cli("library", "remove", "nanyu-2025", content=lib, code=1, input="n\n")
    assert "nothing removed" in said_no.stderr
    done = cli("library", "remove", "nanyu-2025", "--yes", content=lib)
    assert "moved" in done.stderr and not (lib / "nanyu-2025").exists()
    (aside,) = (lib / ".removed").iterdir()
    assert (aside / "manifest.yaml").is_file()  # nothing deleted
    assert json.loads(cli("library", "--json", content=lib).stdout)["briefings"][0]["id"] \
        == "nanyu-2026"


def test_remove_a_link_leaves_the_pack_it_points_to(cli, tmp_path):
    source = tmp_path / "drafts" / "daibei-2026"
    shutil.copytree(PACKS / "daibei-2026", source)
    lib = tmp_path / "lib"
    cli("library", "add", "--link", str(source), content=lib)
    result = cli("library", "remove", "daibei-2026", "-y", content=lib)
    assert "untouched" in result.stderr
    assert not os.path.lexists(lib / "daibei-2026") and (source / "manifest.yaml").is_file()


def test_remove_refuses_the_bundled_briefing_and_unknown_ids(cli):
    assert "bundled: false" in cli("library", "remove", bundled_id(), "-y", code=1).stderr
    assert "no briefing 'nope'" in cli("library", "remove", "nope", "-y", code=1).stderr


def bundled_id() -> str:
    from briefing.pack import load_pack

    return load_pack(bundled()).id


def test_validate_checks_every_pack_and_what_ties_them(cli, library_dir):
    ok = cli("library", "validate", content=library_dir)
    assert "ok: 6 briefings, 5 indicators, 2 comparisons" in ok.stdout
    yaml_file = library_dir / "library.yaml"
    yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace(
        "briefing: nanyu-2026", "briefing: nanyu-2062"), encoding="utf-8")
    section = library_dir / "daibei-2026" / "sections" / "targets-2026.yaml"
    section.write_text(section.read_text(encoding="utf-8").replace(
        "- id: growth-target-2026\n", "- id: growth-target-2026\n  indicator: gdp-grwth\n"),
        encoding="utf-8")
    bad = cli("library", "validate", content=library_dir, code=1).stderr
    assert "comparison 'gdp-growth-targets-2026' names briefing 'nanyu-2062', which the " \
           "library does not hold (did you mean 'nanyu-2026'?)" in bad
    assert "daibei-2026/sections/targets-2026.yaml:10: figure 'growth-target-2026' is " \
           "confirmed as indicator 'gdp-grwth', which library.yaml does not declare (did you " \
           "mean 'gdp-growth'?)" in bad


def test_validate_reports_a_broken_pack_by_its_folder(cli, library_dir):
    (library_dir / "nanyu-2025" / "sections" / "tasks-2025.yaml").write_text(
        "id: tasks-2025\ntitle: [not, text]\n", encoding="utf-8")
    bad = cli("library", "validate", content=library_dir, code=1).stderr
    assert "nanyu-2025/sections/tasks-2025.yaml:2: 'title' of section 'tasks-2025' must be " \
           "a mapping" in bad


def test_reading_commands_take_qualified_ids(cli, library_dir):
    tree = json.loads(cli("sections", "--json", content=library_dir).stdout)
    assert [t["id"] for t in tree] == BRIEFINGS
    assert tree[0]["children"][0]["id"] == "daibei-2025:review-2024"
    shown = cli("show", "daibei-2026:growth-target-2026", content=library_dir).stdout
    assert "今年全省经济增长预期目标为4.5%—5%" in shown
    unique = cli("show", "growth-target-2026", content=library_dir).stdout  # one has it
    assert "daibei-2026:growth-target-2026" in unique
    several = cli("show", "gdp-growth-target-2025", content=library_dir, code=1).stderr
    assert "'gdp-growth-target-2025' is in 3 briefings: daibei-2025:gdp-growth-target-2025, " \
           "lanjiang-2025:gdp-growth-target-2025, nanyu-2025:gdp-growth-target-2025; give " \
           "one of them" in several


def test_a_brief_of_pins_across_briefings_has_one_sources_list(cli, library_dir):
    cli("pin", "lanjiang-2026:gdp-growth-target-2026", content=library_dir)
    cli("pin", "daibei-2026:growth-target-2026", content=library_dir)
    pins = json.loads(cli("pins", "--json", content=library_dir).stdout)
    assert [p["id"] for p in pins["pins"]] == ["lanjiang-2026:gdp-growth-target-2026",
                                               "daibei-2026:growth-target-2026"]
    brief = cli("export", "--pins", content=library_dir).stdout
    assert brief.count("## Sources") == 1
    assert "Lanjiang Province 2026 Government Work Report" in brief
    assert "Daibei Province 2026 Government Work Report" in brief
    assert "“今年全省经济增长预期目标为4.5%—5%”" in brief


def test_a_library_holding_nothing_says_so(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "library.yaml").write_text("title: {zh: 空, en: Empty}\n",
                                                     encoding="utf-8")
    result = cli("figures", content=tmp_path / "empty", code=1)
    assert "holds no briefing" in result.stderr


def test_validate_and_help_know_a_library(cli, library_dir):
    assert "ok: 6 briefings" in cli("validate", str(library_dir)).stdout
    assert "Explore the library 'Three provinces' government work reports, 2025-2026'" in \
        " ".join(cli("--help", content=library_dir).stdout.split())


def test_the_app_refuses_an_unknown_id_of_a_library_before_it_starts(cli, library_dir):
    result = cli("tui", "lanjiang-2026:nosuch", content=library_dir, code=1)
    assert "unknown id 'lanjiang-2026:nosuch'" in result.stderr


@pytest.mark.parametrize("library", [True, False])
@pytest.mark.parametrize("word", ["figures", "Figures"])
def test_the_app_opens_at_its_figures_view_as_go_to_does(cli, library_dir, library, word):
    """`g figures` opens the all-figures view, so `briefing tui figures` does too: the id check
    lets it through to the app (which here has no terminal), in a library or a pack."""
    content = library_dir if library else library_dir / "nanyu-2026"
    result = cli("tui", word, content=content, code=1)
    assert result.stderr.startswith("error: the app needs an interactive terminal")
    result = cli("tui", "nosuch", content=content, code=1)
    assert "unknown id" in result.stderr


def test_a_pack_broken_after_listing_is_left_out_and_named(cli, library_dir):
    cli("library", content=library_dir)  # listed (and indexed) while it was whole
    doc = library_dir / "nanyu-2026" / "documents" / "report.txt"  # in a comparison
    doc.write_text(doc.read_text(encoding="utf-8") + "改", encoding="utf-8")
    result = cli("figures", "--json", content=library_dir)
    assert "note: nanyu-2026 left out:" in result.stderr and "sha256" in result.stderr
    assert not any(f["id"].startswith("nanyu-2026:") for f in json.loads(result.stdout))
    compared = json.loads(cli("compare", "gdp-growth-targets-2026", "--json",
                              content=library_dir).stdout)
    assert "nanyu-2026 (does not load: see briefing library validate)" in \
        compared["note"]["en"]
