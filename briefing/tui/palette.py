"""Command palette provider (ctrl+p): what ``/`` finds, ranked as ``/`` ranks it."""

from __future__ import annotations

import contextlib
from functools import partial

from rich.text import Text
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.css.query import NoMatches

from briefing.text.sanitize import one_line

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


class SafeCommandPalette(CommandPalette):
    """Textual 8.2's palette raises KeyError on page keys before its list has been laid out,
    and a second Enter after it closed pops the main screen (both found by the robustness
    monkey); ignore such keys instead of crashing."""

    def _action_command_list(self, action: str) -> None:
        with contextlib.suppress(KeyError):
            super()._action_command_list(action)

    def _watch__list_visible(self) -> None:
        """Keys typed in the same frame as ctrl+p make the gathering worker report results
        before (or after) the list is mounted; there is then nothing to show or hide."""
        with contextlib.suppress(NoMatches):
            super()._watch__list_visible()

    def dismiss(self, result=None) -> AwaitComplete:
        """A second Enter after the palette has closed would pop the main screen."""
        if not self.is_active:
            return AwaitComplete(_nothing())
        return super().dismiss(result)


async def _nothing() -> None:
    return None
