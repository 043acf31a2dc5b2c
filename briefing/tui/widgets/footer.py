"""A footer that fits its width: the keys that matter most stay, the others go first.

Textual's footer lays every key out in a row and lets the row run under the docked command
palette key ("paletteQ" at 80 columns), so Quit, Help and the language key fall off the end.
This one keeps keys by priority (below) until the width is used, in their usual order.

It also lays itself out once per change instead of once per signal: Textual's footer
recomposes on every ``bindings_updated`` signal, and starting the app (mounting, focusing,
restoring) sends dozens, each rebuilding every key widget. Here the signals are coalesced
into one check after the next refresh, which recomposes only when what the footer would show
(width, keys, enabled state, palette) differs from what it shows.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual exports no name for a footer key

# Kept first when room is short; actions not listed come after, in footer order.
PRIORITY = ("quit", "help", "toggle_lang", "command_palette", "app.search", "compare",
            "source", "app.goto", "app.back", "app.forward", "export", "find", "close",
            "app.pop_screen", "dismiss")


def _rank(action: str) -> int:
    return PRIORITY.index(action) if action in PRIORITY else len(PRIORITY)


class BriefingFooter(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)
        self._laid_out_width = 0
        self._shown_signature: tuple = ()
        self._check_pending = False

    def key_cost(self, binding: Binding) -> int:
        """Cells a compact footer key takes: key, space, description, margin."""
        return cell_len(self.app.get_key_display(binding)) + 1 + cell_len(binding.description) + 1

    def fitting(self, width: int) -> tuple[list[tuple[Binding, bool, str]], tuple | None]:
        """The keys to show (footer order) and the palette key, if they fit in ``width``."""
        active = self.screen.active_bindings
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled, tooltip)
        items = list(by_action.values())
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if (
            self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE) else None
        candidates = [(b.action, i) for i, (b, _, _) in enumerate(items)]
        if palette is not None:
            candidates.append(("command_palette", -1))
        used, keep, palette_kept = 0, set(), None
        for _action, index in sorted(candidates, key=lambda c: (_rank(c[0]), c[1])):
            binding = palette[1] if index < 0 else items[index][0]
            cost = self.key_cost(binding) + (1 if index < 0 else 0)  # the palette's border
            if used + cost > width:
                continue
            used += cost
            if index < 0:
                palette_kept = palette
            else:
                keep.add(index)
        return [item for i, item in enumerate(items) if i in keep], palette_kept

    def _width(self) -> int:
        return self.size.width or self.app.size.width

    def _signature(self, width: int) -> tuple:
        shown, palette = self.fitting(width)
        keys = tuple((b.key, b.description, b.action, enabled) for b, enabled, _ in shown)
        return (width, keys, palette is not None and palette[1].description)

    def compose(self) -> ComposeResult:
        # Laid out from the start (Textual's footer waits for the first bindings signal and
        # then rebuilds): the signal usually finds nothing changed, so no second build.
        self._bindings_ready = True
        width = self._width()
        self._laid_out_width = width
        self._shown_signature = self._signature(width)
        shown, palette = self.fitting(width)
        for binding, enabled, tooltip in shown:
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, disabled=not enabled, tooltip=tooltip,
                            classes="-compact")
        if palette is not None:
            _node, binding, enabled, tooltip = palette
            yield FooterKey(binding.key, self.app.get_key_display(binding), binding.description,
                            binding.action, classes="-command-palette", disabled=not enabled,
                            tooltip=binding.tooltip or binding.description)

    def bindings_changed(self, screen: Screen) -> None:
        """Schedule one check, however many signals arrive before the next refresh."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._check_pending:
            self._check_pending = True
            self.call_after_refresh(self._refresh_keys)

    async def _refresh_keys(self) -> None:
        self._check_pending = False
        if self.is_attached and self._signature(self._width()) != self._shown_signature:
            await self.recompose()

    def on_resize(self) -> None:
        if self._bindings_ready and self.size.width != self._laid_out_width:
            self._check_pending = True
            self.call_after_refresh(self._refresh_keys)
