"""Every export of the bundled pack conforms to GFM as GitHub's own parser (cmark-gfm) reads it.

For every section (and every comparison and figure) in English, Chinese and both: it renders
with the table and footnote extensions; every footnote reference resolves and every definition
is referenced; every table row has the expected columns; the headings form the expected
outline; no raw ``[^`` survives, and none sits in a table cell (cmark-gfm without its footnote
option would show it); each figure's value is in the visible text and every quote is cited.
markdown-it-py reads the tables as a second parser.
"""

from __future__ import annotations

import re

import pytest
from _gfm import Page, render
from markdown_it import MarkdownIt

from briefing.export import EXPORT_LANGS, escape, quoted, render_items, to_markdown
from briefing.export.labels import table_label
from briefing.figures.formatting import value_parts
from briefing.model import Text
from briefing.pack import bundled_pack_dir, load_pack
from briefing.text.nobreak import bind_numbers
from briefing.text.sanitize import one_line

PACK = load_pack(bundled_pack_dir())
MD_IT = MarkdownIt("commonmark").enable("table")
WORDS = {"figures": ("数据", "Figures"), "comparisons": ("对比", "Comparisons"),
         "sources": ("来源", "Sources")}
#: Columns of each table the export writes (per comparison kind; Markdown draws no bars).
FIGURE_COLUMNS = {"en": 6, "zh": 6, "both": 6}
COMPARISON_COLUMNS = {"peers": 5, "ratio": 4, "progress": 7, "ranking": 5, "timeline": 6}


def langs_of(lang: str) -> tuple[str, ...]:
    return ("zh", "en") if lang == "both" else (lang,)


def title(text: Text, lang: str) -> str:
    parts = [one_line(text.get(lg)) for lg in langs_of(lang)]
    return " / ".join(dict.fromkeys(parts))


def word(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return " / ".join(zh if lg == "zh" else en for lg in langs_of(lang))


def comparisons_of(figures) -> list:
    ids = {f.id for f in figures}
    return [c for c in PACK.comparisons if ids & set(c.figure_ids())]


def check_gfm(markdown: str) -> Page:
    """What holds for ANY export: footnotes resolve both ways, tables are rectangular, no raw
    footnote syntax, no HTML but GFM's own, no escaped ampersand."""
    html = render(markdown)
    page = Page(html)
    assert "[^" not in html
    definitions = re.findall(r"^\[\^(\d+)\]: ", markdown, flags=re.MULTILINE)
    assert len(definitions) == len(set(definitions))
    # cmark-gfm drops a definition nobody references, so equal counts = all referenced
    assert len(page.notes) == len(definitions)
    assert set(page.refs) == set(page.notes)
    for table in page.tables:
        assert table.header and all(len(row) == len(table.header) for row in table.rows)
    plain = Page(render(markdown, footnotes=False))  # a renderer without footnotes
    assert not any("[^" in c for t in plain.tables for row in t.rows for c in row)
    assert page.tags <= {"h1", "h2", "h3", "h4", "h5", "h6", "p", "table", "thead", "tbody",
                         "tr", "th", "td", "a", "sup", "section", "ol", "ul", "li", "strong",
                         "code", "br"}
    assert "\\&" not in markdown
    quotes = list(page.notes.values())
    assert all(re.search(r" — S\d+ ↩", note) for note in quotes), quotes
    return page


def check_sources(markdown: str, page: Page, cited_docs: set[str]) -> None:
    """Each cited document once, as title, publisher and date; no digest (noise for a
    client: it stays in the pack and the JSON)."""
    entries = re.findall(r"^- \*\*S(\d+)\*\* .*", markdown, flags=re.MULTILINE)
    assert [int(n) for n in entries] == list(range(1, len(cited_docs) + 1))
    for doc_id in cited_docs:
        doc = PACK.document(doc_id)
        assert doc.sha256[:12] not in page.text and "sha256" not in page.text
        assert one_line(doc.publisher.en) in page.text or one_line(doc.publisher.zh) in page.text


@pytest.mark.parametrize("lang", EXPORT_LANGS)
@pytest.mark.parametrize("section", [s.id for s in PACK.sections])
def test_section_export_conforms(section, lang):
    node = PACK.node(section)
    markdown = to_markdown(PACK, section, lang)
    page = check_gfm(markdown)
    figures = list(node.all_figures())
    comparisons = comparisons_of(figures)

    outline = [(1 + sub.depth - node.depth, title(sub.title, lang)) for sub in node.walk()]
    outline.append((2, word("figures", lang)))
    if comparisons:
        outline.append((2, word("comparisons", lang)))
        outline += [(3, title(c.title, lang)) for c in comparisons]
    outline.append((2, word("sources", lang)))
    assert page.headings == outline

    expected_columns = [FIGURE_COLUMNS[lang]] + [COMPARISON_COLUMNS[c.kind]
                                                 for c in comparisons]
    assert [len(t.header) for t in page.tables] == expected_columns
    assert len(page.tables[0].rows) == len(figures)
    rows_it = sum(1 for tok in MD_IT.parse(markdown) if tok.type == "tr_open")
    assert rows_it == sum(1 + len(t.rows) for t in page.tables)

    for fig, row in zip(figures, page.tables[0].rows, strict=True):
        for lg in langs_of(lang):
            value, unit = value_parts(PACK, fig, lg)
            assert " ".join(value.split()) in row[1] and unit in row[2]
            assert table_label(PACK, fig, lg) in row[0]

    prose = {s.quote for n in node.walk() for s in n.sources}
    assert len(page.notes) == len(prose)  # one footnote per distinct quote of the prose
    assert {n.rsplit(" — ", 1)[0] for n in page.notes.values()} == {
        quoted(q) for q in prose}
    quotes = {f.source.quote for f in figures} | \
        {PACK.figure(fid).source.quote for c in comparisons for fid in c.figure_ids()}
    for quote in quotes:  # each figure's quote, in its row's Source cell
        assert any(one_line(quote) in row[-1] for t in page.tables for row in t.rows), quote
    docs = {PACK.figure(fid).source.doc for c in comparisons for fid in c.figure_ids()} | \
        {f.source.doc for f in figures} | {s.doc for n in node.walk() for s in n.sources}
    check_sources(markdown, page, docs)


@pytest.mark.parametrize("lang", EXPORT_LANGS)
def test_every_comparison_and_figure_exports(lang):
    for comparison in PACK.comparisons:
        markdown = to_markdown(PACK, comparison.id, lang)
        page = check_gfm(markdown)
        assert page.headings[0] == (1, title(comparison.title, lang))
        assert len(page.tables) == 1
        assert len(page.tables[0].header) == COMPARISON_COLUMNS[comparison.kind]
        assert len(page.tables[0].rows) == len(comparison.entries) + (comparison.kind == "ratio")
    for fig in PACK.figures():
        markdown = to_markdown(PACK, fig.id, lang)
        page = check_gfm(markdown)
        assert page.headings[0] == (1, title(fig.label, lang))
        assert [len(t.header) for t in page.tables] == [FIGURE_COLUMNS[lang] - 1] + [
            COMPARISON_COLUMNS[c.kind] for c in comparisons_of([fig])]
        assert one_line(fig.source.quote) in page.tables[0].rows[0][-1]


def test_values_read_as_values_in_both_languages():
    """No quote fragment ("深圳有49人", "没有企业上榜") is a value: the number column holds a
    number, its hedge and at most a magnitude; words go to the unit column."""
    number = re.compile(r"^(超过|超|约|近|预计|零的突破|第|No\. |over |about |approx\. |nearly |"
                        r"more than |at least |expected )?[\d.,/]*[千万亿]*[\d.,/]*"
                        r"(%|×| billion| million| trillion)?(余|多|左右|以上| or more)?$")
    for fig in PACK.figures():
        if fig.kind == "tier":  # a group ("first tier"), deliberately not a number or a rank
            assert value_parts(PACK, fig, "en") == ("first", "tier")
            continue
        for lang in ("en", "zh"):
            value, unit = value_parts(PACK, fig, lang)
            assert number.match(value) and re.search(r"\d|千", value), (fig.id, lang, value)
            assert not re.search(r"\d", unit), (fig.id, lang, unit)
    shenzhen = next(f for f in PACK.figures() if f.display == "深圳有49人")
    assert value_parts(PACK, shenzhen, "zh") == ("49", "人")


def test_section_figures_right_aligned_numbers_left_aligned_words():
    page = Page(render(to_markdown(PACK, PACK.sections[0].id, "en")))
    assert page.tables[0].aligns == [None, "right", None, None, None, None]
    assert "█" not in to_markdown(PACK, PACK.sections[0].id, "en")  # no segmented strips


def test_quote_used_twice_is_cited_with_one_number_and_documents_are_listed_once():
    """Two figures with one quote cite it alike; many quotes of one document share one
    Sources entry, and no citation repeats the document title."""
    shared = next(f for f in PACK.figures()
                  if sum(g.source == f.source for g in PACK.figures()) > 1)
    twins = [g for g in PACK.figures() if g.source == shared.source]
    markdown = render_items(PACK, [f.id for f in twins], "en")
    page = check_gfm(markdown)
    cells = {t.rows[0][-1] for t in page.tables if t.header[0] == "Value"}  # each figure's
    assert len(cells) == 1 and one_line(shared.source.quote) in cells.pop()
    doc = PACK.document(shared.source.doc)
    assert markdown.count(one_line(doc.title.en)) == 1


def test_quotes_are_not_wrapped_twice_and_use_one_convention():
    assert quoted("“政府搭台、人才唱戏”") == "“政府搭台、人才唱戏”"  # one quotation already
    assert quoted("“十三五”至今，有35家") == "““十三五”至今，有35家”"  # the source's own marks
    assert quoted("“甲”和“乙”") == "““甲”和“乙””"  # starts and ends with marks, two quotes
    assert quoted("苏州有13人") == "“苏州有13人”"
    for section in PACK.sections:
        for lang in EXPORT_LANGS:
            markdown = to_markdown(PACK, section.id, lang)
            source_marks = sum(q.count("「") for q in _quotes(section))
            assert markdown.count("「") == source_marks  # never added around a quote


def _quotes(node) -> list[str]:
    return [s.quote for n in node.walk() for s in n.sources] + \
        [f.source.quote for f in node.all_figures()] + \
        [PACK.figure(i).source.quote for c in comparisons_of(list(node.all_figures()))
         for i in c.figure_ids()]


def test_render_items_is_one_document_in_pin_order():
    ids = [PACK.comparisons[0].id, next(PACK.figures()).id, PACK.sections[1].children[0].id]
    markdown = render_items(PACK, ids, "both", title=Text(zh="简报", en="Brief"))
    page = check_gfm(markdown)
    assert page.headings[0] == (1, "简报 / Brief")
    level_two = [h for level, h in page.headings if level == 2]
    assert level_two[:1] == [title(PACK.comparisons[0].title, "both")]
    assert markdown.count("## 来源 / Sources") == 1
    refs = [int(r.removeprefix("fn-")) for r in dict.fromkeys(page.refs)]
    assert refs == list(range(1, len(refs) + 1))  # one numbering, in reading order


# -- the command ----------------------------------------------------------------------------------

def cli(*args: str):
    from typer.testing import CliRunner

    from briefing.cli import app

    result = CliRunner().invoke(app, list(args))
    assert "Traceback" not in result.output
    return result


def test_cli_exports_figures_comparisons_and_both_languages(fresh_cli_state, tmp_path):
    fig, comparison = next(PACK.figures()), PACK.comparisons[0]
    result = cli("export", fig.id)
    assert result.exit_code == 0 and result.stdout == to_markdown(PACK, fig.id, "en")
    result = cli("export", comparison.id, "--lang", "zh")
    assert result.exit_code == 0 and result.stdout == to_markdown(PACK, comparison.id, "zh")
    out = tmp_path / "both.md"
    result = cli("export", PACK.sections[0].id, "--lang", "both", "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == to_markdown(PACK, PACK.sections[0].id, "both")


def test_cli_rejects_a_bad_language_in_one_line(fresh_cli_state):
    result = cli("export", PACK.sections[0].id, "--lang", "fr")
    assert result.exit_code == 2
    assert result.stderr == "error: --lang must be 'en', 'zh' or 'both', not 'fr'\n"


def test_both_puts_each_paragraph_in_chinese_with_its_english_beneath():
    section = PACK.sections[0]
    blocks = to_markdown(PACK, section.id, "both").split("\n\n")
    for node in section.walk():
        zh = next(i for i, b in enumerate(blocks)
                  if b.startswith(escape(bind_numbers(node.text.zh, "zh"))[:30]))
        assert blocks[zh + 1].startswith(escape(bind_numbers(node.text.en))[:30])


def test_floors_make_bounds_never_a_claim_of_reaching_the_target():
    """A floor ("over 10,000") against a floor target is unclear, never "100%"; percentages
    get their gap in percentage points and no share reached."""
    progress = next(c for c in PACK.comparisons if c.kind == "progress")
    page = Page(render(to_markdown(PACK, progress.id, "en")))
    table = page.tables[0]
    gap, reached = table.header.index("Gap to target"), table.header.index("Reached")
    for entry, row in zip(progress.entries, table.rows, strict=True):
        actual, target = PACK.figure(entry.figure), PACK.figure(entry.target or "")
        floors = [f.qualifier in ("超", "超过", "余", "多", "以上") for f in (actual, target)]
        if all(floors):
            assert row[gap] == row[reached] == "unclear"
        elif actual.unit == "percent":
            assert row[gap].endswith(" pp") and row[reached] == "—"
        elif not entry.like_for_like:  # an unlike pair has no share reached
            assert row[reached] == "—" and row[0].endswith(" *")
        else:
            assert row[reached].endswith("%") and row[reached] != "100%"
            assert row[reached].startswith("≥" if floors[0] else "≤" if floors[1] else "")


def test_a_brief_draws_each_comparison_once(bundled):
    """Two pinned figures of one comparison: its table appears once, under the first."""
    from briefing.export.brief import brief_markdown

    comparison = next(c for c in bundled.comparisons if len(list(c.figure_ids())) >= 2)
    first, second = list(comparison.figure_ids())[:2]
    markdown = brief_markdown(bundled, [first, second], "en")
    assert markdown.count(comparison.title.en.split(":")[0]) >= 1
    headings = [line for line in markdown.splitlines()
                if line.startswith("#") and comparison.title.en.split(" (")[0] in line]
    assert len(headings) == 1, headings
