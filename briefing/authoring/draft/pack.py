"""``briefing draft``: documents in, a pack out that validates and opens at once.

One document: its top headings are the pack's sections. Several: each document is a section
of its own (its headings its items), so two reports' "一、2025年工作回顾" never sit side by side
unnamed, and ``--section`` picks one document.

The pack is written whole into a new folder beside the destination and then renamed into
place, so a failure leaves nothing half-written, and nothing is ever overwritten: the
destination must be new or empty, or, with ``force``, a pack (its ``manifest.yaml`` says so)
that the new one replaces. No folder that is not a pack is replaced, ``force`` or not.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from briefing.authoring.document_files import (
    DocumentFileError,
    KeptDocument,
    read_for_pack,
    write_files,
)
from briefing.authoring.draft import files
from briefing.authoring.draft.build import DocumentDraft, draft_document
from briefing.authoring.draft.figures import add_unit
from briefing.authoring.draft.ids import Ids, node_base
from briefing.authoring.draft.quotes import occurs_once
from briefing.authoring.stubs import slug


class DraftError(Exception):
    """Why no pack was drafted; one line for the user."""


@dataclass(frozen=True, slots=True)
class DraftedPack:
    root: Path
    pack_id: str
    documents: tuple[DocumentDraft, ...]

    @property
    def figures(self) -> int:
        return sum(d.figures for d in self.documents)


def draft_pack(documents: list[Path], out: Path | Callable[[str], Path], force: bool = False,
               on_document: Callable[[Path], None] | None = None) -> DraftedPack:
    """Draft a pack from ``documents`` into the folder ``out``, or the folder ``out`` gives
    for the pack's id (a library's: the command line decides where a pack goes);
    ``on_document`` is told when each document has been drafted."""
    if not documents:
        raise DraftError("give at least one document")
    if isinstance(out, Path):
        _check_destination(out, force)
    kept = [_read(path) for path in documents]
    doc_ids = _document_ids(kept)
    several = len(kept) > 1
    ids = Ids(set(doc_ids) if several else None)
    drafts = []
    for (doc_id, document), path in zip(zip(doc_ids, kept, strict=True), documents,
                                        strict=True):
        drafts.append(draft_document(document.extracted.text, doc_id, ids))
        if on_document is not None:
            on_document(path)
    pack_id = doc_ids[0] if not several else f"{doc_ids[0]}-and-{len(kept) - 1}-more"
    root = out if isinstance(out, Path) else out(pack_id)
    if not isinstance(out, Path):
        _check_destination(root, force)
    sections = (_document_sections(drafts, kept, ids) if several else
                [(node["id"], node, kept[0].name) for node in drafts[0].nodes])
    _write(root, force, _files(pack_id, drafts, kept, sections), kept)
    return DraftedPack(root=root, pack_id=pack_id, documents=tuple(drafts))


def _read(path: Path) -> KeptDocument:
    try:
        return read_for_pack(path)
    except DocumentFileError as exc:
        raise DraftError(f"{exc}; nothing was written") from None


def _document_ids(kept: list[KeptDocument]) -> list[str]:
    """Each document's id: from its file name, else its title's words (a Chinese name)."""
    taken = Ids()
    result = []
    for n, document in enumerate(kept, 1):
        base = slug(Path(document.name).stem, "")
        if not base:
            first = document.extracted.text.strip().split("\n", 1)[0][:40]
            base = node_base(first, f"doc-{n}")
        result.append(taken.claim(base))
    names = [d.name for d in kept]
    for name in names:
        if names.count(name) > 1:
            raise DraftError(f"two documents are both named {name}; rename one")
    return result


def _document_sections(drafts: list[DocumentDraft], kept: list[KeptDocument],
                       ids: Ids) -> list[tuple[str, dict, str]]:
    """A section for each document, named after its title (and year): ids are unique
    across the pack, documents' included."""
    sections = []
    for draft, document in zip(drafts, kept, strict=True):
        text = document.extracted.text
        title = draft.front.title or document.name
        year = str(draft.front.year or "")
        base = node_base(title if year in title else f"{title}{year}年", draft.doc_id)
        node: dict = {"id": ids.claim(base), "title": {"zh": title}, "text": {"zh": title}}
        if draft.front.title and occurs_once(text, draft.front.title):
            node["source"] = {"doc": draft.doc_id, "quote": draft.front.title}
        node["items"] = draft.nodes
        sections.append((node["id"], node, document.name))
    return sections


def _files(pack_id: str, drafts: list[DocumentDraft], kept: list[KeptDocument],
           sections: list[tuple[str, dict, str]]) -> dict[str, str]:
    units: dict = {}
    for draft in drafts:
        for unit in draft.units.values():
            add_unit(units, unit)
    ignore = [entry for draft in drafts for entry in draft.ignore]
    entries = [(d.doc_id, k, {"title": d.front.title, "publisher": d.front.publisher,
                              "date": d.front.date}) for d, k in zip(drafts, kept, strict=True)]
    title = drafts[0].front.title or kept[0].name
    if len(drafts) > 1:
        title = f"{title}等{len(drafts)}份文件"
    written = {"manifest.yaml": files.manifest_text(
        pack_id, title, entries, sorted(units.values(), key=lambda u: u.id),
        [section_id for section_id, _, _ in sections], bool(ignore),
        str(datetime.date.today().year)),
        "comparisons.yaml": files.COMPARISONS}
    for section_id, node, source in sections:
        written[f"sections/{section_id}.yaml"] = files.section_text(node, source)
    if ignore:
        written[files.IGNORE_FILE] = files.ignore_text(ignore)
    return written


def _check_destination(root: Path, force: bool) -> None:
    if root.exists() and not root.is_dir():
        raise DraftError(f"{root} exists and is not a folder; nothing was written")
    if root.is_dir() and any(root.iterdir()):
        if not force:
            raise DraftError(f"{root} already exists and is not empty; give a new folder with "
                             "-o, or --force to replace the pack there; nothing was written")
        if not (root / "manifest.yaml").is_file():
            raise DraftError(f"{root} is not a pack (no manifest.yaml): --force replaces only "
                             "a pack; nothing was written")


def _write(root: Path, force: bool, texts: dict[str, str], kept: list[KeptDocument]) -> None:
    """Write the pack into a new folder beside ``root``, then put it in ``root``'s place."""
    root.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name}.draft-"))
    try:
        (staging / "sections").mkdir()
        for document in kept:
            write_files(document, staging)
        for name, text in texts.items():
            (staging / name).write_text(text, encoding="utf-8")
        _put_in_place(staging, root, force)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _put_in_place(staging: Path, root: Path, force: bool) -> None:
    _check_destination(root, force)  # again: something may have appeared meanwhile
    if root.is_dir() and any(root.iterdir()):
        old = Path(tempfile.mkdtemp(dir=root.parent, prefix=f".{root.name}.replaced-"))
        os.replace(root, old / root.name)
        try:
            os.replace(staging, root)
        except BaseException:
            os.replace(old / root.name, root)  # the old pack back where it was
            raise
        shutil.rmtree(old, ignore_errors=True)
        return
    os.replace(staging, root)  # onto nothing, or onto an empty folder
