"""How wide the section tree is: narrowed with ``<``, widened with ``>``, dragged by its edge,
hidden with ``t``; the width is remembered per pack (the resume state's ``tree_width``).

The stylesheet's widths (34 cells; 22 under 90 columns) stand until the reader chooses one.
A chosen width is kept as chosen and fitted to the screen each time it is drawn, so a
window made smaller never leaves the reading pane without room, and made larger again gets
the chosen width back.
"""

from __future__ import annotations

from briefing.tui.widgets.section_tree import SectionTree

STEP = 4  # cells per key press
NARROWEST = 12  # a tree narrower than this shows no words: hide it instead (t)
PANE_ROOM = 30  # the reading pane keeps at least this much (or half the screen)


def fitted(width: int, screen: int) -> int:
    """``width`` as it can be drawn on a ``screen`` columns wide."""
    widest = max(NARROWEST, min(screen - PANE_ROOM, screen * 2 // 3))
    return max(NARROWEST, min(width, widest))


class TreeSizing:
    """For the main screen (which has a :class:`SectionTree` and a session to remember in)."""

    def tree_width_now(self) -> int:
        """The tree's width as drawn (or about to be: a key pressed twice before the next
        layout steps twice)."""
        chosen = self.app.session.state.tree_width  # type: ignore[attr-defined]
        if chosen:
            return fitted(chosen, self.app.size.width)  # type: ignore[attr-defined]
        return self.query_one(SectionTree).outer_size.width  # type: ignore[attr-defined]

    def apply_tree_width(self) -> None:
        """The remembered width, fitted to the screen (none remembered: the stylesheet's)."""
        chosen = self.app.session.state.tree_width  # type: ignore[attr-defined]
        tree = self.query_one(SectionTree)  # type: ignore[attr-defined]
        if chosen:
            tree.styles.width = fitted(chosen, self.app.size.width)  # type: ignore[attr-defined]

    def set_tree_width(self, width: int) -> None:
        """Show the tree ``width`` cells wide (fitted) and remember it for this pack."""
        tree = self.query_one(SectionTree)  # type: ignore[attr-defined]
        width = fitted(width, self.app.size.width)  # type: ignore[attr-defined]
        tree.styles.width = width
        if not tree.display:
            tree.display = True
        self.app.session.remember(tree_width=width, tree_hidden=False)  # type: ignore[attr-defined]

    def action_tree_narrower(self) -> None:
        tree = self.query_one(SectionTree)  # type: ignore[attr-defined]
        if not tree.display:
            return
        if self.tree_width_now() <= NARROWEST:
            self.app.bell()  # type: ignore[attr-defined]
            return
        self.set_tree_width(self.tree_width_now() - STEP)

    def action_tree_wider(self) -> None:
        tree = self.query_one(SectionTree)  # type: ignore[attr-defined]
        if not tree.display:  # > brings a hidden tree back at its width
            tree.display = True
            self.app.session.remember(tree_hidden=False)  # type: ignore[attr-defined]
            return
        self.set_tree_width(self.tree_width_now() + STEP)

    def on_resize(self) -> None:
        self.apply_tree_width()

    def on_section_tree_edge_dragged(self, event: SectionTree.EdgeDragged) -> None:
        if event.done:
            self.set_tree_width(event.width)
        else:  # while the button is down: drawn, not yet remembered
            self.query_one(SectionTree).styles.width = fitted(  # type: ignore[attr-defined]
                event.width, self.app.size.width)  # type: ignore[attr-defined]
