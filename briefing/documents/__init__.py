"""One reader for the documents a pack is made from: PDF, Word, web pages, and text in any
encoding Chinese offices use, each to the UTF-8 text every quote is verbatim in.

Importing this package loads nothing: :func:`read_document` and its types load when first
used, and a format's library (pypdfium2, lxml, python-docx, charset-normalizer) when a
document of that format is read. The pack takes its size bounds from
:mod:`briefing.documents.limits` without loading the reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.documents.extracted import ACCEPTED, DocumentError, ExtractedDocument
    from briefing.documents.reader import read_document

__all__ = ["ACCEPTED", "DocumentError", "ExtractedDocument", "read_document"]
_WHERE = {"ACCEPTED": "extracted", "DocumentError": "extracted",
          "ExtractedDocument": "extracted", "read_document": "reader"}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
