"""``validate`` shows every problem and checks the ignore list (issue 31, point 5); ``stub``
is bounded and writes YAML that reads back exactly; the reader meets its goals on the
hand-labelled documents."""

from __future__ import annotations

import copy

import yaml
from _answer_key import documents, load_key, run
from hypothesis import given, settings
from hypothesis import strategies as st
from test_ranges_and_bounds import FIGURES, write
from typer.testing import CliRunner

from briefing.authoring.reader import read_figures
from briefing.authoring.yaml_out import dump
from briefing.cli import app

runner = CliRunner()


def cli(*args):
    from briefing.cli.console import state

    state.content, state.lang, state._pack = None, "en", None
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def _broken(tmp_path, monkeypatch, count: int):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    figures = [{**copy.deepcopy(FIGURES[0]), "id": f"bad-{i}", "unit": f"nounit{i}"}
               for i in range(count)]
    return write(tmp_path / "pack", copy.deepcopy(FIGURES) + figures)


def test_validate_shows_twenty_and_says_how_to_see_the_rest(tmp_path, monkeypatch):
    pack = _broken(tmp_path, monkeypatch, 25)
    result = cli("validate", str(pack))
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and len(lines) == 21
    assert lines[-1].startswith("... and ") and "'briefing validate --all' lists every one" in (
        lines[-1])


def test_validate_all_shows_every_problem(tmp_path, monkeypatch):
    pack = _broken(tmp_path, monkeypatch, 25)
    result = cli("validate", str(pack), "--all")
    lines = result.stderr.splitlines()
    assert result.exit_code == 1 and not any(line.startswith("...") for line in lines)
    assert sum("uses unknown unit 'nounit" in line for line in lines) == 25


def test_validate_checks_the_ignore_list(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    pack = write(tmp_path / "pack")
    with (pack / "manifest.yaml").open("a", encoding="utf-8") as handle:
        handle.write("coverage_ignore: ignore.yaml\n")
    result = cli("validate", str(pack))
    assert result.exit_code == 1
    assert "the coverage ignore list named by the manifest is missing" in result.stderr
    (pack / "ignore.yaml").write_text(
        "- {doc: report, number: 5.0%, near: 城镇调查失业率5.5%, reason: x}\n"
        "- {doc: report, number: 前三, near: 居全省前三, reason: y}\n", encoding="utf-8")
    result = cli("validate", str(pack))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [  # "error:", the file with its pack (issue 29)
        f"error: {pack / 'ignore.yaml'}:1: 'near' must be verbatim in document 'report' and "
        "hold '5.0%'"]


def test_stub_is_bounded(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes("增长5%。".encode() * (5 * 1024 * 1024 // 9 + 1))
    for path, message in ((big, "is over 5,242,880 bytes"), ("/dev/zero", "is not a file"),
                          (tmp_path, "is not a file"), (tmp_path / ("x" * 300), "cannot be read")):
        result = cli("stub", str(path))
        assert result.exit_code == 1 and message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_stub_yaml_is_what_the_reader_found(tmp_path):
    doc, _ = documents()[0]
    stubs = yaml.safe_load(cli("stub", str(doc)).stdout)
    reading = read_figures(doc.read_text(encoding="utf-8"))
    assert [s["display"] for s in stubs] == [f.display for f in reading.figures]
    text = doc.read_text(encoding="utf-8")
    for stub in stubs:
        assert text.count(stub["source"]["quote"]) == 1


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.fixed_dictionaries({
    "id": _TEXT, "label": st.fixed_dictionaries({"zh": _TEXT, "en": _TEXT}),
    "value": st.one_of(st.integers(-10**15, 10**15), st.floats(allow_nan=False,
                                                               allow_infinity=False)),
    "unit": _TEXT}), max_size=4))
def test_draft_yaml_reads_back_exactly(items):
    assert yaml.safe_load(dump(items)) == items
    assert yaml.safe_load(dump({"id": "s", "figures": items})) == {"id": "s", "figures": items}


def test_the_answer_keys_locate_every_number():
    for doc, key in documents():
        text = doc.read_text(encoding="utf-8")
        head, entries = load_key(text, key)
        assert head["year"] == 2026 and len(entries) > 40


def test_the_reader_meets_its_goals_on_the_labelled_documents():
    """The goals of issue 31, held as the reader changes (bench/draft_quality.py reports the
    numbers): every headline figure right, no wrong reading, annual targets and periods ≥ 95%,
    non-figures ≤ 10% of what is drafted, every quote verbatim and unique."""
    total, _ = run(read_figures)
    assert total.headline_right == total.headline
    assert total.wrong_readings == []
    assert total.annual_targets_tagged >= 0.95 * total.annual_targets
    assert total.period_right >= 0.95 * total.found
    assert len(total.not_figures_drafted) <= 0.10 * total.drafted
    assert total.quotes_bad == []
