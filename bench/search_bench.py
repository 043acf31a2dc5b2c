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
``limit=20``. The set is typed REPEAT times, keystroke after keystroke as a reader types (what
earlier keystrokes' scans left is used, as it would be), each pass starting with nothing kept
from the previous one; a keystroke's median over the passes counts. Blocks are decompressed in
a warm-up pass first ("warm": as after a reader's first searches). Engine memory is what
tracemalloc sees allocated while a fresh engine builds its text index and loads the stored
pinyin/n-gram index (the pack itself, and pypinyin, are not counted).
"""

from __future__ import annotations

import argparse
import gc
import json
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
SEED = 4
HAN = re.compile(r"[\u4e00-\u9fff]")
WORD = re.compile(r"[A-Za-z]{3,}")


def rss_mb(field: str = "VmRSS") -> float:
    """This process's resident memory now (or, with "VmHWM", its peak), in MB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


#: Polls the children of its parent (but itself) for their peak memory until its stdin closes.
_PEAK_MONITOR = """
import os, select, sys
parent, me, peak = os.getppid(), os.getpid(), 0
while not select.select([sys.stdin], [], [], 0.02)[0]:
    try:
        for task in os.listdir(f"/proc/{parent}/task"):
            with open(f"/proc/{parent}/task/{task}/children") as fh:
                kids = [k for k in fh.read().split() if int(k) != me]
            for kid in kids:
                with open(f"/proc/{kid}/status") as fh:
                    peak = max(peak, int(fh.read().split("VmHWM:")[1].split()[0]))
    except (OSError, IndexError, ValueError):
        pass
print(peak / 1024)
"""


class ChildPeak:
    """The peak resident memory of this process's children while the ``with`` block runs,
    read from their /proc status every 20 ms by a monitoring process (``ru_maxrss`` of a child
    counts its parent's memory at the time it was started; a monitoring thread would take the
    interpreter lock from the build it measures)."""

    def __enter__(self) -> ChildPeak:
        self.peak_mb = 0.0
        self._proc = subprocess.Popen([sys.executable, "-c", _PEAK_MONITOR],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        return self

    def __exit__(self, *exc) -> None:
        out, _ = self._proc.communicate("")
        self.peak_mb = float(out or 0)


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



def pack_folder(folder: Path, cache: Path, pack: Pack) -> Pack:
    """A pack folder at ``folder`` (the bundled pack's files and seeds, copied) whose
    validated form in the pack cache at ``cache`` is ``pack``: the CLI and the app find it by
    the files' digest exactly as they find a real pack's. Returns ``pack`` as they load it."""
    import pickle

    from briefing.pack.cache import pack_digest
    from briefing.paths.seal import SealedWriter, cache_key

    root = folder / "content"
    shutil.copytree(bundled_pack_dir(), root)
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    documents = tuple(replace(d, path=folder / "seeds" / d.path.name) for d in pack.documents)
    digest = pack_digest(root)
    pack = replace(pack, root=root, digest=digest, documents=documents)
    cache.mkdir(parents=True, exist_ok=True)
    key = cache_key(cache)
    assert key is not None, f"cannot seal in {cache}"
    with (cache / f"pack-{digest}.pickle").open("wb") as fh:  # sealed, as the loader writes
        sealed = SealedWriter(fh, key)
        pickle.dump(pack, sealed, protocol=pickle.HIGHEST_PROTOCOL)
        sealed.close_seal()
    return pack


# -- one scale -----------------------------------------------------------------------------------
def keystrokes(queries: list[str]) -> list[str]:
    out = []
    for q in queries:
        out.extend(q[: i + 1] for i in range(len(q)))
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values)) - 1))]


def bench_pack(scale: int) -> Pack:
    """The synthetic pack at ``scale``, with a content digest as a loaded pack has one (so a
    large one's store is found by it, as the app and the CLI find theirs)."""
    base = load_pack(bundled_pack_dir())
    pack = synthetic_pack(base, scale)
    return replace(pack, digest=f"bench-synthetic-{scale}-{SEED}") if scale > 1 else pack


def run_one(scale: int) -> dict:
    """Cold build in this process; searching in a fresh one that only opens what was built."""
    from briefing.paths.seal import cache_key
    from briefing.search import SearchEngine
    from briefing.search.grams import GRAM_MIN_CHARS
    from briefing.search.index import build_data, cache_path, write_json
    from briefing.search.store import store_key, store_path
    from briefing.search.store.build import write_store

    gc.collect()
    rss0 = rss_mb()
    t = time.perf_counter()
    pack = bench_pack(scale)
    gen_s = time.perf_counter() - t
    gc.collect()
    rss_pack = rss_mb()
    cache = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        engine = SearchEngine(pack, cache_dir=cache)
        t, cpu = time.perf_counter(), user_s()
        text = engine.text_index
        text_s, text_cpu = time.perf_counter() - t, user_s() - cpu
        large = text.chars >= GRAM_MIN_CHARS
        t, cpu = time.perf_counter(), user_s()
        if large:  # what the engine does for a large pack: build and write the store at once
            path = store_path(store_key(pack.digest), cache)
            with ChildPeak() as child:
                assert write_store(path, text, key=store_key(pack.digest),
                                   glossary=pack.glossary)
            build_s, build_cpu = time.perf_counter() - t, user_s() - cpu
            save_s = 0.0  # included in build_s
        else:  # cold: pypinyin + n-gram blocks, as a first run on a new pack, then the JSON
            data = build_data(text)
            build_s, build_cpu = time.perf_counter() - t, user_s() - cpu
            t = time.perf_counter()
            path = cache_path(text.key, cache)
            write_json(path, data, key=cache_key(cache))  # sealed, as the engine writes it
            save_s = time.perf_counter() - t
            del data
        size_mb = path.stat().st_size / 2**20
        build_peak = rss_mb("VmHWM")
        counts = {"records": getattr(text, "record_count", None) or len(text.records),
                  "fields": len(text), "chars": text.chars}
        del engine, text
        gc.collect()
        proc = subprocess.run([sys.executable, __file__, "--search", str(scale), str(cache)],
                              capture_output=True, text=True, check=False)
        if proc.returncode:
            raise SystemExit(proc.stderr)
        searched = json.loads(proc.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return {
        "scale": scale, **counts,
        "generate_s": round(gen_s, 2),
        "text_index_s": round(text_s, 3),
        "index_build_s": round(build_s, 3),  # a large pack: the store, written too
        # user CPU seconds, this process and its children (the build may use one)
        "text_index_user_s": round(text_cpu, 3),
        "index_build_user_s": round(build_cpu, 3),
        "index_save_s": round(save_s, 3),
        # the first search of a new pack pays all three
        "cold_build_s": round(text_s + build_s + save_s, 2),
        "index_file_mb": round(size_mb, 2),
        "pack_rss_mb": round(rss_pack - rss0, 1),
        # the building process: the pack, its text index, pinyin and n-grams, the store
        "build_peak_rss_mb": round(build_peak, 1),
        # a large pack's store is built in two halves, the second by a child process
        "build_child_peak_rss_mb": round(child.peak_mb, 1) if large else None,
        **searched,
    }


def search_one(scale: int, cache: Path) -> dict:
    """Keystrokes against what ``run_one`` built: a large pack's store is opened without the
    pack (as ``briefing search`` does); a small pack is loaded and its cached index read."""
    from briefing.search import SearchEngine
    from briefing.search.store import open_store, store_key, store_path

    rss0 = rss_mb()
    tracemalloc.start()
    t = time.perf_counter()
    if scale > 1:
        key = store_key(f"bench-synthetic-{scale}-{SEED}")
        store = open_store(store_path(key, cache), key)
        assert store is not None, "no store"
        engine = SearchEngine(None, store=store)
    else:
        engine = SearchEngine(load_pack(bundled_pack_dir()), cache_dir=cache)
    source = engine.prepare()
    load_s = time.perf_counter() - t
    engine_mb = tracemalloc.get_traced_memory()[0] / 2**20
    tracemalloc.stop()
    assert source in ("cache", "bundled", "store"), source
    strokes = keystrokes(eval_queries())
    for q in strokes:  # warm-up: the blocks these keystrokes read are decompressed
        engine.search(q, limit=20)
    runs: list[list[float]] = [[] for _ in strokes]
    for _ in range(REPEAT):
        engine.forget_scans()  # typed afresh: a repeat must not find its own earlier scans
        for q, timed in zip(strokes, runs, strict=True):
            t = time.perf_counter()
            engine.search(q, limit=20)
            timed.append((time.perf_counter() - t) * 1000)
    times = [statistics.median(timed) for timed in runs]
    worst = sorted(zip(times, strokes, strict=True), reverse=True)[:5]
    return {
        "index_source": source,
        "cached_index_load_s": round(load_s, 3),
        "engine_mb": round(engine_mb, 1),
        "keystrokes": len(times),
        "p50_ms": round(statistics.median(times), 3),
        "p95_ms": round(pct(times, 95), 3),
        "p99_ms": round(pct(times, 99), 3),
        "max_ms": round(max(times), 3),
        "slowest": [(round(ms, 1), q) for ms, q in worst],
        "search_rss_mb": round(rss_mb() - rss0, 1),
        # the whole searching process (Python, the engine, its caches), as a reader's would be
        # (VmHWM: ru_maxrss of a child started by fork and exec reports its parent's peak)
        "search_peak_rss_mb": round(rss_mb("VmHWM"), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 100, 1000])
    parser.add_argument("--one", type=int, help="run one scale in this process, print JSON")
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--cli-scale", type=int, metavar="N",
                        help="only time `briefing search` at N times the bundled pack")
    parser.add_argument("--search", nargs=2, metavar=("SCALE", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.search:
        print(json.dumps(search_one(int(args.search[0]), Path(args.search[1]))))
        return
    from search_cli_bench import cli_at_scale, cli_timings

    if args.cli_scale:
        print(json.dumps(cli_at_scale(args.cli_scale)))
        return
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
              f"{r['cold_build_s']:>8.2f} "
              f"{r['cached_index_load_s']:>7}")
    if not args.no_cli:
        print()
        for name, value in cli_timings().items():
            print(f"{name}: {value}")


if __name__ == "__main__":
    main()
