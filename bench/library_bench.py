"""A library of briefings at scale: first frame, indicator, search, index build, memory.

Libraries are made by tests/library/scale.py from the six test packs (each copy a province
of its own, its text varied), in a temporary folder, with a cache folder of their own:

* the app's first frame over 31 briefings against the app over one briefing (one of the
  same packs), each a fresh interpreter timed as bench/startup_bench.py times it;
* ``briefing indicator gdp-growth --period 2026 --kind target`` over 31 briefings;
* over 300: the first ``briefing search`` (its index built, the packs' validation cached, and
  from an empty cache), a warm ``briefing search`` against the same on one briefing, and
  the engine's warm query time in process against one briefing's;
* the app's memory over 300 briefings: first frame, a search, three briefings opened.

    python bench/library_bench.py [--runs 7] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "library"))
sys.path.insert(0, str(ROOT / "bench"))
from startup_bench import COMMON  # noqa: E402  (the first frame, timed as it times it)

QUERIES = ["地区生产总值", "失业率", "高新技术企业", "yanfa", "gdp growth", "研发经费投入强度",
           "居民消费价格", "城镇新增就业"]

FRAME = COMMON + r"""
import sys
from pathlib import Path
from briefing.tui import BriefingApp
path = Path(sys.argv[1])
if sys.argv[2] == "library":
    from briefing.library import open_library
    from briefing.library.view import LibraryView
    view = LibraryView(open_library(path))
    first_frame(BriefingApp(view.pack, view=view))
else:
    from briefing.pack.cache import load_pack_cached
    first_frame(BriefingApp(load_pack_cached(path)))
"""

MEMORY = r"""
import asyncio, resource, sys
from pathlib import Path
import psutil
from briefing.library import open_library
from briefing.library.view import LibraryView
from briefing.tui import BriefingApp
view = LibraryView(open_library(Path(sys.argv[1])))
app = BriefingApp(view.pack, view=view)
out = {}
async def main():
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        out["first_frame_mb"] = psutil.Process().memory_info().rss / 2**20
        engine = app.search_engine
        if engine.builds_slowly():
            from briefing.tui.indexing import build_in_process
            build_in_process(app, engine)
        for q in ("地区生产总值", "yanfa", "失业率"):
            hits = engine.search(q, limit=40)
        out["after_search_mb"] = psutil.Process().memory_info().rss / 2**20
        for hit in hits[:3]:
            app.open_id(hit.id)
            for _ in range(50):
                await pilot.pause()
                if app.main.pane.node_id and app.pack.has_id(hit.id):
                    break
        out["loaded"] = len(view.loaded())
        out["after_opening_mb"] = psutil.Process().memory_info().rss / 2**20
asyncio.run(main())
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(out)
"""


def env(cache: Path) -> dict:
    e = {**os.environ, "PYTHONPATH": str(ROOT), "BRIEFING_CACHE_DIR": str(cache),
         "BRIEFING_LIBRARY_DIR": str(cache / "no-default-library"),
         "BRIEFING_STATE_DIR": str(cache / "state"), "BENCH_T0": repr(time.time())}
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    return e


def frame(path: Path, kind: str, cache: Path) -> float:
    out = subprocess.run([sys.executable, "-c", FRAME, str(path), kind], capture_output=True,
                         text=True, env=env(cache), cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def timed(args: list[str], cache: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of it and its children) of one ``briefing`` command."""
    before = os.times()
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "briefing", *args], capture_output=True, check=True,
                   env=env(cache), cwd=ROOT)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user
                  + after.children_system - before.children_system)


def median_of(runs: int, *commands) -> list[tuple[float, float]]:
    """Each command run ``runs`` times, interleaved; (median wall, median CPU) of each."""
    samples: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for i, (args, cache) in enumerate(commands):
            samples[i].append(timed(args, cache))
    return [(statistics.median(w for w, _ in s), statistics.median(c for _, c in s))
            for s in samples]


def engine_query_ms(path: Path, cache: Path, library: bool) -> float:
    """Mean ms per warm query of the engine in process (each query asked twice, timed the
    second time, as a keystroke after the first)."""
    code = (
        "import sys, time\nfrom pathlib import Path\n"
        "from briefing.library import open_library\n"
        "from briefing.library.search import library_engine\n"
        "from briefing.search.engine import SearchEngine\n"
        "from briefing.pack.cache import load_pack_cached\n"
        f"queries = {QUERIES!r}\n"
        f"engine = library_engine(open_library(Path({str(path)!r}))) if {library} else "
        f"SearchEngine(load_pack_cached(Path({str(path)!r})))\n"
        "for q in queries: engine.search(q)\n"
        "t = time.perf_counter()\n"
        "for _ in range(5):\n    for q in queries: engine.search(q)\n"
        "print((time.perf_counter() - t) / (5 * len(queries)) * 1000)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env(cache), cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    ns = parser.parse_args()
    from scale import PACKS, make_library

    result: dict[str, object] = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        one, lib31, lib300 = work / "one", work / "lib31", work / "lib300"
        shutil.copytree(PACKS / "lanjiang-2026", one)
        make_library(lib31, 31)
        make_library(lib300, 300)
        cache = work / "cache"
        # warm the caches (validated packs, summaries, the folder indexes, line breaks)
        frame(one, "pack", cache), frame(lib31, "library", cache)
        singles, libraries = [], []
        for _ in range(ns.runs):
            singles.append(frame(one, "pack", cache))
            libraries.append(frame(lib31, "library", cache))
        result["first_frame_one_s"] = statistics.median(singles)
        result["first_frame_31_s"] = statistics.median(libraries)
        result["first_frame_ratio"] = result["first_frame_31_s"] / result["first_frame_one_s"]

        indicator = ["--content", str(lib31), "indicator", "gdp-growth", "--period", "2026",
                     "--kind", "target"]
        timed(indicator, cache)
        ((wall, cpu),) = median_of(ns.runs, (indicator, cache))
        result["indicator_31_s"], result["indicator_31_cpu_s"] = wall, cpu

        timed(["--content", str(lib300), "library"], cache)  # packs validated once
        start = time.perf_counter()
        timed(["--content", str(lib300), "search", "地区生产总值", "--json"], cache)
        result["first_search_300_s"] = time.perf_counter() - start
        cold = work / "cold"
        start = time.perf_counter()
        timed(["--content", str(lib300), "search", "地区生产总值", "--json"], cold)
        result["first_search_300_empty_cache_s"] = time.perf_counter() - start
        search = ["search", "地区生产总值", "--json"]
        timed(["--content", str(one), *search], cache)
        (lib_w, lib_c), (one_w, one_c) = median_of(
            ns.runs, (["--content", str(lib300), *search], cache),
            (["--content", str(one), *search], cache))
        result.update(warm_search_300_s=lib_w, warm_search_one_s=one_w,
                      warm_search_ratio=lib_w / one_w, warm_search_300_cpu_s=lib_c,
                      warm_search_one_cpu_s=one_c, warm_search_cpu_ratio=lib_c / one_c)
        q300 = engine_query_ms(lib300, cache, library=True)
        q1 = engine_query_ms(one, cache, library=False)
        from briefing.pack import bundled_pack_dir

        bundled = engine_query_ms(bundled_pack_dir(), cache, library=False)
        result.update(query_300_ms=q300, query_one_ms=q1, query_ratio=q300 / q1,
                      query_bundled_ms=bundled, query_ratio_bundled=q300 / bundled)

        out = subprocess.run([sys.executable, "-c", MEMORY, str(lib300)], capture_output=True,
                             text=True, env=env(cache), cwd=ROOT, check=True)
        result["app_memory_300"] = eval(out.stdout.strip().splitlines()[-1])  # our own dict
    result["runs"] = ns.runs
    if ns.json:
        print(json.dumps(result))
        return
    for key, value in result.items():
        print(f"{key:34} {value:.3f}" if isinstance(value, float) else f"{key:34} {value}")


if __name__ == "__main__":
    main()
