"""``briefing add-doc``: bring documents into an existing pack.

Each document is read first (any format the reader takes), then its files are written into
``documents/`` and its entry added to the manifest; the manifest is edited as text (comments
kept) and replaced whole. Nothing is overwritten: a document whose id, file name or content
the pack already has is refused before anything is written, and a failure part-way removes
what this command wrote.
"""

from __future__ import annotations

import datetime
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.authoring.document_files import (
    DocumentFileError,
    KeptDocument,
    entry_text,
    read_for_pack,
    write_files,
)
from briefing.authoring.manifest_edit import ManifestEditError, add_entry
from briefing.authoring.stubs import slug


class AddDocError(Exception):
    """Why nothing was added; one line for the user."""


@dataclass(frozen=True, slots=True)
class Added:
    """One document added: its id, what was written, and what the reader noticed."""

    id: str
    document: KeptDocument
    written: tuple[Path, ...]


def add_documents(root: Path, files: list[Path], doc_id: str | None = None) -> list[Added]:
    """Add ``files`` to the pack at ``root`` (``doc_id`` names a single one); all or none."""
    manifest_path = root / "manifest.yaml"
    if not manifest_path.is_file():
        raise AddDocError(f"{root} is not a content pack (no manifest.yaml)")
    if not files:
        raise AddDocError("give at least one document FILE")
    if doc_id is not None and len(files) > 1:
        raise AddDocError("--id names one document; add the others separately")
    if doc_id is not None and slug(doc_id, "") != doc_id:
        raise AddDocError(f"document id '{doc_id}' must be lowercase letters, digits and '-'")
    taken_ids, taken_digests, count = _pack_documents(root)
    try:
        manifest = manifest_path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AddDocError(f"cannot read {manifest_path}: {exc}") from None
    plans: list[tuple[str, KeptDocument]] = []
    for n, path in enumerate(files, 1):
        try:
            kept = read_for_pack(path)
        except DocumentFileError as exc:
            raise AddDocError(f"{exc}; nothing was added") from None
        ident = doc_id or slug(path.stem, _free(taken_ids, count + n))
        _refuse_clashes(root, ident, kept, taken_ids, taken_digests, plans)
        plans.append((ident, kept))
        taken_ids.add(ident)
        taken_digests[kept.sha256] = ident
    year = str(datetime.date.today().year)
    newline = "\r\n" if "\r\n" in manifest else "\n"  # the manifest's own line ends
    try:
        for ident, kept in plans:
            entry = entry_text(ident, kept, year).replace("\n", newline)
            manifest = add_entry(manifest, entry)
    except ManifestEditError as exc:
        raise AddDocError(f"{exc}; nothing was added") from None
    return _write(root, manifest_path, manifest, plans)


def _write(root: Path, manifest_path: Path, manifest: str,
           plans: list[tuple[str, KeptDocument]]) -> list[Added]:
    added: list[Added] = []
    try:
        for ident, kept in plans:
            added.append(Added(ident, kept, tuple(write_files(kept, root))))
        _replace(manifest_path, manifest)
    except FileExistsError as exc:
        _undo(added)
        raise AddDocError(f"{exc.filename} appeared while adding; nothing was added") from None
    except BaseException:
        _undo(added)
        raise
    return added


def _pack_documents(root: Path) -> tuple[set[str], dict[str, str], int]:
    """Every id the pack uses (documents, sections, items, figures), each document's digests
    (original and text) -> its id, and how many documents it lists; read even from a pack
    with problems."""
    from briefing.pack.loader import PackBuilder

    builder = PackBuilder(root)
    head = builder.manifest()
    if head is None:
        problems = "; ".join(str(p) for p in builder.check.errors[:1])
        raise AddDocError(f"cannot read the pack's manifest ({problems}); fix it first")
    for section in head.sections:
        builder.section(section)
    digests = {}
    for doc in builder.documents:
        for _, sha in doc.files():
            digests[sha] = doc.id
    return set(builder.seen_ids) | builder.declared_docs, digests, len(builder.declared_docs)


def _refuse_clashes(root: Path, ident: str, kept: KeptDocument, taken_ids: set[str],
                    taken_digests: dict[str, str], plans: list) -> None:
    if ident in taken_ids:
        raise AddDocError(f"the pack already has the id '{ident}'; give another with --id; "
                          "nothing was added")
    if kept.sha256 in taken_digests:
        raise AddDocError(f"{kept.source} is already in the pack as document "
                          f"'{taken_digests[kept.sha256]}'; nothing was added")
    if kept.text_sha256 in taken_digests:
        raise AddDocError(f"{kept.source} has the same text as document "
                          f"'{taken_digests[kept.text_sha256]}' (the same document in another "
                          "format?); nothing was added")
    for target in kept.targets(root):
        if target.exists() or any(target in other.targets(root) for _, other in plans):
            raise AddDocError(f"{target} already exists; rename {kept.source.name} and try "
                              "again; nothing was added")


def _free(taken: set[str], n: int) -> str:
    """An id for a document whose name gives none (a Chinese file name): doc-N, unused."""
    while f"doc-{n}" in taken:
        n += 1
    return f"doc-{n}"


def _replace(path: Path, text: str) -> None:
    """Write ``text`` over ``path`` atomically (the old manifest stays until the new one is
    whole)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".manifest.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _undo(added: list[Added]) -> None:
    for item in added:
        for path in item.written:
            path.unlink(missing_ok=True)
