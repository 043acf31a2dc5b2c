"""What ``f`` and ``e`` do on the main screen, on what :mod:`briefing.tui.subject` says they
act on: kept apart so the screen's module stays about layout and events."""

from __future__ import annotations

from typing import Any

from briefing.present.words import t

MainScreen = Any  # the main screen, which imports this module (no cycle for a type name)


def compare(screen: MainScreen) -> None:
    """``f``: a figure row opens the comparisons holding it (in none: pick figures of its
    unit to compare it with); a comparison row opens it; the item being read opens the
    comparisons it takes part in, and says so when there are none."""
    from briefing.present import panes
    from briefing.present.titles import kind_of

    app, pack = screen.app, screen.pack
    item = screen.subject().item_id
    kind = kind_of(pack, item) if item else None
    if kind == "figure":
        app.open_comparisons(figure_id=item, only_figure=True)  # type: ignore[attr-defined]
    elif kind == "comparison":
        app.open_comparisons(comparison_id=item)  # type: ignore[attr-defined]
    elif kind in ("section", "item"):
        ids = panes.comparisons_in(pack, pack.node(item))  # type: ignore[arg-type]
        if ids:
            app.open_comparisons(only=ids)  # type: ignore[attr-defined]
        else:
            screen.notify(t("not_compared", screen.lang), severity="warning")
    else:  # the all-figures view with no row: every comparison
        app.open_comparisons()  # type: ignore[attr-defined]


def export(screen: MainScreen) -> None:
    """``e``: the dialog offers what the key acts on (the tree's Pins: the pins first)."""
    from briefing.tui.screens.export_choice import ExportChoice

    app = screen.app
    subject = screen.subject()
    pins = app.session.pins  # type: ignore[attr-defined]
    item = subject.item_id
    if subject.pins:
        item = screen.pane.node_id
    choice = ExportChoice.of(screen.pack, item, pins, prefer_pins=subject.pins)
    if choice.options:
        app.open_export(choice)  # type: ignore[attr-defined]
    else:
        screen.notify(t("nothing_to_export", screen.lang), severity="warning")
