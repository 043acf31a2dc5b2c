"""How large a document may be: the one place the reader and the pack take their bounds from.

Kept apart (constants only) so the pack's checks can use them without loading the reader.
"""

#: Extracted text over this many UTF-8 bytes is refused: the pack's limit for any file it reads.
MAX_TEXT_BYTES = 5 * 1024 * 1024
#: An original (a PDF with its fonts and images, a Word file, a saved page) may be larger than
#: its text; past this it is refused before it is parsed, so a read stays bounded in time.
MAX_ORIGINAL_BYTES = 50 * 1024 * 1024
