"""Confirming a figure as a library indicator: its ``indicator:`` line written into its pack.

The pack's YAML is the analyst's own text (comments, order, quoting), so it is never dumped
again: one line is inserted, changed or removed beside the figure's ``id:``, found by the same
line-keeping reader that validates the pack. The file is replaced atomically and the pack
validated again; a pack the edit would break is put back as it was and the edit refused.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from briefing.pack.checker import ID_RE
from briefing.pack.errors import PackInvalid
from briefing.pack.yamlio import LineDict, YamlProblem, read_yaml


class EditRefused(Exception):
    """The edit was not made; the message says why and what to do instead (one line)."""


def set_figure_indicator(root: Path, figure_id: str, indicator: str | None) -> Path:
    """Write ``indicator: ID`` on figure ``figure_id`` of the pack at ``root`` (None removes
    it); returns the section file changed. Raises :class:`EditRefused`."""
    from briefing.pack.loader import load_pack

    if indicator is not None and not ID_RE.match(indicator):
        raise EditRefused(f"'{indicator}' is not an indicator id")
    file, mapping = _find_figure(Path(root), figure_id)
    original = file.read_bytes()
    text = original.decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    where = f"{file.relative_to(root).as_posix()}:{mapping.line_of('id')}"
    id_line = lines[mapping.line_of("id") - 1]
    column = _key_column(id_line, "id")
    if column is None:
        raise EditRefused(f"figure '{figure_id}' at {where} is not written one key per line: "
                          f"add 'indicator: {indicator}' to it by hand")
    if "indicator" in mapping:
        at = mapping.line_of("indicator") - 1
        if _key_column(lines[at], "indicator") is None:
            raise EditRefused(f"the indicator of figure '{figure_id}' at {where} is not on a "
                              "line of its own: change it by hand")
        if indicator is None:
            del lines[at]
        else:
            lines[at] = f"{lines[at][:_key_column(lines[at], 'indicator')]}indicator: {indicator}"
    elif indicator is None:
        raise EditRefused(f"figure '{figure_id}' is not confirmed as any indicator")
    else:
        lines.insert(mapping.line_of("id"), " " * column + f"indicator: {indicator}")
    _write(file, newline.join(lines))
    try:
        load_pack(Path(root))
    except PackInvalid as exc:
        _write(file, original.decode("utf-8"))
        first = exc.errors[0] if exc.errors else "the pack no longer validates"
        raise EditRefused(f"not written: the pack would not validate ({first})") from None
    return file


def locate_figure(root: Path, figure_id: str) -> tuple[Path, int]:
    """The section file and line where figure ``figure_id`` of the pack at ``root`` begins
    (its ``id:``). Raises :class:`EditRefused` when the pack has no such figure."""
    file, mapping = _find_figure(Path(root), figure_id)
    return file, mapping.line_of("id")


def _key_column(line: str, key: str) -> int | None:
    """Where ``key:`` begins on a block-style line (``- id: x`` or ``  id: x``), else None."""
    found = re.match(rf"^(\s*(?:-\s+)?){key}:(\s|$)", line)
    return len(found.group(1)) if found else None


def _find_figure(root: Path, figure_id: str) -> tuple[Path, LineDict]:
    """The section file holding figure ``figure_id`` and the figure's mapping (with lines)."""
    try:
        manifest = read_yaml(root / "manifest.yaml")
    except YamlProblem as problem:
        raise EditRefused(f"{root / 'manifest.yaml'}: {problem.message}") from None
    sections = manifest.get("sections") if isinstance(manifest, dict) else None
    for section in sections if isinstance(sections, list) else []:
        path = root / "sections" / f"{section}.yaml"
        try:
            data = read_yaml(path)
        except YamlProblem:
            continue
        found = _in_node(data, figure_id)
        if found is not None:
            return path, found
    raise EditRefused(f"the pack at {root} has no figure '{figure_id}'")


def _in_node(node: Any, figure_id: str) -> LineDict | None:
    if not isinstance(node, dict):
        return None
    for fig in node.get("figures") or ():
        if isinstance(fig, LineDict) and fig.get("id") == figure_id:
            return fig
    for child in node.get("items") or ():
        found = _in_node(child, figure_id)
        if found is not None:
            return found
    return None


def _write(path: Path, text: str) -> None:
    """Replace ``path`` atomically: a reader sees the old file or the new one."""
    tmp = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", newline="", dir=path.parent,
                                         prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False) as handle:
            tmp = handle.name
            handle.write(text)
        with contextlib.suppress(OSError):  # the file keeps its permissions
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise EditRefused(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
