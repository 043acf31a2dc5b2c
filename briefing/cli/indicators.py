"""``briefing indicator ID``: the figure each briefing has for one of the library's indicators,
pack by pack, with its value, hedge, period, kind and verbatim quote; where a briefing has
none, or several candidates, it says so. ``--confirm`` writes the analyst's choice into the
pack (the figure's ``indicator:``), ``--unconfirm`` takes it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from briefing.cli.console import err_console, fail, out, print_json, state
from briefing.cli.root import LangOption, app, set_lang
from briefing.library.qualified import shown_id

if TYPE_CHECKING:
    from briefing.library import Library
    from briefing.library.indicators import Finding
    from briefing.model.library import Indicator


@app.command()
def indicator(
    indicator_id: Annotated[str | None, typer.Argument(
        metavar="[ID]", help="An indicator of the library (without: list them).")] = None,
    period: Annotated[str | None, typer.Option("--period", help="Only figures of this "
                                               "period (YYYY or YYYY-MM).")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="Only figures of this kind "
                                             "(target, actual, growth, ...).")] = None,
    briefing: Annotated[list[str] | None, typer.Option(
        "--briefing", "-b", help="Only these briefings (repeat for more).")] = None,
    confirm: Annotated[str | None, typer.Option(
        "--confirm", metavar="BRIEFING:FIGURE",
        help="Confirm this figure as the indicator (writes its 'indicator:' line).")] = None,
    unconfirm: Annotated[str | None, typer.Option(
        "--unconfirm", metavar="BRIEFING:FIGURE", help="Take a confirmation back.")] = None,
    json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    csv: Annotated[bool, typer.Option("--csv", help="Print CSV, one row per figure.")] = False,
    lang: LangOption = None,
) -> None:
    """Each briefing's figure for an indicator of the library, with its quote."""
    set_lang(lang)
    if json and csv:
        raise fail("give --json or --csv, not both", 2)
    library = state.library()
    spec = library.spec
    if not spec.indicators:
        where = library.root or "the library"
        raise fail(f"no indicators are declared; add them under 'indicators' in "
                   f"{where}/library.yaml", 2)
    if indicator_id is None:
        _list_indicators(spec.indicators, json)
        return
    if not spec.has_indicator(indicator_id):
        from briefing.pack.checker import did_you_mean

        raise fail(f"unknown indicator '{indicator_id}'"
                   f"{did_you_mean(indicator_id, [i.id for i in spec.indicators])}")
    chosen = spec.indicator(indicator_id)
    if confirm or unconfirm:
        _confirm(library, chosen, confirm, unconfirm)
        return
    from briefing.model import FIGURE_KINDS

    if kind is not None and kind not in FIGURE_KINDS:
        raise fail(f"--kind must be one of {', '.join(FIGURE_KINDS)}", 2)
    unknown = [b for b in briefing or () if not library.has(b)]
    if unknown:
        raise fail(f"unknown briefing '{unknown[0]}' (see: briefing library)")
    from briefing.library.indicators import find

    findings = [find(library.pack(b), chosen, period, kind)
                for b in (briefing or library.ids())]
    if json:
        print_json(_as_json(library, chosen, findings))
    elif csv:
        from briefing.cli.csvout import write_csv

        write_csv(_csv_rows(library, chosen, findings))
    else:
        from briefing.cli.indicator_view import findings_view

        out(findings_view(library, chosen, findings, state.lang, period, kind), wide=True)


def _list_indicators(indicators: tuple[Indicator, ...], json: bool) -> None:
    from briefing.present.json_shapes import text

    if json:
        print_json([{"id": i.id, "name": text(i.name), "unit": i.unit,
                     "phrases": list(i.phrases)} for i in indicators])
        return
    for i in indicators:
        typer.echo(f"{i.id}  {i.name.get(state.lang)} ({i.unit}): {' / '.join(i.phrases)}")


def _as_json(library: Library, chosen: Indicator, findings: list[Finding]) -> dict:
    from briefing.present.json_shapes import figure, text

    return {"indicator": chosen.id, "name": text(chosen.name), "unit": chosen.unit,
            "briefings": [{
                "briefing": f.briefing, "title": text(library.entry(f.briefing).title),
                "status": f.status,
                "figures": [{**figure(fig), "id": shown_id(library, f.briefing, fig.id)}
                            for fig in f.figures]} for f in findings]}


def _csv_rows(library: Library, chosen: Indicator, findings: list[Finding]) -> list[dict]:
    rows = []
    for f in findings:
        pack = library.pack(f.briefing)
        base = {"indicator": chosen.id, "briefing": f.briefing, "status": f.status}
        if not f.figures:
            rows.append({**base, "figure": None})
        for fig in f.figures:
            doc = pack.document(fig.source.doc)
            rows.append({**base, "figure": shown_id(library, f.briefing, fig.id),
                         "label": {"zh": fig.label.zh, "en": fig.label.en},
                         "value": fig.value, "high": fig.high, "unit": fig.unit,
                         "display": fig.display,
                         "qualifier": fig.qualifier, "period": fig.period, "kind": fig.kind,
                         "quote": fig.source.quote, "document": doc.id,
                         "document_title": {"zh": doc.title.zh, "en": doc.title.en}})
    return rows


def _confirm(library: Library, chosen: Indicator, confirm: str | None,
             unconfirm: str | None) -> None:
    """Write (or take back) the analyst's choice in the figure's own pack."""
    from briefing.library.qualified import split
    from briefing.pack.edit import EditRefused, set_figure_indicator

    if confirm and unconfirm:
        raise fail("give --confirm or --unconfirm, not both", 2)
    target = confirm or unconfirm or ""
    briefing, own = split(target)
    if briefing is None and library.single is not None:
        briefing = library.single.id
    if briefing is None or not library.has(briefing):
        raise fail(f"'{target}' must be BRIEFING:FIGURE, a briefing of the library "
                   "(see: briefing library)")
    entry = library.entry(briefing)
    if entry.bundled:
        raise fail("the bundled briefing is not changed here: add a copy of it to the "
                   "library (briefing library add) and confirm there")
    pack = library.pack(briefing)
    if not pack.has_figure(own):
        raise fail(f"briefing '{briefing}' has no figure '{own}'")
    fig = pack.figure(own)
    if confirm and fig.unit != chosen.unit:
        raise fail(f"'{target}' is in '{fig.unit}' but indicator '{chosen.id}' is in "
                   f"'{chosen.unit}'")
    if unconfirm and fig.indicator != chosen.id:
        raise fail(f"'{target}' is not confirmed as '{chosen.id}'")
    try:
        changed = set_figure_indicator(entry.path, own, chosen.id if confirm else None)
    except EditRefused as exc:
        raise fail(str(exc)) from None
    word = "confirmed" if confirm else "unconfirmed"
    err_console.print(f"{word} {target} as {chosen.id} ({changed})", markup=False,
                      highlight=False, soft_wrap=True)
