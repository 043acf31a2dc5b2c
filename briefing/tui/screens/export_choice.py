"""What the export dialog offers for what ``e`` was pressed on: the thing itself (an item, a
figure, a comparison, ad hoc too), the section it is in, the pins; and which comes first.

Plain Python: the main screen and the comparisons screen compute it, the dialog shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.model import Pack


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the dialog offers: ``(what, id)`` pairs, ``what`` being "item", "section" or
    "pins" (id ""), and which one is chosen first."""

    options: tuple[tuple[str, str], ...]
    default: str
    pins: tuple[str, ...] = ()

    @classmethod
    def of(cls, pack: Pack, item_id: str | None, pins: list[str],
           prefer_pins: bool = False) -> ExportChoice:
        """The choices for ``item_id`` (what a key acts on): the thing itself unless it is a
        section, the section it is in, and the pins when there are any."""
        from briefing.present.comparison_rows import find_comparison
        from briefing.present.titles import kind_of

        kind = kind_of(pack, item_id) if item_id else None
        options: list[tuple[str, str]] = []
        section = None
        if kind in ("section", "item"):
            section = pack.section_of(item_id).id  # type: ignore[arg-type]
        elif kind == "figure":
            section = pack.section_of(pack.figure(item_id).node_id).id  # type: ignore[arg-type]
        elif kind == "comparison":
            home = find_comparison(pack, item_id).section_id  # type: ignore[arg-type]
            section = pack.section_of(home).id if home and pack.has_node(home) else None
        if kind is not None and kind != "section":
            options.append(("item", item_id))  # type: ignore[arg-type]
        if section is not None:
            options.append(("section", section))
        if pins:
            options.append(("pins", ""))
        whats = [what for what, _ in options]
        default = "pins" if prefer_pins and pins else (whats[0] if whats else "")
        return cls(tuple(options), default, tuple(pins))

    def item(self, what: str) -> str | None:
        """The id exported when ``what`` is chosen ("" for the pins)."""
        return dict(self.options).get(what)
