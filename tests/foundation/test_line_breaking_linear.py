"""The line breaker is linear on long unbroken runs (issue 26, item 9) and its results are the
same as before on ordinary text: the old greedy loop (re-measuring the rest of the line after
every last-resort cut) and the old unbounded numeral pattern are kept here as references."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.pack import bundled_pack_dir, load_pack
from briefing.text import line_breaking as lb

OLD_GLUED = re.compile(
    rf"{lb._HEDGE_BEFORE}(?:{lb._DIGITS}{lb._PERCENT}{lb._MAGNITUDE}(?:余|多)?{lb._UNIT}"
    rf"{lb._HEDGE_AFTER}|[零〇一二三四五六七八九十百千万亿两]+(?:分之[零〇一二三四五六七八九十百千]+)?"
    rf"(?=[个家次人名项元年月岁倍位所座台件篇条只户套亩吨成届批期轮级类款种%]){lb._UNIT}"
    rf"{lb._HEDGE_AFTER})")


def reference_spans(text: str, width: int) -> list[tuple[int, int]]:
    """The old ``_paragraph_spans`` loop, quadratic on a long run but the reference."""
    units, prev = [], 0
    for b in (*lb.break_positions(text), len(text)):
        units.append((prev, b))
        prev = b
    lines: list[tuple[int, int]] = []
    line_start = line_end = None
    used = 0
    for u_start, u_end in units:
        body_end = u_end
        while body_end > u_start and text[body_end - 1] in lb.SPACES:
            body_end -= 1
        body = lb.cell_width(text[u_start:body_end])
        if line_start is None:
            line_start, line_end, used = u_start, body_end, body
        elif used + lb.cell_width(text[line_end:u_start]) + body <= width:
            used += lb.cell_width(text[line_end:u_start]) + body
            line_end = body_end
        else:
            lines.append((line_start, line_end))
            line_start, line_end, used = u_start, body_end, body
        while used > width and line_end - line_start > 1:
            cut = lb._hard_cut(text, line_start, line_end, width)
            lines.append((line_start, cut))
            line_start = cut
            used = lb.cell_width(text[line_start:line_end])
    if line_start is not None:
        lines.append((line_start, line_end))
    trimmed = [(s, lb._rstrip_end(text, s, e)) for s, e in lines]
    kept = [(s, e) for s, e in trimmed if e > s] or trimmed[:1]
    return kept or [(0, 0)]


def _texts() -> list[str]:
    pack = load_pack(bundled_pack_dir())
    texts = [doc.read() for doc in pack.documents]
    for node in pack.nodes():
        texts += [node.title.zh, node.title.en, node.text.zh, node.text.en]
    for figure in pack.figures():
        texts += [figure.label.zh, figure.label.en, figure.source.quote]
    return [p for t in texts for p in t.split("\n") if p]


@pytest.mark.parametrize("width", [1, 2, 5, 9, 17, 24, 40, 63, 80, 119])
def test_the_same_lines_as_before_on_the_bundled_texts(width):
    for text in _texts():
        assert lb._paragraph_spans(text, 0, width) == reference_spans(text, width), text[:40]


def glued_numbers(text: str) -> list[tuple[int, int]]:
    """The bounded numeral pattern's spans (the hedged round amounts, "超千亿", are a rule of
    their own, added after the old pattern)."""
    return [m.span() for m in lb._GLUED.finditer(text) if m.end() - m.start() > 1]


def test_the_same_glued_numbers_as_before():
    for text in _texts():
        old = [m.span() for m in OLD_GLUED.finditer(text) if m.end() - m.start() > 1]
        assert glued_numbers(text) == old, text[:40]


AWKWARD = [*"一二十百千万两三分之个家年%约超1234567890.,，。 ab%蘇x", "\u200d", "👩", "\u0301"]
hard = st.text(st.sampled_from(AWKWARD), max_size=120)


@settings(max_examples=300, deadline=None)
@given(text=hard, width=st.integers(1, 30))
def test_the_same_lines_as_before_on_awkward_text(text, width):
    text = text.replace("\n", "")
    assert lb._paragraph_spans(text, 0, width) == reference_spans(text, width)
    old = [m.span() for m in OLD_GLUED.finditer(text) if m.end() - m.start() > 1]
    assert glued_numbers(text) == old


@pytest.mark.parametrize("unit", ["a", "1", "一", "蘇", "e\u0301"])
def test_a_long_unbroken_run_is_measured_once(unit, monkeypatch):
    """Counted, not timed: the characters measured to wrap a run of n characters grow like
    n (the old loop re-measured the rest of the run after every cut: n² / 2 / width). The
    time, and the numeral pattern's, is in bench/line_break_bench.py."""
    measured = []
    real = lb.cell_width
    monkeypatch.setattr(lb, "cell_width", lambda text: measured.append(len(text)) or real(text))
    for n in (4_000, 16_000):
        text = unit * n
        lb._BREAKS[text] = lb.break_positions(text)
        measured.clear()
        lines = lb.line_spans(text, 80)
        assert lines[0][0] == 0 and lines[-1][1] == len(text)
        assert sum(measured) < 12 * len(text), (n, sum(measured))
