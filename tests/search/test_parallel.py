"""Building part of an index in a child process: same result, serial fallback, nothing left."""

from __future__ import annotations

import operator
import os
import sys
from pathlib import Path

from briefing.search import index as idx
from briefing.search.bulk import parallel
from briefing.search.index import TextIndex, build_data, records

ROOT = Path(__file__).resolve().parents[2]


def test_child_returns_what_the_function_returns():
    child = parallel.run_in_child(operator.add, 2, 3)
    assert child is not None
    assert child.result(lambda: "serial") == 5
    assert child._proc.returncode is not None  # reaped


def test_child_exception_falls_back_to_serial():
    child = parallel.run_in_child(operator.truediv, 1, 0)
    assert child.result(lambda: "serial") == "serial"


def test_child_crash_falls_back_to_serial():
    child = parallel.run_in_child(os._exit, 3)
    assert child.result(lambda: "serial") == "serial"
    assert child._proc.returncode == 3


def test_closing_a_running_child_kills_it():
    import time

    child = parallel.run_in_child(time.sleep, 30)
    child.close()
    assert child._proc.returncode is not None


def test_build_data_in_parallel_equals_serial(bundled, monkeypatch):
    sys.path.insert(0, str(ROOT / "bench"))
    from search_bench import synthetic_pack

    text = TextIndex(list(records(synthetic_pack(bundled, 8))))
    monkeypatch.setattr(idx, "PARALLEL_MIN_CHARS", 10**12)
    serial = build_data(text)
    monkeypatch.setattr(idx, "PARALLEL_MIN_CHARS", 1)
    calls = []
    real = parallel.Child.result

    def result(self, fallback):
        calls.append(1)
        return real(self, lambda: (_ for _ in ()).throw(AssertionError("child failed")))

    monkeypatch.setattr(parallel.Child, "result", result)
    assert build_data(text) == serial
    assert calls  # the child built it


def test_texts_reach_the_child_whole_in_pieces(monkeypatch):
    """Texts go in pieces of UTF-8 (so no string here keeps a UTF-8 copy): whatever they hold
    (astral characters, a lone surrogate, empty strings, one longer than a piece), the child
    gets them as they were."""
    texts = ["", "研发", "a" * 50, "𠀀𝄞", "\ud800x", "", "mixed 混合 𝄞 text", "z"]
    monkeypatch.setattr(parallel.Texts, "AT_ONCE", 5)  # pieces of a few strings, or one
    child = parallel.run_in_child(list, parallel.Texts(texts))
    assert child is not None
    assert child.result(lambda: "serial") == texts
    sizes = [sys.getsizeof(t) for t in texts]
    child = parallel.run_in_child(len, parallel.Texts(texts))
    assert child is not None and child.result(lambda: None) == len(texts)
    assert [sys.getsizeof(t) for t in texts] == sizes  # no UTF-8 copy cached in them


def test_a_child_reports_its_progress(tmp_path):
    from briefing.search.store.half import write_part

    shares: list[float] = []
    texts = ["研发投入", "research spending", "院士"] * 50
    child = parallel.run_in_child(write_part, parallel.Texts(texts), [0, 60],
                                  str(tmp_path / "part.sqlite"), progress=shares.append)
    assert child is not None
    got = child.result(lambda: None)
    assert got is not None and got["han"]
    assert shares and shares == sorted(shares) and shares[-1] == 1.0
