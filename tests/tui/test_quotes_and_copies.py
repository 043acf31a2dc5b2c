"""Each quote an item cites, in the source view (``n`` / ``N``, across documents), and ``y``
on a section or item carries its quotes and documents (a figure, a comparison and the source
view's quote: tests/tui/test_workflow.py)."""

from __future__ import annotations

from _pilot import wait_until

from briefing.export.quoting import quoted
from briefing.pack import bundled_pack_dir, load_pack
from briefing.tui import BriefingApp
from briefing.tui.screens.source import SourceScreen

BUNDLED = load_pack(bundled_pack_dir())


def _highlighted(screen: SourceScreen) -> str:
    from briefing.tui.widgets.prose import Prose

    loc = screen.location
    assert loc is not None
    par = screen.query_one(f"#par-{loc.paragraph}", Prose)
    spans = [s for s in par.text.spans if "yellow" in str(s.style)]
    return par.text.plain[spans[0].start:spans[0].end] if spans else ""


def test_the_source_view_steps_through_every_quote_of_an_item(drive):
    """An item citing quotes of both documents: ``n`` goes to the next (changing document),
    ``N`` back, wrapping round; the heading says which quote of how many."""
    node = next(n for n in BUNDLED.nodes() if len({s.doc for s in n.sources}) > 1)

    async def scenario(pilot):
        app = pilot.app
        app.open_source(node.id)
        await wait_until(pilot, lambda: isinstance(app.screen, SourceScreen)
                         and app.screen.query("#source-doc .source-par"))
        screen = app.screen
        assert screen.sources == list(node.sources)
        seen = []
        for index, source in enumerate(node.sources):
            await wait_until(pilot, lambda s=source: screen.source == s
                             and _highlighted(screen) == s.quote, f"quote {index + 1}")
            heading = screen.query_one("#source-heading").text.plain
            assert f"Quote {index + 1} of {len(node.sources)}" in heading
            assert app.pack.document(source.doc).title.en.split(" (")[0] in heading
            seen.append(source.doc)
            await pilot.press("n")
        assert set(seen) == {s.doc for s in node.sources}  # both documents shown
        await wait_until(pilot, lambda: screen.index == 0, "wrapped round to the first")
        await pilot.press("N")
        await wait_until(pilot, lambda: screen.source == node.sources[-1]
                         and _highlighted(screen) == node.sources[-1].quote, "the last")

    drive(BriefingApp(BUNDLED), scenario)


def test_a_figure_has_one_quote_and_no_stepping(fixture_pack, drive):
    async def scenario(pilot):
        app = pilot.app
        app.open_source("hntes-2024")
        await wait_until(pilot, lambda: isinstance(app.screen, SourceScreen)
                         and app.screen.query("#source-doc .source-par"))
        screen = app.screen
        assert "Quote" not in screen.query_one("#source-heading").text.plain
        assert screen.check_action("quote_step", (1,)) is False  # not offered in the footer
        await pilot.press("n")
        assert screen.index == 0

    drive(BriefingApp(fixture_pack), scenario)


def test_y_on_an_item_copies_its_text_with_its_quotes_and_documents(drive):
    node = next(n for n in BUNDLED.nodes() if len({s.doc for s in n.sources}) > 1)

    async def scenario(pilot):
        app = pilot.app
        app.open_id(node.id)
        await wait_until(pilot, lambda: app.main.pane.node_id == node.id)
        app.main.tree.focus()
        await pilot.pause()
        await pilot.press("y")
        await wait_until(pilot, lambda: node.title.en in app.clipboard, "the item copied")
        text = app.clipboard
        assert "[^" not in text  # inline citations: they survive any paste
        for source in node.sources:
            assert quoted(source.quote) in text
        for doc_id in {s.doc for s in node.sources}:
            doc = app.pack.document(doc_id)
            assert doc.title.en in text and doc.publisher.en in text

    drive(BriefingApp(BUNDLED), scenario)
