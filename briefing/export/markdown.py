"""GitHub-flavoured Markdown building blocks that keep pack text inert, and escape no more.

Only what would change how GFM (cmark-gfm, as GitHub renders it) shows the text is escaped, so
"R&D" stays "R&D" and the raw file pastes cleanly into a word processor:

- everywhere: ``\\`` `````` ``*`` ``_`` ``[`` ``~`` ``|`` ``$`` (emphasis, code, links and
  footnote references, strikethrough, table cells, GitHub's math);
- ``<`` only where it could open raw HTML or an autolink (``<b``, ``</``, ``<!``, ``<?``);
- ``&`` only where it would start an entity (``&amp;``, ``&#42;``);
- ``://`` and ``www.``, which GFM's autolink extension would turn into links;
- at the start of a line, only where they would act: ``# ``, ``>``, ``- ``, ``+ ``, ``---``,
  ``===`` and ``1. ``/``1) `` (headings, quotes, lists, rules, setext underlines; "-5%" or
  "#5" stay as they are); leading and trailing spaces are dropped (they would make code
  blocks and hard line breaks).

E-mail addresses are the one thing escaping cannot stop: GFM links them after parsing, whatever
is escaped. Their visible text is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefing.text.sanitize import clean

_ALWAYS = re.compile(r"([\\`*_\[~|$])")
_HTML_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_AUTOLINK = re.compile(r"(?<=[A-Za-z])(:)(?=//)|(?i:(?<=www)(\.))")
_LINE_START = re.compile(
    r"^(?:>|#{1,6}(?=\s|$)|[-+](?=\s|$)|-(?=[\s-]*$)|=(?==*\s*$))", re.MULTILINE)
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)", re.MULTILINE)
_CLOSING_HASHES = re.compile(r"(\s)(#+)$")
#: Whitespace a one-line cell folds, which is all of it but the no-break spaces.
_BREAKABLE = re.compile(r"[^\S\u00a0\u202f]+")

Align = str  # "left" | "right"


def _escape_inline(text: str) -> str:
    text = _ALWAYS.sub(r"\\\1", text)
    text = _HTML_OPEN.sub(r"\\<", text)
    text = _ENTITY.sub(r"\\&", text)
    return _AUTOLINK.sub(lambda m: "\\" + (m.group(1) or m.group(2)), text)


def escape(text: str) -> str:
    """Pack text as inert Markdown; paragraph breaks (blank lines) are kept."""
    lines = [line.strip() for line in clean(text).splitlines()]
    text = _escape_inline("\n".join(lines))
    text = _ORDERED.sub(r"\1\\\2", text)
    return _LINE_START.sub(lambda m: "\\" + m.group(), text)


def inline(text: str) -> str:
    """Pack text folded onto one line, inert (for headings, list entries and footnotes); its
    no-break spaces stay (:mod:`briefing.text.nobreak`)."""
    folded = " ".join(_BREAKABLE.split(clean(text).strip()))
    return _CLOSING_HASHES.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)),
                               escape(folded))


def cell(text: str) -> str:
    """Text for a table cell: one line, inert, its pipes escaped."""
    return inline(text)


def heading(level: int, text: str) -> str:
    """An ATX heading; levels past 6 stay at 6."""
    return f"{'#' * min(max(level, 1), 6)} {text}"


def table(headers: Sequence[str], aligns: Sequence[Align],
          rows: Sequence[Sequence[str]]) -> list[str]:
    """A GFM table from cells that are already Markdown; every row has every column."""
    width = len(headers)
    rule = {"right": "---:", "left": "---", "center": ":---:"}
    lines = [_row(headers), _row([rule[a] for a in aligns])]
    for row in rows:
        if len(row) != width:
            raise ValueError(f"table row has {len(row)} cells, header has {width}")
        lines.append(_row(row))
    return lines


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(c if c else " " for c in cells) + " |"
