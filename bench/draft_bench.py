"""Time ``briefing draft`` on a 20,000-character report: the goal is under 1 s.

The report is made of the drafting tests' made-up documents (tests/drafting/documents): the
city report's opening lines, then the documents' parts one after another, each copy given its
own place name and numbers (years kept) so its quotes stay unique, until it has the
characters asked for, then the city report's annex. Measured three ways:

* ``draft``: drafting the text in-process (outline, figures, ids, labels), the median of
  ``--runs`` after a first, cold run (which pays for the number reader's and pinyin's tables);
* ``pack``: the whole pack written (document read, draft, files, staged and renamed) and then
  validated, in-process;
* ``cli``: ``briefing draft DOC -o DIR`` as a user runs it, a new process each time (Python's
  start, imports, drafting, writing and validating), its wall time and its CPU time.

    python3 bench/draft_bench.py [--chars 20000] [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.authoring.draft.build import draft_document  # noqa: E402
from briefing.authoring.draft.ids import Ids  # noqa: E402
from briefing.authoring.draft.pack import draft_pack  # noqa: E402
from briefing.pack import load_pack  # noqa: E402

DOCUMENTS = sorted((ROOT / "tests" / "drafting" / "documents").glob("*.txt"))
PLACES = ("临川", "东岭", "青岚", "岚江")
NAMES = ("云溪", "北湖", "南屏", "西岭", "江陵", "石门", "白沙", "清河", "长汀", "桐城")
_NUMBER = re.compile(r"(?<![\d.])(\d+)(?:\.(\d+))?")


def _vary(text: str, copy: int) -> str:
    """The text as another place's report: its place names and numbers changed (not its
    years), so no sentence of one copy is another's."""
    for place in PLACES:
        text = text.replace(place, NAMES[copy % len(NAMES)] + str(copy // len(NAMES) or ""))

    def shift(found: re.Match) -> str:
        whole, tenths = found.group(1), found.group(2)
        if len(whole) == 4 and whole[:2] in ("19", "20") and tenths is None:
            return found.group()  # a year
        value = int(whole) + copy + 1
        return f"{value}.{tenths}" if tenths is not None else str(value)

    return _NUMBER.sub(shift, text)


def _body(text: str) -> str:
    """A document without its opening lines and its annex: from its first heading on."""
    lines = text.splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if re.match(r"[一二三四五]、|第一章", line))
    annex = next((i for i, line in enumerate(lines) if line.startswith(("附件", "名词解释"))),
                 len(lines))
    return "".join(lines[first:annex])


def report(chars: int) -> str:
    """A report of at least ``chars`` characters: the city report's opening, then the test
    documents' parts, varied, one after the other (each starting again at 一、), then its
    annex, as a long report is laid out."""
    city = (ROOT / "tests" / "drafting" / "documents" / "city-work-report-2026.txt").read_text(
        encoding="utf-8")
    lines = city.splitlines(keepends=True)
    opening = "".join(lines[:5])
    annex = city[city.index("附件"):]
    parts, size, copy = [opening], len(opening) + len(annex), 0
    while size < chars:
        for document in DOCUMENTS:
            text = _vary(_body(document.read_text(encoding="utf-8")), copy)
            parts.append(text)
            size += len(text)
        copy += 1
    return "".join(parts) + annex


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
            load_pack(folder / f"pack-{run}")
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
    print(f"draft (in-process): first {cold:.3f} s, then {_median(warm)}")
    print(f"pack written and validated (in-process): {_median(packs)}")
    print(f"briefing draft (a new process each run): {_median(cli)} wall, {_median(cpu)} "
          "of CPU (the wall time waits for a shared machine's cores)")


if __name__ == "__main__":
    main()
