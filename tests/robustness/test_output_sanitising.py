"""One sanitiser for every output, decided by Unicode's general categories (issue 26, items 3
and 13): terminal, JSON, CSV, Markdown and the app all drop (or, in JSON, escape) the same
characters; CSV cells cannot start a spreadsheet formula."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
import unicodedata

import pytest
from _robustness import run_cli

from briefing.text import sanitize

CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp", "Cn"}
#: What the probe found reaching show, export and the app (item 13), and the terminal
#: attacks through CSV (item 3): tag characters, line/paragraph separators, interlinear
#: annotations, deprecated format characters, OSC 52 (clipboard), OSC 8, C1 CSI.
ISSUE_CHARS = ("\U000e0001\U000e0041\U000e007f\u2028\u2029\ufff9\ufffa\ufffb"
               "\u206a\u206f\u200b\u200e\u202e\u2066\u00ad\ufeff\x9b\x1b\x07\ue000\uffff")
HOSTILE = ("\x1b]52;c;ZXZpbA==\x07\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\"
           "\x9b2J\u202eevil\u2028\U000e0041\ufff9hidden\ufffb\u206a")


def _expected_unsafe(char: str) -> bool:
    """The rule, restated from the categories alone (context-free characters)."""
    if char in "\t\n":
        return False
    category = unicodedata.category(char)
    return category in CATEGORIES and not (category == "Cn" and 0x20000 <= ord(char) < 0x40000)


def test_every_code_point_is_judged_by_its_category():
    assert sanitize.UNSAFE_CATEGORIES == CATEGORIES
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c) != "\u200d")
    kept = set(sanitize.clean(every))
    wrong = [f"U+{ord(c):04X}" for c in every if (c in kept) == _expected_unsafe(c)]
    assert wrong == [], wrong[:20]


def test_the_fast_path_only_passes_safe_characters():
    plain = [c for c in map(chr, range(0x10000)) if not sanitize._SUSPECT.match(c)]
    assert len(plain) > 28_000  # ASCII, Latin, CJK, full-width forms
    assert [f"U+{ord(c):04X}" for c in plain if _expected_unsafe(c)] == []


def test_the_probes_invisible_characters_are_removed():
    assert sanitize.clean("a" + ISSUE_CHARS + "b") == "ab"
    assert sanitize.one_line("x\u2028y\u2029z") == "xyz"


def test_what_chinese_text_needs_is_kept():
    for text in ("苏州２０２４年，增长５％。",
                 "葛\U000e0100城",  # an ideographic variation sequence
                 "\U00031350\U0002ebf0",  # CJK Extension H and I (unassigned in Unicode 14)
                 "👩\u200d💻 and 👁\ufe0f\u200d🗨", "e\u0301", "Ελλάδα", "½ ≤ ∞"):
        assert sanitize.clean(text) == text, text
    clean = sanitize.clean
    assert clean("a\u200db") == "ab" and clean("\u200d👩") == "👩" and clean("👩\u200d") == "👩"


def test_json_escapes_keep_the_text_exactly():
    text = "苏州" + ISSUE_CHARS + "👩\u200d💻"
    shown = sanitize.escape_json(json.dumps({"t": text}, ensure_ascii=False))
    assert json.loads(shown)["t"] == text
    assert all(ch not in shown for ch in ISSUE_CHARS)
    assert "\\udb40\\udc01" in shown  # U+E0001 as a UTF-16 surrogate pair, as JSON spells it


@pytest.mark.parametrize(("cell", "shown"), [
    ("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")"),
    ("+1+1", "'+1+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("\t=1", "'\t=1"), ("\r=1", "'=1"), ("\x1b=1", "'=1"),
    ("-3.5", "-3.5"), ("+12", "+12"), ("-1e5", "-1e5"), ("苏州=1", "苏州=1"), ("", ""),
])
def test_spreadsheet_cells_cannot_start_a_formula(cell, shown):
    assert sanitize.spreadsheet_cell(cell) == shown


@pytest.fixture
def hostile_pack(make_pack):
    quote = "苏州2024年指标达到1.5万家"
    doc = "前言。" + quote + "。\n"

    def edit(files):
        files["manifest.yaml"]["documents"].append({
            "id": "hostile-doc", "file": "hostile.txt", "title": {"zh": HOSTILE, "en": HOSTILE},
            "publisher": {"zh": "=cmd|' /C calc'!A0", "en": "@SUM(1)"}, "date": "2025",
            "sha256": hashlib.sha256(doc.encode()).hexdigest()})
        section = files["sections/weaknesses.yaml"]
        section["items"] = [{
            "id": "hostile-item", "title": {"zh": HOSTILE, "en": HOSTILE},
            "text": {"zh": HOSTILE, "en": HOSTILE},
            "source": {"doc": "hostile-doc", "quote": quote},
            "figures": [
                {"id": f"hostile-fig-{n}", "label": {"zh": label, "en": label},
                 "value": 15000, "unit": "enterprises", "display": "1.5万家",
                 "period": "2024", "kind": "actual", "note": {"zh": HOSTILE, "en": HOSTILE},
                 "source": {"doc": "hostile-doc", "quote": quote}}
                for n, label in enumerate(["=1+1" + HOSTILE, "+SUM(A1)", "@A1", "-1+2"])]}]
        files["comparisons.yaml"].append({
            "id": "hostile-cmp", "title": {"zh": HOSTILE, "en": "=HYPERLINK(1)"},
            "kind": "peers", "entries": [{"figure": "hostile-fig-0", "note": {
                "zh": HOSTILE, "en": HOSTILE}}, {"figure": "hostile-fig-1"}]})

    return make_pack(edit, raw={"hostile.txt": doc})


BAD = ("\x1b", "\x9b", "\x07", "\u202e", "\u2028", "\U000e0041", "\ufff9", "\u206a")


@pytest.mark.parametrize("args", [
    ("figures", "--csv"), ("compare", "hostile-cmp", "--csv"),
    ("compare", "hostile-fig-0", "hostile-fig-1", "--csv"),
    ("figures", "--json"), ("compare", "hostile-cmp", "--json"), ("show", "hostile-item"),
    ("show", "hostile-cmp"), ("export", "hostile-item"), ("export", "hostile-cmp"),
    ("figures",), ("sections",), ("search", "evil"),
])
def test_every_output_is_inert(hostile_pack, args):
    result = run_cli("--content", str(hostile_pack), *args)
    assert result.exit_code == 0, result.output
    assert not [ch for ch in BAD if ch in result.stdout], repr(result.stdout[:300])
    assert "evil" in result.stdout or "csv" in args


@pytest.mark.parametrize("args", [("figures", "--csv"), ("compare", "hostile-cmp", "--csv")])
def test_csv_cells_are_never_formulas(hostile_pack, args):
    result = run_cli("--content", str(hostile_pack), *args)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    cells = [v for row in rows for v in row.values() if isinstance(v, str)]
    assert cells and not [c for c in cells if (c and c[0] in "=+@") or c.startswith("-1+")]
    assert any(c.startswith("'=1+1") for c in cells) or any(c == "'+SUM(A1)" for c in cells)
    assert any(c in ("15000", "15000.0") for c in cells)  # numbers stay numbers


def test_stub_yaml_is_inert_and_exact(tmp_path):
    import yaml

    doc = tmp_path / "doc.txt"
    doc.write_text("2024年，苏州\u202e高企超1.9万家\U000e0041，增长12%\u2028。\n", encoding="utf-8")
    for args in (("stub", str(doc)), ("stub", str(doc), "--json")):
        result = run_cli(*args)
        assert result.exit_code == 0, result.output
        assert not [ch for ch in BAD if ch in result.stdout], repr(result.stdout)
        data = (json.loads if "--json" in args else yaml.safe_load)(result.stdout)
        quotes = "".join(figure["source"]["quote"] for figure in data)
        assert "\u202e" in quotes and "\U000e0041" in quotes  # exact, as escapes
