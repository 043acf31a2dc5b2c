"""No-break spaces inside numbers, so "about 350" never becomes "about / 350" once rendered.

A terminal breaks lines by the project's own rules (:mod:`briefing.text.line_breaking`); a
brief pasted into Word, an e-mail or a browser is broken by whatever renders it, and a plain
space is a break opportunity there. Exports therefore write the spaces inside a number as
no-break spaces: U+00A0 between English words ("about 350", "RMB 125 billion", "more than
40,000"), U+202F (narrow) where Chinese text has a space beside a number ("HJ 40人").

:func:`bind_value` is for a value on its own (a table cell: every space in it is inside the
value); :func:`bind_numbers` finds the numbers in running text and binds only around them.
"""

from __future__ import annotations

from briefing.text.lazy_pattern import LazyPattern

NBSP = "\u00a0"
NNBSP = "\u202f"

#: Words that qualify the number after them, and signs: "about 350", "≥ 1.6%", "No. 4".
_BEFORE = LazyPattern(
    r"(?<![\w.])((?:more|less|fewer) than|at (?:least|most)|up to|about|around|approx\.|"
    r"approximately|nearly|almost|over|under|above|below|roughly|some|No\.|RMB|CNY|USD|"
    r"US\$|HK\$|[≥≤≈~<>]) +(?=[+\-−]?\d)")
#: Words that finish the number before them: "125 billion", "3.4 pp", "100 or more".
_AFTER = LazyPattern(
    r"(?<=\d) +(million|billion|trillion|thousand|hundred|percentage points?|per ?cent|pp|"
    r"times|or more|or so|plus|%|‰|×)(?![\w])")
#: In Chinese text, a space either side of a digit.
_ZH_SPACE = LazyPattern(r"(?<=[\d%‰]) +(?=\S)|(?<=\S) +(?=[+\-−]?\d)")


def bind_value(text: str, lang: str = "en") -> str:
    """Every space of a value ("about 350", "over 1,000") made no-break."""
    return text.replace(" ", NNBSP if lang == "zh" else NBSP)


def bind_numbers(text: str, lang: str = "en") -> str:
    """``text`` with the spaces inside its numbers made no-break; other spaces kept."""
    if lang == "zh":
        return _ZH_SPACE.sub(NNBSP, text)
    text = _BEFORE.sub(lambda m: m.group(1).replace(" ", NBSP) + NBSP, text)
    return _AFTER.sub(lambda m: NBSP + m.group(1).replace(" ", NBSP), text)
