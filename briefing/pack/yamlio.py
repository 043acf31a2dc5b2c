"""YAML reading that remembers line numbers, refuses aliases, and reports bad bytes by offset.

``yaml.SafeLoader`` is the base (no arbitrary tags, no object construction); the subclass only
records where each mapping and key came from so every validation message can say ``file:line``.
Where libyaml is available its parser (``CSafeLoader``) is used, about five times faster; a
streaming pass over its events first refuses aliases and deep nesting before anything is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from briefing.pack.errors import MAX_FILE_BYTES

#: Collections nested deeper than this are refused before they are built.
MAX_NESTING = 64
#: Wider integers cannot even be printed (Python refuses str() beyond 4,300 digits, and a
#: 0x... literal escapes that limit when it is read); narrower ones are the checker's to judge.
MAX_INT_BITS = 14_000


class YamlProblem(Exception):
    """A file that cannot be read as YAML; ``line`` is 1-based, or None when unknown."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class LineDict(dict):
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0


class _LineConstructor:
    """Mapping and sequence construction that keeps line numbers and refuses duplicate keys;
    a scalar PyYAML cannot build (an integer over Python's 4,300-digit limit, a date such as
    2024-02-30) is a located problem, not a ValueError."""

    def construct_object(self, node, deep=False):  # type: ignore[override]
        try:
            value = super().construct_object(node, deep=deep)  # type: ignore[misc]
        except (ValueError, OverflowError, TypeError) as exc:
            if isinstance(exc, YamlProblem | yaml.YAMLError):
                raise
            raise YamlProblem(f"YAML value {_shown(node)} cannot be read: "
                              f"{_first_sentence(exc)}", node.start_mark.line + 1) from None
        if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
            # 0x... integers escape Python's digit limit, and then break every str() of them
            raise YamlProblem(f"YAML value {_shown(node)} is too large to be a number",
                              node.start_mark.line + 1)
        return value

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        key_lines: dict[str, int] = {}
        for key_node, _ in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + 1
            if key in key_lines and key_node.tag != "tag:yaml.org,2002:merge":
                raise YamlProblem(f"duplicate key '{key}' (first at line {key_lines[key]})", line)
            key_lines.setdefault(key, line)
        plain = super().construct_mapping(node, deep=True)  # type: ignore[misc]
        result = LineDict(plain)
        result.line = node.start_mark.line + 1
        result.key_lines = key_lines
        return result

    def construct_sequence(self, node, deep=False):  # type: ignore[override]
        result = LineList(super().construct_sequence(node, deep=True))  # type: ignore[misc]
        result.line = node.start_mark.line + 1
        return result


def _shown(node) -> str:
    value = node.value if isinstance(node.value, str) else ""
    return f"'{value}'" if len(value) <= 40 else f"'{value[:20]}…' ({len(value):,} characters)"


def _first_sentence(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text.split(";")[0] or type(exc).__name__


class _LineLoader(_LineConstructor, yaml.SafeLoader):
    """Pure-Python fallback: aliases are refused as they are composed."""

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                "YAML aliases (*name) are not allowed in a content pack",
                event.start_mark.line + 1,
            )
        return super().compose_node(parent, index)


_LOADERS: list[type] = [_LineLoader]
_CSafeLoader = getattr(yaml, "CSafeLoader", None)
if _CSafeLoader is not None:

    class _CLineLoader(_LineConstructor, _CSafeLoader):  # type: ignore[misc, valid-type]
        """libyaml parser; :func:`_check_events` has already refused aliases."""

    _LOADERS.insert(0, _CLineLoader)

for _loader in _LOADERS:
    _loader.add_constructor("tag:yaml.org,2002:map", _LineConstructor.construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:seq", _LineConstructor.construct_sequence)


def _check_events(text: str, loader_class: type) -> None:
    """Stream the parser's events: refuse aliases and deep nesting before composing."""
    loader = loader_class(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem("YAML aliases (*name) are not allowed in a content pack",
                                  event.start_mark.line + 1)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    raise YamlProblem(f"YAML nesting is deeper than {MAX_NESTING} levels",
                                      event.start_mark.line + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        loader.dispose()


def decode_text(data: bytes) -> str:
    """UTF-8 text (a BOM is accepted and dropped); bad bytes are reported by offset."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlProblem(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_yaml(path: Path) -> Any:
    """Parse one pack file safely, raising :class:`YamlProblem` with a line where possible."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise YamlProblem(f"cannot read: {exc.strerror or exc}") from None
    if size > MAX_FILE_BYTES:
        raise YamlProblem(
            f"file is {size:,} bytes; pack files are limited to {MAX_FILE_BYTES:,} bytes"
        )
    try:
        with path.open("rb") as handle:  # bounded, in case the file grew since stat()
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise YamlProblem(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise YamlProblem(f"file is over {MAX_FILE_BYTES:,} bytes, the limit for pack files")
    text = decode_text(data)
    loader = _LOADERS[0]
    try:
        if loader is not _LineLoader:
            _check_events(text, loader)
        return yaml.load(text, Loader=loader)
    except YamlProblem:
        raise
    except yaml.reader.ReaderError as exc:
        if loader is _LineLoader:  # a character index; libyaml counts UTF-8 bytes
            line = text.count("\n", 0, exc.position) + 1
        else:
            line = text.encode("utf-8")[: exc.position].count(b"\n") + 1
        raise YamlProblem(f"character U+{exc.character:04X} is not allowed in YAML", line) from None
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or "invalid YAML"
        if problem.startswith("could not determine a constructor for the tag"):
            tag = problem.split("'")[1] if "'" in problem else "?"
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            raise YamlProblem(f"YAML tag '{tag}' is not allowed in a content pack", line) from None
        raise YamlProblem(f"YAML error: {problem}", line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(f"YAML syntax error: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise YamlProblem("YAML nesting is too deep") from None
