"""``stub`` and ``coverage`` on large, number-dense documents: time and peak memory, which
must grow linearly with the document (issue 26, item 10), and ``stub /dev/zero``, which must
stop at once.

Each run is a fresh ``briefing`` process (so imports and the pack load count), on documents
made of report-like sentences, every one with numbers, dates and non-figures in it, each
sentence unique (as in a real report) except for a share repeated verbatim (quotes must widen).

    python3 bench/authoring_scale.py [--sizes 0.15,0.3,0.6,1.2] [--briefing CMD]

``--briefing`` runs another build (e.g. ``"python -c 'from briefing.cli import main; main()'"``
with another PYTHONPATH) for a before/after comparison.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = f"{sys.executable} -c 'from briefing.cli import main; main()'"

_SENTENCES = (
    "{y}年，全市地区生产总值达到{a}.{b}万亿元、增长{c}.{d}%，增速居全省前三",
    "一般公共预算收入{n},{m:03d}亿元，同口径增长{c}.{d}%",
    "高新技术企业总数突破{a}.{b}万家，新增国家重点实验室{c}家",
    "城镇调查失业率控制在{c}.{d}%以内，城镇新增就业不少于{a}{b}万人",
    "地铁{c}号线建成通车，12345热线接通率{e}.{d}%，数字政府{c}.0上线",
    "固定资产投资增长{c}.{d}%—{k}%，PM2.5平均浓度{e}微克/立方米、下降{c}.{d}%",
    "第十{c}届人民代表大会第{c}次会议审议通过，新增装机容量{e}万千瓦，用电量{n}亿千瓦时",
)


_OPENING = "总体看，全市发展质效保持全省第一。"


def document(chars: int, seed: int = 1) -> str:
    """Report-like prose of about ``chars`` characters; one sentence in ten repeats."""
    rng = random.Random(seed)
    parts, size, made = [_OPENING], len(_OPENING), []
    while size < chars:
        if made and rng.random() < 0.1:
            sentence = rng.choice(made)
        else:
            sentence = rng.choice(_SENTENCES).format(
                y=rng.randint(2015, 2026), a=rng.randint(1, 9), b=rng.randint(0, 99),
                c=rng.randint(1, 9), d=rng.randint(0, 9), e=rng.randint(10, 99),
                n=rng.randint(1, 9), m=rng.randint(0, 999), k=rng.randint(6, 12)) + "。"
            made.append(sentence)
        parts.append(sentence)
        size += len(sentence)
        if rng.random() < 0.2:
            parts.append("\n")
    return "".join(parts)


def _pack(folder: Path, text: str) -> Path:
    """A pack holding ``text`` as its one document, with one figure."""
    pack = folder / "pack"
    (pack / "sections").mkdir(parents=True)
    (pack / "doc.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    quote = _OPENING.rstrip("。")
    (pack / "manifest.yaml").write_text(f"""\
id: scale
title: {{zh: 规模, en: scale}}
documents:
  - {{id: doc, file: doc.txt, title: {{zh: 文, en: doc}}, publisher: {{zh: 局, en: bureau}},
     date: "2026", sha256: {digest}}}
units:
  rank: {{zh: 名, en: rank}}
sections: [s]
comparisons: comparisons.yaml
""", encoding="utf-8")
    (pack / "comparisons.yaml").write_text("[]\n", encoding="utf-8")
    (pack / "sections" / "s.yaml").write_text(f"""\
id: s
title: {{zh: 节, en: section}}
text: {{zh: 文, en: text}}
figures:
  - {{id: f, label: {{zh: 名次, en: rank}}, value: 1, unit: rank, display: 第一, period: "2025",
     kind: rank, source: {{doc: doc, quote: "{quote}"}}}}
""", encoding="utf-8")
    return pack


#: No child may use more than this much memory (the old stub filled gigabytes from /dev/zero).
MEMORY_CAP = 2 * 1024 ** 3


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _run(command: str, args: list[str], env: dict, timeout: float) -> tuple[float, float, int]:
    """(CPU seconds, peak MB of this child, exit code); -1 when it timed out (then wall
    seconds)."""
    start = time.perf_counter()
    # run from elsewhere: "python -c" puts the working folder first on sys.path, which would
    # shadow the PYTHONPATH of a before/after comparison
    child = subprocess.Popen([*shlex.split(command), *args], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, preexec_fn=_limit, cwd="/")
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            child.kill()
            pid, status, usage = os.wait4(child.pid, 0)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, -1
        time.sleep(0.02)
    child.returncode = os.waitstatus_to_exitcode(status)
    # CPU time, not wall time: the machine is shared, and a busy neighbour is not our cost
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.15,0.3,0.6,1.2", help="document sizes in MB")
    parser.add_argument("--briefing", default=DEFAULT, help="the command to run")
    parser.add_argument("--timeout", type=float, default=300)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", str(ROOT))}
    with tempfile.TemporaryDirectory() as tmp:
        env["BRIEFING_CACHE_DIR"] = str(Path(tmp) / "cache")
        seconds, peak, code = _run(args.briefing, ["stub", "/dev/zero"], env, 60)
        print(f"stub /dev/zero: exit {code} in {seconds:.2f} s, peak {peak:.0f} MB "
              f"(children are capped at {MEMORY_CAP // 1024 ** 2} MB)")
        print("size      stub (CPU s, MB)  coverage (CPU s, MB)")
        for size in (float(s) for s in args.sizes.split(",")):
            folder = Path(tmp) / f"{size}"
            text = document(int(size * 1024 * 1024 / 3))  # CJK: 3 bytes a character
            pack = _pack(folder, text)
            stub = _run(args.briefing, ["stub", str(pack / "doc.txt")], env, args.timeout)
            cover = _run(args.briefing, ["coverage", str(pack)], env, args.timeout)
            mb = len(text.encode("utf-8")) / 1024 / 1024
            print(f"{mb:4.2f} MB  {_shown(stub):>16}  {_shown(cover):>16}")


def _shown(result: tuple[float, float, int]) -> str:
    seconds, peak, code = result
    if code == -1:
        return f"timeout {seconds:.0f}"
    return f"{seconds:.1f}, {peak:.0f}" + ("" if code == 0 else f" (exit {code})")


if __name__ == "__main__":
    main()
