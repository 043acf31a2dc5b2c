"""``briefing draft``: a pack that validates at once, never written over a folder that has
something in it (unless --force, and then only over a pack), several documents as one pack,
no progress bar on a pipe, one-line errors."""

from __future__ import annotations

import json
import re

from _drafting import DOCUMENTS, REPORTS

from briefing.pack import load_pack

CITY = DOCUMENTS / "city-work-report-2026.txt"


def test_draft_writes_a_pack_that_validates(briefing, tmp_path):
    out = tmp_path / "city"
    result = briefing("draft", str(CITY), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "ok: drafted city-work-report-2026" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "comparisons.yaml", "coverage-ignore.yaml", "documents", "manifest.yaml", "sections"]
    checked = briefing("validate", str(out))
    assert checked.exit_code == 0 and checked.output.startswith("ok:"), checked.output
    assert not list(tmp_path.glob(".city.*")), "the staging folder is left behind"


def test_the_draft_is_chinese_with_english_left_to_translate(drafted):
    pack = load_pack(drafted(CITY))
    labels = [fig.label for fig in pack.figures()]
    assert labels and not any(label.translated for label in labels)
    assert all(re.search(r"[\u4e00-\u9fff]", label.zh) for label in labels)
    assert [s.title.en for s in pack.sections if s.title.translated] == [
        "Introduction", "Closing remarks"]  # the titles the draft writes itself
    manifest = (pack.root / "manifest.yaml").read_text(encoding="utf-8")
    assert "en:" not in manifest.split("units:")[0]


def test_ids_say_what_they_measure(drafted):
    pack = load_pack(drafted(CITY))
    ids = [fig.id for fig in pack.figures()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)
    assert all(fig.id.endswith(fig.period) or re.search(r"-\d+$", fig.id)
               for fig in pack.figures())
    assert {"gdp-2025", "unemployment-2025", "hntes-2025"} <= set(ids)
    targets = [f for f in pack.figures() if f.kind == "target"]
    assert all("target" in f.id for f in targets)


def test_the_destination_is_never_written_over(briefing, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    result = briefing("draft", str(CITY), "-o", str(out))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {out} already exists and is not empty; give a new folder with -o, or --force "
        "to replace the pack there; nothing was written"]
    forced = briefing("draft", str(CITY), "-o", str(out), "--force")
    assert forced.exit_code == 1 and "is not a pack (no manifest.yaml)" in forced.output
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    assert (out / "notes.txt").read_text(encoding="utf-8") == "my notes"


def test_force_replaces_a_pack_whole(briefing, tmp_path):
    out = tmp_path / "pack"
    assert briefing("draft", str(CITY), "-o", str(out)).exit_code == 0
    again = briefing("draft", str(REPORTS[1]), "-o", str(out))
    assert again.exit_code == 1 and "already exists" in again.output
    assert briefing("draft", str(REPORTS[1]), "-o", str(out), "--force").exit_code == 0
    pack = load_pack(out)
    assert [d.file if hasattr(d, "file") else d.path.name for d in pack.documents] == [
        REPORTS[1].name]
    assert not (out / "documents" / CITY.name).exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_empty_folder_is_a_fine_destination(briefing, tmp_path):
    out = tmp_path / "empty"
    out.mkdir()
    assert briefing("draft", str(CITY), "-o", str(out)).exit_code == 0
    assert (out / "manifest.yaml").is_file()


def test_without_o_the_pack_goes_into_the_library(briefing, tmp_path, monkeypatch):
    """The default library (which plain ``briefing`` opens), or the one --content names."""
    monkeypatch.setenv("BRIEFING_LIBRARY_DIR", str(tmp_path / "library"))
    result = briefing("draft", str(CITY))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "library" / "city-work-report-2026" / "manifest.yaml").is_file()
    assert "next: briefing (review)" in result.output
    listed = json.loads(briefing("library", "--json").output)
    assert "city-work-report-2026" in json.dumps(listed, ensure_ascii=False)
    again = briefing("draft", str(CITY))
    assert again.exit_code == 1 and "already exists" in again.output
    other = tmp_path / "other"
    (other / "a").mkdir(parents=True)
    (other / "library.yaml").write_text("title: {zh: 其他, en: Other}\n", encoding="utf-8")
    into = briefing("--content", str(other), "draft", str(REPORTS[1]))
    assert into.exit_code == 0, into.output
    assert (other / REPORTS[1].stem / "manifest.yaml").is_file()


def test_several_documents_make_one_pack_a_section_each(briefing, tmp_path):
    out = tmp_path / "many"
    result = briefing("draft", *map(str, REPORTS), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "\r" not in result.output and "━" not in result.output  # no bar on a pipe
    pack = load_pack(out)
    assert [d.id for d in pack.documents] == [path.stem for path in REPORTS]
    assert [s.id for s in pack.sections] == [
        "gov-work-report-2026", "lanjiangshi-15th-fyp-plan-outline-2026",
        "donglingsheng-government-work-report-2026", "qinglanshi-st-bureau-review-plans-2025"]
    assert [s.title.zh for s in pack.sections] == [
        "政府工作报告", "岚江市“十五五”规划纲要（摘要）", "东岭省人民政府工作报告",
        "青岚市科学技术局2025年工作总结和2026年工作思路"]
    city = pack.sections[0]
    assert [c.title.zh for c in city.children][:3] == ["引言", "2025年工作回顾",
                                                       "“十五五”时期的主要目标"]
    assert pack.title.zh == "政府工作报告等4份文件"
    for section, document in zip(pack.sections, pack.documents, strict=True):
        assert {f.source.doc for f in section.all_figures()} == {document.id}


def test_bad_input_is_one_line_and_writes_nothing(briefing, tmp_path):
    missing = briefing("draft", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x"))
    assert missing.exit_code == 1
    assert len(missing.output.strip().splitlines()) == 1
    assert missing.output.startswith("error: ") and "nope.txt" in missing.output
    picture = tmp_path / "scan.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    refused = briefing("draft", str(CITY), str(picture), "-o", str(tmp_path / "y"))
    assert refused.exit_code == 1 and len(refused.output.strip().splitlines()) == 1
    assert not (tmp_path / "x").exists() and not (tmp_path / "y").exists()
    assert list(tmp_path.glob(".*")) == []


def test_status_counts_what_is_translated(briefing, tmp_path):
    out = tmp_path / "city"
    briefing("draft", str(CITY), "-o", str(out))
    result = briefing("status", str(out), "--json")
    data = __import__("json").loads(result.output)
    assert data["translated"]["titles"]["done"] == 2  # Introduction, Closing remarks
    assert data["translated"]["labels"]["done"] == 0
    assert data["translated"]["labels"]["total"] == data["figures"] > 0
    text = briefing("status", str(out)).output
    assert "translated into English: 2 of" in text
    bundled = briefing("status").output
    assert "(100%)" in bundled.splitlines()[2]


def test_drafting_many_documents_on_a_terminal_shows_a_progress_bar(briefing, tmp_path,
                                                                    monkeypatch):
    import io

    from rich.console import Console

    from briefing.cli import drafting

    screen = io.StringIO()
    monkeypatch.setattr(drafting, "err_console", Console(file=screen, force_terminal=True,
                                                          width=100))
    result = briefing("draft", *map(str, REPORTS[:2]), "-o", str(tmp_path / "two"))
    assert result.exit_code == 0, result.output
    drawn = screen.getvalue()
    assert "drafting" in drawn and "2/2" in drawn


def test_a_document_without_text_still_drafts_a_pack(briefing, tmp_path):
    """Only a title and a date line: they are its one section's text."""
    memo = tmp_path / "memo.txt"
    memo.write_text("关于做好2026年科技工作的通知\n2026年1月5日\n", encoding="utf-8")
    result = briefing("draft", str(memo), "-o", str(tmp_path / "memo"))
    assert result.exit_code == 0, result.output
    pack = load_pack(tmp_path / "memo")
    assert [(s.title.zh, s.text.zh) for s in pack.sections] == [("引言", "2026年1月5日")]
    assert pack.title.zh == "关于做好2026年科技工作的通知"


def test_the_documents_text_is_data_in_every_file(briefing, tmp_path):
    """Characters YAML gives meaning to, a tag, a bidi override and a line separator inside
    a paragraph: the files hold them escaped or quoted (nothing raw a terminal acts on), and
    read back as the document's own text, verbatim."""
    from briefing.text.sanitize import unsafe

    title = "某市政府工作报告 !!python/object:os.system \u202e甲"
    opening = "全市地区生产总值增长5.2%，&a *a {x: 1} # 注\u2028释。"
    item = "（一）经济运行。规模以上工业增加值增长6%，'引号\"与\\反斜杠。"
    doc = tmp_path / "report.txt"
    doc.write_text(f"{title}\n\n一、2025年工作回顾\n\n{opening}\n\n{item}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = briefing("draft", str(doc), "-o", str(out))
    assert result.exit_code == 0, result.output
    for path in out.rglob("*.yaml"):
        written = path.read_text(encoding="utf-8")
        assert not any(unsafe(written, i) for i in range(len(written)) if written[i] != "\n")
    pack = load_pack(out)
    assert pack.title.zh == title.strip()
    section = pack.sections[-1]
    assert section.text.zh == opening
    assert [i.text.zh for i in section.children] == [item]
    assert briefing("validate", str(out)).exit_code == 0
