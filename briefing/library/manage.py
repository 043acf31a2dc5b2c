"""Adding packs to a library and taking them out, without ever losing a file.

A pack is **copied** into the library by default: a library is then a folder that holds its
briefings whole (it can be moved, shared or archived, and a brief cites what it held), and
editing the original later changes nothing in it until it is added again. ``link`` instead
places a symbolic link to the pack, for a pack still being written: the library reads it
where it is. Either way the pack is validated first, nothing already there is overwritten,
and a copy appears whole or not at all (it is made under a hidden name and renamed).

Removing moves a copied pack to the library's hidden ``.removed/`` folder (a link is simply
unlinked: the pack it points to is never touched); deleting it for good is the user's call.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import shutil
import tempfile
from pathlib import Path

from briefing.library.catalog import Library, LibraryInvalid, open_library
from briefing.library.locate import LIBRARY_FILE, is_pack

REMOVED = ".removed"


class ManageError(Exception):
    """Nothing was changed; the message says why (one line)."""


def add_pack(root: Path | None, pack_path: Path, link: bool = False) -> Path:
    """Put the pack at ``pack_path`` into the library at ``root`` (None: the default one,
    created if need be); returns where it now is. Raises :class:`ManageError`."""
    from briefing.library.locate import default_library_dir
    from briefing.pack import PackInvalid
    from briefing.pack.loader import load_pack

    pack_path = Path(pack_path)
    if not is_pack(pack_path):
        raise ManageError(f"{pack_path} is not a content pack (no manifest.yaml)")
    try:
        pack = load_pack(pack_path)
    except PackInvalid as exc:
        first = exc.errors[0] if exc.errors else "invalid"
        raise ManageError(f"{pack_path} does not validate ({len(exc.errors)} problem(s); "
                          f"first: {first}); see: briefing validate {pack_path}") from None
    folder = Path(root) if root is not None else default_library_dir()
    if is_pack(folder):
        raise ManageError(f"{folder} is a content pack, not a library folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        library = open_library(None if root is None else folder)
    except (OSError, LibraryInvalid) as exc:
        raise ManageError(str(exc)) from None
    taken = [e for e in library.entries if e.id == pack.id]
    if taken:
        raise ManageError(f"the library already holds a briefing with id '{pack.id}' "
                          f"({taken[0].path}); give the pack another id in its manifest")
    target = folder / pack.id
    if target.exists() or target.is_symlink():
        raise ManageError(f"{target} already exists; nothing was overwritten")
    if link:
        try:
            target.symlink_to(pack_path.resolve(), target_is_directory=True)
        except OSError as exc:
            raise ManageError(f"cannot link {target}: {exc.strerror or exc}") from None
        return target
    return _copy(pack_path, [d.path for d in pack.documents], folder, target)


def _copy(pack_path: Path, documents: list[Path], folder: Path, target: Path) -> Path:
    """Copy the pack (and the ``seeds/`` files beside it that it reads) to ``target``, whole
    or not at all; returns the copied pack's folder."""
    from briefing.pack import PackInvalid
    from briefing.pack.loader import load_pack

    source = pack_path.resolve()
    seeds = [d for d in documents if source not in d.parents]
    staging = Path(tempfile.mkdtemp(prefix=f".adding-{target.name}-", dir=folder))
    try:
        # a pack reading seeds/ beside it keeps that shape: target/<pack>/ and target/seeds/
        inner = staging / source.name if seeds else staging
        shutil.copytree(source, inner, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".*", "__pycache__"))
        for doc in seeds:
            relative = doc.relative_to(source.parent / "seeds")
            (staging / "seeds" / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(doc, staging / "seeds" / relative)
        try:
            load_pack(inner)
        except PackInvalid as exc:
            raise ManageError(f"the copy does not validate ({exc.errors[0]}); nothing was "
                              "added") from None
        os.rename(staging, target)
    except OSError as exc:
        raise ManageError(f"cannot copy {pack_path} to {target}: {exc.strerror or exc}"
                          ) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target / source.name if seeds else target


def removal_target(library: Library, briefing: str) -> Path:
    """What removing ``briefing`` takes out of the library's folder (a link, or the folder
    it was copied to). Raises :class:`ManageError`."""
    matches = [e for e in library.entries if e.id == briefing or e.path.name == briefing]
    if not matches:
        raise ManageError(f"the library has no briefing '{briefing}' (see: briefing library)")
    entry = matches[0]
    if entry.bundled:
        where = library.root / LIBRARY_FILE if library.root else LIBRARY_FILE
        raise ManageError(f"'{briefing}' is the bundled briefing, referenced and not copied: "
                          f"to leave it out, write 'bundled: false' in {where}")
    try:
        first = entry.path.relative_to(library.root or Path("/nowhere")).parts[0]
    except (ValueError, IndexError):
        raise ManageError(f"{entry.path} is not inside the library's folder") from None
    return library.root / first


def remove_pack(library: Library, briefing: str) -> str:
    """Take ``briefing`` out of the library; returns what was done, in one line."""
    target = removal_target(library, briefing)
    if target.is_symlink():
        pointed = os.readlink(target)
        try:
            target.unlink()
        except OSError as exc:
            raise ManageError(f"cannot remove the link {target}: {exc.strerror or exc}"
                              ) from None
        return f"removed the link {target} (the pack at {pointed} is untouched)"
    stamp = datetime.datetime.now().strftime("%Y%m%dT%H%M%S")
    aside = target.parent / REMOVED / f"{target.name}-{stamp}"
    try:
        aside.parent.mkdir(exist_ok=True)
        os.rename(target, aside)
    except OSError as exc:
        with contextlib.suppress(OSError):
            aside.parent.rmdir()  # only if it is empty
        raise ManageError(f"cannot move {target} aside: {exc.strerror or exc}") from None
    return f"moved {target} to {aside} (delete that folder when you are sure)"
