"""Write ``briefing/text/zh_words.txt`` from jieba's dictionary: ``python3 -m
briefing.text.zh_words_build [DICT]``.

DICT defaults to the ``dict.txt`` of an installed jieba (``pip install jieba==0.42.1``, MIT
licence; only this script needs it). Kept: words of two to four ideographs that jieba counts
at least ``MIN_COUNT`` times, and place names (tag ``ns``) however rarely counted: a district
jieba counts three times was broken after its first character, and a name cut in two is the
worst break. Also kept: the words of ``zh_words_extra.txt`` (policy language jieba lacks:
科创, 规上, 专精特新). Each line holds one first character and the rest of its words:
``深<TAB>圳入...<TAB>圳市 ...<TAB>...`` (two-, three- and four-character words, the first
character left off). See :mod:`briefing.text.zh_words` for why a list and not jieba itself.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path

from briefing.text.zh_words import DATA, LONGEST

EXTRA = DATA.with_name("zh_words_extra.txt")

MIN_COUNT = 5
PLACE_TAGS = frozenset({"ns"})  # kept at any count
_IDEOGRAPHS = re.compile("^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
HEADER = f"""\
# Chinese words for line breaking (briefing.text.zh_words): a line never breaks inside one.
# From jieba's dictionary (dict.txt of jieba 0.42.1, https://github.com/fxsjy/jieba, MIT
# licence, Copyright (c) 2013 Sun Junyi): its words of 2 to {LONGEST} ideographs counted at
# least {MIN_COUNT} times, and its place names (ns) at any count; and the words of
# zh_words_extra.txt (policy language jieba lacks). One line per first
# character: the second characters of its two-character words, then the rest of its three-
# and four-character words, tab-separated.
# Written by python3 -m briefing.text.zh_words_build; do not edit by hand.
"""


def jieba_dictionary() -> Path:
    spec = find_spec("jieba")
    if spec is None or not spec.origin:
        raise SystemExit("jieba is not installed: pip install jieba==0.42.1 (or give DICT)")
    return Path(spec.origin).with_name("dict.txt")


def extra_words(text: str) -> list[str]:
    """The words of ``zh_words_extra.txt``: one a line, ``#`` comments."""
    return [w for w in (line.split("#")[0].strip() for line in text.splitlines()) if w]


def build(lines: list[str], extra: Sequence[str] = ()) -> str:
    """The file's text from dictionary lines ``word count [tag]`` and ``extra`` words."""
    rest: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    lines = [*lines, *(f"{word} {MIN_COUNT} x" for word in extra)]
    for line in lines:
        fields = line.split()
        if len(fields) < 2 or not fields[1].isdigit():
            continue
        if int(fields[1]) < MIN_COUNT and not PLACE_TAGS.intersection(fields[2:3]):
            continue
        word = fields[0]
        if 2 <= len(word) <= LONGEST and _IDEOGRAPHS.match(word):
            rest[word[0]][len(word)].add(word[1:])
    body = []
    for first in sorted(rest):
        parts = rest[first]
        body.append("\t".join([first, "".join(sorted(parts[2])),
                               *(" ".join(sorted(parts[n])) for n in range(3, LONGEST + 1))]))
    return HEADER + "\n".join(body) + "\n"


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else jieba_dictionary()
    text = build(source.read_text(encoding="utf-8").splitlines(),
                 extra_words(EXTRA.read_text(encoding="utf-8")))
    DATA.write_text(text, encoding="utf-8")
    print(f"wrote {DATA} ({DATA.stat().st_size:,} bytes, {text.count(chr(10))} lines)")


if __name__ == "__main__":
    main(sys.argv[1:])
