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
from pathlib import Path

from briefing.paths.unwind import terminate_unwinds


class ExportError(Exception):
    """A write that could not happen; the message is meant for the user."""


class TargetExists(ExportError):
    """The target file exists and ``force`` was not given."""


def write_text_atomic(path: Path | str, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder, then rename.

    ``path`` may be a string, so that a trailing ``/`` (a folder, never a file name) is seen.
    Without ``force`` an existing file is never replaced (:class:`TargetExists`). On any
    failure the temporary file is removed and whatever was at ``path`` is left untouched.
    """
    named_folder = isinstance(path, str) and path.endswith(("/", os.sep))
    path = Path(path)
    try:
        _check_target(path, named_folder, force)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {_reason(exc)}") from None
    folder = path.parent if str(path.parent) else Path(".")
    tmp_name = None
    try:
        with terminate_unwinds(), tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=folder, delete=False, prefix=f".{path.name[:200]}.",
                suffix=".tmp") as tmp:
            tmp_name = tmp.name
            try:
                os.chmod(tmp_name, _target_mode(path))  # mkstemp's 0600 is not what users expect
                tmp.write(text)
                tmp.flush()
                os.fsync(tmp.fileno())
                tmp.close()
                if force:
                    os.replace(tmp_name, path)
                else:
                    _link_no_clobber(Path(tmp_name), path)
                tmp_name = None
            finally:
                if tmp_name is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(tmp_name)
    except FileExistsError:
        raise TargetExists(f"{path} already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {_reason(exc)}") from None


def _check_target(path: Path, named_folder: bool, force: bool) -> None:
    """Refuse what must never be written; OSError for a path the system cannot look up."""
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


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


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


def default_export_name(item_id: str, lang: str) -> str:
    """The file name an export of ``item_id`` gets unless the user picks another
    (``lang`` is "en", "zh" or "both")."""
    return f"{item_id}.{lang}.md"
