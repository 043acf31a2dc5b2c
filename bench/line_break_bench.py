"""The line breaker on long unbroken runs: time to break and wrap n characters, and to wrap
again at another width (a resize), for n = 25k ... 400k (issue 26, item 9).

Linear means each fourfold n (the default sizes) costs about four times as much (the "x4"
column: the time over the previous size's); the old code was
quadratic in the re-measuring loop (sixteen times) and worse in the numeral pattern (a run
of 25k Chinese numerals took 28 s). The break itself is uniseg's UAX #14, pure Python and
linear. Also times ``briefing show`` on a pack with a 400k-character word.

    python bench/line_break_bench.py [--sizes 25000,100000,400000] [--code DIR] [--no-show]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {"latin word": "a", "digits": "1", "Chinese numerals": "一", "Han": "蘇",
         "digits and units": "3万家"}

MEASURE = """
import sys, time
from briefing.text import line_breaking as lb
unit, n = sys.argv[1], int(sys.argv[2])
text = (unit * n)[:n]
started = time.perf_counter()
lb.line_spans(text, 80)
first = time.perf_counter() - started
started = time.perf_counter()
lb.line_spans(text, 81)
print(first, time.perf_counter() - started)
"""


def measure(code: Path, unit: str, n: int, timeout: float) -> tuple[float, float] | None:
    """(first wrap, re-wrap) seconds in a fresh process, or None past ``timeout``."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    try:
        out = subprocess.run([sys.executable, "-c", MEASURE, unit, str(n)], env=env,
                             capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    first, again = out.stdout.split()
    return float(first), float(again)


def show_seconds(code: Path) -> float:
    """``briefing show`` on a copy of the bundled pack whose section text is one 400k word."""
    folder = Path(tempfile.mkdtemp(prefix="breaker-bench-"))
    try:
        shutil.copytree(code / "content", folder / "content")
        shutil.copytree(code / "seeds", folder / "seeds")
        section = folder / "content" / "sections" / "talent-services.yaml"
        lines = section.read_text(encoding="utf-8").splitlines()
        at = next(n for n, line in enumerate(lines) if line.strip().startswith("en:"))
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        lines[at] = f"{indent}en: {'a' * 400_000}"
        section.write_text("\n".join(lines) + "\n", encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(code), "BRIEFING_CACHE_DIR": str(folder / "c")}
        args = [sys.executable, "-m", "briefing", "--content", str(folder / "content"), "show",
                "talent-services"]
        subprocess.run(args, env=env, capture_output=True, check=True)  # fills the pack cache
        started = time.perf_counter()
        subprocess.run(args, env=env, capture_output=True, check=True)
        return time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25000,100000,400000")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to measure")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--no-show", action="store_true")
    ns = parser.parse_args()
    sizes = [int(s) for s in ns.sizes.split(",")]
    print(f"{'run':18} {'n':>8} {'first s':>9} {'x4':>6} {'rewrap s':>9} {'us/char':>8}")
    for kind, unit in KINDS.items():
        previous = None
        for n in sizes:
            got = measure(ns.code, unit, n, ns.timeout)
            if got is None:
                print(f"{kind:18} {n:>8} {'>' + str(int(ns.timeout)):>9}")
                break
            first, again = got
            growth = f"{first / previous:6.1f}" if previous else ""
            print(f"{kind:18} {n:>8} {first:9.2f} {growth:>6} {again:9.2f} "
                  f"{first / n * 1e6:8.1f}", flush=True)
            previous = first
    if not ns.no_show:
        print(f"briefing show, one 400k-character word: {show_seconds(ns.code):.2f} s")


if __name__ == "__main__":
    main()
