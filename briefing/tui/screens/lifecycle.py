"""Screens closed before they finished opening.

Keys typed faster than the app handles them (or a monkey test) can open a screen and close it
again before its ``Mount`` is handled. Textual still delivers the ``Mount``, but the screen is
off the stack and its children are gone, so a query in ``on_mount`` raises ``NoMatches`` and
ends the app. Every screen's ``on_mount`` asks this first.
"""

from __future__ import annotations

from textual.screen import Screen


def closed_before_mount(screen: Screen) -> bool:
    """Whether ``screen`` was taken off the stack before its ``on_mount`` ran."""
    return screen not in screen.app.screen_stack
