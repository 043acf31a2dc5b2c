"""Throw the hostile inputs of issue 26 at the commands, as an attacker or a careless user would.

Every probe runs ``python -m briefing ...`` (or a small script) in a fresh process on a
private cache, state folder and working folder, and counts a **problem** when the command
prints a traceback, hangs (timeout), exits 0 where it must refuse (or fails where it must
work), lets a control, bidi or invisible character reach its output, lets a CSV cell start a
formula, loses or replaces what it must keep, or runs code planted in its cache.

    python bench/hostile_probe.py                     # this checkout
    python bench/hostile_probe.py --code /other/tree  # another checkout (e.g. before a fix)
    python bench/hostile_probe.py --json --verbose

Prints one line per problem and the tally: probes, problems, by kind.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNSAFE = ("\x1b", "\x9b", "\x07", "\u202e", "\u200b", "\u2028", "\U000e0041", "\ufff9",
          "\u206a", "\ue000")
HOSTILE = ("\x1b]52;c;ZXZpbA==\x07\x1b]8;;https://evil.example\x1b\\x\x1b]8;;\x1b\\\x9b2J"
           "\u202eevil\u200b\u2028\U000e0041\ufff9\u206a\ue000")


@dataclass
class Probe:
    name: str
    args: list[str]
    ok: bool = False  # the command must succeed (else: must refuse, exit non-zero)
    check: Callable[[subprocess.CompletedProcess, Path], str] | None = None
    env: dict[str, str] = field(default_factory=dict)
    timeout: float = 40.0
    script: str = ""  # run this Python code instead of ``-m briefing``
    setup: Callable[[Path], None] | None = None  # prepares the run's folder first
    max_seconds: float = 0.0  # slower than this is a problem (0: no limit)


class Prober:
    def __init__(self, code: Path, verbose: bool) -> None:
        self.code, self.verbose = code, verbose
        self.base = Path(tempfile.mkdtemp(prefix="hostile-probe-"))
        self.problems: list[tuple[str, str]] = []
        self.count = 0

    def fresh(self, name: str) -> Path:
        folder = self.base / name
        folder.mkdir(parents=True)
        return folder

    def pack(self, name: str, edit: Callable[[Path], None] | None = None) -> Path:
        """A copy of the bundled pack (content/ and seeds/ beside it), edited."""
        folder = self.fresh(f"pack-{name}")
        shutil.copytree(self.code / "content", folder / "content")
        shutil.copytree(self.code / "seeds", folder / "seeds")
        if edit:
            edit(folder / "content")
        return folder / "content"

    def run(self, probe: Probe) -> None:
        self.count += 1
        work = self.fresh(f"run-{self.count}")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFING_", "COLUMNS"))}
        env.update({"PYTHONPATH": str(self.code), "BRIEFING_CACHE_DIR": str(work / "cache"),
                    "BRIEFING_STATE_DIR": str(work / "state"), **probe.env})
        command = ([sys.executable, "-c", probe.script, *probe.args] if probe.script
                   else [sys.executable, "-m", "briefing", *probe.args])
        if probe.setup:
            probe.setup(work)
        started = time.perf_counter()
        try:
            result = subprocess.run(command, capture_output=True, env=env, cwd=work,
                                    stdin=subprocess.DEVNULL, timeout=probe.timeout)
        except subprocess.TimeoutExpired:
            return self.problem(probe, "hang", f"no answer in {probe.timeout:.0f} s")
        out = result.stdout.decode("utf-8", "replace")
        err = result.stderr.decode("utf-8", "replace")
        result.stdout, result.stderr = out, err
        if "Traceback" in out + err:
            return self.problem(probe, "traceback", (err or out).strip().splitlines()[-1])
        if probe.ok and result.returncode != 0:
            return self.problem(probe, "failed", err.strip()[:160])
        if not probe.ok and result.returncode == 0:
            return self.problem(probe, "accepted", "exit 0 where it must refuse")
        if leaked := [f"U+{ord(c):04X}" for c in UNSAFE if c in out + err]:
            return self.problem(probe, "unsafe output", ", ".join(leaked))
        if probe.check and (why := probe.check(result, work)):
            return self.problem(probe, "check", why)
        took = time.perf_counter() - started
        if probe.max_seconds and took > probe.max_seconds:
            return self.problem(probe, "slow", f"{took:.1f} s (limit {probe.max_seconds} s)")
        if self.verbose:
            print(f"ok   {probe.name} ({took:.1f} s)", flush=True)

    def problem(self, probe: Probe, kind: str, detail: str) -> None:
        self.problems.append((probe.name, kind))
        print(f"FAIL {probe.name}: {kind}: {detail[:200]}", flush=True)




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to probe")
    parser.add_argument("--only", default="", help="run only probes whose name has this")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    ns = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    import hostile_cases

    prober = Prober(ns.code.resolve(), ns.verbose)
    started = time.perf_counter()
    try:
        for make in hostile_cases.ALL:
            for probe in make(prober):
                if ns.only in probe.name:
                    prober.run(probe)
    finally:
        shutil.rmtree(prober.base, ignore_errors=True)
    kinds = Counter(kind for _, kind in prober.problems)
    tally = {"code": str(ns.code), "probes": prober.count, "problems": len(prober.problems),
             "by_kind": dict(kinds), "seconds": round(time.perf_counter() - started)}
    if ns.json:
        print(json.dumps(tally))
    else:
        print(f"{prober.count} probes, {len(prober.problems)} problems "
              f"({', '.join(f'{n} {k}' for k, n in kinds.most_common()) or 'none'}) "
              f"in {tally['seconds']} s")


if __name__ == "__main__":
    main()
