"""An item with thousands of figures opens without per-row or per-width rework (issue 26,
item 11: 10,000 figures took 4.6 s). Counted, not timed: the cells are measured once whatever
the widths asked for, only the rows on screen are drawn, and finding the row under a line
does not walk the rows above it. The time is in bench/figure_table_bench.py."""

from __future__ import annotations

from test_workflow import wait_for

from briefing.pack import load_pack
from briefing.text import table_layout
from briefing.tui import BriefingApp
from briefing.tui.widgets.figure_table import FigureTable

COUNT = 2000
QUOTE = "国家科技型中小企业2.43万家、全国第一"


def _many(files: dict) -> None:
    figures = [{"id": f"many-{n}", "label": {"zh": f"指标{n}", "en": f"Tech SMEs, entry {n}"},
                "value": 24300, "unit": "enterprises", "display": "2.43万家",
                "period": "2024", "kind": "actual",
                "source": {"doc": "review-2024", "quote": QUOTE}} for n in range(COUNT)]
    files["sections/weaknesses.yaml"]["items"] = [{
        "id": "many-figures", "title": {"zh": "大量指标", "en": "Many figures"},
        "text": {"zh": "指标很多。", "en": "Many figures."},
        "source": {"doc": "review-2024", "quote": QUOTE}, "figures": figures}]


def test_thousands_of_figures_are_measured_once_and_drawn_as_seen(make_pack, monkeypatch, drive):
    pack = load_pack(make_pack(_many))
    measured: list[str] = []
    drawn: list[int] = []
    real_min_width = table_layout.min_width
    real_draw = getattr(table_layout, "_draw", None)
    monkeypatch.setattr(table_layout, "min_width",
                        lambda text, *a: measured.append(text) or real_min_width(text, *a))
    monkeypatch.setattr(table_layout, "_draw", lambda *a, **k: drawn.append(1) or real_draw(
        *a, **k), raising=False)

    async def scenario(pilot):
        app = pilot.app
        measured.clear()
        drawn.clear()
        app.open_id("many-figures")
        table = app.main.pane.query_one(FigureTable)
        await wait_for(pilot, lambda: len(table.rows) == COUNT, "the figure table")
        await pilot.resize_terminal(100, 30)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        table.focus()
        await pilot.press("end")
        await wait_for(pilot, lambda: table.cursor == COUNT - 1, "the last row")
        layout = table._layout
        assert layout is not None
        last = COUNT - 1
        assert layout.row_at(layout.row_top(last)) == last
        # every cell measured once (five columns), whatever the widths asked for
        assert len(measured) <= 5 * COUNT + 10, len(measured)
        # drawn: the rows on screen after each change, not all of them
        assert len(drawn) < COUNT // 4, len(drawn)

    drive(BriefingApp(pack, lang="en", start_id="weaknesses"), scenario, size=(120, 40))
