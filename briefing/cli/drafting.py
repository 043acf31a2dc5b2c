"""``briefing draft`` (documents in, a Chinese pack out that validates and opens at once) and
``briefing status`` (how much of a pack is translated, what is left to do)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.console import console, err_console, fail, print_json, state
from briefing.cli.root import app


@app.command()
def draft(
    documents: Annotated[list[Path], typer.Argument(metavar="DOC...", help="Source documents "
                                                    "(PDF, .docx, web page or text in any "
                                                    "Chinese encoding).")],
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="DIR", help="The "
                                                "new pack's folder: new or empty (default: "
                                                "a folder named after the pack in the "
                                                "library, --content's or the default "
                                                "one).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace the pack already in DIR "
                                        "(only a pack: a folder without manifest.yaml is "
                                        "never replaced).")] = False,
) -> None:
    """Draft a pack from documents: sections and items from their headings, their text
    verbatim, every figure under the item its sentence is in, in Chinese (English to
    translate). Into -o DIR, else into the library; validates it; never overwrites without
    --force."""
    from briefing.authoring.draft.pack import DraftError, draft_pack

    named = state.content  # --content, before the draft is loaded in its place
    library = None if output is not None else _library()
    try:
        with _progress(len(documents)) as advance:
            drafted = draft_pack(documents, output or (lambda pack_id: library / pack_id),
                                 force, on_document=advance)
    except (DraftError, OSError) as exc:
        raise fail(str(exc)) from None
    for document in drafted.documents:
        left = f", {len(document.left_out)} numbers left to you" if document.left_out else ""
        err_console.print(f"{document.doc_id}: {document.items} sections and items, "
                          f"{document.figures} figures, {len(document.ignore)} numbers not "
                          f"figures{left}", markup=False, highlight=False, soft_wrap=True)
    state.content, state._pack = drafted.root, None
    loaded = state.pack(cached=False)  # prints every problem and exits 1 if any
    console.print(f"ok: drafted {loaded.id} in {drafted.root}: {len(loaded.sections)} "
                  f"sections, {sum(1 for _ in loaded.figures())} figures, in Chinese",
                  markup=False, highlight=False, soft_wrap=True)
    where = f"briefing --content {drafted.root}"
    if library is not None:
        where = "briefing" if named is None else f"briefing --content {library}"
    console.print(f"next: {where} (review), then translate and briefing status "
                  f"{drafted.root} (docs/writing-a-briefing.md)",
                  markup=False, highlight=False, soft_wrap=True)


def _library() -> Path:
    """Where a pack drafted without ``-o`` goes: the library ``--content`` names, else the
    default library (which plain ``briefing`` opens)."""
    from briefing.library.locate import default_library_dir, is_library

    if state.content is not None and is_library(state.content):
        return state.content
    return default_library_dir()


@contextlib.contextmanager
def _progress(total: int) -> Iterator:
    """A function to call as each document is drafted: a progress bar on stderr when it is
    a terminal and there is more than one document; nothing on a pipe."""
    if total < 2 or not err_console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(TextColumn("drafting"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.description}"), console=err_console,
                        transient=True)
    task = progress.add_task("", total=total)
    with progress:
        yield lambda path: progress.update(task, advance=1, description=path.name)


@app.command()
def status(
    path: Annotated[Path | None, typer.Argument(help="Pack directory (default: the bundled "
                                                "pack, or --content).")] = None,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """How much of the pack is translated (titles, texts, labels, notes) and what it holds."""
    if path is not None:
        state.content, state._pack = path, None
    pack = state.pack()
    from briefing.present.translation import translation_counts

    counts = translation_counts(pack)
    if json:
        print_json({"id": pack.id, "sections": len(pack.sections),
                    "items": sum(1 for n in pack.nodes() if not n.is_section),
                    "figures": sum(1 for _ in pack.figures()),
                    "comparisons": len(pack.comparisons),
                    "translated": {kind: {"done": c.done, "total": c.total}
                                   for kind, c in counts.items()}})
        return
    from briefing.text.sanitize import clean, one_line

    items = sum(1 for n in pack.nodes() if not n.is_section)
    console.print(f"{pack.id}: {clean(one_line(pack.title.zh))}", markup=False,
                  highlight=False, soft_wrap=True)
    console.print(f"{len(pack.documents)} documents, {len(pack.sections)} sections, {items} "
                  f"items, {sum(1 for _ in pack.figures())} figures, "
                  f"{len(pack.comparisons)} comparisons", markup=False, highlight=False)
    done = sum(c.done for c in counts.values())
    total = sum(c.total for c in counts.values())
    console.print(f"translated into English: {done} of {total} texts "
                  f"({_percent(done, total)})", markup=False, highlight=False)
    width = max(len(kind) for kind in counts)
    for kind, c in counts.items():
        console.print(f"  {kind:<{width}}  {c.done:>5} of {c.total:<5} "
                      f"({_percent(c.done, c.total)})", markup=False, highlight=False)


def _percent(done: int, total: int) -> str:
    if not total:
        return "none to translate"
    share = 100 * done / total
    return f"{share:.0f}%" if done in (0, total) or 1 <= share <= 99 else f"{share:.1f}%"
