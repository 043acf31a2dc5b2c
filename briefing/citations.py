"""Numbering cited sources: each source gets one number, in the order it is first cited."""

from __future__ import annotations

from briefing.model import Source


class Citations:
    """Shared by the Markdown export (footnotes) and ``briefing show`` (bracketed numbers)."""

    def __init__(self) -> None:
        self._numbers: dict[Source, int] = {}

    def number(self, source: Source) -> int:
        """The source's number, giving it the next one if it was not cited before."""
        return self._numbers.setdefault(source, len(self._numbers) + 1)

    @property
    def sources(self) -> list[Source]:
        """Every cited source, in number order."""
        return list(self._numbers)
