"""Readings that override pypinyin's phrase table when the search index is built.

pypinyin picks a reading for each 多音字 from its phrase dictionary; names and terms it does not
know fall back to the character's most common reading, which is sometimes wrong in this
briefing's content (长光华芯 is *cháng*guāng huáxīn, not *zhǎng*). Each entry maps a phrase to
its toneless syllables, one per character; the longest phrase wins where entries overlap.

Changing this table changes the index key, so cached indexes are rebuilt automatically.
"""

from __future__ import annotations

PHRASES: dict[str, str] = {
    # company and place names
    "长光华芯": "chang guang hua xin",
    "长三角": "chang san jiao",
    "长江": "chang jiang",
    "长春": "chang chun",
    "长沙": "chang sha",
    "长安": "chang an",
    "长城": "chang cheng",
    "重庆": "chong qing",
    # terms whose context pypinyin's table misses or gets wrong on its own
    "长久": "chang jiu",
    "长期": "chang qi",
    "长效": "chang xiao",
    "长周期": "chang zhou qi",
    "重组": "chong zu",
    "银行": "yin hang",
    "行业": "hang ye",
    "分行": "fen hang",
    "供给": "gong ji",
    "率先": "shuai xian",
}


def check_phrases() -> list[str]:
    """Problems in :data:`PHRASES` (each phrase needs exactly one syllable per character)."""
    problems = []
    for phrase, reading in PHRASES.items():
        syllables = reading.split()
        if len(syllables) != len(phrase):
            problems.append(f"{phrase}: {len(syllables)} syllables for {len(phrase)} characters")
        for syllable in syllables:
            if not (syllable.isascii() and syllable.isalpha() and syllable.islower()):
                problems.append(f"{phrase}: bad syllable {syllable!r}")
    return problems
