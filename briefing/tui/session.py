"""The app's memory of one pack: resume state and pins, kept in the per-user state file.

Plain Python (no Textual): the app asks it what to restore and tells it what the user did;
it checks saved ids against the pack, so a state file written for an older pack can never
make the app open something that is gone. What the user does goes to the store as a change
(:mod:`briefing.userstate.changes`) applied to the file as it is then, so pins made meanwhile
by ``briefing pin`` or another ``briefing serve`` tab survive; the state the store hands back
is the app's new copy, and a difference in its pins is reported (:attr:`on_pins_changed`).
:meth:`refresh`, called on a timer, picks up such pins even while the user does nothing.
Without a store (as in most tests) nothing is read or written.
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.model import Lang, Pack
from briefing.userstate import LimitReached, PackState, StateStore, changes
from briefing.userstate.changes import Change


class Session:
    def __init__(self, pack: Pack, store: StateStore | None) -> None:
        self.pack = pack
        self.store = store
        self.state = store.load(pack.id) if store else PackState()
        self.set_aside = self.state.reconcile(pack)
        self._said = 0  # notices already handed out
        #: called with (pins added, pins removed) when the pins changed elsewhere
        self.on_pins_changed: Callable[[list[str], list[str]], None] | None = None

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

    def saved_scroll(self, lang: Lang) -> float:
        """Where the saved item was left in ``lang``: its own offset when it was read in that
        language, else the top (an offset in the other language points at other text)."""
        state = self.state
        if lang in state.scrolls:
            return state.scrolls[lang]
        return state.scroll if state.lang in (None, lang) and not state.scrolls else 0.0

    def saved_expanded(self) -> set[str] | None:
        if self.state.expanded is None:
            return None
        # "*"-ids are the app's own tree nodes (Figures, Pins); others must be in the pack
        return {i for i in self.state.expanded if self.pack.has_node(i) or i.startswith("*")}

    def new_notices(self) -> list[str]:
        """Notices (unreadable state file, pins set aside, limits) not shown yet."""
        said = self.store.notices if self.store else []
        fresh = said[self._said:]
        self._said = len(said)
        if self.set_aside:
            fresh.append(f"{len(self.set_aside)} pin(s) no longer in this pack, kept aside: "
                         + ", ".join(self.set_aside))
            self.set_aside = []
        return fresh

    # -- what the user did -------------------------------------------------------------------
    def remember(self, **fields) -> None:
        """Update resume fields (open_id, lang, expanded, tree_hidden, tree_width, scroll); a
        limit that refuses the write becomes a notice (where you were is not worth an error)."""
        try:
            self._apply(changes.set_fields(**fields))
        except LimitReached as exc:
            if self.store is not None:
                self.store.notices.append(str(exc))

    @property
    def pins(self) -> list[str]:
        return self.state.pins

    def toggle_pin(self, item_id: str) -> bool:
        """Pin or unpin, as the pins look now; returns whether it is pinned after.

        Raises :class:`~briefing.userstate.LimitReached` when the pin is refused."""
        pinned = item_id in self.state.pins
        self._apply(changes.unpin(item_id) if pinned else changes.pin(item_id))
        return item_id in self.state.pins

    def move_pin(self, item_id: str, delta: int) -> bool:
        before = list(self.state.pins)
        self._apply(changes.move_pin(item_id, delta))
        return self.state.pins != before

    def refresh(self) -> bool:
        """Re-read the file if another process wrote it; returns whether pins changed."""
        if self.store is None or self.store.current_stamp() == self.store.stamp:
            return False
        before = list(self.state.pins)
        fresh = self.store.load(self.pack.id)
        fresh.reconcile(self.pack)
        self.state = fresh
        return self._report(before, fresh.pins)

    def _apply(self, change: Change) -> None:
        if self.store is None:
            self.state = change(self.state) or self.state
            return
        seen: list[str] = []

        def on_fresh(fresh: PackState) -> PackState | None:
            fresh.reconcile(self.pack)
            seen.extend(fresh.pins)  # the pins as others left them, before this change
            return change(fresh)

        before = list(self.state.pins)
        saved = self.store.update(self.pack.id, on_fresh)
        if saved is None:  # not written (a notice says why): the app still shows the change
            self.state = change(self.state) or self.state
            return
        saved.reconcile(self.pack)
        self.state = saved
        self._report(before, seen)

    def _report(self, before: list[str], now: list[str]) -> bool:
        """Tell the app when the pins on disk differ from its copy (added, removed, or only
        reordered: both lists empty)."""
        if now == before:
            return False
        if self.on_pins_changed is not None:
            self.on_pins_changed([i for i in now if i not in before],
                                 [i for i in before if i not in now])
        return True
