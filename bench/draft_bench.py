"""Time ``briefing draft`` on a 20,000-character report: the goal is under 1 s.

The report is the drafting tests' provincial government work report, generated from templates
of my own (tests/drafting/_long_province_report.py: a 2025 review in parts with 一是 points
and a paragraph a prefecture, the year's 主要预期目标 with a range, floors and ceilings, a
十五五 list, a 2035 sentence, the year's work in numbered paragraphs, told for more
prefectures until it has the characters asked for). Measured three ways:

* ``draft``: drafting the text in-process (outline, figures, ids, labels), the median of
  ``--runs`` after a first, cold run (which pays for the number reader's and pinyin's tables);
* ``pack``: the whole pack written (document read, draft, files, staged and renamed) and then
  validated, in-process;
* ``cli``: ``briefing draft DOC -o DIR`` as a user runs it, a new process each time (Python's
  start, imports, drafting, writing and validating), its wall time and its CPU time.

It also says how many of the report's headline figures (its ``ANSWERS``) the draft read right.

    python3 bench/draft_bench.py [--chars 20000] [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "drafting"))

from _long_province_report import ANSWERS, report  # noqa: E402

from briefing.authoring.draft.build import draft_document  # noqa: E402
from briefing.authoring.draft.ids import Ids  # noqa: E402
from briefing.authoring.draft.pack import draft_pack  # noqa: E402
from briefing.pack import load_pack  # noqa: E402


def _right(pack) -> int:
    """How many headline figures are drafted with their right reading."""
    right = 0
    for words, value, high, kind, period, hedge in ANSWERS:
        found = [f for f in pack.figures() if words in f.source.quote and f.display in words]
        right += any(abs(f.value - value) <= 1e-9 * abs(value) and f.high == high
                     and (f.kind, f.period, f.qualifier) == (kind, period, hedge)
                     for f in found)
    return right


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):.3f} s (min {min(values):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    text = report(args.chars)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "report.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        first = draft_document(text, "report", Ids())
        cold = time.perf_counter() - start
        warm = []
        for _ in range(args.runs):
            start = time.perf_counter()
            draft_document(text, "report", Ids())
            warm.append(time.perf_counter() - start)
        packs = []
        for run in range(args.runs):
            start = time.perf_counter()
            draft_pack([path], folder / f"pack-{run}")
            pack = load_pack(folder / f"pack-{run}")
            packs.append(time.perf_counter() - start)
        cli, cpu = [], []
        for run in range(args.runs):
            start = time.perf_counter()
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run([sys.executable, "-m", "briefing", "draft", str(path), "-o",
                            str(folder / f"cli-{run}")], check=True, capture_output=True,
                           cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                          "BRIEFING_CACHE_DIR": str(folder / "cache"),
                                          "HOME": str(folder)})
            cli.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    print(f"report: {len(text):,} characters, {text.count(chr(10)):,} lines; drafted "
          f"{first.items} sections and items, {first.figures} figures, "
          f"{len(first.left_out)} numbers left to the author, {len(first.ignore)} not figures")
    print(f"headline figures read right: {_right(pack)} of {len(ANSWERS)}")
    print(f"draft (in-process): first {cold:.3f} s, then {_median(warm)}")
    print(f"pack written and validated (in-process): {_median(packs)}")
    print(f"briefing draft (a new process each run): {_median(cli)} wall, {_median(cpu)} "
          "of CPU (the wall time waits for a shared machine's cores)")


if __name__ == "__main__":
    main()
