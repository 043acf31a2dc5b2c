"""The reading commands: validate, sections, show, figures, compare, export, and ``tui``, which
hands over to :mod:`briefing.cli.launch` (the only way into Textual)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from briefing.cli.console import (
    briefing_of,
    console,
    deliver_markdown,
    facets_from,
    fail,
    out,
    print_json,
    qualified_id,
    state,
    unknown_id,
)
from briefing.cli.item_ids import known_item
from briefing.cli.launch import open_app
from briefing.cli.root import (
    BriefingOption,
    IndicatorOption,
    KindOption,
    LabelOption,
    LangOption,
    PeriodOption,
    ScopeOption,
    UnitOption,
    app,
    set_lang,
)


@app.command()
def tui(
    item_id: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Open at this section, item or figure."),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Open the interactive briefing, optionally at a section or item."""
    set_lang(lang)
    open_app(item_id)


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV (RFC 4180, UTF-8, header "
                                         "row) for spreadsheets.")]


def _one_format(json: bool, csv: bool) -> None:
    if json and csv:
        raise fail("give --json or --csv, not both", 2)


@app.command()
def validate(
    path: Annotated[Path | None, typer.Argument(help="Pack directory (default: the bundled "
                                                "pack, or --content).")] = None,
    every: Annotated[bool, typer.Option("--all", help="List every problem (without it, the "
                                        "first 20 and how many more).")] = False,
    lang: LangOption = None,
) -> None:
    """Check a content pack (and its coverage ignore list) and list its problems as
    file:line: message."""
    set_lang(lang)
    if path is not None:
        state.content, state._pack = path, None
    if state.qualified:  # a library: every pack in full, then what ties them together
        from briefing.cli.library import validate as validate_library

        validate_library()
        return
    shown = None if every else 20
    pack = state.pack(cached=False, shown=shown)
    if pack.coverage_ignore:
        from briefing.authoring.coverage import read_ignores
        from briefing.cli.console import print_problems

        problems = read_ignores(pack, pack.coverage_ignore)[1]
        if problems:
            print_problems(problems, shown, pack.root)
            raise typer.Exit(1)
    nodes = list(pack.nodes())
    console.print(
        f"ok: {pack.id}: {len(pack.sections)} sections, {len(nodes) - len(pack.sections)} "
        f"items, {sum(1 for _ in pack.figures())} figures, {len(pack.comparisons)} comparisons, "
        f"{len(pack.documents)} documents (hashes match)",
        markup=False,
    )


@app.command()
def sections(json: JsonOption = False, lang: LangOption = None) -> None:
    """The loaded pack's section tree: its sections and their items, nested as it declares."""
    set_lang(lang)
    pack = state.pack()
    if json:
        from briefing.present.json_shapes import node_tree

        print_json([node_tree(section) for section in pack.sections])
        return
    from briefing.cli.render import section_tree

    out(section_tree(pack, state.lang))


@app.command()
def show(
    item_id: Annotated[str, typer.Argument(metavar="ID", help="A section, item, figure or "
                                           "comparison id.")],
    lang: LangOption = None,
) -> None:
    """Show a section or item with its figures and cited sources."""
    set_lang(lang)
    pack = state.pack()
    from briefing.cli import render
    from briefing.present.comparison_rows import adhoc_figures

    item_id = qualified_id(pack, item_id)
    if pack.has_node(item_id):
        out(render.node_view(pack, pack.node(item_id), state.lang))
    elif pack.has_figure(item_id):
        out(render.figure_detail(pack, pack.figure(item_id), state.lang))
    elif pack.has_comparison(item_id) or adhoc_figures(item_id) is not None:
        from briefing.present.comparison_rows import build, find_comparison

        known_item(pack, item_id)  # an ad-hoc one that cannot be drawn: one line, why
        view = build(pack, find_comparison(pack, item_id))
        out(render.comparison_view(pack, view, state.lang))
    else:
        raise unknown_id(pack, item_id)


@app.command()
def figures(
    section: Annotated[str | None, typer.Option("--section", "-s", help="Only figures under "
                                                "this section or item.")] = None,
    kind: KindOption = None,
    period: PeriodOption = None,
    unit: UnitOption = None,
    scope: ScopeOption = None,
    briefing: BriefingOption = None,
    indicator: IndicatorOption = None,
    label: LabelOption = None,
    json: JsonOption = False,
    csv: CsvOption = False,
    lang: LangOption = None,
) -> None:
    """Every figure: value, unit, period, kind and the verbatim quote it came from; the
    facets (--kind, --period, --unit, --scope, --briefing, --indicator, --label) narrow it."""
    set_lang(lang)
    _one_format(json, csv)
    pack = state.pack()
    section = section and qualified_id(pack, section)
    if section is None:
        selected = list(pack.figures())
    elif pack.has_node(section):
        selected = list(pack.node(section).all_figures())
    else:
        raise unknown_id(pack, section, wanted="a section or item")
    if kind or period or unit or scope or briefing or indicator or label:
        facets = facets_from(pack, kind, period, unit, scope, briefing, indicator, label)
        selected = [f for f in selected if facets.matches(f, briefing_of(f.id))]
    if json or csv:
        from briefing.present.json_shapes import figure

        records = [figure(fig, pack) for fig in selected]
        if state.qualified:
            from briefing.library.records import with_briefing

            records = [with_briefing(pack, fig, record)
                       for fig, record in zip(selected, records, strict=True)]
        if csv:
            from briefing.cli.csvout import write_csv

            write_csv(records)
        else:
            print_json(records)
        return
    from briefing.cli.console import piped
    from briefing.cli.render import figures_table

    out(figures_table(pack, selected, state.lang, whole=piped()), wide=True)


@app.command()
def compare(
    ids: Annotated[list[str] | None, typer.Argument(
        metavar="[ID]...",
        help="A comparison id, or two or more figure ids with the same unit. "
             "Without ids, list the curated comparisons.")] = None,
    json: JsonOption = False,
    csv: CsvOption = False,
    lang: LangOption = None,
) -> None:
    """Curated side-by-side comparisons with bars; actual vs target shows progress."""
    set_lang(lang)
    _one_format(json, csv)
    pack = state.pack()
    from briefing.present.comparison_json import view_to_dict
    from briefing.present.comparison_rows import (
        IncomparableFigures,
        adhoc,
        adhoc_figures,
        build,
    )

    if not ids:
        if csv:
            raise fail("--csv needs a comparison id or figure ids (the list has --json)", 2)
        _list_comparisons(pack, json)
        return
    ids = [qualified_id(pack, i) for i in ids]
    if len(ids) == 1 and (figures := adhoc_figures(ids[0])) is not None:
        ids = figures  # an ad-hoc comparison's id (as pinned): its figures
    curated = [i for i in ids if pack.has_comparison(i)]
    if curated and len(ids) > 1:
        raise fail(f"'{curated[0]}' is a comparison: give one comparison id, or two or more "
                   "figure ids (a comparison and figure ids cannot be mixed)", 2)
    if len(ids) == 1 and pack.has_comparison(ids[0]):
        view = build(pack, pack.comparison(ids[0]))
    elif missing := [i for i in ids if not pack.has_figure(i)]:
        raise unknown_id(pack, missing[0], wanted="a figure or comparison")
    else:
        try:
            view = adhoc(pack, ids)
        except IncomparableFigures as exc:
            raise fail(str(exc)) from None
    if json:
        print_json(view_to_dict(pack, view))
        return
    if csv:
        from briefing.cli.csvout import write_csv

        data = view_to_dict(pack, view)
        write_csv({"comparison": data["id"], **row} for row in data["rows"])
        return
    from briefing.cli.console import piped
    from briefing.cli.render import comparison_view

    out(comparison_view(pack, view, state.lang, whole=piped()), wide=True)


def _list_comparisons(pack, json: bool) -> None:
    if json:
        from briefing.present.json_shapes import text

        print_json([{"id": c.id, "kind": c.kind, "title": text(c.title),
                      "figures": list(c.figure_ids())} for c in pack.comparisons])
        return
    from rich import box
    from rich.table import Table

    from briefing.cli.console import piped
    from briefing.cli.render import plain
    from briefing.text.rich_wrap import Wrapped

    table = Table(header_style="bold", box=box.SIMPLE_HEAD)
    table.add_column("ID", no_wrap=True)  # ids are for copying: always whole
    table.add_column("Kind", no_wrap=True)
    table.add_column("Title", **({"no_wrap": True} if piped() else {"ratio": 1,
                                                                    "max_width": 60}))
    for c in pack.comparisons:
        table.add_row(c.id, c.kind, Wrapped(plain(c.title.get(state.lang))))
    out(table, wide=True)


FormatOption = Annotated[str | None, typer.Option(
    "--format", "-f", show_default=False,
    help="md (GitHub Markdown, the default), html (one self-contained page) or docx (Word); "
         "by default from the -o file's extension.")]
CiteOption = Annotated[str, typer.Option(
    "--cite", help="footnotes (GFM [^1], the default) or inline: '(S1: “quote”)' after each "
                   "paragraph, for pasting where footnotes do not survive.")]


def export_options(lang: str | None, fmt: str | None, cite: str,
                   output: str | None) -> tuple[str, str, str]:
    """(language, format, cite style) of an export, checked: a usage error names the option."""
    from briefing.export import CITE_STYLES, EXPORT_FORMATS
    from briefing.export.write import format_of

    if lang is not None and lang.lower() not in ("en", "zh", "both"):
        raise fail(f"--lang must be 'en', 'zh' or 'both', not {lang!r}", 2)
    if fmt is not None and fmt.lower() not in EXPORT_FORMATS:
        raise fail(f"--format must be 'md', 'html' or 'docx', not {fmt!r}", 2)
    if cite.lower() not in CITE_STYLES:
        raise fail(f"--cite must be 'footnotes' or 'inline', not {cite!r}", 2)
    chosen = fmt.lower() if fmt else (format_of(output) if output is not None else "md")
    both = lang is not None and lang.lower() == "both"
    set_lang(None if both else lang and lang.lower())
    return ("both" if both else state.lang), chosen, cite.lower()


@app.command()
def export(
    item_id: Annotated[str | None, typer.Argument(
        metavar="[ID]", help="The section, item, figure or comparison to export.")] = None,
    output: Annotated[str | None, typer.Option("--output", "-o", help="Write to this file "
                                               "instead of standard output (- is standard "
                                               "output).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    pins: Annotated[bool, typer.Option("--pins", help="Export your pins as one brief.")] = False,
    lang: Annotated[str | None, typer.Option(
        "--lang", "-l", show_default=False,
        help="Language: en, zh, or both (Chinese with English beneath).")] = None,
    fmt: FormatOption = None,
    cite: CiteOption = "footnotes",
) -> None:
    """Export a section, item, figure or comparison (or --pins, a brief) as Markdown, HTML or
    Word, with its figures, comparisons, sources and every verbatim quote cited."""
    if pins and item_id is not None:
        raise fail("give an ID or --pins, not both", 2)
    if not pins and item_id is None:
        raise fail("give the ID of a section, item, figure or comparison to export, or --pins "
                   "for your pins", 2)
    export_lang, chosen, style = export_options(lang, fmt, cite, output)
    if pins:
        from briefing.cli.pins import export_pins

        export_pins(output, force, export_lang, chosen, style)
        return
    pack = state.pack()
    item_id = known_item(pack, qualified_id(pack, item_id))
    from briefing.export import ExportDocument

    document = ExportDocument(pack, export_lang, style)  # type: ignore[arg-type]
    document.add_item(item_id)
    deliver_markdown(document.render(chosen), output, force)  # type: ignore[arg-type]
