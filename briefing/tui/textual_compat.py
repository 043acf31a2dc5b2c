"""Every use of Textual's private API, each with the reason no public one does the job.

Nothing else in the app names a private Textual attribute (tests/tui/test_textual_api.py
checks that). Each use here guards against a crash the robustness monkey found; when Textual
fixes the crash or offers a public hook, the use goes. ``pyproject.toml`` bounds the Textual
versions these were tested with.
"""

from __future__ import annotations

import contextlib

from textual.command import CommandPalette
from textual.css.query import NoMatches


class GuardedCommandPalette(CommandPalette):
    """The command palette, without the crash of keys typed in the same frame as ctrl+p."""

    def _watch__list_visible(self) -> None:
        """Textual's watcher of its private ``_list_visible`` flag looks the list up. Keys
        typed in the same frame as ctrl+p let the command-gathering worker set the flag before
        the list is mounted (or after it is removed): the look-up raised ``NoMatches`` and ended
        the app (monkey seeds 22, 23). The flag and its watcher are private, set from inside the
        palette's worker, so only a watcher of the same name can step in; there is then nothing
        to show or hide."""
        with contextlib.suppress(NoMatches):
            super()._watch__list_visible()
