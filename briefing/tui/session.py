"""The app's memory of one pack: resume state and pins, kept in the per-user state file.

Plain Python (no Textual): the app asks it what to restore and tells it what changed; it
checks saved ids against the pack, so a state file written for an older pack can never make
the app open something that is gone. Without a store (as in most tests) nothing is read or
written.
"""

from __future__ import annotations

from briefing.model import Lang, Pack
from briefing.userstate import PackState, StateStore


class Session:
    def __init__(self, pack: Pack, store: StateStore | None) -> None:
        self.pack = pack
        self.store = store
        self.state = store.load(pack.id) if store else PackState()
        self.set_aside = self.state.reconcile(pack)
        self._said = 0  # notices already handed out

    # -- what to restore ---------------------------------------------------------------------
    @property
    def resumable(self) -> bool:
        return self.store is not None

    def saved_lang(self) -> Lang | None:
        return self.state.lang

    def saved_open(self, openable) -> str | None:
        """The saved open item if ``openable(id)`` still accepts it."""
        open_id = self.state.open_id
        return open_id if open_id and openable(open_id) else None

    def saved_expanded(self) -> set[str] | None:
        if self.state.expanded is None:
            return None
        # "*"-ids are the app's own tree nodes (Figures, Pins); others must be in the pack
        return {i for i in self.state.expanded if self.pack.has_node(i) or i.startswith("*")}

    def new_notices(self) -> list[str]:
        """Notices (unreadable state file, pins set aside) not shown yet."""
        said = self.store.notices if self.store else []
        fresh = said[self._said:]
        self._said = len(said)
        if self.set_aside:
            fresh.append(f"{len(self.set_aside)} pin(s) no longer in this pack, kept aside: "
                         + ", ".join(self.set_aside))
            self.set_aside = []
        return fresh

    # -- what changed ------------------------------------------------------------------------
    def remember(self, **changes) -> None:
        """Update fields of the saved state (open_id, lang, expanded, tree_hidden, scroll)."""
        for name, value in changes.items():
            setattr(self.state, name, value)
        self.save()

    def save(self) -> None:
        if self.store is not None:
            self.store.save(self.pack.id, self.state)

    # -- pins --------------------------------------------------------------------------------
    @property
    def pins(self) -> list[str]:
        return self.state.pins

    def toggle_pin(self, item_id: str) -> bool:
        pinned = self.state.toggle_pin(item_id)
        self.save()
        return pinned

    def move_pin(self, item_id: str, delta: int) -> bool:
        moved = self.state.move_pin(item_id, delta)
        if moved:
            self.save()
        return moved
