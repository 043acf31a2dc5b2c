"""Benchmark the search engine: per-keystroke latency, memory and index build time by scale.

    python3 bench/search_bench.py                 # 1x 10x 100x 1000x, plus the CLI timings
    python3 bench/search_bench.py --scales 1 10   # a subset
    python3 bench/search_bench.py --one 100       # one scale in this process (JSON out)

Each scale runs in its own process (so memory figures do not mix). The synthetic pack at Nx is
the bundled pack cloned N times with fresh ids; every copy after the first has ~4% of its
Chinese characters and ~6% of its English words replaced at random (from the pack's own
characters and words, plus invented words), so copies are not byte-identical and the
vocabulary grows with N. A "keystroke" is one prefix of a query from the evaluation set
(tests/search/eval_set.py) typed one character at a time; each is a full ``search`` call with
``limit=20``, timed REPEAT times (median kept). Engine memory is what tracemalloc sees allocated
while a fresh engine builds its text index and loads the stored pinyin/n-gram index (the pack
itself, and pypinyin, are not counted).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.model import Comparison, ComparisonEntry, Node, Pack, Text  # noqa: E402
from briefing.pack import bundled_pack_dir, load_pack  # noqa: E402

#: Each keystroke is timed this many times; its median counts (the machine is shared).
REPEAT = 3
HAN = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{3,}")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def user_s() -> float:
    """User CPU seconds of this process and its reaped children (a shared machine's wall
    times say little on their own)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + children.ru_utime


def eval_queries() -> list[str]:
    sys.path.insert(0, str(ROOT / "tests" / "search"))
    from eval_set import EVAL  # type: ignore[import-not-found]

    return [q for q, *_ in EVAL]


# -- synthetic pack ------------------------------------------------------------------------------
class Mutator:
    def __init__(self, pack: Pack) -> None:
        chars: set[str] = set()
        words: set[str] = set()
        for node in pack.nodes():
            for s in (node.title.zh, node.text.zh):
                chars.update(HAN.findall(s))
            for s in (node.title.en, node.text.en):
                words.update(WORD.findall(s))
        self.chars = sorted(chars)
        self.words = sorted(words)

    def zh(self, s: str, rng: random.Random) -> str:
        out = list(s)
        for i in rng.sample(range(len(out)), k=len(out) // 25) if len(out) >= 25 else ():
            if HAN.match(out[i]):
                out[i] = rng.choice(self.chars)
        return "".join(out)

    def en(self, s: str, rng: random.Random) -> str:
        parts = s.split(" ")
        for i in rng.sample(range(len(parts)), k=len(parts) // 16) if len(parts) >= 16 else ():
            if rng.random() < 0.3:
                parts[i] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz")
                                   for _ in range(rng.randint(4, 9)))
            else:
                parts[i] = rng.choice(self.words)
        return " ".join(parts)

    def text(self, t: Text, rng: random.Random | None) -> Text:
        return t if rng is None else Text(self.zh(t.zh, rng), self.en(t.en, rng))


def synthetic_pack(base: Pack, scale: int, seed: int = 4) -> Pack:
    """``base`` cloned ``scale`` times (copy 0 is ``base`` itself), perturbed as described."""
    if scale == 1:
        return base
    mut = Mutator(base)
    sections: list[Node] = []
    comparisons: list[Comparison] = list(base.comparisons)
    for k in range(scale):
        rng = None if k == 0 else random.Random(seed * 1_000_003 + k)
        suffix = "" if k == 0 else f"-x{k}"

        def clone(node: Node, section_id: str, parent: str | None, rng=rng,
                  suffix=suffix) -> Node:
            nid = node.id + suffix
            figures = tuple(
                replace(f, id=f.id + suffix, label=mut.text(f.label, rng), node_id=nid,
                        section_id=section_id)
                for f in node.figures)
            kids = tuple(clone(c, section_id, nid) for c in node.children)
            return replace(node, id=nid, title=mut.text(node.title, rng),
                           text=mut.text(node.text, rng), section_id=section_id,
                           parent_id=parent, children=kids, figures=figures)

        for section in base.sections:
            sections.append(clone(section, section.id + suffix, None))
        if k:
            for c in base.comparisons:
                entries = tuple(ComparisonEntry(e.figure + suffix, e.label,
                                                e.target + suffix if e.target else None)
                                for e in c.entries)
                comparisons.append(replace(c, id=c.id + suffix, title=mut.text(c.title, rng),
                                           entries=entries,
                                           section_id=(c.section_id + suffix
                                                       if c.section_id else None)))
    return Pack(id=f"{base.id}-x{scale}", title=base.title, root=base.root,
                documents=base.documents, units=base.units, sections=tuple(sections),
                comparisons=tuple(comparisons), glossary=base.glossary)



# -- one scale -----------------------------------------------------------------------------------
def keystrokes(queries: list[str]) -> list[str]:
    out = []
    for q in queries:
        out.extend(q[: i + 1] for i in range(len(q)))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


def run_one(scale: int) -> dict:
    from briefing.search import SearchEngine
    from briefing.search.index import FORMAT, build_data, cache_path, write_json

    base = load_pack(bundled_pack_dir())
    gc.collect()
    rss0 = rss_mb()
    t = time.perf_counter()
    pack = synthetic_pack(base, scale)
    gen_s = time.perf_counter() - t
    gc.collect()
    rss_pack = rss_mb()
    cache = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        engine = SearchEngine(pack, cache_dir=cache)
        t, cpu = time.perf_counter(), user_s()
        text = engine.text_index
        text_s, text_cpu = time.perf_counter() - t, user_s() - cpu
        t, cpu = time.perf_counter(), user_s()
        data = build_data(text)  # cold: pypinyin + n-gram blocks, as a first run on a new pack
        build_s, build_cpu = time.perf_counter() - t, user_s() - cpu
        t = time.perf_counter()
        write_json(cache_path(text.key, cache), data)
        save_s = time.perf_counter() - t
        size_mb = cache_path(text.key, cache).stat().st_size / 2**20
        del data
        # A fresh engine loading the stored index: what the CLI or the app pays.
        del engine, text
        gc.collect()
        engine = SearchEngine(pack, cache_dir=cache)
        tracemalloc.start()
        _ = engine.text_index
        engine.prepare()
        engine_mb = tracemalloc.get_traced_memory()[0] / 2**20
        tracemalloc.stop()
        del engine
        gc.collect()
        engine = SearchEngine(pack, cache_dir=cache)
        t = time.perf_counter()
        text = engine.text_index
        source = engine.prepare()
        load_s = time.perf_counter() - t
        assert FORMAT and (source in ("cache", "bundled")), source
        strokes = keystrokes(eval_queries())
        for q in strokes[:50]:  # warm-up
            engine.search(q)
        times = []
        for q in strokes:
            runs = []
            for _ in range(REPEAT):
                t = time.perf_counter()
                engine.search(q, limit=20)
                runs.append((time.perf_counter() - t) * 1000)
            times.append(statistics.median(runs))
        worst = sorted(zip(times, strokes, strict=True), reverse=True)[:5]
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    records = len(text.records)
    return {
        "scale": scale,
        "records": records,
        "fields": len(text),
        "chars": len(text.low),
        "generate_s": round(gen_s, 2),
        "text_index_s": round(text_s, 3),
        "pinyin_index_build_s": round(build_s, 3),
        # user CPU seconds, this process and its children (the build may use one)
        "text_index_user_s": round(text_cpu, 3),
        "pinyin_index_build_user_s": round(build_cpu, 3),
        "index_save_s": round(save_s, 3),
        "index_file_mb": round(size_mb, 2),
        "cached_index_load_s": round(load_s, 3),
        "pack_rss_mb": round(rss_pack - rss0, 1),
        "engine_mb": round(engine_mb, 1),
        "keystrokes": len(times),
        "p50_ms": round(statistics.median(times), 3),
        "p95_ms": round(pct(times, 95), 3),
        "p99_ms": round(pct(times, 99), 3),
        "max_ms": round(max(times), 3),
        "slowest": [(round(ms, 1), q) for ms, q in worst],
        # the whole process: synthetic pack, cold build, a fresh engine loading the index
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


# -- CLI -----------------------------------------------------------------------------------------
def time_cli(args: list[str], env: dict, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "briefing", *args], env=env, check=True,
                       capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
    return best


def cli_timings() -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(Path(tmp) / "cache"),
               "PYTHONPATH": str(ROOT)}
        out["cli_version_floor_s"] = round(time_cli(["sections", "--json"], env), 3)
        for query in ("yanfa", "研发"):
            shutil.rmtree(Path(tmp) / "cache", ignore_errors=True)
            cold = time_cli(["search", query, "--json"], env, runs=1)
            warm = time_cli(["search", query, "--json"], env)
            out[f"cli_search_{query}_cold_s"] = round(cold, 3)
            out[f"cli_search_{query}_warm_s"] = round(warm, 3)
        # A pack the shipped index does not cover (one title changed): the first run builds.
        pack_dir = Path(tmp) / "pack"
        shutil.copytree(bundled_pack_dir(), pack_dir / "content")
        shutil.copytree(ROOT / "seeds", pack_dir / "seeds")
        path = pack_dir / "content" / "sections" / "weaknesses.yaml"
        body = path.read_text(encoding="utf-8")
        path.write_text(body.replace("en: Weaknesses", "en: Weaknesses and gaps", 1),
                        encoding="utf-8")
        shutil.rmtree(Path(tmp) / "cache", ignore_errors=True)
        args = ["--content", str(pack_dir / "content"), "search", "yanfa", "--json"]
        out["cli_search_new_pack_first_run_s"] = round(time_cli(args, env, runs=1), 3)
        out["cli_search_new_pack_cached_s"] = round(time_cli(args, env), 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 100, 1000])
    parser.add_argument("--one", type=int, help="run one scale in this process, print JSON")
    parser.add_argument("--no-cli", action="store_true")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one), ensure_ascii=False))
        return
    results = []
    for scale in args.scales:
        proc = subprocess.run([sys.executable, __file__, "--one", str(scale)],
                              capture_output=True, text=True, check=False)
        if proc.returncode:
            print(proc.stderr, file=sys.stderr)
            raise SystemExit(proc.returncode)
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    print()
    print(f"{'scale':>6} {'records':>8} {'chars':>11} {'p50 ms':>8} {'p95 ms':>8} "
          f"{'max ms':>8} {'engine MB':>10} {'build s':>8} {'load s':>7}")
    for r in results:
        print(f"{r['scale']:>5}x {r['records']:>8} {r['chars']:>11} {r['p50_ms']:>8} "
              f"{r['p95_ms']:>8} {r['max_ms']:>8} {r['engine_mb']:>10} "
              f"{r['pinyin_index_build_s'] + r['text_index_s']:>8.2f} "
              f"{r['cached_index_load_s']:>7}")
    if not args.no_cli:
        print()
        for name, value in cli_timings().items():
            print(f"{name}: {value}")


if __name__ == "__main__":
    main()
