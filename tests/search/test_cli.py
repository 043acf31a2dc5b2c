"""``briefing search``: table and JSON output, options, errors, odd queries."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_json_shape():
    result = run("search", "yanfa", "--json", "--limit", "3")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert 0 < len(hits) <= 3
    for hit in hits:
        assert set(hit) == {"id", "kind", "section", "title", "score", "zh", "en", "spans",
                            "value"}
        assert set(hit["title"]) == {"zh", "en"}
        for span in hit["spans"]:
            assert set(span) == {"field", "start", "end"}
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert "研发" in result.stdout  # ensure_ascii=False


def test_json_spans_index_the_named_field(bundled):
    hits = json.loads(run("search", "留创贷", "--json").stdout)
    top = hits[0]
    assert top["id"] == "talent-returnee-loans"
    node = bundled.node(top["id"])
    fields = {"title.zh": node.title.zh, "text.zh": node.text.zh, "title.en": node.title.en,
              "text.en": node.text.en}
    for span in top["spans"]:
        assert fields[span["field"]][span["start"]:span["end"]] == "留创贷"


def test_table_output():
    result = run("search", "enterprize")
    assert result.exit_code == 0
    assert "Score" in result.stdout and "enterprise" in result.stdout.lower()
    result = run("search", "人才", "--lang", "zh", "-n", "2")
    assert "得分" in result.stdout


def test_table_says_what_it_counts_and_shows_figure_values(bundled):
    from briefing.figures.formatting import figure_value

    fig = bundled.figure("rd-intensity-2024")
    for lang in ("en", "zh"):
        hits = json.loads(run("search", "研发强度", "--json", "--lang", lang).stdout)
        out = run("search", "研发强度", "--lang", lang).stdout
        first = out.splitlines()[0]
        figures = sum(h["kind"] == "figure" for h in hits)
        assert figures and figures < len(hits)  # a mixed list: counted by kind
        if lang == "en":
            assert first.startswith(f"{len(hits)} hits: {figures} figures")
        else:
            assert first.startswith(f"{len(hits)}条结果：数据{figures}项")
        assert figure_value(bundled, fig, lang) in out
    hits = json.loads(run("search", "人才", "--json", "-n", "3").stdout)
    assert run("search", "人才", "-n", "3", "--lang", "en").stdout.startswith("first 3 hits")
    value = next(h["value"] for h in json.loads(run("search", "研发强度", "--json").stdout)
                 if h["id"] == fig.id)
    assert value == {"zh": fig.display, "en": figure_value(bundled, fig, "en")}
    assert all(h["value"] is None for h in hits if h["kind"] != "figure")


def test_section_option():
    hits = json.loads(run("search", "人才", "--json", "--section", "weaknesses").stdout)
    assert hits and {h["section"] for h in hits} == {"weaknesses"}
    result = run("search", "x", "--section", "nope")
    assert result.exit_code == 1
    assert "unknown section" in result.output and "Traceback" not in result.output


def test_bad_limit():
    result = run("search", "x", "--limit", "0")
    assert result.exit_code == 2 and "--limit" in result.output


def test_an_empty_query_is_a_clear_error():
    for query in ("", "   "):
        result = run("search", "--", query)
        assert result.exit_code == 2
        assert result.output.strip().splitlines() == [
            "error: the search query is empty: give a word in Chinese, English or pinyin"]


@pytest.mark.parametrize("query", ["[bold red]x[/]", "(((", ".*+?", "\x1b[31mred", "\x00",
                                   "🎉🎉", "a" * 10_000, "研发" * 5000, "--", "[/]"])
def test_any_query_is_safe(query):
    result = run("search", "--json", "--", query)
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)
    result = run("search", "--", query)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output


def test_markup_in_content_is_not_interpreted():
    from rich.console import Console

    from briefing.present.snippets import snippet

    text = snippet("[bold]not markup[/bold] 研发", [(19, 21)])
    console = Console(record=True, width=80)
    console.print(text)
    assert "[bold]not markup[/bold]" in console.export_text()
    assert any(span.start == 19 for span in text.spans)


def test_snippet_window_and_unprintables():
    from briefing.present.snippets import snippet

    text = "x" * 200 + "研发" + "y" * 200
    out = snippet(text, [(200, 202)], width=40)
    assert out.plain.startswith("…") and out.plain.endswith("…") and "研发" in out.plain
    assert snippet("a\x1bb", [(2, 3)]).plain == "a b"


def test_large_index_build_shows_progress(bundled, tmp_path, monkeypatch):
    import sys
    from pathlib import Path

    from briefing.cli import search as search_cli
    from briefing.search import SearchEngine

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from search_bench import synthetic_pack

    calls = []
    monkeypatch.setattr(search_cli, "PROGRESS_MIN_FIELDS", 100)
    engine = SearchEngine(synthetic_pack(bundled, 3), cache_dir=tmp_path)
    real = engine.prepare
    monkeypatch.setattr(engine, "prepare",
                        lambda progress=None: real(lambda d, t: (calls.append((d, t)),
                                                                 progress(d, t))))
    search_cli._prepare_with_progress(engine)
    assert engine.index_source == "built"
    assert calls and calls[-1][0] == calls[-1][1]
    assert engine.search("yanfa")


def test_cli_search_does_not_load_pypinyin_textual_opencc_sqlite_or_numpy(tmp_path):
    """Simplified and pinyin queries never pay for OpenCC (only traditional ones do), and a
    small pack never for SQLite (only a large pack's search store is read with it)."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from briefing.cli import app\n"
        "for q in ('yanfa', '研发', 'enterprize', 'yfjg', 'yuànshì', 'lü'):\n"
        "    r = CliRunner().invoke(app, ['search', q, '--json'])\n"
        "    assert r.exit_code == 0, r.output\n"
        "loaded = {m.split('.')[0] for m in sys.modules}\n"
        "print(sorted(loaded & {'pypinyin', 'textual', 'opencc', 'sqlite3', 'numpy'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parents[2], check=False,
                         env={"BRIEFING_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
