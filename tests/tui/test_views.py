"""The plain-Python view logic behind the panes (no Textual)."""

from rich.console import Console

from briefing.present import panes
from briefing.present.comparison_rows import build


def render(renderable, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.export_text().splitlines()


def test_find_spans_is_case_insensitive_and_counts_every_match():
    assert panes.find_spans("Enterprise enterprises ENTERPRISE", "enterprise") == [
        (0, 10), (11, 21), (23, 33)]
    assert panes.find_spans("国家科技型中小企业，中小企业", "中小企业") == [(5, 9), (10, 14)]
    assert panes.find_spans("abc", "") == []


def test_paragraph_text_never_interprets_markup(fixture_pack):
    node = fixture_pack.node("ach-enterprises")
    par = panes.paragraphs(fixture_pack, node, "en")[0]
    text = panes.paragraph_text(par)
    assert "[bold]This is not markup[/bold]" in text.plain


def test_paragraphs_cover_only_the_open_node(fixture_pack):
    pars = panes.paragraphs(fixture_pack, fixture_pack.node("achievements"), "zh")
    assert [p.node_id for p in pars] == ["achievements", "ach-enterprises", "ach-rd-institutions"]
    assert pars[0].depth == 0 and pars[1].depth == 1


def test_locate_quote_and_source_for(fixture_pack):
    source = panes.source_for(fixture_pack, "rd-unit-rate-2024")
    pars = panes.source_paragraphs(panes.document_text(fixture_pack, source.doc))
    loc = panes.locate_quote(pars, source.quote)
    assert loc is not None
    assert pars[loc.paragraph][loc.start:loc.end] == source.quote
    # a section without its own quote falls back to its first item's
    assert panes.source_for(fixture_pack, "weaknesses") == fixture_pack.node(
        "weak-rd-spending").source
    assert panes.source_for(fixture_pack, "nope") is None


def test_timeline_line_orders_by_period(fixture_pack):
    view = build(fixture_pack, fixture_pack.comparison("cmp-rd-unit-timeline"))
    assert panes.timeline_line(fixture_pack, view, "zh") == (
        "80.6% (2024) → 超84% (2025-07) → 超90% (2025)")


def test_figure_rows_show_value_qualifier_period_kind(fixture_pack):
    rows = panes.figure_rows(fixture_pack, fixture_pack.node("plan-enterprises"), "zh")
    first = rows[0]
    assert (first.value, first.qualifier, first.period, first.kind) == (
        "超1.9万家", "超", "2025", "目标")
    assert first.compared == 1


def test_search_prompt_shows_a_snippet_for_a_match_in_a_note():
    """The prompt takes the matched field's text from the hit itself, notes included."""
    from briefing.pack import bundled_pack_dir, load_pack
    from briefing.search import SearchEngine
    from briefing.tui.screens.search import hit_prompt

    hit = SearchEngine(load_pack(bundled_pack_dir())).search("WIPO", limit=1)[0]
    assert hit.field == "note.en"
    prompt = hit_prompt(hit, "en")
    assert "WIPO" in prompt.plain.splitlines()[1]
    assert any(span.style == "bold reverse" and prompt.plain[span.start:span.end] == "WIPO"
               for span in prompt.spans)
