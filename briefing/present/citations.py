"""Numbering cited sources: each quote gets one number, each document one entry, both in the
order they are first cited."""

from __future__ import annotations

from briefing.model import Source


class Citations:
    """Shared by the Markdown export (footnotes and its Sources list) and ``briefing show``
    (bracketed numbers).

    A quote cited twice keeps its first number; a document cited by many quotes is listed once.
    """

    def __init__(self) -> None:
        self._numbers: dict[Source, int] = {}
        self._documents: dict[str, int] = {}

    def number(self, source: Source) -> int:
        """The source's number, giving it the next one if it was not cited before."""
        self._documents.setdefault(source.doc, len(self._documents) + 1)
        return self._numbers.setdefault(source, len(self._numbers) + 1)

    def document_number(self, doc_id: str) -> int:
        """The cited document's entry number (1 for the first document cited)."""
        return self._documents[doc_id]

    @property
    def sources(self) -> list[Source]:
        """Every cited source, in number order."""
        return list(self._numbers)

    @property
    def documents(self) -> list[str]:
        """The ids of every cited document, in entry order."""
        return list(self._documents)
