"""Pins from the shell: ``briefing pins``, ``pin ID``, ``unpin ID`` and ``export --pins``.

They read and write the same per-user state file as the app (:mod:`briefing.userstate`), so
something pinned here shows in the app's Pins node and the other way round.
"""

from __future__ import annotations

from typing import Annotated

import typer

from briefing.cli.console import deliver_markdown, err_console, fail, print_json, state
from briefing.cli.root import LangOption, app, set_lang
from briefing.userstate import LimitReached, PackState, StateStore, changes

IdArgument = Annotated[str, typer.Argument(
    metavar="ID", help="A section, item, figure or comparison id.")]


def _store() -> StateStore:
    return StateStore()


def _say_notices(store: StateStore) -> None:
    for notice in store.notices:
        err_console.print(f"note: {notice}", markup=False, highlight=False, soft_wrap=True)


def _say_set_aside(ids: list[str]) -> None:
    if ids:
        err_console.print(f"note: {len(ids)} pin(s) no longer in this pack, kept aside: "
                          f"{', '.join(ids)}", markup=False, highlight=False, soft_wrap=True)


def current_pins() -> tuple[list[str], list[str]]:
    """(pins the pack has, in pin order; pins set aside), with notices said on stderr."""
    pack = state.pack()
    store = _store()
    saved = store.load(pack.id)
    _say_notices(store)
    saved.reconcile(pack)
    return saved.pins, saved.set_aside


@app.command()
def pins(json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
         lang: LangOption = None) -> None:
    """List what you pinned (in the app with p, or with briefing pin), in pin order."""
    set_lang(lang)
    pack = state.pack()
    from briefing.present.titles import kind_of, title_of

    live, aside = current_pins()
    if json:
        def title(item_id: str) -> dict:
            return {"en": title_of(pack, item_id, "en"), "zh": title_of(pack, item_id, "zh")}

        print_json({
            "pack": pack.id,
            "pins": [{"id": i, "kind": kind_of(pack, i), "title": title(i)} for i in live],
            "set_aside": aside})
        return
    _say_set_aside(aside)
    if not live:
        err_console.print("no pins yet: pin with 'briefing pin ID' or p in the app",
                          markup=False, highlight=False)
        return
    from rich.table import Table
    from rich.text import Text

    from briefing.cli.console import out, piped
    from briefing.cli.render import plain
    from briefing.text.rich_wrap import Wrapped

    whole = piped()  # a pipe: one pin per line, the title whole
    table = Table(header_style="bold", box=None, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("ID", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Title", no_wrap=whole)
    for number, item_id in enumerate(live, start=1):
        table.add_row(str(number), Text(item_id), kind_of(pack, item_id),
                      Wrapped(plain(title_of(pack, item_id, state.lang))))
    out(table, wide=True)


def _change(item_id: str, pin: bool) -> None:
    pack = state.pack()
    from briefing.cli.console import qualified_id

    item_id = qualified_id(pack, item_id)
    if pin:
        from briefing.cli.item_ids import known_item

        known_item(pack, item_id)
    store = _store()
    outcome: dict[str, bool] = {}
    act = changes.pin(item_id) if pin else changes.unpin(item_id)

    def change(saved: PackState) -> PackState | None:
        saved.reconcile(pack)
        outcome["listed"] = item_id in saved.pins or item_id in saved.set_aside
        return act(saved)

    try:
        written = store.update(pack.id, change)
    except LimitReached as exc:
        _say_notices(store)
        raise fail(str(exc)) from None
    _say_notices(store)
    if pin and outcome.get("listed"):
        err_console.print(f"{item_id} is already pinned", markup=False, highlight=False,
                          soft_wrap=True)
    elif not pin and outcome.get("listed") is False:
        raise fail(f"'{item_id}' is not pinned (see: briefing pins)")
    elif written is None:
        raise fail("the pin could not be saved (see the note above)")
    else:
        word = "pinned" if pin else "unpinned"
        err_console.print(f"{word} {item_id}", markup=False, highlight=False, soft_wrap=True)


@app.command()
def pin(item_id: IdArgument) -> None:
    """Pin a section, item, figure or comparison (it goes to the end of your pins)."""
    _change(item_id, pin=True)


@app.command()
def unpin(item_id: IdArgument) -> None:
    """Remove a pin."""
    _change(item_id, pin=False)


def export_pins(output: str | None, force: bool, lang: str, fmt: str = "md",
                cite: str = "footnotes") -> None:
    """``briefing export --pins``: the brief, written with the same safety as every export
    (``lang``, ``fmt`` and ``cite`` already checked by the export command)."""
    pack = state.pack()
    live, aside = current_pins()
    _say_set_aside(aside)
    if not live:
        raise fail("nothing is pinned; pin with 'briefing pin ID' or p in the app")
    from briefing.export.brief import brief_document

    document = brief_document(pack, live, lang, cite)  # type: ignore[arg-type]
    deliver_markdown(document.render(fmt), output, force,  # type: ignore[arg-type]
                     f"{len(live)} pinned")
