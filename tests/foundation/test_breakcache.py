"""The saved line breaks: loaded at start-up instead of running UAX #14, never trusted blindly."""

from __future__ import annotations

import marshal
import subprocess
import sys

import pytest

from briefing.text import break_cache, line_breaking

TEXTS = ["研发强度预计4.15%左右，全市高新技术企业超1.74万家。",
         "Suzhou's total R&D spending as a share of GDP reached 4.15% in 2024.",
         "新增项目100个，服务企业超1000家次。"]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    saved = dict(line_breaking._BREAKS)
    line_breaking._BREAKS.clear()
    yield tmp_path
    line_breaking._BREAKS.clear()
    line_breaking._BREAKS.update(saved)


def test_saved_breaks_come_back_and_give_the_same_lines_without_uniseg(cache):
    expected = [line_breaking.wrap(text, 12) for text in TEXTS]
    assert break_cache.save("some-pack")
    assert not list(cache.glob(".breaks-*"))  # written atomically: no temporary left
    code = (
        "import sys\n"
        "from briefing.text import break_cache, line_breaking\n"
        "taken = break_cache.warm('some-pack')\n"
        f"lines = [line_breaking.wrap(t, 12) for t in {TEXTS!r}]\n"
        "print(taken, lines == " + repr(expected) + ", 'uniseg' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={"BRIEFING_CACHE_DIR": str(cache), "PATH": "/usr/bin"})
    taken, same, imported = out.stdout.split()
    assert int(taken) >= len(TEXTS)
    assert (same, imported) == ("True", "False")


def test_nothing_new_is_not_written_again(cache):
    line_breaking.wrap(TEXTS[0], 10)
    assert break_cache.save("p")
    assert not break_cache.save("p", known_before=len(line_breaking.known_breaks()))


@pytest.mark.parametrize("blob", [b"", b"\x00garbage\xff", marshal.dumps([1, 2, 3]),
                                  marshal.dumps({"abc": (5,), "x": "nope", 3: (1,)}),
                                  marshal.dumps({"abcd": (2, 1), "ab": (0,)})],
                         ids=["empty", "garbage", "not-a-dict", "bad-offsets", "disordered"])
def test_a_damaged_or_foreign_file_costs_time_never_a_wrong_break(cache, blob):
    path = break_cache.cache_file("p")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(blob)
    assert break_cache.warm("p") == 0
    assert line_breaking.break_positions("abcd efgh") == (5,)  # computed afresh


def test_entries_that_fit_their_text_are_taken(cache):
    good = {"ab cd": (3,), "one": ()}
    line_breaking._BREAKS.clear()
    assert line_breaking.learn_breaks({**good, "xy": (7,)}) == 2
    assert line_breaking.break_positions("ab cd") == (3,)


def test_the_file_name_is_safe_for_any_pack_id(cache):
    path = break_cache.cache_file("../../etc/passwd")
    assert path.parent == cache
    assert "/" not in path.name and ".." not in path.name


def test_an_unwritable_cache_directory_loses_nothing_but_time(cache, monkeypatch):
    line_breaking.wrap(TEXTS[1], 20)
    blocker = cache / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(blocker / "sub"))
    assert break_cache.save("p") is False
    assert break_cache.warm("p") == 0
