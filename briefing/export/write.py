"""Write an export without ever losing data: temp file in the same folder, fsync, then an
atomic publish; an existing file is replaced only with ``force``.

The target is checked first and every refusal is one line: a folder (``dir`` or ``dir/``), a
missing folder (``nowhere/``, ``nowhere/x.md``), anything but a regular file (a terminal,
``/dev/null``, a FIFO: a rename would replace the device node itself, so not even ``--force``
does that), a name the system refuses (too long, a symlink loop, not a directory, no
permission). SIGTERM during the write unwinds and removes the temporary file.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from briefing.paths.unwind import terminate_unwinds


class ExportError(Exception):
    """A write that could not happen; the message is meant for the user."""


class TargetExists(ExportError):
    """The target file exists and ``force`` was not given."""


def write_text_atomic(path: Path | str, text: str | bytes, force: bool = False) -> None:
    """Write ``text`` (UTF-8; or bytes, as they are: a Word file) to ``path`` via a temporary
    file in the same folder, then rename.

    ``path`` may be a string, so that a trailing ``/`` (a folder, never a file name) is seen.
    Without ``force`` an existing file is never replaced (:class:`TargetExists`). On any
    failure the temporary file is removed and whatever was at ``path`` is left untouched.
    """
    named_folder = isinstance(path, str) and path.endswith(("/", os.sep))
    path = Path(path)
    data = text.encode("utf-8") if isinstance(text, str) else text

    def write(folder: Path, made: list[str]) -> None:
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False,
                                         prefix=f".{path.name[:200]}.", suffix=".tmp") as tmp:
            made.append(tmp.name)
            os.chmod(tmp.name, _target_mode(path))  # mkstemp's 0600 is not what users expect
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())

    _publish(path, force, write, named_folder)


def write_atomic(path: Path, fill: Callable[[Path], None], force: bool = False) -> None:
    """Make ``path`` by ``fill``-ing an empty file beside it, then publishing it whole: the
    safety of :func:`write_text_atomic` for a file made by other means (a database)."""
    path = Path(path)

    def write(folder: Path, made: list[str]) -> None:
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name[:200]}.",
                                        suffix=".tmp")
        os.close(handle)
        made.append(name)
        os.chmod(name, _target_mode(path))
        fill(Path(name))

    _publish(path, force, write)


def _publish(path: Path, force: bool, write: Callable[[Path, list[str]], None],
             named_folder: bool = False) -> None:
    """``write(folder, made)`` makes a temporary file in ``path``'s folder (its name in
    ``made`` as soon as it exists), which is then published at ``path`` whole; on any
    failure, SIGTERM included, it is removed and whatever was at ``path`` is left untouched."""
    try:
        folder = _writable_target(path, force, named_folder)
    except OSError as exc:  # a name too long, a symlink loop, not a directory, no permission
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    made: list[str] = []
    try:
        with terminate_unwinds():
            try:
                write(folder, made)
                if force:
                    os.replace(made[0], path)
                else:
                    _link_no_clobber(Path(made[0]), path)
                made.clear()
            finally:
                for name in made:
                    with contextlib.suppress(OSError):
                        os.unlink(name)
    except FileExistsError:
        raise TargetExists(f"{path} already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None


def _writable_target(path: Path, force: bool, named_folder: bool = False) -> Path:
    """The folder ``path`` is written in, once it is known a write may go there; OSError for
    a path the system cannot look up."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    if named_folder or (info is not None and stat.S_ISDIR(info.st_mode)):
        if info is None or not stat.S_ISDIR(info.st_mode):
            raise ExportError(f"cannot write {path}/: folder {path} does not exist")
        raise ExportError(f"{path} is a directory; give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{path} is not a regular file (a device, FIFO or socket); "
                          "give a file name (- writes to standard output)")
    if info is not None and not force:
        raise TargetExists(f"{path} already exists; use --force to overwrite it")
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
