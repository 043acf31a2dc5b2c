"""The header: the icon that opens the command palette, then the title and the open item.

It looks and behaves as Textual's ``Header`` without a clock (same styles, so the same cells),
but is built from public pieces. Textual's header looks its title widget up on every title
change and tolerates only ``NoScreen``: a change arriving while a screen's widgets are being
removed (a screen closed by keys typed faster than the app handles them, found by the monkey
test) raised ``NoMatches`` and ended the app. This one keeps its title widget at hand, so
there is nothing to look up.

A title wider than the header ends in "…" right after its last whole character (Textual's
own ellipsis ends a Chinese title "工 …").
"""

from __future__ import annotations

from contextlib import suppress

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.dom import NoScreen
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static

from briefing.tui.widgets.ellipsis import fit_content

#: The menu sign (it opens the palette of commands). Not Textual's "⭘": that is of ambiguous
#: East Asian width, two cells in many CJK terminals, which shifts the whole header there.
ICON = "☰"


class HeaderIcon(Widget):
    """Top left; a click opens the command palette."""

    DEFAULT_CSS = """
    HeaderIcon {
        dock: left;
        padding: 0 1;
        width: 8;
        content-align: left middle;
    }
    HeaderIcon:hover {
        background: $foreground 10%;
    }
    """

    def on_mount(self) -> None:
        if self.app.ENABLE_COMMAND_PALETTE:
            self.tooltip = "Open the command palette"
        else:
            self.disabled = True

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.run_action("app.command_palette")

    def render(self) -> str:
        return ICON


class HeaderSpace(Widget):
    """Where Textual's header keeps its clock: the title stays centred as it was."""

    DEFAULT_CSS = """
    HeaderSpace {
        dock: right;
        width: 10;
        padding: 0 1;
    }
    """

    def render(self) -> str:
        return ""


class HeaderTitle(Static):
    DEFAULT_CSS = """
    HeaderTitle {
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
        width: 100%;
    }
    """

    def render(self) -> VisualType:
        """The title, cut to the room it has with "…"."""
        visual = super().render()
        width = self.content_region.width
        return fit_content(visual, width) if isinstance(visual, Content) and width else visual


class BriefingHeader(Widget):
    """One line (three after a click): the screen's title, else the app's, and sub-title."""

    DEFAULT_CSS = """
    BriefingHeader {
        dock: top;
        width: 100%;
        background: $panel;
        color: $foreground;
        height: 1;
    }
    BriefingHeader.-tall {
        height: 3;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._title = HeaderTitle()

    def compose(self) -> ComposeResult:
        yield HeaderIcon()
        yield self._title
        yield HeaderSpace()

    def on_mount(self) -> None:
        self.watch(self.app, "title", self._show_title)
        self.watch(self.app, "sub_title", self._show_title)
        self.watch(self.screen, "title", self._show_title)
        self.watch(self.screen, "sub_title", self._show_title)

    def on_click(self) -> None:
        self.toggle_class("-tall")

    def format_title(self) -> Content:
        """The whole title line before it is cut: the screen's title, else the app's, and
        sub-title (as Textual's ``Header.format_title``)."""
        screen, app = self.screen, self.app
        title = app.title if screen.title is None else screen.title
        sub_title = app.sub_title if screen.sub_title is None else screen.sub_title
        return app.format_title(title, sub_title)

    def _show_title(self) -> None:
        with suppress(NoScreen):  # the header may be going away: nothing to show it in
            self._title.update(self.format_title())
