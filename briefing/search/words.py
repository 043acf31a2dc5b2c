"""Where Latin words and numbers start and end in folded text.

A Latin needle matches a whole word or the start of one: ``sic`` finds "SiC" and "sic", not the
"sic" in "physicist"; ``gan`` finds "GaN", not "organised". A word is a run of ASCII letters or
of ASCII digits, so a letter next to a digit also starts one: ``40`` finds the "40" of "HJ40",
``hj`` its "HJ" (a number and the letters naming it are separate words to a reader).
"""

from __future__ import annotations


def is_word_char(c: str) -> bool:
    """Whether ``c`` can stand inside a Latin word or a number (ASCII letters and digits)."""
    return c.isascii() and c.isalnum()


def at_word_start(s: str, p: int) -> bool:
    """Whether ``s[p]`` begins a word (or is no word character, which any needle may meet)."""
    if p <= 0:
        return True
    before = s[p - 1]
    return not (before.isascii() and before.isalnum()) or before.isdigit() != s[p].isdigit()


def at_word_end(s: str, e: int) -> bool:
    """Whether a word ends just before ``s[e]`` (``e`` may be ``len(s)``)."""
    if e >= len(s) or e <= 0:
        return True
    after = s[e]
    return not (after.isascii() and after.isalnum()) or after.isdigit() != s[e - 1].isdigit()


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")


def inside_word_before(needle: str) -> frozenset[str]:
    """The characters that, just before an occurrence of ``needle`` (which begins with a
    letter or a digit), put it inside a word: :func:`at_word_start` as a set lookup, for
    scans that pass over many occurrences."""
    return _DIGITS if needle[:1].isdigit() else _LETTERS
