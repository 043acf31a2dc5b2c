"""Each screen at 60, 80, 140 and 200 columns in both languages (issue 28): all content shown,
the bilingual view side by side when the pane is 100+ wide and stacked below, tables sized
from their content, labels cut only with "…", the way out in the footer.

Update with ``--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from briefing.tui import BriefingApp
from briefing.tui.widgets.section_tree import FIGURES_ID

SIZES = {60: (60, 15), 80: (80, 24), 140: (140, 42), 200: (200, 50)}
SCREENS = {  # what is open at the start, and the keys pressed then
    "main": (None, []),
    "bilingual": (None, ["b"]),
    "comparisons": ("cmp-hnte-progress", []),
    "figures": (FIGURES_ID, []),
}


@pytest.mark.parametrize("width", list(SIZES))
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_at_width(snap_compare, fixture_pack, screen, lang, width):
    start, keys = SCREENS[screen]
    app = BriefingApp(fixture_pack, lang=lang, start_id=start)
    assert snap_compare(app, press=keys, terminal_size=SIZES[width])
