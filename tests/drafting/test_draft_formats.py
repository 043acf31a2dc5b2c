"""A document drafts alike whatever it came as: a PDF laid out as a printed report, a page
saved from a government website, a Word file, GB18030 text — the same sections, items and
figures as its clean UTF-8 text (the formats are the document tests' own writers)."""

from __future__ import annotations

import pytest
from _drafting import REPORTS
from _make import government_page, write_docx, write_pdf, write_text

from briefing.pack import load_pack


def _html(path, paragraphs):
    path.write_text(government_page(paragraphs), encoding="utf-8")
    return path


WRITERS = {
    "pdf": lambda path, paragraphs, clean: write_pdf(path.with_suffix(".pdf"), paragraphs),
    "html": lambda path, paragraphs, clean: _html(path.with_suffix(".html"), paragraphs),
    "docx": lambda path, paragraphs, clean: write_docx(path.with_suffix(".docx"), paragraphs),
    "gb18030": lambda path, paragraphs, clean: write_text(path, clean, "gb18030"),
}


def drafted_view(pack) -> tuple[list, list]:
    """What a draft found: its outline (with each part's text and quote) and its figures."""
    nodes = [(n.depth, n.id, n.title.zh, n.text.zh, n.source.quote if n.source else None)
             for n in pack.nodes()]
    figures = [(f.id, f.node_id, f.label.zh, f.value, f.unit, f.display, f.period, f.kind,
                f.qualifier, f.source.quote) for f in pack.figures()]
    return nodes, figures


@pytest.mark.parametrize("kind", sorted(WRITERS))
@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.stem)
def test_every_format_drafts_like_the_clean_text(drafted, tmp_path, report, kind):
    clean = report.read_text(encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    original = WRITERS[kind](folder / report.name, tuple(clean.splitlines()), clean)
    expected = drafted_view(load_pack(drafted(report, name="clean")))
    pack = load_pack(drafted(original, name=kind))
    assert drafted_view(pack) == expected
    document = pack.documents[0]
    assert document.text_path is not None  # the original kept, its text beside it
    assert document.path.name == original.name
