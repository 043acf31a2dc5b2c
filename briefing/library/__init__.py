"""A library of briefings: a folder of packs read as one, with its indicators and the
comparisons it draws across documents.

Plain Python (no Rich, no Textual). Packs are loaded when first asked for, through the
validated-pack cache; listing a library reads each pack's small cached summary instead.
"""

from __future__ import annotations

from briefing.library.catalog import Entry, Library, LibraryInvalid, open_library
from briefing.library.locate import default_library_dir, is_library

__all__ = ["Entry", "Library", "LibraryInvalid", "default_library_dir", "is_library",
           "open_library"]
