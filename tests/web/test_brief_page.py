"""The brief as HTML, in the system's Chromium: it lays out as a client would see it.

Six pins (an item, three of its figures, a comparison, a figure of the other document) as one
self-contained page: no request leaves the page, numbers never break inside ("about 350" at any
width), value cells stay on one line, bars are drawn in proportion, the table fits the page.
A screenshot is saved (``BRIEFING_SCREENSHOTS`` names the folder; the test's own otherwise).
Skipped where Chromium is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _brief_pins import six_pins

from briefing.export.brief import brief_document
from briefing.pack import bundled_pack_dir, load_pack

#: Every run of words joined by no-break spaces must be on one line: the number of lines each
#: spans, for the runs in the page's paragraphs and cells.
NOBREAK_LINES = r"""
() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const spans = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (const m of node.data.matchAll(/\S+(?:[\u00a0\u202f]\S+)+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      spans.push([m[0], tops.size]);
    }
  }
  return spans;
}
"""


@pytest.fixture(scope="module")
def brief_file(tmp_path_factory) -> Path:
    pack = load_pack(bundled_pack_dir())
    path = tmp_path_factory.mktemp("brief") / "brief.html"
    path.write_text(str(brief_document(pack, six_pins(pack), "en").render("html")),
                    encoding="utf-8")
    return path


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("BRIEFING_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("width", [1100, 380])
def test_the_brief_page_lays_out_whole(browser, brief_file, tmp_path, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.goto(brief_file.as_uri())
        page.wait_for_load_state("load")
        assert requests == [brief_file.as_uri()]  # nothing fetched beyond the file itself
        spans = page.evaluate(NOBREAK_LINES)
        assert spans and all(lines == 1 for _text, lines in spans), \
            [s for s in spans if s[1] != 1]
        values = page.eval_on_selector_all(
            "td.num", "cells => cells.map(c => [c.textContent, c.getClientRects().length,"
            " c.scrollWidth <= c.clientWidth + 1])")
        assert values and all(fits for _t, _n, fits in values)
        bars = page.eval_on_selector_all(".bar", "bars => bars.map(b => b.offsetWidth)")
        assert bars and max(bars) > 0 and all(b >= 0 for b in bars)
        if width >= 1000:  # a desk: the page's tables fit it
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0
        page.screenshot(path=str(_shots(tmp_path) / f"brief-{width}.png"), full_page=True)
    finally:
        context.close()
