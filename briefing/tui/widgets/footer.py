"""A footer that fits its width: the keys that matter most stay, the others go first.

Textual's footer lays every key out in a row and lets the row run under the docked command
palette key ("paletteQ" at 80 columns), so Quit, Help and the language key fall off the end.
This one keeps keys by priority (below) until the width is used, in their usual order.

It is one widget drawing one line, not a widget per key: the keys are the same on every
screen, and fourteen key widgets (each styled, composed and laid out, and all rebuilt on every
bindings signal, dozens of which arrive while the app starts) cost the app's first frame more
than anything else it draws. A click is mapped back to the key under the pointer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

# Kept first when room is short; actions not listed come after, in footer order. The way
# out of a screen (Esc) comes right after Quit: at 60 columns it must still show.
PRIORITY = ("quit", "close", "app.pop_screen", "dismiss", "help", "toggle_lang",
            "command_palette", "app.search", "compare", "source", "app.goto", "app.back",
            "app.forward", "export", "find")
PALETTE_BAR = "▏"  # the rule before the palette key, as Textual draws it
_DIM, _NONE = Style(dim=True), Style()


def _rank(action: str) -> int:
    return PRIORITY.index(action) if action in PRIORITY else len(PRIORITY)


@dataclass(frozen=True)
class FooterKey:
    """One key as drawn: where it sits on the line (cells ``start`` to ``end``)."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    start: int
    end: int
    palette: bool = False


class BriefingFooter(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"footer-key--key", "footer-key--description",
                                             "footer--bar"}
    DEFAULT_CSS = """
    BriefingFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    BriefingFooter > .footer-key--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    BriefingFooter > .footer-key--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    BriefingFooter > .footer--bar {
        color: $foreground 20%;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._keys: tuple[FooterKey, ...] = ()

    # -- what fits -------------------------------------------------------------------------
    def key_cost(self, binding: Binding) -> int:
        """Cells a key takes: key, space, description, margin."""
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
            self.app.ENABLE_COMMAND_PALETTE) else None
        candidates = [(b.action, i) for i, (b, _, _) in enumerate(items)]
        if palette is not None:
            candidates.append(("command_palette", -1))
        used, keep, palette_kept = 0, set(), None
        for _action, index in sorted(candidates, key=lambda c: (_rank(c[0]), c[1])):
            binding = palette[1] if index < 0 else items[index][0]
            cost = self.key_cost(binding) + (1 if index < 0 else 0)  # the palette's rule
            if used + cost > width:
                continue
            used += cost
            if index < 0:
                palette_kept = palette
            else:
                keep.add(index)
        return [item for i, item in enumerate(items) if i in keep], palette_kept

    def laid_out_keys(self, width: int | None = None) -> tuple[FooterKey, ...]:
        """The keys drawn at ``width`` (the footer's own by default), left to right."""
        width = width or self.size.width or self.app.size.width
        shown, palette = self.fitting(width)
        keys, x = [], 0
        for binding, enabled, _tooltip in shown:
            display = self.app.get_key_display(binding)
            end = x + cell_len(display) + 1 + cell_len(binding.description)
            keys.append(FooterKey(binding.key, display, binding.description, binding.action,
                                  enabled, x, end))
            x = end + 1
        if palette is not None:
            _node, binding, enabled, _tooltip = palette
            display = self.app.get_key_display(binding)
            start = width - (cell_len(display) + 1 + cell_len(binding.description))
            keys.append(FooterKey(binding.key, display, binding.description, binding.action,
                                  enabled, start, width, palette=True))
        return tuple(keys)

    # -- drawing ---------------------------------------------------------------------------
    def render(self) -> Text:
        width = self.size.width
        self._keys = self.laid_out_keys(width)
        key_style = self.get_component_rich_style("footer-key--key")
        description_style = self.get_component_rich_style("footer-key--description")
        line = Text(no_wrap=True, overflow="crop")
        for key in self._keys:
            gap = key.start - line.cell_len - (1 if key.palette else 0)
            if gap > 0:
                line.append(" " * gap)
            if key.palette:
                line.append(PALETTE_BAR, self.get_component_rich_style("footer--bar"))
            dim = _NONE if key.enabled else _DIM
            line.append(key.display, key_style + dim)
            line.append(" ")
            line.append(key.description, description_style + dim)
        return line

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    # -- clicks ----------------------------------------------------------------------------
    def on_mouse_down(self, event: events.MouseDown) -> None:
        for key in self._keys:
            if key.start <= event.x < key.end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
