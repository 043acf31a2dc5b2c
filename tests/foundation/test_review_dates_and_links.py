"""Review corrections (issue 10), second part: what a figure's time and nature really are,
what is the editor's word rather than the source's, and where a reader is pointed next."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.figures.formatting import kind_label, period_label
from briefing.figures.reading import parse_display
from briefing.pack import PackInvalid, bundled_pack_dir, load_pack

PACK = load_pack(bundled_pack_dir())
runner = CliRunner()


def test_figures_whose_source_gives_no_year_are_undated_and_say_so():
    for fid in ("private-rd-top10-suzhou-firms", "firms-rd-over-1bn"):
        fig = PACK.figure(fid)
        assert not fig.dated and period_label(fig, "en") == "undated"
        assert period_label(fig, "zh") == "未注明年份"
        assert "no year" in fig.note.en and "未注明年份" in fig.note.zh
        shown = runner.invoke(app, ["show", fid, "--lang", "en"]).stdout
        assert re.search(r"^period\s+undated$", shown, re.M), shown
    for fid in ("academicians-suzhou", "academicians-shenzhen", "academicians-shenzhen-foreign"):
        fig = PACK.figure(fid)
        assert fig.period == "2025" and "early-2025 speech" in fig.note.en
        assert "2025年初" in fig.note.zh


def test_an_undated_figure_needs_a_note_and_stays_out_of_timelines(make_pack):
    def no_note(files):
        fig = files["sections/achievements.yaml"]["items"][0]["figures"][0]
        fig["period"] = "undated"
        fig.pop("note", None)

    with pytest.raises(PackInvalid) as info:
        load_pack(make_pack(no_note))
    assert any("is undated: its 'note' must say" in str(e) for e in info.value.errors)

    def in_a_progress_view(files):
        target = files["comparisons.yaml"][0]["entries"][0]
        fig = next(f for s in files.values() if isinstance(s, dict)
                   for i in s.get("items", []) for f in i.get("figures", [])
                   if f["id"] == target["figure"])
        fig["period"], fig["note"] = "undated", {"zh": "原文未注明年份。", "en": "No year."}

    with pytest.raises(PackInvalid) as info:
        load_pack(make_pack(in_a_progress_view))
    assert any("needs dated figures; undated:" in str(e) for e in info.value.errors)


def test_a_number_taken_from_a_name_is_nominal_never_actual():
    fig = PACK.figure("talent-fund-nominal-scale-2025-07")
    assert fig.kind == "nominal" and "from the fund's name" in fig.label.en
    assert kind_label(fig.kind, "en") == "nominal (from the name)"
    assert "nominal" in runner.invoke(app, ["show", fig.id, "--lang", "en"]).stdout


def test_a_breakthrough_from_zero_is_the_first_one_in_2024():
    assert parse_display("零的突破") == 1
    assert not PACK.has_figure("lead-national-key-labs-before-2024")
    fig = PACK.figure("lead-national-key-lab-first-2024")
    assert (fig.value, fig.period, fig.kind) == (1, "2024", "actual")
    # a floor of one, not exactly one: see test_review_content (issue 29)


def test_the_one_plus_eight_policy_system_is_a_figure():
    assert parse_display("“1+8”") == 9 and parse_display("3个“AI+”服务平台") == 3
    fig = PACK.figure("talent-friendly-city-policy-system-2025")
    assert fig.value == 9 and "1+8" in fig.source.quote
    assert "one core policy plus eight supporting" in fig.label.en


@pytest.mark.parametrize("gloss", ["10 key industrial clusters and 30 key industrial chains",
                                   "large-scale equipment renewal",
                                   "implementing major national strategies",
                                   "annual main-business revenue of RMB 20 million",
                                   "annual revenue of RMB 20 million",
                                   "named after the Nobel-winning physicist"])
def test_glosses_the_sources_do_not_give_are_marked_as_the_editors(gloss):
    texts = [n.text.en for n in PACK.nodes()]
    holding = [t for t in texts if gloss in t]
    assert holding
    for text in holding:
        for at in [m.start() for m in re.finditer(re.escape(gloss), text)]:
            opened = text.rfind("[editor's note:", 0, at)
            assert opened >= 0 and "]" not in text[opened:at], text[max(0, at - 80):at + 40]


def test_figure_notes_are_labelled_as_the_editors_in_the_cli_and_export():
    shown = runner.invoke(app, ["show", "firms-rd-over-1bn", "--lang", "en"]).stdout
    assert re.search(r"^editor's note\s", shown, re.M)
    exported = runner.invoke(app, ["export", "firms-rd-over-1bn", "--lang", "en"]).stdout
    assert "**Editor's note**: The source says" in exported
    zh = runner.invoke(app, ["export", "firms-rd-over-1bn", "--lang", "zh"]).stdout
    assert "**编者注**：原文为" in zh


def test_talent_services_points_to_the_talent_results_and_the_academician_gap():
    refs = PACK.node("talent-services").see_also
    assert {"ach-ecosystem", "weak-top-talent"} <= set(refs)
    shown = runner.invoke(app, ["show", "talent-services", "--lang", "en"]).stdout
    assert "See also" in shown and "[weak-top-talent]" in shown
    exported = runner.invoke(app, ["export", "talent-services", "--lang", "en"]).stdout
    assert re.search(r"^\*\*See also\*\*: .*\(ach-ecosystem\)", exported, re.M)


@pytest.mark.parametrize(("refs", "message"), [
    (["ach-ecosytem"], "names 'ach-ecosytem', which is not an id in this pack"),
    ("not-a-list", "'see_also' of section 'weaknesses' must be a list"),
    (["weaknesses"], "lists 'weaknesses' itself"),
])
def test_see_also_names_ids_that_exist(make_pack, refs, message):
    def edit(files):
        files["sections/weaknesses.yaml"]["see_also"] = refs

    with pytest.raises(PackInvalid) as info:
        load_pack(make_pack(edit))
    found = [str(e) for e in info.value.errors]
    assert any(message in f and f.startswith("sections/weaknesses.yaml:") for f in found), found
