"""Helpers shared by the app's Pilot tests."""

from __future__ import annotations

from briefing.tui.key_labels import in_language
from briefing.tui.widgets.prose import Prose


def pane_text(app) -> str:
    """The reading pane's paragraphs as plain text."""
    pane = app.main.pane
    return "\n".join(p.text.plain for p in pane.query(".paragraph").results(Prose))


def footer_descriptions(app) -> set[str]:
    """What the footer calls each active key, in the app's language."""
    return {in_language(b.binding, b.node, app.lang).description
            for b in app.screen.active_bindings.values()}


async def wait_until(pilot, condition, what: str = "", tries: int = 200) -> None:
    """Let the app process messages until ``condition()`` holds (never a fixed sleep)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause()
    assert condition(), f"timed out waiting for {what}" if what else None


def saved(store):
    """The fixture pack's state as a fresh reader of ``store``'s file sees it."""
    from briefing.userstate import StateStore

    return StateStore(store.directory).load("fixture")


async def read_in_pane(pilot, node_id: str) -> None:
    """Open ``node_id`` and put the focus on the reading pane (no row focused): what keys
    act on is then the item being read."""
    app = pilot.app
    app.open_id(node_id)
    await wait_until(pilot, lambda: app.main.pane.node_id == node_id, node_id)
    app.main.pane.focus()
    await wait_until(pilot, lambda: app.main.pane.has_focus, "the pane focused")
