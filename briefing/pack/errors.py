"""Validation problems and limits, apart from the loader so using them never imports YAML."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.documents.limits import MAX_TEXT_BYTES
from briefing.model.base import Frozen

#: Pack files and documents' texts larger than this are refused (a curated pack is
#: kilobytes); a document received as a PDF or Word file may be larger (limits.py).
MAX_FILE_BYTES = MAX_TEXT_BYTES


@dataclass(frozen=True, slots=True, repr=False, eq=False)  # repr, ==, hash: Frozen's
class PackError(Frozen):
    """One problem, located: ``file:line: message``."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class PackInvalid(Exception):
    """The pack has problems; ``errors`` lists all of them."""

    def __init__(self, errors: list[PackError]) -> None:
        super().__init__(f"{len(errors)} problem(s) in content pack")
        self.errors = errors
