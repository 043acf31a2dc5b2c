"""The section tree: sections, their items, a Figures node and the Pins; follows the pane.

Keys beyond Textual's: ``j``/``k`` move, ``→``/``←`` unfold and fold (``←`` on a leaf goes to
its parent), Home/End jump; on a pin ``K``/``J`` (or ctrl+↑/↓) reorder and Delete removes.

A label longer than the tree is wide ends in "…" (never cut mid-word without a sign); the
tree's right edge can be dragged to widen or narrow it (the screen remembers the width, see
:mod:`briefing.tui.screens.tree_size`).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing.model import Lang, Node, Pack
from briefing.present.words import t
from briefing.text.sanitize import one_line
from briefing.tui.widgets.ellipsis import fit_text

FIGURES_ID = "*figures"
PINS_ID = "*pins"
PIN_MARKS = {"section": "§", "item": "·", "figure": "#", "comparison": "⇄"}


class SectionTree(Tree[str]):
    """Tree of node ids. Labels are ``Text`` so pack text is never read as markup."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("right", "unfold", "Unfold", show=False),
        Binding("left", "fold", "Fold", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("K,ctrl+up", "move_pin(-1)", "Pin up", show=False),
        Binding("J,ctrl+down", "move_pin(1)", "Pin down", show=False),
        Binding("delete", "unpin", "Unpin", show=False),
    ]

    class EdgeDragged(Message):
        """The right edge was dragged to make the tree ``width`` cells wide (``done``: the
        button was let go)."""

        def __init__(self, width: int, done: bool) -> None:
            self.width = width
            self.done = done
            super().__init__()

    def __init__(self, pack: Pack, lang: Lang, pins: list[str] | None = None,
                 expanded: set[str] | None = None, **kwargs) -> None:
        """``expanded``: the nodes to show unfolded (None: sections unfolded, items folded)."""
        super().__init__("briefing", data="", **kwargs)
        self.pack = pack
        self.lang: Lang = lang
        self.show_root = False
        self.auto_expand = False  # Enter opens; space (or a click on the arrow) folds
        self.guide_depth = 2
        self._by_id: dict[str, TreeNode[str]] = {}
        self._pins = list(pins or [])
        self._expanded = expanded
        #: per briefing of a library, what the tree says beside its title
        self._about: dict[str, str] = {}
        self._dragging = False

    def on_mount(self) -> None:
        self._about = self._about_lines()
        self.set_class(bool(self._about), "-library")
        for section in self.pack.sections:
            self._add(self.root, section)
        self._by_id[FIGURES_ID] = self.root.add_leaf(self._label(FIGURES_ID), data=FIGURES_ID)
        self._pins_node = self.root.add(self._pins_label(), data=PINS_ID, expand=True)
        self.set_pins(self._pins)
        if self._expanded is not None:
            self.set_expanded(self._expanded)
        self.root.expand()

    # -- labels that fit, an edge that drags --------------------------------------------------
    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        """The label, ending in "…" where it is wider than the room beside its guides."""
        label = super().render_label(node, base_style, style)
        room = self.scrollable_content_region.width - self.guide_depth * (_level(node) - 1)
        return fit_text(label, room) if room > 0 else label

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.x >= self.outer_size.width - 1:  # the border: start a drag
            self._dragging = True
            self.capture_mouse()
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            self.post_message(self.EdgeDragged(self._edge_at(event), done=False))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()
            self.post_message(self.EdgeDragged(self._edge_at(event), done=True))
            event.stop()

    def _edge_at(self, event: events.MouseEvent) -> int:
        """The width that puts the edge under the pointer."""
        return event.screen_x - self.region.x + 1

    # -- folds -------------------------------------------------------------------------------
    def expanded_ids(self) -> list[str]:
        """The nodes shown unfolded (what the state file keeps)."""
        ids = [i for i, n in self._by_id.items() if n.children and n.is_expanded]
        return ids + ([PINS_ID] if self._pins_node.is_expanded else [])

    def set_expanded(self, ids: set[str]) -> None:
        for node_id, tree_node in [*self._by_id.items(), (PINS_ID, self._pins_node)]:
            if node_id in self._about and not tree_node.children:
                continue  # a briefing not opened: unfolding it would open it
            if node_id in ids:
                tree_node.expand()
            elif tree_node.children or node_id == PINS_ID:
                tree_node.collapse()

    def action_unfold(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            if node.is_expanded and node.children:
                self.action_cursor_down()
            else:
                node.expand()

    def action_fold(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_first(self) -> None:
        if self.last_line >= 0:
            self.move_cursor_to_line(0)

    def action_last(self) -> None:
        if self.last_line >= 0:
            self.move_cursor_to_line(self.last_line)

    # -- pins --------------------------------------------------------------------------------
    def _pins_label(self) -> Text:
        return Text(f"{t('pins', self.lang)} ({len(self._pins)})", style="italic")

    def set_pins(self, pins: list[str], cursor: str | None = None) -> None:
        """Show ``pins`` in pin order under the Pins node; ``cursor`` keeps one under it."""
        from briefing.present.titles import kind_of, title_of

        self._pins = list(pins)
        self._pins_node.remove_children()
        for item_id in self._pins:
            mark = PIN_MARKS.get(kind_of(self.pack, item_id) or "", "?")
            label = Text(f"{mark} ", style="dim").append(title_of(self.pack, item_id,
                                                                   self.lang))
            self._pins_node.add_leaf(label, data=item_id)
        self._pins_node.set_label(self._pins_label())
        self._pins_node.allow_expand = bool(self._pins)
        if cursor is not None:  # new leaves get their line numbers on the next refresh
            for leaf in self._pins_node.children:
                if leaf.data == cursor:
                    self.call_after_refresh(self.move_cursor, leaf)

    def is_pin(self, node: TreeNode[str] | None) -> bool:
        return node is not None and node.parent is self._pins_node

    @property
    def cursor_pin(self) -> str | None:
        node = self.cursor_node
        return node.data if self.is_pin(node) and node is not None else None

    def action_move_pin(self, delta: int) -> None:
        if self.cursor_pin:
            self.app.move_pin(self.cursor_pin, delta)  # type: ignore[attr-defined]

    def action_unpin(self) -> None:
        pin = self.cursor_pin
        if pin:
            index = self._pins.index(pin)
            self.app.toggle_pin(pin)  # type: ignore[attr-defined]
            leaves = self._pins_node.children
            target = leaves[min(index, len(leaves) - 1)] if leaves else self._pins_node
            self.call_after_refresh(self.move_cursor, target)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move_pin", "unpin"):
            return self.cursor_pin is not None
        return True

    def _about_lines(self) -> dict[str, str]:
        about = getattr(self.app, "tree_about", None)
        return (about(self.lang) if about else None) or {}

    def set_pack(self, pack: Pack) -> None:
        """Read ``pack`` from now on: a briefing of a library just opened gets its sections
        under its node (the ids already shown stay as they are)."""
        self.pack = pack
        for section in pack.sections:
            branch = self._by_id.get(section.id)
            if branch is None:
                self._add(self.root, section)
            elif section.children and not branch.children:
                for child in section.children:
                    self._add(branch, child)
                branch.expand()

    def on_tree_node_expanded(self, event: Tree.NodeExpanded) -> None:
        """Unfolding a briefing of a library not opened yet opens it."""
        node = event.node
        if node.data and node.parent is self.root and node.data in self._about \
                and not node.children:
            self.app.open_id(node.data)  # type: ignore[attr-defined]

    def _add(self, parent: TreeNode[str], node: Node) -> None:
        if node.is_section and node.id in self._about and not node.children:
            # a briefing not opened yet: unfolding it opens it
            self._by_id[node.id] = parent.add(self._label(node.id), data=node.id)
            return
        if node.children:
            branch = parent.add(self._label(node.id), data=node.id, expand=node.is_section)
            for child in node.children:
                self._add(branch, child)
        else:
            branch = parent.add_leaf(self._label(node.id), data=node.id)
        self._by_id[node.id] = branch

    def _label(self, node_id: str) -> Text:
        if node_id == FIGURES_ID:
            return Text(t("figures", self.lang), style="italic")
        node = self.pack.node(node_id)
        title = node.title.get(self.lang)
        if node_id in self._about:  # a briefing's title: a TODO placeholder reads untranslated
            from briefing.present.translation import shown

            title = shown(node.title, self.lang)
        label = Text(one_line(title))
        if node_id in self._about:
            label.append(f"  {self._about[node_id]}", style="dim")
        return label

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        self._about = self._about_lines()
        for node_id, tree_node in self._by_id.items():
            tree_node.set_label(self._label(node_id))
        self.set_pins(self._pins, cursor=self.cursor_pin)

    def follow(self, node_id: str) -> None:
        """Put the cursor on ``node_id`` (expanding its parents) without selecting it."""
        tree_node = self._by_id.get(node_id)
        if tree_node is None:
            return
        parent = tree_node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        self.move_cursor(tree_node)


def _level(node: TreeNode[str]) -> int:
    """1 for a section (under the hidden root), 2 for its items, ..."""
    level = 0
    while node.parent is not None:
        level += 1
        node = node.parent
    return level
