"""``briefing pins / pin / unpin`` and ``briefing export --pins`` (the brief)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from briefing.cli import app
from briefing.userstate import PackState, StateStore

runner = CliRunner()
FIXTURE = Path(__file__).parent.parent / "tui" / "fixture" / "content"


@pytest.fixture(autouse=True)
def _state(fresh_cli_state, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))


def run(*args: str):
    result = runner.invoke(app, ["--content", str(FIXTURE), *args])
    assert "Traceback" not in result.output
    return result


def pins_json() -> dict:
    result = run("pins", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_pin_list_unpin_round_trip():
    assert pins_json()["pins"] == []
    for item in ("hntes-2024", "weak-rd-spending", "cmp-ranks", "achievements"):
        result = run("pin", item)
        assert result.exit_code == 0 and result.stderr == f"pinned {item}\n"
    data = pins_json()
    assert data["pack"] == "fixture"
    assert [(p["id"], p["kind"]) for p in data["pins"]] == [
        ("hntes-2024", "figure"), ("weak-rd-spending", "item"), ("cmp-ranks", "comparison"),
        ("achievements", "section")]
    assert set(data["pins"][0]["title"]) == {"en", "zh"}
    assert run("unpin", "weak-rd-spending").exit_code == 0
    listing = run("pins", "--lang", "zh")
    assert listing.exit_code == 0
    assert listing.stdout.index("hntes-2024") < listing.stdout.index("cmp-ranks")
    assert "weak-rd-spending" not in listing.stdout
    assert "国家高新技术企业" in listing.stdout


def test_pin_errors_are_one_line_and_change_nothing():
    run("pin", "hntes-2024")
    unknown = run("pin", "hntes-2042")
    assert unknown.exit_code == 1 and unknown.stderr.count("\n") == 1
    assert "did you mean 'hntes-2024'" in unknown.stderr
    again = run("pin", "hntes-2024")
    assert again.exit_code == 0 and "already pinned" in again.stderr
    missing = run("unpin", "achievements")
    assert missing.exit_code == 1 and missing.stderr.startswith("error: 'achievements' is not")
    assert [p["id"] for p in pins_json()["pins"]] == ["hntes-2024"]


def test_pins_the_pack_lost_are_reported_and_kept(tmp_path):
    StateStore(tmp_path / "state").put("fixture", PackState(pins=["gone-figure", "hntes-2024"]))
    result = run("pins")
    assert result.exit_code == 0
    assert "kept aside: gone-figure" in result.stderr
    assert pins_json()["set_aside"] == ["gone-figure"]
    run("pin", "achievements")  # writing keeps the set-aside pin in the file
    assert StateStore(tmp_path / "state").load("fixture").set_aside == ["gone-figure"]
    assert run("unpin", "gone-figure").exit_code == 0  # and it can be dropped on purpose
    assert pins_json()["set_aside"] == []


def test_a_corrupt_state_file_is_a_notice(tmp_path):
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "state.json").write_bytes(b"\x00\xff{{{")
    result = run("pins")
    assert result.exit_code == 0
    assert result.stderr.startswith("note: state file ") and "not UTF-8" in result.stderr
    assert run("pin", "hntes-2024").exit_code == 0
    assert [p["id"] for p in pins_json()["pins"]] == ["hntes-2024"]


def test_brief_holds_the_pins_in_order_with_sources():
    for item in ("cmp-hnte-progress", "hntes-2024", "ach-enterprises"):
        run("pin", item)
    result = run("export", "--pins")
    assert result.exit_code == 0, result.output
    brief = result.stdout
    headings = [line for line in brief.splitlines() if line.startswith("## ")]
    # the figure is the item's: shown once, in the item's table, not again under its label
    assert len(headings) == 3 and headings[-1] == "## Sources"
    assert "## Stronger enterprises" in headings[1]
    # each pin as its own export renders it: the comparison and figures are tables, each
    # row citing its quote, the prose's quotes are footnotes, one Sources list for the brief
    tokens = MarkdownIt("gfm-like").parse(brief)
    assert sum(t.type == "table_open" for t in tokens) >= 2
    assert brief.count("国家高新技术企业1.74万家、全国第四") >= 1
    assert "“国家高新技术企业1.74万家、全国第四”" in brief
    assert brief.count("## Sources") == 1
    assert "[^1]:" in brief and "[^1]" in brief.split("## Sources")[0]
    assert "\\[bold]This is not markup" in brief  # pack text stays inert


def test_brief_in_both_languages_and_to_a_file(tmp_path):
    run("pin", "hntes-2024")
    target = tmp_path / "brief.md"
    result = run("export", "--pins", "--lang", "both", "-o", str(target))
    assert result.exit_code == 0 and "(1 pinned)" in result.stderr
    text = target.read_text(encoding="utf-8")
    assert "1.74万家" in text and "17,400" in text
    assert "Sources" in text and "来源" in text
    refused = run("export", "--pins", "-o", str(target))
    assert refused.exit_code == 1 and "use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == text  # never overwritten without --force
    assert run("export", "--pins", "-o", str(target), "--force", "--lang", "zh").exit_code == 0
    assert "17,400" not in target.read_text(encoding="utf-8")


def test_brief_argument_errors():
    nothing = run("export", "--pins")
    assert nothing.exit_code == 1 and "nothing is pinned" in nothing.stderr
    run("pin", "hntes-2024")
    assert run("export", "--pins", "achievements").exit_code == 2
    assert "'en', 'zh' or 'both'" in run("export", "--pins", "--lang", "fr").stderr
    assert run("export").exit_code == 2


def test_brief_as_html_and_word_by_option_or_file_name(tmp_path):
    """``--format``, or the ``-o`` file's extension, picks the format; ``--cite inline``
    writes no footnote; a Word file read back has the brief's tables."""
    import io

    import docx

    run("pin", "ach-enterprises")
    page = tmp_path / "brief.html"
    assert run("export", "--pins", "-o", str(page)).exit_code == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    word = tmp_path / "brief.docx"
    assert run("export", "--pins", "-o", str(word), "--cite", "inline").exit_code == 0
    document = docx.Document(io.BytesIO(word.read_bytes()))
    assert document.tables and document.tables[0].rows[0].cells[0].text == "Figure"
    assert not any(p.text == "Notes" for p in document.paragraphs)  # inline: no notes list
    markdown = run("export", "--pins", "--format", "md", "--cite", "inline")
    assert markdown.exit_code == 0 and "[^" not in markdown.stdout
    assert "error: --format must be 'md', 'html' or 'docx'" in run(
        "export", "--pins", "-f", "pdf").stderr


def test_a_word_file_is_never_written_to_a_terminal(tmp_path):
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "briefing", "--content", str(FIXTURE), "export",
             "achievements", "--format", "docx"], stdout=follower, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL, timeout=120,
            env={**os.environ, "BRIEFING_CACHE_DIR": str(tmp_path / "cache")})
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("error: a Word file is not for the terminal")


def test_an_adhoc_comparison_is_pinned_shown_and_refused_when_it_cannot_be_drawn():
    adhoc = "adhoc:hntes-2024,hntes-target-2025"
    result = run("pin", adhoc)
    assert result.exit_code == 0, result.output
    assert [(p["id"], p["kind"]) for p in pins_json()["pins"]] == [(adhoc, "comparison")]
    shown = run("show", adhoc)
    assert shown.exit_code == 0 and "High-tech enterprises" in shown.stdout
    unlike = run("pin", "adhoc:hntes-2024,rd-unit-rate-2024")  # enterprises and a percentage
    assert unlike.exit_code != 0
    assert unlike.stderr.startswith("error: 'adhoc:hntes-2024,rd-unit-rate-2024'")
    assert len(unlike.stderr.strip().splitlines()) == 1
    assert run("pin", "adhoc:hntes-2024,nope").exit_code != 0
    assert [p["id"] for p in pins_json()["pins"]] == [adhoc]  # nothing else was pinned
    compared = run("compare", adhoc)  # as pinned: the same as naming its figures
    assert compared.exit_code == 0
    assert compared.stdout == run("compare", "hntes-2024", "hntes-target-2025").stdout
