"""Field readers for loosely-typed YAML data: each problem is recorded, never raised.

Every reader returns the value or None and appends a located :class:`PackError` when the data
is wrong, so one pass over a pack reports all of its problems at once.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from briefing.model import Text
from briefing.pack.errors import PackError
from briefing.pack.yamlio import LineDict

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_SURROGATE = re.compile("[\ud800-\udfff]")


class Checker:
    """Collects problems while walking loosely-typed YAML data into model objects."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.errors: list[PackError] = []
        self.file = ""

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(PackError(self.file, line, message))

    # -- field helpers -----------------------------------------------------------------------
    def fields(self, data: Any, allowed: set[str], what: str, line: int) -> LineDict | None:
        if not isinstance(data, dict):
            self.error(line, f"{what} must be a mapping, got {type_name(data)}")
            return None
        for key in data:
            if key not in allowed:
                tip = did_you_mean(str(key), sorted(allowed))
                self.error(line_of(data, key), f"unknown field '{key}' in {what}{tip}")
        return data

    def present(self, data: LineDict, key: str, what: str, required: bool = True) -> bool:
        """Whether ``data`` has a value for ``key``; a missing required one is reported."""
        if data.get(key) is not None:
            return True
        if required:
            self.error(data.line, f"{what} is missing required field '{key}'")
        return False

    def string(self, data: LineDict, key: str, what: str, required: bool = True) -> str | None:
        if not self.present(data, key, what, required):
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.error(line_of(data, key),
                       f"'{key}' of {what} must be text, got {type_name(value)}")
            return None
        text = str(value)
        if _SURROGATE.search(text):  # only a "\\ud800"-style escape can make one
            self.error(line_of(data, key), f"'{key}' of {what} holds an unpaired surrogate "
                                           "(\\uD800-\\uDFFF), which is not text")
            return None
        if not text.strip():
            self.error(line_of(data, key), f"'{key}' of {what} is empty")
            return None
        return text

    def ident(self, data: LineDict, what: str) -> str | None:
        value = self.string(data, "id", what)
        if value is not None and not ID_RE.match(value):
            self.error(line_of(data, "id"),
                       f"id '{value}' must be lowercase letters, digits and '-'")
            return None
        return value

    def text(self, data: LineDict, key: str, what: str, required: bool = True,
             english: bool = False) -> Text | None:
        """``{zh: …, en: …}``. English may be left out (or "") until it is translated, unless
        ``english`` says the model needs it (a scope's name)."""
        if not self.present(data, key, what, required):
            return None
        value = data[key]
        where = f"'{key}' of {what}"
        if not isinstance(value, dict):
            self.error(line_of(data, key), f"{where} must be a mapping with 'zh' and 'en' "
                                           f"({key}: {{zh: …, en: …}}), got {type_name(value)}")
            return None
        inner = self.fields(value, {"zh", "en"}, where, line_of(data, key))
        if inner is None:
            return None
        zh = self.string(inner, "zh", where)
        if not english and inner.get("en") in (None, ""):
            return Text(zh=zh) if zh else None  # not translated yet
        en = self.string(inner, "en", where)
        return Text(zh=zh, en=en) if zh and en else None

    def number(self, data: LineDict, key: str, what: str) -> float | None:
        if not self.present(data, key, what):
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(line_of(data, key),
                       f"'{key}' of {what} must be a number, got {type_name(value)}")
            return None
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an integer too large for a float
            finite = False
        if not finite:
            self.error(line_of(data, key), f"'{key}' of {what} must be finite")
            return None
        return float(value)

    def choice(self, data: LineDict, key: str, what: str, options: Iterable[str],
               required: bool = True) -> str | None:
        options = tuple(options)
        value = self.string(data, key, what, required)
        if value is not None and value not in options:
            tip = did_you_mean(value, options)
            self.error(line_of(data, key),
                       f"'{key}' of {what} must be one of {', '.join(options)}; got '{value}'{tip}")
            return None
        return value

    def items(self, data: LineDict, key: str, what: str, required: bool = True) -> list:
        if not self.present(data, key, what, required):
            return []
        value = data[key]
        if not isinstance(value, list):
            self.error(line_of(data, key),
                       f"'{key}' of {what} must be a list, got {type_name(value)}")
            return []
        return value


def valid_date(text: str, day: bool = True) -> bool:
    """YYYY, YYYY-MM or (when ``day``) YYYY-MM-DD, naming a real month and day."""
    import datetime

    found = DATE_RE.match(text)
    if not found or (found.group(3) and not day):
        return False
    year, month, dom = (int(g) if g else 1 for g in found.groups())
    try:
        datetime.date(year, month, dom)
    except ValueError:
        return False
    return True


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest option, or nothing when none is close."""
    hint = difflib.get_close_matches(word, list(options), n=1)
    return f" (did you mean '{hint[0]}'?)" if hint else ""


def line_of(data: Any, key: str) -> int:
    """The line of ``key`` in ``data``, or 0 when the data carries no lines."""
    return data.line_of(key) if isinstance(data, LineDict) else 0


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int | float):
        return "a number"
    return type(value).__name__


def inside(path: Path, base: Path) -> bool:
    return path == base or base in path.parents


def path_problem(exc: BaseException) -> str:
    """What is wrong with a path, in a few words: the OS's reason (name too long, not a
    directory, permission denied ...) or a symlink loop."""
    if isinstance(exc, OSError):
        return (exc.strerror or str(exc)).lower()
    return "a symlink loop" if "loop" in str(exc).lower() else str(exc)


def clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
