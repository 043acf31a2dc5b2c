"""Compare embedded engines for the search primitive "the first K fields, in rank order, whose
text contains this substring" over the engine's strings ``low``, ``py`` and ``ini`` (issue 13).

``own``: GramIndex blocks + str.find. ``fts5-full``/``fts5-none``: SQLite FTS5 trigram,
contentless, rowid = field number; full: the needle as a phrase; none (no phrase queries): an
AND of its trigrams, checked against the text. 1-2 char needles: fields are indexed with two pad
characters after them, so such a needle prefixes indexed trigrams, ORed by ``or`` (fts5vocab
lists them); ``scan``: instr() over a text table in rowid order; ``hybrid`` (used): scan the
first SCAN_ROWS rows, then or; ``grams``: one term of a second FTS5 index of 1- and 2-grams.
``tantivy``: NgramTokenizer(1, 3) fields (no positions: a term for needles of <= 3 chars, else
an AND of trigrams, checked), ordered by fast field rank. Each in its own process: cold build
(wall, CPU user s), disk size, peak RSS growth building and opening + querying, latency per
needle (all prefixes of the queries in tests/search/eval_set.py as the engine's needles, plus
deliberate 1-2 char ones), agreement with str.find. tantivy is skipped if not importable.
Last stdout line: JSON. ``python3 bench/engine_compare.py [--scale 1000] [--engines ...]``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import importlib.util
import itertools
import json
import operator
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from array import array
from bisect import bisect_right
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import eval_queries, pct, synthetic_pack

from briefing.pack import bundled_pack_dir, load_pack
from briefing.search.fields import HAN_RUN, SEP, TextIndex, concat, records

K = 30  # limit + 10, as the engine asks
REPEAT = 3
NAMES = ("low", "py", "ini")
PAD = "\x01\x01"  # after each field in FTS5: every 1-2 char substring starts some trigram
SCAN_ROWS = 4_000  # hybrid: instr() over the fields ranked first, then FTS5 for the rest
ENGINES = ("own", "fts5-full", "fts5-none", "tantivy")


def status(key: str) -> float:  # VmRSS or VmHWM (peak) of this process, MB
    text = Path("/proc/self/status").read_text(encoding="ascii")
    return int(text.split(key + ":")[1].split()[0]) / 1024


def start() -> tuple[float, float, float]:  # peak RSS reset; (RSS, wall, CPU user) now
    gc.collect()
    with contextlib.suppress(OSError), open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    return status("VmRSS"), time.perf_counter(), os.times().user


def first_k(big: str, starts, needle: str, k: int, ranges=None) -> list[int]:
    """Local numbers of the first ``k`` fields holding ``needle`` (the engine's scan loop)."""
    out: list[int] = []
    for pos, stop in ranges if ranges is not None else [(0, len(big))]:
        while len(out) < k and (p := big.find(needle, pos, stop)) >= 0:
            i = bisect_right(starts, p) - 1
            out.append(i)
            pos = starts[i + 1]
        if len(out) >= k:
            break
    return out


def prepare(scale: int, work: Path) -> dict:
    """Build the strings, the needles and the reference answers into ``work``."""
    from briefing.search.query import Term, normalize, segmentations, split_terms
    from briefing.search.readings import NO_READING, Pinyin
    base = load_pack(bundled_pack_dir())
    pack = synthetic_pack(base, scale)
    t = time.perf_counter()
    text = TextIndex(list(records(pack)))
    text_s, t = time.perf_counter() - t, time.perf_counter()
    fields, engine = text.han_fields(), Pinyin()
    pys, inis = zip(*(engine.field(text.low_of(f)) for f in fields), strict=True)
    pinyin_s = time.perf_counter() - t
    strings = {"low": (text.low, text.starts), "py": concat(pys), "ini": concat(inis)}
    for name, (big, _) in strings.items():
        (work / f"{name}.txt").write_text(big, encoding="utf-8", errors="surrogatepass")
    syllables = frozenset(" ".join(pys).split()) - {NO_READING}
    prefixes = frozenset(s[:k] for s in syllables for k in range(1, len(s) + 1))
    needles: dict[tuple[str, str], str] = {}
    for q in eval_queries():
        for word in (w for n in range(len(q)) for w in split_terms(normalize(q[: n + 1]))):
            term = Term(word)
            needles.setdefault(("low", term.text), "key")
            if term.latin and 2 <= len(p := term.pinyin) <= 40:
                needles.setdefault(("ini", p), "key")
                for seg in segmentations(p, syllables, prefixes):
                    needles.setdefault(("py", " " + " ".join(seg)), "key")
    low = text.low  # (rare: a pair the base pack lacks; absent: a pair of rare characters)
    base_pairs = {m[i: i + 2] for m in HAN_RUN.findall(TextIndex(list(records(base))).low)
                  for i in range(len(m) - 1)}
    rare = next((x for f in range(len(text) - 1, 0, -max(1, len(text) // 3000))
                 for r in HAN_RUN.findall(text.low_of(f)) for x in (
                     r[i: i + 2] for i in range(len(r) - 1)) if x not in base_pairs
                 and low.count(x) <= 3), "研究")
    absent = next(a + b for a in "鬲鑫鼐彘" for b in "夔饕犇龘" if a + b not in low)
    needles |= {("low", "研"): "1 zh common", ("low", "研发"): "2 zh common",
                ("low", rare): "2 zh rare", ("low", "獨角"): "2 zh absent",
                ("low", absent): "2 zh random absent", ("low", "y"): "1 ascii",
                ("low", "ys"): "2 ascii", ("low", "q"): "1 ascii q", ("ini", "ys"): "2 initials",
                ("low", "zx"): "2 ascii rare", ("py", " yan"): "pinyin"}
    rows = [[name, needle, label, found if name == "low" else [fields[i] for i in found]]
            for (name, needle), label in needles.items()
            for found in [first_k(*strings[name], needle, K)]]
    meta = {"scale": scale, "fields": len(text), "han_fields": fields,
            "chars": {n: len(b) for n, (b, _) in strings.items()}, "needles": rows,
            "text_index_s": round(text_s, 2), "pinyin_s": round(pinyin_s, 2)}
    (work / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return {k: v for k, v in meta.items() if k not in ("han_fields", "needles")} | {
        "needles": len(rows), "prepare_peak_rss_mb": round(status("VmHWM"))}


class Strings:
    """The three strings in an engine's process, their field starts, global field numbers."""

    def __init__(self, work: Path, meta: dict) -> None:
        self.big = {n: (work / f"{n}.txt").read_text(encoding="utf-8", errors="surrogatepass")
                    for n in NAMES}
        self.starts = {n: array("L", [0, *(m.end() for m in re.finditer(SEP, b))])
                       for n, b in self.big.items()}
        self.han = array("L", meta["han_fields"])
        self.local = {f: i for i, f in enumerate(self.han)}
        self.rejected = 0  # candidates an engine returned that do not hold the needle

    def fields(self, name: str):  # (global field number, text) in rank order
        big, starts = self.big[name], self.starts[name]
        for i in range(len(starts) - 1):
            yield (i if name == "low" else self.han[i]), big[starts[i]: starts[i + 1] - 1]

    def has(self, name: str, f: int, needle: str) -> bool:
        i, s = f if name == "low" else self.local[f], self.starts[name]
        ok = self.big[name].find(needle, s[i], s[i + 1] - 1) >= 0
        self.rejected += not ok
        return ok


def build_own(S: Strings, work: Path):
    from briefing.search.bulk import build_grams
    from briefing.search.grams import _grams
    data = {n: build_grams(S.big[n], S.starts[n]) for n in NAMES}
    path = work / "own-grams.json.z"
    path.write_bytes(zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 1))

    def open_():
        data = json.loads(zlib.decompress(path.read_bytes()))
        grams = {n: _grams(S.big[n], S.starts[n], data[n]) for n in NAMES}
        def query(name: str, needle: str) -> list[int]:
            g = grams[name]
            got = first_k(S.big[name], S.starts[name], needle, K, g and g.candidates(needle))
            return got if name == "low" else [S.han[i] for i in got]
        return query, {}
    return open_, path, {}


@functools.cache
def gram_token(gram: str) -> str:
    """A 1- or 2-gram as one unicode61 token: ``g`` and its code points in hex."""
    return "g" + "x".join(f"{ord(ch):x}" for ch in gram)


def trigrams(needle: str) -> list[str]:
    return list(dict.fromkeys(needle[i: i + 3] for i in range(len(needle) - 2)))[:16]


def build_fts5(S: Strings, work: Path, detail: str):
    def phrase(s: str) -> str:
        return '"' + s.replace('"', '""') + '"'
    path, tpath, gpath = (work / f"{x}-{detail}.db" for x in ("fts5", "text", "grams"))
    with contextlib.closing(sqlite3.connect(path)) as con:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF")
        for n in NAMES:
            con.execute(f"CREATE VIRTUAL TABLE {n} USING fts5(x, tokenize='trigram', "
                        f"content='', detail={detail})")
            con.executemany(f"INSERT INTO {n}(rowid, x) VALUES (?, ?)",
                            ((f, s + PAD) for f, s in S.fields(n)))
            con.executescript(f"INSERT INTO {n}({n}) VALUES ('optimize'); CREATE VIRTUAL "
                              f"TABLE v_{n} USING fts5vocab({n}, 'row')")
    extra = {}  # the text table scans read and the 1-/2-gram index: timed and sized apart
    for key, file in (("text_table", tpath), ("grams", gpath)):
        t, c = time.perf_counter(), os.times().user
        with contextlib.closing(sqlite3.connect(file)) as con, con:
            for n in NAMES:
                if key == "grams":
                    con.execute(f"CREATE VIRTUAL TABLE g_{n} USING fts5(x, content='', "
                                "detail=none)")
                    con.executemany(f"INSERT INTO g_{n}(rowid, x) VALUES (?, ?)", ((f, " ".join(
                        map(gram_token, {*s, *map(operator.add, s, s[1:])})))
                        for f, s in S.fields(n)))
                    con.execute(f"INSERT INTO g_{n}(g_{n}) VALUES ('optimize')")
                else:
                    con.execute(f"CREATE TABLE tx_{n}(id INTEGER PRIMARY KEY, t TEXT)")
                    con.executemany(f"INSERT INTO tx_{n} VALUES (?, ?)", S.fields(n))
        extra |= {f"{key}_s": round(time.perf_counter() - t, 2), f"{key}_mb": round(
            file.stat().st_size / 2**20, 1), f"{key}_cpu": round(os.times().user - c, 2)}

    def open_():
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        con.executescript(f"ATTACH '{tpath}' AS tx; ATTACH '{gpath}' AS g")
        def long(name: str, needle: str) -> list[int]:
            q = phrase(needle) if detail == "full" else " AND ".join(map(phrase, trigrams(needle)))
            rows = con.execute(f"SELECT rowid FROM {name} WHERE {name} MATCH ? ORDER BY rowid",
                               (q,))  # lazily: stops reading once K are checked
            return list(itertools.islice((f for (f,) in rows if S.has(name, f, needle)), K))
        def scan(name: str, needle: str, below: int = 2**62) -> list[int]:
            return [f for (f,) in con.execute(f"SELECT id FROM tx_{name} WHERE id < ? AND "
                                              "instr(t, ?) > 0 ORDER BY id LIMIT ?",
                                              (below, needle, K))]
        def ored(name: str, needle: str, first: int = 0, k: int = K) -> list[int]:
            terms = con.execute(f"SELECT term FROM v_{name} WHERE term >= ? AND term < ?",
                                (needle, needle + "\U0010ffff")).fetchall()
            q = " OR ".join(phrase(term) for (term,) in terms)
            return [f for (f,) in con.execute(f"SELECT rowid FROM {name} WHERE {name} MATCH ? "
                                              "AND rowid >= ? ORDER BY rowid LIMIT ?",
                                              (q, first, k))] if terms else []
        def hybrid(name: str, needle: str) -> list[int]:
            got = scan(name, needle, SCAN_ROWS)
            return got if len(got) >= K else got + ored(name, needle, SCAN_ROWS, K - len(got))
        def grams(name: str, needle: str) -> list[int]:
            return [f for (f,) in con.execute(f"SELECT rowid FROM g_{name} WHERE g_{name} MATCH "
                                              "? ORDER BY rowid LIMIT ?",
                                              (phrase(gram_token(needle)), K))]
        def make(short):
            return lambda name, needle: (long if len(needle) >= 3 else short)(name, needle)
        return make(hybrid), {"or": make(ored), "scan": make(scan), "grams": make(grams)}
    return open_, path, extra


def build_tantivy(S: Strings, work: Path):
    import tantivy
    # one index: a document per field, its number in the fast field "rank"
    path = Path(tempfile.mkdtemp(prefix="tantivy-", dir=work))
    analyzer = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(1, 3, False)).build()
    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field("rank", fast=True)
    for n in NAMES:
        sb.add_text_field(n, tokenizer_name="ng", index_option="basic")
    schema = sb.build()
    index = tantivy.Index(schema, path=str(path))
    index.register_tokenizer("ng", analyzer)
    writer = index.writer(heap_size=128_000_000, num_threads=2)
    pinyin = {f: (p, i) for (f, p), (_, i) in zip(S.fields("py"), S.fields("ini"), strict=True)}
    for f, s in S.fields("low"):
        doc = tantivy.Document()
        doc.add_unsigned("rank", f)
        doc.add_text("low", s)
        for name, value in zip(("py", "ini"), pinyin.pop(f, ()), strict=False):
            doc.add_text(name, value)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()

    def open_():
        searcher = tantivy.Index.open(str(path)).searcher()  # (term queries: no analyzer)
        def query(name: str, needle: str) -> list[int]:
            term = tantivy.Query.term_query
            q = term(schema, name, needle) if len(needle) <= 3 else tantivy.Query.boolean_query(
                [(tantivy.Occur.Must, term(schema, name, g)) for g in trigrams(needle)])
            return list(itertools.islice((f for f in pages(q) if len(needle) <= 3 or S.has(
                name, f, needle)), K))
        def pages(q):  # in rank order: K, then 2K, 4K... more while checks reject them
            offset, page = 0, K
            while True:
                hits = searcher.search(q, limit=page, count=False, order_by_field="rank",
                                       order=tantivy.Order.Asc, offset=offset).hits
                yield from (f for f, _ in hits)
                if len(hits) < page:
                    return
                offset, page = offset + page, page * 2
        return query, {"_info": {"segments": searcher.num_segments}}
    return open_, path, {}


def run_engine(engine: str, work: Path) -> dict:
    def timed(fn, name: str, needle: str) -> tuple[float, list[int]]:
        runs, got = [], []
        for _ in range(REPEAT):
            t = time.perf_counter()
            got = fn(name, needle)
            runs.append((time.perf_counter() - t) * 1000)
        return statistics.median(runs), got
    if engine == "tantivy" and importlib.util.find_spec("tantivy") is None:  # (optional)
        return {"skipped": "skipped: tantivy is not importable (pip install tantivy)"}
    S = Strings(work, meta := json.loads((work / "meta.json").read_text(encoding="utf-8")))
    base, t, c = start()
    build = {"own": build_own, "tantivy": build_tantivy}.get(engine)
    open_, path, extra = build(S, work) if build else build_fts5(S, work, engine[5:])
    wall = time.perf_counter() - t - sum(v for k, v in extra.items() if k.endswith("_s"))
    cpu_s = os.times().user - c - sum(extra.pop(k) for k in list(extra) if k.endswith("_cpu"))
    build_peak, (base, t, _) = status("VmHWM") - base, start()  # (peak reset, for queries)
    query, others = open_()
    open_s, info = time.perf_counter() - t, others.pop("_info", {})
    _ = [query(name, needle) for name, needle, *_ in meta["needles"][:30]]  # warm-up
    times: dict[str, list[float]] = {"all": [], "short": [], "long": [], **{k: [] for k in others}}
    mismatches, special, false_pos = [], {}, 0.0
    for name, needle, label, ref in meta["needles"]:
        before = S.rejected
        ms, got = timed(query, name, needle)
        false_pos += (S.rejected - before) / REPEAT
        times["all"].append(ms)
        times["short" if (short := len(needle) <= 2) else "long"].append(ms)
        row = {"string": name, "needle": needle, "found": len(ref), "ms": round(ms, 3)}
        for key, fn in [("", query)] + (list(others.items()) if short else []):
            if key:
                ms, got = timed(fn, name, needle)
                times[key].append(ms)
                row[key + "_ms"] = round(ms, 3)
            if got != ref:
                mismatches.append([name, needle, len(got), len(ref), key])
        if label != "key":
            special[label] = row
    return {"build_s": round(wall, 2), "build_cpu_s": round(cpu_s, 2),
            "build_peak_mb": round(build_peak), "open_s": round(open_s, 3),
            "disk_mb": round(sum(p.stat().st_size for p in [path, *path.rglob("*")]
                                 if p.is_file()) / 2**20, 1),
            "query_peak_mb": round(status("VmHWM") - base), "text_rss_mb": round(base),
            "latency": {k: {"n": len(v), "p50": round(statistics.median(v), 3), "p95": round(
                pct(v, 95), 3), "max": round(max(v), 3)} if v else {} for k, v in times.items()},
            "mismatches": len(mismatches), "mismatch_examples": mismatches[:5], "special": special,
            "slowest": sorted(((round(ms, 2), n, x) for ms, (n, x, *_) in zip(
                times["all"], meta["needles"], strict=True)), reverse=True)[:4],
            "false_positives": round(false_pos), **info, **extra}


def child(args: list[str]) -> dict:
    print("running", *args[:2], "...", file=sys.stderr, flush=True)
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 else {
        "error": " ".join(proc.stderr.strip().splitlines()[-1:])}


def table(scale: int, prep: dict, results: list[dict], others=("or", "scan", "grams")) -> str:
    cols = {"build s": "build_s", "cpu s": "build_cpu_s", "disk MB": "disk_mb", "bld+MB":
            "build_peak_mb", "open s": "open_s", "qry+MB": "query_peak_mb", "p50 ms": "all p50",
            "p95 ms": "all p95", "max ms": "all max", "short p95": "short p95", "short max":
            "short max", "long p95": "long p95", "mism": "mismatches"}
    out = [f"{scale}x: {prep.get('fields')} fields, chars {prep.get('chars')}, "
           f"{prep.get('needles')} needles, K={K}; shared by all: TextIndex "
           f"{prep.get('text_index_s')} s, pinyin {prep.get('pinyin_s')} s",
           f"{'engine':<10}" + "".join(f"{c:>10}" for c in cols)]
    for r in results:
        if "build_s" not in r:
            out.append(f"{r['engine']:<10} {r.get('skipped') or r.get('error')}")
            continue
        cells = [r[k] if " " not in k else r["latency"][k.split()[0]].get(k.split()[1], "-")
                 for k in cols.values()]
        out.append(f"{r['engine']:<10}" + "".join(f"{v:>10}" for v in cells))
        notes = {k: r[k] for k in ("false_positives", "segments", "text_table_mb", "text_table_s",
                                   "grams_mb", "grams_s", "text_rss_mb") if k in r}
        out += [f"  1-2 char needles by {key} alone: p50/p95/max {v['p50']}/{v['p95']}/"
                f"{v['max']} ms" for key, v in r["latency"].items() if key in others] + [
            f"  {notes} slowest {r['slowest']} {r['mismatch_examples'] or ''}"]
    out.append("deliberate needles: ms per engine (fields found, of K)")
    done = [r for r in results if "special" in r]
    for label, first in (done[0]["special"].items() if done else ()):
        out.append(f"  {label:<18} {first['string']}:{first['needle']!r} ({first['found']}) "
                   + "  ".join(f"{r['engine']}={r['special'][label]['ms']}" + "".join(
                       f" {k[:-3]}={v}" for k, v in r["special"][label].items()
                       if k.endswith("_ms") and k != "ms") for r in done))
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, default=1000)
    ap.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    ap.add_argument("--workdir", type=Path, help="an existing directory to keep the files in")
    ap.add_argument("--step", help=argparse.SUPPRESS)  # prepare or an engine, in a child
    args = ap.parse_args()
    if args.step:
        return print(json.dumps(prepare(args.scale, args.workdir) if args.step == "prepare" else
                                run_engine(args.step, args.workdir), ensure_ascii=False))
    with tempfile.TemporaryDirectory(prefix="engine-compare-") as tmp:
        work = args.workdir or Path(tmp)
        prep = child(["--step", "prepare", "--scale", str(args.scale), "--workdir", str(work)])
        results = [{"engine": e} | child(["--step", e, "--workdir", str(work)])
                   for e in args.engines]
    print(table(args.scale, prep, results))
    print(json.dumps({"scale": args.scale, "prepare": prep, "results": results},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
