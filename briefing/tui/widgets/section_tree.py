"""The section tree: sections, their items, and a Figures node; follows the reading pane."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing.model import Lang, Node, Pack
from briefing.textsafe import one_line
from briefing.tui.i18n import t

FIGURES_ID = "*figures"


class SectionTree(Tree[str]):
    """Tree of node ids. Labels are ``Text`` so pack text is never read as markup."""

    def __init__(self, pack: Pack, lang: Lang, **kwargs) -> None:
        super().__init__("briefing", data="", **kwargs)
        self.pack = pack
        self.lang: Lang = lang
        self.show_root = False
        self.auto_expand = False  # Enter opens; space (or a click on the arrow) folds
        self.guide_depth = 2
        self._by_id: dict[str, TreeNode[str]] = {}

    def on_mount(self) -> None:
        for section in self.pack.sections:
            self._add(self.root, section)
        self._by_id[FIGURES_ID] = self.root.add_leaf(self._label(FIGURES_ID), data=FIGURES_ID)
        self.root.expand()

    def _add(self, parent: TreeNode[str], node: Node) -> None:
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
        return Text(one_line(node.title.get(self.lang)))

    def set_lang(self, lang: Lang) -> None:
        self.lang = lang
        for node_id, tree_node in self._by_id.items():
            tree_node.set_label(self._label(node_id))

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
