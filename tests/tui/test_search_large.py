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
        assert not screen.indexing  # opening the dialog builds nothing: the first query does
        await pilot.press("y")
        await wait_until(pilot, lambda: "Indexing" in status.text.plain, "the indexing note")
        await pilot.press(*"anfa")  # typed while the index is built: nothing blocks
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


# -- the build in a process of its own -----------------------------------------------------------
def _library(tmp_path, monkeypatch, bundled, scale: int):
    """A pack folder whose validated form (in the pack cache) is ``scale`` x the bundled one."""
    sys.path.insert(0, str(ROOT / "bench"))
    from search_bench import pack_folder, synthetic_pack

    cache = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    return pack_folder(tmp_path / "pack", cache, synthetic_pack(bundled, scale)), cache


def test_the_app_builds_a_library_index_in_a_child_process(bundled, tmp_path, monkeypatch,
                                                           drive):
    from briefing.tui import BriefingApp

    pack, cache = _library(tmp_path, monkeypatch, bundled, 6)  # large enough for a store
    app = BriefingApp(pack)

    async def scenario(pilot):
        await pilot.press("slash", *"研发")
        screen = app.screen
        results = screen.query_one("#search-results", OptionList)
        await wait_until(pilot, lambda: not screen.indexing and results.option_count > 0,
                         "the hits once indexed", tries=5000)
        assert app.search_engine.index_source == "store"  # written by the child, opened here
        assert list(cache.glob("search-store-*.sqlite"))

    drive(app, scenario)


def test_quitting_ends_a_build_still_running(bundled, tmp_path, monkeypatch):
    import threading
    import time

    from briefing.search import SearchEngine
    from briefing.tui.indexing import build_in_process, end_builds

    pack, cache = _library(tmp_path, monkeypatch, bundled, 60)  # a build of many seconds

    class App:  # what build_in_process needs of an app: something to remember it by
        pass

    app, got = App(), []
    worker = threading.Thread(target=lambda: got.append(build_in_process(app, SearchEngine(pack))))
    worker.start()
    time.sleep(1.0)  # the child is loading the pack: end it before it could have finished
    started = time.perf_counter()
    end_builds(app)
    worker.join(timeout=30)
    assert got == [None] and time.perf_counter() - started < 10
    assert not list(cache.glob("search-store-*.sqlite"))
    assert not list(cache.glob(".search-store-*"))  # nor anything half written
    assert build_in_process(app, SearchEngine(pack)) is None  # none starts after quitting


def test_the_build_command_reports_a_bad_folder_in_one_line(tmp_path, capsys):
    from briefing.search.build_store import main

    assert main([str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "\n" not in err and "nowhere" in err
    assert main([]) == 2
