"""Labels and titles are cut only with "…", right after the last whole character (issue 28:
Textual's own ellipsis ends a Chinese title "工 …")."""

from __future__ import annotations

import pytest
from _pilot import wait_until
from _screen_text import screen_lines
from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from briefing.tui import BriefingApp
from briefing.tui.widgets.ellipsis import cut_at, fit_content, fit_text
from briefing.tui.widgets.header import ICON


@pytest.mark.parametrize(("text", "width", "shown"), [
    ("科技创新工作成效", 16, "科技创新工作成效"),  # fits: as it is
    ("科技创新工作成效", 15, "科技创新工作成…"),  # 14 + 1
    ("科技创新工作成效", 14, "科技创新工作…"),  # 12 + 1: the 7th character would be split
    ("Tech Enterprise Leadership", 17, "Tech Enterprise…"),  # no space before the "…"
    ("Tech Enterprise Leadership", 5, "Tech…"),
    ("技术", 1, "…"),
])
def test_cut_with_an_ellipsis_after_the_last_whole_character(text, width, shown):
    assert fit_text(Text(text), width).plain == shown
    assert fit_content(Content(text), width).plain == shown
    assert cell_len(shown) <= width


def test_styles_are_kept_and_nothing_is_cut_that_fits():
    title = Content.assemble("苏州", (" — ", "dim"), "技术合同")
    assert fit_content(title, 40) is title
    cut = fit_content(title, 9)
    assert cut.plain == "苏州 — …" or cut.plain == "苏州 —…"
    assert cut_at("abc", 3) is None


@pytest.mark.parametrize("size", [(60, 15), (80, 24), (140, 42)])
def test_the_header_title_is_whole_or_ends_in_an_ellipsis(fixture_pack, drive, size):
    from briefing.tui.widgets.header import BriefingHeader

    async def scenario(pilot):
        app = pilot.app
        header = app.screen.query_one(BriefingHeader)
        await wait_until(pilot, lambda: "—" in screen_lines(app)[0], "the header")
        full = header.format_title().plain
        shown = screen_lines(app)[0].replace(ICON, "").strip()
        assert shown == full or (shown.endswith("…") and not shown.endswith(" …")
                                 and full.startswith(shown[:-1])), (shown, full)
        if size[0] == 60:
            assert shown != full  # the fixture's title is cut there

    drive(BriefingApp(fixture_pack, lang="zh"), scenario, size=size)


def test_the_header_sign_is_one_cell_in_every_terminal():
    """Textual's "⭘" is of ambiguous East Asian width: two cells in many CJK terminals, which
    shifted the header (issue 28 saw it bare); the sign must be narrow everywhere."""
    import unicodedata

    assert all(unicodedata.east_asian_width(char) in ("N", "Na") for char in ICON)
