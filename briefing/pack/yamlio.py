"""YAML reading that remembers line numbers, refuses aliases, and reports bad bytes by offset.

``yaml.SafeLoader`` is the base (no arbitrary tags, no object construction); this subclass only
records where each mapping and key came from so every validation message can say ``file:line``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: Pack files larger than this are refused before parsing (a curated pack is kilobytes).
MAX_FILE_BYTES = 5 * 1024 * 1024


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


class _LineLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YamlProblem(
                "YAML aliases (*name) are not allowed in a content pack",
                event.start_mark.line + 1,
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        plain = super().construct_mapping(node, deep=True)
        result = LineDict(plain)
        result.line = node.start_mark.line + 1
        result.key_lines = {
            str(key_node.value): key_node.start_mark.line + 1 for key_node, _ in node.value
        }
        return result

    def construct_sequence(self, node, deep=False):  # type: ignore[override]
        result = LineList(super().construct_sequence(node, deep=True))
        result.line = node.start_mark.line + 1
        return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


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
        data = path.read_bytes()
    except OSError as exc:
        raise YamlProblem(f"cannot read: {exc.strerror or exc}") from None
    text = decode_text(data)
    try:
        return yaml.load(text, Loader=_LineLoader)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(f"YAML syntax error: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {exc}") from None
    except RecursionError:
        raise YamlProblem("YAML nesting is too deep") from None
