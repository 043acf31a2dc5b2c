"""YAML for drafted packs, written directly: the data is only mappings, lists, text and
numbers, and PyYAML's representer took half the time of a draft.

Written as the guide writes packs: short mappings (a title, a label, a source) on one line,
each paragraph of text on a line of its own in a literal block, text plain where YAML reads
it back as the same text and double-quoted (JSON's escapes, which YAML shares) where not.
:func:`dump` is checked against ``yaml.safe_load`` in the tests.
"""

from __future__ import annotations

import json
import re

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

_RESOLVER = Resolver()
_STR = "tag:yaml.org,2002:str"
#: Characters YAML may hold in a stream as they are (no line breaks of its own beyond \n).
_UNPRINTABLE = re.compile("[^\x09\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                          "\U00010000-\U0010ffff]")
_PLAIN_START = re.compile(r"[-?:,\[\]{}#&*!|>'\"%@`\s]")
_FLOW_CHARS = re.compile(r"[,\[\]{}?:#'\"]")


def _quoted(text: str) -> str:
    """A double-quoted scalar: JSON's escapes, and YAML's for what JSON leaves raw."""
    out = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: (f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000
                                       else f"\\U{ord(m.group()):08x}"), out)


def scalar(value: object, flow: bool = False) -> str:
    """One scalar as YAML reads it back: text, a number, true/false or null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if "." in text or "e" not in text else text.replace("e", ".0e", 1)
    text = str(value)
    plain = (text and text == text.strip() and not re.search("[\n\t]", text)
             and not _PLAIN_START.match(text)
             and ": " not in text and " #" not in text and not text.endswith(":")
             and not _UNPRINTABLE.search(text) and not (flow and _FLOW_CHARS.search(text))
             and _RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR)
    return text if plain else _quoted(text)


def _literal(text: str) -> bool:
    """Whether ``text`` can be a literal block (``|-``): lines of printable text, none
    starting with white space, no white space at its end."""
    return ("\n" in text and text == text.rstrip() and not _UNPRINTABLE.search(text)
            and "\r" not in text and all(not line[:1].isspace() for line in text.split("\n")))


def _flow_mapping(value: dict) -> str | None:
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool)
               for v in value.values()):
        return None
    if any(isinstance(v, str) and "\n" in v for v in value.values()):
        return None
    return "{" + ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in value.items()) + "}"


def _mapping(data: dict, indent: int, lines: list[str], first: str = "") -> None:
    """``data``'s keys at ``indent``; ``first`` is what the first line starts with ("- ")."""
    pad = " " * indent
    for n, (key, value) in enumerate(data.items()):
        lead = (first if n == 0 and first else pad) + f"{key}:"
        if isinstance(value, dict):
            flowed = _flow_mapping(value) if len(value) <= 4 else None
            if flowed is not None:
                lines.append(f"{lead} {flowed}")
            else:
                lines.append(lead)
                _mapping(value, indent + 2, lines)
        elif isinstance(value, list):
            if not value:
                lines.append(f"{lead} []")
                continue
            lines.append(lead)
            _sequence(value, indent, lines)
        elif isinstance(value, str) and _literal(value):
            lines.append(f"{lead} |-")
            lines.extend(f"{pad}  {line}" if line else "" for line in value.split("\n"))
        else:
            lines.append(f"{lead} {scalar(value)}")


def _sequence(items: list, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict) and item:
            _mapping(item, indent + 2, lines, first=f"{pad}- ")
        elif isinstance(item, list | dict):
            raise TypeError("nested lists and empty mappings are not drafted")
        else:
            lines.append(f"{pad}- {scalar(item)}")


def dump(data: dict | list) -> str:
    """``data`` as a YAML document (a mapping or a list at the top)."""
    lines: list[str] = []
    if isinstance(data, dict):
        _mapping(data, 0, lines)
    else:
        _sequence(data, 0, lines)
    return "\n".join(lines) + "\n"
