"""Line breaking for every text the project draws: one wrapper for the CLI, the app and export.

Rich and Textual wrap at spaces and fold CJK text anywhere, which splits "4.15%" across lines
and starts lines with "，". Here the break opportunities come from the Unicode line-breaking
algorithm (UAX #14, through ``uniseg``), which keeps "4.15%" and "2,800" whole and never breaks
before closing punctuation or after opening punctuation. On top of it two rules of our own:
no break between a number and the Chinese unit or hedge glued to it ("1.74万", "100个",
"4.15%左右", "超1000家次", "3.4个百分点"), since a split there is a misreading; and no break
inside a Chinese word ("深 / 圳"), which UAX #14 allows between any two ideographs
(:mod:`briefing.text.zh_words` knows the words).

Widths are terminal cells (CJK is two), measured by Rich's ``cell_len``.

API (plain Python, no Textual):

- :func:`cell_width` -- the width of a string in cells.
- :func:`break_positions` -- the character offsets where a line may break.
- :func:`line_spans` -- ``(start, end)`` spans of each wrapped line in the original text;
  the white space a break swallows and the newlines between paragraphs belong to no line.
  Use it to wrap styled text (slice a Rich ``Text`` by the spans).
- :func:`wrap` -- the wrapped lines as strings.
- :func:`fill` -- the wrapped lines joined with newlines.

A line is wider than ``width`` only when a single run that may not be broken is; such a run
is then cut at character boundaries as a last resort (never a closing mark at a line start
if it can be helped).
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len

from briefing.text.lazy_pattern import LazyPattern

__all__ = ["break_positions", "cell_width", "fill", "known_breaks", "learn_breaks",
           "line_spans", "wrap"]

# A number as written in the sources: Arabic digits with decimal points or thousands separators
# (full-width digits too), or a run of Chinese numerals that a unit follows ("十七届", "三分之一").
_DIGITS = r"[0-9０-９]+(?:[.,．][0-9０-９]+)*"
# Bounded, possessive runs: a written number is never 32 numerals long, and an unbounded run
# here made the search quadratic (each start in a long run of numerals without a unit rescanned
# the run, backtracking through it). No unit character is a numeral, so giving back part of
# a run could never have let the unit look-ahead succeed: possessive changes no match.
_CN_NUMERAL = (r"[零〇一二三四五六七八九十百千万亿两]{1,32}+"
               r"(?:分之[零〇一二三四五六七八九十百千]{1,32}+)?")
_HEDGE_BEFORE = r"(?:超过|超|约|近|逾|达|仅|共|第|前|[+\-−±])?"
_PERCENT = r"(?:[%％‰]|个百分点|百分点)?"
_MAGNITUDE = r"(?:[万亿千百十]+)?"
_UNIT = (
    r"(?:家次|人次|个百分点|平方米|平方公里|公里|公顷|"
    r"[个家次人名项元年月日岁倍位所座台件篇条只户套亩吨成届批期轮级类款种])?"
)
_HEDGE_AFTER = r"(?:以上|左右|以内|以下|余|多|强|许)?"
_GLUED = LazyPattern(
    rf"{_HEDGE_BEFORE}(?:{_DIGITS}{_PERCENT}{_MAGNITUDE}(?:余|多)?{_UNIT}{_HEDGE_AFTER}"
    rf"|{_CN_NUMERAL}(?=[个家次人名项元年月岁倍位所座台件篇条只户套亩吨成届批期轮级类款种%])"
    rf"{_UNIT}{_HEDGE_AFTER})"
)
# A hedge before a round Chinese amount with no unit after it ("两个超千亿", "近百万"): the
# amount ends in a magnitude, so it is a number even where no unit follows.
_HEDGED_AMOUNT = LazyPattern(
    r"(?:超过|超|约|近|逾|达)[零〇一二三四五六七八九十百千两]{0,8}[十百千万亿]{1,3}")
_ATOM = LazyPattern(
    rf"{_DIGITS}(?:[%％‰])?|个百分点|百分点|家次|人次|平方公里|平方米|公里|公顷|分之"
    r"|以上|左右|以内|以下"
)
#: The spaces a line break swallows (and that never end a line).
SPACES = " \t\u3000"
_DASHES = frozenset("—―–")
_CLOSING = set("，。、；：！？）】』」”’〉》〕〗〙〛,.;:!?)]}%％‰…—～·")


def cell_width(text: str) -> int:
    """The width of ``text`` in terminal cells (CJK and full-width forms count two)."""
    return cell_len(text)


def _glued_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for pattern in (_GLUED, _HEDGED_AMOUNT) for m in pattern.finditer(text)
            if m.end() - m.start() > 1]


@lru_cache(maxsize=4096)
def _glue_interior(text: str) -> frozenset[int]:
    """Offsets strictly inside a number glued to its unit or hedge."""
    inside: set[int] = set()
    for start, end in _glued_spans(text):
        inside.update(range(start + 1, end))
    return frozenset(inside)


@lru_cache(maxsize=256)
def _atom_interior(text: str) -> frozenset[int]:
    """Offsets inside the smallest pieces a last-resort cut must still keep whole: a number
    ("4.15%") and a multi-character unit or hedge ("个百分点", "左右")."""
    inside: set[int] = set()
    for m in _ATOM.finditer(text):
        inside.update(range(m.start() + 1, m.end()))
    return frozenset(inside)


# Memo of break_positions. A plain dict rather than lru_cache so that it can be saved and
# loaded (briefing.text.break_cache): the app's first frame then needs neither uniseg's import nor
# its (slow, pure Python) algorithm for text it has broken before.
_BREAKS: dict[str, tuple[int, ...]] = {}
_BREAKS_MAX = 50_000


def break_positions(text: str) -> tuple[int, ...]:
    """Offsets ``i`` where a line may break before ``text[i]`` (0 and ``len(text)`` excluded).

    UAX #14's opportunities, less those inside a number glued to its unit or hedge, those
    inside a Chinese word, and those before a dash joined to what precedes it (UAX #14 lets
    "甲地 / —乙地" start a line with the dash; Chinese typesetting does not).
    """
    if not text:
        return ()
    known = _BREAKS.get(text)
    if known is not None:
        return known
    from uniseg.linebreak import line_break_boundaries  # imported on the first unknown text

    inside = _glue_interior(text)
    if not text.isascii():
        from briefing.text.zh_words import word_interior  # its words load on first use

        inside = inside | word_interior(text)
    found = tuple(b for b in line_break_boundaries(text) if 0 < b < len(text) and b not in inside
                  and not (text[b] in _DASHES and not text[b - 1].isspace()))
    if len(_BREAKS) >= _BREAKS_MAX:
        _BREAKS.clear()
    _BREAKS[text] = found
    return found


def known_breaks() -> dict[str, tuple[int, ...]]:
    """Every text broken so far with its break offsets (a copy, for saving)."""
    return dict(_BREAKS)


def learn_breaks(breaks: dict[str, tuple[int, ...]]) -> int:
    """Adopt saved results (from :mod:`briefing.text.break_cache`); returns how many were taken.

    Entries that are not a text with increasing offsets inside it are ignored, so a damaged
    file can cost time but never a wrong break."""
    taken = 0
    for text, offsets in breaks.items():
        if len(_BREAKS) >= _BREAKS_MAX:
            break
        if not (isinstance(text, str) and isinstance(offsets, tuple)):
            continue
        if all(isinstance(b, int) for b in offsets) and all(
                a < b for a, b in zip((0, *offsets), (*offsets, len(text)), strict=True)):
            _BREAKS[text] = offsets
            taken += 1
    return taken


def _paragraph_spans(text: str, start: int, width: int) -> list[tuple[int, int]]:
    """Greedy lines for one paragraph (no newlines) beginning at offset ``start``."""
    units, prev = [], 0
    for b in (*break_positions(text), len(text)):
        units.append((prev, b))
        prev = b
    lines: list[tuple[int, int]] = []
    line_start = line_end = None  # line_end excludes trailing spaces
    used = 0
    for u_start, u_end in units:
        body_end = u_end
        while body_end > u_start and text[body_end - 1] in SPACES:
            body_end -= 1
        body = cell_width(text[u_start:body_end])
        if line_start is None:
            line_start, line_end, used = u_start, body_end, body
        elif used + cell_width(text[line_end:u_start]) + body <= width:
            used += cell_width(text[line_end:u_start]) + body
            line_end = body_end
        else:
            lines.append((line_start, line_end))
            line_start, line_end, used = u_start, body_end, body
        cut_any = False
        while line_end - line_start > 1 and (
                used > width if not cut_any else _wider(text, line_start, line_end, width)):
            cut = _hard_cut(text, line_start, line_end, width)
            lines.append((line_start, cut))
            line_start, cut_any = cut, True
        if cut_any:  # measured once, not after every cut: a long unbroken run stays linear
            used = cell_width(text[line_start:line_end])
    if line_start is not None:
        lines.append((line_start, line_end))
    trimmed = [(s, _rstrip_end(text, s, e)) for s, e in lines]
    kept = [(s, e) for s, e in trimmed if e > s] or trimmed[:1]
    return [(start + s, start + e) for s, e in kept] or [(start, start)]


def _wider(text: str, start: int, end: int, width: int) -> bool:
    """Whether ``text[start:end]`` is wider than ``width`` cells, measuring only as much of
    it as that takes: prefixes of doubling length (a prefix is never wider than the whole,
    so the answer is exact)."""
    length = 2 * width + 2
    while True:
        stop = min(end, start + length)
        if cell_width(text[start:stop]) > width:
            return True
        if stop == end:
            return False
        length *= 2


def _rstrip_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over the spaces that close a line (a last-resort cut can leave some)."""
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return end


def _hard_cut(text: str, start: int, end: int, width: int) -> int:
    """Where to cut a run wider than ``width`` that may not be broken, as late as fits.

    In order of preference, the cut keeps whole: a number with its unit and hedge, then the
    number itself (a split number is a misreading), then the closing marks off the next line's
    start. Only a run with no such place is cut where it reaches ``width``.
    """
    used, limit = 0, start
    while limit < end and used + cell_width(text[limit]) <= width:
        used += cell_width(text[limit])
        limit += 1
    limit = max(limit, start + 1)
    if limit >= end:
        return end
    glued = _glue_interior(text)

    atoms = _atom_interior(text)
    preferences = (
        lambda p: p not in glued and text[p] not in _CLOSING,
        lambda p: p not in atoms and text[p] not in _CLOSING,
        lambda p: p not in atoms,
    )
    for acceptable in preferences:
        for p in range(limit, start, -1):
            if acceptable(p):
                return p
    return limit


def line_spans(text: str, width: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` wrapped to ``width`` cells.

    Newlines end paragraphs (an empty paragraph is an empty line); spaces at a break are
    dropped; leading indentation of a paragraph is kept.
    """
    width = max(1, width)
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        spans.extend(_paragraph_spans(paragraph, offset, width))
        offset += len(paragraph) + 1
    return spans


def wrap(text: str, width: int) -> list[str]:
    """``text`` wrapped to ``width`` cells, one string per line."""
    return [text[s:e] for s, e in line_spans(text, width)]


def fill(text: str, width: int) -> str:
    """``text`` wrapped to ``width`` cells, lines joined by newlines."""
    return "\n".join(wrap(text, width))
