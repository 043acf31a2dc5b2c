"""Numbering cited sources: each quote gets one number, each document one entry, both in the
order they are first cited; where a document has pages (a PDF), the page a quote is on."""

from __future__ import annotations

from briefing.model import Document, Lang, Source


def page_label(page: int, lang: Lang) -> str:
    """Where in the original a quote is: "p. 3" / "第3页"."""
    return f"第{page}页" if lang == "zh" else f"p. {page}"


class Citations:
    """Shared by the Markdown export (footnotes and its Sources list) and ``briefing show``
    (bracketed numbers).

    A quote cited twice keeps its first number; a document cited by many quotes is listed once.
    """

    def __init__(self) -> None:
        self._numbers: dict[Source, int] = {}
        self._documents: dict[str, int] = {}
        self._texts: dict[str, str] = {}  # each paged document's text, read once

    def page(self, document: Document, quote: str) -> int | None:
        """The page of the original the quote starts on; None for a document without pages."""
        if not document.pages:
            return None
        if document.id not in self._texts:
            self._texts[document.id] = document.read()
        return document.page_of_quote(quote, self._texts[document.id])

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
