"""Which heading hit is the headline of a topic: the one whose descendants are about it too.

A broad word ("人才", "rencai", "talent") is in dozens of titles and labels; the reader typing it
wants the place the topic is treated as a whole (the talent action plan, whose sub-items are
each about talent) before a short title about one corner of it ("彰显人才礼遇"). So a record
whose heading matches a term gains :data:`HUB_STEP` × log2(1 + n), n being the descendants
whose headings match it too: children first, then theirs (only through those that match), at
most :data:`HUB_VISIT` looked at, each counting when its match scores :data:`HUB_MIN` or more
(a real match of the word, not a stray pair of initials). The record's own match must score
that much too: a heading that only shares two initials with the query heads no topic of it.
Near-matches (typos, Chinese character pairs) are not sought in the descendants: they are the
costly kinds, and weak.
"""

from __future__ import annotations

import math
from collections.abc import Callable

HUB_STEP = 1.0
HUB_VISIT = 16
HUB_MIN = 75.0


def headline_bonus(term, kids, text, py, match: Callable) -> float:
    """The bonus of a record with children ``kids`` whose heading matches ``term``; ``match``
    is the engine's ``_match(term, field, folded text, text index, pinyin index, near=)``."""
    n = 0
    queue = list(kids)
    for seen, c in enumerate(queue):  # grows as matching children add theirs
        if seen >= HUB_VISIT:
            break
        for f in text.record_fields[c]:
            if not text.field_heading[f]:
                break  # a record's fields are in static rank: its headings come first
            m = match(term, f, text.low_of(f), text, py, near=False)
            if m is not None and m.score >= HUB_MIN:
                n += 1
                queue.extend(text.record_children[c])
                break
    return HUB_STEP * math.log2(1 + n)
