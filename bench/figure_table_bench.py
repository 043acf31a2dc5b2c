"""The app's figure table on an item with many figures (issue 26, item 11: 10,000 figures took
4.6-4.9 s to open): time to open the item (first frame with its table), to move the cursor to
the last row, and to resize, for 1k ... 10k figures.

    python bench/figure_table_bench.py [--sizes 1000,10000] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUOTE = "国家科技型中小企业2.43万家、全国第一"


def many_figures_pack(folder: Path, count: int) -> Path:
    """The bundled pack with one more item in its weaknesses section holding ``count`` figures."""
    shutil.copytree(ROOT / "content", folder / "content")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    path = folder / "content" / "sections" / "weaknesses.yaml"
    section = yaml.safe_load(path.read_text(encoding="utf-8"))
    figures = [{"id": f"many-{n}", "label": {"zh": f"科技型中小企业第{n}项", "en": f"Tech SMEs, "
                                                                               f"entry {n}"},
                "value": 24300, "unit": "enterprises", "display": "2.43万家", "period": "2024",
                "kind": "actual", "source": {"doc": "review-2024", "quote": QUOTE}}
               for n in range(count)]
    section.setdefault("items", []).append({
        "id": "many-figures", "title": {"zh": "大量指标", "en": "Many figures"},
        "text": {"zh": "指标很多。", "en": "Many figures."},
        "source": {"doc": "review-2024", "quote": QUOTE}, "figures": figures})
    path.write_text(yaml.safe_dump(section, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return folder / "content"


async def scenario(pack, item: str) -> dict[str, float]:
    from briefing.tui import BriefingApp
    from briefing.tui.widgets.figure_table import FigureTable

    app = BriefingApp(pack, lang="en", start_id="weaknesses")
    timings: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        app.open_id(item)
        table = None
        while table is None or not table.rows or app.main.pane.node_id != item:
            await pilot.pause()
            table = app.main.pane.query_one(FigureTable)
        await pilot.pause()
        timings["open"] = time.perf_counter() - started
        table.focus()
        started = time.perf_counter()
        await pilot.press("end")
        await pilot.pause()
        timings["end key"] = time.perf_counter() - started
        started = time.perf_counter()
        await pilot.resize_terminal(100, 40)
        await pilot.pause()
        timings["resize"] = time.perf_counter() - started
        await pilot.press("q")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--profile", action="store_true")
    ns = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from briefing.pack import load_pack

    for count in (int(s) for s in ns.sizes.split(",")):
        folder = Path(tempfile.mkdtemp(prefix="figure-table-bench-"))
        try:
            pack = load_pack(many_figures_pack(folder, count))
            if ns.profile:
                import cProfile
                import pstats

                cProfile.runctx("asyncio.run(scenario(pack, 'many-figures'))", globals(),
                                {"pack": pack, "scenario": scenario, "asyncio": asyncio},
                                str(folder / "prof"))
                pstats.Stats(str(folder / "prof")).sort_stats("cumtime").print_stats(25)
                continue
            timings = asyncio.run(scenario(pack, "many-figures"))
            print(f"{count:>6} figures: " + ", ".join(f"{k} {v:.2f} s"
                                                      for k, v in timings.items()), flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
