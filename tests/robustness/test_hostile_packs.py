"""Hostile and broken content packs: every one is a located message and a clean non-zero exit.

Each case builds a pack (from the small valid pack of ``make_pack``), then checks the loader's
exact ``file:line: message`` and that both ``briefing validate PATH`` and
``briefing --content PATH figures`` fail with it on stderr: exit 1, no traceback, quickly.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from _robustness import SME_QUOTE, run_cli, run_module

from briefing.pack import PackInvalid, load_pack
from briefing.pack.yamlio import MAX_FILE_BYTES

WEAK = "sections/weaknesses.yaml"
HEAD = "id: weaknesses\ntitle: {zh: 短板, en: Gaps}\ntext: {zh: 差距, en: Gaps}\n"


def weak(body: str) -> Callable:
    """A case whose weaknesses section is the raw YAML ``body``."""
    return lambda make_pack, tmp_path: make_pack(raw={WEAK: body})


def figure_yaml(**fields: str) -> str:
    base = {"id": "gap-fig", "label": "{zh: 数, en: Count}", "value": "24300",
            "unit": "enterprises", "display": "2.43万家", "period": '"2024"', "kind": "actual",
            "source": f"{{doc: review-2024, quote: {SME_QUOTE}}}"}
    base.update(fields)
    lines = [f"      {k}: {v}" for k, v in base.items() if v is not None]
    lines[0] = "    - " + lines[0].lstrip()
    return (HEAD + "items:\n  - id: gap\n    title: {zh: 差, en: Gap}\n"
            "    text: {zh: 差, en: Gap}\n    figures:\n" + "\n".join(lines) + "\n"
            f"    source: {{doc: review-2024, quote: {SME_QUOTE}}}\n")


def edited(edit: Callable[[dict], None]) -> Callable:
    return lambda make_pack, tmp_path: make_pack(edit)


def manifest_doc(**fields: object) -> Callable:
    def edit(files: dict) -> None:
        files["manifest.yaml"]["documents"][0].update(fields)
    return edited(edit)


def sparse_section(make_pack, tmp_path: Path) -> Path:
    path = make_pack()
    with (path / WEAK).open("r+b") as handle:  # 50 MB without writing 50 MB
        handle.truncate(50 * 1024 * 1024)
    return path


def sparse_document(make_pack, tmp_path: Path) -> Path:
    def edit(files):
        files["manifest.yaml"]["documents"].append({
            "id": "huge-doc", "file": "huge.txt", "title": {"zh": "大", "en": "Huge"},
            "publisher": {"zh": "某", "en": "Someone"}, "date": "2025", "sha256": "0" * 64})

    path = make_pack(edit)
    with (path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return path


def symlinked_document(make_pack, tmp_path: Path) -> Path:
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    path = make_pack(lambda files: files["manifest.yaml"]["documents"][0].update(
        file="linked.txt"))
    os.symlink(outside, path / "linked.txt")
    return path


def symlinked_section(make_pack, tmp_path: Path) -> Path:
    path = make_pack()
    outside = tmp_path / "outside.yaml"
    outside.write_text(HEAD, encoding="utf-8")
    (path / WEAK).unlink()
    os.symlink(outside, path / WEAK)
    return path


def seeds_linked_out(make_pack, tmp_path: Path) -> Path:
    """Item 5: a seeds/ folder that is a link to a system folder (/etc in the probe)."""
    import shutil

    path = make_pack()
    system = tmp_path / "system"
    shutil.move(tmp_path / "seeds", system)
    os.symlink(system, tmp_path / "seeds")
    return path


def device_section(make_pack, tmp_path: Path) -> Path:
    path = make_pack()
    (path / WEAK).unlink()
    os.symlink("/dev/zero", path / WEAK)  # reading it would never end
    return path


def missing_manifest(make_pack, tmp_path: Path) -> Path:
    path = make_pack()
    (path / "manifest.yaml").unlink()
    return path


def not_a_directory(make_pack, tmp_path: Path) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(HEAD, encoding="utf-8")
    return path


BOMB = ("id: weaknesses\n"
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n")

#: (setup, expected): ``expected`` is the exact first problem, or ``("prefix", text)``.
CASES = [
    # -- YAML syntax
    pytest.param(weak("id: weaknesses\ntitle: {zh: a, en: b\ntext: {zh: a, en: b}\n"),
                 ("prefix", f"{WEAK}:3: YAML syntax error: "), id="syntax-unclosed-flow"),
    pytest.param(weak("id: weaknesses\n\ttitle: x\n"),
                 ("prefix", f"{WEAK}:2: YAML syntax error: "), id="syntax-tab-indent"),
    pytest.param(weak("id: weaknesses\ntitle: a: b\n"),
                 ("prefix", f"{WEAK}:2: YAML syntax error: mapping values are not allowed"),
                 id="syntax-colon-in-value"),
    pytest.param(weak('id: weaknesses\ntitle: "unterminated\n'),
                 ("prefix", f"{WEAK}:3: YAML syntax error: "), id="syntax-open-quote"),
    pytest.param(weak("? [a, b]\n: c\n"), f"{WEAK}:1: YAML error: found unhashable key",
                 id="syntax-unhashable-key"),
    pytest.param(weak(HEAD + "text: {zh: 又, en: again}\n"),
                 f"{WEAK}:4: duplicate key 'text' (first at line 3)", id="duplicate-key"),
    # -- wrong types
    pytest.param(weak("- id: weaknesses\n"), f"{WEAK}:1: a section must be a mapping, got a list",
                 id="type-section-is-list"),
    pytest.param(lambda mp, tp: mp(raw={"manifest.yaml": "just text\n"}),
                 "manifest.yaml:1: the manifest must be a mapping, got text",
                 id="type-manifest-is-text"),
    pytest.param(weak("id: weaknesses\ntitle: [短板, Gaps]\ntext: {zh: 差距, en: Gaps}\n"),
                 f"{WEAK}:2: 'title' of section 'weaknesses' must be a mapping with 'zh' and 'en' "
                 "(title: {zh: …, en: …}), got a list",
                 id="type-title-is-list"),
    pytest.param(weak("id: weaknesses\ntitle: {zh: 短板, en: [x]}\ntext: {zh: 差距, en: Gaps}\n"),
                 f"{WEAK}:2: 'en' of 'title' of section 'weaknesses' must be text, got a list",
                 id="type-text-is-list"),
    pytest.param(weak(figure_yaml(value="lots")),
                 f"{WEAK}:11: 'value' of figure 'gap-fig' must be a number, got text",
                 id="type-value-is-text"),
    pytest.param(weak(figure_yaml(value="true")),
                 f"{WEAK}:11: 'value' of figure 'gap-fig' must be a number, got true/false",
                 id="type-value-is-bool"),
    pytest.param(weak(figure_yaml(value="1" + "0" * 400)),
                 f"{WEAK}:11: 'value' of figure 'gap-fig' must be finite",
                 id="type-value-huge-int"),
    pytest.param(weak(figure_yaml(value="1" * 4301)),
                 f"{WEAK}:11: YAML value '11111111111111111111…' (4,301 characters) cannot be "
                 "read: Exceeds the limit (4300 digits) for integer string conversion: value "
                 "has 4301 digits", id="yaml-int-over-4300-digits"),
    pytest.param(weak(figure_yaml(value="0x" + "f" * 4000)),
                 f"{WEAK}:11: YAML value '0xffffffffffffffffff…' (4,002 characters) is too "
                 "large to be a number", id="yaml-hex-int-too-wide-to-print"),
    pytest.param(weak(HEAD + "date: 2024-02-30\n"),
                 f"{WEAK}:4: YAML value '2024-02-30' cannot be read: day is out of range for "
                 "month", id="yaml-impossible-date"),
    pytest.param(weak(HEAD + "at: 2024-01-01 25:00:00\n"),
                 f"{WEAK}:4: YAML value '2024-01-01 25:00:00' cannot be read: hour must be in "
                 "0..23", id="yaml-impossible-time"),
    pytest.param(weak(figure_yaml(value=".inf")),
                 f"{WEAK}:11: 'value' of figure 'gap-fig' must be finite", id="type-value-inf"),
    pytest.param(weak(figure_yaml(period="2024-01-01")),
                 f"{WEAK}:14: 'period' of figure 'gap-fig' must be text, got date",
                 id="type-period-is-date"),
    pytest.param(weak(figure_yaml(kind="actaul")),
                 f"{WEAK}:15: 'kind' of figure 'gap-fig' must be one of actual, estimate, target, "
                 "rank, tier, ratio, growth, cumulative, nominal; got 'actaul' (did you mean "
                 "'actual'?)",
                 id="type-kind-misspelt"),
    pytest.param(weak("id: Weak Nesses\ntitle: {zh: 短板, en: Gaps}\ntext: {zh: 差距, en: Gaps}\n"),
                 f"{WEAK}:1: id 'Weak Nesses' must be lowercase letters, digits and '-'",
                 id="type-bad-id"),
    pytest.param(weak(HEAD + "title2: !!binary aGVsbG8=\n"),
                 f"{WEAK}:4: unknown field 'title2' in a section (did you mean 'title'?)",
                 id="type-binary-unknown-field"),
    # -- missing fields
    pytest.param(weak("id: weaknesses\ntext: {zh: 差距, en: Gaps}\n"),
                 f"{WEAK}:1: section 'weaknesses' is missing required field 'title'",
                 id="missing-title"),
    pytest.param(weak("id: weaknesses\ntitle: {en: Gaps}\ntext: {zh: 差距, en: Gaps}\n"),
                 f"{WEAK}:2: 'title' of section 'weaknesses' is missing required field 'zh'",
                 id="missing-chinese"),  # English may wait for a translator; Chinese may not
    pytest.param(weak(figure_yaml(value=None)),
                 f"{WEAK}:9: figure 'gap-fig' is missing required field 'value'",
                 id="missing-value"),
    pytest.param(weak(figure_yaml(source=None)),
                 f"{WEAK}:9: figure 'gap-fig' is missing required field 'source'",
                 id="missing-source"),
    pytest.param(missing_manifest, "manifest.yaml: file not found", id="missing-manifest"),
    pytest.param(not_a_directory, ("suffix", "pack.yaml: not a content pack directory"),
                 id="missing-pack-dir"),
    # -- unknown fields, with a suggestion
    pytest.param(weak(HEAD.replace("title:", "titel:")),
                 f"{WEAK}:2: unknown field 'titel' in a section (did you mean 'title'?)",
                 id="unknown-field-section"),
    pytest.param(weak(figure_yaml(perod='"2024"')),
                 f"{WEAK}:17: unknown field 'perod' in a figure (did you mean 'period'?)",
                 id="unknown-field-figure"),
    pytest.param(edited(lambda f: f["manifest.yaml"].update(section=["x"])),
                 ("prefix", "manifest.yaml:"),
                 id="unknown-field-manifest"),
    # -- duplicate ids and dangling references
    pytest.param(weak(HEAD + "items:\n  - id: ach-enterprises\n    title: {zh: a, en: b}\n"
                      f"    text: {{zh: a, en: b}}\n    source: {{doc: review-2024, quote: "
                      f"{SME_QUOTE}}}\n"),
                 f"{WEAK}:5: duplicate id 'ach-enterprises' (first defined at "
                 "sections/achievements.yaml:9)", id="duplicate-id"),
    pytest.param(weak(figure_yaml(id="smes")),
                 f"{WEAK}:9: duplicate id 'smes' (first defined at sections/achievements.yaml:20)",
                 id="duplicate-figure-id"),
    pytest.param(weak(figure_yaml(unit="enterprize")),
                 f"{WEAK}:12: figure 'gap-fig' uses unknown unit 'enterprize' "
                 "(did you mean 'enterprises'?)", id="dangling-unit"),
    pytest.param(weak(figure_yaml(source="{doc: review-2042, quote: x}")),
                 f"{WEAK}:16: figure 'gap-fig' cites unknown document 'review-2042'",
                 id="dangling-document"),
    pytest.param(edited(lambda f: f["comparisons.yaml"][0]["entries"][0].update(figure="smez")),
                 "comparisons.yaml:7: comparison 'hnte-progress' refers to unknown figure "
                 "'smez' (did you mean 'smes'?)", id="dangling-figure"),
    pytest.param(edited(lambda f: f["comparisons.yaml"][0].update(section="nowhere")),
                 "comparisons.yaml:9: comparison 'hnte-progress' names unknown section 'nowhere'",
                 id="dangling-section-in-comparison"),
    pytest.param(edited(lambda f: f["manifest.yaml"]["sections"].append("nowhere")),
                 "sections/nowhere.yaml: file not found", id="dangling-section-file"),
    # -- empty files, encodings, line ends
    pytest.param(weak(""), f"{WEAK}: file is empty", id="empty-file"),
    pytest.param(weak("# only a comment\n\n"), f"{WEAK}: file is empty", id="comment-only"),
    pytest.param(weak("\ufeff" + HEAD + "colour: red\n"),
                 f"{WEAK}:4: unknown field 'colour' in a section", id="bom-keeps-lines"),
    pytest.param(weak((HEAD + "colour: red\n").replace("\n", "\r\n")),
                 f"{WEAK}:4: unknown field 'colour' in a section", id="crlf-keeps-lines"),
    pytest.param(weak((HEAD + "colour: red\n").replace("\n", "\r")),
                 f"{WEAK}:4: unknown field 'colour' in a section", id="cr-keeps-lines"),
    pytest.param(lambda mp, tp: mp(raw={WEAK: b"id: weak\xffnesses\n"}),
                 f"{WEAK}: not UTF-8: byte 0xff at offset 8", id="non-utf8"),
    pytest.param(lambda mp, tp: mp(raw={WEAK: HEAD.encode("utf-8") + b"note: \xe4\xb8\n"}),
                 f"{WEAK}: not UTF-8: byte 0xe4 at offset 80", id="non-utf8-truncated"),
    pytest.param(lambda mp, tp: mp(raw={WEAK: HEAD.encode("utf-16")}),
                 f"{WEAK}: not UTF-8: byte 0xff at offset 0", id="utf16"),
    pytest.param(weak(HEAD + "note: a\x00b\n"),
                 f"{WEAK}:4: character U+0000 is not allowed in YAML", id="nul-byte"),
    pytest.param(weak(HEAD + "note: \x1b[2J\n"),
                 f"{WEAK}:4: character U+001B is not allowed in YAML", id="raw-escape-byte"),
    # -- size
    pytest.param(sparse_section, f"{WEAK}: file is 52,428,800 bytes; pack files are limited to "
                 f"{MAX_FILE_BYTES:,} bytes", id="50mb-section"),
    pytest.param(sparse_document, f"manifest.yaml:31: document 'huge.txt' is over "
                 f"{MAX_FILE_BYTES:,} bytes, the limit for pack files", id="50mb-document"),
    # -- aliases, tags, nesting
    pytest.param(weak(BOMB), f"{WEAK}:3: YAML aliases (*name) are not allowed in a content pack",
                 id="billion-laughs"),
    pytest.param(weak("id: weaknesses\ntitle: &t {zh: a, en: b}\ntext: *t\n"),
                 f"{WEAK}:3: YAML aliases (*name) are not allowed in a content pack",
                 id="single-alias"),
    pytest.param(weak("base: &b {zh: a, en: b}\nid: weaknesses\ntitle:\n  <<: *b\n"),
                 f"{WEAK}:4: YAML aliases (*name) are not allowed in a content pack",
                 id="merge-key-alias"),
    pytest.param(weak("id: weaknesses\ntitle: !!python/object/apply:os.system ['echo pwned']\n"),
                 f"{WEAK}:2: YAML tag '!!python/object/apply:os.system' is not allowed in a "
                 "content pack", id="tag-os-system"),
    pytest.param(weak("id: !!python/name:os.system ''\n"),
                 f"{WEAK}:1: YAML tag '!!python/name:os.system' is not allowed in a content pack",
                 id="tag-python-name"),
    pytest.param(weak("id: !!python/object/new:subprocess.Popen [[ls]]\n"),
                 f"{WEAK}:1: YAML tag '!!python/object/new:subprocess.Popen' is not allowed in "
                 "a content pack", id="tag-python-new"),
    pytest.param(weak("id: !custom weaknesses\n"),
                 f"{WEAK}:1: YAML tag '!custom' is not allowed in a content pack",
                 id="tag-local"),
    pytest.param(weak("id: weaknesses\nx: " + "[" * 200_000 + "]" * 200_000 + "\n"),
                 ("prefix", f"{WEAK}"), id="nesting-bomb"),
    # -- paths that escape the pack
    pytest.param(manifest_doc(file="../../etc/passwd"),
                 "manifest.yaml:7: document path '../../etc/passwd' points outside the pack and "
                 "its seeds/ folder", id="document-dotdot"),
    pytest.param(manifest_doc(file="/etc/passwd"),
                 "manifest.yaml:7: document path '/etc/passwd' is absolute; use a path relative "
                 "to the pack", id="document-absolute"),
    pytest.param(symlinked_document, "manifest.yaml:7: document path 'linked.txt' points "
                 "outside the pack and its seeds/ folder", id="document-symlink-out"),
    pytest.param(edited(lambda f: f["manifest.yaml"].update(comparisons="/etc/passwd")),
                 ("suffix", "comparisons file '/etc/passwd' must be a path inside the pack"),
                 id="comparisons-absolute"),
    pytest.param(edited(lambda f: f["manifest.yaml"].update(comparisons="../../etc/hosts")),
                 ("suffix", "comparisons file '../../etc/hosts' must be a path inside the pack"),
                 id="comparisons-dotdot"),
    pytest.param(seeds_linked_out, ("suffix", "points outside the pack and its seeds/ folder "
                 "(seeds/ is a link out)"), id="seeds-folder-links-out"),
    pytest.param(symlinked_section, f"{WEAK}: file is a link pointing outside the pack; refused",
                 id="section-symlink-out"),
    pytest.param(device_section, f"{WEAK}: not a regular file", id="section-is-dev-zero"),
    # -- hostile text inside messages is printed inert (checked in the CLI assertions)
    pytest.param(weak(HEAD + '"\\e[2J\\e]8;;https://evil.example\\a[bold red]x\\u202e": 1\n'),
                 f"{WEAK}:4: unknown field '\x1b[2J\x1b]8;;https://evil.example\x07[bold red]x"
                 "\u202e' in a section", id="escape-in-field-name"),
]

UNSAFE_OUTPUT = ("\x1b", "\x9b", "\x07", "\u202e", "\u200b")


def _first_problem(path: Path) -> str:
    with pytest.raises(PackInvalid) as info:
        load_pack(path)
    return str(info.value.errors[0])


def _matches(found: str, expected: str | tuple[str, str]) -> bool:
    if isinstance(expected, tuple):
        kind, text = expected
        return found.startswith(text) if kind == "prefix" else found.endswith(text)
    return found == expected


@pytest.mark.parametrize(("setup", "expected"), CASES)
def test_hostile_pack(make_pack, tmp_path, setup, expected):
    path = setup(make_pack, tmp_path)
    started = time.process_time()  # CPU time: a busy machine slows the clock, not the work
    found = _first_problem(path)
    assert _matches(found, expected), found
    from briefing.text.sanitize import clean

    shown = clean(found) if not isinstance(expected, tuple) else expected[1]
    for args in (("validate", str(path)), ("--content", str(path), "figures")):
        result = run_cli(*args)
        assert result.exit_code == 1, (args, result.output)
        assert shown in result.stderr, (args, result.stderr)
        assert result.stdout == ""
        assert not any(ch in result.stderr for ch in UNSAFE_OUTPUT), repr(result.stderr)
    assert time.process_time() - started < 10, "a hostile pack must be refused quickly"


def test_unknown_manifest_field_suggests(make_pack):
    path = make_pack(lambda f: f["manifest.yaml"].update(section=["x"]))
    with pytest.raises(PackInvalid) as info:
        load_pack(path)
    assert any(str(e).endswith("unknown field 'section' in the manifest "
                               "(did you mean 'sections'?)") for e in info.value.errors)


def test_bom_and_crlf_pack_loads(make_pack):
    """A BOM and CRLF line ends are legal: the pack loads and reads the same."""
    body = ("\ufeff" + HEAD).replace("\n", "\r\n")
    pack = load_pack(make_pack(raw={WEAK: body}))
    assert pack.node("weaknesses").title.en == "Gaps"
    result = run_cli("--content", str(make_pack(raw={WEAK: body})), "show", "weaknesses")
    assert result.exit_code == 0 and "Gaps" in result.stdout


@pytest.mark.parametrize("setup", [device_section, "fifo"], ids=["dev-zero", "fifo"])
def test_special_files_never_hang(make_pack, tmp_path, setup):
    """A FIFO or a link to /dev/zero among the pack's YAML files must not block loading
    (the start-up cache hashes every *.yaml file): run in a subprocess with a timeout."""
    if setup == "fifo":
        path = make_pack()
        os.mkfifo(path / "notes.yaml")  # not part of the pack, but matched by *.yaml
        expected_code = 0
    else:
        path = setup(make_pack, tmp_path)
        expected_code = 1
    env = {"BRIEFING_CACHE_DIR": str(tmp_path / "cache")}
    for args in (("validate", str(path)), ("--content", str(path), "figures")):
        result = run_module(*args, env=env, timeout=30)
        assert result.returncode == expected_code, result.stderr
        assert b"Traceback" not in result.stderr


def test_too_many_problems_are_capped(make_pack):
    body = HEAD + "".join(f"extra{n}: 1\n" for n in range(30))
    result = run_cli("validate", str(make_pack(raw={WEAK: body})))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 21
    assert lines[-1] == "... and 10 more problems ('briefing validate --all' lists every one)"
    every = run_cli("validate", str(make_pack(raw={WEAK: body})), "--all").stderr.splitlines()
    assert len(every) == 30 and not any(line.startswith("...") for line in every)



PURE_PYTHON_CASES = [
    (BOMB, f"{WEAK}:3: YAML aliases (*name) are not allowed in a content pack"),
    ("id: weaknesses\nx: " + "[" * 100_000 + "]" * 100_000 + "\n",
     f"{WEAK}: YAML nesting is too deep"),
    ("id: !!python/object/apply:os.system ['ls']\n",
     f"{WEAK}:1: YAML tag '!!python/object/apply:os.system' is not allowed in a content pack"),
    (HEAD + "note: a\x00b\n", f"{WEAK}:4: character U+0000 is not allowed in YAML"),
    ("id: weaknesses\ntitle: {zh: \"a\\ud800\", en: b}\ntext: {zh: a, en: b}\n",
     f"{WEAK}:2: 'zh' of 'title' of section 'weaknesses' holds an unpaired surrogate "
     "(\\uD800-\\uDFFF), which is not text"),
]


@pytest.mark.parametrize(("body", "expected"), PURE_PYTHON_CASES,
                         ids=["bomb", "nesting", "tag", "nul", "surrogate"])
def test_pure_python_loader_fallback(make_pack, monkeypatch, body, expected):
    """Without libyaml the pure-Python loader must refuse the same things, as quickly."""
    from briefing.pack import yamlio

    monkeypatch.setattr(yamlio, "_LOADERS", [yamlio._LineLoader])
    path = make_pack(raw={WEAK: body})
    started = time.process_time()  # CPU time: a busy machine slows the clock, not the work
    assert _first_problem(path) == expected
    assert time.process_time() - started < 10
    result = run_cli("validate", str(path))
    assert result.exit_code == 1 and expected in result.stderr


def _loop(tmp_path: Path) -> Path:
    os.symlink(tmp_path / "loop", tmp_path / "loop")
    return tmp_path / "loop" / "pack"


@pytest.mark.parametrize("where", [
    lambda tmp: tmp / ("x" * 300), lambda tmp: tmp / ("y" * 300) / "pack", _loop,
    lambda tmp: (tmp / "file").write_text("x") and tmp / "file" / "pack",
], ids=["long-name", "long-folder", "symlink-loop", "not-a-folder"])
@pytest.mark.parametrize("args", [("validate", "{}"), ("--content", "{}", "figures"),
                                  ("coverage", "{}"), ("--content", "{}", "pins")])
def test_pack_paths_the_system_refuses_are_one_line(tmp_path, where, args):
    """Issue 26, item 7: a path component over 255 bytes, or a symlink loop, was a traceback
    in validate, --content and coverage."""
    path = str(where(tmp_path))
    result = run_cli(*(a.format(path) for a in args))
    assert result.exit_code == 1, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""
