"""Command palette provider (ctrl+p): what ``/`` finds, ranked as ``/`` ranks it."""

from __future__ import annotations

import contextlib
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, DiscoveryHit, Hit, Hits, Provider
from textual.css.query import NoMatches

from briefing.text.sanitize import one_line
from briefing.tui.textual_compat import GuardedCommandPalette

LIMIT = 40  # as many as the search dialog lists


class BriefingCommands(Provider):
    """Finds anything openable; titles in the app's current language, ids always."""

    def _candidates(self) -> list[tuple[str, str, str]]:
        app = self.app
        pack, lang = app.pack, app.lang  # type: ignore[attr-defined]
        words = {"en": ("section", "item", "figure", "comparison"),
                 "zh": ("章节", "条目", "数据", "对比")}[lang]
        out = []
        for node in pack.nodes():
            out.append((node.id, one_line(node.title.get(lang)),
                        words[0] if node.is_section else words[1]))
        for fig in pack.figures():
            out.append((fig.id, one_line(fig.label.get(lang)), words[2]))
        for cmp in pack.comparisons:
            out.append((cmp.id, one_line(cmp.title.get(lang)), words[3]))
        return out

    async def discover(self) -> Hits:
        for item_id, title, kind in self._candidates():
            if kind in ("section", "章节", "comparison", "对比"):
                open_it = partial(self.app.open_id, item_id)  # type: ignore[attr-defined]
                yield DiscoveryHit(Text(title), open_it, help=f"{kind} · {item_id}")

    async def search(self, query: str) -> Hits:
        """The same hits, in the same order, as ``/`` (one engine: :mod:`briefing.search`)."""
        from briefing.tui.screens.search import hit_prompt

        app = self.app
        engine = app.search_engine  # type: ignore[attr-defined]
        # a large pack's first index build is the search dialog's to do, in the background;
        # until it is done the palette completes ids only
        hits = engine.search(query, limit=LIMIT) if query.strip() and (
            engine.ready or not engine.builds_slowly()) else []
        for rank, hit in enumerate(hits):
            # the palette sorts by score: keep the engine's ranking, above Textual's own commands
            prompt = hit_prompt(hit, app.lang).split("\n")[0]  # type: ignore[attr-defined]
            yield Hit(1 - rank / (2 * LIMIT), prompt,
                      partial(app.open_id, hit.id), text=hit.id)  # type: ignore[attr-defined]
        # then ids the engine does not index, as go-to would complete them
        found = {hit.id for hit in hits}
        needle = query.strip().casefold()
        extra = [c for c in self._candidates() if needle and needle in c[0].casefold()
                 and c[0] not in found][:LIMIT]
        for rank, (item_id, title, kind) in enumerate(extra):
            yield Hit(0.4 - rank / (4 * LIMIT), Text.assemble((f"{kind} ", "dim"), title,
                                                             (f"  {item_id}", "dim italic")),
                      partial(app.open_id, item_id), text=item_id)  # type: ignore[attr-defined]


class SafeCommandPalette(GuardedCommandPalette):
    """Textual 8.2's palette raises KeyError on page keys before its list has been laid out,
    and a second Enter after it closed pops the main screen (both found by the robustness
    monkey); ignore such keys instead of crashing."""

    # Textual's own page keys pass through a private action with no guard: bound again here
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page_commands(1)", "Next page", show=False),
        Binding("pageup", "page_commands(-1)", "Previous page", show=False),
    ]

    def action_page_commands(self, direction: int) -> None:
        """Page through the commands; before they are laid out there is no page to move by."""
        with contextlib.suppress(KeyError, NoMatches):
            commands = self.query_one(CommandList)
            if direction > 0:
                commands.action_page_down()
            else:
                commands.action_page_up()

    def dismiss(self, result=None) -> AwaitComplete:
        """A second Enter after the palette has closed would pop the main screen."""
        if not self.is_active:
            return AwaitComplete(_nothing())
        return super().dismiss(result)


async def _nothing() -> None:
    return None
