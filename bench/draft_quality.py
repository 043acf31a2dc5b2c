"""How well the document reader drafts figures, against hand-labelled answer keys.

Runs :func:`briefing.authoring.reader.read_figures` on the test documents
(``tests/authoring/documents/*.txt``, each with a ``.key.yaml`` labelling every number) and on
the bundled pack's documents (whose figures and ignore list are the key), and reports:

* headline figures found with the right value (goal: all), wrong readings (goal: 0);
* annual targets tagged ``target`` (goal ≥ 95%), periods right (goal ≥ 95%);
* non-figures among what is drafted (goal ≤ 10%);
* the time to read a 20,000-character document (goal < 1 s).

    python3 bench/draft_quality.py [--verbose]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "authoring"))

from _answer_key import documents, run  # noqa: E402

from briefing.authoring.reader import read_figures  # noqa: E402


def _pct(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"


def _bundled(verbose: bool) -> None:
    """The bundled pack's figures as a key: found, value, kind and year agree."""
    from briefing.pack import bundled_pack_dir, load_pack

    pack = load_pack(bundled_pack_dir())
    found = value = kind = year = total = 0
    for doc in pack.documents:
        text = doc.read()
        reading = read_figures(text, date=doc.date)
        for fig in (f for f in pack.figures() if f.source.doc == doc.id):
            total += 1
            at = text.find(fig.source.quote) + fig.source.quote.find(fig.display)
            end = at + len(fig.display)
            match = next((f for f in reading.figures if f.start < end and at < f.end), None)
            if match is None:
                if verbose:
                    print(f"  bundled, not drafted: {fig.id} {fig.display}")
                continue
            found += 1
            value += abs(match.value - fig.value) <= 1e-9 * max(1, abs(fig.value))
            kind += match.kind == fig.kind
            year += match.period == fig.period
            if verbose and match.kind != fig.kind:
                print(f"  bundled kind: {fig.id} {fig.display}: {match.kind}, pack {fig.kind}")
    print(f"bundled pack: figures drafted {_pct(found, total)}; of those, value right "
          f"{_pct(value, found)}, kind as the pack {_pct(kind, found)}, period as the pack "
          f"{_pct(year, found)} (given the document's date)")


def _timing() -> None:
    """Median time to read 20,000 characters of report prose (the documents, joined)."""
    texts = [doc.read_text(encoding="utf-8") for doc, _ in documents()]
    from briefing.pack import bundled_pack_dir, load_pack

    texts += [d.read() for d in load_pack(bundled_pack_dir()).documents]
    text = "\n".join(texts)
    while len(text) < 20_000:
        text += "\n" + text
    text = text[:20_000]
    times = []
    for _ in range(5):
        start = time.perf_counter()
        reading = read_figures(text)
        times.append(time.perf_counter() - start)
    print(f"reading 20,000 characters: median {statistics.median(times) * 1000:.0f} ms "
          f"({len(reading.figures)} figures, {len(reading.not_figures)} non-figures; goal < 1 s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args()
    total, each = run(read_figures)
    for name, s in each.items():
        print(f"{name}: {s.key_figures} figures in the key, {s.drafted} drafted, "
              f"{len(s.wrong_readings)} wrong readings")
        if args.verbose:
            for label, items in (("missed", s.missed), ("wrong reading", s.wrong_readings),
                                 ("wrong kind", s.wrong_kind), ("wrong period", s.wrong_period),
                                 ("not a figure", s.not_figures_drafted),
                                 ("bad quote", s.quotes_bad)):
                for item in items:
                    print(f"  {label}: {item}")
    print()
    headline = _pct(total.headline_right, total.headline)
    print(f"headline figures found with the right value: {headline} (goal: all)")
    print(f"figures found: {_pct(total.found, total.key_figures)}")
    print(f"wrong readings: {len(total.wrong_readings)} (goal: 0)")
    print(f"annual targets tagged target: {_pct(total.annual_targets_tagged, total.annual_targets)}"
          " (goal ≥ 95%)")
    print(f"period right: {_pct(total.period_right, total.found)} (goal ≥ 95%)")
    print(f"kind right: {_pct(total.kind_right, total.found)}")
    print(f"unit right: {_pct(total.unit_right, total.found)}")
    print(f"non-figures among drafts: {_pct(len(total.not_figures_drafted), total.drafted)}"
          " (goal ≤ 10%)")
    print(f"non-figures left out with a reason: "
          f"{_pct(total.not_figures_with_reason, total.key_not_figures)}")
    print(f"quotes not verbatim or not unique: {len(total.quotes_bad)}")
    _bundled(args.verbose)
    _timing()


if __name__ == "__main__":
    main()
