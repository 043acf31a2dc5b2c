"""A source document's text, read with a bound: a document is at most ``MAX_FILE_BYTES``
(5 MB), so ``stub /dev/zero`` stops at once instead of filling memory."""

from __future__ import annotations

from pathlib import Path

from briefing.pack.errors import MAX_FILE_BYTES


class SourceError(Exception):
    """Why a document cannot be read; one line for the user."""


def read_source(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of ``path``, refused when it is over ``limit`` bytes."""
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise SourceError(f"{path} is over {limit:,} bytes, the limit for a document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path} is not UTF-8 (offset {exc.start}); convert it first, e.g. "
                          "iconv -f GB18030 -t UTF-8") from None
