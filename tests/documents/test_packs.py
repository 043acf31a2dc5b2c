"""Documents in packs: init and add-doc keep the original and its extracted text (both
hashed), validate checks both, stub and coverage read the text, and citations name the page
of a PDF. Every pack here is made by the test from documents the test writes."""

from __future__ import annotations

import json

import pytest
import yaml
from _corpus import CLEAN
from _make import write_docx, write_html, write_pdf, write_text

from briefing.pack import PackInvalid, load_pack


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))


@pytest.fixture
def pdf_pack(tmp_path, briefing):
    """A pack made by init from a PDF, with a section of every figure stub drafts."""
    pack = tmp_path / "linjiang"
    source = write_pdf(tmp_path / "report.pdf")
    assert briefing("init", str(pack), "--doc", str(source)).exit_code == 0
    section = briefing("--content", str(pack), "stub", str(pack / "documents" / "report.pdf"),
                  "--section", "overview")
    assert section.exit_code == 0, section.output
    data = yaml.safe_load(section.stdout)
    data["figures"] = [f for f in data["figures"] if f["unit"] != "TODO"]  # no unit guessed
    (pack / "sections" / "overview.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pack


def test_init_keeps_the_pdf_and_its_text(pdf_pack, tmp_path, briefing):
    entry = yaml.safe_load((pdf_pack / "manifest.yaml").read_text(encoding="utf-8"))[
        "documents"][0]
    assert entry["file"] == "documents/report.pdf" and entry["text"] == "documents/report.pdf.txt"
    assert (pdf_pack / "documents" / "report.pdf").read_bytes() == (
        tmp_path / "report.pdf").read_bytes()
    assert (pdf_pack / "documents" / "report.pdf.txt").read_text(encoding="utf-8") == CLEAN
    assert entry["pages"][0] == 0 and len(entry["pages"]) == 2
    result = briefing("validate", str(pdf_pack))
    assert result.exit_code == 0, result.output
    document = load_pack(pdf_pack).document("report")
    assert document.read() == CLEAN and document.pages == tuple(entry["pages"])


def test_stub_quotes_are_verbatim_in_the_kept_text(pdf_pack):
    figures = yaml.safe_load((pdf_pack / "sections" / "overview.yaml").read_text(
        encoding="utf-8"))["figures"]
    assert len(figures) > 30
    for figure in figures:
        assert figure["source"]["doc"] == "report" and figure["source"]["quote"] in CLEAN


def test_show_and_export_cite_the_page(pdf_pack, briefing):
    pack = load_pack(pdf_pack)
    by_page = {}
    for figure in pack.figures():
        by_page.setdefault(pack.document("report").page_of_quote(figure.source.quote),
                           figure)
    assert set(by_page) == {1, 2}
    second = by_page[2]
    shown = briefing("--content", str(pdf_pack), "show", second.id).stdout
    assert "p. 2" in shown
    shown_zh = briefing("--content", str(pdf_pack), "--lang", "zh", "show", second.id).stdout
    assert "第2页" in shown_zh
    exported = briefing("--content", str(pdf_pack), "export", "overview").stdout
    rows = [line for line in exported.splitlines() if line.startswith("| ")]
    assert any(f"S1, p. 2: “{second.source.quote}”" in row for row in rows)  # its Source cell
    assert any(row.endswith("” |") and "S1, p. 1: “" in row for row in rows)
    both = briefing("--content", str(pdf_pack), "export", "overview", "--lang", "both").stdout
    assert "S1，第2页：“" in both


def test_source_view_reads_the_extracted_text(pdf_pack):
    from briefing.present.panes import document_text

    assert document_text(load_pack(pdf_pack), "report") == CLEAN


def test_coverage_reads_the_extracted_text(pdf_pack, briefing):
    section = yaml.safe_load((pdf_pack / "sections" / "overview.yaml").read_text(
        encoding="utf-8"))
    before = json.loads(briefing("coverage", str(pdf_pack), "--json").stdout)
    dropped = section["figures"].pop(0)
    (pdf_pack / "sections" / "overview.yaml").write_text(
        yaml.safe_dump(section, allow_unicode=True, sort_keys=False), encoding="utf-8")
    after = json.loads(briefing("coverage", str(pdf_pack), "--json").stdout)
    new = [r for r in after if r not in before]
    line = CLEAN[:CLEAN.find(dropped["source"]["quote"])].count("\n") + 1
    assert [(r["number"], r["line"]) for r in new] == [(dropped["display"], line)]
    assert new[0]["sentence"] in CLEAN.splitlines()[line - 1]


def test_validate_checks_both_digests(pdf_pack, briefing):
    text = pdf_pack / "documents" / "report.pdf.txt"
    text.write_text(CLEAN.replace("5.6%", "5.7%"), encoding="utf-8")
    with pytest.raises(PackInvalid) as caught:
        load_pack(pdf_pack)
    assert any("report.pdf.txt" in str(e) and "the document's text was changed" in str(e)
               for e in caught.value.errors)
    text.write_text(CLEAN, encoding="utf-8")
    original = pdf_pack / "documents" / "report.pdf"
    original.write_bytes(original.read_bytes() + b"\n")
    result = briefing("validate", str(pdf_pack))
    assert result.exit_code == 1 and "the document was changed" in result.stderr
    assert "seed" not in result.stderr


def test_a_cached_pack_is_not_used_once_its_text_changes(pdf_pack):
    from briefing.pack.cache import load_pack_cached

    first = load_pack_cached(pdf_pack)
    assert load_pack_cached(pdf_pack).document("report").text_sha256 == first.document(
        "report").text_sha256
    (pdf_pack / "documents" / "report.pdf.txt").write_text(CLEAN + "\n", encoding="utf-8")
    with pytest.raises(PackInvalid):
        load_pack_cached(pdf_pack)


@pytest.mark.parametrize(("change", "says"), [
    ({"pages": [3, 10]}, "'pages' of document 'report' must be a list"),
    ({"pages": [0, 10**6]}, "'pages' goes past the end of its text"),
    ({"text_sha256": None}, "document 'report' is missing required field 'text_sha256'"),
    ({"text": None}, "has 'text_sha256' but no 'text'"),
    ({"text": "documents/missing.txt"}, "document 'documents/missing.txt' not found"),
    ({"text": "../../outside.txt"}, "points outside the pack"),
])
def test_extracted_text_fields_are_checked(pdf_pack, change, says):
    path = pdf_pack / "manifest.yaml"
    manifest = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = manifest["documents"][0]
    for key, value in change.items():
        entry.pop(key) if value is None else entry.__setitem__(key, value)
    path.write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PackInvalid) as caught:
        load_pack(pdf_pack)
    assert any(says in str(e) for e in caught.value.errors), caught.value.errors


def test_a_pdf_listed_as_its_own_text_says_what_to_do(pdf_pack):
    path = pdf_pack / "manifest.yaml"
    manifest = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("text", "text_sha256", "pages"):
        manifest["documents"][0].pop(key)
    path.write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PackInvalid) as caught:
        load_pack(pdf_pack)
    assert any("is not UTF-8 text" in str(e) and "briefing add-doc" in str(e)
               for e in caught.value.errors)


def test_init_with_utf8_text_writes_the_manifest_it_always_did(tmp_path, briefing):
    source = write_text(tmp_path / "report.txt", CLEAN, "utf-8")
    briefing("init", str(tmp_path / "p"), "--doc", str(source))
    entry = yaml.safe_load((tmp_path / "p" / "manifest.yaml").read_text(encoding="utf-8"))[
        "documents"][0]
    assert set(entry) == {"id", "file", "title", "publisher", "date", "sha256"}
    assert sorted(p.name for p in (tmp_path / "p" / "documents").iterdir()) == ["report.txt"]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_stub_reads_any_encoding(tmp_path, encoding, briefing):
    source = write_text(tmp_path / "report.txt", CLEAN, encoding, crlf=True)
    plain = write_text(tmp_path / "plain.txt", CLEAN, "utf-8")
    result = briefing("stub", str(source), "--doc-id", "r")
    assert result.exit_code == 0 and "codec" not in result.output
    assert result.stdout == briefing("stub", str(plain), "--doc-id", "r").stdout


@pytest.mark.parametrize("maker", [write_pdf, write_docx, write_html], ids=["pdf", "docx",
                                                                          "html"])
def test_stub_drafts_the_same_figures_from_every_format(tmp_path, maker, briefing):
    suffix = {"write_pdf": ".pdf", "write_docx": ".docx", "write_html": ".html"}[maker.__name__]
    source = maker(tmp_path / f"report{suffix}")
    plain = write_text(tmp_path / "plain.txt", CLEAN, "utf-8")
    result = briefing("stub", str(source), "--doc-id", "r")
    assert result.exit_code == 0, result.output
    assert result.stdout == briefing("stub", str(plain), "--doc-id", "r").stdout


def test_stub_of_an_unreadable_document_is_one_line(tmp_path, briefing):
    scan = tmp_path / "old.doc"
    scan.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = briefing("stub", str(scan))
    assert result.exit_code == 1 and "iconv" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and str(scan) in result.stderr


def test_init_refuses_an_unreadable_document_and_writes_nothing(tmp_path, briefing):
    good = write_pdf(tmp_path / "report.pdf")
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = briefing("init", str(tmp_path / "p"), "--doc", str(good), "--doc", str(bad))
    assert result.exit_code == 1 and "is an image" in result.stderr
    assert not (tmp_path / "p").exists()


def test_loading_a_pack_of_pdfs_loads_no_document_library(pdf_pack, imported_packages):
    """Validation re-hashes the original and reads the kept text: it never re-extracts."""
    heavy = {"pypdfium2", "lxml", "docx", "charset_normalizer"}
    statements = ("from briefing.pack import load_pack\n"
                  f"load_pack({str(pdf_pack)!r}).document('report').read()\n"
                  "from briefing.cli.root import load_commands\nload_commands()")
    assert imported_packages(statements, heavy) == []
