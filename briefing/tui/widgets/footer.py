"""A footer that fits its width: the keys that matter most stay, the others go first.

Textual's footer lays every key out in a row and lets the row run under the docked command
palette key ("paletteQ" at 80 columns), so Quit, Help and the language key fall off the end.
This one keeps keys by priority (below) until the width is used, in their usual order.

It is one widget drawing one line, not a widget per key: the keys are the same on every
screen, and fourteen key widgets (each styled, composed and laid out, and all rebuilt on every
bindings signal, dozens of which arrive while the app starts) cost the app's first frame more
than anything else it draws. A click is mapped back to the key under the pointer. The words
are the app's language's (:mod:`briefing.tui.key_labels`), looked up on every redraw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widget import Widget

from briefing.tui.key_labels import in_language

# Kept first when room is short; actions not listed come after, in footer order.
# The way out of a screen (Close) comes right after Quit: at 60 columns a screen over the
# main one still says how to leave it.
PRIORITY = ("quit", "app.pop_screen", "close", "dismiss", "help", "toggle_lang",
            "command_palette", "app.search", "compare", "source", "app.goto", "app.back",
            "app.forward", "export", "find")
#: Keys shown together or not at all, drawn as one entry ("[/] Back/Forward"): "[ Back" alone
#: read as half a button, and "[ Back ] Forward" as a button labelled Back.
TOGETHER = {"app.back": "app.forward", "app.forward": "app.back"}
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
    #: a pair drawn as one entry ("[/] Back/Forward"): from cell ``split`` on, a click runs
    #: ``alt_key`` (``alt_action``) instead
    alt_key: str = ""
    alt_action: str = ""
    split: int = 0
    alt_enabled: bool = False

    @property
    def lit(self) -> bool:
        """Drawn bright: one of its keys does something now."""
        return self.enabled or self.alt_enabled

    def key_at(self, x: int) -> tuple[str, bool]:
        """The key a click at cell ``x`` of this entry runs, and whether it is enabled."""
        if self.alt_key and x >= self.split:
            return self.alt_key, self.alt_enabled
        return self.key, self.enabled

    @property
    def actions(self) -> tuple[str, ...]:
        return (self.action, self.alt_action) if self.alt_action else (self.action,)


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
    @property
    def shown_screen(self) -> Screen:
        """The screen whose keys are shown: a dialog over ours has no footer of its own, so
        its keys (Close first) are shown here while it is open."""
        top = self.app.screen
        if isinstance(top, ModalScreen) and top is not self.screen and (
                self.screen in self.app.screen_stack):
            return top
        return self.screen

    def key_cost(self, binding: Binding) -> int:
        """Cells a key takes: key, space, description, margin."""
        return cell_len(self.app.get_key_display(binding)) + 1 + cell_len(binding.description) + 1

    def fitting(self, width: int) -> tuple[list[tuple[Binding, bool, str]], tuple | None]:
        """The keys to show (footer order) and the palette key, if they fit in ``width``."""
        active = self.shown_screen.active_bindings
        lang = self.app.lang  # type: ignore[attr-defined]
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (in_language(binding, node, lang), enabled, tooltip)
        items = list(by_action.values())
        palette = active.get(self.app.COMMAND_PALETTE_BINDING) if (
            self.app.ENABLE_COMMAND_PALETTE) else None
        if palette is not None:
            palette = palette._replace(binding=in_language(palette.binding, palette.node, lang))
        candidates = [(b.action, i) for i, (b, _, _) in enumerate(items)]
        if palette is not None:
            candidates.append(("command_palette", -1))
        index_of = {b.action: i for i, (b, _, _) in enumerate(items)}
        used, keep, palette_kept = 0, set(), None
        for action, index in sorted(candidates, key=lambda c: (_rank(c[0]), c[1])):
            if index in keep:
                continue
            group = [index]
            if action in TOGETHER and TOGETHER[action] in index_of:
                group.append(index_of[TOGETHER[action]])
            cost = sum(self.key_cost(palette[1] if i < 0 else items[i][0]) for i in group)
            cost += 1 if index < 0 else 0  # the palette's rule
            if used + cost > width:
                continue
            used += cost
            if index < 0:
                palette_kept = palette
            else:
                keep.update(group)
        return [item for i, item in enumerate(items) if i in keep], palette_kept

    def laid_out_keys(self, width: int | None = None) -> tuple[FooterKey, ...]:
        """The keys drawn at ``width`` (the footer's own by default), left to right."""
        width = width or self.size.width or self.app.size.width
        shown, palette = self.fitting(width)
        keys, x = [], 0
        paired = False
        for index, (binding, enabled, _tooltip) in enumerate(shown):
            if paired:  # drawn with the key before it
                paired = False
                continue
            display = self.app.get_key_display(binding)
            description = binding.description
            after = shown[index + 1] if index + 1 < len(shown) else None
            if after is not None and TOGETHER.get(binding.action) == after[0].action:
                # "[ Back ] Forward" read as a button: the pair is one entry, its keys first
                paired, pair, pair_enabled = True, after[0], after[1]
                display = f"{display}/{self.app.get_key_display(pair)}"
                split = x + cell_len(display) + 1 + cell_len(description)
                description = f"{description}/{pair.description}"
                end = x + cell_len(display) + 1 + cell_len(description)
                keys.append(FooterKey(binding.key, display, description, binding.action,
                                      enabled, x, end, alt_key=pair.key,
                                      alt_action=pair.action, split=split,
                                      alt_enabled=pair_enabled))
            else:
                end = x + cell_len(display) + 1 + cell_len(description)
                keys.append(FooterKey(binding.key, display, description, binding.action,
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
            dim = _NONE if key.lit else _DIM
            line.append(key.display, key_style + dim)
            line.append(" ")
            line.append(key.description, description_style + dim)
        return line

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.app.screen_change_signal.subscribe(self, self._screen_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)
        self.app.screen_change_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _screen_changed(self, screen: Screen) -> None:
        """A dialog opened over our screen or closed: its keys or ours."""
        if self.is_attached:
            self.refresh()

    # -- clicks ----------------------------------------------------------------------------
    def on_mouse_down(self, event: events.MouseDown) -> None:
        for key in self._keys:
            if key.start <= event.x < key.end:
                pressed, enabled = key.key_at(event.x)
                if enabled:
                    self.app.simulate_key(pressed)
                else:
                    self.app.bell()
                return
