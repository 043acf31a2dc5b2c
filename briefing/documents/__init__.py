"""One reader for the documents a pack is made from: PDF, Word, web pages, and text in any
encoding Chinese offices use, each to the UTF-8 text every quote is verbatim in.

Only this module's light parts load with it; a format's library loads when a document of
that format is read.
"""

from briefing.documents.extracted import (
    ACCEPTED,
    MAX_ORIGINAL_BYTES,
    MAX_TEXT_BYTES,
    DocumentError,
    ExtractedDocument,
    page_at,
)
from briefing.documents.reader import read_document

__all__ = ["ACCEPTED", "MAX_ORIGINAL_BYTES", "MAX_TEXT_BYTES", "DocumentError",
           "ExtractedDocument", "page_at", "read_document"]
