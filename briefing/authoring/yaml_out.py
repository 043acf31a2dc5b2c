"""YAML for drafts, written directly: PyYAML's representer spends ~0.4 ms a figure in Python,
so ``stub`` on a large document spent most of its time there.

Drafts are lists of mappings whose values are text, numbers, flat mappings (written in flow
style, as the pack's own files are: ``label: {zh: "…", en: "…"}``) or lists of such mappings.
Every string is double-quoted (JSON's escapes are YAML's), with line separators, C1 controls,
bidi and zero-width characters escaped too, so the text reads back exactly and is inert on a
terminal.
"""

from __future__ import annotations

import json
import re

from briefing.text.sanitize import escape_yaml

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def scalar(value: object) -> str:
    """One value as a YAML flow scalar."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or abs(value) == float("inf"):
            return "null"
        mantissa, e, exponent = repr(value).partition("e")
        if e and "." not in mantissa:  # YAML 1.1 floats need a point: "1.0e+18", not "1e+18"
            mantissa += ".0"
        return mantissa + e + exponent
    # JSON's escapes are YAML's; what the sanitiser removes is escaped (\\U for astral)
    return escape_yaml(json.dumps(str(value), ensure_ascii=False))


def _key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) else scalar(key)


def flow(value: object) -> str:
    """A value on one line: a mapping or list in flow style, anything else a scalar."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def _mapping(data: dict, indent: str, first: str) -> list[str]:
    lines = []
    for index, (key, value) in enumerate(data.items()):
        lead = first if index == 0 else indent
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            lines.append(f"{lead}{_key(key)}:")
            lines.extend(_sequence(value, indent))
        else:
            lines.append(f"{lead}{_key(key)}: {flow(value)}")
    return lines


def _sequence(items: list[dict], indent: str) -> list[str]:
    lines = []
    for item in items:
        lines.extend(_mapping(item, indent + "  ", indent + "- "))
    return lines


def dump(data: dict | list) -> str:
    """``data`` (a mapping, or a list of mappings) as a YAML document."""
    if isinstance(data, dict):
        lines = _mapping(data, "", "")
    else:
        lines = _sequence(data, "") if data else ["[]"]
    return "\n".join(lines) + "\n"
