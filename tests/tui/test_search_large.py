"""Search in the app on a pack large enough that its first index build takes a while: built
in the background, the dialog keeps taking keys and lists the hits once it is ready."""

from __future__ import annotations

import sys
from pathlib import Path

from _pilot import wait_until
from textual.widgets import Input, OptionList

from briefing.search import source
from briefing.tui.screens.search import SearchScreen
from briefing.tui.widgets.prose import Prose

ROOT = Path(__file__).resolve().parents[2]


def _large_app(bundled, tmp_path, monkeypatch):
    from briefing.tui import BriefingApp

    sys.path.insert(0, str(ROOT / "bench"))
    from search_bench import synthetic_pack

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    return BriefingApp(synthetic_pack(bundled, 5))


def test_the_first_search_of_a_large_pack_indexes_in_the_background(bundled, tmp_path,
                                                                     monkeypatch, drive):
    app = _large_app(bundled, tmp_path, monkeypatch)
    release = []
    real_prepare = type(app.search_engine).prepare

    def slow_prepare(engine, progress=None):  # the build waits until the test has typed
        for _ in range(2000):
            if release:
                break
            import time

            time.sleep(0.005)
        return real_prepare(engine, progress)

    monkeypatch.setattr(type(app.search_engine), "prepare", slow_prepare)

    async def scenario(pilot):
        assert app.search_engine.builds_slowly()
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        status = screen.query_one("#search-status", Prose)
        await wait_until(pilot, lambda: "Indexing" in status.text.plain, "the indexing note")
        await pilot.press(*"yanfa")  # typed while the index is built: nothing blocks
        assert screen.query_one("#search-input", Input).value == "yanfa"
        assert screen.indexing
        release.append(True)
        results = screen.query_one("#search-results", OptionList)
        await wait_until(pilot, lambda: not screen.indexing and results.option_count > 0,
                         "the hits once indexed", tries=2000)
        expected = [h.id for h in app.search_engine.search("yanfa", limit=40)]
        assert [results.get_option_at_index(i).id
                for i in range(results.option_count)] == expected
        assert "Indexing" not in status.text.plain
        assert not app.search_engine.builds_slowly()

    drive(app, scenario)


def test_a_small_pack_searches_at_once(app, drive):
    async def scenario(pilot):
        assert not app.search_engine.builds_slowly()
        await pilot.press("slash", *"yanfa")
        screen = app.screen
        assert not screen.indexing
        assert screen.query_one("#search-results", OptionList).option_count > 0

    drive(app, scenario)


def test_slow_means_at_least_the_threshold(bundled, monkeypatch):
    from briefing.search import SearchEngine

    assert not SearchEngine(bundled).builds_slowly()
    monkeypatch.setattr(source, "SLOW_RECORDS", 100)
    assert SearchEngine(bundled).builds_slowly()


def test_a_hit_id_is_never_broken_in_the_dialog(app, drive):
    from briefing.tui.screens.search import _prompt

    async def scenario(pilot):
        for hit in app.search_engine.search("R&D", limit=40):
            lines = [seg.text for seg in app.console.render(
                _prompt(hit, "en"), app.console.options.update_width(30))]
            text = "".join(lines)
            assert any(hit.id in line for line in text.split("\n")), (hit.id, text)

    drive(app, scenario)
