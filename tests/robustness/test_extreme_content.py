"""Legal but extreme content: text that tries to be markup, escapes or bidi tricks is shown
inert in the CLI and in exported Markdown; a 10,000-item pack with a 300,000-character line
loads and the CLI answers."""

from __future__ import annotations

import hashlib
import re
import time
from html import unescape as html_unescape
from pathlib import Path

import pytest
from _robustness import SME_QUOTE, run_cli

from briefing.pack import load_pack

# -- legal but nasty text: shown inert everywhere ------------------------------------------------

NASTY = ("[bold red]X[/] [link=https://evil.example]click[/link] \x1b[2J\x1b[H "
         "\x1b]8;;https://evil.example\x1b\\osc\x1b]8;;\x1b\\ \x9b2J \u202eevil\u202c "
         "\u200bzw\u200d\u2066iso\u2069\u061c | *a* _b_ `c` <b>h</b> # \\ &#x202e;"
         "\u2028\U000e0041\ufff9tag\ufffb\u206a\ue000")
QUOTE = "苏州2024年[bold]指标[/bold]\x1b[31m达到1.5万家\u202e"
DOC = "前言。" + QUOTE + "。结束。\n"
INVISIBLE = ("\x1b", "\x9b", "\u202e", "\u202c", "\u200b", "\u200d", "\u2066", "\u2069",
             "\u061c", "\u2028", "\U000e0041", "\ufff9", "\ufffb", "\u206a", "\ue000")


def _nasty_text(lines: bool = False) -> dict[str, str]:
    extra = "\n- item\n1. x\n---\n===\n> q" if lines else ""
    return {"zh": NASTY + extra, "en": NASTY + extra}


@pytest.fixture
def nasty_pack(make_pack) -> Path:
    def edit(files):
        files["manifest.yaml"]["documents"].append({
            "id": "nasty-doc", "file": "nasty.txt", "title": _nasty_text(),
            "publisher": _nasty_text(), "date": "2025",
            "sha256": hashlib.sha256(DOC.encode("utf-8")).hexdigest()})
        section = files["sections/weaknesses.yaml"]
        section["title"], section["text"] = _nasty_text(), _nasty_text(lines=True)
        section["items"] = [{
            "id": "nasty-item", "title": _nasty_text(), "text": _nasty_text(lines=True),
            "source": {"doc": "nasty-doc", "quote": QUOTE},
            "figures": [{"id": "nasty-fig", "label": _nasty_text(), "value": 15000,
                         "unit": "enterprises", "display": "1.5万家", "period": "2024",
                         "kind": "actual", "note": _nasty_text(),
                         "source": {"doc": "nasty-doc", "quote": QUOTE}}]}]

    return make_pack(edit, raw={"nasty.txt": DOC})


@pytest.mark.parametrize("args", [
    ("sections",), ("show", "weaknesses"), ("show", "nasty-item"), ("show", "nasty-fig"),
    ("figures",), ("figures", "--section", "weaknesses"), ("export", "weaknesses"),
    ("sections", "--json"), ("figures", "--json"), ("show", "weaknesses", "--lang", "zh"),
    ("search", "evil", "--json"), ("search", "evil"),
])
def test_nasty_text_is_inert_in_the_cli(nasty_pack, args):
    result = run_cli("--content", str(nasty_pack), *args)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not any(ch in out for ch in INVISIBLE), repr(out[:400])
    assert "evil" in out  # the visible text survives
    if "--json" in args:
        assert "\\u202e" in out and "\\u001b" in out  # kept exactly, as escapes
    elif "export" in args:
        assert "\\[bold red]X\\[/]" in out
    elif "figures" in args:  # a narrow table column folds the label; it starts literally
        assert "[bold red]X[/]" in out
    elif "search" in args:  # snippets fold in narrow columns; the markup stays literal text
        assert "[bold" in out
    else:
        assert "[bold red]X[/]" in out and "[link=https://evil.example]click[/link]" in out


def test_markdown_export_of_nasty_text(nasty_pack, tmp_path):
    import cmarkgfm
    from cmarkgfm.cmark import Options

    out = tmp_path / "nasty.md"
    assert run_cli("--content", str(nasty_pack), "export", "weaknesses", "-o",
                   str(out)).exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert not any(ch in md for ch in INVISIBLE)
    for line in ("\\- item", "1\\. x", "\\---", "\\===", "\\> q"):
        assert line in md.splitlines(), line
    html = cmarkgfm.github_flavored_markdown_to_html(md, options=Options.CMARK_OPT_FOOTNOTES)
    assert not re.search(r"<(b|em|script|del|hr|blockquote)\b", html)
    assert 'href="https://evil' not in html
    visible = html_unescape(re.sub(r"<[^>]*>", "", html))
    assert "[link=https://evil.example]click[/link]" in visible
    assert "| *a* _b_ `c` <b>h</b> # \\ &#x202e;" in visible
    rows = [line for line in md.splitlines() if line.startswith("| ") and "nasty" not in line]
    body_rows = [r for r in rows if "15,000" in r]
    assert len(body_rows) == 1
    row = body_rows[0].replace("\\|", "")
    assert row.count("|") == 7, body_rows[0]  # six cells: the pack's pipe is escaped


def ten_thousand_items(files: dict) -> None:
    """10,000 items (1,000 with figures) and a 300,000-character line."""
    items = []
    for n in range(10_000):
        item = {"id": f"item-{n}", "title": {"zh": f"条目{n}", "en": f"Item {n}"},
                "text": {"zh": "内容" * 20, "en": "Text " * 20},
                "source": {"doc": "review-2024", "quote": SME_QUOTE}}
        if n % 10 == 0:
            item["figures"] = [{
                "id": f"fig-{n}", "label": {"zh": "数", "en": "Count"}, "value": 24300,
                "unit": "enterprises", "display": "2.43万家", "period": "2024",
                "kind": "actual", "source": {"doc": "review-2024", "quote": SME_QUOTE}}]
        items.append(item)
    files["sections/weaknesses.yaml"]["items"] = items
    files["sections/talent-services.yaml"]["text"] = {"zh": "长" * 300_000,
                                                      "en": "long " * 60_000}


def test_ten_thousand_items_and_long_lines_load(make_pack):
    """10,000 items (1,000 with figures) and a 300,000-character line: loads, CLI works."""
    path = make_pack(ten_thousand_items)
    started = time.perf_counter()
    pack = load_pack(path)
    elapsed = time.perf_counter() - started
    print(f"\n10,000-item pack loaded in {elapsed:.2f}s")
    assert len(list(pack.node("weaknesses").walk())) == 10_001
    assert elapsed < 30
    figures = run_cli("--content", str(path), "figures", "--section", "item-9990")
    assert figures.exit_code == 0 and "fig-9990" in figures.stdout
    shown = run_cli("--content", str(path), "show", "item-5000")
    assert shown.exit_code == 0 and "Item 5000" in shown.stdout
    assert run_cli("--content", str(path), "show", "talent-services").exit_code == 0
