"""What the command line prints, for people and for pipes: whole ids, whole numbers, CSV,
one-line usage errors (issue: every figure whole and readable)."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import subprocess
import sys

import pytest

from briefing.pack import bundled_pack_dir, load_pack


@pytest.fixture(scope="module")
def pack():
    return load_pack(bundled_pack_dir())


def cli(*args: str, columns: int = 80) -> subprocess.CompletedProcess[str]:
    """The real CLI as a process whose stdout is a pipe (as under grep or less)."""
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


# -- piped output --------------------------------------------------------------------------------

@pytest.mark.parametrize("columns", [40, 80])
def test_piped_ids_are_whole_on_one_line_and_lines_have_no_trailing_padding(pack, columns):
    figures = cli("figures", columns=columns).stdout
    comparisons = cli("compare", columns=columns).stdout
    for text in (figures, comparisons):
        assert all(line == line.rstrip() for line in text.splitlines())
    figure_lines = figures.splitlines()
    for fig in pack.figures():
        assert any(re.search(rf"(^|\s){re.escape(fig.id)}(\s|$)", line) for line in figure_lines)
    for comparison in pack.comparisons:
        assert re.search(rf"(^|\s){re.escape(comparison.id)}(\s|$)", comparisons, re.M)
    assert "…" not in figures + comparisons


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_show_keeps_ids_whole_and_citations_on_their_sentence(pack, lang):
    for section in pack.sections:
        text = cli("show", section.id, "--lang", lang, columns=60).stdout
        lines = text.splitlines()
        for fig in section.all_figures():
            assert any(fig.id in line for line in lines), fig.id
        for line in lines:
            assert line == line.rstrip()
            assert not re.fullmatch(r"\s*\[\d+\]\s*", line), f"citation alone on a line: {line!r}"
            assert line.lstrip()[:1] not in tuple("，。、；：）"), line


def test_show_zh_never_splits_a_number_from_its_digits_or_unit(pack):
    """The analyst's examples: "项目10⏎0个", "超10⏎00家次" in plan-talent."""
    for columns in (40, 60, 80, 100):
        lines = cli("show", "plan-talent", "--lang", "zh", columns=columns).stdout.splitlines()
        joined = "\n".join(lines)
        assert "100个" in joined and "1000家次" in joined
        for line, nxt in itertools.pairwise(lines):
            if re.search(r"[\d.%]$", line):
                assert not re.match(r"[\d.%个家次万亿人项]", nxt.lstrip()), (line, nxt)


def test_show_accepts_every_id_the_pack_has(pack):
    ids = [*pack.ids()]
    for item_id in ids[:: max(1, len(ids) // 12)]:
        result = cli("show", item_id)
        assert result.returncode == 0, (item_id, result.stderr)
        assert result.stdout.strip()


def test_progress_numbers_align_and_read_the_same_as_everywhere(pack):
    text = cli("compare", "targets-2025-progress", columns=100).stdout
    assert "90.0%" not in text and "90%" in text
    rows = [line for line in text.splitlines() if re.search(r"\d%\s*$", line)]
    assert rows
    assert len({len(line) for line in rows}) == 1  # right-aligned: rows end in one column


def test_ratio_rows_state_the_relation_in_words(pack):
    view = next(c for c in pack.comparisons if c.kind == "ratio")
    text = cli("compare", view.id, columns=120).stdout
    baseline = (view.baseline.label.en if view.baseline else "baseline")
    assert re.search(rf"{re.escape(baseline)} [≈=] \d+/\d+ of ", text), text


# -- CSV ------------------------------------------------------------------------------------------

def test_figures_csv_has_a_header_and_every_scalar_field(pack):
    out = cli("figures", "--csv").stdout
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    as_json = json.loads(cli("figures", "--json").stdout)
    assert len(rows) == len(as_json) == sum(1 for _ in pack.figures())
    for row, record in zip(rows, as_json, strict=True):
        assert row["id"] == record["id"]
        assert float(row["value"]) == record["value"]
        assert row["label.zh"] == record["label"]["zh"]
        assert row["source.quote"] == record["source"]["quote"]
    raw = subprocess.run([sys.executable, "-m", "briefing", "figures", "--csv"],
                         capture_output=True, check=True, timeout=120).stdout
    assert raw.count(b"\r\n") == len(rows) + 1  # RFC 4180 line ends, header included
    raw.decode("utf-8")


def test_compare_csv_has_one_row_per_comparison_row(pack):
    comparison = next(c for c in pack.comparisons if c.kind == "progress")
    rows = list(csv.DictReader(io.StringIO(cli("compare", comparison.id, "--csv").stdout,
                                           newline="")))
    data = json.loads(cli("compare", comparison.id, "--json").stdout)
    assert [r["figure"] for r in rows] == [r["figure"] for r in data["rows"]]
    assert {r["comparison"] for r in rows} == {comparison.id}


# -- errors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ("figures", "--bogus"), ("show",), ("search", "x", "--limit", "abc"), ("nonsense",),
])
def test_usage_errors_are_one_line(args):
    result = cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr


def test_lang_is_case_insensitive():
    assert cli("--lang", "ZH", "sections").returncode == 0
    assert cli("sections", "--lang", "Zh").returncode == 0


def test_did_you_mean_never_suggests_what_was_typed(pack):
    figure = next(iter(pack.figures()))
    result = cli("figures", "--section", figure.id)
    assert result.returncode == 1
    assert f"did you mean '{figure.id}'" not in result.stderr
    assert "is a figure" in result.stderr


def test_a_comparison_and_figure_ids_cannot_be_mixed(pack):
    comparison = pack.comparisons[0]
    figure = next(iter(pack.figures()))
    result = cli("compare", comparison.id, figure.id)
    assert result.returncode == 2
    assert "cannot be mixed" in result.stderr and len(result.stderr.splitlines()) == 1


def test_search_json_en_is_english_only():
    hits = json.loads(cli("search", "院士", "--json").stdout)
    figure_hits = [h for h in hits if h["kind"] == "figure"]
    assert figure_hits
    for hit in figure_hits:
        assert not re.search(r"[\u4e00-\u9fff]", hit["en"]), hit["en"]
