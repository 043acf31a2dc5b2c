"""One broken pack per check; every message is asserted, and all problems come at once."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from briefing.pack import PackInvalid, load_pack


def problems(path: Path) -> list[str]:
    with pytest.raises(PackInvalid) as info:
        load_pack(path)
    return [str(error) for error in info.value.errors]


def only(path: Path) -> str:
    found = problems(path)
    assert len(found) == 1, found
    return found[0]


def test_minimal_pack_is_valid(make_pack):
    pack = load_pack(make_pack())
    assert [s.id for s in pack.sections] == ["achievements", "weaknesses", "action-plans",
                                             "talent-services"]
    assert pack.figure("smes").value == 24300


def test_yaml_syntax_error_names_file_and_line(make_pack):
    bad = "id: weaknesses\ntitle: {zh: a, en: b\ntext: {zh: a, en: b}\n"
    message = only(make_pack(raw={"sections/weaknesses.yaml": bad}))
    assert message.startswith("sections/weaknesses.yaml:3: YAML syntax error")


def test_missing_required_field(make_pack):
    def edit(files):
        del files["sections/weaknesses.yaml"]["title"]

    assert only(make_pack(edit)) == (
        "sections/weaknesses.yaml:1: section 'weaknesses' is missing required field 'title'")


def test_unknown_field_suggests_the_right_one(make_pack):
    def edit(files):
        files["sections/achievements.yaml"]["items"][0]["figures"][0]["perod"] = "2024"

    message = only(make_pack(edit))
    assert "unknown field 'perod' in a figure (did you mean 'period'?)" in message
    assert message.startswith("sections/achievements.yaml:")


def test_duplicate_id_points_at_the_first(make_pack):
    def edit(files):
        files["sections/weaknesses.yaml"]["id"] = "weaknesses"
        files["sections/weaknesses.yaml"]["items"] = [
            {"id": "ach-enterprises", "title": {"zh": "a", "en": "b"},
             "text": {"zh": "a", "en": "b"}, "source": {"doc": "review-2024",
                                                         "quote": "二是强主体"}}]

    message = only(make_pack(edit))
    assert "duplicate id 'ach-enterprises' (first defined at sections/achievements.yaml:" \
        in message


def test_comparison_with_dangling_figure_reference(make_pack):
    def edit(files):
        files["comparisons.yaml"][0]["entries"][0]["figure"] = "smez"

    message = problems(make_pack(edit))[0]
    assert "comparison 'hnte-progress' refers to unknown figure 'smez' (did you mean 'smes'?)" \
        in message


def test_unknown_unit_and_unknown_document(make_pack):
    def edit(files):
        fig = files["sections/achievements.yaml"]["items"][0]["figures"][0]
        fig["unit"] = "enterprize"
        fig["source"]["doc"] = "review-2042"

    found = problems(make_pack(edit))
    assert any("uses unknown unit 'enterprize' (did you mean 'enterprises'?)" in f
               for f in found)
    assert any("cites unknown document 'review-2042'" in f for f in found)


def test_quote_must_be_verbatim(make_pack):
    def edit(files):
        files["sections/achievements.yaml"]["items"][0]["source"]["quote"] = "二是强主体,推进"

    assert "quote of item 'ach-enterprises' is not verbatim in document 'review-2024'" \
        in only(make_pack(edit))


def test_display_must_appear_in_quote(make_pack):
    def edit(files):
        files["sections/achievements.yaml"]["items"][0]["figures"][0]["display"] = "2.4万家"
        files["sections/achievements.yaml"]["items"][0]["figures"][0]["value"] = 24000

    assert "display '2.4万家' of figure 'smes' does not appear in its quote" \
        in only(make_pack(edit))


def test_value_must_match_display(make_pack):
    def edit(files):
        files["sections/achievements.yaml"]["items"][0]["figures"][0]["value"] = 2430

    assert "value 2430 of figure 'smes' does not match its display '2.43万家' " \
        "(which reads as 24300)" in only(make_pack(edit))


def test_wrong_type(make_pack):
    def edit(files):
        files["sections/achievements.yaml"]["items"][0]["figures"][1]["value"] = "lots"

    assert "'value' of figure 'smes-rank' must be a number, got text" in only(make_pack(edit))


def test_seed_hash_mismatch(make_pack):
    path = make_pack()
    seed = path.parent / "seeds" / "004_448e8b491080ac94.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert any("manifest says b55c1513" in p and "the document was changed" in p
               for p in problems(path))


def test_the_manifest_rule_of_five_action_plans(make_pack):
    def edit(files):
        files["sections/action-plans.yaml"]["items"].pop()

    found = only(make_pack(edit))
    assert re.fullmatch(r"sections/action-plans\.yaml: 'action-plans' must have exactly 5 "
                        r"children, found 4 \(rule at manifest\.yaml:\d+\)", found), found


@pytest.mark.parametrize("where", ["../../etc/passwd", "/etc/passwd"])
def test_document_paths_may_not_escape_the_pack(make_pack, where):
    def edit(files):
        files["manifest.yaml"]["documents"][0]["file"] = where

    found = problems(make_pack(edit))
    assert any("manifest.yaml:" in f and ("points outside" in f or "is absolute" in f)
               for f in found)


def test_symlinked_document_outside_the_pack_is_refused(make_pack, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("secret", encoding="utf-8")
    path = make_pack()
    link = path / "linked.txt"
    os.symlink(outside, link)

    def edit(files):
        files["manifest.yaml"]["documents"][0]["file"] = "linked.txt"

    make_pack(edit)
    assert any("points outside the pack" in f for f in problems(path))


def test_yaml_aliases_are_refused(make_pack):
    bomb = "id: weaknesses\ntitle: &t {zh: a, en: b}\ntext: *t\n"
    assert only(make_pack(raw={"sections/weaknesses.yaml": bomb})) == (
        "sections/weaknesses.yaml:3: YAML aliases (*name) are not allowed in a content pack")


def test_non_utf8_bytes_are_reported_by_offset(make_pack):
    message = only(make_pack(raw={"sections/weaknesses.yaml": b"id: weak\xffnesses\n"}))
    assert message == "sections/weaknesses.yaml: not UTF-8: byte 0xff at offset 8"


def test_empty_file(make_pack):
    assert only(make_pack(raw={"sections/talent-services.yaml": ""})) == (
        "sections/talent-services.yaml: file is empty")


def test_every_problem_is_reported_at_once(make_pack):
    def edit(files):
        del files["sections/weaknesses.yaml"]["text"]
        files["sections/achievements.yaml"]["items"][0]["figures"][0]["value"] = 1
        files["comparisons.yaml"][0]["kind"] = "pie"

    found = problems(make_pack(edit))
    assert len(found) == 3
    assert {f.split(":")[0] for f in found} == {"sections/weaknesses.yaml",
                                                "sections/achievements.yaml",
                                                "comparisons.yaml"}


def test_glossary_groups_are_read_and_bad_entries_named(make_pack):
    def good(files):
        files["manifest.yaml"]["glossary"] = [["SiC", " silicon carbide ", "碳化硅", "SiC"]]

    assert load_pack(make_pack(good)).glossary == (("SiC", "silicon carbide", "碳化硅"),)

    def bad(files):
        files["manifest.yaml"]["glossary"] = [["GaN", "氮化镓"], ["lonely"], "SiC", ["a", "\x1b"]]

    *found, stop = problems(make_pack(bad))  # a manifest problem stops the load there
    assert stop.endswith("sections and comparisons were not checked: fix the manifest first")
    assert [m.split(": ", 1)[1].split(" must")[0] for m in found] == [
        "glossary entry 2", "glossary entry 3", "glossary entry 4"]
    assert all(m.startswith("manifest.yaml:") for m in found)
