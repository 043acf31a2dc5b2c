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
    ignored: Annotated[bool, typer.Option("--ignored", help="Print the numbers that are not "
                                          "figures, as coverage ignore entries with reasons.")]
    = False,
    json: JsonOption = False,
) -> None:
    """Every figure in a document as a draft (YAML on standard output); with --ignored, the
    numbers that are not figures, each with its reason."""
    import datetime

    from briefing.authoring.reader import read_figures
    from briefing.authoring.stubs import ignore_entries, slug, stubs

    hedges: tuple[str, ...] = ()
    text, date, units = None, None, None
    if state.content is not None:  # --content: the pack's hedges, units, and id for this file
        documents, declared, units = _manifest_hints(state.content)
        hedges = tuple(h.word for h in declared)
        known = _pack_document(documents, document)
        if known is not None:  # quote the text the pack keeps, never a new extraction
            doc_id, text, date = doc_id or known.id, known.read(), known.date
    if text is None:
        from briefing.documents import DocumentError, read_document

        try:
            text = read_document(document).text
        except DocumentError as exc:
            raise fail(str(exc)) from None
    reading = read_figures(text, date=date, hedges=hedges)
    doc_id = doc_id or slug(document.stem)
    if ignored:
        data: object = ignore_entries(reading, doc_id)
    else:
        figures = stubs(text, doc_id, str(datetime.date.today().year), hedges, reading, units)
        data = figures
        if section is not None:
            data = {"id": section, "title": {"zh": "TODO: 标题", "en": "TODO: title"},
                    "text": {"zh": "TODO: 正文", "en": "TODO: text"}, "figures": figures}
    if json:
        print_json(data)
        return
    from briefing.authoring.yaml_out import dump

    comment = "" if ignored else _units_comment(reading, units)
    typer.echo(comment + dump(data), nl=False)


def _units_comment(reading, declared: set[str] | None) -> str:
    """The units the drafts use, as manifest lines in a YAML comment: with --content, those
    the pack lacks (their drafts say TODO until they are declared)."""
    units = {f.unit.id: f.unit for f in reading.figures if f.unit and f.unit.zh
             and (declared is None or f.unit.id not in declared)}
    if not units:
        return ""
    lines = ["# units these drafts use (declare in the manifest those it lacks):"
             if declared is None else
             "# units the pack lacks (drafts in them say unit TODO until they are declared):"]
    for unit in units.values():
        singular = f", singular: {unit.singular}" if unit.singular else ""
        lines.append(f"#   {unit.id}: {{zh: \"{unit.zh}\", en: \"{unit.en}\"{singular}}}")
    return "\n".join(lines) + "\n"


def _manifest_hints(root: Path) -> tuple[list, list, set[str]]:
    """The documents, hedges and unit ids of the pack's manifest, even while its sections are
    broken (``stub ... > sections/x.yaml`` empties a section file before stub runs)."""
    from briefing.pack.loader import PackBuilder

    builder = PackBuilder(root)
    builder.manifest()
    return builder.documents, builder.declared_hedges, set(builder.units)


def _pack_document(documents: list, document: Path):
    """The manifest's document this file is (its original or its text, matched by content),
    if it lists it."""
    import hashlib

    from briefing.documents import limits

    try:
        if not document.is_file():
            return None  # the reader says why, naming the file
        with document.open("rb") as handle:
            data = handle.read(limits.MAX_ORIGINAL_BYTES + 1)
    except OSError:
        return None
    digest = hashlib.sha256(data).hexdigest()
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
        from briefing.cli.console import print_problems

        print_problems(problems, None, pack.root)
        raise typer.Exit(1)
    found = uncovered(pack, ignores)
    unread = [u for u in found if not u.readable]
    found = [u for u in found if u.readable]
    if json:
        print_json([{"doc": u.doc, "line": u.line, "number": u.text, "value": u.value,
                     "sentence": u.sentence, "not_a_figure": u.reason,
                     "readable": u.readable} for u in [*found, *unread]])
        return
    from briefing.text.sanitize import clean, one_line

    for u in found:
        why = f" (not a figure? {u.reason})" if u.reason else ""
        console.print(f"{u.doc}:{u.line}: {clean(u.text)} — {clean(one_line(u.sentence))}"
                      f"{why}", markup=False, highlight=False, soft_wrap=True)
    for u in unread:
        console.print(f"{u.doc}:{u.line}: cannot read {clean(u.text)} — "
                      f"{clean(one_line(u.sentence))}", markup=False, highlight=False,
                      soft_wrap=True)
    total = sum(1 for _ in pack.figures())
    unread_note = f", {len(unread)} the reader cannot read" if unread else ""
    console.print(f"{len(found)} uncovered number(s){unread_note}; {total} figures, "
                  f"{len(ignores)} ignored", markup=False, highlight=False)
