"""Fuzzy search over every section, item, figure and comparison, in Chinese, English and pinyin.

Views and the CLI depend only on :meth:`SearchEngine.search` and :class:`Hit`. No UI imports.

How a query is answered:

1. The query is normalised (NFKC, lower case, control characters dropped, at most
   :data:`MAX_QUERY` characters) and split into *terms*: runs of Chinese characters, and runs of
   anything else between spaces (``"AI大模型 rencai"`` -> ``ai``, ``大模型``, ``rencai``).
2. Each term is turned into *needles*: itself; for Latin letters its pinyin syllable
   segmentations (``"yanfa"`` -> ``" yan fa"``; the last syllable may be typed partly), its
   initials (``"yfjg"``) and syllables mixed with initials (``"yanfjg"``); close English words
   from the content's vocabulary when exact hits are few (``"enterprize"`` -> ``enterprise``);
   for Chinese its character pairs, for near-matches. A query of several Latin words is also
   tried joined (``"yan fa"`` as ``"yanfa"``).
3. Needles are found with ``str.find`` in the index's concatenated strings, which hold every
   field in static-rank order (titles and labels first, short before long). A scan stops once
   it has enough candidate records, so a common term costs about the same on a pack 1000 times
   larger; on a large pack an n-gram block filter (:class:`~briefing.search.index.GramIndex`)
   limits the scan of a rare term to the blocks that can hold it.
4. Each candidate record is scored field by field: the match kind sets a quality (exact whole
   word 100, word start 94, pinyin 92, mixed 86, initials 84, typo and near-matches by their
   rapidfuzz similarity), scaled by the field's weight and lowered for long fields that mention
   the term only in passing. A record's score is the mean over terms of each term's best field.

Scorers are chosen for what they compare: typo alternatives are whole vocabulary words scored
with ``fuzz.ratio`` (word against word), and Chinese near-matches use
``fuzz.partial_ratio_alignment`` of the query against the field with no processor, so its
alignment offsets are offsets in the original text. ``WRatio`` (which scales partial scores down
for long targets) and ``default_process`` (which can shift offsets) are not used.

Spans are character offsets in the *original* field text: pinyin matches are mapped back from
syllables to the Chinese characters they were read from.
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from briefing import serialize
from briefing.model import Pack, Text
from briefing.search.index import (
    GRAM_MIN_CHARS,
    HAN_CLASS,
    HAN_RUN,
    GramIndex,
    PinyinIndex,
    Progress,
    Record,
    TextIndex,
    load_index,
    records,
)

Span = tuple[int, int]

#: Older names for the record type, kept for callers of the first interface.
Document = Record
documents = records

MAX_QUERY = 200  # characters of a query that are looked at
MAX_TERMS = 8
MAX_SPANS = 16  # occurrences per field that are collected
MIN_SCORE = 20.0

TERM_RE = re.compile(f"[{HAN_CLASS}]+|[^\\s{HAN_CLASS}]+")
LATIN_RE = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: what matched, where, and how well (higher ``score`` is better, 0..100)."""

    id: str
    kind: str  # section | item | figure | comparison
    section: str | None  # id of the top-level section, None for pack-wide comparisons
    title: Text
    zh: str  # full text of the hit in Chinese
    en: str  # full text of the hit in English
    score: float
    field: str  # which field matched best: title.zh, title.en, text.zh, text.en, ...
    spans: tuple[Span, ...]  # character spans in that field's original text
    #: every matched span, in every field, as (field, start, end); ``field``'s are among them
    matches: tuple[tuple[str, int, int], ...] = ()
    #: the original text of each field in ``matches``
    texts: tuple[tuple[str, str], ...] = ()

    def text_of(self, field: str) -> str:
        """The original text of a matched field ('' if that field did not match)."""
        return dict(self.texts).get(field, "")

    def to_json(self) -> dict:
        """The hit as plain JSON data (the CLI's ``--json`` shape)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "section": self.section,
            "title": serialize.text(self.title),
            "score": self.score,
            "zh": self.zh,
            "en": self.en,
            "spans": [{"field": f, "start": s, "end": e} for f, s, e in self.matches],
        }


def normalize(query: str) -> str:
    """NFKC, lower case, control/format characters to spaces, at most MAX_QUERY characters."""
    query = unicodedata.normalize("NFKC", query[:MAX_QUERY])
    if not query.isprintable():
        query = "".join(c if c.isprintable() else " " for c in query)
    return query.lower()


def terms_of(query: str) -> list[str]:
    """Distinct terms of a query, in order: runs of Chinese, runs of anything else."""
    seen: dict[str, None] = {}
    for t in TERM_RE.findall(normalize(query)):
        if len(seen) >= MAX_TERMS:
            break
        seen.setdefault(t, None)
    return list(seen)


def needs_pinyin(query: str) -> bool:
    """Whether answering ``query`` uses the pinyin index (it has a term of Latin letters)."""
    return isinstance(query, str) and any(LATIN_RE.fullmatch(t) for t in terms_of(query))


def _is_word_char(c: str) -> bool:
    return c.isascii() and c.isalnum()


class Term:
    """One term of a query and the needles it is searched by."""

    __slots__ = ("alts", "bigrams", "han", "ini", "latin", "mixed", "py_needles", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.han = HAN_RUN.fullmatch(text) is not None
        self.latin = LATIN_RE.fullmatch(text) is not None
        self.py_needles: list[tuple[str, int]] = []  # (needle, syllables in it)
        self.ini: str | None = None
        #: (initials needle, segments) for syllables mixed with initials: "yanfjg"
        self.mixed: list[tuple[str, list[str]]] = []
        self.alts: list[tuple[str, float]] = []  # (vocabulary word, similarity)
        self.bigrams: list[str] = []
        if self.han and len(text) >= 3:
            self.bigrams = list(dict.fromkeys(text[i: i + 2] for i in range(len(text) - 1)))[:12]

    def prepare(self, py: PinyinIndex, prefixes: frozenset[str]) -> None:
        """Pinyin segmentations, initials and typo alternatives (needs the pinyin index)."""
        t = self.text
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
        if self.latin and len(t) >= 4 and py.vocab:
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


@dataclass(slots=True)
class _Match:
    score: float
    field: int
    spans: list[Span]


class SearchEngine:
    """Finds hits for a query; build once per pack, then call :meth:`search` per keystroke.

    Construction is cheap: the text index is built on the first search, and the pinyin index
    (cached by content hash, see :mod:`briefing.search.index`) on the first query with Latin
    letters, or by :meth:`prepare`.
    """

    def __init__(self, pack: Pack, *, progress: Progress | None = None,
                 cache_dir: Path | None = None) -> None:
        self.pack = pack
        self.progress = progress
        self.cache_dir = cache_dir
        self.index_source: str | None = None  # bundled | cache | built, once loaded
        self._lock = threading.Lock()
        self._text: TextIndex | None = None
        self._py: PinyinIndex | None = None
        self._prefixes: frozenset[str] = frozenset()

    # -- index -------------------------------------------------------------------------------
    @property
    def text_index(self) -> TextIndex:
        if self._text is None:
            with self._lock:
                if self._text is None:
                    self._text = TextIndex(list(records(self.pack)))
        return self._text

    def needs_index(self, query: str) -> bool:
        """Whether answering ``query`` loads the stored index (pinyin, or n-grams of a big pack)."""
        return needs_pinyin(query) or len(self.text_index.low) >= GRAM_MIN_CHARS

    def prepare(self, progress: Progress | None = None) -> str:
        """Load (or build and cache) the pinyin index now; returns where it came from."""
        self.pinyin_index(progress)
        return self.index_source or ""

    def pinyin_index(self, progress: Progress | None = None) -> PinyinIndex:
        if self._py is None:
            text = self.text_index
            with self._lock:
                if self._py is None:
                    py, source = load_index(text, progress or self.progress, self.cache_dir)
                    self._prefixes = frozenset(
                        s[:k] for s in py.syllables for k in range(1, len(s) + 1))
                    self._py = py
                    self.index_source = source
        return self._py

    # -- searching ---------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, section: str | None = None) -> list[Hit]:
        """The best hits for ``query``, best first; never raises for any query string."""
        if not isinstance(query, str) or limit <= 0:
            return []
        words = terms_of(query)
        hits = self._search([Term(t) for t in words], limit, section)
        if len(words) > 1 and all(LATIN_RE.fullmatch(w) for w in words):
            # "yan fa" may be one word typed in syllables: try it joined, keep the better
            joined = "".join(TERM_RE.findall(normalize(query)))
            if len(joined) <= 40:
                best = {h.id: h for h in hits}
                for hit in self._search([Term(joined)], limit, section):
                    if hit.id not in best or hit.score > best[hit.id].score:
                        best[hit.id] = hit
                hits = sorted(best.values(), key=lambda h: -h.score)[:limit]
        return hits

    def _search(self, terms: list[Term], limit: int, section: str | None) -> list[Hit]:
        if not terms:
            return []
        text = self.text_index
        py = None
        if any(t.latin for t in terms) or len(text.low) >= GRAM_MIN_CHARS:
            py = self.pinyin_index()
            for t in terms:
                t.prepare(py, self._prefixes)
        want = limit + 10
        per_term: list[dict[int, None]] = []
        for term in terms:
            found: dict[int, None] = {}
            self._candidates(term, text, py, want, section, found)
            per_term.append(found)
        scored = None
        rarest = min(per_term, key=len)
        if len(terms) > 1 and len(rarest) < want:
            # The rarest term's candidates are all its records, so every record matching all
            # terms is among them: when those fill the page, no other record can outrank them.
            first = [h for h in (self._score(r, terms, text, py) for r in rarest) if h]
            if sum(1 for h in first if len(h[3]) == len(terms)) >= limit:
                scored = first
        if scored is None:
            union: dict[int, None] = {}
            for found in per_term:
                union.update(found)
            scored = [h for h in (self._score(r, terms, text, py) for r in union) if h]
        scored.sort(key=lambda h: (-h[0], h[1]))
        return [self._hit(r, matches, text, score) for score, _, r, matches in scored[:limit]]

    def _scan(self, big: str, starts, needle: str, want: int, section: str | None,
              found: dict[int, None], fmap=None, grams: GramIndex | None = None) -> int:
        """Add up to ``want`` new records whose fields contain ``needle``, in rank order."""
        text = self.text_index
        rec_of, sec_of = text.field_record, text.record_section
        find = big.find
        new = 0
        ranges = [(0, len(big))] if grams is None else grams.candidates(needle)
        for pos, stop in ranges:
            while new < want:
                p = find(needle, pos, stop)
                if p < 0:
                    break
                i = bisect_right(starts, p) - 1
                pos = starts[i + 1]
                r = rec_of[fmap[i] if fmap is not None else i]
                if section is not None and sec_of[r] != section:
                    continue
                if r not in found:
                    found[r] = None
                    new += 1
            if new >= want:
                break
        return new

    def _candidates(self, term: Term, text: TextIndex, py: PinyinIndex | None, want: int,
                    section: str | None, found: dict[int, None]) -> None:
        low_grams = py.low_grams if py is not None else None
        got = self._scan(text.low, text.starts, term.text, want, section, found, None, low_grams)
        if py is not None:
            for needle, _ in term.py_needles:
                got += self._scan(py.py, py.py_starts, needle, want, section, found, py.fields,
                                  py.py_grams)
            if term.ini:
                got += self._scan(py.ini, py.ini_starts, term.ini, want, section, found,
                                  py.fields, py.ini_grams)
            if got < want:  # few hits so far: syllables mixed with initials ("yanfjg")?
                for needle, _ in term.mixed:
                    got += self._scan(py.ini, py.ini_starts, needle, want, section, found,
                                      py.fields, py.ini_grams)
            if got < want:  # still few: the term may be misspelt
                term.find_alts(py)
                for word, _ in term.alts:
                    self._scan(text.low, text.starts, word, want, section, found, None,
                               low_grams)
        if term.bigrams and got < want:
            for pair in term.bigrams:
                self._scan(text.low, text.starts, pair, want, section, found, None, low_grams)

    def _score(self, r: int, terms: list[Term], text: TextIndex,
               py: PinyinIndex | None) -> tuple[float, int, int, list[_Match]] | None:
        best: list[_Match] = []
        total = 0.0
        fields = text.record_fields[r]
        for term in terms:
            top: _Match | None = None
            for f in fields:
                m = self._match(term, f, text, py)
                if m is not None and (top is None or m.score > top.score):
                    top = m
            if top is not None:
                best.append(top)
                total += top.score
        if not best:
            return None
        score = total / len(terms)
        if score < MIN_SCORE:
            return None
        return round(score, 1), min(m.field for m in best), r, best

    def _match(self, term: Term, f: int, text: TextIndex,
               py: PinyinIndex | None) -> _Match | None:
        """The best way ``term`` matches field ``f``: its field score and spans."""
        low = text.low_of(f)
        t = term.text
        quality, spans = 0.0, []
        # 1. the term itself
        p = low.find(t)
        while p >= 0 and len(spans) < MAX_SPANS:
            e = p + len(t)
            if term.han:
                q = 100.0
            else:
                start = p == 0 or not _is_word_char(low[p - 1]) or not _is_word_char(t[0])
                end = e == len(low) or not _is_word_char(low[e]) or not _is_word_char(t[-1])
                q = 100.0 if start and end else 94.0 if start else 84.0
            quality = max(quality, q)
            spans.append((p, e))
            p = low.find(t, e)
        if quality < 100.0 and py is not None and term.latin:
            i = py.local[f]
            if i >= 0:
                quality, spans = _pinyin_match(term, py, i, quality, spans)
            if term.alts and quality < 90.0:
                quality, spans = _typo_match(term, low, quality, spans)
        if term.bigrams and quality < 60.0:
            res = fuzz.partial_ratio_alignment(t, low, score_cutoff=64.0)
            if res is not None and res.score * 0.85 > quality:
                quality, spans = res.score * 0.85, [(res.dest_start, res.dest_end)]
        if quality <= 0.0 or not spans:
            return None
        matched = max(e - s for s, e in spans)
        focus = min(12.0, 2.5 * math.log2(max(1.0, len(low) / max(1, matched))))
        return _Match(quality * text.field_weight[f] - focus, f, spans)

    def _hit(self, r: int, matches: list[_Match], text: TextIndex, score: float) -> Hit:
        rec = text.records[r]
        top = max(matches, key=lambda m: (m.score, -m.field))
        per_field: dict[int, set[Span]] = {}
        for m in matches:
            per_field.setdefault(m.field, set()).update(m.spans)
        merged = {f: _merge(spans, len(text.field_text[f])) for f, spans in per_field.items()}
        order = sorted(merged, key=lambda f: (f != top.field, f))
        flat = tuple((text.field_name[f], s, e) for f in order for s, e in merged[f])
        return Hit(rec.id, rec.kind, rec.section, rec.title, rec.zh, rec.en,
                   max(0.0, min(100.0, score)),
                   text.field_name[top.field], tuple(merged[top.field]), flat,
                   tuple((text.field_name[f], text.field_text[f]) for f in order))


def _pinyin_match(term: Term, py: PinyinIndex, i: int, quality: float,
                  spans: list[Span]) -> tuple[float, list[Span]]:
    syl = py.py_of(i)
    for needle, count in term.py_needles:
        p = syl.find(needle)
        found: list[Span] = []
        q = 0.0
        while p >= 0 and len(found) < MAX_SPANS:
            e = p + len(needle)
            complete = e == len(syl) or syl[e] == " "
            if count >= 2:
                q = max(q, 92.0 if complete else 88.0)
            else:
                q = max(q, 80.0 if complete else 70.0)
            found.append((syl.count(" ", 0, p), syl.count(" ", 0, e)))
            p = syl.find(needle, e)
        if q > quality:
            quality, spans = q, found
    if term.ini and quality < 84.0:
        ini = py.ini_of(i)
        p = ini.find(term.ini)
        found = []
        while p >= 0 and len(found) < MAX_SPANS:
            found.append((p, p + len(term.ini)))
            p = ini.find(term.ini, p + len(term.ini))
        q = 84.0 if len(term.ini) >= 3 else 76.0
        if found and q > quality:
            quality, spans = q, found
    if term.mixed and quality < 86.0:
        ini = py.ini_of(i)
        readings: list[str] | None = None
        for needle, segments in term.mixed:
            p = ini.find(needle)
            found = []
            while p >= 0 and len(found) < MAX_SPANS:
                if readings is None:
                    readings = syl.split(" ")[1:]
                got = readings[p: p + len(segments)]
                if all(r.startswith(g) for r, g in zip(got, segments, strict=True)) and all(
                        r == g for r, g in zip(got[:-1], segments[:-1], strict=True)
                        if len(g) > 1):
                    found.append((p, p + len(segments)))
                p = ini.find(needle, p + 1)
            if found:
                quality, spans = 86.0, found
                break
    return quality, spans


def _typo_match(term: Term, low: str, quality: float,
                spans: list[Span]) -> tuple[float, list[Span]]:
    for word, similarity in term.alts:
        q = similarity * 0.9
        if q <= quality:
            continue
        found: list[Span] = []
        p = low.find(word)
        while p >= 0 and len(found) < MAX_SPANS:
            if p == 0 or not _is_word_char(low[p - 1]):
                found.append((p, p + len(word)))
            p = low.find(word, p + len(word))
        if found:
            quality, spans = q, found
    return quality, spans


def _merge(spans: set[Span], length: int) -> list[Span]:
    """Sorted, clamped, non-overlapping spans."""
    out: list[Span] = []
    for s, e in sorted(spans):
        s, e = max(0, min(s, length)), max(0, min(e, length))
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
