"""A library as the app reads it: every briefing listed, only those opened loaded.

The app draws one pack, so the view gives it one: the library's merged pack (qualified ids,
see :mod:`briefing.library.merge`) holding the briefings opened so far in full and every other
as a top-level node with its title and documents only. Opening a briefing loads its pack and
makes the merged pack again (a new immutable object the app swaps in); nothing else is loaded
until it is asked for, so a library of hundreds starts as fast as one briefing and holds only
what has been read. Search reaches every briefing through the library's own engine
(:mod:`briefing.library.search`), whatever is loaded.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.library.catalog import Library
from briefing.library.qualified import split
from briefing.model import Pack


class LibraryView:
    def __init__(self, library: Library) -> None:
        self.library = library
        self._loaded: set[str] = set()
        self._pack: Pack | None = None

    @property
    def pack(self) -> Pack:
        """The merged pack of what is open (made again after each :meth:`load`)."""
        if self._pack is None:
            from briefing.library.merge import opened_pack

            self._pack = opened_pack(self.library, self.loaded())
        return self._pack

    def loaded(self) -> list[str]:
        """The briefings open, in library order."""
        return [b for b in self.library.ids() if b in self._loaded]

    def is_loaded(self, briefing: str) -> bool:
        return briefing in self._loaded

    def briefing_of(self, item_id: str) -> str | None:
        """The library briefing an id names (``b:x``, or ``b`` itself), else None."""
        briefing, rest = split(item_id)
        name = briefing if briefing is not None else rest
        return name if self.library.has(name) else None

    def load(self, briefings: Iterable[str]) -> bool:
        """Open these briefings (library ids); True when the pack changed. Raises what
        loading a pack raises (``PackInvalid`` for one broken since the library opened)."""
        new = [b for b in dict.fromkeys(briefings)
               if self.library.has(b) and b not in self._loaded]
        for briefing in new:
            self.library.pack(briefing)
            self._loaded.add(briefing)
        if new:
            self._pack = None
        return bool(new)

    def load_for(self, ids: Iterable[str]) -> bool:
        """Open the briefings the ids name, and those a library comparison among them
        compares; True when the pack changed."""
        wanted: list[str] = []
        for item_id in ids:
            briefing = self.briefing_of(item_id)
            if briefing is not None:
                wanted.append(briefing)
            else:
                wanted.extend(self.comparison_briefings(item_id))
        return self.load(wanted)

    def comparison_briefings(self, comparison_id: str) -> list[str]:
        """The briefings a comparison of ``library.yaml`` draws from (none for other ids)."""
        from briefing.library.cross import briefings_of

        for spec in self.library.spec.comparisons:
            if spec.id == comparison_id:
                return briefings_of(self.library, spec)
        return []

    def comparison_ids(self) -> list[str]:
        return [spec.id for spec in self.library.spec.comparisons]

    def search_engine(self):
        """The engine over the whole library (see :mod:`briefing.library.search`)."""
        from briefing.library.search import library_engine

        return library_engine(self.library)
