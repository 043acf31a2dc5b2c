"""Exported Markdown parses into the expected headings, table and footnotes."""

from __future__ import annotations

import os

import pytest
from markdown_it import MarkdownIt

from briefing.export import ExportError, TargetExists, escape, to_markdown, write_text_atomic
from briefing.pack import bundled_pack_dir, load_pack

PACK = load_pack(bundled_pack_dir())
MD = MarkdownIt("commonmark").enable("table")


def headings(tokens) -> list[tuple[str, str]]:
    return [(tok.tag, tokens[i + 1].content) for i, tok in enumerate(tokens)
            if tok.type == "heading_open"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_section_export_structure(lang):
    node = PACK.node("weaknesses")
    text = to_markdown(PACK, "weaknesses", lang)
    tokens = MD.parse(text)
    found = headings(tokens)
    assert found[0] == ("h1", node.title.get(lang))
    assert [h for tag, h in found if tag == "h2"][:3] == [c.title.get(lang)
                                                          for c in node.children]
    assert ("h2", "Figures" if lang == "en" else "数据") in found
    rows = [t for t in tokens if t.type == "tr_open"]
    assert len(rows) == 1 + len(list(node.all_figures()))
    for fig in node.all_figures():
        assert f"“{fig.source.quote}”" in text.replace("\\", "")


def test_every_section_exports_with_one_footnote_per_distinct_source():
    for section in PACK.sections:
        text = to_markdown(PACK, section.id, "en")
        markers = {line.split("]:")[0] for line in text.splitlines() if line.startswith("[^")}
        sources = {n.source for n in section.walk() if n.source} | \
            {f.source for f in section.all_figures()}
        assert len(markers) == len(sources)


def test_markdown_metacharacters_and_pipes_are_escaped():
    assert escape("a|b *c* [x](y) <b>") == r"a\|b \*c\* \[x\](y) \<b\>"
    assert escape("- item\n1. one") == "\\- item\n1\\. one"
    assert escape("\x1b[2Jclear\u202e") == "\\[2Jclear"


def test_atomic_write_refuses_then_forces(tmp_path):
    target = tmp_path / "out.md"
    write_text_atomic(target, "one")
    with pytest.raises(TargetExists):
        write_text_atomic(target, "two")
    assert target.read_text() == "one"
    write_text_atomic(target, "two", force=True)
    assert target.read_text() == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_a_clean_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="cannot write"):
            write_text_atomic(folder / "x.md", "text")
    finally:
        folder.chmod(0o700)


def test_failed_write_leaves_existing_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "keep.md"
    target.write_text("precious")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(ExportError, match="No space left on device"):
        write_text_atomic(target, "new", force=True)
    assert target.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.md"]
