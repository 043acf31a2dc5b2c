"""The header, without a crash when the title changes while a screen is being torn down.

Textual's ``Header`` watches the app's and the screen's title and, on each change, looks up
its ``HeaderTitle`` child, tolerating only ``NoScreen``. A title change that arrives while
the header's children are being removed (a screen closed by keys typed faster than the app
handles them, found by the monkey test) raises ``NoMatches`` and ends the app. This header
does the same thing and ignores that case too.

A title wider than the header ends in "…" right after its last whole character (Textual's
own ellipsis ends a Chinese title "工 …").
"""

from __future__ import annotations

from contextlib import suppress

from textual.app import ComposeResult
from textual.content import Content
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClock, HeaderClockSpace, HeaderIcon, HeaderTitle

from briefing.tui.widgets.ellipsis import fit_content


class FittedTitle(HeaderTitle):
    """The title, cut to the room it has with "…"."""

    def render(self) -> VisualType:
        visual = super().render()
        width = self.content_region.width
        return fit_content(visual, width) if isinstance(visual, Content) and width else visual


class BriefingHeader(Header):
    def compose(self) -> ComposeResult:
        """Textual's header, with the title cut by :class:`FittedTitle`."""
        yield HeaderIcon().data_bind(Header.icon)
        yield FittedTitle()
        yield HeaderClock().data_bind(Header.time_format) if self._show_clock else (
            HeaderClockSpace())

    def _on_mount(self, event: Mount) -> None:
        event.prevent_default()  # replaces Header's own handler (it would still raise)

        async def set_title() -> None:
            # the header may be going away: then there is nothing to show the title in
            with suppress(NoScreen, NoMatches):
                self.query_one(HeaderTitle).update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
