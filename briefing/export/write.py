"""Write an export without ever losing data: temp file in the same folder, fsync, then an
atomic publish; an existing file is replaced only with ``force``."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


class ExportError(Exception):
    """A write that could not happen; the message is meant for the user."""


class TargetExists(ExportError):
    """The target file exists and ``force`` was not given."""


def write_text_atomic(path: Path, text: str | bytes, force: bool = False) -> None:
    """Write ``text`` (UTF-8; or bytes, as they are: a Word file) to ``path`` via a temporary
    file in the same folder, then rename.

    Without ``force`` an existing file is never replaced (:class:`TargetExists`). On any
    failure the temporary file is removed and whatever was at ``path`` is left untouched.
    """
    path = Path(path)

    data = text.encode("utf-8") if isinstance(text, str) else text

    def write(folder: Path, made: list[str]) -> None:
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False,
                                         prefix=f".{path.name}.", suffix=".tmp") as tmp:
            made.append(tmp.name)
            os.chmod(tmp.name, _target_mode(path))  # mkstemp's 0600 is not what users expect
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())

    _publish(path, force, write)


def write_atomic(path: Path, fill: Callable[[Path], None], force: bool = False) -> None:
    """Make ``path`` by ``fill``-ing an empty file beside it, then publishing it whole: the
    safety of :func:`write_text_atomic` for a file made by other means (a database)."""
    path = Path(path)

    def write(folder: Path, made: list[str]) -> None:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        os.close(handle)
        made.append(name)
        os.chmod(name, _target_mode(path))
        fill(Path(name))

    _publish(path, force, write)


def _publish(path: Path, force: bool, write: Callable[[Path, list[str]], None]) -> None:
    """``write(folder, made)`` makes a temporary file in ``path``'s folder (its name in
    ``made`` as soon as it exists), which is then published at ``path`` whole; on any
    failure it is removed and whatever was at ``path`` is left untouched."""
    folder = _writable_target(path, force)
    made: list[str] = []
    try:
        write(folder, made)
        if force:
            os.replace(made[0], path)
        else:
            _link_no_clobber(Path(made[0]), path)
        made.clear()
    except FileExistsError:
        raise TargetExists(f"{path} already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        for name in made:
            with contextlib.suppress(OSError):
                os.unlink(name)


def _writable_target(path: Path, force: bool) -> Path:
    """The folder ``path`` is written in, once it is known a write may go there."""
    if path.is_dir():
        raise ExportError(f"{path} is a directory; give a file name")
    if path.exists() and not force:
        raise TargetExists(f"{path} already exists; use --force to overwrite it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: folder {folder} does not exist")
    return folder


def _target_mode(path: Path) -> int:
    """The replaced file's permissions, or what a plain open() would give a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _link_no_clobber(tmp: Path, path: Path) -> None:
    """Publish ``tmp`` at ``path`` only if nothing is there (atomically where links work)."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def default_export_name(item_id: str, lang: str, fmt: str = "md") -> str:
    """The file name an export of ``item_id`` gets unless the user picks another
    (``lang`` is "en", "zh" or "both"; ``fmt`` "md", "html" or "docx")."""
    return f"{item_id}.{lang}.{fmt}"


def format_of(path: Path) -> str:
    """The export format a file name asks for: "html" (.html, .htm), "docx", else "md"."""
    suffix = Path(path).suffix.lower()
    return {".html": "html", ".htm": "html", ".docx": "docx"}.get(suffix, "md")
