"""The header, without a crash when the title changes while a screen is being torn down.

Textual's ``Header`` watches the app's and the screen's title and, on each change, looks up
its ``HeaderTitle`` child, tolerating only ``NoScreen``. A title change that arrives while
the header's children are being removed (a screen closed by keys typed faster than the app
handles them, found by the monkey test) raises ``NoMatches`` and ends the app. This header
does the same thing and ignores that case too.
"""

from __future__ import annotations

from contextlib import suppress

from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Mount
from textual.widgets import Header
from textual.widgets._header import HeaderTitle  # Textual exports no name for it


class BriefingHeader(Header):
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
