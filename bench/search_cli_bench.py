"""`briefing search` as a process: against a bare Typer CLI, and at N times the bundled pack.

Used by ``bench/search_bench.py`` (its last section, and ``--cli-scale N``); each time is the
best of several runs with bytecode written and cached, as after ``pip install``.
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from search_bench import ROOT, pack_folder, synthetic_pack

from briefing.pack import bundled_pack_dir, load_pack

#: What the CLI is compared with: a Typer command that imports what ours cannot do without.
BARE_CLI = ("import typer, yaml, rapidfuzz\n"
            "app = typer.Typer()\n"
            "@app.command()\n"
            "def search(query: str, json: bool = False):\n"
            "    print(query)\n"
            "app()\n")


def time_cli(args: list[str], env: dict, runs: int = 3, command: list[str] | None = None
             ) -> float:
    """Best wall time of ``runs`` runs (bytecode written and cached, as after an install)."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, *(command or ["-m", "briefing"]), *args], env=env,
                       check=True, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - t)
    return best


def cli_timings() -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(Path(tmp) / "cache"),
               "PYTHONPATH": str(ROOT)}
        out["cli_version_floor_s"] = round(time_cli(["sections", "--json"], env), 3)
        bare = time_cli(["yanfa", "--json"], env, runs=7, command=["-c", BARE_CLI])
        time_cli(["search", "yanfa", "--json"], env, runs=1)  # caches written
        warm = time_cli(["search", "yanfa", "--json"], env, runs=7)
        out["bare_typer_cli_s"] = round(bare, 3)
        out["cli_search_yanfa_vs_bare"] = round(warm / bare, 2)
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


_PEAK = ("import atexit, runpy, sys\n"
         "def peak():\n"
         "    status = open('/proc/self/status').read()\n"
         "    print('VmHWM', status.split('VmHWM:')[1].split()[0], file=sys.stderr)\n"
         "atexit.register(peak)\n"
         "sys.argv = ['briefing', *sys.argv[1:]]\n"
         "runpy.run_module('briefing', run_name='__main__')\n")


def tree_run(module: str, args: list[str], env: dict, name: str) -> dict:
    """Wall time of ``python -m module args``, its own peak resident memory (VmHWM, read at
    its exit) and the highest peak of any process it starts (their VmHWM, read every 10 ms
    until they end)."""
    env = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
    code = _PEAK.replace("'briefing', run_name", f"{module!r}, run_name")
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    children: dict[int, int] = {}
    while proc.poll() is None:
        for kid in _descendants(proc.pid):
            try:
                with open(f"/proc/{kid}/status") as fh:
                    children[kid] = int(fh.read().split("VmHWM:")[1].split()[0])
            except (OSError, IndexError, ValueError):
                pass
        time.sleep(0.01)
    wall = time.perf_counter() - t
    err = proc.stderr.read()
    assert proc.returncode == 0, err
    return {f"{name}_s": round(wall, 2),
            f"{name}_peak_rss_mb": round(int(err.split("VmHWM")[-1].split()[0]) / 1024, 1),
            f"{name}_children_peak_rss_mb": round(max(children.values(), default=0) / 1024, 1)}


def _descendants(pid: int) -> list[int]:
    """Every process ``pid`` started that still runs, and theirs (from any of its threads)."""
    out, todo = [], [pid]
    while todo:
        parent, kids = todo.pop(), []
        try:
            for task in os.listdir(f"/proc/{parent}/task"):
                with open(f"/proc/{parent}/task/{task}/children") as fh:
                    kids += [int(k) for k in fh.read().split()]
        except OSError:
            pass
        out.extend(kids)
        todo.extend(kids)
    return out


def cli_peak_mb(args: list[str], env: dict) -> float:
    """Peak resident memory of one ``briefing`` process (its own VmHWM, read at exit)."""
    proc = subprocess.run([sys.executable, "-c", _PEAK, *args], env=env, check=True,
                          capture_output=True, text=True, cwd=ROOT)
    return int(proc.stderr.split("VmHWM")[-1].split()[0]) / 1024


def cli_at_scale(scale: int) -> dict:
    """``briefing search`` on a pack ``scale`` times the bundled one: the first run (which
    loads the pack and builds its store) and warm runs, against warm runs on the bundled pack.

    The large pack is a copy of the bundled pack's files whose validated form in the pack
    cache is the synthetic pack (as if those files held it): the CLI finds it by the files'
    digest exactly as it finds a real pack's.
    """
    out: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
        pack = pack_folder(Path(tmp) / "pack", cache,
                           synthetic_pack(load_pack(bundled_pack_dir()), scale))
        root = pack.root
        del pack
        gc.collect()
        big = ["--content", str(root), "search"]
        # the first run builds the store; then the app's build command on the same pack
        out.update(tree_run("briefing", [*big, "yanfa", "--json"], env, "cli_first_run"))
        for store in cache.glob("search-store-*"):
            store.unlink()
        out.update(tree_run("briefing.search.build_store", [str(root)], env,
                            "build_command"))
        for query in ("yanfa", "研发", "ys"):
            small = time_cli(["search", query, "--json"], env, runs=5)
            large = time_cli([*big, query, "--json"], env, runs=5)
            out[f"cli_{query}_1x_s"] = round(small, 3)
            out[f"cli_{query}_{scale}x_s"] = round(large, 3)
            out[f"cli_{query}_ratio"] = round(large / small, 2)
        out["cli_peak_rss_1x_mb"] = round(cli_peak_mb(["search", "yanfa", "--json"], env), 1)
        out[f"cli_peak_rss_{scale}x_mb"] = round(cli_peak_mb([*big, "yanfa", "--json"], env), 1)
    return out
