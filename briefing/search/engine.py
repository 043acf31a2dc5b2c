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
   field in static-rank order (titles and labels first, short before long; a heading's length
   is its core's, without a qualifier in brackets at its end). A Latin term (one beginning
   with a letter or digit) is found only at word starts: "sic" is not in "physicist" (see
   :mod:`briefing.search.words`). A scan stops once
   it has enough candidate records, so a common term costs about the same on a pack 1000 times
   larger; on a large pack an n-gram block filter (:class:`~briefing.search.index.GramIndex`)
   limits the scan of a rare term to the blocks that can hold it, and a needle that begins or
   ends with one an earlier scan listed every field of (the same word on the next keystroke,
   or one syllable longer) is sought in those fields only (:mod:`briefing.search.field_scan`).
4. Each candidate record is scored field by field: the match kind sets a quality (exact whole
   word 100, word start 94, pinyin 92, mixed 86, initials 84, typo and near-matches by their
   rapidfuzz similarity), scaled by the field's weight and lowered for long fields that mention
   the term only in passing (a heading by its core: 研发强度（全社会研发投入占GDP比重） is about
   研发, and is the headline for it). A heading match gains a little for each descendant whose
   heading matches too (the action plan whose sub-items are about talent is the headline for
   "rencai"). A record's score is the mean over terms of each term's best field.

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
from array import array
from collections.abc import Callable
from itertools import chain
from pathlib import Path

from rapidfuzz import fuzz

from briefing.model import Pack
from briefing.search.field_scan import (
    blocks_from,
    fields_among,
    fields_found,
    pieces_from,
    word_fields_found,
)
from briefing.search.fields import core_length, figure_value_of
from briefing.search.fold import fold_query, han_only, han_terms
from briefing.search.headline import HUB_MIN, headline_bonus
from briefing.search.hit import Hit, Span
from briefing.search.index import (
    GRAM_MIN_CHARS,
    GramIndex,
    PinyinIndex,
    Progress,
    Record,
    TextIndex,
    records,
)
from briefing.search.match import (
    ALIAS_QUALITY,
    MAX_SPANS,
    FieldMatch,
    alias_match,
    merge,
    pinyin_match,
    typo_match,
)
from briefing.search.query import (  # noqa: F401  (re-exported for callers of the engine)
    LATIN_RE,
    TERM_RE,
    Term,
    fold_term,
    is_latin,
    is_word_char,
    needs_pinyin,
    normalize,
    segmentations,
    split_terms,
    terms_of,
)
from briefing.search.source import IndexSource, block_pieces, pieces
from briefing.search.store import Store, StoreError
from briefing.search.words import at_word_end, at_word_start

__all__ = ["Hit", "SearchEngine", "Span"]

#: Older names for the record type, kept for callers of the first interface.
Document = Record
documents = records

MIN_SCORE = 20.0
#: Records a query's scans gather at least, whatever the limit: the first hits are the same
#: whether three or twenty are asked for.
MIN_WANT = 30
_CLOSE = ("）", ")")  # a heading ending with one may have a qualifier (see fields.core_length)


class SearchEngine(IndexSource):
    """Finds hits for a query; build once per pack, then call :meth:`search` per keystroke.

    Construction is cheap: the text index is built on the first search, and the pinyin index
    (cached by content hash, see :mod:`briefing.search.index`) on the first query with Latin
    letters, or by :meth:`prepare`. A large pack is searched from its store instead (see
    :mod:`briefing.search.source`); ``store`` opens the engine on one without a pack, and
    ``pack_loader`` gives the pack should that store turn out unreadable.
    """

    def __init__(self, pack: Pack | None, *, progress: Progress | None = None,
                 cache_dir: Path | None = None, store: Store | None = None,
                 pack_loader: Callable[[], Pack] | None = None) -> None:
        super().__init__(pack, progress=progress, cache_dir=cache_dir, store=store,
                         pack_loader=pack_loader)
        self._aliases: dict[str, tuple[str, ...]] | None = None

    def needs_index(self, query: str) -> bool:
        """Whether answering ``query`` loads the stored index (pinyin, or n-grams of a big pack)."""
        return needs_pinyin(query) or self.text_index.chars >= GRAM_MIN_CHARS

    def prepare(self, progress: Progress | None = None) -> str:
        """Load (or build and cache) the pinyin index now; returns where it came from."""
        self.pinyin_index(progress)
        return self.index_source or ""

    # -- searching ---------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, section: str | None = None) -> list[Hit]:
        """The best hits for ``query``, best first; never raises for any query string."""
        if not isinstance(query, str) or limit <= 0:
            return []
        try:
            return self._answer(query, limit, section)
        except StoreError:
            # a store that cannot be read is deleted and the index rebuilt from the pack
            if not self.drop_store():
                return []
            return self._answer(query, limit, section)

    def _answer(self, query: str, limit: int, section: str | None) -> list[Hit]:
        normalized = normalize(query)
        if self._has_unknown_han(normalized):
            normalized = fold_query(normalized, force=True)
        words = split_terms(normalized)
        hits = self._search(self._terms(words), limit, section)
        if len(words) > 1 and all(is_latin(w) for w in words):
            # "yan fa" may be one word typed in syllables: try it joined, keep the better
            joined = "".join(han_terms(normalized))
            if len(joined) <= 40:
                best = {h.id: h for h in hits}
                # as syllables only: its typo alternatives would cost a pass over the whole
                # vocabulary (the slowest keystrokes of a large library) for words nobody typed
                for hit in self._search(self._terms([joined], typos=False), limit, section):
                    if hit.id not in best or hit.score > best[hit.id].score:
                        best[hit.id] = hit
                hits = sorted(best.values(), key=lambda h: -h.score)[:limit]
        return hits

    @property
    def aliases(self) -> dict[str, tuple[str, ...]]:
        """Folded name -> the other folded names of its group in the pack's glossary."""
        if self._aliases is None:
            table: dict[str, dict[str, None]] = {}
            for group in self.glossary:
                names = [n for n in dict.fromkeys(fold_term(g) for g in group) if n]
                for name in names:
                    table.setdefault(name, {}).update(
                        (other, None) for other in names if other != name)
            self._aliases = {name: tuple(others) for name, others in table.items()}
        return self._aliases

    def _terms(self, words: list[str], typos: bool = True) -> list[Term]:
        terms = [Term(w, typos) for w in words]
        if self.aliases:
            for term in terms:
                term.aliases = self.aliases.get(term.text, ())
        return terms

    def _has_unknown_han(self, query: str) -> bool:
        """Whether the query has a Chinese character the pack never uses (worth folding)."""
        han = set(han_only(query))
        if not han:
            return False
        text = self.text_index
        if text.chars < GRAM_MIN_CHARS:
            return any(c not in text.low for c in han)
        grams = self.pinyin_index().low_grams
        return grams is not None and any(c not in grams.grams for c in han)

    def _search(self, terms: list[Term], limit: int, section: str | None) -> list[Hit]:
        if not terms:
            return []
        text = self.text_index
        py = None
        if any(t.latin for t in terms) or text.chars >= GRAM_MIN_CHARS:
            py = self.pinyin_index()
            text = self.text_index  # a large pack's: now read from the store just built
            for t in terms:
                t.prepare(py, self._prefixes)
        want = max(limit + 10, MIN_WANT)
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
              found: dict[int, None], fmap=None, grams: GramIndex | None = None,
              words: bool = False) -> int:
        """Add up to ``want`` new records whose fields contain ``needle`` (at a word start,
        with ``words``: see :mod:`briefing.search.field_scan`), in rank order."""
        text = self.text_index
        rec_of, sec_of = text.field_record, text.record_section
        # a large pack's kept field lists (not a word-start scan's)
        lists = self._field_lists if grams is not None and not words else None
        known = lists.narrowest(big, needle) if lists is not None else None
        end = len(starts) - 1  # fields
        if known is None:
            scanned = pieces(big, [(0, len(big))]) if grams is None else block_pieces(
                big, grams.bounds, grams.candidate_blocks(needle))
            fields = word_fields_found(starts, needle, scanned) if words else \
                fields_found(starts, needle, scanned)
        else:  # those listed, then a scan of the fields after them
            listed, upto = known
            fields = fields_among(big, starts, needle, listed)
            if upto < end:
                at = starts[upto]
                blocks = blocks_from(grams.bounds, grams.candidate_blocks(needle), at)
                fields = chain(fields, fields_found(starts, needle, pieces_from(
                    block_pieces(big, grams.bounds, blocks), at)))
        holding = array("i")
        new = 0
        for i in fields:
            holding.append(i)
            r = rec_of[fmap[i] if fmap is not None else i]
            if section is not None and sec_of[r] != section:
                continue
            if r not in found:
                found[r] = None
                new += 1
                if new >= want:
                    end = i + 1  # the scan stops here
                    break
        if lists is not None:
            lists.keep(big, needle, holding, end)
        return new

    def _candidates(self, term: Term, text: TextIndex, py: PinyinIndex | None, want: int,
                    section: str | None, found: dict[int, None]) -> None:
        low_grams = py.low_grams if py is not None else None
        got = self._scan(text.low, text.starts, term.text, want, section, found, None,
                         low_grams, term.words)
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
                for word, _ in term.alts:  # vocabulary words: matched at word starts
                    self._scan(text.low, text.starts, word, want, section, found, None,
                               low_grams, True)
        for alias in term.aliases:
            got += self._scan(text.low, text.starts, alias, want, section, found, None,
                              low_grams, is_word_char(alias[0]))
        if term.bigrams and got < want:
            for pair in term.bigrams:
                self._scan(text.low, text.starts, pair, want, section, found, None, low_grams)

    def _score(self, r: int, terms: list[Term], text: TextIndex,
               py: PinyinIndex | None) -> tuple[float, int, int, list[FieldMatch]] | None:
        best: list[FieldMatch] = []
        total = 0.0
        fields = [(f, text.low_of(f)) for f in text.record_fields[r]]  # read once, not per term
        kids = text.record_children[r]
        for term in terms:
            top: FieldMatch | None = None
            for f, low in fields:
                m = self._match(term, f, low, text, py)
                if m is not None and (top is None or m.score > top.score):
                    top = m
            if top is not None:
                best.append(top)
                total += top.score
                if kids and top.score >= HUB_MIN and text.field_heading[top.field]:
                    total += headline_bonus(term, kids, text, py, self._match)
        if not best:
            return None
        score = total / len(terms)
        if score < MIN_SCORE:
            return None
        return round(score, 1), min(m.field for m in best), r, best

    def _match(self, term: Term, f: int, low: str, text: TextIndex,
               py: PinyinIndex | None, near: bool = True) -> FieldMatch | None:
        """The best way ``term`` matches field ``f`` (folded: ``low``): its score and spans."""
        t = term.text
        quality, spans = 0.0, []
        # 1. the term itself; a Latin one as a whole word or a word's start, never inside one
        # ("sic" is not in "physicist")
        words, word_last = term.words, term.word_end
        p = low.find(t)
        while p >= 0 and len(spans) < MAX_SPANS:
            if words and not at_word_start(low, p):
                p = low.find(t, p + 1)
                continue
            e = p + len(t)
            quality = max(quality, 100.0 if not word_last or at_word_end(low, e) else 94.0)
            spans.append((p, e))
            p = low.find(t, e)
        if quality < 100.0 and py is not None and term.latin:
            i = py.local[f]
            if i >= 0:
                quality, spans = pinyin_match(term, py, i, quality, spans)
            if near and term.alts and quality < 90.0:
                quality, spans = typo_match(term, low, quality, spans)
        if term.aliases and quality < ALIAS_QUALITY:
            quality, spans = alias_match(term, low, quality, spans)
        if near and term.bigrams and quality < 60.0:
            res = fuzz.partial_ratio_alignment(t, low, score_cutoff=64.0)
            if res is not None and res.score * 0.85 > quality:
                quality, spans = res.score * 0.85, [(res.dest_start, res.dest_end)]
        if quality <= 0.0 or not spans:
            return None
        matched = max(e - s for s, e in spans)
        length = len(low)
        if low.endswith(_CLOSE) and text.field_heading[f]:
            core = core_length(low)  # a match in a heading's qualifier is not in its core
            if min(s for s, _ in spans) < core:
                length = core
        focus = min(12.0, 2.5 * math.log2(max(1.0, length / max(1, matched))))
        return FieldMatch(quality * text.field_weight[f] - focus, f, spans)

    def _hit(self, r: int, matches: list[FieldMatch], text: TextIndex, score: float) -> Hit:
        rec = text.records[r]
        top = max(matches, key=lambda m: (m.score, -m.field))
        per_field: dict[int, set[Span]] = {}
        for m in matches:
            per_field.setdefault(m.field, set()).update(m.spans)
        merged = {f: merge(spans, len(text.field_text[f])) for f, spans in per_field.items()}
        order = sorted(merged, key=lambda f: (f != top.field, f))
        flat = tuple((text.field_name[f], s, e) for f in order for s, e in merged[f])
        return Hit(rec.id, rec.kind, rec.section, rec.title, rec.zh, rec.en,
                   max(0.0, min(100.0, score)),
                   text.field_name[top.field], tuple(merged[top.field]), flat,
                   tuple((text.field_name[f], text.field_text[f]) for f in order),
                   figure_value_of(rec.title, rec.zh, rec.en) if rec.kind == "figure" else None)
