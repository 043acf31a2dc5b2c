"""What is remembered for one pack, and how a saved entry is read back field by field.

Plain data: :class:`PackState` is what the app and the CLI hold; :func:`parse` turns one
entry of the state file into it, dropping only the fields that cannot be read (their names go
to the ``bad`` list the store turns into a notice), so one bad value never costs the pins
beside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from briefing.model import LANGS, Lang, Pack
from briefing.text.sanitize import one_line

MAX_ID_LEN = 200
MAX_SCROLL = 10_000_000
#: Pins per pack, set-aside ones included: pin 2,001 is refused with this number in the
#: message (never written and then dropped).
MAX_PINS = 2000
#: Tree nodes remembered unfolded per pack (where you were, not your data: more are let go).
MAX_EXPANDED = 2000
MAX_TREE_WIDTH = 1000  # cells: wider than any screen, so a larger saved width is damage
RESUME_FIELDS = ("open_id", "lang", "expanded", "tree_hidden", "tree_width", "scroll",
                 "scrolls")


class LimitReached(Exception):
    """A change the state file's limits do not allow; the message says which, for the user."""


@dataclass
class PackState:
    """What is remembered for one pack. ``None`` means "nothing saved, use the default"."""

    open_id: str | None = None
    lang: Lang | None = None
    expanded: list[str] | None = None  # tree nodes shown unfolded
    tree_hidden: bool = False
    tree_width: int | None = None  # cells, as the reader set it (None: the app's default)
    scroll: float = 0.0  # the reading pane's vertical offset for ``open_id``
    #: that offset in each language it was read in (the same text sits lower in one than in
    #: the other, so resuming in the other language needs its own)
    scrolls: dict[str, float] = field(default_factory=dict)
    pins: list[str] = field(default_factory=list)
    set_aside: list[str] = field(default_factory=list)  # pins the pack no longer has
    used: float = 0.0  # when this entry was last written (seconds since the epoch)

    def to_json(self) -> dict:
        return {"open": self.open_id, "lang": self.lang, "expanded": self.expanded,
                "tree_hidden": self.tree_hidden, "tree_width": self.tree_width,
                "scroll": self.scroll, "scrolls": dict(self.scrolls),
                "pins": list(self.pins), "set_aside": list(self.set_aside), "used": self.used}

    @property
    def holds_pins(self) -> bool:
        return bool(self.pins or self.set_aside)

    def forget_position(self) -> None:
        """Drop the resume state (where the pack was left), keeping the pins."""
        fresh = PackState()
        for name in RESUME_FIELDS:
            setattr(self, name, getattr(fresh, name))

    # -- pins --------------------------------------------------------------------------------
    def is_pinned(self, item_id: str) -> bool:
        return item_id in self.pins

    def toggle_pin(self, item_id: str) -> bool:
        """Pin (at the end) or unpin ``item_id``; returns whether it is pinned now.

        Raises :class:`LimitReached` at :data:`MAX_PINS`."""
        if item_id in self.pins:
            self.pins.remove(item_id)
            return False
        if len(self.pins) + len(self.set_aside) >= MAX_PINS:
            raise LimitReached(f"cannot pin {item_id}: {MAX_PINS:,} pins is the most kept for "
                               "one pack; unpin something first")
        self.pins.append(item_id)
        return True

    def move_pin(self, item_id: str, delta: int) -> bool:
        """Move a pin ``delta`` places (clamped); returns whether it moved."""
        if item_id not in self.pins:
            return False
        old = self.pins.index(item_id)
        new = min(max(old + delta, 0), len(self.pins) - 1)
        if new == old:
            return False
        self.pins.insert(new, self.pins.pop(old))
        return True

    def reconcile(self, pack: Pack) -> list[str]:
        """Set aside pins ``pack`` no longer has, bring back set-aside ones it has again.

        Returns the ids set aside (now or before) so they can be reported, never dropped.
        """
        from briefing.present.titles import kind_of  # an ad-hoc comparison is pinned too

        def has(item_id: str) -> bool:
            return kind_of(pack, item_id) is not None

        back = [i for i in self.set_aside if has(i) and i not in self.pins]
        gone = [i for i in self.pins if not has(i)]
        self.pins = [i for i in self.pins if has(i)] + back
        self.set_aside = unique([i for i in self.set_aside if not has(i)] + gone)
        return list(self.set_aside)


def parse(raw: dict, bad: list[str]) -> PackState:
    """The state in one saved entry; the names of unreadable fields are added to ``bad``.

    Lists are read whole (the file's size bounds them): a limit refuses new pins when they
    are made, it never drops saved ones on reading."""
    state = PackState()
    open_id = raw.get("open")
    if is_id(open_id):
        state.open_id = open_id
    elif open_id is not None:
        bad.append("open")
    lang = raw.get("lang")
    if lang in LANGS:
        state.lang = lang
    elif lang is not None:
        bad.append("lang")
    if "expanded" in raw and raw["expanded"] is not None:
        expanded = ids(raw["expanded"])
        if expanded is None:
            bad.append("expanded")
        state.expanded = expanded
    hidden = raw.get("tree_hidden", False)
    if isinstance(hidden, bool):
        state.tree_hidden = hidden
    else:
        bad.append("tree_hidden")
    width = raw.get("tree_width")
    if isinstance(width, int) and not isinstance(width, bool) and 0 < width <= MAX_TREE_WIDTH:
        state.tree_width = width
    elif width is not None:
        bad.append("tree_width")
    for name, top in (("scroll", MAX_SCROLL), ("used", math.inf)):
        value = raw.get(name, 0)
        if (isinstance(value, int | float) and not isinstance(value, bool)
                and math.isfinite(value) and 0 <= value <= top):
            setattr(state, name, float(value))
        else:
            bad.append(name)
    scrolls = raw.get("scrolls", {})
    if isinstance(scrolls, dict) and all(k in LANGS and _offset(v) for k, v in scrolls.items()):
        state.scrolls = {k: float(v) for k, v in scrolls.items()}
    else:
        bad.append("scrolls")
    for name in ("pins", "set_aside"):
        if name not in raw:
            continue
        found = ids(raw[name], salvage=True)
        if found is None or len(found) != len(raw[name]):
            bad.append(name)
        setattr(state, name, found or [])
    return state


def _offset(value: object) -> bool:
    return (isinstance(value, int | float) and not isinstance(value, bool)
            and math.isfinite(value) and 0 <= value <= MAX_SCROLL)


def is_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_ID_LEN and value == one_line(value)


def ids(value: object, salvage: bool = False) -> list[str] | None:
    """A list of ids; with ``salvage`` the readable ones of a partly bad list."""
    if not isinstance(value, list):
        return None
    good = unique([v for v in value if is_id(v)])
    if len(good) != len(value) and not salvage:
        return None
    return good


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
