"""Make pack text inert before it reaches any output: terminal, JSON, CSV, Markdown, the app.

Pack text is data. Rich markup is never interpreted (views build ``rich.text.Text`` objects);
this module removes what would still act on a terminal, a spreadsheet or a reader's eyes.
One rule, decided by Unicode's general categories rather than a hand-kept list, so a
character we never heard of is judged like its kind:

- **removed**: controls (Cc: ESC sequences, OSC 8 and OSC 52, C1 such as the 8-bit CSI
  0x9b, DEL) except tab and newline; format characters (Cf: bidi embeddings, overrides,
  isolates and marks, zero-width space and joiners, word joiner, soft hyphen, the tag
  characters U+E0000 block, interlinear annotations U+FFF9-FFFB, U+206A-206F ...); line and
  paragraph separators (Zl, Zp: U+2028/2029 break lines where nothing expects it);
  private-use (Co) and surrogate (Cs) code points; unassigned ones (Cn, noncharacters such
  as U+FFFF included).
- **kept, on purpose**: the zero-width joiner *inside an emoji sequence* (a symbol before it,
  a symbol after it: 👩‍💻 stays one picture; anywhere else it only hides a difference),
  variation selectors (Mn: CJK ideographic variation sequences such as 葛󠄀 choose a
  glyph a Chinese document may need), and code points unassigned in this Python's Unicode
  tables but lying in the planes Unicode reserves for CJK ideographs (U+20000-3FFFF):
  Python 3.11 knows Unicode 14, and CJK Extension H/I (Unicode 15, 15.1) are Chinese text.

:func:`clean` removes them, :func:`one_line` also folds whitespace, :func:`escape_json` writes
them as ``\\uXXXX`` escapes (JSON keeps text exactly yet stays inert on a terminal) and
:func:`spreadsheet_cell` makes a CSV cell unable to start a formula.
"""

from __future__ import annotations

import re
import unicodedata

#: The general categories that are never shown (see the module docstring).
UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Zl", "Zp", "Cn"})
ZWJ = "\u200d"
_CJK_PLANES = range(0x20000, 0x40000)  # SIP and TIP: reserved for CJK ideographs
_EMOJI_BEFORE_ZWJ = frozenset({"So", "Sk"})  # a pictograph, or a skin-tone modifier

#: Characters certainly safe, all in one class so the common text (ASCII, Latin, CJK and its
#: punctuation, full-width forms) passes at the speed of one regular expression. Only what
#: falls outside is judged by category; a test checks every character here against
#: :func:`unsafe`, on whichever Unicode this Python has.
_PLAIN = ("\t\n\x20-\x7e\u00a0-\u00ac\u00ae-\u0377\u2010-\u2027\u2030-\u205e"
          "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uffbe")
_SUSPECT = re.compile(f"[^{_PLAIN}]")


def unsafe(text: str, index: int) -> bool:
    """Whether the character at ``text[index]`` is removed (it may depend on its neighbours:
    the zero-width joiner)."""
    char = text[index]
    category = unicodedata.category(char)
    if category not in UNSAFE_CATEGORIES:
        return False
    if char == "\t" or char == "\n":
        return False
    if category == "Cn" and ord(char) in _CJK_PLANES:
        return False
    if char == ZWJ:
        return not _in_emoji(text, index)
    return True


def _in_emoji(text: str, index: int) -> bool:
    """A joiner between two pictographs (a variation selector may follow the first)."""
    before = index - 1
    if before >= 0 and text[before] == "\ufe0f":
        before -= 1
    if before < 0 or index + 1 >= len(text):
        return False
    return (unicodedata.category(text[before]) in _EMOJI_BEFORE_ZWJ
            and unicodedata.category(text[index + 1]) == "So")


def _drop(match: re.Match[str]) -> str:
    return "" if unsafe(match.string, match.start()) else match.group()


def clean(text: str) -> str:
    """``text`` without the characters :func:`unsafe` names."""
    if _SUSPECT.search(text) is None:
        return text
    return _SUSPECT.sub(_drop, text)


def one_line(text: str) -> str:
    """Cleaned text folded onto one line (for table cells and titles)."""
    return " ".join(clean(text).split())


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000  # a JSON escape names UTF-16 units: a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _yaml_escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _escaped(text: str, escape) -> str:
    if _SUSPECT.search(text) is None:
        return text
    return _SUSPECT.sub(lambda m: escape(m.group()) if unsafe(m.string, m.start())
                        else m.group(), text)


def escape_json(text: str) -> str:
    """JSON text with every unsafe character written as an escape: the data is unchanged
    for a JSON reader, and nothing in it acts on a terminal."""
    return _escaped(text, _json_escape)


def escape_yaml(text: str) -> str:
    """The same for YAML whose strings holding such characters are double-quoted."""
    return _escaped(text, _yaml_escape)


#: A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
#: injection"); tab and carriage return are on OWASP's list too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def spreadsheet_cell(text: str) -> str:
    """A CSV cell: cleaned, and a leading ``'`` before what a spreadsheet would run as a
    formula (OWASP's advice; the quote shows as nothing in Excel, LibreOffice and Google
    Sheets). A plain number such as ``-3.5`` is left alone: it is a value, not a formula."""
    text = clean(text)
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text
