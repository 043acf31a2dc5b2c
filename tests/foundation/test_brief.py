"""A brief of six pins (an item, three of its figures, a comparison, a figure of the other
document) pastes into a client memo untouched: as Markdown read by cmark-gfm with and without
its footnote option, with inline citations, as HTML and as a Word file read back."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from _brief_pins import docx_text, six_pins
from _gfm import Page, render

from briefing.export import EXPORT_LANGS, ExportDocument
from briefing.export.brief import brief_document, brief_markdown
from briefing.export.labels import table_label
from briefing.export.quoting import quoted
from briefing.figures.formatting import value_parts
from briefing.pack import bundled_pack_dir, load_pack
from briefing.text.nobreak import NBSP, NNBSP
from briefing.text.sanitize import one_line

PACK = load_pack(bundled_pack_dir())
PINS = six_pins(PACK)
ITEM = PACK.node(PINS[0])
FIGURES = [PACK.figure(i) for i in PINS[1:4]]
SHOWN = [*ITEM.all_figures(), PACK.figure(PINS[5])]


def cells(page: Page) -> list[str]:
    return [c for t in page.tables for row in t.rows for c in row]


def test_each_figure_is_shown_once():
    """The item's figures pinned on their own are shown in the item's table, not again."""
    page = Page(render(brief_markdown(PACK, PINS, "en")))
    figure_rows = [row for t in page.tables if t.header[:2] in (["Figure", "Value"],
                                                                ["Value", "Unit"])
                   for row in t.rows]
    assert len(figure_rows) == len(SHOWN)
    headings = [h for _level, h in page.headings]
    for fig in FIGURES:
        assert one_line(fig.label.en) not in headings
    assert one_line(PACK.figure(PINS[5]).label.en) in headings
    assert headings.count(one_line(PACK.comparison(PINS[4]).title.en)) == 1


@pytest.mark.parametrize("lang", EXPORT_LANGS)
def test_markdown_with_and_without_the_footnote_option(lang):
    markdown = brief_markdown(PACK, PINS, lang)
    with_notes, without = Page(render(markdown)), Page(render(markdown, footnotes=False))
    assert "[^" not in with_notes.text
    assert set(with_notes.refs) == set(with_notes.notes) and with_notes.notes
    assert not [c for c in cells(without) if "[^" in c]  # no footnote inside a table cell
    assert [len(t.header) for t in with_notes.tables] == [len(t.header) for t in without.tables]
    for fig in SHOWN:  # each figure's quote in its row, readable without footnotes
        assert any(one_line(fig.source.quote) in c for c in cells(without))


def test_inline_citations_need_no_footnote_support():
    markdown = brief_markdown(PACK, PINS, "en", cite="inline")
    assert "[^" not in markdown
    page = Page(render(markdown, footnotes=False))
    paragraph = next(p for p in markdown.split("\n\n") if quoted(ITEM.sources[0].quote) in p)
    assert re.search(r" \(S\d: “", paragraph)  # "(S1: “…”, “…”)" after the text it cites
    for source in ITEM.sources:
        assert quoted(source.quote) in paragraph and quoted(source.quote) in page.text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_client_reads_labels_sources_and_numbers_once(lang):
    markdown = brief_markdown(PACK, PINS, lang)
    page = Page(render(markdown))
    assert "sha256" not in markdown and "█" not in markdown
    for doc in PACK.documents:
        assert doc.sha256[:12] not in markdown
        assert one_line(doc.title.get(lang)) in page.text
    for fig in SHOWN:
        label = table_label(PACK, fig, lang)
        assert label == one_line(label)
        if label != fig.label.get(lang):  # "(2025 target)" beside Period 2025, Kind target
            assert not any(c == one_line(fig.label.get(lang)) for c in cells(page))
        value = value_parts(PACK, fig, lang)[0]
        if " " in value:  # "about 350" stays one piece once rendered
            space = NNBSP if lang == "zh" else NBSP
            assert value.replace(" ", space) in markdown and value not in markdown


def test_both_languages_keep_value_and_unit_columns():
    page = Page(render(brief_markdown(PACK, PINS, "both")))
    table = next(t for t in page.tables if t.header[0] == "指标 / Figure")
    assert table.header[1:3] == ["数值 / Value", "单位 / Unit"]
    for fig, row in zip(ITEM.figures, table.rows, strict=False):
        for lang in ("zh", "en"):
            value, unit = value_parts(PACK, fig, lang)
            assert " ".join(value.split()) in row[1] and unit in row[2]


class _Html(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.links += [(k, v or "") for k, v in attrs if k in ("href", "src", "srcset")]


@pytest.mark.parametrize("cite", ["footnotes", "inline"])
def test_html_is_one_self_contained_page(cite):
    html = brief_document(PACK, PINS, "en", cite).render("html")
    parsed = _Html(html)
    assert {"script", "link", "img", "iframe", "object"} & set(parsed.tags) == set()
    assert all(k == "href" and v.startswith("#") for k, v in parsed.links)
    assert parsed.tags.count("table") == len(Page(render(brief_markdown(PACK, PINS))).tables)
    assert ("<sup>" in html) == (cite == "footnotes")
    assert "sha256" not in html and 'class="bar"' in html


def test_html_and_word_keep_pack_text_inert(make_pack):
    hostile = "<script>alert(1)</script> **bold** [link](http://x.test) &amp; =1+2"

    def edit(files):
        files["sections/achievements.yaml"]["items"][0]["text"]["en"] = hostile

    pack = load_pack(make_pack(edit))
    document = ExportDocument(pack, "en")
    document.add_item("ach-enterprises")
    html = document.render("html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    paragraphs, _tables = docx_text(document.render("docx"))
    assert any(hostile in p for p in paragraphs)


@pytest.mark.parametrize("cite", ["footnotes", "inline"])
def test_word_file_reads_back_with_real_tables(cite):
    markdown_tables = Page(render(brief_markdown(PACK, PINS, "en", cite))).tables
    paragraphs, tables = docx_text(brief_document(PACK, PINS, "en", cite).render("docx"))
    assert len(tables) == len(markdown_tables)
    bars = 0
    for table, md in zip(tables, markdown_tables, strict=True):
        header = table[0]
        bars += "Bar" in header
        assert [h for h in header if h != "Bar"] == md.header
        assert len(table) - 1 == len(md.rows)
    assert bars  # the comparison's bars, drawn as shading
    for fig in SHOWN:
        row = next(r for t in tables for r in t if one_line(fig.source.quote) in r[-1])
        value = value_parts(PACK, fig, "en")[0]
        assert value.replace(" ", NBSP) in row
    text = "\n".join(paragraphs)
    for doc in PACK.documents:
        assert one_line(doc.title.en) in text
    assert ("Notes" in paragraphs) == (cite == "footnotes")
    for source in ITEM.sources:
        assert quoted(source.quote) in text


def test_word_bars_are_shading_not_block_characters():
    import io

    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(brief_document(PACK, PINS, "en").render("docx")))
    shaded = [r for t in document.tables for row in t.rows for c in row.cells
              for p in c.paragraphs for r in p.runs
              if r._r.rPr is not None and r._r.rPr.find(qn("w:shd")) is not None]
    assert shaded and all(set(r.text) == {NBSP} for r in shaded)
    assert not any("█" in c.text for t in document.tables for row in t.rows for c in row.cells)


def test_source_entries_are_title_publisher_and_date():
    markdown = brief_markdown(PACK, PINS, "en")
    entries = re.findall(r"^- \*\*S\d+\*\* (.*)$", markdown, flags=re.MULTILINE)
    assert entries
    for entry in entries:
        doc = next(d for d in PACK.documents if one_line(d.title.en).replace("&", "&") in entry)
        assert entry.endswith(f"({one_line(doc.publisher.en)}, {doc.date})")


def test_nothing_in_a_brief_twice_whatever_the_pin_order():
    """A sub-item pinned with its section, or a comparison pinned before or after an item
    whose figures draw it, is shown once."""
    section = next(s for s in PACK.sections if s.children)
    child = section.children[0]
    owner = next(n for n in PACK.nodes() if any(PACK.comparisons_for(f.id) for f in n.figures))
    comparison = next(c for f in owner.figures for c in PACK.comparisons_for(f.id))
    for ids in ([child.id, section.id], [section.id, child.id],
                [comparison.id, owner.id], [owner.id, comparison.id]):
        headings = [h for _level, h in Page(render(brief_markdown(PACK, ids))).headings]
        for thing in (child.title.en, section.title.en, comparison.title.en):
            assert headings.count(one_line(thing)) <= 1, (ids, thing)
