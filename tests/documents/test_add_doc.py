"""``briefing add-doc``: a second (and third) document joins a pack: copied, extracted,
hashed, listed in the manifest with the author's comments untouched, validated; nothing is
ever overwritten, and a refusal leaves the pack exactly as it was."""

from __future__ import annotations

import pytest
import yaml
from _corpus import CLEAN, PARAGRAPHS
from _make import government_page, write_pdf, write_text

from briefing.pack import load_pack

OTHER = tuple(p.replace("临江", "青川") for p in PARAGRAPHS)  # another city's report


@pytest.fixture
def pack(tmp_path, briefing):
    source = write_text(tmp_path / "report.txt", CLEAN, "utf-8")
    root = tmp_path / "pack"
    assert briefing("init", str(root), "--doc", str(source)).exit_code == 0
    return root


def snapshot(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_add_a_web_page_keeps_the_manifest_as_written(pack, tmp_path, briefing):
    manifest = (pack / "manifest.yaml").read_text(encoding="utf-8")
    page = tmp_path / "qingchuan.html"
    page.write_text(government_page(OTHER), encoding="utf-8")
    result = briefing("add-doc", str(pack), str(page))
    assert result.exit_code == 0, result.output
    assert "added document 'qingchuan' (html" in result.stdout and "ok: pack" in result.stdout
    after = (pack / "manifest.yaml").read_text(encoding="utf-8")
    at = after.index("  - id: qingchuan\n")
    end = after.index("\n\n", at) + 1
    assert after[:at] + after[end:] == manifest  # only the entry was added, comments kept
    entry = yaml.safe_load(after)["documents"][1]
    assert entry["file"] == "documents/qingchuan.html"
    assert entry["text"] == "documents/qingchuan.html.txt" and "pages" not in entry
    assert (pack / "documents" / "qingchuan.html").read_bytes() == page.read_bytes()
    assert load_pack(pack).document("qingchuan").read() == "\n".join(OTHER) + "\n"


def test_add_several_with_pages_and_encodings(pack, tmp_path, briefing):
    pdf = write_pdf(tmp_path / "青川报告.pdf", OTHER)
    big5 = write_text(tmp_path / "traditional.txt", "臨江市政府工作報告\n", "cp950")
    result = briefing("add-doc", str(pack), str(pdf), str(big5))
    assert result.exit_code == 0, result.output
    loaded = load_pack(pack)
    assert [d.id for d in loaded.documents] == ["report", "doc-2", "traditional"]
    assert len(loaded.document("doc-2").pages) == 2
    assert loaded.document("traditional").read() == "臨江市政府工作報告\n"
    assert (pack / "documents" / "traditional.utf8.txt").is_file()


def test_id_option(pack, tmp_path, briefing):
    page = tmp_path / "page.htm"
    page.write_text(government_page(OTHER), encoding="utf-8")
    assert briefing("add-doc", str(pack), str(page), "--id", "qingchuan-2025").exit_code == 0
    assert load_pack(pack).document("qingchuan-2025").path.name == "page.htm"


@pytest.mark.parametrize(("case", "says"), [
    ("same-id", "the pack already has the id 'report'"),
    ("same-file", "already exists; rename report.txt"),
    ("same-content", "is already in the pack as document 'report'"),
    ("same-text", "has the same text as document 'report'"),
    ("unreadable", "is a Word 97-2003 (.doc)"),
    ("id-for-many", "--id names one document"),
    ("bad-id", "must be lowercase letters, digits and '-'"),
])
def test_refusals_leave_the_pack_as_it_was(pack, tmp_path, case, says, briefing):
    other = tmp_path / "other"
    other.mkdir()
    page = other / "page.html"
    page.write_text(government_page(OTHER), encoding="utf-8")
    args = {
        "same-id": [str(page), "--id", "report"],
        "same-file": [str(write_text(other / "report.txt", "另一份文件\n", "utf-8")), "--id",
                      "another"],
        "same-content": [str(write_text(other / "copy.txt", CLEAN, "utf-8"))],
        "same-text": [str(write_text(other / "gbk.txt", CLEAN, "gb18030"))],
        "unreadable": [str(page), str(other / "old.doc")],
        "id-for-many": [str(page), str(page), "--id", "x"],
        "bad-id": [str(page), "--id", "Bad Id"],
    }[case]
    (other / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    before = snapshot(pack)
    result = briefing("add-doc", str(pack), *args)
    assert result.exit_code == 1 and says in result.stderr
    assert result.stderr.count("\n") == 1  # one line
    assert snapshot(pack) == before


def test_not_a_pack(tmp_path, briefing):
    result = briefing("add-doc", str(tmp_path), str(write_text(tmp_path / "a.txt", "文", "utf-8")))
    assert result.exit_code == 1 and "is not a content pack (no manifest.yaml)" in result.stderr


def test_manifest_edit_keeps_every_style():
    from briefing.authoring.manifest_edit import ManifestEditError, add_entry

    entry = "  - id: new\n    file: documents/new.pdf\n"
    assert add_entry("id: p\ndocuments: []  # none yet\nunits: {}\n", entry) == (
        "id: p\ndocuments:  # none yet\n  - id: new\n    file: documents/new.pdf\nunits: {}\n")
    assert add_entry("id: p\ndocuments:\n- id: a\n  file: a.txt\n\n# units\nunits: {}\n",
                     entry) == ("id: p\ndocuments:\n- id: a\n  file: a.txt\n- id: new\n"
                                "  file: documents/new.pdf\n\n# units\nunits: {}\n")
    assert add_entry("documents:\n    - id: a\n      file: a.txt", entry) == (
        "documents:\n    - id: a\n      file: a.txt\n    - id: new\n"
        "      file: documents/new.pdf\n")
    with pytest.raises(ManifestEditError, match="on one line"):
        add_entry("documents: [{id: a, file: a.txt}]\n", entry)
    with pytest.raises(ManifestEditError, match="no top-level 'documents:'"):
        add_entry("id: p\n", entry)


def test_a_crlf_manifest_stays_crlf(pack, tmp_path, briefing):
    path = pack / "manifest.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    page = tmp_path / "page.html"
    page.write_text(government_page(OTHER), encoding="utf-8")
    assert briefing("add-doc", str(pack), str(page)).exit_code == 0
    data = path.read_bytes()
    assert b"\r\n  - id: page\r\n" in data and data.count(b"\n") == data.count(b"\r\n")
