"""The analyst's layer of the app: pins, copy with citation, j/k, and the state it saves.

A mixin for :class:`~briefing.tui.app.BriefingApp` (it uses the app's ``session``, ``pack``,
``lang`` and ``main``), kept apart so ``app.py`` stays about navigation.
"""

from __future__ import annotations

from briefing.present.words import t
from briefing.userstate import LimitReached

#: How often the app looks whether another process (``briefing pin``, another ``briefing
#: serve`` tab) changed the state file: one ``stat`` call.
STATE_POLL_SECONDS = 2.0

# Keys handled by widgets rather than the screen's bindings, for the help screen.
KEYS_BEYOND = [
    ("j / k", "Down / up in the tree, lists, tables and text",
     "在目录、列表、表格和正文中下移 / 上移"),
    ("→ / ←", "Unfold / fold in the tree (← on a leaf: its parent)",
     "目录展开 / 折叠（叶节点按 ← 回到上级）"),
    ("home / end", "First / last line", "跳到开头 / 结尾"),
    ("K / J, ^↑ / ^↓", "Move a pin up / down (in the tree's Pins)",
     "上移 / 下移收藏（目录中的收藏）"),
    ("delete", "Remove a pin (in the tree's Pins)", "删除收藏（目录中的收藏）"),
    ("< / >", "Narrow / widen the tree (or drag its edge); t hides it",
     "目录变窄 / 变宽（或拖动其边线）；t 隐藏目录"),
    ("← / →, [ / ], |", "All figures: choose a column, sort it up / down, filter",
     "全部数据：选择列、升序 / 降序排序、筛选"),
]


class WorkflowMixin:
    """Methods the screens call through ``self.app``: ``toggle_pin``, ``move_pin``,
    ``copy_text``; plus ``j``/``k`` and saving the position on quit."""

    def watch_state_file(self) -> None:
        """Follow pins made elsewhere: at once when the app writes (the store merges them in),
        and every :data:`STATE_POLL_SECONDS` while it only reads."""
        self.session.on_pins_changed = self._pins_changed_elsewhere
        if self.session.resumable:
            self.set_interval(STATE_POLL_SECONDS, self.session.refresh)

    def _pins_changed_elsewhere(self, added: list[str], removed: list[str]) -> None:
        if not self.screen_stack:
            return
        self.main.tree.set_pins(self.session.pins)
        self.main.refresh_bindings()
        self.notify(t("pins_elsewhere", self.lang).format(
            added=len(added), removed=len(removed), total=len(self.session.pins)),
            markup=False, timeout=4)

    def say_state_notices(self) -> None:
        """One line per problem with the state file (it was ignored, never fatal)."""
        for notice in self.session.new_notices():
            self.notify(notice, severity="warning", markup=False, timeout=6)

    async def action_quit(self) -> None:
        self.remember_position()
        self.exit()

    def remember_position(self) -> None:
        """Save what is only read at the end: the scroll position and the tree's folds."""
        main = self.main
        y = main.pane.scroll_y
        self.session.remember(scroll=y, scrolls={**self.session.state.scrolls, self.lang: y},
                              expanded=main.tree.expanded_ids(),
                              tree_hidden=not main.tree.display)

    def action_vim_move(self, delta: int) -> None:
        """``j``/``k``: down/up in whatever has focus (tree, lists, tables, scrolling panes).

        Typing in an input never gets here: the input consumes letters before app bindings.
        """
        widget = self.focused
        if widget is None:
            return
        name = "down" if delta > 0 else "up"
        for action in (f"action_cursor_{name}", f"action_scroll_{name}"):
            if hasattr(widget, action):
                getattr(widget, action)()
                return

    # -- pins and copying --------------------------------------------------------------------
    def toggle_pin(self, item_id: str | None) -> None:
        """Pin or unpin a section, item, figure or comparison, and say which."""
        if item_id:
            self.open_briefings_for(item_id)  # a search hit of a library briefing not open yet
        from briefing.present.titles import kind_of, title_of

        if not item_id or kind_of(self.pack, item_id) is None:
            self.notify(t("nothing_to_pin", self.lang), severity="warning")
            return

        try:
            pinned = self.session.toggle_pin(item_id)
        except LimitReached as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=6)
            return
        word = t("pinned" if pinned else "unpinned", self.lang)
        self.notify(f"{word}: {title_of(self.pack, item_id, self.lang)}", markup=False)
        self.main.tree.set_pins(self.session.pins)
        self.say_state_notices()

    def move_pin(self, item_id: str, delta: int) -> None:
        if self.session.move_pin(item_id, delta):
            self.main.tree.set_pins(self.session.pins, cursor=item_id)

    def copy_text(self, text: str, what: str) -> None:
        """Copy via OSC 52 and say what was copied, or why it cannot reach the clipboard."""
        from briefing.tui.clipboard import osc52_blocker

        self.copy_to_clipboard(text)
        blocker = osc52_blocker()
        if blocker:
            lines = text.splitlines()  # a few lines: a toast is no place to read a section
            shown = "\n".join(lines[:3]) + ("\n…" if len(lines) > 3 else "")
            self.notify(f"{t('no_clipboard', self.lang)} ({blocker}):\n{shown}", markup=False,
                        severity="warning", timeout=6)
            return
        self.notify(f"{t('copied', self.lang)}: {what}", markup=False)
