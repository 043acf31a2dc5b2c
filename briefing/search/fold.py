"""Folding what readers type and what packs say to one form before they are compared.

* **Traditional characters** fold to simplified with OpenCC (the ``opencc`` package: the
  project's own Python bindings, maintained with its dictionaries, shipped as wheels). Pack text
  is folded character for character (``t2s``; a field whose conversion would change its length
  is converted one character at a time), so every offset in the folded text is the offset of
  the same character in the original: matches are shown on the pack's own characters. Queries
  are folded with ``tw2sp``, which also maps Taiwan usage (碳化矽 -> 碳化硅).
  OpenCC loads only when some Han character is outside GB2312 (the simplified character set)
  or, for a query, is a character the pack never uses, so simplified packs and queries
  never pay for it.
* **Latin letters with diacritics** fold to their base letter (``yuànshì`` -> ``yuanshi``), one
  character for one; for pinyin, ü (with or without a tone mark) is also read as ``v``, the
  way pypinyin and input methods write it (``lü`` -> ``lv``).
"""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
from functools import cache
from itertools import groupby

from briefing.text.lazy_pattern import LazyPattern

#: Han characters (CJK unified ideographs, extension A and beyond, compatibility ideographs).
HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


def is_han(c: str) -> bool:
    """Whether the character ``c`` is in :data:`HAN_CLASS`.

    Patterns with the class are compiled only when used (see
    :mod:`briefing.text.lazy_pattern`): ``re`` sets its ~28,000 characters one by one, about
    1.5 ms a pattern, more than a command-line search spends on its query. A query's few
    characters are classified here instead.
    """
    return ("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\uf900" <= c <= "\ufaff"
            or "\U00020000" <= c <= "\U0003134f")


def han_only(text: str) -> str:
    """``text``'s Han characters, in order: ``NOT_HAN.sub("", text)``."""
    return "".join(filter(is_han, text))


def is_han_run(text: str) -> bool:
    """Whether ``text`` is one or more Han characters: ``HAN_RUN.fullmatch(text) is not None``."""
    return bool(text) and all(map(is_han, text))


def han_terms(text: str) -> list[str]:
    """Runs of Han characters and runs of anything else between spaces, in order:
    ``re.findall(f"[{HAN_CLASS}]+|[^\\s{HAN_CLASS}]+", text)`` (``str.split`` and the regex
    ``\\s`` split at the same characters, Unicode's whitespace)."""
    out: list[str] = []
    for han, run in groupby(text, is_han):
        if han:
            out.append("".join(run))
        else:
            out += "".join(run).split()
    return out


#: The patterns :func:`han_only` (NOT_HAN.sub) and :func:`han_terms` (TERM_RE.findall) answer
#: as; a search calls the functions, so neither is compiled unless used otherwise.
NOT_HAN = LazyPattern(f"[^{HAN_CLASS}]+")
TERM_RE = LazyPattern(f"[{HAN_CLASS}]+|[^\\s{HAN_CLASS}]+")
HAN = LazyPattern(f"[{HAN_CLASS}]")
NON_ASCII_LATIN = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
U_UMLAUTS = "üǖǘǚǜ"
_lock = threading.Lock()


class _Marks(dict):
    """A ``str.translate`` table: Latin letter with diacritics -> its base letter (one character
    for one), every other character -> itself.

    Each character is looked up when a text first has it: the whole table (656 letters, each
    decomposed) cost a search that meets one or two of them about a millisecond.
    """

    def __missing__(self, code: int) -> int | str:
        value: int | str = code
        if 0xC0 <= code < 0x250 or 0x1E00 <= code < 0x1F00:
            base = unicodedata.normalize("NFD", chr(code))[0]
            if base != chr(code) and base.isascii() and base.isalpha():
                value = base
        self[code] = value
        return value


@cache
def _marks_table() -> dict[int, int | str]:
    """The one :class:`_Marks` table."""
    return _Marks()


def strip_marks(text: str) -> str:
    """``text`` with Latin diacritics removed, every character kept at its offset."""
    if not NON_ASCII_LATIN.search(text):
        return text
    return text.translate(_marks_table())


def pinyin_form(term: str) -> str:
    """A lower-case term as pinyin: ü (any tone) as ``v``, other marks dropped."""
    for u in U_UMLAUTS:
        term = term.replace(u, "v")
    return strip_marks(term)


def _skip_non_han(exc: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: drop characters GB2312 lacks unless one of them is Han."""
    if not isinstance(exc, UnicodeEncodeError) or any(
            map(is_han, exc.object[exc.start: exc.end])):
        raise exc
    return "", exc.end


_SKIP_NON_HAN = "briefing-skip-non-han"
codecs.register_error(_SKIP_NON_HAN, _skip_non_han)


def is_simplified(text: str) -> bool:
    """Whether every Han character of ``text`` is in GB2312 (so folding cannot change it).

    The whole text goes to the C encoder, which calls back only for the few characters GB2312
    lacks (stripping every non-Han character first took a regex pass over the text: 4x slower
    on a large library).
    """
    try:
        text.encode("gb2312", _SKIP_NON_HAN)
    except UnicodeEncodeError:
        return False
    return True


@cache
def _converter(config: str):
    """An OpenCC converter, or None if OpenCC is unavailable (then text is left as it is)."""
    with _lock:
        try:
            import opencc
        except ImportError:  # pragma: no cover - a dependency; degrade rather than fail
            return None
        try:
            return opencc.OpenCC(config)
        except Exception:  # pragma: no cover - broken data files: fold nothing
            return None


def simplified(text: str, config: str = "t2s", force: bool = False) -> str:
    """``text`` with traditional characters converted (may change its length)."""
    if not force and is_simplified(text):
        return text
    converter = _converter(config)
    return text if converter is None else converter.convert(text)


def fold_field(text: str) -> str:
    """A field's lower-cased text folded, each character kept at its offset."""
    text = strip_marks(text)
    if is_simplified(text):
        return text
    out = simplified(text)
    if len(out) != len(text):
        out = "".join(c if len(s := simplified(c)) != 1 else s for c in text)
    return out


def fold_fields(texts: list[str]) -> list[str]:
    """:func:`fold_field` of each text, checking the whole lot for traditional characters once."""
    joined = "".join(texts)
    if is_simplified(joined):
        if not NON_ASCII_LATIN.search(joined):
            return texts
        # one pass over the whole lot (marks map one character to one), then cut it up
        folded, out, pos = strip_marks(joined), [], 0
        for t in texts:
            out.append(folded[pos: pos + len(t)])
            pos += len(t)
        return out
    return [fold_field(t) for t in texts]


def fold_joined(big: str) -> str | None:
    """:func:`fold_fields` of fields joined by a separator, done on the joined string; None when
    some Han character is traditional (then the caller folds field by field).

    Only the spans with Latin letters from the diacritics ranges are translated (a translate
    with a dict costs a lookup per character, and few fields have such letters).
    """
    if not is_simplified(big):
        return None
    parts, pos = [], 0
    table = _marks_table()
    for m in NON_ASCII_LATIN.finditer(big):  # one character at a time: a faster scan than runs
        parts += [big[pos: m.start()], m.group().translate(table)]
        pos = m.end()
    if not parts:
        return big
    parts.append(big[pos:])
    return "".join(parts)


def fold_query(query: str, force: bool = False) -> str:
    """A normalised query with traditional characters folded (tw2sp: Taiwan usage too).

    A few traditional or Taiwan-usage characters are also in GB2312 (矽 in 碳化矽); the engine
    passes ``force`` when the query has a character the pack never uses.
    """
    return simplified(query, "tw2sp", force)
