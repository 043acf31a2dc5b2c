"""init, stub and coverage on documents the tests write."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from briefing.cli import app
from briefing.figures.reading import fraction_text, parse_display
from briefing.pack import load_pack

runner = CliRunner()

DOC = (
    "示范市2024年创新报告\n"
    "7月10日，示范市召开大会。2024年，全市高新技术企业超3千家，同比增长12.5%，"
    "研发投入强度达到3.1%，位居全省第二。\n"
    "一是培育企业，力争2025年科技型企业突破五百家；二是引进人才，引进人才400余人。\n"
    "全市技术合同成交额约为省会的三分之一，七成企业建有研发机构，第十七届创业周举办。\n"
)


def run(*args: str):
    from briefing.cli.console import state

    state.content, state.lang, state._pack = None, "en", None
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output, result.output
    return result


@pytest.fixture
def doc(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "Demo Report.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_the_number_reader_knows_authoring_forms():
    assert parse_display("三分之一") == pytest.approx(1 / 3)
    assert parse_display("七成") == 70
    assert parse_display("超3千家") == 3000
    assert parse_display("五百家") == 500
    assert parse_display("3个百分点") == 3
    assert fraction_text("约为上海的1/5") == "1/5" and fraction_text("三分之一") == "1/3"


def test_init_scaffolds_a_pack_that_validates(doc, tmp_path):
    pack = tmp_path / "demo"
    result = run("init", str(pack), "--doc", str(doc))
    assert result.exit_code == 0, result.output
    manifest = (pack / "manifest.yaml").read_text(encoding="utf-8")
    assert "TODO: briefing title" in manifest and "TODO: the document's date" in manifest
    assert (pack / "documents" / doc.name).read_bytes() == doc.read_bytes()
    assert "ok: demo: 1 sections" in run("validate", str(pack)).stdout
    loaded = load_pack(pack)
    assert loaded.documents[0].id == "demo-report"
    assert loaded.comparisons == ()


def test_init_never_overwrites(doc, tmp_path):
    pack = tmp_path / "demo"
    pack.mkdir()
    (pack / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", str(pack), "--doc", str(doc))
    assert result.exit_code == 1
    assert "already exists and is not empty; nothing was written" in result.stderr
    assert [p.name for p in pack.iterdir()] == ["notes.txt"]


def test_init_keeps_a_gb18030_document_and_its_utf8_text(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("高新技术企业1200家。\n".encode("gb18030"))
    result = run("init", str(tmp_path / "p"), "--doc", str(gbk))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "p" / "documents" / "gbk.txt").read_bytes() == gbk.read_bytes()
    assert load_pack(tmp_path / "p").documents[0].read() == "高新技术企业1200家。\n"


def test_init_refuses_a_document_it_cannot_read(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("café".encode("latin-1"))
    result = run("init", str(tmp_path / "p"), "--doc", str(bad))
    assert result.exit_code == 1 and "cannot tell its encoding" in result.stderr
    assert not (tmp_path / "p").exists()


def _stubs(doc) -> list[dict]:
    result = run("stub", str(doc))
    assert result.exit_code == 0, result.output
    return yaml.safe_load(result.stdout)


def test_stub_drafts_every_figure_but_dates_enumerations_and_names(doc):
    stubs = _stubs(doc)
    displays = [s["display"] for s in stubs]
    assert displays == ["3千家", "12.5%", "3.1%", "第二", "五百家", "400余人", "三分之一",
                        "七成"]
    ignored = yaml.safe_load(run("stub", str(doc), "--ignored").stdout)
    assert ignored == [{"doc": "demo-report", "number": "第十七届",
                        "reason": "the edition of an event, part of its name"}]
    by = {s["display"]: s for s in stubs}
    assert by["3千家"] | {"label": None} == {
        "id": "actual-enterprises-2024", "label": None, "value": 3000, "unit": "enterprises",
        "display": "3千家", "period": "2024", "kind": "actual", "qualifier": "超",
        "source": {"doc": "demo-report", "quote": "全市高新技术企业超3千家"}}
    assert by["12.5%"]["kind"] == "growth"
    assert by["第二"]["kind"] == "rank" and by["第二"]["scope"] == "province"
    assert by["五百家"]["kind"] == "target" and by["五百家"]["qualifier"] == "突破"
    assert by["五百家"]["period"] == "2025"
    assert by["400余人"]["value"] == 400 and by["400余人"]["qualifier"] == "余"
    assert by["三分之一"]["value"] == pytest.approx(1 / 3) and by["三分之一"]["unit"] == "ratio"
    assert by["七成"]["value"] == 70 and by["七成"]["unit"] == "percent"
    for s in stubs:  # every quote is verbatim, and holds its display
        assert s["source"]["quote"] in DOC and s["display"] in s["source"]["quote"]
        assert parse_display(s["display"]) == pytest.approx(s["value"])


def test_stub_json_and_section(doc):
    data = json.loads(run("stub", str(doc), "--json", "--doc-id", "rep").stdout)
    assert {s["source"]["doc"] for s in data} == {"rep"}
    section = yaml.safe_load(run("stub", str(doc), "--section", "overview").stdout)
    assert section["id"] == "overview" and len(section["figures"]) == 8


def test_init_stub_coverage_validate(doc, tmp_path):
    """The guide's loop: init, stub a section, keep some figures, see what is left."""
    pack = tmp_path / "demo"
    run("init", str(pack), "--doc", str(doc))
    section = yaml.safe_load(run("stub", str(doc), "--section", "overview").stdout)
    kept = [f for f in section["figures"] if f["display"] != "七成"]
    section["figures"] = kept
    (pack / "sections" / "overview.yaml").write_text(
        yaml.safe_dump(section, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert run("validate", str(pack)).exit_code == 0

    report = json.loads(run("coverage", str(pack), "--json").stdout)
    assert [(r["number"], r["line"], r["not_a_figure"]) for r in report] == [
        ("七成", 4, None), ("第十七届", 4, "the edition of an event, part of its name")]
    assert report[1]["sentence"].startswith("全市技术合同成交额约为省会的三分之一")

    (pack / "coverage-ignore.yaml").write_text(
        "- doc: demo-report\n  number: 第十七届\n  reason: part of the event's name\n",
        encoding="utf-8")
    with (pack / "manifest.yaml").open("a", encoding="utf-8") as fh:
        fh.write("coverage_ignore: coverage-ignore.yaml\n")
    out = run("coverage", str(pack)).stdout
    assert "demo-report:4: 七成" in out and "第十七届 —" not in out
    assert "1 uncovered number(s); 7 figures, 1 ignored" in out


def test_coverage_reports_a_bad_ignore_entry(doc, tmp_path):
    pack = tmp_path / "demo"
    run("init", str(pack), "--doc", str(doc))
    (pack / "coverage-ignore.yaml").write_text(
        "- doc: demo-report\n  number: 九九\n  reason: x\n- doc: demo\n  number: 七成\n",
        encoding="utf-8")
    with (pack / "manifest.yaml").open("a", encoding="utf-8") as fh:
        fh.write("coverage_ignore: coverage-ignore.yaml\n")
    result = run("coverage", str(pack))
    assert result.exit_code == 1
    where = f"error: {pack / 'coverage-ignore.yaml'}"  # every error says so, and where
    assert result.stderr.splitlines() == [
        f"{where}:1: '九九' does not occur in document 'demo-report'",
        f"{where}:4: 'doc' of an ignored number must be one of demo-report; got 'demo'",
        f"{where}:4: an ignored number is missing required field 'reason'"]


def test_the_bundled_pack_is_fully_covered():
    result = run("coverage")
    assert result.exit_code == 0
    assert result.stdout.startswith("0 uncovered number(s)")


def test_stub_into_the_pack_it_reads(tmp_path, monkeypatch):
    """'stub --content PACK DOC > PACK/sections/x.yaml' empties x.yaml before stub runs: stub
    still reads the manifest (the document's id, the pack's hedges), and a Chinese file name
    gets the id init gave it."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    doc = tmp_path / "示范市报告.txt"
    doc.write_text(DOC, encoding="utf-8")
    pack = tmp_path / "demo"
    run("init", str(pack), "--doc", str(doc))
    (pack / "sections" / "overview.yaml").write_text("", encoding="utf-8")
    result = run("--content", str(pack), "stub", str(pack / "documents" / doc.name),
                 "--section", "overview")
    assert result.exit_code == 0, result.output
    (pack / "sections" / "overview.yaml").write_text(result.stdout, encoding="utf-8")
    section = yaml.safe_load(result.stdout)
    assert {f["source"]["doc"] for f in section["figures"]} == {"doc-1"}
    assert run("validate", str(pack)).exit_code == 0


def test_stub_skips_thresholds_and_latin_names(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("营业收入超亿元企业128家，建成5G基站2.1万个，数字经济核心产业增加值达到860亿元。",
                   encoding="utf-8")
    stubs = yaml.safe_load(run("stub", str(doc)).stdout)
    assert [(s["display"], s["kind"]) for s in stubs] == [
        ("128家", "actual"), ("2.1万个", "actual"), ("860亿元", "actual")]


@pytest.mark.parametrize(("ignore_file", "problem"), [
    (None, "coverage-ignore.yaml: the coverage ignore list named by the manifest is missing"),
    ("- doc: demo-report\n  number: [\n", "coverage-ignore.yaml:3: YAML syntax error"),
    ("- doc: demo-report\n  number: 九九\n  reason: x\n",
     "coverage-ignore.yaml:1: '九九' does not occur in document 'demo-report'"),
    ("link", "coverage-ignore.yaml: file is a link pointing outside the pack; refused"),
])
def test_validate_checks_the_coverage_ignore_file(doc, tmp_path, ignore_file, problem):
    """Issue 26, item 15: validate said ok while the ignore file was missing or broken."""
    import os

    pack = tmp_path / "demo"
    run("init", str(pack), "--doc", str(doc))
    if ignore_file == "link":
        (tmp_path / "outside.yaml").write_text("[]\n", encoding="utf-8")
        os.symlink(tmp_path / "outside.yaml", pack / "coverage-ignore.yaml")
    elif ignore_file is not None:
        (pack / "coverage-ignore.yaml").write_text(ignore_file, encoding="utf-8")
    with (pack / "manifest.yaml").open("a", encoding="utf-8") as fh:
        fh.write("coverage_ignore: coverage-ignore.yaml\n")
    result = run("validate", str(pack))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"error: {pack}/{problem}"), result.stderr
    assert result.stderr.count("\n") == 1
    assert len(result.stderr.splitlines()) == 1
