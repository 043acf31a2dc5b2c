"""Authoring commands: ``init`` (a new pack), ``add-doc`` (another document), ``stub`` (draft
figures), ``coverage``.

Each imports its machinery (and YAML) only when run, so other commands start as fast as before.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.console import console, err_console, fail, print_json, state
from briefing.cli.root import app

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The new pack's folder "
                                              "(must not exist, or be empty).")],
    doc: Annotated[list[Path], typer.Option("--doc", metavar="FILE", help="A source document "
                                            "(PDF, .docx, web page or text in any Chinese "
                                            "encoding); repeat for more.")],
) -> None:
    """Start a new pack: manifest (documents hashed), a starter section, no comparisons."""
    from briefing.authoring.scaffold import ScaffoldError, create

    try:
        written = create(directory, doc)
    except (ScaffoldError, OSError) as exc:
        raise fail(str(exc)) from None
    for path in written:
        err_console.print(f"wrote {path}", markup=False, highlight=False)
    console.print(f"next: briefing --content {directory} stub {written[0]} --section overview"
                  f", then briefing validate {directory} (docs/writing-a-briefing.md)",
                  markup=False, highlight=False)


@app.command("add-doc")
def add_doc(
    pack: Annotated[Path, typer.Argument(metavar="PACK", help="The pack's folder.")],
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Documents to add "
                                                "(PDF, .docx, web page or text).")],
    doc_id: Annotated[str | None, typer.Option("--id", metavar="ID", help="The document's id "
                                               "(default: from its file name).")] = None,
) -> None:
    """Add documents to a pack: copied, their text extracted, both hashed, listed in the
    manifest (its comments kept); never overwrites. Then validates the pack."""
    from briefing.authoring.add_doc import AddDocError, add_documents

    try:
        added = add_documents(pack, files, doc_id)
    except (AddDocError, OSError) as exc:
        raise fail(str(exc)) from None
    for item in added:
        for path in item.written:
            err_console.print(f"wrote {path}", markup=False, highlight=False)
        for note in item.document.extracted.notes:
            err_console.print(f"note: {item.document.source}: {note}", markup=False,
                              highlight=False)
        console.print(f"added document '{item.id}' ({item.document.extracted.format}, "
                      f"{len(item.document.extracted.text):,} characters): fill in its title, "
                      f"publisher and date in {pack / 'manifest.yaml'}", markup=False,
                      highlight=False)
    state.content, state._pack = pack, None
    loaded = state.pack(cached=False)  # prints every problem and exits 1 if any
    console.print(f"ok: {loaded.id}: {len(loaded.documents)} documents (hashes match)",
                  markup=False, highlight=False)


@app.command()
def stub(
    document: Annotated[Path, typer.Argument(metavar="DOC", help="A source document (PDF, "
                                             ".docx, web page or text).")],
    section: Annotated[str | None, typer.Option("--section", metavar="ID", help="Print a "
                                                "whole section file with this id.")] = None,
    doc_id: Annotated[str | None, typer.Option("--doc-id", metavar="ID", help="The document's "
                                               "id in the manifest (default: from its name).")]
    = None,
    json: JsonOption = False,
) -> None:
    """Every number in a document as a draft figure (YAML on standard output)."""
    import datetime

    from briefing.authoring.stubs import slug, stubs

    hedges: tuple[str, ...] = ()
    text = None
    if state.content is not None:  # --content: the pack's hedges, and its id for this file
        documents, declared = _manifest_hints(state.content)
        hedges = tuple(h.word for h in declared)
        known = _pack_document(documents, document)
        if known is not None:  # quote the text the pack keeps, never a new extraction
            doc_id, text = doc_id or known.id, known.read()
    if text is None:
        from briefing.documents import DocumentError, read_document

        try:
            text = read_document(document).text
        except DocumentError as exc:
            raise fail(str(exc)) from None
    figures = stubs(text, doc_id or slug(document.stem), str(datetime.date.today().year),
                    hedges)
    data: object = figures
    if section is not None:
        data = {"id": section, "title": {"zh": "TODO: 标题", "en": "TODO: title"},
                "text": {"zh": "TODO: 正文", "en": "TODO: text"}, "figures": figures}
    if json:
        print_json(data)
        return
    import yaml

    typer.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), nl=False)


def _manifest_hints(root: Path) -> tuple[list, list]:
    """The documents and hedges of the pack's manifest, even while its sections are broken
    (``stub ... > sections/x.yaml`` empties a section file before stub runs)."""
    from briefing.pack.loader import PackBuilder

    builder = PackBuilder(root)
    builder.manifest()
    return builder.documents, builder.declared_hedges


def _pack_document(documents: list, document: Path):
    """The manifest's document this file is (its original or its text, matched by content),
    if it lists it."""
    import hashlib

    try:
        digest = hashlib.sha256(document.read_bytes()).hexdigest()
    except OSError:
        return None  # the reader says why, naming the file
    return next((d for d in documents if digest in (d.sha256, d.text_sha256)), None)


@app.command()
def coverage(
    path: Annotated[Path | None, typer.Argument(help="Pack directory (default: the bundled "
                                                "pack, or --content).")] = None,
    json: JsonOption = False,
) -> None:
    """Numbers in the pack's documents that no figure quotes (and no ignore entry skips)."""
    if path is not None:
        state.content, state._pack = path, None
    pack = state.pack()
    from briefing.authoring.coverage import read_ignores, uncovered

    ignores, problems = (read_ignores(pack, pack.coverage_ignore) if pack.coverage_ignore
                         else ([], []))
    if problems:
        for problem in problems:
            err_console.print(str(problem), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(1)
    found = uncovered(pack, ignores)
    if json:
        print_json([{"doc": u.doc, "line": u.mention.line, "number": u.mention.text,
                     "value": u.mention.value, "sentence": u.mention.sentence}
                    for u in found])
        return
    from briefing.text.sanitize import clean, one_line

    for u in found:
        console.print(f"{u.doc}:{u.mention.line}: {clean(u.mention.text)} — "
                      f"{clean(one_line(u.mention.sentence))}", markup=False, highlight=False,
                      soft_wrap=True)
    total = sum(1 for _ in pack.figures())
    console.print(f"{len(found)} uncovered number(s); {total} figures, {len(ignores)} ignored",
                  markup=False, highlight=False)
