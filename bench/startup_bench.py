"""First-frame time of the briefing app vs a bare Textual app (Tree + Markdown + Footer).

Each run is a fresh interpreter, timed from process start (``python -X importtime`` aside,
everything counts: imports, pack load, compose, mount, first refresh) until the first frame
has been rendered headless. Reports the median of N runs.

    python3 bench/startup_bench.py [--runs 7] [--content PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Both children print seconds from interpreter start to the first rendered frame.
COMMON = r"""
import time, os
START = time.perf_counter() - (time.time() - float(os.environ["BENCH_T0"]))
def first_frame(app):
    async def pilot(p):
        await p.pause()
        print(time.perf_counter() - START, flush=True)
        p.app.exit()
    app.run(headless=True, size=(120, 35), auto_pilot=pilot)
"""

BARE = COMMON + r"""
from textual.app import App
from textual.widgets import Footer, Markdown, Tree

class Bare(App):
    def compose(self):
        tree = Tree("briefing")
        for i in range(8):
            tree.root.add(f"section {i}")
        yield tree
        yield Markdown("# Section\n\nSome text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
        yield Footer()

first_frame(Bare())
"""

BRIEFING = COMMON + r"""
import sys
from pathlib import Path
from briefing.pack import bundled_pack_dir
try:
    from briefing.pack.cache import load_pack_cached as load_pack
except ImportError:
    from briefing.pack import load_pack
from briefing.tui import BriefingApp
path = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_pack_dir()
first_frame(BriefingApp(load_pack(path)))
"""


def run(code: str, args: list[str], cache: str | None = None) -> float:
    """Seconds to the first frame of one fresh process (``cache``: its BRIEFING_CACHE_DIR)."""
    import os
    import time

    env = {**os.environ, "BENCH_T0": repr(time.time()), "PYTHONPATH": str(ROOT)}
    # As after `pip install`, which compiles every module: bytecode is cached, not recompiled
    # on each start (a development shell may set PYTHONDONTWRITEBYTECODE).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if cache is not None:
        env["BRIEFING_CACHE_DIR"] = cache
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--content", default="")
    parser.add_argument("--json", action="store_true")
    ns = parser.parse_args()
    args = [ns.content] if ns.content else []
    import tempfile

    run(BARE, []), run(BRIEFING, args)  # warm the file cache, bytecode and briefing's caches
    bare, app, cold = [], [], []
    for _ in range(ns.runs):  # interleaved, so a busy moment costs both sides alike
        bare.append(run(BARE, []))
        app.append(run(BRIEFING, args))
        with tempfile.TemporaryDirectory() as empty:  # first start: no pack or break cache
            cold.append(run(BRIEFING, args, cache=empty))
    result = {"bare_median_s": statistics.median(bare), "briefing_median_s": statistics.median(app),
              "ratio": statistics.median(app) / statistics.median(bare),
              "cold_median_s": statistics.median(cold),
              "cold_ratio": statistics.median(cold) / statistics.median(bare), "runs": ns.runs}
    if ns.json:
        print(json.dumps(result))
    else:
        print(f"bare Tree+Markdown+Footer: {result['bare_median_s'] * 1000:.0f} ms (median of "
              f"{ns.runs})")
        print(f"briefing app:              {result['briefing_median_s'] * 1000:.0f} ms")
        print(f"ratio:                     {result['ratio']:.2f}x (target <= 1.2x)")
        print(f"first start (empty cache): {result['cold_median_s'] * 1000:.0f} ms, "
              f"{result['cold_ratio']:.2f}x (pack validated, text broken from scratch)")


if __name__ == "__main__":
    main()
