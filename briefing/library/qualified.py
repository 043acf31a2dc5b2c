"""Ids across a library: ``pack:id``. Pack ids and the ids inside a pack never hold a colon
(the validator allows lowercase letters, digits and '-'), so the first colon splits them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.library.catalog import Library

SEP = ":"


def qualify(briefing: str, item_id: str) -> str:
    """``lanjiang-2026:gdp-growth-target-2026``."""
    return f"{briefing}{SEP}{item_id}"


def split(item_id: str) -> tuple[str | None, str]:
    """(briefing, id inside it); (None, id) for an id that names no briefing."""
    briefing, sep, rest = item_id.partition(SEP)
    return (briefing, rest) if sep else (None, item_id)


def briefing_of(item_id: str) -> str | None:
    return split(item_id)[0]


def shown_id(library: Library, briefing: str, own: str) -> str:
    """The id a reader uses for ``own`` of ``briefing``: qualified in a library of several
    briefings, as it is in a library of one."""
    return own if library.single is not None else qualify(briefing, own)
