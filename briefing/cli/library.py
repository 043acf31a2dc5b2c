"""``briefing library``: list, add, remove and validate the briefings of a library, and write
it out as one SQLite database.

The library is ``--content LIB`` when given, else the default one (``BRIEFING_LIBRARY_DIR``,
or ``library`` in the user data folder), which also holds the bundled briefing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from briefing.cli.console import err_console, fail, out, print_json, print_problems, state
from briefing.cli.root import LangOption, app, set_lang

if TYPE_CHECKING:
    from briefing.library import Library

library_app = typer.Typer(name="library", add_completion=False, rich_markup_mode=None,
                          help="The briefings of a library: list (the default), add, remove, "
                               "validate, export-sqlite.")
app.add_typer(library_app, name="library")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]


def _open() -> Library:
    from briefing.library import LibraryInvalid, open_library

    try:
        return open_library(state.content)
    except LibraryInvalid as exc:
        print_problems(exc.problems)
        raise typer.Exit(1) from None


def _folder() -> Path | None:
    """The library folder add and remove change (None: the default one); never a pack."""
    from briefing.library.locate import is_pack

    if state.content is not None and is_pack(state.content):
        raise fail(f"--content {state.content} is a content pack; give a library folder", 2)
    return state.content


@library_app.callback(invoke_without_command=True)
def library(ctx: typer.Context, json: JsonOption = False, lang: LangOption = None) -> None:
    """List the briefings: title, date, documents, figures, and how much is in English."""
    set_lang(lang)
    if ctx.invoked_subcommand is None:
        _list(json)


@library_app.command("list")
def list_(json: JsonOption = False, lang: LangOption = None) -> None:
    """List the briefings: title, date, documents, figures, and how much is in English."""
    set_lang(lang)
    _list(json)


def _list(json: bool) -> None:
    library = _open()
    if json:
        from briefing.present.json_shapes import text

        print_json({
            "library": str(library.root) if library.root else None,
            "title": text(library.title),
            "briefings": [{
                "id": e.id, "title": text(e.title), "date": e.date, "path": str(e.path),
                "bundled": e.bundled, "figures": e.summary.figures if e.summary else None,
                "translated": round(e.translated, 4), "problem": e.problem,
                "documents": [{"id": d.id, "title": text(d.title),
                               "publisher": text(d.publisher), "date": d.date}
                              for d in e.documents]} for e in library.entries]})
        return
    from briefing.cli.library_view import library_table

    out(library_table(library, state.lang), wide=True)


@library_app.command()
def add(
    path: Annotated[Path, typer.Argument(metavar="PACK", help="The pack folder to add.")],
    link: Annotated[bool, typer.Option("--link", help="Link to the pack where it is instead "
                                       "of copying it (for a pack still being written).")]
    = False,
) -> None:
    """Add a pack: validated, then copied in (or linked with --link); never overwrites."""
    from briefing.library.manage import ManageError, add_pack

    try:
        where = add_pack(_folder(), path, link=link)
    except ManageError as exc:
        raise fail(str(exc)) from None
    err_console.print(f"{'linked' if link else 'added'} {where}", markup=False,
                      highlight=False, soft_wrap=True)


@library_app.command()
def remove(
    briefing: Annotated[str, typer.Argument(metavar="ID", help="The briefing to remove.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask.")] = False,
) -> None:
    """Take a briefing out: a copy is moved to the library's .removed/ folder (a link is
    unlinked, its pack untouched). Asks first, unless --yes."""
    from briefing.library.manage import ManageError, removal_target, remove_pack

    _folder()
    library = _open()
    try:
        target = removal_target(library, briefing)
    except ManageError as exc:
        raise fail(str(exc)) from None
    if not yes:
        if not _can_ask():
            raise fail(f"removing {target} needs --yes when nobody can be asked", 2)
        if not typer.confirm(f"Remove {briefing} ({target}) from the library?", default=False):
            raise fail("nothing removed")
    try:
        done = remove_pack(library, briefing)
    except ManageError as exc:
        raise fail(str(exc)) from None
    err_console.print(done, markup=False, highlight=False, soft_wrap=True)


def _can_ask() -> bool:
    """Whether a person can answer a question (standard input is a terminal)."""
    import sys

    return sys.stdin.isatty()


@library_app.command()
def validate() -> None:
    """Check every pack in full, then the library's indicators and comparisons."""
    from briefing.library.checks import check_packs, cross_problems

    library = _open()
    problems: list[str] = []
    packs = {}
    for checked in check_packs(library):
        if checked.pack is None:
            problems.extend(checked.problems)
            continue
        packs[checked.id] = checked.pack
        pack = checked.pack
        err_console.print(f"ok: {checked.id}: {sum(1 for _ in pack.figures())} figures, "
                          f"{len(pack.documents)} documents", markup=False, highlight=False,
                          soft_wrap=True)
    problems.extend(cross_problems(library, packs))
    if problems:
        print_problems(problems, None)
        raise fail(f"{len(problems)} problem(s) in the library")
    spec = library.spec
    typer.echo(f"ok: {len(packs)} briefings, {len(spec.indicators)} indicators, "
               f"{len(spec.comparisons)} comparisons")


@library_app.command("export-sqlite")
def export_sqlite(
    output: Annotated[Path, typer.Argument(metavar="OUT.db", help="The database to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """The whole library as one SQLite database (briefings, documents, sections and items,
    figures with their quotes, indicators, comparisons and their rows)."""
    from briefing.export import ExportError
    from briefing.export.sqlite import write_database

    library = _open()
    try:
        counts = write_database(library, output, force=force)
    except ExportError as exc:
        raise fail(str(exc)) from None
    summary = ", ".join(f"{n} {table}" for table, n in counts.items())
    err_console.print(f"wrote {output} ({summary})", markup=False, highlight=False,
                      soft_wrap=True)
