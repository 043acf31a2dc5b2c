"""Pins made outside the app (``briefing pin``, another ``briefing serve`` tab) survive the
app's own writes, show in its tree and are announced (issue 26, item 1)."""

from __future__ import annotations

from test_workflow import pin_leaves, wait_for

from briefing.tui import BriefingApp
from briefing.userstate import StateStore


def _pin_elsewhere(store: StateStore, item_id: str) -> None:
    """What ``briefing pin ITEM`` does, from another process's point of view."""
    StateStore(store.directory).update(
        "fixture", lambda s: (s.toggle_pin(item_id), s)[1])


def _notices(app) -> list[str]:
    return [n.message for n in app._notifications]


def test_a_pin_made_while_the_app_runs_survives_navigation_and_quit(fixture_pack, drive,
                                                                     tmp_path):
    store = StateStore(tmp_path / "state")

    async def scenario(pilot):
        app = pilot.app
        _pin_elsewhere(store, "tech-smes-2024")
        app.open_id("weaknesses")  # j, Enter in the tree: the app saves where it is
        await wait_for(pilot, lambda: app.main.pane.node_id == "weaknesses")
        await wait_for(pilot, lambda: pin_leaves(app) == ["tech-smes-2024"], "pin in tree")
        await wait_for(pilot, lambda: any("changed elsewhere" in m for m in _notices(app)),
                       "notice")
        app.main.pane.focus()
        await pilot.press("p")  # the app's own pin goes after it
        await wait_for(pilot, lambda: pin_leaves(app) == ["tech-smes-2024", "weaknesses"])
        await pilot.press("q")

    drive(BriefingApp(fixture_pack, store=store), scenario)
    assert StateStore(store.directory).load("fixture").pins == ["tech-smes-2024", "weaknesses"]


def test_the_app_notices_a_pin_while_idle(fixture_pack, drive, tmp_path):
    store = StateStore(tmp_path / "state")

    async def scenario(pilot):
        app = pilot.app
        _pin_elsewhere(store, "cmp-ranks")
        app.session.refresh()  # what the app's timer calls every STATE_POLL_SECONDS
        await wait_for(pilot, lambda: pin_leaves(app) == ["cmp-ranks"], "pin in tree")
        await wait_for(pilot, lambda: any("1 added" in m for m in _notices(app)), "notice")
        assert app._timers, "the app polls the state file"

    drive(BriefingApp(fixture_pack, store=store), scenario)
