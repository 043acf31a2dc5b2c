"""Chinese word boundaries, so a line never breaks inside a word ("深 / 圳", "全球排 / 名").

UAX #14 allows a break between any two ideographs: it knows characters, not words. Where a
run of ideographs may break is decided here, by segmenting the run into words of a dictionary
and allowing breaks only between them.

The dictionary is ``zh_words.txt`` beside this module: the two- to four-character words of
jieba's dictionary (MIT licence, https://github.com/fxsjy/jieba) that it counts five times or
more, and the place names it knows however rarely counted, about 132,000 words; ``python3 -m
briefing.text.zh_words_build`` writes it from an installed jieba. Why not jieba (or its
Rust port) at run time: both build their whole dictionary of 349,000 words when imported
(0.4 to 1.8 s), which the app's first start and every command with Chinese text not broken
before would pay; this list loads in about 13 ms, when the first Chinese run is broken, and
its results are saved with the line breaks
(:mod:`briefing.text.break_cache`).

A run is segmented by dynamic programming: the fewest pieces (a word, or one character the
dictionary does not know as the start of a word), ties going to the longer word first. Longer
words than four characters are compounds of shorter ones (工业园区 = 工业 + 园区); breaking
between those parts is breaking between words.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from briefing.text.lazy_pattern import LazyPattern

DATA = Path(__file__).with_name("zh_words.txt")
LONGEST = 4

#: A run of two or more ideographs (the unified blocks, their extension A and the
#: compatibility ideographs; the supplementary planes' extensions B and later).
_RUN = LazyPattern(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]{2,}")

# first character -> (second characters of its two-character words, " tail tail ... " of its
# three-character words, the same of its four-character words)
_Entry = tuple[str, str, str]
_WORDS: dict[str, _Entry] | None = None


def _load() -> dict[str, _Entry]:
    """The dictionary, read once. A missing or damaged file leaves it empty: lines then break
    as UAX #14 alone says (between any two ideographs), never worse than that."""
    global _WORDS
    if _WORDS is None:
        words: dict[str, _Entry] = {}
        try:
            text = DATA.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        for line in text.split("\n"):
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) == 4 and len(fields[0]) == 1:
                words[fields[0]] = (fields[1], f" {fields[2]} ", f" {fields[3]} ")
        _WORDS = words
    return _WORDS


def is_word(word: str) -> bool:
    """Whether ``word`` (two to four ideographs) is in the dictionary."""
    entry = _load().get(word[:1])
    if entry is None or not 2 <= len(word) <= LONGEST:
        return False
    if len(word) == 2:
        return word[1] in entry[0]
    return f" {word[1:]} " in entry[len(word) - 2]


def segment(run: str) -> list[int]:
    """Offsets inside ``run`` (ideographs only) where one word ends and the next begins."""
    n = len(run)
    pieces = [0] + [n + 1] * n  # fewest pieces covering run[:j]
    step = [1] * (n + 1)  # length of the last piece of that covering
    for j in range(1, n + 1):
        for length in range(min(LONGEST, j), 0, -1):  # longer first: it wins ties
            if (length == 1 or is_word(run[j - length:j])) and \
                    pieces[j - length] + 1 < pieces[j]:
                pieces[j], step[j] = pieces[j - length] + 1, length
    cuts, j = [], n
    while j > 0:
        j -= step[j]
        if j:
            cuts.append(j)
    return cuts[::-1]


@lru_cache(maxsize=4096)
def word_interior(text: str) -> frozenset[int]:
    """Offsets of ``text`` strictly inside a Chinese word: no line may break there."""
    inside: set[int] = set()
    for match in _RUN.finditer(text):
        start, end = match.span()
        cuts = {start + cut for cut in segment(match.group())}
        inside.update(p for p in range(start + 1, end) if p not in cuts)
    return frozenset(inside)
