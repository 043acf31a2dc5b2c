"""Queries: normalised, split into terms, and each term turned into the needles it is sought by."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz, process

from briefing.search.fold import (  # noqa: F401  (TERM_RE: re-exported)
    TERM_RE,
    fold_query,
    han_terms,
    is_han_run,
    pinyin_form,
    strip_marks,
)
from briefing.search.index import PinyinIndex
from briefing.search.words import is_word_char

MAX_QUERY = 200  # characters of a query that are looked at
MAX_TERMS = 8

LATIN_RE = re.compile(r"[a-z]+")


def normalize(query: str) -> str:
    """NFKC, lower case, control/format characters to spaces, at most MAX_QUERY characters,
    traditional characters folded to simplified (see :mod:`briefing.search.fold`)."""
    query = unicodedata.normalize("NFKC", query[:MAX_QUERY])
    if not query.isprintable():
        query = "".join(c if c.isprintable() else " " for c in query)
    return fold_query(query.lower())


def terms_of(query: str) -> list[str]:
    """Distinct terms of a query, in order: runs of Chinese, runs of anything else."""
    return split_terms(normalize(query))


def split_terms(normalized: str) -> list[str]:
    """Distinct terms of a query already passed through :func:`normalize`."""
    seen: dict[str, None] = {}
    for t in han_terms(normalized):  # runs of Han, runs of anything else between spaces
        if len(seen) >= MAX_TERMS:
            break
        seen.setdefault(t, None)
    return list(seen)


def needs_pinyin(query: str) -> bool:
    """Whether answering ``query`` uses the pinyin index (it has a term of Latin letters)."""
    return isinstance(query, str) and any(is_latin(t) for t in terms_of(query))


def is_latin(term: str) -> bool:
    """Whether a term is Latin letters once diacritics are dropped (so it may be pinyin)."""
    return LATIN_RE.fullmatch(strip_marks(term)) is not None


def fold_term(name: str) -> str:
    """A name (a glossary entry) folded the way the index text and query terms are."""
    return " ".join(strip_marks(normalize(name)).split())


class Term:
    """One term of a query and the needles it is searched by."""

    __slots__ = ("aliases", "alts", "bigrams", "han", "ini", "latin", "mixed", "pinyin",
                 "py_needles", "text", "typos", "word_end", "words")

    def __init__(self, term: str, typos: bool = True) -> None:
        #: the term as the folded index text has it (diacritics dropped: "yuànshì" -> "yuanshi")
        self.text = text = strip_marks(term)
        #: the term as pinyin ("lü" -> "lv")
        self.pinyin = pinyin_form(term)
        self.han = is_han_run(text)
        #: whether the term is sought at word starts only (it begins with a letter or digit)
        self.words = not self.han and bool(text) and is_word_char(text[0])
        #: whether it ends with a letter or digit (then a match ending inside a word is a
        #: word start, not a whole word)
        self.word_end = not self.han and bool(text) and is_word_char(text[-1])
        self.latin = LATIN_RE.fullmatch(text) is not None and LATIN_RE.fullmatch(
            self.pinyin) is not None
        self.py_needles: list[tuple[str, int]] = []  # (needle, syllables in it)
        self.ini: str | None = None
        #: (initials needle, segments) for syllables mixed with initials: "yanfjg"
        self.mixed: list[tuple[str, list[str]]] = []
        self.alts: list[tuple[str, float]] = []  # (vocabulary word, similarity)
        #: whether close vocabulary words are sought (not for words joined by the engine)
        self.typos = typos
        #: other names for the term from the pack's glossary (folded like the index text)
        self.aliases: tuple[str, ...] = ()
        self.bigrams: list[str] = []
        if self.han and len(text) >= 3:
            self.bigrams = list(dict.fromkeys(text[i: i + 2] for i in range(len(text) - 1)))[:12]

    def prepare(self, py: PinyinIndex, prefixes: frozenset[str]) -> None:
        """Pinyin segmentations, initials and typo alternatives (needs the pinyin index)."""
        t = self.pinyin
        if not self.latin:
            return
        if 2 <= len(t) <= 40:
            self.py_needles = [(" " + " ".join(seg), len(seg))
                               for seg in segmentations(t, py.syllables, prefixes)]
            self.ini = t
        if 3 <= len(t) <= 40:
            self.mixed = [("".join(x[0] for x in seg), seg)
                          for seg in segmentations(t, py.syllables, prefixes, cap=4,
                                                   initials=True)
                          if any(len(x) == 1 for x in seg[:-1]) and any(len(x) > 1 for x in seg)]

    def find_alts(self, py: PinyinIndex) -> None:
        """Close words from the content's vocabulary, for a term that may be misspelt."""
        t = self.text
        if self.typos and self.latin and len(t) >= 4 and py.vocab:
            cutoff = 74.0 if len(t) >= 6 else 79.0
            # ratio = 2·matches / (len(a) + len(b)) can only reach the cutoff for words of
            # about the term's length, so only those are compared
            words = py.words_near(len(t), 2 + len(t) // 3)
            found = process.extract(t, words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=6)
            self.alts = [(w, s) for w, s, _ in found if w != t]


INITIALS = frozenset("bpmfdtnlgkhjqxrzcsyw")


def segmentations(q: str, syllables: frozenset[str], prefixes: frozenset[str],
                  cap: int = 6, initials: bool = False) -> list[list[str]]:
    """Ways to read ``q`` as pinyin syllables (the last one may be incomplete), fewest first.

    With ``initials``, a single consonant may also stand for a whole syllable ("yanfjg").
    """
    n = len(q)

    def unit(s: str) -> bool:
        return s in syllables or (initials and len(s) == 1 and s in INITIALS)

    ok = [False] * (n + 1)  # ok[i]: q[i:] can be read
    ok[n] = True
    for i in range(n - 1, -1, -1):
        ok[i] = q[i:] in prefixes or any(
            unit(q[i: i + k]) and ok[i + k] for k in range(1, min(6, n - i) + 1))
    if not ok[0]:
        return []
    out: list[list[str]] = []

    def walk(i: int, acc: list[str]) -> None:
        if len(out) >= cap:
            return
        for k in range(min(6, n - i), 0, -1):
            s = q[i: i + k]
            if i + k == n and s in prefixes:
                out.append([*acc, s])
                if len(out) >= cap:
                    return
            elif unit(s) and ok[i + k]:
                walk(i + k, [*acc, s])

    walk(0, [])
    return sorted(out, key=len)
