"""A hash-checked cache of validated packs, so starting the app does not re-validate.

The key is a sha256 over the pack's YAML files and the loader's own code; a hit is used only
after the source documents are re-hashed against the manifest's sums. A missing, stale or
corrupt cache entry is simply rebuilt by a full :func:`load_pack`.

An entry is a pickle, and unpickling runs code: so an entry is read only from the private
cache folder (:mod:`briefing.paths.private`), only if this user wrote it and no one else can
write it, and only after its keyed digest checks out (:mod:`briefing.paths.seal`). Anything
else is ignored and rebuilt, never unpickled.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import replace
from pathlib import Path

from briefing.documents.limits import MAX_ORIGINAL_BYTES
from briefing.model import Pack
from briefing.model.bulk import gc_paused
from briefing.pack.errors import MAX_FILE_BYTES
from briefing.paths.private import trusted_cache_dir, trusted_file
from briefing.paths.seal import TRAILER, SealedWriter, cache_key, unseal
from briefing.paths.unwind import terminate_unwinds

try:  # private API: the C unpickler, which is what pickle.loads is on CPython
    from _pickle import loads as _unpickle  # importing pickle costs a command ~0.7 ms more
except ImportError:  # pragma: no cover - an interpreter without it
    from pickle import loads as _unpickle

_HERE = Path(__file__).resolve().parent
#: The validator's code: every module of this package (the loader is split by concern, and
#: any new reader must count) plus the model, the number reader and the built-in vocabulary
#: it checks against.
_CODE = [*sorted(_HERE.glob("*.py")), *sorted((_HERE.parent / "model").glob("*.py")),
         *(_HERE.parent / "figures" / name for name in ("reading.py", "vocabulary.py"))]
#: Each pack's digest while :func:`one_digest_per_pack` is in effect (else None).
_KEPT: ContextVar[dict[Path, str] | None] = ContextVar("pack_digests", default=None)


@contextlib.contextmanager
def one_digest_per_pack() -> Iterator[None]:
    """Within, :func:`pack_digest` reads each pack's files once.

    A command that looks for a pack's search store and then loads the pack asks for the digest
    twice a few milliseconds apart; the second answer is the first. (A file changed between
    the two is then read as it was: as when it changes between the digest and the load.)
    """
    token = _KEPT.set({} if _KEPT.get() is None else _KEPT.get())
    try:
        yield
    finally:
        _KEPT.reset(token)


def pack_digest(root: Path) -> str:
    """sha256 over every YAML file of the pack (names and bytes) and the loader's code."""
    kept = _KEPT.get()
    if kept is None:
        return _pack_digest(root)
    key = Path(root)
    if key not in kept:
        kept[key] = _pack_digest(root)
    return kept[key]


def _pack_digest(root: Path) -> str:
    try:
        return _digest_files(root)
    except RuntimeError as exc:  # Path.resolve on a symlink loop: the full load reports it
        raise OSError(str(exc)) from None


def _digest_files(root: Path) -> str:
    digest = hashlib.sha256()
    real_root = Path(root).resolve()
    for relative, path in yaml_files(Path(root)):
        # A FIFO, a device (a link to /dev/zero), an oversized file or a link out of the pack
        # would hang, exhaust memory or read what is not the pack's here; raising sends the
        # caller to the full load, which reports it cleanly.
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            raise OSError(f"{path} is not a small regular file")
        if path.is_symlink() and real_root not in path.resolve().parents:
            raise OSError(f"{path} links out of the pack")
        digest.update(relative.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    digest.update(_code_digest())
    return digest.hexdigest()


def yaml_files(root: Path) -> list[tuple[str, Path]]:
    """(path relative to ``root``, path) of every YAML file under it, in a fixed order; links
    to folders are not followed (as ``Path.rglob``), and ``os.walk`` costs a library of
    hundreds of packs a fraction of what ``rglob`` does."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        base = Path(folder)
        prefix = base.relative_to(root).as_posix()
        for name in sorted(files):
            if name.endswith(".yaml"):
                found.append((name if prefix == "." else f"{prefix}/{name}", base / name))
    return sorted(found)


@functools.cache
def _code_digest() -> bytes:
    """sha256 of the validator's code: a pack's digest hashes 32 bytes for it, not the code."""
    return hashlib.sha256(_code_bytes()).digest()


@functools.cache
def _code_bytes() -> bytes:
    """The validator's code (:data:`_CODE`), read once per process: the running program's."""
    return b"".join(code.read_bytes() for code in _CODE)


def documents_unchanged(documents: Iterable[tuple[Path | str, str]]) -> bool:
    """Whether every (path, sha256) still holds: each file small enough to read, same bytes.

    Both caches of validated work ask it: the pickled pack, and a large pack's search store
    (which the command line opens without loading the pack). The files are every document's
    :meth:`~briefing.model.Document.files`: an original and, if it has one, its text."""
    try:
        return all(Path(path).stat().st_size <= MAX_ORIGINAL_BYTES
                   and hashlib.sha256(Path(path).read_bytes()).hexdigest() == sha
                   for path, sha in documents)
    except (OSError, TypeError, ValueError):
        return False


def load_pack(root: Path) -> Pack:
    """The full, validating load (imported only when the cache cannot serve)."""
    from briefing.pack.loader import load_pack as full_load

    return full_load(root)


def load_pack_cached(root: Path) -> Pack:
    """Like :func:`load_pack`, but reuses a validated pack while its inputs are unchanged."""
    root = Path(root)
    try:
        digest = pack_digest(root)
    except OSError:
        return load_pack(root)
    folder = trusted_cache_dir()
    key = cache_key(folder) if folder is not None else None
    if folder is None or key is None:  # no cache we can trust: validate every time
        return replace(load_pack(root), digest=digest)
    entry = folder / f"pack-{digest}.pickle"
    try:
        pack = _read_entry(entry, key)
        if isinstance(pack, Pack) and pack.root == root and documents_unchanged(
                file for d in pack.documents for file in d.files()):
            return pack
    except Exception:  # any unreadable entry is rebuilt, never trusted
        pass
    # the digest names what was validated: the search store of a large pack is found by it
    pack = replace(load_pack(root), digest=digest)
    _store(entry, pack, key)
    return pack


def _read_entry(entry: Path, key: bytes) -> object:
    """The unpickled entry, if it is ours and sealed with our key; else None (unread)."""
    import mmap

    with entry.open("rb") as handle:
        if not trusted_file(handle.fileno()) or os.fstat(handle.fileno()).st_size < TRAILER:
            return None
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            view = memoryview(mapped)
            try:
                payload = unseal(view, key)
                if payload is None:
                    return None
                try:
                    with gc_paused():
                        return _unpickle(payload)
                finally:
                    payload.release()
            finally:
                view.release()


def _store(entry: Path, pack: Pack, key: bytes) -> None:
    """Best effort: a read-only or full cache folder only costs the next start some time."""
    import pickle

    tmp = None
    try:
        with terminate_unwinds(), tempfile.NamedTemporaryFile(
                dir=entry.parent, delete=False, suffix=".tmp") as fh:
            tmp = fh.name
            try:
                sealed = SealedWriter(fh, key)
                pickle.dump(pack, sealed, protocol=pickle.HIGHEST_PROTOCOL)
                sealed.close_seal()
                fh.close()
                os.replace(tmp, entry)
                tmp = None
            finally:
                if tmp:
                    with contextlib.suppress(OSError):
                        os.unlink(tmp)
    except (OSError, pickle.PicklingError):
        pass
