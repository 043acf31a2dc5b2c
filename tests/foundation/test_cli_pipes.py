"""The command line in pipes, cron and subprocesses: tables one row per line at their own width,
the same output whether or not stdin and stderr are terminals, no trailing spaces; CSV a
spreadsheet reads as numbers; errors that say ``error:`` and where; ``--help`` whole."""

from __future__ import annotations

import csv
import fcntl
import io
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

from briefing.pack import bundled_pack_dir, load_pack

PACK = load_pack(bundled_pack_dir())
PROGRESS = next(c for c in PACK.comparisons if c.kind == "progress")


def run(*args: str, env: dict | None = None, terminal_beside: bool = False,
        **kwargs) -> subprocess.CompletedProcess[str]:
    """``python -m briefing ARGS`` with stdout a pipe; ``terminal_beside``: stdin and stderr
    a 200-column terminal (a command typed at a shell, piped into ``cat``)."""
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    base.update(NO_COLOR="1", **(env or {}))
    if not terminal_beside:
        return subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True,
                              text=True, encoding="utf-8", env=base, timeout=120,
                              stdin=subprocess.DEVNULL, **kwargs)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    try:
        result = subprocess.run([sys.executable, "-m", "briefing", *args], stdin=follower,
                                stdout=subprocess.PIPE, stderr=follower, env=base,
                                timeout=120, **kwargs)
    finally:
        os.close(follower)
        os.close(leader)
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode("utf-8"), "")


@pytest.fixture
def pins_state(tmp_path):
    env = {"BRIEFING_STATE_DIR": str(tmp_path / "state"),
           "BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    for item in (PROGRESS.id, next(PACK.figures()).id, PACK.sections[-1].children[0].id):
        assert run("pin", item, env=env).returncode == 0
    return env


COMMANDS = [("figures",), ("compare",), ("compare", PROGRESS.id), ("search", "rencai"),
            ("show", PACK.sections[0].children[0].id), ("figures", "--lang", "zh")]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_the_same_output_whether_or_not_stdin_and_stderr_are_terminals(args):
    """Under cron or a subprocess nothing is a terminal; typed at a shell and piped into
    cat, stdin and stderr are. Rich would size the output by the latter: not here."""
    alone, beside = run(*args), run(*args, terminal_beside=True)
    assert alone.returncode == beside.returncode == 0, alone.stderr
    assert alone.stdout == beside.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_line_ends_in_spaces(args):
    out = run(*args).stdout
    assert out and all(line == line.rstrip() for line in out.splitlines())


def test_figures_on_a_pipe_are_one_row_per_line_at_any_columns():
    for columns in (None, "40"):
        out = run("figures", env={"COLUMNS": columns} if columns else None).stdout
        rows = [line for line in out.splitlines() if re.match(r"\s*[a-z0-9-]+\s{2,}", line)]
        assert len(rows) == sum(1 for _ in PACK.figures())
        for fig, row in zip(PACK.figures(), rows, strict=True):
            assert row.split()[0] == fig.id and " ".join(fig.label.en.split()) in row


def test_compare_prints_the_table_without_any_terminal():
    out = run("compare", PROGRESS.id).stdout
    assert re.search(r"Figure\s+Value\s+Target\s+Unit\s+Gap\s+Reached", out), out
    for entry in PROGRESS.entries:
        label = next(line for line in out.splitlines()
                     if PACK.figure(entry.figure).display not in line and line.strip())
        assert label
    rows = [line for line in out.splitlines() if re.search(r"(%|—|unclear)$", line)]
    assert len(rows) == len(PROGRESS.entries)


def test_search_on_a_pipe_keeps_each_hit_and_its_match_on_one_line():
    out = run("search", "rencai", "--limit", "5").stdout
    rows = [line for line in out.splitlines() if line.startswith("│")]
    assert len(rows) == 5 and all(re.match(r"│\s+\d+ │", row) for row in rows)  # no run-on
    for row in rows:
        match = row.rstrip("│").split("│")[-1].strip()
        assert len(match) > 6  # not folded into 2-3 character pieces


def test_pins_print_one_pin_per_line_without_padding(pins_state):
    out = run("pins", env=pins_state).stdout
    lines = out.splitlines()
    assert len(lines) == 4 and all(line == line.rstrip() for line in lines)


# -- CSV ------------------------------------------------------------------------------------------

def test_csv_numbers_hedges_and_bars():
    figures = list(csv.DictReader(io.StringIO(run("figures", "--csv").stdout, newline="")))
    assert not [r["value"] for r in figures if r["value"].endswith(".0")]
    hedged = [r for r in figures if r["qualifier"]]
    assert hedged and all(r["hedge.zh"] == r["qualifier"] and r["hedge.en"] for r in hedged)
    rows = list(csv.DictReader(io.StringIO(run("compare", PROGRESS.id, "--csv").stdout,
                                           newline="")))
    assert all(len(r["bar"].partition(".")[2]) <= 4 for r in rows if r["bar"])
    assert not [r for r in rows if r["value"].endswith(".0") or r["target_value"].endswith(".0")]
    assert all(r["value_text.zh"] and r["value_text.en"] for r in rows)


# -- errors and help ------------------------------------------------------------------------------

def test_errors_say_error_and_name_the_pack_folder(tmp_path):
    missing = tmp_path / "nowhere"
    empty = tmp_path / "empty"
    empty.mkdir()
    for folder, what in ((missing, f"{missing}: not a content pack directory"),
                         (empty, f"{empty / 'manifest.yaml'}: file not found")):
        for args in (("--content", str(folder), "figures"), ("validate", str(folder))):
            result = run(*args)
            assert result.returncode == 1
            assert result.stderr == f"error: {what}\n", result.stderr


def test_an_id_in_the_wrong_case_gets_its_suggestion():
    item = PACK.sections[-1].children[0].id
    result = run("show", item.upper())
    assert result.returncode == 1
    assert result.stderr == f"error: unknown id '{item.upper()}'; did you mean '{item}'?\n"


def test_show_names_each_document_once():
    """Its sources list each document once, with the quotes cited from it under it (not the
    title again after each of a dozen quotes)."""
    for lang, heading in (("en", "Sources"), ("zh", "来源")):
        out = run("show", PACK.sections[-1].id, "--lang", lang).stdout
        sources = out.split(f"\n{heading}\n", 1)[1]
        cited = [d for d in PACK.documents if d.title.get(lang)[:12] in sources]
        assert cited
        for doc in cited:  # its entry starts a line; its quotes are indented under it
            starts = re.findall(rf"^{re.escape(doc.title.get(lang)[:12])}", sources, re.M)
            assert len(starts) == 1, (lang, doc.id)
        assert len(re.findall(r"^  \[\d+\] “", sources, re.M)) > len(cited)


def test_help_lists_reading_first_and_cuts_nothing():
    out = run("--help", env={"COLUMNS": "80"}).stdout
    assert "..." not in out.split("\n", 1)[1]  # past "Usage: briefing ... [ARGS]..."
    assert out.index("Reading:") < out.index("Pins and sharing:") < out.index("Authoring a pack:")
    for name in ("show", "export", "search", "init", "validate", "stub"):
        assert re.search(rf"^  {re.escape(name)}\s", out, re.M), name
