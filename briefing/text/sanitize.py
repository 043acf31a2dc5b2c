"""Make pack text inert before it reaches a terminal or a Markdown file.

Pack text is data. Rich markup is never interpreted (views build ``rich.text.Text`` objects);
this module removes what would still act on a terminal or mislead a reader: control
characters (ESC sequences, OSC 8 links, CSI clear-screen), bidi overrides and zero-width
characters.
"""

from __future__ import annotations

import re

UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f"  # C0 controls except tab and newline, and DEL
    "\x80-\x9f"  # C1 controls (include the 8-bit CSI and OSC)
    "\u00ad\u061c\u180e"  # soft hyphen, Arabic letter mark (bidi), Mongolian vowel separator
    "\u200b-\u200f"  # zero-width space/joiners, LRM/RLM
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064\u2066-\u2069"  # word joiner, invisible operators, bidi isolates
    "\ufeff"  # zero-width no-break space / stray BOM
    "]"
)


def clean(text: str) -> str:
    """``text`` without control, bidi-override and zero-width characters."""
    return UNSAFE.sub("", text)


def one_line(text: str) -> str:
    """Cleaned text folded onto one line (for table cells and titles)."""
    return " ".join(clean(text).split())
