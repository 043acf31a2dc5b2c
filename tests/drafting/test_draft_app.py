"""A drafted pack opens in the app at once: its tree follows the document's headings, the
English view marks the Chinese it shows in place of English, the Chinese view is plain."""

from __future__ import annotations

import asyncio

from _drafting import DOCUMENTS

from briefing.pack import load_pack
from briefing.tui import BriefingApp
from briefing.tui.widgets.prose import Prose
from briefing.tui.widgets.section_tree import SectionTree


def _labels(node):
    for child in node.children:
        yield child.data, child.label.plain
        yield from _labels(child)


async def _until(pilot, condition, what: str) -> None:
    for _ in range(400):
        if condition():
            return
        await pilot.pause()
    assert condition(), f"timed out waiting for {what}"


def test_the_app_opens_a_draft_in_english_and_chinese(drafted, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    pack = load_pack(drafted(DOCUMENTS / "st-bureau-review-2025.txt"))
    app = BriefingApp(pack)

    def tree():
        found = app.screen.query(SectionTree)
        return found.first() if found else None

    def pane_text() -> str:
        return "\n".join(p.text.plain for p in app.screen.query(Prose))

    async def scenario() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await _until(pilot, lambda: tree() is not None and any(
                data == "review-2025" for data, _ in _labels(tree().root)), "the tree")
            labels = dict(_labels(tree().root))
            assert labels["review-2025"] == "[zh] 2025年工作总结"
            assert labels["plans-2026"] == "[zh] 2026年工作思路"
            assert app.title.startswith("[zh] 青岚市科学技术局")
            app.screen.query_one(SectionTree).follow("firms-innovation-players")
            await pilot.press("enter")
            await _until(pilot, lambda: "一是强化企业创新主体地位。新增国家高新技术企业520家"
                         in pane_text(), "the item's text")
            assert "[zh] 一是强化企业创新主体地位" in pane_text()
            await pilot.press("l")
            await _until(pilot, lambda: dict(_labels(tree().root))["review-2025"]
                         == "2025年工作总结", "the Chinese tree")
            await _until(pilot, lambda: "[zh]" not in pane_text(), "the Chinese pane")

    asyncio.run(scenario())
