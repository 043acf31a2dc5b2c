"""Changes to one pack's state, applied to what is on disk at the moment of writing.

Every writer (the app, ``briefing pin``, each ``briefing serve`` tab) says *what it does*,
never *what the state is*: "pin X", "unpin X", "move X up", "the open item is now Y". The
store applies the change to the freshest state under its lock, so a pin made anywhere else
meanwhile survives. Resume fields are each the last writer's; pins are merged.

A change is a function from the fresh :class:`PackState` to the state to write, or None when
there is nothing to write (pinning what is pinned already).
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.userstate.state import MAX_EXPANDED, RESUME_FIELDS, PackState

Change = Callable[[PackState], PackState | None]


def set_fields(**fields: object) -> Change:
    """The resume fields given (``open_id``, ``lang``, ``expanded``, ``tree_hidden``,
    ``tree_width``, ``scroll``, ``scrolls``) take these values; the pins are left as they are
    on disk."""
    unknown = set(fields) - set(RESUME_FIELDS)
    if unknown:
        raise TypeError(f"not resume fields: {sorted(unknown)}")
    if isinstance(fields.get("expanded"), list):
        fields["expanded"] = fields["expanded"][:MAX_EXPANDED]

    def change(state: PackState) -> PackState | None:
        if all(getattr(state, name) == value for name, value in fields.items()):
            return None
        for name, value in fields.items():
            setattr(state, name, value)
        return state

    return change


def pin(item_id: str) -> Change:
    """Pin at the end, unless pinned (or set aside) already; may raise LimitReached."""

    def change(state: PackState) -> PackState | None:
        if item_id in state.pins or item_id in state.set_aside:
            return None
        state.toggle_pin(item_id)
        return state

    return change


def unpin(item_id: str) -> Change:
    """Remove the pin, wherever it is (pinned or set aside)."""

    def change(state: PackState) -> PackState | None:
        if item_id not in state.pins and item_id not in state.set_aside:
            return None
        state.pins = [i for i in state.pins if i != item_id]
        state.set_aside = [i for i in state.set_aside if i != item_id]
        return state

    return change


def move_pin(item_id: str, delta: int) -> Change:
    """Move the pin ``delta`` places within the pins as they are now."""

    def change(state: PackState) -> PackState | None:
        return state if state.move_pin(item_id, delta) else None

    return change
