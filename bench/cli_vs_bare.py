"""``briefing search`` against the bare Typer CLI, measured so a shared, busy machine can tell.

Best-of-N wall times (``search_cli_bench.py``) swing with whatever else runs. This runs the
commands interleaved (bare, ours, ours as a table, bare, ...) for many rounds and reports each
median, the ratio of medians and the median of each round's own ratio; ``--instructions`` also
counts each process's instructions under valgrind's callgrind, which is deterministic (valgrind
lacks SHA extensions, so hashing counts ~5x what it costs a CPU with them).

    python bench/cli_vs_bare.py [--rounds 40] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from search_cli_bench import BARE_CLI

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = {
    "bare": ["-c", BARE_CLI, "yanfa", "--json"],
    "search --json": ["-m", "briefing", "search", "yanfa", "--json"],
    "search (table)": ["-m", "briefing", "search", "yanfa"],
}


def _run(args: list[str], env: dict, prefix: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, *args], env=env, cwd=ROOT, check=True,
                          capture_output=True, text=True)


def wall(env: dict, rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    order = list(COMMANDS.items())
    for number in range(rounds):
        for name, args in order if number % 2 == 0 else order[::-1]:
            started = time.perf_counter()
            _run(args, env)
            times[name].append(time.perf_counter() - started)
    return times


def instructions(env: dict, args: list[str]) -> int:
    out = _run(args, env, ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"))
    return int(next(line for line in out.stderr.splitlines() if "Collected" in line).split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--instructions", action="store_true", help="also count instructions")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(BRIEFING_CACHE_DIR=str(Path(tmp) / "cache"), PYTHONPATH=str(ROOT))
        for args in COMMANDS.values():  # bytecode and caches written, as after a first run
            _run(args, env)
        times = wall(env, options.rounds)
        bare = times["bare"]
        for name, got in times.items():
            paired = statistics.median(t / b for t, b in zip(got, bare, strict=True))
            print(f"{name:15s} median {statistics.median(got) * 1e3:6.1f} ms  "
                  f"ratio {statistics.median(got) / statistics.median(bare):.3f}  "
                  f"paired {paired:.3f}")
        if options.instructions and shutil.which("valgrind"):
            counts = {name: instructions(env, args) for name, args in COMMANDS.items()}
            for name, count in counts.items():
                print(f"{name:15s} {count / 1e6:8.1f}M instructions  "
                      f"ratio {count / counts['bare']:.3f}")


if __name__ == "__main__":
    main()
