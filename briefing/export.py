"""Export a section or item as GitHub-flavoured Markdown, and write files without losing data."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from briefing.citations import Citations
from briefing.formatting import figure_value, kind_label
from briefing.model import Lang, Pack
from briefing.textsafe import clean, one_line

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#&])")
_LINE_START = re.compile(r"^(\s*)([-+=])", re.MULTILINE)  # lists, rules, setext underlines
_ORDERED_START = re.compile(r"^(\s*\d+)([.)])(\s)", re.MULTILINE)  # "1. " / "1) " lists

LABELS = {
    "en": {"figures": "Figures", "figure": "Figure", "value": "Value", "period": "Period",
           "kind": "Kind", "source": "Source", "sources": "Sources"},
    "zh": {"figures": "数据", "figure": "指标", "value": "数值", "period": "时期",
           "kind": "类型", "source": "出处", "sources": "来源"},
}


class ExportError(Exception):
    """A write that could not happen; the message is meant for the user."""


class TargetExists(ExportError):
    """The target file exists and ``force`` was not given."""


def escape(text: str) -> str:
    """Markdown-inert text: metacharacters escaped, list markers at line start neutralised."""
    text = _LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", clean(text)))
    return _ORDERED_START.sub(r"\1\\\2\3", text)


def cell(text: str) -> str:
    """Text for a table cell: one line, escaped (pipes included)."""
    return escape(one_line(text))


def to_markdown(pack: Pack, node_id: str, lang: Lang = "en") -> str:
    """The node, its descendants, a figures table and footnoted source quotes, as Markdown."""
    node = pack.node(node_id)
    words = LABELS[lang]
    notes = Citations()
    out: list[str] = []
    for child in node.walk():
        level = min(child.depth - node.depth + 1, 6)
        out.append(f"{'#' * level} {escape(one_line(child.title.get(lang)))}")
        out.append("")
        body = escape(child.text.get(lang).strip())
        if child.source:
            body += f" [^{notes.number(child.source)}]"
        out.append(body)
        out.append("")
    figures = list(node.all_figures())
    if figures:
        out += [f"## {words['figures']}", ""]
        out.append(f"| {words['figure']} | {words['value']} | {words['period']} | "
                   f"{words['kind']} | {words['source']} |")
        out.append("| --- | ---: | --- | --- | --- |")
        for fig in figures:
            value = figure_value(pack, fig, lang)
            out.append(f"| {cell(fig.label.get(lang))} | {cell(value)} | {cell(fig.period)} | "
                       f"{cell(kind_label(fig.kind, lang))} | [^{notes.number(fig.source)}] |")
        out.append("")
    if notes.sources:
        out += [f"## {words['sources']}", ""]
        for number, source in enumerate(notes.sources, start=1):
            doc = pack.document(source.doc)
            title = one_line(doc.title.get(lang))
            publisher = one_line(doc.publisher.get(lang))
            out.append(f"[^{number}]: “{escape(one_line(source.quote))}” — "
                       f"{escape(title)} ({escape(publisher)}, {escape(doc.date)})")
        out.append("")
    return "\n".join(out)


def write_text_atomic(path: Path, text: str, force: bool = False) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder, then rename.

    Without ``force`` an existing file is never replaced (:class:`TargetExists`). On any
    failure the temporary file is removed and whatever was at ``path`` is left untouched.
    """
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a directory; give a file name")
    if path.exists() and not force:
        raise TargetExists(f"{path} already exists; use --force to overwrite it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: folder {folder} does not exist")
    tmp_name = None
    try:
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                         prefix=f".{path.name}.", suffix=".tmp") as tmp:
            tmp_name = tmp.name
            os.chmod(tmp_name, _target_mode(path))  # mkstemp's 0600 is not what users expect
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
        if force:
            os.replace(tmp_name, path)
        else:
            _link_no_clobber(Path(tmp_name), path)
        tmp_name = None
    except FileExistsError:
        raise TargetExists(f"{path} already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


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


def default_export_name(node_id: str, lang: Lang) -> str:
    """The file name an export of ``node_id`` gets unless the user picks another."""
    return f"{node_id}.{lang}.md"
