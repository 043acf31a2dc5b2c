"""A library opened: its ``library.yaml``, and one entry per briefing, packs loaded on demand.

Opening reads each pack's digest (its YAML files) and cached summary, never the pack itself,
so a library of hundreds of briefings lists at once; :meth:`Library.pack` loads one through
the validated-pack cache when it is asked for. A pack that cannot be read is an entry with a
``problem``, listed and left out, so one broken pack never closes the others.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.library import summary as summaries
from briefing.library.locate import LIBRARY_FILE, default_library_dir, is_pack, pack_folders
from briefing.library.stat_index import StatIndex, file_stats
from briefing.library.summary import DocumentInfo, Summary
from briefing.model import Pack, Text
from briefing.model.library import LibrarySpec

LIBRARY_FORMAT = 1
_HERE = Path(__file__).resolve().parent


class LibraryInvalid(Exception):
    """The library cannot be opened; ``problems`` are one-line messages (``file:line: …``)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(problems[0] if problems else "the library cannot be opened")
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Entry:
    """One briefing of a library. ``id`` is its pack's id (the qualifier of its ids, as in
    ``lanjiang-2026:gdp-growth-target-2026``); ``problem`` says why it cannot be opened."""

    id: str
    path: Path
    digest: str
    summary: Summary | None
    bundled: bool = False
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None and self.summary is not None

    @property
    def title(self) -> Text:
        return self.summary.title if self.summary else Text(zh=self.id, en=self.id)

    @property
    def date(self) -> str:
        return self.summary.date if self.summary else ""

    @property
    def documents(self) -> tuple[DocumentInfo, ...]:
        return self.summary.documents if self.summary else ()

    @property
    def translated(self) -> float:
        return self.summary.translated if self.summary else 0.0


class Library:
    """Briefings read as one. ``single`` is the one briefing of a library that has only one
    (it then reads exactly as that pack: ids unqualified)."""

    def __init__(self, root: Path | None, spec: LibrarySpec, entries: list[Entry],
                 default: bool = False) -> None:
        self.root = root
        self.spec = spec
        self.entries: tuple[Entry, ...] = tuple(entries)
        self.default = default
        self._packs: dict[str, Pack] = {}
        self._by_id = {e.id: e for e in self.entries if e.ok}
        #: briefings a merge left out because their pack no longer loads, and why
        self.failed: dict[str, str] = {}

    # -- what it is --------------------------------------------------------------------------
    @property
    def id(self) -> str:
        """A name for the state file and caches: the single pack's id, else one per folder."""
        if self.single is not None:
            return self.single.id
        where = str(self.root.resolve()) if self.root else ""
        return "library-" + hashlib.sha256(where.encode()).hexdigest()[:12]

    @property
    def title(self) -> Text:
        if self.spec.title is not None:
            return self.spec.title
        if self.single is not None:
            return self.single.title
        name = self.root.name if self.root else "library"
        return Text(zh=f"文库：{name}", en=f"Library: {name}")

    @property
    def single(self) -> Entry | None:
        return self.entries[0] if len(self.entries) == 1 and self.entries[0].ok else None

    def ids(self) -> list[str]:
        """The briefings that can be opened, in library order."""
        return list(self._by_id)

    def has(self, briefing: str) -> bool:
        return briefing in self._by_id

    def entry(self, briefing: str) -> Entry:
        return self._by_id[briefing]

    @functools.cached_property
    def digest(self) -> str:
        """Changes whenever a pack, ``library.yaml`` or the library's code does: what its
        merged pack (and so its search store) is found by."""
        h = hashlib.sha256(f"briefing-library/{LIBRARY_FORMAT}\n".encode())
        if self.root is not None and (self.root / LIBRARY_FILE).is_file():
            h.update((self.root / LIBRARY_FILE).read_bytes())
        for entry in self.entries:
            h.update(f"\0{entry.id}\0{entry.digest}\0{entry.ok}".encode())
        h.update(_code_digest().encode())
        return h.hexdigest()

    @property
    def pack_digest(self) -> str:
        """The digest of the library's pack (:func:`briefing.library.merge.library_pack`): a
        single briefing's own, unless the library adds comparisons to it."""
        if self.single is not None and not self.spec.comparisons:
            return self.single.digest
        return self.digest

    # -- packs -------------------------------------------------------------------------------
    def pack(self, briefing: str) -> Pack:
        """The briefing's pack, loaded (and validated, or taken from the cache) on first use.
        Raises ``KeyError`` for a briefing the library cannot open, ``PackInvalid`` for a pack
        that broke since the library was opened."""
        if briefing not in self._packs:
            from briefing.pack.cache import load_pack_cached

            self._packs[briefing] = load_pack_cached(self._by_id[briefing].path)
        return self._packs[briefing]

    def packs(self) -> Iterator[Pack]:
        for briefing in self._by_id:
            yield self.pack(briefing)

    def loaded(self) -> list[str]:
        """The briefings whose packs are in memory."""
        return list(self._packs)

    def forget(self, briefing: str) -> None:
        """Let a loaded pack go (memory: an app holds only what is open)."""
        self._packs.pop(briefing, None)

    def forget_all(self) -> None:
        self._packs.clear()


@functools.cache
def _code_digest() -> str:
    h = hashlib.sha256()
    for path in sorted(_HERE.glob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


def open_library(path: Path | None = None) -> Library:
    """The library at ``path``: a library folder, or a pack (a library of one); None is the
    default library, which also holds the bundled briefing (unless its ``library.yaml`` says
    ``bundled: false``). Raises :class:`LibraryInvalid`."""
    default = path is None
    root = default_library_dir() if default else Path(path)
    if not default and is_pack(root):
        return Library(root, LibrarySpec(), [entry_for(root)])
    if not default and not root.is_dir():
        raise LibraryInvalid([f"{root}: not a content pack or library folder"])
    spec = read_spec(root)
    index = StatIndex(root)
    entries: list[Entry] = []
    if spec.bundled if spec.bundled is not None else default:
        from briefing.pack import bundled_pack_dir

        entries.append(entry_for(bundled_pack_dir(), bundled=True, index=index))
    entries.extend(entry_for(folder, index=index) for folder in pack_folders(root))
    index.save({str(e.path) for e in entries})
    summaries.prune()
    return Library(root, spec, _unique(entries), default=default)


def read_spec(root: Path) -> LibrarySpec:
    """``library.yaml`` of ``root`` (empty when absent); its problems as LibraryInvalid."""
    if not (root / LIBRARY_FILE).exists():
        return LibrarySpec()
    from briefing.pack import PackInvalid
    from briefing.pack.library_file import read_library_file

    try:
        return read_library_file(root)
    except PackInvalid as exc:
        raise LibraryInvalid([f"{root / str(e)}" for e in exc.errors]) from None


def entry_for(path: Path, bundled: bool = False, index: StatIndex | None = None) -> Entry:
    """The entry of the pack at ``path``: from the folder's index while its files are
    unchanged, else its summary from the cache, else from the pack itself."""
    from briefing.pack import PackInvalid
    from briefing.pack.cache import load_pack_cached, pack_digest

    try:
        stats = file_stats(path)
        known = index.known(path, stats) if index is not None else None
        if known is not None:
            return Entry(known[1].id, path, known[0], known[1], bundled)
        digest = pack_digest(path)
    except OSError as exc:
        return Entry(path.name, path, "", None, bundled, f"cannot be read: {exc}")
    found = summaries.cached(digest)
    if found is not None:
        if index is not None:
            index.remember(path, stats, digest, found)
        return Entry(found.id, path, digest, found, bundled)
    try:
        pack = load_pack_cached(path)
    except PackInvalid as exc:
        first = str(exc.errors[0]) if exc.errors else "invalid"
        more = f" (and {len(exc.errors) - 1} more)" if len(exc.errors) > 1 else ""
        return Entry(path.name, path, digest, None, bundled, f"invalid: {first}{more}")
    except OSError as exc:
        return Entry(path.name, path, digest, None, bundled, f"cannot be read: {exc}")
    found = summaries.summarize(pack)
    summaries.store(digest, found)
    if index is not None:
        index.remember(path, stats, digest, found)
    return Entry(found.id, path, digest, found, bundled)


def _unique(entries: list[Entry]) -> list[Entry]:
    """A second pack with an id already taken is listed with a problem, not opened."""
    seen: dict[str, Path] = {}
    out = []
    for entry in entries:
        if entry.ok and entry.id in seen:
            entry = Entry(entry.id, entry.path, entry.digest, entry.summary, entry.bundled,
                          f"its id '{entry.id}' is already the id of {seen[entry.id]}; "
                          "ids must be unique in a library")
        elif entry.ok:
            seen[entry.id] = entry.path
        out.append(entry)
    return out
